import type { Position } from "../cells";
import { invalid } from "../errors";

/**
 * What the BTYD models know of a customer, in one time unit (days, weeks or months) counted
 * from the customer's first purchase. The first purchase itself is not a repeat purchase.
 */
export interface PurchaseHistory {
  /** repeat purchases: purchase days after the first */
  x: number;
  /** time of the last repeat purchase (0 without one) */
  tx: number;
  /** time from the first purchase to the end of the calibration period */
  T: number;
}

export interface SpendHistory {
  /** repeat purchases */
  x: number;
  /** mean value of the repeat purchases (0 without one) */
  meanSpend: number;
}

export type CustomerHistory = PurchaseHistory & SpendHistory;

function repeatPurchases(x: number, at?: Position): number {
  if (!Number.isInteger(x) || x < 0) throw invalid("wholeAtLeast", { arg: "x", min: 0, ...at });
  return x;
}

/** A valid purchase history: x a whole number >= 0, 0 <= t_x <= T, and t_x = 0 when x = 0. */
export function purchaseHistory(x: number, tx: number, T: number, at?: Position): PurchaseHistory {
  repeatPurchases(x, at);
  if (!(tx >= 0 && tx <= T)) throw invalid("recencyOutOfRange", { ...at });
  if (x === 0 && tx !== 0) throw invalid("recencyWithoutRepeat", { ...at });
  return { x, tx, T };
}

/** A valid spend history: a repeat buyer's mean spend is greater than 0; without one it is unused. */
export function spendHistory(x: number, meanSpend: number, at?: Position): SpendHistory {
  repeatPurchases(x, at);
  if (x > 0 && !(meanSpend > 0)) throw invalid("greaterThan", { arg: "mean_spend", min: 0, ...at });
  return { x, meanSpend };
}

import type { BgNbdParams } from "./bgnbd";
import { expectedPurchases, repeatPurchaseProbabilities } from "./bgnbdForecast";
import type { PurchaseHistory } from "./history";
import type { PurchaseSummary } from "./summary";

/**
 * How well a fitted BG/NBD model describes the customers it was fitted to, as the two charts
 * of FHL 2005 (figures 3 and 4) and lifetimes' plot_period_transactions and
 * plot_calibration_purchases_vs_holdout_purchases show it. Customers are grouped by their
 * repeat purchases x = 0, 1, ..., with the last group holding everyone at `groups - 1` or more.
 */
export interface FrequencyGroup {
  /** repeat purchases; with `orMore`, this many or more */
  x: number;
  orMore: boolean;
  /** customers with x repeat purchases */
  actual: number;
  /** customers the model expects there: Σ P(X(T_i) = x) over the customers */
  expected: number;
}

/** Default number of groups: 0 to 6 repeat purchases and 7 or more, as in FHL 2005. */
const GROUPS = 8;

/**
 * Actual and expected numbers of customers by repeat purchases in the calibration period. The
 * expectation is exact, not simulated (lifetimes simulates a data set); each customer is
 * weighted by P(X(T) = x) for their own T.
 */
export function repeatPurchaseFrequencies(
  params: BgNbdParams,
  histories: readonly PurchaseHistory[],
  groups = GROUPS
): FrequencyGroup[] {
  const rows: FrequencyGroup[] = Array.from({ length: groups }, (_, x) => ({
    x,
    orMore: x === groups - 1,
    actual: 0,
    expected: 0,
  }));
  const customersByT = new Map<number, number>();
  for (const h of histories) {
    rows[Math.min(h.x, groups - 1)].actual++;
    customersByT.set(h.T, (customersByT.get(h.T) ?? 0) + 1);
  }
  for (const [T, customers] of customersByT) {
    const probabilities = repeatPurchaseProbabilities(params, T, groups - 1);
    let below = 0;
    probabilities.forEach((p, x) => {
      rows[x].expected += customers * p;
      below += p;
    });
    rows[groups - 1].expected += customers * Math.max(0, 1 - below);
  }
  return rows;
}

export interface HoldoutGroup {
  /** repeat purchases in the calibration period; with `orMore`, this many or more */
  x: number;
  orMore: boolean;
  customers: number;
  /** mean purchases in the holdout period */
  actual: number;
  /** mean of the model's E[Y(holdout length) | x, t_x, T] */
  predicted: number;
}

/**
 * Calibration against holdout: per group of calibration repeat purchases, the customers' mean
 * purchases in the holdout period and the mean the model predicted for it. Needs a summary
 * made with a holdout end. Empty groups are left out.
 */
export function holdoutComparison(
  params: BgNbdParams,
  summary: PurchaseSummary,
  groups = GROUPS
): HoldoutGroup[] {
  const { customers, holdoutLength } = summary;
  if (holdoutLength === undefined) throw new Error("the summary has no holdout period");
  const rows: HoldoutGroup[] = Array.from({ length: groups }, (_, x) => ({
    x,
    orMore: x === groups - 1,
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  for (const c of customers) {
    const row = rows[Math.min(c.x, groups - 1)];
    row.customers++;
    row.actual += c.holdoutPurchases ?? 0;
    row.predicted += expectedPurchases(params, holdoutLength, c);
  }
  return rows
    .filter((row) => row.customers > 0)
    .map((row) => ({
      ...row,
      actual: row.actual / row.customers,
      predicted: row.predicted / row.customers,
    }));
}

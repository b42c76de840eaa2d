import { type Dec, dec } from "../decimal";
import { invalid } from "../errors";
import * as rule from "../validate";
import type { BgNbdParams } from "./bgnbd";
import { expectedPurchases } from "./bgnbdForecast";
import type { GammaGammaParams } from "./gammaGamma";
import { expectedSpend } from "./gammaGamma";
import type { CustomerHistory, PurchaseHistory } from "./history";

export interface ClvHorizon {
  /** how far ahead, in the histories' time unit; > 0 */
  horizon: number;
  /** length of one discounting step, in the same unit (default 1); > 0 */
  step?: number;
  /** discount rate per step, > -1 (default 0: no discounting) */
  discountRate?: number;
}

/** Where each step ends (time after T) and what one purchase in it is worth today. */
export interface DiscountSchedule {
  ends: number[];
  factors: number[];
}

/** Enough for 80 years of monthly steps, and a bound on the work one cell can ask for. */
const MAX_STEPS = 1000;

/**
 * The steps cut the horizon from T on: step i ends at i·step and is discounted by
 * 1/(1 + rate)^i. When the horizon is not a whole number of steps (counted exactly, in
 * decimals), the last step is shorter and ends at the horizon; it is still discounted by a
 * whole step. Built once for a column of customers.
 */
export function discountSchedule({
  horizon,
  step = 1,
  discountRate = 0,
}: ClvHorizon): DiscountSchedule {
  rule.greaterThan(horizon, "horizon", 0);
  rule.greaterThan(step, "step", 0);
  const growth = 1 + rule.rate(discountRate, "discount_rate");
  const steps = dec(horizon).div(step).ceil().toNumber();
  if (steps > MAX_STEPS)
    throw invalid("atLeast", { arg: "step", min: dec(horizon).div(MAX_STEPS).toNumber() });
  const ends: number[] = [];
  const factors: number[] = [];
  for (let i = 1; i <= steps; i++) {
    ends.push(Math.min(i * step, horizon));
    factors.push(Math.pow(growth, -i));
  }
  return { ends, factors };
}

/**
 * Σ_i (E[Y(t_i)] - E[Y(t_(i-1))]) / (1 + rate)^i: the customer's expected purchases step by
 * step, each discounted to T. In double precision, unlike money: the terms are model
 * expectations accurate to about 1e-13, so exact decimals would cost much (a column of
 * customers times a year of weekly steps) and add no accuracy.
 */
export function discountedExpectedPurchases(
  params: BgNbdParams,
  history: PurchaseHistory,
  schedule: DiscountSchedule,
  arg = "bgnbd_params"
): number {
  let discounted = 0;
  let before = 0;
  schedule.ends.forEach((end, i) => {
    const upTo = expectedPurchases(params, end, history, arg);
    discounted += (upTo - before) * schedule.factors[i];
    before = upTo;
  });
  return discounted;
}

/**
 * The customer's predicted lifetime value: the expected spend per purchase (Gamma-Gamma, in
 * exact decimals) times the discounted expected purchases (BG/NBD), as lifetimes'
 * customer_lifetime_value computes it with its time unit made explicit.
 */
export function predictedClv(
  purchases: BgNbdParams,
  spend: GammaGammaParams,
  history: CustomerHistory,
  schedule: DiscountSchedule
): Dec {
  return expectedSpend(spend, history, "gg_params").times(
    discountedExpectedPurchases(purchases, history, schedule, "bgnbd_params")
  );
}

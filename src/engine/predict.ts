import {
  type BgNbdFit,
  DAYS_PER_UNIT,
  type FrequencyGroup,
  type GammaGammaFit,
  type HoldoutGroup,
  type PurchaseSummary,
  type TimeUnit,
  discountSchedule,
  discountedExpectedPurchases,
  expectedPurchases,
  expectedSpend,
  fitBgNbd,
  fitGammaGamma,
  holdoutComparison,
  pAlive,
  repeatPurchaseFrequencies,
  summarizePurchases,
} from "./btyd";
import { type Dec } from "./decimal";
import { invalid } from "./errors";
import { Population } from "./population";
import { PYRAMID_TIERS, Pyramid } from "./pyramid";
import { type Segmentation, type SkipReason, type Skipped, summarize } from "./segment";
import type { Roles, TableGrid } from "./table";
import { readTransactions } from "./transactionTable";
import * as rule from "./validate";

/**
 * The task pane's "Predict" method: from a transaction table, fit BG/NBD (will they buy again,
 * and how often) and Gamma-Gamma (how much), then per customer P(alive), the expected
 * purchases in the coming period, the expected spend per purchase and the predicted CLV over
 * the horizon; customers are tiered by predicted CLV with the customer pyramid's rule.
 */
export interface PredictOptions {
  /** the models' time unit (default week) */
  unit?: TimeUnit;
  /** expected purchases in the next `period` units (default: a year) */
  period?: number;
  /** predicted CLV over the next `horizon` units (default: a year) */
  horizon?: number;
  /** yearly discount rate for the CLV (default 10%) */
  yearlyDiscountRate?: number;
  /** last day (Excel serial) of the calibration period; later purchases are the holdout */
  calibrationEnd?: number;
}

export const DEFAULT_YEARLY_DISCOUNT = 0.1;
const YEAR_DAYS = 365.25;

export interface PredictedCustomer {
  customer: string;
  x: number;
  tx: number;
  T: number;
  meanSpend: number;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: Dec;
  clv: Dec;
  /** purchase days in the holdout period (with a calibration end) */
  holdoutPurchases?: number;
}

export interface Prediction {
  summary: PurchaseSummary;
  labels: Map<string, string | number>;
  unit: TimeUnit;
  period: number;
  horizon: number;
  /** discount rate per CLV step, and the step's length in the unit */
  stepDiscountRate: number;
  step: number;
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  customers: PredictedCustomer[];
  /** actual and expected customers by repeat purchases in the calibration period */
  frequencies: FrequencyGroup[];
  /** calibration against holdout, with a calibration end */
  holdout?: HoldoutGroup[];
}

/** Units in a year, and the CLV step: a week for daily data (365 steps a year would be slow). */
function unitFacts(unit: TimeUnit) {
  const perYear = YEAR_DAYS / DAYS_PER_UNIT[unit];
  return { perYear, step: unit === "day" ? 7 : 1 };
}

/** The options with their defaults, checked (errors name the pane's fields). */
export function resolvePredictOptions(options: PredictOptions = {}) {
  const unit = options.unit ?? "week";
  const { perYear, step } = unitFacts(unit);
  const period = options.period ?? Math.round(perYear);
  const horizon = options.horizon ?? Math.round(perYear);
  rule.greaterThan(period, "period", 0);
  rule.greaterThan(horizon, "horizon", 0);
  const yearly = rule.rate(options.yearlyDiscountRate ?? DEFAULT_YEARLY_DISCOUNT, "discount_rate");
  const stepDiscountRate = Math.pow(1 + yearly, (step * DAYS_PER_UNIT[unit]) / YEAR_DAYS) - 1;
  return { unit, period, horizon, step, stepDiscountRate };
}

export function predict(
  table: TableGrid,
  roles: Roles,
  options: PredictOptions,
  onSkip: (row: number, reason: SkipReason) => void
): Prediction {
  const { unit, period, horizon, step, stepDiscountRate } = resolvePredictOptions(options);
  // returns and cancellations are left out; a purchase worth 0 is still a purchase occasion,
  // as BTYDSUMMARY and lifetimes count it
  const { transactions, labels } = readTransactions(table, roles, {
    purchasesOnly: true,
    keepFree: true,
    onSkip,
  });
  let latest = -Infinity;
  for (const t of transactions) latest = Math.max(latest, t.day);
  const { calibrationEnd } = options;
  if (calibrationEnd !== undefined && !(calibrationEnd < latest))
    throw invalid("calibrationEndTooLate", { arg: "calibration_end" });
  const summary = summarizePurchases(transactions, {
    unit,
    ...(calibrationEnd !== undefined ? { calibrationEnd, holdoutEnd: latest } : {}),
  });
  const histories = summary.customers;
  const bgnbd = fitBgNbd(histories);
  const gammaGamma = fitGammaGamma(histories);
  const schedule = discountSchedule({ horizon, step, discountRate: stepDiscountRate });
  const customers = histories.map((h): PredictedCustomer => {
    const spend = expectedSpend(gammaGamma.params, h, "gg_params");
    return {
      customer: h.customer,
      x: h.x,
      tx: h.tx,
      T: h.T,
      meanSpend: h.meanSpend,
      pAlive: pAlive(bgnbd.params, h),
      expectedPurchases: expectedPurchases(bgnbd.params, period, h),
      expectedSpend: spend,
      clv: spend.times(discountedExpectedPurchases(bgnbd.params, h, schedule)),
      ...(h.holdoutPurchases !== undefined ? { holdoutPurchases: h.holdoutPurchases } : {}),
    };
  });
  return {
    summary,
    labels,
    unit,
    period,
    horizon,
    stepDiscountRate,
    step,
    bgnbd,
    gammaGamma,
    customers,
    frequencies: repeatPurchaseFrequencies(bgnbd.params, histories),
    ...(calibrationEnd !== undefined ? { holdout: holdoutComparison(bgnbd.params, summary) } : {}),
  };
}

/**
 * The Predict method as a segmentation: one row per customer on a new sheet, tiered by
 * predicted CLV with the customer pyramid's rule (VIP, Major, Regular, Small); the tiers share
 * the predicted CLV. Returns and cancellations (amount < 0) are left out and listed.
 */
export function segmentPredictions(
  table: TableGrid,
  roles: Roles,
  options: PredictOptions = {}
): Segmentation {
  const skipped: Skipped[] = [];
  const prediction = predict(table, roles, options, (row, reason) => skipped.push({ row, reason }));
  const values = prediction.customers.map((c) => c.clv.toNumber());
  const pyramid = new Pyramid(Population.of(values, "clv"));
  const rowTiers = values.map((v) => pyramid.tierOf(v));
  return {
    method: "predict",
    prediction,
    tiers: PYRAMID_TIERS,
    rowTiers,
    scores: [],
    skipped: skipped.sort((a, b) => a.row - b.row),
    ...summarize(PYRAMID_TIERS, rowTiers, values),
  };
}

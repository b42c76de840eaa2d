import {
  type BgNbdFit,
  type CustomerHistory,
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
import { isoDate } from "./dates";
import { type Dec } from "./decimal";
import { CvError, invalid } from "./errors";
import { Population } from "./population";
import { PYRAMID_TIERS, Pyramid } from "./pyramid";
import { type Segmentation, summarize } from "./segment";
import type { Skipped } from "./skip";
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
  /**
   * a day (Excel serial) to check the model on: it is fitted again to the purchases up to
   * that day and its forecast compared with the purchases after it
   */
  calibrationEnd?: number;
}

/** What errors call the options (the pane passes its field labels, in the user's language). */
export type PredictNames = Partial<
  Record<"period" | "horizon" | "discount" | "calibrationEnd", string>
>;

export const DEFAULT_YEARLY_DISCOUNT = 0.1;
const YEAR_DAYS = 365.25;
/** The CLV is summed step by step; more steps than this would be slow and say nothing more. */
const MAX_CLV_STEPS = 1000;

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
}

/** The models fitted to a transaction table: the slow part, independent of the forecast options. */
export interface PredictionFit {
  /** every purchase, as of the latest one */
  summary: PurchaseSummary;
  labels: Map<string, string | number>;
  skipped: Skipped[];
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** actual and expected customers by repeat purchases */
  frequencies: FrequencyGroup[];
  /** the check on a calibration period, when a calibration end is given */
  calibration?: { summary: PurchaseSummary; bgnbd: BgNbdFit; holdout: HoldoutGroup[] };
}

export interface Prediction extends PredictionFit {
  unit: TimeUnit;
  period: number;
  horizon: number;
  /** discount rate per CLV step, and the step's length in the unit */
  stepDiscountRate: number;
  step: number;
  customers: PredictedCustomer[];
}

/** Units in a year, and the CLV step: a week for daily data (365 steps a year would be slow). */
function unitFacts(unit: TimeUnit) {
  const perYear = YEAR_DAYS / DAYS_PER_UNIT[unit];
  return { perYear, step: unit === "day" ? 7 : 1 };
}

/** The options with their defaults, checked (errors use `names`). */
export function resolvePredictOptions(options: PredictOptions = {}, names: PredictNames = {}) {
  const unit = options.unit ?? "week";
  const { perYear, step } = unitFacts(unit);
  const period = options.period ?? Math.round(perYear);
  const horizon = options.horizon ?? Math.round(perYear);
  rule.greaterThan(period, names.period ?? "period", 0);
  const maxHorizon = MAX_CLV_STEPS * step;
  if (!(horizon > 0 && horizon <= maxHorizon))
    throw invalid("between", { arg: names.horizon ?? "horizon", min: 0, max: maxHorizon });
  const yearly = rule.rate(
    options.yearlyDiscountRate ?? DEFAULT_YEARLY_DISCOUNT,
    names.discount ?? "discount_rate"
  );
  const stepDiscountRate = Math.pow(1 + yearly, (step * DAYS_PER_UNIT[unit]) / YEAR_DAYS) - 1;
  return { unit, period, horizon, step, stepDiscountRate };
}

/** Repeat buyers whose repeat purchases were all free tell nothing of spend: Gamma-Gamma needs m > 0. */
const spenders = (histories: readonly CustomerHistory[]) =>
  histories.filter((h) => h.x > 0 && h.meanSpend > 0);

/**
 * Reads the purchases (returns and cancellations left out and listed; a purchase worth 0 is
 * still a purchase occasion, as BTYDSUMMARY and lifetimes count it) and fits both models to all
 * of them, as of the latest purchase. With a calibration end, BG/NBD is also fitted to the
 * purchases up to it and its forecast set against what the customers bought after it.
 */
export function fitPrediction(
  table: TableGrid,
  roles: Roles,
  options: Pick<PredictOptions, "unit" | "calibrationEnd"> = {},
  names: PredictNames = {}
): PredictionFit {
  const unit = options.unit ?? "week";
  const skipped: Skipped[] = [];
  const { transactions, labels } = readTransactions(table, roles, {
    purchasesOnly: true,
    keepFree: true,
    onSkip: (row, reason) => skipped.push({ row, reason }),
  });
  skipped.sort((a, b) => a.row - b.row);
  // the models' own messages name function arguments (x, calibration_end); the pane has none
  if (transactions.length === 0) throw new CvError("na", "noRepeatCustomers");
  const summary = summarizePurchases(transactions, { unit });
  if (spenders(summary.customers).length === 0) throw new CvError("na", "noRepeatCustomers");
  const bgnbd = inPlainWords("purchases", () => fitBgNbd(summary.customers));
  const gammaGamma = inPlainWords("spend", () => fitGammaGamma(spenders(summary.customers)));
  const fit: PredictionFit = {
    summary,
    labels,
    skipped,
    bgnbd,
    gammaGamma,
    frequencies: repeatPurchaseFrequencies(bgnbd.params, summary.customers),
  };
  const { calibrationEnd } = options;
  if (calibrationEnd === undefined) return fit;
  let first = Infinity;
  for (const t of transactions) first = Math.min(first, t.day);
  const arg = `${names.calibrationEnd ?? "calibration_end"} (${isoDate(calibrationEnd)})`;
  if (!(calibrationEnd < summary.calibrationEnd)) throw invalid("calibrationEndTooLate", { arg });
  if (calibrationEnd < first) throw new CvError("na", "noCalibrationPurchases", { arg });
  const calibrationSummary = summarizePurchases(transactions, {
    unit,
    calibrationEnd,
    holdoutEnd: summary.calibrationEnd,
  });
  const calibrationFit = inPlainWords(
    "purchases",
    () => fitBgNbd(calibrationSummary.customers),
    isoDate(calibrationEnd)
  );
  return {
    ...fit,
    calibration: {
      summary: calibrationSummary,
      bgnbd: calibrationFit,
      holdout: holdoutComparison(calibrationFit.params, calibrationSummary),
    },
  };
}

/**
 * A model fit, with "no maximum" said in plain words about the table: the functions' messages
 * name the model and its arguments, the pane's reader wants to know what is wrong with their
 * data. `check` is the check date, for the purchase model fitted to the purchases up to it.
 */
function inPlainWords<Fit>(model: "purchases" | "spend", fit: () => Fit, check?: string): Fit {
  try {
    return fit();
  } catch (error) {
    if (!(error instanceof CvError) || error.kind !== "num") throw error;
    if (model === "spend") throw new CvError("num", "predictSpendNoMaximum");
    const nobodyStopped = error.code === "noDropout";
    if (check === undefined) {
      throw new CvError("num", nobodyStopped ? "predictNoDropout" : "predictPurchasesNoMaximum");
    }
    const code = nobodyStopped ? "predictCheckNoDropout" : "predictCheckNoMaximum";
    throw new CvError("num", code, { date: check });
  }
}

/** Per customer P(alive), expected purchases, expected spend and CLV, from a fit. */
export function forecastPrediction(
  fit: PredictionFit,
  options: PredictOptions = {},
  names: PredictNames = {}
): Prediction {
  const { unit, period, horizon, step, stepDiscountRate } = resolvePredictOptions(
    { ...options, unit: fit.summary.unit },
    names
  );
  const { bgnbd, gammaGamma } = fit;
  const schedule = discountSchedule({ horizon, step, discountRate: stepDiscountRate });
  const customers = fit.summary.customers.map((h): PredictedCustomer => {
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
    };
  });
  return { ...fit, unit, period, horizon, stepDiscountRate, step, customers };
}

export function predict(
  table: TableGrid,
  roles: Roles,
  options: PredictOptions = {},
  names: PredictNames = {}
): Prediction {
  return forecastPrediction(fitPrediction(table, roles, options, names), options, names);
}

/**
 * The Predict method as a segmentation: one row per customer on a new sheet, tiered by
 * predicted CLV with the customer pyramid's rule (VIP, Major, Regular, Small); the tiers share
 * the predicted CLV.
 */
export function predictionSegmentation(prediction: Prediction): Segmentation {
  const values = prediction.customers.map((c) => c.clv.toNumber());
  const pyramid = new Pyramid(Population.of(values, "clv"));
  const rowTiers = values.map((v) => pyramid.tierOf(v));
  return {
    method: "predict",
    prediction,
    tiers: PYRAMID_TIERS,
    rowTiers,
    scores: [],
    skipped: prediction.skipped,
    ...summarize(PYRAMID_TIERS, rowTiers, values),
  };
}

export function segmentPredictions(
  table: TableGrid,
  roles: Roles,
  options: PredictOptions = {}
): Segmentation {
  return predictionSegmentation(predict(table, roles, options));
}

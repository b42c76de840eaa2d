import {
  CvError,
  type MethodOptions,
  type PredictOptions,
  btyd,
  dayOf,
  invalid,
  isoDate,
  type Split,
  dec,
  parseNumberText,
  parseSplit,
  validCutoffs,
  validShares,
} from "../engine";
import { errorMessage } from "../i18n/errors";
import type { Locale } from "../i18n/locale";

/** The method options as the pane's inputs hold them (text the user types), and their checks. */
export type SplitKind = "median" | "mean" | "percentile" | "fixed";
export const SPLIT_KINDS: readonly SplitKind[] = ["median", "mean", "percentile", "fixed"];

export interface SplitChoice {
  kind: SplitKind;
  /** the percentile (0-100) or the fixed number, as typed */
  value: string;
}

export interface OptionInputs {
  splits: [SplitChoice, SplitChoice];
  /** pyramid cut-offs in percent */
  cutoffs: [string, string, string];
  /** ABC shares in percent */
  aShare: string;
  bShare: string;
  /** the Predict method's inputs; an empty period or horizon means a year */
  unit: btyd.TimeUnit;
  period: string;
  horizon: string;
  /** yearly, in percent */
  discount: string;
  /** optional, a date */
  calibrationEnd: string;
}

export const DEFAULT_INPUTS: OptionInputs = {
  splits: [
    { kind: "median", value: "" },
    { kind: "median", value: "" },
  ],
  cutoffs: ["1", "20", "50"],
  aShare: "80",
  bShare: "95",
  unit: "week",
  period: "",
  horizon: "",
  discount: "10",
  calibrationEnd: "",
};

export type InputField =
  "split0" | "split1" | "cutoffs" | "shares" | "period" | "horizon" | "discount" | "calibrationEnd";

/** The fields of the Predict method, checked only when it is chosen. */
export const PREDICT_FIELDS: readonly InputField[] = [
  "period",
  "horizon",
  "discount",
  "calibrationEnd",
];

export type Checked = { options: MethodOptions; problems: Partial<Record<InputField, string>> };

function percent(text: string): number {
  const value = parseNumberText(text);
  return value === undefined ? NaN : dec(value).div(100).toNumber();
}

function splitOf(choice: SplitChoice, arg: string): Split {
  if (choice.kind === "percentile") return parseSplit(`p${choice.value.trim()}`, arg);
  if (choice.kind === "fixed") {
    const value = parseNumberText(choice.value);
    if (value === undefined) return parseSplit(choice.value.trim() || "?", arg);
    return { kind: "fixed", value };
  }
  return { kind: choice.kind };
}

/** The options the engine takes, and a message per input that is not right (in the user's language). */
export function checkInputs(
  inputs: OptionInputs,
  locale: Locale,
  axisNames: [string, string],
  /** the Predict fields' labels, which the messages name */
  predictNames: Record<"period" | "horizon" | "discount" | "calibrationEnd", string>
): Checked {
  const problems: Checked["problems"] = {};
  const options: MethodOptions = {};
  const attempt = <T>(field: InputField, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof CvError)) throw error;
      problems[field] = errorMessage(error.code, error.params, locale);
      return undefined;
    }
  };
  const first = attempt("split0", () => splitOf(inputs.splits[0], axisNames[0]));
  const second = attempt("split1", () => splitOf(inputs.splits[1], axisNames[1]));
  if (first && second) options.splits = [first, second];
  const cutoffs = attempt("cutoffs", () => validCutoffs(inputs.cutoffs.map(percent)));
  if (cutoffs) options.cutoffs = cutoffs;
  const shares = attempt("shares", () =>
    validShares(percent(inputs.aShare), percent(inputs.bShare))
  );
  if (shares) [options.aShare, options.bShare] = shares;
  const predict: PredictOptions = { unit: inputs.unit };
  const positive = (field: InputField, text: string, arg: string) =>
    attempt(field, () => {
      if (text.trim() === "") return undefined;
      const value = parseNumberText(text);
      if (value === undefined || !(value > 0)) throw invalid("greaterThan", { arg, min: 0 });
      return value;
    });
  const period = positive("period", inputs.period, predictNames.period);
  if (period !== undefined) predict.period = period;
  const horizon = positive("horizon", inputs.horizon, predictNames.horizon);
  if (horizon !== undefined) predict.horizon = horizon;
  const discount = attempt("discount", () => {
    const rate = percent(inputs.discount);
    if (Number.isNaN(rate))
      throw invalid("notNumber", { arg: predictNames.discount, value: inputs.discount });
    if (!(rate > -1)) throw invalid("rateAboveMinus100", { arg: predictNames.discount });
    return rate;
  });
  if (discount !== undefined) predict.yearlyDiscountRate = discount;
  const calibrationEnd = attempt("calibrationEnd", () => {
    const text = inputs.calibrationEnd.trim();
    if (text === "") return undefined;
    // a date as people type one; a bare number such as 1997 is not read as a date serial
    const day = /^\d+(\.\d*)?$/.test(text) && text.length !== 8 ? undefined : dayOf(text);
    if (day === undefined)
      throw invalid("notDate", { arg: predictNames.calibrationEnd, value: inputs.calibrationEnd });
    return day;
  });
  if (calibrationEnd !== undefined) predict.calibrationEnd = calibrationEnd;
  options.predict = predict;
  return { options, problems };
}

function percentText(share: number): string {
  return String(+(share * 100).toPrecision(12));
}

/** The inputs that give these options back (a saved segmentation offered again). */
export function inputsOf(options: MethodOptions): OptionInputs {
  const choice = (split: Split | undefined): SplitChoice => {
    if (!split) return { kind: "median", value: "" };
    if (split.kind === "percentile") return { kind: "percentile", value: String(split.percent) };
    if (split.kind === "fixed") return { kind: "fixed", value: String(split.value) };
    return { kind: split.kind, value: "" };
  };
  return {
    splits: [choice(options.splits?.[0]), choice(options.splits?.[1])],
    cutoffs: options.cutoffs
      ? (options.cutoffs.map(percentText) as [string, string, string])
      : DEFAULT_INPUTS.cutoffs,
    aShare: options.aShare !== undefined ? percentText(options.aShare) : DEFAULT_INPUTS.aShare,
    bShare: options.bShare !== undefined ? percentText(options.bShare) : DEFAULT_INPUTS.bShare,
    unit: options.predict?.unit ?? DEFAULT_INPUTS.unit,
    period: options.predict?.period !== undefined ? String(options.predict.period) : "",
    horizon: options.predict?.horizon !== undefined ? String(options.predict.horizon) : "",
    discount:
      options.predict?.yearlyDiscountRate !== undefined
        ? percentText(options.predict.yearlyDiscountRate)
        : DEFAULT_INPUTS.discount,
    calibrationEnd:
      options.predict?.calibrationEnd !== undefined ? isoDate(options.predict.calibrationEnd) : "",
  };
}

import {
  CvError,
  type MethodOptions,
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
}

export const DEFAULT_INPUTS: OptionInputs = {
  splits: [
    { kind: "median", value: "" },
    { kind: "median", value: "" },
  ],
  cutoffs: ["1", "20", "50"],
  aShare: "80",
  bShare: "95",
};

export type InputField = "split0" | "split1" | "cutoffs" | "shares";

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
  axisNames: [string, string]
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
  };
}

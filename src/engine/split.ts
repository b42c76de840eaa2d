import { Dec, dec } from "./decimal";
import { invalid } from "./errors";
import { exactScaledSum } from "./exact";
import * as fraction from "./fraction";
import { parseNumberText } from "./cells";
import { Population } from "./population";

/** How an axis is cut into high and low (spec 4): a value >= the split is high. */
export type Split =
  | { kind: "median" }
  | { kind: "mean" }
  | { kind: "percentile"; percent: number }
  | { kind: "fixed"; value: number };

export const MEDIAN: Split = { kind: "median" };

const MEDIAN_WORDS = new Set(["median", "中位数", "中位數"]);
const MEAN_WORDS = new Set(["mean", "average", "平均", "平均值", "平均数", "平均數"]);

/** Reads "median", "mean", "p80" or a number (also as text such as "1,000"). */
export function parseSplit(raw: string | number, arg = "split"): Split {
  if (typeof raw === "number") return { kind: "fixed", value: raw };
  const text = raw.trim().toLowerCase();
  if (MEDIAN_WORDS.has(text)) return MEDIAN;
  if (MEAN_WORDS.has(text)) return { kind: "mean" };
  const percentile = /^p\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (percentile) {
    const percent = Number(percentile[1]);
    if (percent > 100) throw invalid("splitText", { arg, value: raw });
    return { kind: "percentile", percent };
  }
  const fixed = parseNumberText(text);
  if (fixed !== undefined) return { kind: "fixed", value: fixed };
  throw invalid("splitText", { arg, value: raw });
}

/** The split value of spec 4, as a decimal (50 digits; exact for the usual data). */
export function splitValue(split: Split, population: Population): Dec {
  if (split.kind === "fixed") return dec(split.value);
  return fraction.toDec(exactSplitValue(split, population));
}

/** The exact split value of spec 4 (not fixed) as a fraction, at any magnitude. */
function exactSplitValue(split: Exclude<Split, { kind: "fixed" }>, population: Population) {
  const x = population.sorted;
  const n = x.length;
  const at = (i: number) => fraction.fractionOf(x[i]);
  switch (split.kind) {
    case "mean": {
      const { sum, scale } = exactScaledSum(x);
      return { n: sum, d: 10n ** BigInt(scale) * BigInt(n) };
    }
    case "median":
      return n % 2 === 1
        ? at((n - 1) / 2)
        : fraction.divideBy(fraction.plus(at(n / 2 - 1), at(n / 2)), 2n);
    case "percentile": {
      // PERCENTILE.INC: rank h = (n - 1) p, interpolated between its neighbours.
      const h = fraction.divideBy(
        fraction.times(fraction.fractionOf(n - 1), fraction.fractionOf(split.percent)),
        100n
      );
      const lo = Number(fraction.floor(h));
      if (lo >= n - 1) return at(n - 1);
      const part = fraction.minus(h, fraction.fractionOf(lo));
      return fraction.plus(at(lo), fraction.times(part, fraction.minus(at(lo + 1), at(lo))));
    }
  }
}

/** The double t such that `v >= t` is exactly "v is at or above the split". */
export function splitThreshold(split: Split, population: Population): number {
  if (split.kind === "fixed") return split.value;
  return fraction.lowestDoubleAtOrAboveFraction(exactSplitValue(split, population));
}

import { Dec, dec, lowestDoubleAtOrAbove } from "./decimal";
import { invalid } from "./errors";
import { exactSum } from "./exact";
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

/** The exact split value of spec 4, as a decimal. */
export function splitValue(split: Split, population: Population): Dec {
  const x = population.sorted;
  const n = x.length;
  switch (split.kind) {
    case "fixed":
      return dec(split.value);
    case "mean":
      return exactSum(x).div(n);
    case "median":
      return n % 2 === 1
        ? dec(x[(n - 1) / 2])
        : dec(x[n / 2 - 1])
            .plus(x[n / 2])
            .div(2);
    case "percentile": {
      // PERCENTILE.INC: rank h = (n - 1) p, interpolated between its neighbours.
      const h = dec(n - 1)
        .times(split.percent)
        .div(100);
      const lo = h.floor().toNumber();
      if (lo >= n - 1) return dec(x[n - 1]);
      const fraction = h.minus(lo);
      return dec(x[lo]).plus(fraction.times(dec(x[lo + 1]).minus(x[lo])));
    }
  }
}

/** The double t such that `v >= t` is exactly "v is at or above the split". */
export function splitThreshold(split: Split, population: Population): number {
  if (split.kind === "fixed") return split.value;
  return lowestDoubleAtOrAbove(splitValue(split, population));
}

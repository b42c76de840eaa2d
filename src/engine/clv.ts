import { Dec, ONE, ZERO, dec } from "./decimal";
import { invalid } from "./errors";
import * as rule from "./validate";

export type Timing = 0 | 1;

export interface ClvInput {
  /** One margin for every period, or the margins m1..mn period by period. */
  margin: number | readonly number[];
  /** Discount rate per period, > -1. */
  rate: number;
  /** Whole number >= 1; omitted: the margin list's length, or forever for a single margin. */
  periods?: number;
  /** Probability of still being a customer one period later, 0..1 (default 1). */
  retention?: number;
  /** 0: margins at the end of each period (default), 1: at the beginning. */
  timing?: Timing;
}

/**
 * Customer lifetime value (spec 2): sum of m_t r^t / (1+i)^t for timing 0, or
 * m_t r^(t-1) / (1+i)^(t-1) for timing 1; infinite horizon m r/(1+i-r) or m (1+i)/(1+i-r).
 */
export function clv(input: ClvInput): Dec {
  const rate = rule.rate(input.rate, "rate");
  const retention = rule.between(input.retention ?? 1, "retention", 0, 1, true);
  const timing = rule.oneOf(input.timing ?? 0, "timing", [0, 1] as const);

  if (typeof input.margin !== "number") {
    const margins = input.margin;
    if (margins.length === 0) throw invalid("required", { arg: "margin" });
    const periods =
      input.periods === undefined ? margins.length : rule.wholeAtLeast(input.periods, "periods", 1);
    if (periods > margins.length)
      throw invalid("periodsExceedMargins", { periods, count: margins.length });
    const weights = discountWeights(rate, retention, timing, periods);
    let total = ZERO;
    for (let t = 0; t < periods; t++) total = total.plus(weights[t].times(margins[t]));
    return total;
  }

  const periods =
    input.periods === undefined ? undefined : rule.wholeAtLeast(input.periods, "periods", 1);
  return annuityFactor(rate, retention, timing, periods).times(input.margin);
}

/**
 * A column of CLV formulas usually shares its rate, retention and horizon, and the discount
 * factors are the costly part, so they are kept (a few thousand at most).
 */
const MAX_CACHED = 4096;
const factorCache = new Map<string, Dec>();
const weightCache = new Map<string, Dec[]>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * What one constant margin is worth: with q = r/g (g = 1+i), sum_{t=1..n} q^t (timing 0) or
 * sum_{t=0..n-1} q^t (timing 1), written with a single division:
 * r (g^n - r^n) / (g^n (g - r)) and (g^n - r^n) / (g^(n-1) (g - r)). Forever: r/(g-r), g/(g-r).
 */
export function annuityFactor(
  rate: number,
  retention: number,
  timing: Timing,
  periods?: number
): Dec {
  const key = `${rate}|${retention}|${timing}|${periods}`;
  const known = factorCache.get(key);
  if (known) return known;
  const g = dec(rate).plus(1);
  const r = dec(retention);
  let factor: Dec;
  if (periods === undefined) {
    if (r.gte(g)) throw invalid("horizonDiverges", {});
    factor = (timing === 0 ? r : g).div(g.minus(r));
  } else if (r.eq(g)) {
    factor = dec(periods);
  } else {
    const gn = g.pow(periods);
    const spread = gn.minus(r.pow(periods));
    factor =
      timing === 0
        ? r.times(spread).div(gn.times(g.minus(r)))
        : spread.div(gn.div(g).times(g.minus(r)));
  }
  return remember(factorCache, key, factor);
}

/** q^t for t = 1..n (timing 0) or q^(t-1) (timing 1), for a margin list. */
function discountWeights(rate: number, retention: number, timing: Timing, periods: number): Dec[] {
  const key = `${rate}|${retention}|${timing}`;
  const known = weightCache.get(key);
  if (known && known.length >= periods) return known;
  const q = dec(retention).div(dec(rate).plus(1));
  const weights: Dec[] = [];
  let weight = timing === 0 ? q : ONE;
  for (let t = 0; t < periods; t++) {
    weights.push(weight);
    weight = weight.times(q);
  }
  return remember(weightCache, key, weights);
}

/** 1 + q + ... + q^(n-1), exactly n when q = 1. */
export function geometricSum(q: Dec, n: number): Dec {
  if (q.eq(1)) return dec(n);
  return ONE.minus(q.pow(n)).div(ONE.minus(q));
}

import { dec } from "./decimal";
import { invalid } from "./errors";
import type { PyramidTier } from "./labels";
import { Population } from "./population";

export const DEFAULT_PYRAMID_CUTOFFS: readonly [number, number, number] = [0.01, 0.2, 0.5];
export const PYRAMID_TIERS: readonly PyramidTier[] = ["vip", "major", "regular", "small"];

export function validCutoffs(
  cutoffs: readonly number[] | undefined,
  arg = "cutoffs"
): [number, number, number] {
  if (cutoffs === undefined) return [...DEFAULT_PYRAMID_CUTOFFS];
  if (cutoffs.length !== 3) throw invalid("cutoffCount", { arg });
  const [a, b, c] = cutoffs;
  if (!(a > 0 && a < b && b < c && c < 1)) throw invalid("sharesIncreasing", { arg });
  return [a, b, c];
}

/**
 * The customer pyramid (spec 4.4): with `above` the share of customers with a strictly
 * higher value, VIP if above < 1%, Major if < 20%, Regular if < 50%, else Small.
 */
export class Pyramid {
  /** A customer is in tier i when its value is at least starts[i]. */
  private readonly starts: number[];

  constructor(
    population: Population,
    cutoffs: readonly [number, number, number] = DEFAULT_PYRAMID_CUTOFFS
  ) {
    // above < c  <=>  count < c*n  <=>  count < ceil(c*n) (exact), i.e. not "at least
    // ceil(c*n) values above", i.e. v >= the value with that many above it.
    this.starts = cutoffs.map((c) =>
      population.aboveAtLeast(dec(c).times(population.size).ceil().toNumber())
    );
  }

  tierOf(value: number): PyramidTier {
    for (let i = 0; i < this.starts.length; i++)
      if (value >= this.starts[i]) return PYRAMID_TIERS[i];
    return "small";
  }
}

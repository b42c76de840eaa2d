import { Population } from "./population";
import * as rule from "./validate";

export const DEFAULT_BINS = 5;

export function validBins(bins: number | undefined): number {
  return rule.wholeBetween(bins ?? DEFAULT_BINS, "bins", 1, 9);
}

/**
 * Scores with k bins (spec 3): 1 + floor(k * (population values below v) / n), or above v
 * for recency, where smaller is better. This is the native formula
 * 1+INT(k*COUNTIF(range,"<"&v)/COUNT(range)); ties share a score. A value beyond every
 * population value (possible only with a separate population) is capped at k.
 *
 * floor(k*b/n) >= s exactly when b >= ceil(s*n/k), so a score is the number of the k-1
 * population values it passes.
 */
export class RfmScorer {
  private readonly steps: Float64Array;

  constructor(
    population: Population,
    bins: number,
    private readonly smallerIsBetter = false
  ) {
    const n = population.size;
    this.steps = new Float64Array(bins - 1);
    for (let s = 1; s < bins; s++) {
      const count = Math.ceil((s * n) / bins);
      this.steps[s - 1] = smallerIsBetter
        ? population.aboveAtLeast(count)
        : population.belowAtLeast(count);
    }
  }

  score(v: number): number {
    let score = 1;
    const steps = this.steps;
    if (this.smallerIsBetter) {
      for (let i = 0; i < steps.length; i++) if (v < steps[i]) score++;
    } else {
      for (let i = 0; i < steps.length; i++) if (v > steps[i]) score++;
    }
    return score;
  }
}

/** One score; for many customers build an RfmScorer once. */
export function rfmScore(
  v: number,
  population: Population,
  bins: number,
  smallerIsBetter = false
): number {
  return new RfmScorer(population, bins, smallerIsBetter).score(v);
}

export function rfmCode(r: number, f: number, m: number): number {
  return 100 * r + 10 * f + m;
}

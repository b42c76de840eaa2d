import { CvError } from "./errors";

/**
 * The values a customer is compared with, sorted once. Every rule of the form "at least c
 * population values are below (above) v" is turned into one comparison with a population
 * value, so scoring a million customers costs one sort and a few comparisons each.
 */
export class Population {
  readonly sorted: Float64Array;

  private constructor(sorted: Float64Array) {
    this.sorted = sorted;
  }

  /** `arg` names the population in the #N/A message when there is nothing to compare with. */
  static of(values: ArrayLike<number>, arg: string): Population {
    if (values.length === 0) throw new CvError("na", "emptyPopulation", { arg });
    const sorted = new Float64Array(values.length);
    if (values instanceof Float64Array) sorted.set(values);
    else for (let i = 0; i < values.length; i++) sorted[i] = values[i];
    sorted.sort();
    return new Population(sorted);
  }

  get size(): number {
    return this.sorted.length;
  }

  /** How many population values are strictly below v. */
  countBelow(v: number): number {
    const a = this.sorted;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How many population values are strictly above v. */
  countAbove(v: number): number {
    const a = this.sorted;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return a.length - lo;
  }

  /** t such that `v > t` exactly when at least `count` values are below v. */
  belowAtLeast(count: number): number {
    if (count <= 0) return -Infinity;
    if (count > this.size) return Infinity;
    return this.sorted[count - 1];
  }

  /** t such that `v < t` exactly when at least `count` values are above v. */
  aboveAtLeast(count: number): number {
    if (count <= 0) return Infinity;
    if (count > this.size) return -Infinity;
    return this.sorted[this.size - count];
  }
}

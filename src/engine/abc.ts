import { CvError, invalid } from "./errors";
import { decimalParts, scaleExactly } from "./exact";
import type { AbcTier } from "./labels";
import * as rule from "./validate";

export const DEFAULT_A_SHARE = 0.8;
export const DEFAULT_B_SHARE = 0.95;

export function validShares(aShare = DEFAULT_A_SHARE, bShare = DEFAULT_B_SHARE): [number, number] {
  rule.betweenOpenLow(aShare, "a_share", 0, 1, true);
  rule.betweenOpenLow(bShare, "b_share", 0, 1, true);
  if (!(aShare < bShare)) throw invalid("shareOrder", {});
  return [aShare, bShare];
}

/**
 * ABC analysis (spec 4.5). `before(v)` is the share of the total held by customers with a
 * strictly higher value; A if before < a_share, B if before < b_share, else C. Loss-makers
 * are C and add nothing to the total; with a zero total everyone is C.
 *
 * before(v) only steps down as v rises, so each tier starts at one population value: the
 * constructor finds those two values with exact prefix sums, and tierOf is two comparisons.
 */
export class Abc {
  private readonly aFrom: number;
  private readonly bFrom: number;

  constructor(
    population: ArrayLike<number>,
    aShare = DEFAULT_A_SHARE,
    bShare = DEFAULT_B_SHARE,
    arg = "values"
  ) {
    validShares(aShare, bShare);
    if (population.length === 0) throw new CvError("na", "emptyPopulation", { arg });
    const descending = Float64Array.from(population).sort().reverse();
    const { ints } = scaleExactly(descending);
    let total = 0n;
    for (const int of ints) if (int > 0n) total += int;
    if (total === 0n) {
      this.aFrom = Infinity;
      this.bFrom = Infinity;
      return;
    }
    // before < share * total  <=>  before < ceil(share * total) for the integer `before`;
    // in integers throughout, so a total of any size (near 1e308, 300 digits) is exact.
    const limit = (share: number) => ceilTimes(share, total);
    const limitA = limit(aShare);
    const limitB = limit(bShare);
    let aFrom = Infinity;
    let bFrom = Infinity;
    let before = 0n;
    for (let i = 0; i < descending.length;) {
      const value = descending[i];
      if (value <= 0) break;
      // `before` is what every value above this group holds.
      if (before < limitA) aFrom = value;
      if (before < limitB) bFrom = value;
      else break;
      while (i < descending.length && descending[i] === value) before += ints[i++];
    }
    this.aFrom = aFrom;
    this.bFrom = bFrom;
  }

  tierOf(value: number): AbcTier {
    if (value <= 0) return "C";
    if (value >= this.aFrom) return "A";
    if (value >= this.bFrom) return "B";
    return "C";
  }
}

/** ceil(share * total) exactly, share read as its shortest decimal form (share, total > 0). */
function ceilTimes(share: number, total: bigint): bigint {
  const { digits, exponent } = decimalParts(share);
  if (exponent >= 0) return digits * 10n ** BigInt(exponent) * total;
  const denominator = 10n ** BigInt(-exponent);
  return (digits * total + denominator - 1n) / denominator;
}

import { Dec, nextDown, nextUp } from "./decimal";
import { decimalParts } from "./exact";

/**
 * Exact fractions of integers, for the thresholds a double is compared with: a split's mean,
 * median or percentile of values spanning 1e-300 to 1e308 needs hundreds of digits, more than
 * the 50 of Decimal. A double stands for its shortest decimal form, as everywhere.
 */
export interface Fraction {
  n: bigint;
  /** > 0 */
  d: bigint;
}

export function fractionOf(value: number): Fraction {
  const { digits, exponent } = decimalParts(value);
  return exponent >= 0
    ? { n: digits * 10n ** BigInt(exponent), d: 1n }
    : { n: digits, d: 10n ** BigInt(-exponent) };
}

export function plus(a: Fraction, b: Fraction): Fraction {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function minus(a: Fraction, b: Fraction): Fraction {
  return plus(a, { n: -b.n, d: b.d });
}

export function times(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.n, d: a.d * b.d };
}

/** a / k for a whole k > 0. */
export function divideBy(a: Fraction, k: bigint): Fraction {
  return { n: a.n, d: a.d * k };
}

/** The largest whole number <= a. */
export function floor(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** -1, 0 or 1 as the double v is below, at or above a. */
export function compare(v: number, a: Fraction): number {
  const b = fractionOf(v);
  const left = b.n * a.d;
  const right = a.n * b.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A Decimal near a (50 digits), to start a search or to show. */
export function toDec(a: Fraction): Dec {
  return new Dec(a.n.toString()).div(a.d.toString());
}

/**
 * The smallest double whose decimal value is >= a, so that "v is at or above the exact
 * threshold" becomes the plain comparison `v >= lowestDoubleAtOrAboveFraction(a)`.
 */
export function lowestDoubleAtOrAboveFraction(a: Fraction): number {
  let candidate = toDec(a).toNumber();
  while (compare(candidate, a) < 0) candidate = nextUp(candidate);
  for (;;) {
    const below = nextDown(candidate);
    if (compare(below, a) < 0) return candidate;
    candidate = below;
  }
}

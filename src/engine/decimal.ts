import Decimal from "decimal.js";

/**
 * All money runs through this Decimal: 50 significant digits, banker's rounding only for the
 * last guard digit. A JavaScript number entering the engine stands for its shortest decimal
 * form (0.1 is exactly one tenth), which is how a spreadsheet user reads the cell.
 */
export const Dec = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

export function dec(value: number | string | Dec): Dec {
  return new Dec(value);
}

const bits = new Float64Array(1);
const ints = new BigInt64Array(bits.buffer);

/** The next double above `x` (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  ints[0] += x > 0 ? 1n : -1n;
  return bits[0];
}

/** The next double below `x` (x finite). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/**
 * The smallest double whose decimal value is >= `threshold`, so that "v is at or above the
 * exact threshold" becomes the plain comparison `v >= lowestDoubleAtOrAbove(threshold)`.
 */
export function lowestDoubleAtOrAbove(threshold: Dec): number {
  let candidate = threshold.toNumber();
  while (dec(candidate).lt(threshold)) candidate = nextUp(candidate);
  for (;;) {
    const below = nextDown(candidate);
    if (dec(below).lt(threshold)) return candidate;
    candidate = below;
  }
}

import { Dec, dec } from "./decimal";

/**
 * Exact sums of money. A double stands for its shortest decimal form, so 0.1 + 0.2 is exactly
 * 0.3 here. Values are turned into integers over a common power of ten: plain Number
 * arithmetic while everything stays below 2^53 (the usual case: amounts in cents), BigInt
 * otherwise. Decimal is only used at the end.
 */

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const SAFE = Number.MAX_SAFE_INTEGER;
/** Below 2^52 a double's rounding interval is narrower than one unit, so the integer is unique. */
const UNIQUE = 2 ** 52;
const FAST_DECIMALS = 9;

/** Decimal places of v's shortest form if it has at most FAST_DECIMALS and scales below 2^52. */
function fastDecimals(v: number): number {
  for (let s = 0; s <= FAST_DECIMALS; s++) {
    const scaled = Math.round(v * POW10[s]);
    if (Math.abs(scaled) >= UNIQUE) return -1;
    if (scaled / POW10[s] === v) return s;
  }
  return -1;
}

/** The shortest decimal form of v as digits and a power of ten: v = digits * 10^exponent. */
export function decimalParts(v: number): { digits: bigint; exponent: number } {
  const text = String(v);
  const [mantissa, exp = "0"] = text.split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  return { digits: BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
}

export interface Scaled {
  /** value_i = ints[i] / 10^scale exactly */
  ints: bigint[];
  scale: number;
}

/** The values as exact integers over one common power of ten. */
export function scaleExactly(values: ArrayLike<number>): Scaled {
  const n = values.length;
  let scale = 0;
  let fast = true;
  for (let i = 0; i < n && fast; i++) {
    const s = fastDecimals(values[i]);
    if (s < 0) fast = false;
    else if (s > scale) scale = s;
  }
  const ints: bigint[] = new Array(n);
  if (fast) {
    let ok = true;
    for (let i = 0; i < n; i++) {
      const scaled = Math.round(values[i] * POW10[scale]);
      if (Math.abs(scaled) >= UNIQUE) {
        ok = false;
        break;
      }
      ints[i] = BigInt(scaled);
    }
    if (ok) return { ints, scale };
  }
  const parts = Array.from({ length: n }, (_, i) => decimalParts(values[i]));
  scale = 0;
  for (const part of parts) if (-part.exponent > scale) scale = -part.exponent;
  for (let i = 0; i < n; i++) ints[i] = parts[i].digits * 10n ** BigInt(parts[i].exponent + scale);
  return { ints, scale };
}

/** int / 10^scale exactly, however many digits that takes. */
export function fromScaled(int: bigint, scale: number): Dec {
  return dec(`${int}e-${scale}`);
}

/** Exact sum of the values (each read as its shortest decimal form), not rounded. */
export function exactSum(values: ArrayLike<number>): Dec {
  const { sum, scale } = exactScaledSum(values);
  return fromScaled(sum, scale);
}

/** The exact sum as an integer over a power of ten: sum / 10^scale. */
export function exactScaledSum(values: ArrayLike<number>): { sum: bigint; scale: number } {
  const n = values.length;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const s = fastDecimals(values[i]);
    if (s < 0) return bigSum(values);
    if (s > scale) scale = s;
  }
  const factor = POW10[scale];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const scaled = Math.round(values[i] * factor);
    if (Math.abs(scaled) >= UNIQUE) return bigSum(values);
    sum += scaled;
    if (sum > SAFE || sum < -SAFE) return bigSum(values);
  }
  return { sum: BigInt(sum), scale };
}

function bigSum(values: ArrayLike<number>): { sum: bigint; scale: number } {
  const { ints, scale } = scaleExactly(values);
  let sum = 0n;
  for (const int of ints) sum += int;
  return { sum, scale };
}

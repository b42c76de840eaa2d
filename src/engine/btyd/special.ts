// The engine depends on decimal.js only, except here: the BTYD models need lnΓ, ψ and 2F1, taken from the pinned @stdlib packages.
import digammaOf from "@stdlib/math-base-special-digamma";
import gammalnOf from "@stdlib/math-base-special-gammaln";
import hyp2f1Of from "@stdlib/math-base-special-hyp2f1";

/** ln Γ(x), accurate to about 2e-16 relative. */
export const lnGamma: (x: number) => number = gammalnOf;

/** ψ(x) = d/dx ln Γ(x), for the analytic likelihood gradients. */
export const digamma: (x: number) => number = digammaOf;

/** ln(e^u + e^v) without overflow. */
export function logSumExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  const high = u > v ? u : v;
  return high + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/** 1 / (1 + e^-u), without overflow for large |u|. */
export function logistic(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}

/** Below this z the Gauss series is summed directly (see lnHyp2f1). */
const SMALL_Z = 0.1;
const SERIES_TERMS = 200;

/**
 * ln 2F1(a, b; c; z) for a, b, c > 0 and 0 <= z < 1, where every series term is positive, so
 * 2F1 >= 1. For small z the series of 2F1 - 1 is summed and passed to log1p: the log of a
 * value just above 1 would lose the O(z) part that E[Y(t)] for a short t consists of.
 * Otherwise Cephes' algorithm (stdlib); when its value overflows (many purchases over a long
 * horizon, z near 1), Euler's transformation 2F1(a, b; c; z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)
 * is applied in log space, as lifetimes does: in the BG/NBD arguments c - a and c - b are
 * small, so the transformed value stays finite.
 */
export function lnHyp2f1(a: number, b: number, c: number, z: number): number {
  if (z <= SMALL_Z && (z * a * b) / c <= SMALL_Z) {
    let term = 1;
    let sum = 0;
    for (let n = 0; n < SERIES_TERMS; n++) {
      term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
      sum += term;
      if (term <= 1e-17 * sum) return Math.log1p(sum);
    }
  }
  const direct = hyp2f1Of(a, b, c, z);
  if (Number.isFinite(direct) && direct > 0) return Math.log(direct);
  return Math.log(hyp2f1Of(c - a, c - b, c, z)) + (c - a - b) * Math.log1p(-z);
}

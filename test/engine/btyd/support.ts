import { random } from "../support";

/**
 * Independent tools for checking the BTYD engine: quadrature, finite differences and the
 * values lifetimes and the papers publish for the CDNOW sample. Nothing here calls the code
 * under test.
 */

/** lifetimes' BetaGeoFitter on the CDNOW summary (docs/Quickstart.md); FHL 2005 report LL -9582.4. */
export const LIFETIMES_BG_NBD = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
export const LIFETIMES_BG_NBD_LL = -9582.43;

/** lifetimes' GammaGammaFitter on the CDNOW repeat buyers (946), as in the research report. */
export const LIFETIMES_GAMMA_GAMMA = { p: 6.2488, q: 3.7446, gamma: 15.4477 };
export const LIFETIMES_GAMMA_GAMMA_LL = -4055.92;

/** The same number to `digits` significant figures. */
export function significant(value: number, digits = 4): number {
  return Number(value.toPrecision(digits));
}

/**
 * ∫_0^1 f(p, 1 - p) dp by tanh-sinh quadrature (Takahasi & Mori), which handles the
 * algebraic endpoint singularities of Beta densities such as p^(a-1), a < 1. 1 - p is passed
 * separately, computed without cancellation near p = 1. `h` is the step in the transformed
 * variable: smaller for sharply peaked integrands.
 */
export function integrate01(f: (p: number, q: number) => number, h = 1 / 32): number {
  let sum = 0;
  for (let k = -Math.round(6 / h); k <= Math.round(6 / h); k++) {
    const t = k * h;
    const u = (Math.PI / 2) * Math.sinh(t);
    const p = 1 / (1 + Math.exp(-2 * u));
    const q = 1 / (1 + Math.exp(2 * u));
    const weight = ((Math.PI / 2) * Math.cosh(t)) / (2 * Math.cosh(u) ** 2);
    if (p > 0 && q > 0 && weight > 0) sum += weight * f(p, q);
  }
  return sum * h;
}

/** ∫_0^∞ f(v) dv, mapped onto (0, 1) by v = s/(1-s); f must vanish at infinity. */
export function integrateToInfinity(f: (v: number) => number, h?: number): number {
  return integrate01((s, rest) => {
    const value = f(s / rest);
    return value === 0 ? 0 : value / (rest * rest);
  }, h);
}

/**
 * d f / d ln θ_i by central differences: how f changes with a relative change of one
 * parameter.
 */
export function logDerivative(
  f: (theta: number[]) => number,
  theta: readonly number[],
  i: number,
  h = 1e-4
): number {
  const up = [...theta];
  const down = [...theta];
  up[i] *= Math.exp(h);
  down[i] *= Math.exp(-h);
  return (f(up) - f(down)) / (2 * h);
}

/**
 * That `best` is a local maximum of `value`, checked by brute force: moving any parameter by
 * ±1e-4 of itself, or all of them 1e-4 along 20 random directions (in log space), lowers it.
 */
export function expectLocalMaximum(
  value: (theta: number[]) => number,
  best: readonly number[],
  seed: number
): void {
  const top = value([...best]);
  best.forEach((_, i) => {
    for (const sign of [1, -1]) {
      const near = [...best];
      near[i] *= 1 + sign * 1e-4;
      expect(value(near)).toBeLessThan(top);
    }
  });
  const next = random(seed);
  for (let k = 0; k < 20; k++) {
    const direction = best.map(() => next() - 0.5);
    const length = Math.hypot(...direction);
    const near = best.map((theta, i) => theta * Math.exp((1e-4 * direction[i]) / length));
    expect(value(near)).toBeLessThan(top);
  }
}

/**
 * That an analytic gradient d/dθ (filled in by `logLikelihood`) agrees with central
 * differences of the value at `at`, to 1e-6 relative.
 */
export function expectGradientMatches(
  logLikelihood: (theta: number[], gradient?: number[]) => number,
  at: number[]
): void {
  const gradient = at.map(() => 0);
  logLikelihood(at, gradient);
  const value = (theta: number[]) => logLikelihood(theta);
  at.forEach((theta, i) => {
    // d/d ln θ = θ d/dθ
    const numeric = logDerivative(value, at, i, 1e-5);
    expect(Math.abs(theta * gradient[i] - numeric)).toBeLessThan(1e-6 * Math.abs(numeric) + 1e-4);
  });
}

import { CvError } from "../errors";

/**
 * Maximum-likelihood fitting. The models' parameters are all positive, so they are searched as
 * logarithms: no constraints, and the shape of the likelihood in ln θ is closer to a quadratic.
 * The minimiser is a plain BFGS with the models' analytic gradients; a few parameters need no
 * more. Nothing is random and the order of operations is fixed, so a fit is reproducible to
 * the bit.
 */

/** Fills `gradient` with the objective's derivatives at `point` and returns its value. */
export type Objective = (point: readonly number[], gradient: number[]) => number;

export interface Minimum {
  point: number[];
  value: number;
  gradient: number[];
  iterations: number;
  /** the gradient is (close to) zero, not merely the search stopped */
  converged: boolean;
}

/** Stop when every gradient component is this small. */
const GRADIENT_TOLERANCE = 1e-9;
/** When the search stalls (rounding noise), a gradient this small still counts as converged. */
const STALLED_TOLERANCE = 1e-6;
/** A decrease below this (relative) for STALLED_STEPS iterations in a row is a stall. */
const NEGLIGIBLE_DECREASE = 1e-15;
const STALLED_STEPS = 3;
const MAX_ITERATIONS = 500;
const MAX_STEP_HALVINGS = 60;
/** Armijo's sufficient-decrease constant. */
const SUFFICIENT_DECREASE = 1e-4;

const dot = (u: readonly number[], v: readonly number[]) => {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i] * v[i];
  return sum;
};
const largest = (v: readonly number[]) => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
const identity = (n: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/**
 * BFGS (Nocedal & Wright, algorithm 6.1) with a backtracking Armijo line search. An objective
 * value of +Infinity marks a point outside the search region: the line search backs off.
 */
export function minimize(objective: Objective, start: readonly number[]): Minimum {
  const n = start.length;
  let point = [...start];
  let gradient = new Array<number>(n).fill(0);
  let value = objective(point, gradient);
  if (!Number.isFinite(value)) return { point, value, gradient, iterations: 0, converged: false };
  let inverseHessian = identity(n);
  let scaled = false;
  let stalled = 0;
  const done = (iterations: number, tolerance: number): Minimum => ({
    point,
    value,
    gradient,
    iterations,
    converged: largest(gradient) <= tolerance,
  });

  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    if (largest(gradient) <= GRADIENT_TOLERANCE) return done(iteration - 1, GRADIENT_TOLERANCE);
    let direction = inverseHessian.map((row) => -dot(row, gradient));
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // rounding has spoilt the curvature estimate: start again from steepest descent
      inverseHessian = identity(n);
      direction = gradient.map((g) => -g);
      slope = dot(direction, gradient);
    }
    // Until the first update gives the Hessian a scale, the first step moves no parameter by
    // more than one unit (a factor e in the parameter itself).
    let step = scaled ? 1 : Math.min(1, 1 / largest(gradient));
    let next: number[] = [];
    const nextGradient = new Array<number>(n).fill(0);
    let nextValue = NaN;
    let accepted = false;
    for (let halving = 0; halving < MAX_STEP_HALVINGS; halving++) {
      next = point.map((p, i) => p + step * direction[i]);
      nextValue = objective(next, nextGradient);
      if (nextValue <= value + SUFFICIENT_DECREASE * step * slope) {
        accepted = true;
        break;
      }
      // the minimiser of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5]
      // of the step; outside the region (Infinity) shrink hard
      const quadratic = (-slope * step * step) / (2 * (nextValue - value - slope * step));
      step = Number.isFinite(quadratic)
        ? Math.min(0.5 * step, Math.max(0.1 * step, quadratic))
        : 0.1 * step;
    }
    if (!accepted) return done(iteration, STALLED_TOLERANCE);

    const s = next.map((p, i) => p - point[i]);
    const y = nextGradient.map((g, i) => g - gradient[i]);
    const sy = dot(s, y);
    // Update only with positive curvature, which keeps the inverse Hessian positive definite.
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!scaled) {
        // Nocedal & Wright (6.20): scale the identity before the first update
        inverseHessian = identity(n).map((row) => row.map((e) => (e * sy) / dot(y, y)));
        scaled = true;
      }
      const hy = inverseHessian.map((row) => dot(row, y));
      const rho = 1 / sy;
      const ss = rho * rho * dot(y, hy) + rho;
      inverseHessian = inverseHessian.map((row, i) =>
        row.map((e, j) => e - rho * (s[i] * hy[j] + hy[i] * s[j]) + ss * s[i] * s[j])
      );
    }
    const decrease = value - nextValue;
    point = next;
    gradient = [...nextGradient];
    value = nextValue;
    stalled = decrease <= NEGLIGIBLE_DECREASE * Math.max(1, Math.abs(value)) ? stalled + 1 : 0;
    if (stalled >= STALLED_STEPS) return done(iteration, STALLED_TOLERANCE);
  }
  return { point, value, gradient, iterations: MAX_ITERATIONS, converged: false };
}

/** A model's log-likelihood summed over customers at parameters θ; fills d/dθ. */
export type LogLikelihood = (theta: readonly number[], gradient: number[]) => number;

export interface MaximumLikelihood {
  theta: number[];
  logLikelihood: number;
  iterations: number;
}

/**
 * |ln θ| <= 20, θ from 2e-9 to 5e8. Far outside, the likelihood's large terms cancel (for
 * Gamma-Gamma q ln γ - (px+q) ln(x m + γ)) and rounding can make a meaningless point look best.
 */
const LOG_LIMIT = 20;
/** A maximum this near the limit is a parameter running off to 0 or infinity. */
const LOG_INTERIOR = LOG_LIMIT - 2;

/**
 * The θ > 0 that maximise the log-likelihood, from `start`. Minimises the mean negative
 * log-likelihood over ln θ (the mean keeps the tolerances independent of the number of
 * customers). Throws #NUM! (noConvergence) when no interior maximum is found.
 */
export function maximizeLikelihood(
  logLikelihood: LogLikelihood,
  customers: number,
  start: readonly number[],
  model: string
): MaximumLikelihood {
  const thetaGradient = new Array<number>(start.length).fill(0);
  const objective: Objective = (logTheta, gradient) => {
    if (logTheta.some((l) => !(Math.abs(l) <= LOG_LIMIT))) return Infinity;
    const theta = logTheta.map(Math.exp);
    const value = logLikelihood(theta, thetaGradient);
    // d/d ln θ = θ d/dθ
    for (let i = 0; i < theta.length; i++) gradient[i] = (-theta[i] * thetaGradient[i]) / customers;
    return Number.isFinite(value) ? -value / customers : Infinity;
  };
  const minimum = minimize(objective, start.map(Math.log));
  if (!minimum.converged || minimum.point.some((l) => Math.abs(l) > LOG_INTERIOR)) {
    throw new CvError("num", "noConvergence", { model });
  }
  const theta = minimum.point.map(Math.exp);
  return {
    theta,
    logLikelihood: logLikelihood(theta, thetaGradient),
    iterations: minimum.iterations,
  };
}

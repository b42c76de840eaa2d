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
 * Where a likelihood has no maximum: from θ, it keeps rising along `direction`, a unit vector
 * in ln θ, towards the edge of the parameter space (a parameter, or a ratio of two, running
 * off to 0 or infinity).
 */
export interface Escape {
  theta: number[];
  direction: number[];
}

/** The error a model gives for a likelihood without a maximum, in its own terms. */
export type ExplainEscape = (escape: Escape) => CvError;

/**
 * The search region: each parameter within a factor e^20 (5e8) of its start. The starts are
 * the parameters' natural scales (1 for shapes, the mean T or the mean spend for scales), so
 * the region does not depend on the time unit or the currency. Far outside, the likelihood's
 * large terms cancel (for Gamma-Gamma q ln γ - (px+q) ln(x m + γ)) and rounding can make a
 * meaningless point look best.
 */
const LOG_LIMIT = 20;
/**
 * A maximum further than a factor e^10 (22,026) from its natural scale is a parameter running
 * off to 0 or infinity. A Gamma or Beta shape of 22,026 is a spread of 0.7% (1/√shape) around
 * its mean, one of 1/22,026 puts all but a sliver of the mass at 0: the data of any customer
 * base cannot tell either from the limit, which the likelihood approaches without reaching it.
 * Inside, the gradients are precise enough for the profile check of `escapeFrom`; beyond,
 * their terms cancel (ψ(px+q) - ψ(px) at p = 1e7) and it could be fooled by rounding.
 */
const LOG_INTERIOR = 10;
/** The step in ln θ of the finite-difference Hessian. */
const HESSIAN_STEP = 1e-4;
/** How far (in ln θ, a factor e) the profile check looks either side of the optimum. */
const PROFILE_STEP = 1;

/**
 * The θ > 0 that maximise the log-likelihood, from `start`. Minimises the mean negative
 * log-likelihood over ln(θ / start) (the mean keeps the tolerances independent of the number
 * of customers). When the likelihood has no maximum, keeps rising towards the edge of the
 * parameter space (see `escapeFrom`), throws `explain`'s error, #NUM! noMaximum by default;
 * when the search fails otherwise, #NUM! noConvergence.
 */
export function maximizeLikelihood(
  logLikelihood: LogLikelihood,
  customers: number,
  start: readonly number[],
  model: string,
  explain: ExplainEscape = () => new CvError("num", "noMaximum", { model })
): MaximumLikelihood {
  const thetaGradient = new Array<number>(start.length).fill(0);
  const thetaAt = (logScale: readonly number[]) => logScale.map((l, i) => start[i] * Math.exp(l));
  const objective: Objective = (logScale, gradient) => {
    if (logScale.some((l) => !(Math.abs(l) <= LOG_LIMIT))) return Infinity;
    const theta = thetaAt(logScale);
    const value = logLikelihood(theta, thetaGradient);
    // d/d ln θ = θ d/dθ
    for (let i = 0; i < theta.length; i++) gradient[i] = (-theta[i] * thetaGradient[i]) / customers;
    return Number.isFinite(value) ? -value / customers : Infinity;
  };
  const minimum = minimize(
    objective,
    start.map(() => 0)
  );
  if (!Number.isFinite(minimum.value)) throw new CvError("num", "noConvergence", { model });
  const theta = thetaAt(minimum.point);
  const direction = escapeFrom(objective, minimum.point);
  if (direction) throw explain({ theta, direction });
  if (!minimum.converged) throw new CvError("num", "noConvergence", { model });
  return {
    theta,
    logLikelihood: logLikelihood(theta, thetaGradient),
    iterations: minimum.iterations,
  };
}

/**
 * Whether the minimum the search stopped at, `point` in ln(θ / natural scale), is a genuine
 * one or the search running off towards the edge of the parameter space: the direction (a unit
 * vector) along which the objective keeps falling, or undefined.
 *
 * Why a test is needed: where a likelihood has no maximum it rises towards a supremum at the
 * boundary (everyone still buying: the dropout probability a/(a+b) -> 0), and its slope
 * flattens out on the way, exponentially in ln θ. The search stops where the slope is below
 * its tolerance, which there happens at finite, meaningless values (a = 4e-7, b = 40,000).
 * Near such a point the curvature in the escaping direction is as small as the slope, so the
 * quadratic picture around the point (gradient zero, Hessian positive definite) cannot tell it
 * from a flat genuine maximum; nor can values of the likelihood, whose rounding at such
 * parameters (differences of ln Γ of 40,000) exceeds what is left to gain.
 *
 * The test, deterministic, with no threshold on curvature or gain:
 * 1. the point must lie within a factor e^10 of the natural scales (LOG_INTERIOR);
 * 2. the Hessian (central differences of the analytic gradient) gives the principal
 *    directions of the objective. Along each, a genuine minimum has the objective falling
 *    towards it from a factor e either side: the analytic slope along the direction is
 *    negative at point - v and positive at point + v. Where both have the same sign, the
 *    objective keeps falling through the point towards one side (a profile check, on slopes,
 *    which keep their precision where values lose it): that side is the escape.
 * A genuine maximum passes with a wide margin: around CDNOW's BG/NBD optimum the flattest
 * direction has a curvature of 3e-3 per customer and the slopes at ±1 are about ∓3e-3.
 */
function escapeFrom(objective: Objective, point: readonly number[]): number[] | undefined {
  const beyond = point.map((l) => (Math.abs(l) > LOG_INTERIOR ? l : 0));
  if (beyond.some((l) => l !== 0)) return unit(beyond);
  const n = point.length;
  const gradient = new Array<number>(n).fill(0);
  const slopeAt = (direction: readonly number[], side: number) => {
    const value = objective(
      point.map((l, i) => l + side * PROFILE_STEP * direction[i]),
      gradient
    );
    const slope = dot(gradient, direction);
    // outside the search region the objective is infinite: rising away from the point
    return Number.isFinite(value) && !Number.isNaN(slope) ? slope : side * Infinity;
  };
  for (const direction of symmetricEigen(hessianAt(objective, point)).vectors) {
    const below = slopeAt(direction, -1);
    const above = slopeAt(direction, 1);
    if (below < 0 && above > 0) continue;
    if (below < 0 || above > 0) return above > 0 ? direction.map((d) => -d) : direction;
    // a maximum of the objective in between: either way is downhill, the steeper one first
    return below > -above ? direction.map((d) => -d) : direction;
  }
  return undefined;
}

const unit = (v: readonly number[]) => {
  const length = Math.sqrt(dot(v, v));
  return v.map((e) => e / length);
};

/** The Hessian by central differences of the analytic gradient, made symmetric. */
function hessianAt(objective: Objective, point: readonly number[]): number[][] {
  const n = point.length;
  const columns = point.map((_, i) => {
    const up = new Array<number>(n).fill(0);
    const down = new Array<number>(n).fill(0);
    objective(
      point.map((l, j) => (j === i ? l + HESSIAN_STEP : l)),
      up
    );
    objective(
      point.map((l, j) => (j === i ? l - HESSIAN_STEP : l)),
      down
    );
    return up.map((u, j) => (u - down[j]) / (2 * HESSIAN_STEP));
  });
  return columns.map((column, i) => column.map((e, j) => (e + columns[j][i]) / 2));
}

const JACOBI_SWEEPS = 50;

/**
 * Eigenvalues (ascending) and unit eigenvectors of a small symmetric matrix, by cyclic Jacobi
 * rotations (Golub & Van Loan 8.5): a fixed order of operations, so deterministic.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): {
  values: number[];
  vectors: number[][];
} {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = identity(n);
  for (let sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
    let off = 0;
    let diagonal = 0;
    for (let i = 0; i < n; i++) {
      diagonal += a[i][i] * a[i][i];
      for (let j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
    }
    if (!(off > 1e-32 * diagonal)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const kp = a[k][p];
          const kq = a[k][q];
          a[k][p] = c * kp - s * kq;
          a[k][q] = s * kp + c * kq;
        }
        for (let k = 0; k < n; k++) {
          const pk = a[p][k];
          const qk = a[q][k];
          a[p][k] = c * pk - s * qk;
          a[q][k] = s * pk + c * qk;
        }
        for (let k = 0; k < n; k++) {
          const kp = v[k][p];
          const kq = v[k][q];
          v[k][p] = c * kp - s * kq;
          v[k][q] = s * kp + c * kq;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[i][i] - a[j][j] || i - j);
  return {
    values: order.map((i) => a[i][i]),
    vectors: order.map((i) => v.map((row) => row[i])),
  };
}

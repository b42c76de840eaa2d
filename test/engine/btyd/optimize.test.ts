import { CvError } from "../../../src/engine";
import {
  type Escape,
  maximizeLikelihood,
  minimize,
  symmetricEigen,
} from "../../../src/engine/btyd/optimize";
import { ruleOf } from "../support";

describe("BFGS", () => {
  test("finds Rosenbrock's minimum from the classic start, the same way every time", () => {
    const rosenbrock = ([x, y]: readonly number[], gradient: number[]) => {
      gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      gradient[1] = 200 * (y - x * x);
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    };
    const minimum = minimize(rosenbrock, [-1.2, 1]);
    expect(minimum.converged).toBe(true);
    expect(minimum.point[0]).toBeCloseTo(1, 6);
    expect(minimum.point[1]).toBeCloseTo(1, 6);
    expect(minimize(rosenbrock, [-1.2, 1])).toEqual(minimum);
  });

  test("an Infinity marks a point outside the region: the line search backs off", () => {
    // minimum at 2, but nothing beyond 2.5 may be evaluated
    const fenced = ([x]: readonly number[], gradient: number[]) => {
      if (x > 2.5) return Infinity;
      gradient[0] = 2 * (x - 2);
      return (x - 2) ** 2;
    };
    expect(minimize(fenced, [-30]).point[0]).toBeCloseTo(2, 8);
  });
});

describe("maximum likelihood over log-parameters", () => {
  test("finds the closed-form MLE: exponential waiting times, rate = n / total time", () => {
    const times = [0.5, 2, 1.25, 4, 0.75];
    const total = times.reduce((s, t) => s + t, 0);
    const exponential = ([rate]: readonly number[], gradient: number[]) => {
      gradient[0] = times.length / rate - total;
      return times.length * Math.log(rate) - rate * total;
    };
    const fit = maximizeLikelihood(exponential, times.length, [1], "exponential");
    expect(fit.theta[0]).toBeCloseTo(times.length / total, 8);
    expect(fit.logLikelihood).toBeCloseTo(times.length * Math.log(times.length / total) - 5, 10);
  });

  test("finds a rate of 4e9 from a start at its scale: the search region follows the start", () => {
    // the same waiting times in units a billion times smaller
    const times = [0.5, 2, 1.25, 4, 0.75].map((t) => t * 1e-9);
    const total = times.reduce((s, t) => s + t, 0);
    const exponential = ([rate]: readonly number[], gradient: number[]) => {
      gradient[0] = times.length / rate - total;
      return times.length * Math.log(rate) - rate * total;
    };
    const fit = maximizeLikelihood(exponential, times.length, [1 / 1e-9], "exponential");
    expect(fit.theta[0] / (times.length / total)).toBeCloseTo(1, 8);
  });

  test("a flat but genuine maximum is kept", () => {
    // curvature 2e-6 per customer in ln θ, a thousand times flatter than CDNOW's flattest
    const flat = ([theta]: readonly number[], gradient: number[]) => {
      const l = Math.log(theta) - 3;
      gradient[0] = (-2e-6 * l) / theta;
      return -1e-6 * l * l;
    };
    expect(Math.log(maximizeLikelihood(flat, 1, [1], "flat").theta[0])).toBeCloseTo(3, 2);
  });
});

/** The escape `maximizeLikelihood` reports for a likelihood without a maximum. */
function escapeOf(logLikelihood: Parameters<typeof maximizeLikelihood>[0], start: number[]) {
  let escape: Escape | undefined;
  const explain = (found: Escape) => {
    escape = found;
    return new CvError("num", "noMaximum", { model: "test" });
  };
  expect(() => maximizeLikelihood(logLikelihood, 1, start, "test", explain)).toThrow(CvError);
  return escape!;
}

describe("a likelihood without a maximum", () => {
  test("that keeps growing as a parameter runs off is #NUM! noMaximum", () => {
    const unbounded = ([theta]: readonly number[], gradient: number[]) => {
      gradient[0] = 1 / theta;
      return Math.log(theta);
    };
    expect(ruleOf(() => maximizeLikelihood(unbounded, 1, [1], "test"))).toBe("num:noMaximum:");
    expect(escapeOf(unbounded, [1]).direction).toEqual([1]);
  });

  test("whose slope flattens out long before the bounds is found by the profile check", () => {
    // -1/θ³ rises towards 0 without reaching it; the search stops near θ = 1,400 (ln 7.3),
    // where the slope falls below its tolerance, well inside the region
    const flattening = ([theta]: readonly number[], gradient: number[]) => {
      gradient[0] = 3 / theta ** 4;
      return -1 / theta ** 3;
    };
    const escape = escapeOf(flattening, [1]);
    expect(escape.theta[0]).toBeLessThan(Math.exp(10));
    expect(escape.direction).toEqual([1]);
  });

  test("along a ridge (two parameters growing together) is found along the ridge", () => {
    // the ratio a/b is pinned at 1; the likelihood rises as both grow, as -1/(ab)^1.5
    const ridge = ([a, b]: readonly number[], gradient: number[]) => {
      const ratio = Math.log(a / b);
      const rise = (a * b) ** -1.5;
      gradient[0] = (-2 * ratio + 1.5 * rise) / a;
      gradient[1] = (2 * ratio + 1.5 * rise) / b;
      return -ratio * ratio - rise;
    };
    const { theta, direction } = escapeOf(ridge, [1, 1]);
    expect(theta[0]).toBeLessThan(Math.exp(10));
    expect(theta[0] / theta[1]).toBeCloseTo(1, 6);
    expect(direction[0]).toBeCloseTo(Math.SQRT1_2, 3);
    expect(direction[1]).toBeCloseTo(Math.SQRT1_2, 3);
  });

  test("towards 0 points the other way", () => {
    const toZero = ([theta]: readonly number[], gradient: number[]) => {
      gradient[0] = -3 * theta ** 2;
      return -(theta ** 3);
    };
    const escape = escapeOf(toZero, [1]);
    expect(escape.theta[0]).toBeGreaterThan(Math.exp(-10));
    expect(escape.direction).toEqual([-1]);
  });
});

describe("eigen-decomposition of a symmetric matrix", () => {
  test("gives ascending eigenvalues and unit eigenvectors that satisfy A v = λ v", () => {
    const matrix = [
      [4, 1, 0.5, 0],
      [1, 3, 0.2, 0.1],
      [0.5, 0.2, 2, 1e-3],
      [0, 0.1, 1e-3, 1e-6],
    ];
    const { values, vectors } = symmetricEigen(matrix);
    expect([...values].sort((x, y) => x - y)).toEqual(values);
    vectors.forEach((v, k) => {
      expect(Math.hypot(...v)).toBeCloseTo(1, 12);
      matrix.forEach((row, i) => {
        const product = row.reduce((s, e, j) => s + e * v[j], 0);
        expect(product).toBeCloseTo(values[k] * v[i], 12);
      });
    });
    // the trace is kept
    expect(values.reduce((s, e) => s + e, 0)).toBeCloseTo(4 + 3 + 2 + 1e-6, 12);
  });
});

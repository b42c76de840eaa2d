import { maximizeLikelihood, minimize } from "../../../src/engine/btyd/optimize";
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

  test("a likelihood that keeps growing as a parameter runs off is #NUM!", () => {
    const unbounded = ([theta]: readonly number[], gradient: number[]) => {
      gradient[0] = 1 / theta;
      return Math.log(theta);
    };
    expect(ruleOf(() => maximizeLikelihood(unbounded, 1, [1], "test"))).toBe("num:noConvergence:");
  });
});

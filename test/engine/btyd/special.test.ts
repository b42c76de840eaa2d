import { lnHyp2f1, logSumExp, logistic } from "../../../src/engine/btyd/special";

/**
 * ln 2F1(a, b; c; z) by the Gauss series itself, summed in log space so that it neither
 * overflows nor needs a transformation: slow near z = 1, fine as a check.
 */
function seriesLn2F1(a: number, b: number, c: number, z: number): number {
  let lnTerm = 0;
  let lnSum = 0;
  for (let n = 0; n < 1_000_000; n++) {
    lnTerm += Math.log(((a + n) * (b + n)) / ((c + n) * (n + 1))) + Math.log(z);
    const next = lnSum + Math.log1p(Math.exp(lnTerm - lnSum));
    if (next === lnSum && n > 10) return lnSum;
    lnSum = next;
  }
  throw new Error("series did not converge");
}

describe("ln 2F1 for the BG/NBD arguments", () => {
  test.each([
    // small z: the series branch, where log(2F1) would lose the O(z) part
    [0.24, 2.43, 2.22, 1e-6],
    [2.24, 4.43, 4.22, 0.05],
    // Cephes' algorithm
    [0.24, 2.43, 2.22, 0.5],
    [10.24, 12.43, 12.22, 0.55],
    [5.24, 7.43, 7.22, 0.893],
    // overflows: Euler's transformation
    [300.24, 302.43, 302.22, 0.952],
    [100.24, 102.43, 102.22, 0.99687],
  ])("2F1(%d, %d; %d; %d) agrees with the series", (a, b, c, z) => {
    const value = lnHyp2f1(a, b, c, z);
    const check = seriesLn2F1(a, b, c, z);
    expect(Math.abs(value / check - 1)).toBeLessThan(1e-12);
  });

  test("the overflow cases really are beyond a double", () => {
    expect(lnHyp2f1(300.24, 302.43, 302.22, 0.952)).toBeGreaterThan(Math.log(Number.MAX_VALUE));
  });

  test("is 0 at z = 0", () => {
    expect(lnHyp2f1(1.5, 2, 3, 0)).toBe(0);
  });
});

describe("log-space helpers", () => {
  test("logSumExp neither overflows nor loses the smaller term", () => {
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logSumExp(0, -50)).toBe(Math.log1p(Math.exp(-50)));
  });

  test("logistic is exact at 0 and saturates without NaN", () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(800)).toBe(1);
    expect(logistic(-800)).toBe(0);
    expect(logistic(-3) + logistic(3)).toBeCloseTo(1, 15);
  });
});

import {
  BgNbdLikelihood,
  type BgNbdParams,
  type PurchaseHistory,
  bgNbdParamsOf,
  expectedPurchases,
  fitBgNbd,
  pAlive,
  repeatPurchaseProbabilities,
  unconditionalExpectedPurchases,
} from "../../../src/engine/btyd";
import { cdnowSummary, readData } from "../../support/data";
import { random, ruleOf } from "../support";
import {
  LIFETIMES_BG_NBD,
  LIFETIMES_BG_NBD_LL,
  expectGradientMatches,
  expectLocalMaximum,
  integrate01,
  logDerivative,
  significant,
} from "./support";

const customers = cdnowSummary();
const asParams = ([r, alpha, a, b]: readonly number[]): BgNbdParams => ({ r, alpha, a, b });
const asArray = (p: BgNbdParams) => [p.r, p.alpha, p.a, p.b];

/**
 * FHL 2005 eq. 6 transcribed with products instead of gamma functions:
 * Γ(r+x)/Γ(r) = Π(r+j), B(a, b+x)/B(a, b) = Π(b+j)/(a+b+j) and
 * B(a+1, b+x-1)/B(a, b) = a Π_{j<x-1}(b+j) / Π_{j<x}(a+b+j).
 */
function literalLikelihood(params: BgNbdParams, { x, tx, T }: PurchaseHistory): number {
  const { r, alpha, a, b } = params;
  let gammaRatio = 1;
  let stay = 1;
  let abProduct = 1;
  let bProduct = 1;
  for (let j = 0; j < x; j++) {
    gammaRatio *= r + j;
    stay *= (b + j) / (a + b + j);
    abProduct *= a + b + j;
    if (j < x - 1) bProduct *= b + j;
  }
  const drop = x > 0 ? (a * bProduct) / abProduct : 0;
  const purchases = gammaRatio * alpha ** r;
  return stay * purchases * (alpha + T) ** -(r + x) + drop * purchases * (alpha + tx) ** -(r + x);
}

describe("the BG/NBD log-likelihood", () => {
  test("is FHL 2005 eq. 6, written out directly, for small cases", () => {
    const params = { r: 0.7, alpha: 3.5, a: 1.3, b: 2.2 };
    const histories = [
      { x: 0, tx: 0, T: 5 },
      { x: 1, tx: 2, T: 6 },
      { x: 3, tx: 4.5, T: 7 },
      { x: 3, tx: 4.5, T: 7 },
      { x: 7, tx: 30, T: 31 },
    ];
    const direct = histories.reduce((sum, h) => sum + Math.log(literalLikelihood(params, h)), 0);
    expect(new BgNbdLikelihood(histories).logLikelihood(params)).toBeCloseTo(direct, 11);
  });

  test("on CDNOW at lifetimes' parameters is lifetimes' -9582.43", () => {
    const ll = new BgNbdLikelihood(customers).logLikelihood(LIFETIMES_BG_NBD);
    expect(ll).toBeCloseTo(LIFETIMES_BG_NBD_LL, 2);
  });

  test("its analytic gradient matches central differences away from the optimum", () => {
    const likelihood = new BgNbdLikelihood(customers);
    expectGradientMatches(
      (theta, gradient) => likelihood.logLikelihood(asParams(theta), gradient),
      [0.3, 5, 0.9, 2]
    );
  });
});

describe("fitting BG/NBD to the CDNOW sample", () => {
  const fit = fitBgNbd(customers);
  const likelihood = new BgNbdLikelihood(customers);
  const value = (theta: number[]) => likelihood.logLikelihood(asParams(theta));
  const best = asArray(fit.params);

  test("gives lifetimes' parameters and log-likelihood to 4 significant figures", () => {
    for (const [name, expected] of Object.entries(LIFETIMES_BG_NBD)) {
      const actual = fit.params[name as keyof BgNbdParams];
      expect([name, significant(actual)]).toEqual([name, significant(expected)]);
      expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-5);
    }
    expect(significant(fit.logLikelihood, 6)).toBe(LIFETIMES_BG_NBD_LL);
    expect(fit.customers).toBe(2357);
  });

  test("is a maximum: central differences of the log-likelihood vanish there", () => {
    best.forEach((_, i) => expect(Math.abs(logDerivative(value, best, i))).toBeLessThan(1e-3));
    // the same test 1% away is far from passing
    const off = best.map((theta) => theta * 1.01);
    expect(Math.max(...off.map((_, i) => Math.abs(logDerivative(value, off, i))))).toBeGreaterThan(
      1
    );
  });

  test("no nearby point is better: each parameter ±1e-4 and random directions", () => {
    expect(value(best)).toBe(fit.logLikelihood);
    expectLocalMaximum(value, best, 5);
  });

  test("is deterministic and does not depend on the order of the customers", () => {
    expect(fitBgNbd([...customers].reverse())).toEqual(fit);
  });

  test("in days or months changes only alpha", () => {
    for (const days of [7, 1 / 4.348]) {
      const rescaled = customers.map((c) => ({ ...c, tx: c.tx * days, T: c.T * days }));
      const other = fitBgNbd(rescaled).params;
      expect(other.alpha / days).toBeCloseTo(fit.params.alpha, 4);
      expect(other.r).toBeCloseTo(fit.params.r, 6);
      expect(other.a).toBeCloseTo(fit.params.a, 5);
      expect(other.b).toBeCloseTo(fit.params.b, 5);
    }
  });
});

describe("fitting BG/NBD to data it cannot describe", () => {
  test("no repeat buyer is #N/A", () => {
    expect(ruleOf(() => fitBgNbd([{ x: 0, tx: 0, T: 10 }]))).toBe("na:noRepeatBuyers:x");
    expect(ruleOf(() => fitBgNbd([]))).toBe("na:noRepeatBuyers:x");
  });

  test("no maximum (nobody ever drops out) is #NUM!", () => {
    const loyal = [
      { x: 3, tx: 10, T: 10 },
      { x: 2, tx: 9, T: 9 },
      { x: 5, tx: 8, T: 8 },
    ];
    expect(ruleOf(() => fitBgNbd(loyal))).toBe("num:noDropout:");
  });

  // 50 customers, every repeat buyer's last purchase at the end (t_x = T), some without any
  const stillBuying = Array.from({ length: 50 }, (_, i) => {
    const x = i % 5;
    const T = 20 + ((i * 7) % 30);
    return { x, tx: x > 0 ? T : 0, T };
  });

  test("everyone still buying (t_x = T) has no maximum: the likelihood rises as a -> 0", () => {
    // With t_x = T the customer's likelihood is E[(1-p)^(x-1)] over the Beta(a, b) dropout
    // probability times terms without a and b, so at any parameters halving a raises it.
    const likelihood = new BgNbdLikelihood(stillBuying);
    const next = random(3);
    for (let k = 0; k < 20; k++) {
      const params = {
        r: 0.1 + next(),
        alpha: 1 + 20 * next(),
        a: 0.01 + 5 * next(),
        b: 20 * next(),
      };
      expect(likelihood.logLikelihood({ ...params, a: params.a / 2 })).toBeGreaterThan(
        likelihood.logLikelihood(params)
      );
    }
    expect(ruleOf(() => fitBgNbd(stillBuying))).toBe("num:noDropout:");
    expect(ruleOf(() => fitBgNbd([...stillBuying].reverse()))).toBe("num:noDropout:");
  });

  test("one repeat buyer among 50 has no maximum: #NUM!", () => {
    const once = Array.from({ length: 50 }, (_, i) =>
      i === 0 ? { x: 1, tx: 5, T: 20 } : { x: 0, tx: 0, T: 20 + (i % 10) }
    );
    expect(ruleOf(() => fitBgNbd(once))).toBe("num:noMaximum:");
  });

  test("the donations data (x of 6 yearly chances) has no maximum: dropout runs to 0, #NUM!", () => {
    // Fitted with the old test, a = 4.3e-7 and b = 40,358 came back as if they were estimates.
    const donors = readData("donations_bgbb.csv")
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.trim() !== "")
      .flatMap((line) => {
        const [x, tx, n, count] = line.split(",").map(Number);
        return Array.from({ length: count }, () => ({ x, tx, T: n }));
      });
    expect(donors).toHaveLength(11104);
    expect(ruleOf(() => fitBgNbd(donors))).toBe("num:noDropout:");
  });

  test("a small table with a genuine maximum is still fitted: CDNOW's first 200 customers", () => {
    const few = customers.slice(0, 200);
    const fit = fitBgNbd(few);
    const likelihood = new BgNbdLikelihood(few);
    expectLocalMaximum(
      (theta) => likelihood.logLikelihood(asParams(theta)),
      asArray(fit.params),
      7
    );
  });

  test("invalid histories name the rule", () => {
    expect(ruleOf(() => fitBgNbd([{ x: 1.5, tx: 1, T: 2 }]))).toBe("value:wholeAtLeast:x");
    expect(ruleOf(() => fitBgNbd([{ x: 1, tx: 3, T: 2 }]))).toBe("value:recencyOutOfRange:");
    expect(ruleOf(() => fitBgNbd([{ x: 0, tx: 1, T: 2 }]))).toBe("value:recencyWithoutRepeat:");
  });
});

/**
 * A second way to the predictions: integrate over the dropout probability p numerically (the
 * purchase rate λ integrates in closed form), with the customer's likelihood as weight:
 *   alive at T:                  (1-p)^x (α+T)^-(r+x)
 *   dropped after the last buy:  p (1-p)^(x-1) (α+t_x)^-(r+x)
 * and, alive, the expected purchases in (T, T+t] are (1 - e^(-λpt))/p, whose λ-integral is
 *   ((α+T)^-(r+x) - (α+T+pt)^-(r+x)) / p.
 * Common factors (Γ(r+x)α^r/Γ(r), B(a, b), and (α+T)^-(r+x) against underflow) cancel in the
 * ratios.
 */
function byQuadrature(params: BgNbdParams, { x, tx, T }: PurchaseHistory, t: number) {
  const { r, alpha, a, b } = params;
  const k = r + x;
  const beta = (p: number, q: number) => p ** (a - 1) * q ** (b - 1);
  const alive = integrate01((p, q) => beta(p, q) * q ** x);
  const dropWeight = ((alpha + T) / (alpha + tx)) ** k;
  const dropped = x > 0 ? integrate01((p, q) => beta(p, q) * p * q ** (x - 1) * dropWeight) : 0;
  const future = integrate01(
    (p, q) => (beta(p, q) * q ** x * -Math.expm1(-k * Math.log1p((p * t) / (alpha + T)))) / p
  );
  return { pAlive: alive / (alive + dropped), expected: future / (alive + dropped) };
}

describe("BG/NBD predictions", () => {
  const params = LIFETIMES_BG_NBD;
  const hardie = { x: 2, tx: 30.43, T: 38.86 };

  test("E[Y(39) | x=2, t_x=30.43, T=38.86] is 1.226, as Hardie's spreadsheet and lifetimes give", () => {
    expect(expectedPurchases(params, 39, hardie)).toBeCloseTo(1.226, 3);
  });

  test.each([
    [hardie, 39],
    [hardie, 0.01],
    [{ x: 0, tx: 0, T: 38.86 }, 52],
    [{ x: 1, tx: 1.71, T: 38.86 }, 5],
    [{ x: 14, tx: 37, T: 38 }, 104],
    [{ x: 40, tx: 30, T: 60 }, 500],
  ])("P(alive) and E[Y(t)] for %j, t=%d, agree with numerical integration", (history, t) => {
    const check = byQuadrature(params, history, t);
    expect(pAlive(params, history)).toBeCloseTo(check.pAlive, 10);
    const expected = expectedPurchases(params, t, history);
    expect(Math.abs(expected / check.expected - 1)).toBeLessThan(1e-8);
  });

  test("a customer without repeat purchases is alive; P(alive) falls with time since the last purchase", () => {
    expect(pAlive(params, { x: 0, tx: 0, T: 30 })).toBe(1);
    const recent = pAlive(params, { x: 3, tx: 30, T: 31 });
    const lapsed = pAlive(params, { x: 3, tx: 5, T: 31 });
    expect(recent).toBeGreaterThan(lapsed);
    expect(pAlive(params, { x: 300, tx: 1, T: 500 })).toBeGreaterThanOrEqual(0);
  });

  test("heavy buyers over long horizons stay finite (2F1 overflows; Euler's transformation)", () => {
    // 2F1(300.24, 302.43; 302.22; 0.952) is about 1e396
    const heavy = { x: 300, tx: 499, T: 500 };
    const value = expectedPurchases(params, 10_000, heavy);
    expect(Number.isFinite(value)).toBe(true);
    expect(value / byQuadrature(params, heavy, 10_000).expected).toBeCloseTo(1, 8);
  });

  test("E[Y(t)] grows linearly for a short t, and is 0 at t = 0", () => {
    expect(expectedPurchases(params, 0, hardie)).toBe(0);
    const slope = expectedPurchases(params, 1e-9, hardie) / 1e-9;
    expect(expectedPurchases(params, 1e-12, hardie) / 1e-12).toBeCloseTo(slope, 6);
  });

  test("at a = 1 (where the formula is 0/0) the value is the limit", () => {
    const atOne = { ...params, a: 1 };
    const check = byQuadrature(atOne, hardie, 39).expected;
    expect(expectedPurchases(atOne, 39, hardie)).toBeCloseTo(check, 8);
    expect(unconditionalExpectedPurchases(atOne, 39)).toBeCloseTo(
      unconditionalExpectedPurchases({ ...params, a: 1.001 }, 39),
      3
    );
  });

  test("E[X(t)] is Hardie's spreadsheet (lifetimes' test values) and the integral over p", () => {
    const published: [number, number][] = [
      [0.1429, 0.0078],
      [1, 0.0532],
      [3, 0.1506],
      [31.8571, 1.0405],
      [32, 1.0437],
      [78, 1.8576],
    ];
    const { r, alpha, a, b } = params;
    const betaNorm = integrate01((p, q) => p ** (a - 1) * q ** (b - 1));
    for (const [t, value] of published) {
      const mine = unconditionalExpectedPurchases(params, t);
      expect(mine).toBeCloseTo(value, 3);
      const integral =
        integrate01(
          (p, q) => (p ** (a - 1) * q ** (b - 1) * (1 - (alpha / (alpha + p * t)) ** r)) / p
        ) / betaNorm;
      expect(Math.abs(mine / integral - 1)).toBeLessThan(1e-9);
    }
  });

  test("a + b <= 1 leaves E[X(t)] of customers without repeat purchases undefined here", () => {
    const wide = { r: 1, alpha: 2, a: 0.4, b: 0.5 };
    expect(ruleOf(() => unconditionalExpectedPurchases(wide, 5))).toBe(
      "value:purchasesUndefined:params"
    );
    expect(ruleOf(() => expectedPurchases(wide, 5, { x: 0, tx: 0, T: 3 }, "bgnbd_params"))).toBe(
      "value:purchasesUndefined:bgnbd_params"
    );
    expect(expectedPurchases(wide, 5, { x: 1, tx: 1, T: 3 })).toBeGreaterThan(0);
  });
});

describe("P(X(t) = x), the distribution of repeat purchases", () => {
  const params = LIFETIMES_BG_NBD;

  /** FHL 2005 eq. 8 with gamma functions written as products, for small x. */
  function literalProbability(t: number, x: number): number {
    const { r, alpha, a, b } = params;
    const nb = (j: number) => {
      let ratio = 1;
      for (let i = 0; i < j; i++) ratio *= (r + i) / (i + 1);
      return ratio * (alpha / (alpha + t)) ** r * (t / (alpha + t)) ** j;
    };
    let stay = 1;
    for (let j = 0; j < x; j++) stay *= (b + j) / (a + b + j);
    if (x === 0) return stay * nb(0);
    let below = 0;
    for (let j = 0; j < x; j++) below += nb(j);
    // B(a+1, b+x-1)/B(a, b) = a Π_{j<x-1}(b+j) / Π_{j<x}(a+b+j)
    let drop = a;
    for (let j = 0; j < x; j++) drop /= a + b + j;
    for (let j = 0; j < x - 1; j++) drop *= b + j;
    return stay * nb(x) + drop * (1 - below);
  }

  test("is FHL 2005 eq. 8 written out", () => {
    const probabilities = repeatPurchaseProbabilities(params, 38.86, 8);
    probabilities.forEach((p, x) => expect(p).toBeCloseTo(literalProbability(38.86, x), 14));
  });

  test("sums to 1 and has mean E[X(t)]", () => {
    for (const t of [1, 39, 78]) {
      const probabilities = repeatPurchaseProbabilities(params, t, 3000);
      const total = probabilities.reduce((s, p) => s + p, 0);
      const mean = probabilities.reduce((s, p, x) => s + x * p, 0);
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(unconditionalExpectedPurchases(params, t), 8);
    }
  });

  test("at t = 0 nobody has bought again", () => {
    expect(repeatPurchaseProbabilities(params, 0, 3)).toEqual([1, 0, 0]);
  });
});

describe("parameters given by a user", () => {
  test("four positive numbers, or BGNBDFIT's row with the log-likelihood", () => {
    expect(bgNbdParamsOf([0.2, 4, 0.8, 2.4], "params")).toEqual({
      r: 0.2,
      alpha: 4,
      a: 0.8,
      b: 2.4,
    });
    expect(bgNbdParamsOf([0.2, 4, 0.8, 2.4, -9582], "params").b).toBe(2.4);
  });

  test.each([
    [[0.2, 4, 0.8]],
    [[0.2, 4, 0.8, 2.4, 1, 2]],
    [[0.2, 0, 0.8, 2.4]],
    [[-1, 4, 0.8, 2.4]],
  ])("%j is an error naming the argument", (values) => {
    expect(ruleOf(() => bgNbdParamsOf(values, "params"))).toBe("value:modelParams:params");
  });
});

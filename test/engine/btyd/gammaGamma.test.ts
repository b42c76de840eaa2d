import {
  GammaGammaLikelihood,
  type GammaGammaParams,
  type SpendHistory,
  expectedSpend,
  fitGammaGamma,
  gammaGammaParamsOf,
} from "../../../src/engine/btyd";
import { cdnowSummary } from "../../support/data";
import { ruleOf } from "../support";
import {
  LIFETIMES_GAMMA_GAMMA,
  LIFETIMES_GAMMA_GAMMA_LL,
  expectGradientMatches,
  expectLocalMaximum,
  integrateToInfinity,
  logDerivative,
  significant,
} from "./support";

const customers = cdnowSummary();
const asParams = ([p, q, gamma]: readonly number[]): GammaGammaParams => ({ p, q, gamma });

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/**
 * The density of a mean spend m over x purchases (Hardie's note 025) written out, for whole
 * px and q so that the gamma functions are factorials:
 * Γ(px+q)/(Γ(px)Γ(q)) γ^q m^(px-1) x^(px) / (γ + m x)^(px+q).
 */
function literalDensity({ p, q, gamma }: GammaGammaParams, { x, meanSpend: m }: SpendHistory) {
  const px = p * x;
  const gammas = factorial(px + q - 1) / (factorial(px - 1) * factorial(q - 1));
  return (gammas * gamma ** q * m ** (px - 1) * x ** px) / (gamma + m * x) ** (px + q);
}

describe("the Gamma-Gamma log-likelihood", () => {
  test("is the density of the mean spend, written out, for small cases; non-repeat buyers are left out", () => {
    const params = { p: 2, q: 3, gamma: 15 };
    const histories = [
      { x: 1, meanSpend: 12 },
      { x: 2, meanSpend: 30.5 },
      { x: 3, meanSpend: 8 },
      { x: 0, meanSpend: 0 },
    ];
    const direct = histories
      .filter((h) => h.x > 0)
      .reduce((sum, h) => sum + Math.log(literalDensity(params, h)), 0);
    const likelihood = new GammaGammaLikelihood(histories);
    expect(likelihood.customers).toBe(3);
    expect(likelihood.logLikelihood(params)).toBeCloseTo(direct, 11);
  });

  test("its analytic gradient matches central differences away from the optimum", () => {
    const likelihood = new GammaGammaLikelihood(customers);
    expectGradientMatches(
      (theta, gradient) => likelihood.logLikelihood(asParams(theta), gradient),
      [4, 2.5, 20]
    );
  });
});

describe("fitting Gamma-Gamma to the CDNOW repeat buyers", () => {
  const fit = fitGammaGamma(customers);
  const likelihood = new GammaGammaLikelihood(customers);
  const value = (theta: number[]) => likelihood.logLikelihood(asParams(theta));
  const best = [fit.params.p, fit.params.q, fit.params.gamma];

  test("gives lifetimes' parameters and log-likelihood to 4 significant figures", () => {
    for (const [name, expected] of Object.entries(LIFETIMES_GAMMA_GAMMA)) {
      const actual = fit.params[name as keyof GammaGammaParams];
      expect([name, significant(actual)]).toEqual([name, significant(expected)]);
    }
    expect(significant(fit.logLikelihood, 6)).toBe(LIFETIMES_GAMMA_GAMMA_LL);
    expect(fit.customers).toBe(946);
  });

  test("is a maximum: central differences vanish, and no nearby point is better", () => {
    best.forEach((_, i) => expect(Math.abs(logDerivative(value, best, i))).toBeLessThan(1e-3));
    expectLocalMaximum(value, best, 11);
  });

  test("is deterministic, whatever the order, and a change of currency changes only gamma", () => {
    expect(fitGammaGamma([...customers].reverse())).toEqual(fit);
    const cents = fitGammaGamma(customers.map((c) => ({ ...c, meanSpend: c.meanSpend * 100 })));
    expect(cents.params.p).toBeCloseTo(fit.params.p, 5);
    expect(cents.params.q).toBeCloseTo(fit.params.q, 5);
    expect(cents.params.gamma / 100).toBeCloseTo(fit.params.gamma, 4);
  });

  test("needs repeat buyers with a positive mean spend", () => {
    expect(ruleOf(() => fitGammaGamma([{ x: 0, meanSpend: 0 }]))).toBe("na:noRepeatBuyers:x");
    expect(ruleOf(() => fitGammaGamma([{ x: 2, meanSpend: 0 }]))).toBe(
      "value:greaterThan:mean_spend"
    );
  });

  test("spends without any spread between customers have no maximum: #NUM!", () => {
    const alike = [1, 2, 3].map((x) => ({ x, meanSpend: 10 }));
    expect(ruleOf(() => fitGammaGamma(alike))).toBe("num:spendNoMaximum:");
  });

  test("five buyers (CDNOW's repeat buyers 36 to 40) have no maximum: #NUM!, not p = 1.4e7", () => {
    // The likelihood keeps rising as p grows with p γ fixed: purchases alike within each
    // customer, which four one-purchase buyers cannot contradict.
    const five = [
      { x: 1, meanSpend: 26.22 },
      { x: 5, meanSpend: 17.47 },
      { x: 1, meanSpend: 92.8 },
      { x: 1, meanSpend: 52.3 },
      { x: 1, meanSpend: 39.09 },
    ];
    expect(customers.filter((c) => c.x > 0).slice(35, 40)).toMatchObject(five);
    const likelihood = new GammaGammaLikelihood(five);
    // along p γ = 112, q = 3.38, where the search used to stop: each tenfold p is better
    const alongRidge = [1e2, 1e3, 1e4, 1e5].map((p) =>
      likelihood.logLikelihood({ p, q: 3.38, gamma: 112 / p })
    );
    alongRidge.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(alongRidge[i]));
    expect(ruleOf(() => fitGammaGamma(five))).toBe("num:spendNoMaximum:");
  });

  test("five buyers with one purchase each have no maximum either: #NUM!, not q = 9e6", () => {
    const five = customers.filter((c) => c.x > 0).slice(40, 45);
    expect(five.map((c) => c.x)).toEqual([1, 1, 1, 1, 1]);
    expect(ruleOf(() => fitGammaGamma(five))).toBe("num:spendNoMaximum:");
  });

  test("five buyers can have a genuine maximum, and keep it", () => {
    const five = [
      { x: 1, meanSpend: 12 },
      { x: 2, meanSpend: 30.5 },
      { x: 1, meanSpend: 20 },
      { x: 3, meanSpend: 15 },
      { x: 1, meanSpend: 25 },
    ];
    const fit = fitGammaGamma(five);
    expect(significant(fit.params.p, 3)).toBe(34.8);
    const likelihood = new GammaGammaLikelihood(five);
    const best = [fit.params.p, fit.params.q, fit.params.gamma];
    expectLocalMaximum((theta) => likelihood.logLikelihood(asParams(theta)), best, 5);
  });
});

describe("expected spend", () => {
  const params = LIFETIMES_GAMMA_GAMMA;

  /**
   * The posterior mean by integration: given x purchases with mean m, the customer's ν is
   * Gamma(px+q, γ+xm), and a purchase's expected value given ν is p/ν.
   */
  function posteriorMean({ p, q, gamma }: GammaGammaParams, { x, meanSpend: m }: SpendHistory) {
    const shape = p * x + q;
    const rate = gamma + x * m;
    // in units of its mode, and scaled to 1 there, against underflow
    const mode = (shape - 1) / rate;
    const density = (w: number) => Math.exp((shape - 1) * (Math.log(w) - w + 1));
    const h = 1 / 256;
    const mean = integrateToInfinity((w) => (p / (mode * w)) * density(w), h);
    return mean / integrateToInfinity(density, h);
  }

  test.each([
    { x: 2, meanSpend: 22.35 },
    { x: 1, meanSpend: 11.77 },
    { x: 0, meanSpend: 0 },
    { x: 30, meanSpend: 150 },
  ])("for %j is the posterior mean of the purchase value", (history) => {
    const value = expectedSpend(params, history).toNumber();
    expect(Math.abs(value / posteriorMean(params, history) - 1)).toBeLessThan(1e-9);
  });

  test("for CDNOW customers 1, 2, 3, 6 and 9 is what lifetimes' Quickstart lists", () => {
    const { params: fitted } = fitGammaGamma(customers);
    const quickstart: [number, number][] = [
      [1, 24.658619],
      [2, 18.911489],
      [3, 35.170981],
      [6, 71.462843],
      [9, 27.282408],
    ];
    for (const [id, value] of quickstart) {
      expect(expectedSpend(fitted, customers[id - 1]).toNumber()).toBeCloseTo(value, 4);
    }
  });

  test("needs q > 1: the population's mean spend is infinite otherwise", () => {
    expect(ruleOf(() => expectedSpend({ p: 2, q: 1, gamma: 5 }, { x: 1, meanSpend: 3 }))).toBe(
      "value:spendMeanUndefined:gg_params"
    );
  });

  test("GGFIT's row, with or without its log-likelihood, gives the parameters", () => {
    expect(gammaGammaParamsOf([6.2, 3.7, 15.4, -4055.9], "gg_params")).toEqual({
      p: 6.2,
      q: 3.7,
      gamma: 15.4,
    });
    expect(ruleOf(() => gammaGammaParamsOf([6.2, 3.7], "gg_params"))).toBe(
      "value:modelParams:gg_params"
    );
  });
});

import {
  discountSchedule,
  discountedExpectedPurchases,
  expectedPurchases,
  expectedSpend,
  fitBgNbd,
  fitGammaGamma,
  predictedClv,
} from "../../../src/engine/btyd";
import { cdnowSummary } from "../../support/data";
import { ruleOf } from "../support";

const customers = cdnowSummary();
const bg = fitBgNbd(customers).params;
const gg = fitGammaGamma(customers).params;

describe("predicted lifetime value", () => {
  test("is lifetimes' Quickstart CLV: 12 steps of 30 weeks, 1% per step", () => {
    // lifetimes' customer_lifetime_value with its default freq "D" (30 time units a month)
    // on the weekly CDNOW data
    const schedule = discountSchedule({ horizon: 360, step: 30, discountRate: 0.01 });
    const quickstart: [number, number][] = [
      [1, 140.096211],
      [2, 18.943467],
      [3, 38.180574],
      [6, 1003.868107],
      [7, 28.109683],
      [9, 167.418216],
    ];
    for (const [id, value] of quickstart) {
      const clv = predictedClv(bg, gg, customers[id - 1], schedule).toNumber();
      expect(Math.abs(clv / value - 1)).toBeLessThan(1e-6);
    }
  });

  test("step by step: increments of E[Y(t)], the last step ending at the horizon, discounted per step", () => {
    const schedule = discountSchedule({ horizon: 52, step: 4.345, discountRate: 0.01 });
    expect(schedule.ends).toHaveLength(12);
    expect(schedule.ends[10]).toBeCloseTo(47.795, 12);
    expect(schedule.ends[11]).toBe(52);
    const customer = customers[0];
    let expected = 0;
    for (let i = 1; i <= 12; i++) {
      const upTo = expectedPurchases(bg, Math.min(52, i * 4.345), customer);
      const before = expectedPurchases(bg, Math.min(52, (i - 1) * 4.345), customer);
      expected += (upTo - before) / 1.01 ** i;
    }
    expect(discountedExpectedPurchases(bg, customer, schedule)).toBeCloseTo(expected, 12);
  });

  test("without discounting it is expected spend times E[Y(horizon)]", () => {
    const schedule = discountSchedule({ horizon: 52 });
    expect(schedule.ends).toHaveLength(52);
    for (const customer of customers.slice(0, 20)) {
      const clv = predictedClv(bg, gg, customer, schedule).toNumber();
      const direct = expectedSpend(gg, customer).toNumber() * expectedPurchases(bg, 52, customer);
      expect(clv).toBeCloseTo(direct, 9);
    }
  });

  test("a whole number of steps is counted in decimals: 0.3 / 0.1 is 3 steps", () => {
    expect(discountSchedule({ horizon: 0.3, step: 0.1 }).ends).toHaveLength(3);
  });

  test("bad horizons, steps and rates name their argument", () => {
    expect(ruleOf(() => discountSchedule({ horizon: 0 }))).toBe("value:greaterThan:horizon");
    expect(ruleOf(() => discountSchedule({ horizon: 52, step: -1 }))).toBe(
      "value:greaterThan:step"
    );
    expect(ruleOf(() => discountSchedule({ horizon: 52, discountRate: -1 }))).toBe(
      "value:rateAboveMinus100:discount_rate"
    );
    expect(ruleOf(() => discountSchedule({ horizon: 5000, step: 1 }))).toBe("value:atLeast:step");
  });
});

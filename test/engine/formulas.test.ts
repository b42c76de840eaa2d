import {
  complaintLoss,
  customerValue,
  deliveredValue,
  equity,
  infoValue,
  lifetime,
  lossValue,
  retention,
} from "../../src/engine";
import { Rational } from "../support/rational";
import { ruleOf } from "./support";

describe("customer value over N years", () => {
  test("P0 - C0 + sum R/(1+r)^t (t=1..N) + sum P1/(1+r)^t (t=0..N)", () => {
    const g = Rational.of("1.08");
    let exact = Rational.of(300).minus(120);
    for (let t = 1; t <= 5; t++) exact = exact.plus(Rational.of(1000).div(g.pow(t)));
    for (let t = 0; t <= 5; t++) exact = exact.plus(Rational.of(50).div(g.pow(t)));
    const result = customerValue({
      firstPrice: 300,
      acquisitionCost: 120,
      annualRevenue: 1000,
      rate: 0.08,
      years: 5,
      repeatSpend: 50,
    });
    expect(result.toNumber()).toBe(exact.toNumber());
  });

  test("a zero rate sums plainly; years must be whole", () => {
    const args = { firstPrice: 10, acquisitionCost: 4, annualRevenue: 100, rate: 0, years: 3 };
    expect(customerValue(args).toNumber()).toBe(306);
    expect(ruleOf(() => customerValue({ ...args, years: 1.5 }))).toBe("value:wholeAtLeast:years");
  });
});

describe("loss of a customer", () => {
  test("V (1 + x), default x = 15%", () => {
    expect(lossValue(1000).toNumber()).toBe(1150);
    expect(lossValue(1000, 0.3).toNumber()).toBe(1300);
    expect(ruleOf(() => lossValue(1000, -0.1))).toBe("value:atLeast:goodwill_damage");
  });

  test("the complaint iceberg", () => {
    // 20 complaints from 4% of unhappy customers: 500 unhappy, 480 silent and lost;
    // 70% of complaints resolved: 6 complainers lost. 486 customers x 250.
    expect(
      complaintLoss({
        complaints: 20,
        complaintShare: 0.04,
        resolvedShare: 0.7,
        lossPerCustomer: 250,
      }).toNumber()
    ).toBe(121_500);
    expect(
      ruleOf(() =>
        complaintLoss({ complaints: 20, complaintShare: 0, resolvedShare: 0.7, lossPerCustomer: 1 })
      )
    ).toBe("value:betweenOpenLow:complaint_share");
  });
});

describe("customer base", () => {
  test("lifetime: 1 / churn or N / M; zero churn is #DIV/0!", () => {
    expect(lifetime(0.2).toNumber()).toBe(5);
    expect(lifetime(1000, 40).toNumber()).toBe(25);
    expect(ruleOf(() => lifetime(0))).toBe("div0:divideByZero:");
    expect(ruleOf(() => lifetime(100, 0))).toBe("div0:divideByZero:");
    expect(ruleOf(() => lifetime(1.5))).toBe("value:between:churn_rate_or_customers");
  });

  test("retention (E - N) / S", () => {
    expect(retention(200, 190, 30).toNumber()).toBe(0.8);
    expect(ruleOf(() => retention(200, 20, 30))).toBe("value:newExceedsEnd:");
    expect(ruleOf(() => retention(100, 300, 30))).toBe("value:retainedExceedsStart:");
  });

  test("equity sums lifetime values exactly, or scales their average", () => {
    expect(equity([0.1, 0.2, 0.3]).toNumber()).toBe(0.6);
    expect(equity([1200], 500).toNumber()).toBe(600_000);
    expect(equity([100, 200], 10).toNumber()).toBe(1500);
    expect(ruleOf(() => equity([]))).toBe("na:emptyPopulation:clv_values");
  });

  test("delivered value: value minus cost, or their ratio", () => {
    expect(deliveredValue([500, 200, 100, 50], [600, 50, 30, 20]).toNumber()).toBe(150);
    expect(deliveredValue([850], [700], true).toNumber()).toBe(
      Rational.of(850).div(700).toNumber()
    );
    expect(ruleOf(() => deliveredValue([1], [0], true))).toBe("div0:divideByZero:");
  });

  test("information value k * sum(p_i N_i) - N2 C", () => {
    expect(infoValue(2, [3, 4], [10, 5], 6, 1.5).toNumber()).toBe(2 * (30 + 20) - 9);
    expect(ruleOf(() => infoValue(2, [3, 4], [10], 6, 1.5))).toBe("value:sameSize:info_counts");
  });
});

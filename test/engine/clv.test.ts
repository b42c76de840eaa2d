import { clv } from "../../src/engine";
import { Rational, npv } from "../support/rational";
import { ruleOf } from "./support";

const value = (input: Parameters<typeof clv>[0]) => clv(input).toNumber();

describe("CLV", () => {
  test("the spec's example =CV.CLV(500, 9%, 5) equals the exact present value of five margins", () => {
    const exact = npv("0.09", [500, 500, 500, 500, 500]);
    expect(value({ margin: 500, rate: 0.09, periods: 5 })).toBe(exact.toNumber());
    // PV(9%, 5, -500) shows 1,944.83 in Excel
    expect(value({ margin: 500, rate: 0.09, periods: 5 })).toBeCloseTo(1944.83, 2);
  });

  test("with retention 1 and timing 0 a margin list is Excel's NPV", () => {
    const margins = [120.5, -30, 0, 999.99, 12_345.67, 0.01];
    expect(value({ margin: margins, rate: 0.075, retention: 1 })).toBe(
      npv("0.075", margins).toNumber()
    );
  });

  test("timing 1 discounts the first margin zero times (PV type 1)", () => {
    // PV(10%, 3, -100, 0, 1) = 100 + 100/1.1 + 100/1.21
    const exact = Rational.of(100)
      .plus(Rational.of(100).div("1.1"))
      .plus(Rational.of(100).div("1.21"));
    expect(value({ margin: 100, rate: 0.1, periods: 3, timing: 1 })).toBe(exact.toNumber());
  });

  test("retention r weights period t by r^t (timing 0) and r^(t-1) (timing 1)", () => {
    const margins = [100, 200, 300];
    const r = Rational.of("0.8");
    const g = Rational.of("1.12");
    let end = new Rational(0n);
    let start = new Rational(0n);
    margins.forEach((m, i) => {
      end = end.plus(
        r
          .pow(i + 1)
          .div(g.pow(i + 1))
          .times(m)
      );
      start = start.plus(r.pow(i).div(g.pow(i)).times(m));
    });
    expect(value({ margin: margins, rate: 0.12, retention: 0.8 })).toBe(end.toNumber());
    expect(value({ margin: margins, rate: 0.12, retention: 0.8, timing: 1 })).toBe(
      start.toNumber()
    );
  });

  test("periods may stop a margin list early but not run past it", () => {
    expect(value({ margin: [10, 20, 30], rate: 0.1, periods: 2 })).toBe(
      npv("0.1", [10, 20]).toNumber()
    );
    expect(ruleOf(() => clv({ margin: [10, 20], rate: 0.1, periods: 3 }))).toBe(
      "value:periodsExceedMargins:"
    );
  });

  test("a single margin without periods is the Gupta-Lehmann infinite horizon m r / (1 + i - r)", () => {
    const exact = Rational.of(100).times("0.9").div(Rational.of("1.1").minus("0.9"));
    expect(value({ margin: 100, rate: 0.1, retention: 0.9 })).toBe(exact.toNumber());
    const begin = Rational.of(100).times("1.1").div(Rational.of("1.1").minus("0.9"));
    expect(value({ margin: 100, rate: 0.1, retention: 0.9, timing: 1 })).toBe(begin.toNumber());
  });

  test("a perpetuity without retention loss is m / i, and one that never shrinks is refused", () => {
    expect(value({ margin: 500, rate: 0.09 })).toBe(Rational.of(500).div("0.09").toNumber());
    expect(ruleOf(() => clv({ margin: 500, rate: 0 }))).toBe("value:horizonDiverges:");
  });

  test("money stays exact where doubles drift: ten periods of 0.1 at 0% is exactly 1", () => {
    expect(value({ margin: 0.1, rate: 0, periods: 10 })).toBe(1);
    expect(value({ margin: Array(10).fill(0.1), rate: 0 })).toBe(1);
  });

  test("arguments are checked and named", () => {
    expect(ruleOf(() => clv({ margin: 1, rate: -1, periods: 1 }))).toBe(
      "value:rateAboveMinus100:rate"
    );
    expect(ruleOf(() => clv({ margin: 1, rate: 0.1, periods: 2.5 }))).toBe(
      "value:wholeAtLeast:periods"
    );
    expect(ruleOf(() => clv({ margin: 1, rate: 0.1, periods: 0 }))).toBe(
      "value:wholeAtLeast:periods"
    );
    expect(ruleOf(() => clv({ margin: 1, rate: 0.1, retention: 1.2 }))).toBe(
      "value:between:retention"
    );
    expect(ruleOf(() => clv({ margin: 1, rate: 0.1, timing: 2 as 0 }))).toBe("value:oneOf:timing");
  });

  test("a long horizon keeps its precision (600 monthly periods)", () => {
    const monthly = Rational.of("0.005");
    const growth = monthly.plus(1);
    // sum_{t=1..600} 25 / 1.005^t = 25 (1 - 1.005^-600) / 0.005
    const exact = Rational.of(25)
      .times(Rational.of(1).minus(Rational.of(1).div(growth.pow(600))))
      .div(monthly);
    expect(value({ margin: 25, rate: 0.005, periods: 600 })).toBe(exact.toNumber());
  });
});

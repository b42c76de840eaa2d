import {
  Abc,
  Population,
  Pyramid,
  parseScheme,
  parseSplit,
  quadrantTier,
  splitThreshold,
  splitValue,
  validCutoffs,
  validShares,
} from "../../src/engine";
import { Rational } from "../support/rational";
import { random, ruleOf } from "./support";

describe("splits", () => {
  const population = Population.of([3, 1, 4, 1, 5, 9, 2, 6], "x");

  test("median of an even count is the mean of the middle two, exactly", () => {
    expect(splitValue({ kind: "median" }, population).toString()).toBe("3.5");
    expect(splitValue({ kind: "median" }, Population.of([0.1, 0.2], "x")).toString()).toBe("0.15");
  });

  test("mean is exact: 0.1, 0.2 and 0.3 average to exactly 0.2 (a double sum gives 0.20000000000000004)", () => {
    const values = Population.of([0.1, 0.2, 0.3], "x");
    expect((0.1 + 0.2 + 0.3) / 3).not.toBe(0.2);
    expect(splitThreshold({ kind: "mean" }, values)).toBe(0.2);
  });

  test("thresholds are exact however far apart the values: 1e-300 beside 2 moves the mean above 1", () => {
    // mean {1, 2, 1e-300} = 1 + 1e-300/3 and median {2, 1e-300} = 1 + 5e-301: both just above 1,
    // so the threshold is the double after 1 (50 digits would round both to exactly 1)
    const after1 = 1 + Number.EPSILON;
    expect(splitThreshold({ kind: "mean" }, Population.of([1, 2, 1e-300], "x"))).toBe(after1);
    expect(splitThreshold({ kind: "median" }, Population.of([2, 1e-300], "x"))).toBe(after1);
    expect(
      splitThreshold({ kind: "percentile", percent: 50 }, Population.of([2, 1e-300], "x"))
    ).toBe(after1);
    expect(splitThreshold({ kind: "median" }, Population.of([2, 0], "x"))).toBe(1);
  });

  test("a value equal to the split is high", () => {
    const values = Population.of([1, 2, 3], "x");
    const t = splitThreshold({ kind: "median" }, values);
    expect(2 >= t).toBe(true);
    expect(1.9999999999999998 >= t).toBe(false);
  });

  test("percentiles follow PERCENTILE.INC", () => {
    // PERCENTILE.INC({1,1,2,3,4,5,6,9}, 0.8): rank 5.6 -> 5 + 0.6 * (6 - 5) = 5.6
    expect(splitValue({ kind: "percentile", percent: 80 }, population).toString()).toBe("5.6");
    expect(splitValue({ kind: "percentile", percent: 0 }, population).toString()).toBe("1");
    expect(splitValue({ kind: "percentile", percent: 100 }, population).toString()).toBe("9");
    // an independent check on random data
    const next = random(3);
    const values = Array.from({ length: 37 }, () => Math.round(next() * 10000) / 100);
    const sorted = [...values].sort((a, b) => a - b);
    const h = Rational.of(36).times("0.35");
    const lo = Number(h.n / h.d);
    const exact = Rational.of(sorted[lo]).plus(
      h.minus(lo).times(Rational.of(sorted[lo + 1]).minus(sorted[lo]))
    );
    expect(
      splitValue({ kind: "percentile", percent: 35 }, Population.of(values, "x")).toNumber()
    ).toBe(exact.toNumber());
  });

  test("split text: median, mean, p<N> and numbers", () => {
    expect(parseSplit("Median")).toEqual({ kind: "median" });
    expect(parseSplit(" mean ")).toEqual({ kind: "mean" });
    expect(parseSplit("p80")).toEqual({ kind: "percentile", percent: 80 });
    expect(parseSplit("1,000")).toEqual({ kind: "fixed", value: 1000 });
    expect(parseSplit(250)).toEqual({ kind: "fixed", value: 250 });
    expect(ruleOf(() => parseSplit("p101"))).toBe("value:splitText:split");
    expect(ruleOf(() => parseSplit("top"))).toBe("value:splitText:split");
  });
});

describe("quadrants", () => {
  test("the value matrix: Gold, Silver, Iron, Lead", () => {
    expect(quadrantTier("value", true, true)).toBe("gold");
    expect(quadrantTier("value", true, false)).toBe("silver");
    expect(quadrantTier("value", false, true)).toBe("iron");
    expect(quadrantTier("value", false, false)).toBe("lead");
  });

  test("the strategic and frequency matrices", () => {
    expect(quadrantTier("strategic", true, false)).toBe("profit");
    expect(quadrantTier("strategic", false, true)).toBe("potential");
    expect(quadrantTier("frequency", false, true)).toBe("spender");
    expect(quadrantTier("frequency", true, false)).toBe("frequent");
    expect(ruleOf(() => parseScheme("rfm"))).toBe("value:oneOf:scheme");
    expect(parseScheme(undefined)).toBe("value");
  });
});

describe("customer pyramid", () => {
  test("the spec's example: 1,000 distinct values give 10 VIP, 190 Major, 300 Regular, 500 Small", () => {
    const values = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    const pyramid = new Pyramid(Population.of(values, "x"));
    const counts: Record<string, number> = {};
    for (const v of values) counts[pyramid.tierOf(v)] = (counts[pyramid.tierOf(v)] ?? 0) + 1;
    expect(counts).toEqual({ vip: 10, major: 190, regular: 300, small: 500 });
  });

  test("ties share a tier: four equal top values of 300 are all VIP, though 1% is three customers", () => {
    const values = [999, 999, 999, 999, ...Array.from({ length: 296 }, (_, i) => i)];
    const pyramid = new Pyramid(Population.of(values, "x"));
    expect([999, 999, 999, 999].map((v) => pyramid.tierOf(v))).toEqual([
      "vip",
      "vip",
      "vip",
      "vip",
    ]);
    expect(pyramid.tierOf(295)).toBe("major");
  });

  test("cut-offs are exact at the boundary: with 300 customers 1% is 3 customers above", () => {
    const values = Array.from({ length: 300 }, (_, i) => i);
    const pyramid = new Pyramid(Population.of(values, "x"));
    expect(pyramid.tierOf(297)).toBe("vip"); // 2 above: 0.67% < 1%
    expect(pyramid.tierOf(296)).toBe("major"); // 3 above: exactly 1%, not < 1%
  });

  test("cut-offs are three increasing shares", () => {
    expect(validCutoffs([0.05, 0.3, 0.6])).toEqual([0.05, 0.3, 0.6]);
    expect(ruleOf(() => validCutoffs([0.3, 0.2, 0.5]))).toBe("value:sharesIncreasing:cutoffs");
    expect(ruleOf(() => validCutoffs([0.1, 0.2]))).toBe("value:cutoffCount:cutoffs");
  });
});

describe("ABC analysis", () => {
  /** The spec's rule written out literally, with exact fractions. */
  function literalAbc(values: number[], a = "0.8", b = "0.95"): string[] {
    const positive = values.filter((v) => v > 0);
    const total = positive.reduce((s, v) => s.plus(v), Rational.of(0));
    return values.map((v) => {
      if (v <= 0 || total.n === 0n) return "C";
      const before = positive.filter((w) => w > v).reduce((s, w) => s.plus(w), Rational.of(0));
      if (before.lt(total.times(a))) return "A";
      if (before.lt(total.times(b))) return "B";
      return "C";
    });
  }

  test("the customer that crosses 80% is still A", () => {
    const values = [70, 20, 6, 4];
    expect(values.map((v) => new Abc(values).tierOf(v))).toEqual(["A", "A", "B", "C"]);
  });

  test("exact at the boundary: 0.8 of 1.0 is not below 80%, whatever doubles say", () => {
    const values = [0.7, 0.1, 0.1, 0.05, 0.05];
    // before(0.05) = 0.9; before(0.1) = 0.7 < 0.8 -> A
    expect(values.map((v) => new Abc(values).tierOf(v))).toEqual(["A", "A", "A", "B", "B"]);
    const boundary = [0.8, 0.2];
    // before(0.2) = 0.8, which is not < 80% of 1.0
    expect(boundary.map((v) => new Abc(boundary).tierOf(v))).toEqual(["A", "B"]);
  });

  test("loss-makers are C and add nothing; a zero total makes everyone C", () => {
    const values = [100, -50, 0, 10];
    expect(values.map((v) => new Abc(values).tierOf(v))).toEqual(["A", "C", "C", "B"]);
    expect([0, -1].map((v) => new Abc([0, -1, 0]).tierOf(v))).toEqual(["C", "C"]);
  });

  test("agrees with the literal rule on random money with ties", () => {
    const next = random(11);
    for (let round = 0; round < 20; round++) {
      const values = Array.from(
        { length: 60 },
        () => Math.round((next() * 1000 - 100) * 100) / 100
      );
      values.push(values[3], values[3]);
      const abc = new Abc(values, 0.7, 0.9);
      expect(values.map((v) => abc.tierOf(v))).toEqual(literalAbc(values, "0.7", "0.9"));
    }
  });

  test("shares: 0 < a_share < b_share <= 100%", () => {
    expect(validShares()).toEqual([0.8, 0.95]);
    expect(ruleOf(() => validShares(0.9, 0.8))).toBe("value:shareOrder:");
    expect(ruleOf(() => validShares(0, 0.8))).toBe("value:betweenOpenLow:a_share");
    expect(ruleOf(() => new Abc([], 0.8, 0.95))).toBe("na:emptyPopulation:values");
  });
});

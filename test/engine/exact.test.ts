import {
  exactSum,
  lowestDoubleAtOrAbove,
  dec,
  nextDown,
  nextUp,
  scaleExactly,
} from "../../src/engine";
import { Rational } from "../support/rational";
import { random } from "./support";

function rationalSum(values: number[]): Rational {
  return values.reduce((s, v) => s.plus(v), Rational.of(0));
}

describe("exact sums", () => {
  test("cents add up exactly where doubles drift", () => {
    const values = Array(10).fill(0.1);
    expect(values.reduce((a, b) => a + b, 0)).not.toBe(1);
    expect(exactSum(values).toString()).toBe("1");
  });

  test("agree with exact fractions for money, long decimals, huge and tiny values", () => {
    const next = random(5);
    const sets = [
      Array.from({ length: 1000 }, () => Math.round(next() * 1e8) / 100),
      Array.from({ length: 200 }, () => next() * 1000),
      [1e20, 0.000001, -1e20, 123.456],
      [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 0.5],
      [1.5e-7, 2.25e-9, -3],
    ];
    for (const values of sets) {
      const exact = rationalSum(values);
      const sum = exactSum(values);
      expect(Rational.of(sum.toFixed()).minus(exact).n).toBe(0n);
    }
  });

  test("a sum spanning 1e-300 to 1e300 keeps all its 601 digits", () => {
    const values = [1e300, 1e-300, -3];
    const sum = exactSum(values);
    expect(Rational.of(sum.toFixed()).minus(rationalSum(values)).n).toBe(0n);
  });

  test("scaled integers are exact", () => {
    const { ints, scale } = scaleExactly([1.25, -0.5, 3]);
    expect(ints).toEqual([125n, -50n, 300n]);
    expect(scale).toBe(2);
  });
});

describe("thresholds between doubles", () => {
  test("nextUp and nextDown step one double", () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
  });

  test("the lowest double at or above a decimal", () => {
    expect(lowestDoubleAtOrAbove(dec("0.1"))).toBe(0.1);
    const third = dec(1).div(3);
    const t = lowestDoubleAtOrAbove(third);
    expect(dec(t).gte(third)).toBe(true);
    expect(dec(nextDown(t)).lt(third)).toBe(true);
  });
});

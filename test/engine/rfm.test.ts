import {
  Population,
  RFM_SEGMENTS,
  fmScore,
  parseRfmCode,
  rfmCode,
  rfmScore,
  rfmSegment,
  segmentOfCode,
  validBins,
} from "../../src/engine";
import { random, ruleOf } from "./support";

/** The native formula 1+INT(k*COUNTIF(range,"<"&v)/COUNT(range)), written out by counting. */
function nativeScore(v: number, values: number[], k: number, smallerIsBetter = false): number {
  const beaten = values.filter((w) => (smallerIsBetter ? w > v : w < v)).length;
  return 1 + Math.floor((k * beaten) / values.length);
}

describe("RFM scores", () => {
  test("agree with the native COUNTIF formula on random data with many ties", () => {
    const next = random(7);
    const values = Array.from({ length: 500 }, () => Math.floor(next() * 40));
    const population = Population.of(values, "x");
    for (const k of [1, 3, 5, 9]) {
      for (const v of values) {
        expect(rfmScore(v, population, k)).toBe(nativeScore(v, values, k));
        expect(rfmScore(v, population, k, true)).toBe(nativeScore(v, values, k, true));
      }
    }
  });

  test("without ties every score holds n/k customers", () => {
    const values = Array.from({ length: 1000 }, (_, i) => i * 1.5);
    const population = Population.of(values, "x");
    const counts = new Map<number, number>();
    for (const v of values)
      counts.set(rfmScore(v, population, 5), (counts.get(rfmScore(v, population, 5)) ?? 0) + 1);
    expect([...counts.entries()].sort()).toEqual([
      [1, 200],
      [2, 200],
      [3, 200],
      [4, 200],
      [5, 200],
    ]);
  });

  test("ties share a score, whatever the row order", () => {
    const population = Population.of([5, 1, 5, 3, 5, 2], "x");
    expect(rfmScore(5, population, 5)).toBe(rfmScore(5, Population.of([1, 2, 3, 5, 5, 5], "x"), 5));
    expect(new Set([5, 5, 5].map((v) => rfmScore(v, population, 5))).size).toBe(1);
  });

  test("recency is reversed: the most recent customer scores highest", () => {
    const population = Population.of([1, 10, 100, 1000, 10000], "x");
    expect(rfmScore(1, population, 5, true)).toBe(5);
    expect(rfmScore(10000, population, 5, true)).toBe(1);
  });

  test("a value beyond a separate population is capped at k", () => {
    expect(rfmScore(99, Population.of([1, 2, 3], "x"), 5)).toBe(5);
  });

  test("an empty population is #N/A naming it", () => {
    expect(ruleOf(() => Population.of([], "monetary_all"))).toBe("na:emptyPopulation:monetary_all");
  });

  test("bins are whole numbers from 1 to 9", () => {
    expect(validBins(undefined)).toBe(5);
    expect(ruleOf(() => validBins(10))).toBe("value:wholeBetween:bins");
    expect(ruleOf(() => validBins(2.5))).toBe("value:wholeBetween:bins");
  });

  test("the code is 100R + 10F + M", () => {
    expect(rfmCode(5, 4, 5)).toBe(545);
    expect(parseRfmCode(545)).toEqual({ r: 5, f: 4, m: 5 });
  });
});

describe("RFM segments", () => {
  test("FM is the mean of F and M rounded half up", () => {
    expect(fmScore(4, 5)).toBe(5);
    expect(fmScore(3, 4)).toBe(4);
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(3, 3)).toBe(3);
  });

  test("the spec's table, row by row", () => {
    const cases: [number, number, string][] = [
      [5, 5, "champions"],
      [4, 4, "champions"],
      [3, 5, "loyal"],
      [3, 4, "loyal"],
      [5, 3, "potentialLoyalist"],
      [4, 3, "potentialLoyalist"],
      [5, 1, "new"],
      [5, 2, "new"],
      [4, 2, "promising"],
      [3, 3, "needAttention"],
      [3, 1, "aboutToSleep"],
      [2, 5, "cantLose"],
      [1, 5, "cantLose"],
      [2, 4, "atRisk"],
      [1, 3, "atRisk"],
      [2, 2, "hibernating"],
      [2, 1, "hibernating"],
      [1, 2, "lost"],
      [1, 1, "lost"],
    ];
    for (const [r, fm, segment] of cases)
      expect([r, fm, rfmSegment(r, fm)]).toEqual([r, fm, segment]);
  });

  test("every code from 111 to 555 has exactly one segment and every segment is used", () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) used.add(segmentOfCode(rfmCode(r, f, m)));
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  test("codes outside 1..5 per digit are refused", () => {
    expect(ruleOf(() => segmentOfCode(605))).toBe("value:rfmCode:rfm_score");
    expect(ruleOf(() => segmentOfCode(54))).toBe("value:rfmCode:rfm_score");
    expect(ruleOf(() => segmentOfCode(545.5))).toBe("value:rfmCode:rfm_score");
  });
});

import {
  expectedPurchases,
  fitBgNbd,
  holdoutComparison,
  repeatPurchaseFrequencies,
  repeatPurchaseProbabilities,
  summarizePurchases,
} from "../../../src/engine/btyd";
import { type Transaction, dayOf } from "../../../src/engine";
import { cdnowSample } from "../../support/data";

const sample: Transaction[] = cdnowSample().map((t) => ({
  customer: t.id,
  day: dayOf(t.date) as number,
  amount: t.dollars,
}));
const summary = summarizePurchases(sample, {
  calibrationEnd: dayOf("1997-09-30") as number,
  holdoutEnd: dayOf("1998-06-30") as number,
});
const customers = summary.customers;
const params = fitBgNbd(customers).params;

describe("repeat purchases, actual and expected", () => {
  const groups = repeatPurchaseFrequencies(params, customers);

  test("actual: the CDNOW histogram of FHL 2005 (figure 3), 0 to 6 and 7 or more", () => {
    expect(groups.map((g) => g.actual)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(groups.map((g) => g.orMore)).toEqual([...Array(7).fill(false), true]);
  });

  test("expected: each customer's P(X(T) = x), summed; the groups add up to every customer", () => {
    const bySum = Array(8).fill(0);
    for (const c of customers) {
      const probabilities = repeatPurchaseProbabilities(params, c.T, 7);
      probabilities.forEach((p, x) => (bySum[x] += p));
      bySum[7] += 1 - probabilities.reduce((s, p) => s + p, 0);
    }
    groups.forEach((g, x) => expect(g.expected).toBeCloseTo(bySum[x], 8));
    expect(groups.reduce((s, g) => s + g.expected, 0)).toBeCloseTo(customers.length, 8);
    // the model fits: within 10% of the actual count for the well-filled groups
    for (const g of groups.slice(0, 6))
      expect(Math.abs(g.expected / g.actual - 1)).toBeLessThan(0.11);
  });
});

describe("calibration against holdout", () => {
  const rows = holdoutComparison(params, summary);

  test("groups customers by calibration repeat purchases, with mean actual and predicted holdout purchases", () => {
    expect(rows.map((r) => r.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    for (const row of rows) {
      const members = customers.filter((c) => (row.orMore ? c.x >= row.x : c.x === row.x));
      const actual =
        members.reduce((s, c) => s + (c.holdoutPurchases as number), 0) / members.length;
      const predicted =
        members.reduce((s, c) => s + expectedPurchases(params, 39, c), 0) / members.length;
      expect(row.actual).toBeCloseTo(actual, 12);
      expect(row.predicted).toBeCloseTo(predicted, 10);
    }
    expect(summary.holdoutLength).toBe(39);
  });

  test("needs a summary with a holdout period", () => {
    const calibrationOnly = summarizePurchases(sample, { calibrationEnd: summary.calibrationEnd });
    expect(() => holdoutComparison(params, calibrationOnly)).toThrow("no holdout period");
  });

  test("the model's predictions track the holdout purchases (FHL 2005 figure 4)", () => {
    for (const row of rows) expect(Math.abs(row.predicted - row.actual)).toBeLessThan(0.4);
  });
});

import { CvError, type Transaction, dayOf } from "../../../src/engine";
import { DAYS_PER_UNIT, parseTimeUnit, summarizePurchases } from "../../../src/engine/btyd";
import { cdnowSample, cdnowSummary } from "../../support/data";
import { ruleOf } from "../support";

const day = (iso: string) => dayOf(iso) as number;
const sample: Transaction[] = cdnowSample().map((t) => ({
  customer: t.id,
  day: dayOf(t.date) as number,
  amount: t.dollars,
}));

describe("summarising transactions for the BTYD models", () => {
  test("reproduces lifetimes' CDNOW summary (calibration end 1997-09-30, weeks) for every customer", () => {
    const summary = summarizePurchases(sample, { calibrationEnd: day("1997-09-30") });
    const published = cdnowSummary();
    expect(summary.customers).toHaveLength(published.length);
    // the CSV is rounded to 2 decimals
    const rounded = (value: number, expected: number) => Math.abs(value - expected) <= 0.005 + 1e-9;
    summary.customers.forEach((c, i) => {
      const row = published[i];
      expect(Number(c.customer)).toBe(Number(row.id));
      const matches =
        c.x === row.x &&
        rounded(c.tx, row.tx) &&
        rounded(c.T, row.T) &&
        rounded(c.meanSpend, row.meanSpend);
      if (!matches) expect({ id: row.id, ...c }).toEqual(row);
    });
    expect(summary.unit).toBe("week");
    expect(summary.excluded).toBe(sample.filter((t) => t.day > day("1997-09-30")).length);
  });

  test("customer 0001 in full: two repeat days, the last 213 days after the first", () => {
    // purchases 1997-01-01, 01-18, 08-02 (and 12-12, after the calibration end)
    const [first] = summarizePurchases(sample, { calibrationEnd: day("1997-09-30") }).customers;
    expect(first).toEqual({
      customer: "0001",
      x: 2,
      tx: 213 / 7,
      T: 272 / 7,
      meanSpend: 22.345, // (29.73 + 14.96) / 2, exactly
    });
  });

  const tx = (customer: string, date: string, amount: number): Transaction => ({
    customer,
    day: day(date),
    amount,
  });

  test("transactions on one day are one purchase; the mean spend is exact", () => {
    const summary = summarizePurchases([
      tx("a", "2024-01-01", 5),
      tx("a", "2024-01-08", 0.1),
      tx("a", "2024-01-08", 0.2),
      tx("a", "2024-01-15", 0.4),
    ]);
    // in binary floating point (0.1 + 0.2 + 0.4) / 2 is 0.35000000000000003
    expect(summary.customers[0]).toMatchObject({ x: 2, tx: 2, T: 2, meanSpend: 0.35 });
  });

  test("days, weeks and months (365.25/12 days) scale t_x and T", () => {
    const history = [tx("a", "2024-01-01", 5), tx("a", "2024-03-01", 7)];
    const options = { calibrationEnd: day("2024-12-31") };
    for (const unit of ["day", "week", "month"] as const) {
      const [c] = summarizePurchases(history, { ...options, unit }).customers;
      expect(c.tx).toBe(60 / DAYS_PER_UNIT[unit]);
      expect(c.T).toBe(365 / DAYS_PER_UNIT[unit]);
    }
    expect(DAYS_PER_UNIT.month).toBe(30.4375);
  });

  test("the calibration end defaults to the latest transaction; customers first seen later are left out", () => {
    const history = [
      tx("a", "2024-01-01", 5),
      tx("a", "2024-02-01", 6),
      tx("b", "2024-03-01", 7),
      tx("b", "2024-03-05", 8),
    ];
    const summary = summarizePurchases(history);
    expect(summary.calibrationEnd).toBe(day("2024-03-05"));
    const cut = summarizePurchases(history, { calibrationEnd: day("2024-02-15") });
    expect(cut.customers.map((c) => c.customer)).toEqual(["a"]);
    expect(cut.excluded).toBe(2);
  });

  test("with a holdout end: purchase days in the holdout period, per customer", () => {
    const calibrationEnd = day("1997-09-30");
    const holdoutEnd = day("1998-06-30");
    const summary = summarizePurchases(sample, { calibrationEnd, holdoutEnd });
    expect(summary.holdoutLength).toBe((holdoutEnd - calibrationEnd) / 7);
    // counted independently: distinct holdout days of the customers in the calibration cohort
    const firstDays = new Map<string, number>();
    const holdoutDays = new Map<string, Set<number>>();
    for (const t of sample)
      firstDays.set(t.customer, Math.min(firstDays.get(t.customer) ?? Infinity, t.day));
    for (const t of sample) {
      if (t.day <= calibrationEnd || t.day > holdoutEnd) continue;
      holdoutDays.set(t.customer, (holdoutDays.get(t.customer) ?? new Set()).add(t.day));
    }
    for (const c of summary.customers)
      expect(c.holdoutPurchases).toBe(holdoutDays.get(c.customer)?.size ?? 0);
    expect(summary.customers[0].holdoutPurchases).toBe(1);
    const withoutHoldout = summarizePurchases(sample, { calibrationEnd });
    expect(withoutHoldout.customers[0]).not.toHaveProperty("holdoutPurchases");
  });

  test("errors: nothing by the calibration end, a holdout end not after it, an unknown unit", () => {
    const history = [tx("a", "2024-01-01", 5)];
    const error = (() => {
      try {
        summarizePurchases(history, { calibrationEnd: day("2023-12-31") });
      } catch (e) {
        return e as CvError;
      }
    })();
    expect(error?.kind).toBe("na");
    expect(error?.code).toBe("noCalibrationPurchases");
    expect(
      ruleOf(() =>
        summarizePurchases(history, {
          calibrationEnd: day("2024-01-01"),
          holdoutEnd: day("2024-01-01"),
        })
      )
    ).toBe("value:greaterThan:holdout_end");
    expect(ruleOf(() => parseTimeUnit("year"))).toBe("value:oneOf:unit");
    expect(parseTimeUnit(" Month ")).toBe("month");
    expect(parseTimeUnit(undefined)).toBe("week");
  });
});

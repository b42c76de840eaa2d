import {
  CvError,
  type TableGrid,
  btyd,
  fitPrediction,
  forecastPrediction,
  predict,
  resolvePredictOptions,
  segmentPredictions,
  serialFromYmd,
} from "../../src/engine";
import { cdnowSample } from "../support/data";
import { LIFETIMES_BG_NBD, significant } from "./btyd/support";

/** The CDNOW sample as a worksheet of transactions, one row per purchase. */
function cdnowTable(): TableGrid {
  const iso = (yyyymmdd: number) => {
    const text = String(yyyymmdd);
    return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  };
  return {
    header: ["Customer", "Date", "Amount"],
    hasHeader: true,
    rows: cdnowSample().map((t) => [t.id, iso(t.date), t.dollars]),
  };
}

const ROLES = { customerId: 0, transactionDate: 1, amount: 2 };
const calibrationEnd = serialFromYmd(1997, 9, 30) as number;

describe("Predict from a transaction table", () => {
  const table = cdnowTable();
  const prediction = predict(table, ROLES, { calibrationEnd });
  const calibration = prediction.calibration!;

  test("every purchase is read: no row of the sample is skipped, each customer predicted", () => {
    expect(prediction.skipped).toEqual([]);
    expect(prediction.customers).toHaveLength(2357);
  });

  test("the check fits to the calibration period what lifetimes fits to it", () => {
    for (const [name, value] of Object.entries(LIFETIMES_BG_NBD))
      expect(significant(calibration.bgnbd.params[name as keyof typeof LIFETIMES_BG_NBD])).toBe(
        significant(value)
      );
  });

  test("Gamma-Gamma is fitted to every repeat buyer with repeat spend", () => {
    // counted from the raw purchases: two or more purchase days, and money spent after the first
    const byCustomer = new Map<string, { first: number; days: Set<number>; later: number }>();
    for (const t of cdnowSample()) {
      const c = byCustomer.get(t.id) ?? { first: Infinity, days: new Set(), later: 0 };
      c.days.add(t.date);
      c.first = Math.min(c.first, t.date);
      byCustomer.set(t.id, c);
    }
    for (const t of cdnowSample()) {
      const c = byCustomer.get(t.id)!;
      if (t.date > c.first) c.later += t.dollars;
    }
    const spenders = [...byCustomer.values()].filter((c) => c.days.size > 1 && c.later > 0);
    expect(prediction.gammaGamma.customers).toBe(spenders.length);
    expect(prediction.gammaGamma.params.q).toBeGreaterThan(1);
  });

  test("predictions are as of the latest purchase, from every purchase", () => {
    // customer 0001 bought on 1997-01-01, 01-18, 08-02 and 12-12
    const days = (y: number, m: number, d: number) => serialFromYmd(y, m, d) as number;
    const latest = Math.max(
      ...cdnowSample().map((t) =>
        days(Math.floor(t.date / 10000), Math.floor(t.date / 100) % 100, t.date % 100)
      )
    );
    const first = days(1997, 1, 1);
    const c = prediction.customers[0];
    expect(c.customer).toBe("0001");
    expect(c.x).toBe(3);
    expect(c.tx).toBeCloseTo((days(1997, 12, 12) - first) / 7, 12);
    expect(c.T).toBeCloseTo((latest - first) / 7, 12);
  });

  test("the holdout is the purchases after the calibration end, compared by group", () => {
    expect(calibration.holdout.map((g) => g.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const customers = calibration.holdout.reduce((sum, g) => sum + g.customers, 0);
    expect(customers).toBe(2357);
    // every holdout purchase is counted once: the groups' totals add up to the customers' own
    const total = calibration.summary.customers.reduce(
      (sum, c) => sum + (c.holdoutPurchases ?? 0),
      0
    );
    const byGroups = calibration.holdout.reduce((sum, g) => sum + g.actual * g.customers, 0);
    expect(byGroups).toBeCloseTo(total, 9);
  });

  test("without discounting the CLV is the expected spend times the purchases over the horizon", () => {
    const plain = predict(table, ROLES, { yearlyDiscountRate: 0, horizon: 39 });
    for (const c of plain.customers.slice(0, 50)) {
      const purchases = btyd.expectedPurchases(plain.bgnbd.params, 39, c);
      expect(c.clv.toNumber()).toBeCloseTo(c.expectedSpend.toNumber() * purchases, 8);
    }
  });

  test("discounting lowers every CLV, by no more than the last step's factor", () => {
    const fit = fitPrediction(table, ROLES);
    const plain = forecastPrediction(fit, { yearlyDiscountRate: 0 });
    const discounted = forecastPrediction(fit, { yearlyDiscountRate: 0.1 });
    discounted.customers.forEach((c, i) => {
      const undiscounted = plain.customers[i].clv.toNumber();
      expect(c.clv.toNumber()).toBeLessThanOrEqual(undiscounted);
      // one year at 10%: no purchase is discounted by more than 1/1.1
      expect(c.clv.toNumber()).toBeGreaterThanOrEqual(undiscounted / 1.1 - 1e-9);
    });
  });

  test("a yearly rate becomes the rate per step of the unit", () => {
    expect(resolvePredictOptions({ unit: "month", yearlyDiscountRate: 0.1 })).toMatchObject({
      period: 12,
      horizon: 12,
      step: 1,
    });
    const weekly = resolvePredictOptions({ unit: "week", yearlyDiscountRate: 0.1 });
    expect((1 + weekly.stepDiscountRate) ** (365.25 / 7)).toBeCloseTo(1.1, 12);
    // daily data is discounted week by week
    expect(resolvePredictOptions({ unit: "day" }).step).toBe(7);
  });

  test("tiers are the customer pyramid of the predicted CLV, sharing its total", () => {
    const segmentation = segmentPredictions(table, ROLES);
    const counts = Object.fromEntries(segmentation.summary.map((s) => [s.tier, s.customers]));
    // spec 4.4 with 2,357 customers and distinct values: fewer than 1% above -> 24 VIP
    expect(counts.vip).toBe(24);
    expect(counts.vip + counts.major).toBe(Math.ceil(0.2 * 2357));
    const total = segmentation.prediction?.customers.reduce((sum, c) => sum + c.clv.toNumber(), 0);
    expect(segmentation.totalValue.toNumber()).toBeCloseTo(total as number, 6);
  });

  test("a check from on or after the last purchase, or before the first, is refused by name", () => {
    const names = { calibrationEnd: "Check from" };
    const late = serialFromYmd(1998, 6, 30) as number;
    const early = serialFromYmd(1996, 12, 31) as number;
    expect(() => fitPrediction(table, ROLES, { calibrationEnd: late }, names)).toThrow(
      new CvError("value", "calibrationEndTooLate", { arg: "Check from (1998-06-30)" })
    );
    expect(() => fitPrediction(table, ROLES, { calibrationEnd: early }, names)).toThrow(
      new CvError("na", "noCalibrationPurchases", { arg: "Check from (1996-12-31)" })
    );
  });

  test("a horizon of more CLV steps than is sensible is refused, naming the horizon", () => {
    expect(() => resolvePredictOptions({ horizon: 1500 }, { horizon: "CLV horizon" })).toThrow(
      new CvError("value", "between", { arg: "CLV horizon", min: 0, max: 1000 })
    );
  });

  test("returns are skipped; a purchase worth 0 still counts as a purchase", () => {
    // the sample has 8 purchases worth $0, and none was skipped above
    expect(table.rows.filter((row) => row[2] === 0)).toHaveLength(8);
    const withReturn: TableGrid = { ...table, rows: [...table.rows, ["0001", "1997-03-01", -5]] };
    const result = fitPrediction(withReturn, ROLES);
    expect(result.skipped).toEqual([
      { row: withReturn.rows.length, reason: { code: "notPurchase", amount: -5 } },
    ]);
  });

  test("a repeat buyer whose repeat purchases were all free does not stop the spend model", () => {
    const free: TableGrid = {
      ...table,
      rows: [...table.rows, ["9999", "1997-02-01", 10], ["9999", "1997-03-01", 0]],
    };
    const result = fitPrediction(free, ROLES);
    const customer = result.summary.customers.find((c) => c.customer === "9999");
    expect(customer).toMatchObject({ x: 1, meanSpend: 0 });
    expect(result.gammaGamma.params.q).toBeGreaterThan(1);
  });

  test("a table where nobody came back says so, without naming a function argument", () => {
    const once: TableGrid = {
      header: ["Customer", "Date", "Amount"],
      hasHeader: true,
      rows: [
        ["A", "2024-01-01", 10],
        ["B", "2024-01-02", 20],
        ["B", "2024-01-02", 5],
      ],
    };
    expect(() => fitPrediction(once, ROLES)).toThrow(new CvError("na", "noRepeatCustomers"));
    const returnsOnly: TableGrid = { ...once, rows: [["A", "2024-01-01", -10]] };
    expect(() => fitPrediction(returnsOnly, ROLES)).toThrow(new CvError("na", "noRepeatCustomers"));
  });
});

import {
  CvError,
  type TableGrid,
  btyd,
  predict,
  resolvePredictOptions,
  segmentPredictions,
  serialFromYmd,
} from "../../src/engine";
import { cdnowSample } from "../support/data";
import { LIFETIMES_BG_NBD, LIFETIMES_GAMMA_GAMMA, significant } from "./btyd/support";

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
const noSkips = () => {
  throw new Error("no row of the CDNOW sample should be skipped");
};

describe("Predict from a transaction table", () => {
  const table = cdnowTable();
  const prediction = predict(table, ROLES, { calibrationEnd }, noSkips);

  test("fits the models lifetimes fits to the CDNOW calibration period, every customer counted", () => {
    expect(prediction.customers).toHaveLength(2357);
    for (const [name, value] of Object.entries(LIFETIMES_BG_NBD))
      expect(significant(prediction.bgnbd.params[name as keyof typeof LIFETIMES_BG_NBD])).toBe(
        significant(value)
      );
    // lifetimes fits Gamma-Gamma to mean spends rounded to cents; from the transactions the
    // means are exact, which moves p in the fourth figure
    for (const [name, value] of Object.entries(LIFETIMES_GAMMA_GAMMA))
      expect(
        significant(prediction.gammaGamma.params[name as keyof typeof LIFETIMES_GAMMA_GAMMA], 3)
      ).toBe(significant(value, 3));
    expect(prediction.gammaGamma.customers).toBe(946);
  });

  test("the holdout is the purchases after the calibration end, compared by group", () => {
    expect(prediction.holdout?.map((g) => g.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const customers = prediction.holdout?.reduce((sum, g) => sum + g.customers, 0);
    expect(customers).toBe(2357);
    // every holdout purchase is counted once: the groups' totals add up to the customers' own
    const total = prediction.customers.reduce((sum, c) => sum + (c.holdoutPurchases ?? 0), 0);
    const byGroups = prediction.holdout?.reduce((sum, g) => sum + g.actual * g.customers, 0);
    expect(byGroups).toBeCloseTo(total, 9);
  });

  test("without discounting the CLV is the expected spend times the purchases over the horizon", () => {
    const plain = predict(table, ROLES, { yearlyDiscountRate: 0, horizon: 39 }, noSkips);
    for (const c of plain.customers.slice(0, 50)) {
      const purchases = btyd.expectedPurchases(plain.bgnbd.params, 39, c);
      expect(c.clv.toNumber()).toBeCloseTo(c.expectedSpend.toNumber() * purchases, 8);
    }
  });

  test("discounting lowers every CLV, by no more than the last step's factor", () => {
    const plain = predict(table, ROLES, { yearlyDiscountRate: 0 }, noSkips);
    const discounted = predict(table, ROLES, { yearlyDiscountRate: 0.1 }, noSkips);
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

  test("a calibration end on or after the last purchase leaves nothing to check, and says so", () => {
    const late = serialFromYmd(1998, 6, 30) as number;
    expect(() => predict(table, ROLES, { calibrationEnd: late }, noSkips)).toThrow(CvError);
  });

  test("returns are skipped; a purchase worth 0 still counts as a purchase", () => {
    // the sample has 8 purchases worth $0; noSkips above proves they were all read
    expect(table.rows.filter((row) => row[2] === 0)).toHaveLength(8);
    const withReturn: TableGrid = { ...table, rows: [...table.rows, ["0001", "1997-03-01", -5]] };
    const skipped: number[] = [];
    const result = predict(withReturn, ROLES, { calibrationEnd }, (row) => skipped.push(row));
    expect(skipped).toEqual([withReturn.rows.length]);
    expect(result.customers[0].x).toBe(prediction.customers[0].x);
  });
});

/**
 * The BTYD functions in the production bundle dist/functions.js, called as Excel calls them.
 */
import { cdnowSample, cdnowSummary } from "../support/data";
import { LIFETIMES_BG_NBD, LIFETIMES_GAMMA_GAMMA, significant } from "../engine/btyd/support";
import { column, productionFunctions } from "./support";

const { call, context, excelError } = productionFunctions();
const transactions = cdnowSample();
const ids = column(transactions.map((t) => t.id));
const dates = column(transactions.map((t) => t.date));
const amounts = column(transactions.map((t) => t.dollars));

const published = cdnowSummary();
const x = column(published.map((c) => c.x));
const tx = column(published.map((c) => c.tx));
const T = column(published.map((c) => c.T));
const meanSpend = column(published.map((c) => c.meanSpend));

describe("BTYDSUMMARY", () => {
  const table = call("BTYDSUMMARY", ids, dates, amounts, "1997-09-30", null);

  test("reproduces lifetimes' CDNOW summary from the raw transactions", () => {
    expect(table[0]).toEqual([
      "Customer",
      "Repeat purchases (x)",
      "Last repeat purchase (t_x, weeks)",
      "Age (T, weeks)",
      "Mean repeat spend",
    ]);
    expect(table).toHaveLength(published.length + 1);
    const rounded = (v: number) => Math.round(v * 100) / 100;
    published.forEach((row, i) => {
      const [id, cx, ctx, cT, spend] = table[i + 1];
      expect(Number(id)).toBe(Number(row.id));
      expect([cx, rounded(ctx), rounded(cT)]).toEqual([row.x, row.tx, row.T]);
      expect(Math.abs(spend - row.meanSpend)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
    // ids keep their text
    expect(table[1][0]).toBe("0001");
  });

  test("counts in days or months when asked; the calibration end can be an Excel date", () => {
    const serial = 35703; // 1997-09-30
    const days = call("BTYDSUMMARY", ids, dates, amounts, serial, "day");
    expect(days[0][2]).toBe("Last repeat purchase (t_x, days)");
    expect(days[1].slice(1, 4)).toEqual([2, 213, 272]);
    const months = call("BTYDSUMMARY", ids, dates, amounts, serial, "month");
    expect(months[1][3]).toBe(272 / 30.4375);
  });

  test("the header follows Office's display language", () => {
    context.Office = { context: { displayLanguage: "zh-TW" } };
    try {
      const [header] = call("BTYDSUMMARY", [["a"]], [[35703]], [[5]], null, null);
      expect(header).toEqual([
        "客戶",
        "重複購買次數（x）",
        "最後一次重複購買時點（t_x，週）",
        "客戶年齡（T，週）",
        "平均重複消費金額",
      ]);
    } finally {
      delete context.Office;
    }
  });

  test("errors name the argument and the rule", () => {
    expect(excelError("BTYDSUMMARY", ids, dates, amounts, "someday", null)).toEqual({
      code: "#VALUE!",
      message: "calibration_end holds 'someday', which is not a date",
    });
    expect(excelError("BTYDSUMMARY", ids, dates, amounts, null, "year")).toEqual({
      code: "#VALUE!",
      message: 'unit must be one of "day", "week", "month"',
    });
    expect(excelError("BTYDSUMMARY", ids, dates, amounts, "1990-01-01", null)).toEqual({
      code: "#N/A",
      message: "there are no purchases on or before calibration_end",
    });
  });
});

describe("fitting and predicting on the CDNOW summary", () => {
  const bg = call("BGNBDFIT", x, tx, T);
  const gg = call("GGFIT", x, meanSpend);

  test("BGNBDFIT returns one row r, alpha, a, b, log-likelihood: lifetimes' values", () => {
    expect(bg).toHaveLength(1);
    expect(bg[0].map((v: number) => significant(v))).toEqual([
      ...Object.values(LIFETIMES_BG_NBD).map((v) => significant(v)),
      -9582,
    ]);
  });

  test("GGFIT returns one row p, q, gamma, log-likelihood: lifetimes' values", () => {
    expect(gg[0].map((v: number) => significant(v))).toEqual([
      ...Object.values(LIFETIMES_GAMMA_GAMMA).map((v) => significant(v)),
      -4056,
    ]);
  });

  test("whole columns with a header work", () => {
    const whole = (header: string, values: unknown[][]) => {
      const out: unknown[][] = [[header], ...values];
      while (out.length < 1_048_576) out.push([null]);
      return out;
    };
    expect(call("BGNBDFIT", whole("x", x), whole("t_x", tx), whole("T", T))).toEqual(bg);
  });

  test("PALIVE and EXPECTEDPURCHASES spill one value per customer; blanks stay blank", () => {
    const three = (c: unknown[][]) => [...c.slice(0, 2), [null], c[2]];
    const alive = call("PALIVE", three(x), three(tx), three(T), bg);
    expect(alive).toHaveLength(4);
    expect(alive[0][0]).toBeCloseTo(0.7266, 4);
    expect(alive[2]).toEqual([""]);
    expect(alive[3]).toEqual([1]); // customer 3 never bought again
    const hardie = call("EXPECTEDPURCHASES", 39, [[2]], [[30.43]], [[38.86]], bg);
    expect(hardie[0][0]).toBeCloseTo(1.226, 3);
  });

  test("EXPECTEDSPEND and PREDICTEDCLV match lifetimes' Quickstart for customer 1", () => {
    expect(call("EXPECTEDSPEND", [[2]], [[22.35]], gg)[0][0]).toBeCloseTo(24.658619, 4);
    const clv = call("PREDICTEDCLV", [[2]], [[30.43]], [[38.86]], [[22.35]], bg, gg, 360, 0.01, 30);
    expect(clv[0][0]).toBeCloseTo(140.096211, 3);
  });

  test("PREDICTEDCLV spills over the customers; a blank mean spend is fine without repeat purchases", () => {
    const clv = call("PREDICTEDCLV", x, tx, T, meanSpend, bg, gg, 52, null, null);
    expect(clv).toHaveLength(published.length);
    expect(clv.flat().every((v: unknown) => typeof v === "number" && v >= 0)).toBe(true);
    const blank = call("PREDICTEDCLV", [[0]], [[0]], [[38.86]], [[null]], bg, gg, 52, null, null);
    expect(blank[0][0]).toBeGreaterThan(0);
  });
});

describe("errors of the BTYD functions", () => {
  const bg = [[0.24, 4.4, 0.79, 2.43, -9582]];
  const gg = [[6.25, 3.74, 15.45]];

  test("a bad history names the argument, the rule and the cell", () => {
    expect(excelError("BGNBDFIT", column([1, 2.5]), column([1, 2]), column([5, 5]))).toEqual({
      code: "#VALUE!",
      message: "x must be a whole number >= 0 at row 2",
    });
    expect(excelError("PALIVE", column([1, 2]), column([1, 6]), column([5, 5]), bg)).toEqual({
      code: "#VALUE!",
      message: "t_x must be between 0 and T at row 2",
    });
    expect(excelError("BGNBDFIT", column([0]), column([3]), column([5]))).toEqual({
      code: "#VALUE!",
      message: "t_x must be 0 at row 1, since x is 0 (no repeat purchase)",
    });
    expect(excelError("BGNBDFIT", column([1, 2]), column([1, null]), column([5, 5]))).toEqual({
      code: "#VALUE!",
      message: "t_x is required at row 2",
    });
    expect(excelError("GGFIT", column([1, 2]), column([5, 0]))).toEqual({
      code: "#VALUE!",
      message: "mean_spend must be greater than 0 at row 2",
    });
    expect(excelError("PALIVE", column([1]), column([1, 2]), column([5]), bg)).toEqual({
      code: "#VALUE!",
      message: "x and t_x must be ranges of the same size",
    });
  });

  test("parameters must be a fit's row", () => {
    expect(excelError("PALIVE", [[1]], [[1]], [[5]], [[0.24, 4.4, 0.79]])).toEqual({
      code: "#VALUE!",
      message:
        "params must hold the 4 parameters r, alpha, a, b, each greater than 0, as BGNBDFIT returns them",
    });
    expect(excelError("EXPECTEDSPEND", [[1]], [[5]], [[6.25, 0.9, 15.45]])).toEqual({
      code: "#VALUE!",
      message: "q in gg_params must be greater than 1 for an expected spend to exist (q is 0.9)",
    });
  });

  test("horizon, step and discount rate", () => {
    const clv = (...ahead: unknown[]) =>
      excelError("PREDICTEDCLV", [[1]], [[1]], [[5]], [[5]], bg, gg, ...ahead);
    expect(clv(0, null, null)).toEqual({
      code: "#VALUE!",
      message: "horizon must be greater than 0",
    });
    expect(clv(52, -2, null)).toEqual({
      code: "#VALUE!",
      message: "discount_rate must be greater than -100%",
    });
    expect(clv(52, null, 0)).toEqual({ code: "#VALUE!", message: "step must be greater than 0" });
    expect(clv(5000, null, 1)).toEqual({ code: "#VALUE!", message: "step must be 5 or more" });
    expect(excelError("EXPECTEDPURCHASES", -1, [[1]], [[1]], [[5]], bg)).toEqual({
      code: "#VALUE!",
      message: "t must be 0 or more",
    });
  });

  test("data the models cannot be fitted to: #N/A without repeat buyers, #NUM! without a maximum", () => {
    expect(excelError("BGNBDFIT", column([0, 0]), column([0, 0]), column([3, 4]))).toEqual({
      code: "#N/A",
      message: "x has no repeat buyers (x of 1 or more) to fit the model to",
    });
    expect(excelError("GGFIT", column([0, 0]), column([null, null]))).toEqual({
      code: "#N/A",
      message: "x has no repeat buyers (x of 1 or more) to fit the model to",
    });
    expect(
      excelError("BGNBDFIT", column([3, 2, 5]), column([10, 9, 8]), column([10, 9, 8]))
    ).toEqual({ code: "#NUM!" });
    expect(excelError("GGFIT", column([1, 2, 3]), column([10, 10, 10]))).toEqual({ code: "#NUM!" });
  });
});

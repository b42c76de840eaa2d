/**
 * The production bundle dist/functions.js, loaded as Excel's runtime loads it: in a bare
 * JavaScript context with only a stand-in CustomFunctions global. Run `npm run build` first
 * (`npm test` does).
 */
import * as fs from "fs";
import * as path from "path";
import { cdnowSample } from "../support/data";
import { Rational, npv } from "../support/rational";
import { column, dist, productionFunctions } from "./support";

const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
const { registry, CustomFunctions, call, excelError } = productionFunctions();

describe("the production functions bundle", () => {
  test("registers every function of functions.json, and nothing else", () => {
    const ids = metadata.functions.map((f: { id: string }) => f.id).sort();
    expect([...registry.keys()].sort()).toEqual(ids);
    for (const id of ids) expect(typeof registry.get(id)).toBe("function");
  });

  test("CLV, as Excel calls it: =CV.CLV(500, 9%, 5)", () => {
    expect(call("CLV", [[500]], 0.09, 5, null, null)).toBe(
      npv("0.09", Array(5).fill(500)).toNumber()
    );
  });

  test("CLV over a row of margins; blanks after the last margin are ignored", () => {
    expect(call("CLV", [[100, 200, "300", "", null]], 0.1, null, null, null)).toBe(
      npv("0.1", [100, 200, 300]).toNumber()
    );
    expect(excelError("CLV", [[100, "", 300]], 0.1, null, null, null)).toEqual({
      code: "#VALUE!",
      message: "margin has a blank cell at row 2; enter 0 for a period without margin",
    });
  });

  test('text numbers such as "1,234.50" and "¥2,000" are read', () => {
    expect(call("LOSSVALUE", "1,234.50", null)).toBe(
      Rational.of("1234.50").times("1.15").toNumber()
    );
    expect(call("EQUITY", [["¥2,000"], [" 12 "], [""]], null)).toBe(2012);
  });

  test("bad arguments are #VALUE! with a message naming the argument and the rule", () => {
    expect(excelError("CLV", [[500]], -1.5, 5, null, null)).toEqual({
      code: "#VALUE!",
      message: "rate must be greater than -100%",
    });
    expect(excelError("CLV", [[500]], 0.09, 2.5, null, null)).toEqual({
      code: "#VALUE!",
      message: "periods must be a whole number >= 1",
    });
    expect(excelError("CLV", [[500]], "abc", 5, null, null)).toEqual({
      code: "#VALUE!",
      message: "rate must be a number, not 'abc'",
    });
    const recency = column([1, 2, 3, 4, 5, 6, "abc"]);
    expect(
      excelError("RFMSCORE", column([3]), column([1]), column([1]), recency, recency, recency, null)
    ).toEqual({
      code: "#VALUE!",
      message: "recency_all holds text 'abc' at row 7",
    });
  });

  test("an empty population is #N/A with a message; LIFETIME(0) is #DIV/0!", () => {
    expect(excelError("PYRAMID", [[5]], column(["", null]), null, null)).toEqual({
      code: "#N/A",
      message: "values has no numbers to compare with",
    });
    expect(excelError("LIFETIME", 0, null)).toEqual({ code: "#DIV/0!" });
  });

  test("RFMSCORE spills a code per customer and scores one customer against a population", () => {
    const r = column([10, 20, 30, 40, 50]);
    const f = column([5, 4, 3, 2, 1]);
    const m = column([500, 400, 300, 200, 100]);
    expect(call("RFMSCORE", r, f, m, null, null, null, null)).toEqual(
      column([555, 444, 333, 222, 111])
    );
    expect(call("RFMSCORE", [[10]], [[5]], [[500]], r, f, m, null)).toEqual([[555]]);
  });

  test("whole columns: 1,048,576 rows, a header in row 1, mostly blank", () => {
    const rows = 1_048_576;
    const grid = (header: string, values: number[]) => {
      const out: unknown[][] = new Array(rows);
      out[0] = [header];
      for (let i = 1; i < rows; i++) out[i] = [i <= values.length ? values[i - 1] : ""];
      return out;
    };
    const result = call(
      "RFMSCORE",
      grid("Recency", [10, 20, 30, 40, 50]),
      grid("Frequency", [5, 4, 3, 2, 1]),
      grid("Monetary", [500, 400, 300, 200, 100]),
      null,
      null,
      null,
      null
    );
    expect(result).toHaveLength(rows);
    expect(result.slice(0, 7)).toEqual(column(["", 555, 444, 333, 222, 111, ""]));
    expect(call("ABC", grid("Profit", [70, 20, 6, 4]), null, null, null).slice(1, 5)).toEqual(
      column(["A", "A", "B", "C"])
    );
  });

  test("QUADRANT, PYRAMID and RFMSEGMENT follow the language argument", () => {
    const current = column([10, 10, 1, 1]);
    const growth = column([10, 1, 10, 1]);
    expect(call("QUADRANT", current, growth, null, null, null, null, null)).toEqual(
      column(["Gold", "Silver", "Iron", "Lead"])
    );
    expect(call("QUADRANT", current, growth, null, null, null, null, "zh-CN")).toEqual(
      column(["金质客户", "银质客户", "铁质客户", "铅质客户"])
    );
    expect(
      call("QUADRANT", current, growth, null, null, "strategic", [["mean", "p50"]], "zh-TW")
    ).toEqual(column(["戰略客戶", "利潤客戶", "潛力客戶", "普通客戶"]));
    expect(call("RFMSEGMENT", column([555, 155, 111]), "zh-CN")).toEqual(
      column(["冠军客户", "不能失去的客户", "流失客户"])
    );
    expect(call("PYRAMID", [[100]], column([100, 50, 10]), null, "zh-TW")).toEqual([["貴賓客戶"]]);
  });

  test("RFMTABLE summarises the CDNOW sample per customer", () => {
    const rows = cdnowSample();
    const table = call(
      "RFMTABLE",
      column(rows.map((r) => r.id)),
      column(rows.map((r) => r.date)),
      column(rows.map((r) => r.dollars)),
      null,
      null
    );
    expect(table[0].slice(0, 4)).toEqual(["Customer", "Recency (days)", "Frequency", "Monetary"]);
    expect(table).toHaveLength(2357 + 1);
    // customer 0001: four purchases, the last on 1997-12-12; data end 1998-06-30, as of 1998-07-01
    const first = table[1];
    const own = rows.filter((r) => r.id === "0001");
    expect(first[0]).toBe("0001");
    expect(first[2]).toBe(own.length);
    expect(first[3]).toBe(own.reduce((s, r) => s.plus(r.dollars), Rational.of(0)).toNumber());
    const last = Math.max(...own.map((r) => r.date));
    const serial = (yyyymmdd: number) =>
      Date.UTC(
        Math.floor(yyyymmdd / 10000),
        (Math.floor(yyyymmdd / 100) % 100) - 1,
        yyyymmdd % 100
      ) /
        86_400_000 +
      25569;
    expect(first[1]).toBe(serial(19980701) - serial(last));
  });

  test("never an uncaught exception, NaN or Infinity, whatever the arguments", () => {
    const junk: unknown[] = [
      null,
      0,
      -1,
      1e308,
      "abc",
      "",
      true,
      [
        [1, "x"],
        [null, 2],
      ],
      [[Infinity]],
      "#N/A",
      -0.5,
      2.5,
    ];
    // #NUM!: a model fit that finds no maximum, as Excel's IRR
    const allowed = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]);
    let state = 1;
    const pick = () => junk[(state = (state * 48271) % 2147483647) % junk.length];
    for (const fn of metadata.functions) {
      for (let round = 0; round < 60; round++) {
        const args = fn.parameters.map(() => pick());
        try {
          const result = call(fn.id, ...args);
          const cells = Array.isArray(result) ? result.flat() : [result];
          for (const cell of cells) {
            if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
            else expect(typeof cell).toBe("string");
          }
        } catch (error) {
          expect(error).toBeInstanceOf(CustomFunctions.Error);
          expect(allowed.has((error as { code: string }).code)).toBe(true);
        }
      }
    }
  });
});

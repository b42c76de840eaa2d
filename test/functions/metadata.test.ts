/** The generated function metadata (dist/functions*.json) against the spec's catalog. */
import * as fs from "fs";
import * as path from "path";

interface Parameter {
  name: string;
  description: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

const dist = path.resolve(__dirname, "..", "..", "dist");
const read = (file: string): FunctionMetadata[] =>
  JSON.parse(fs.readFileSync(path.join(dist, file), "utf8")).functions;

/** spec/customer-value.md section 0 and issue 5, transcribed: name, arguments ([optional]). */
const CATALOG: Record<string, string> = {
  CLV: "margin, rate, [periods], [retention], [timing]",
  CUSTOMERVALUE: "first_price, acquisition_cost, annual_revenue, rate, years, [repeat_spend]",
  LOSSVALUE: "customer_value, [goodwill_damage]",
  COMPLAINTLOSS: "complaints, complaint_share, resolved_share, loss_per_customer",
  LIFETIME: "churn_rate_or_customers, [lost_per_period]",
  RETENTION: "customers_start, customers_end, new_customers",
  EQUITY: "clv_values, [customers]",
  DELIVEREDVALUE: "total_value, total_cost, [as_ratio]",
  INFOVALUE: "k, info_counts, use_counts, collections, cost_per_collection",
  RFMSCORE: "recency, frequency, monetary, [recency_all], [frequency_all], [monetary_all], [bins]",
  RFMSEGMENT: "rfm_score, [language]",
  RFMTABLE: "customer_ids, dates, amounts, [as_of], [language]",
  PYRAMID: "value, [values], [cutoffs], [language]",
  ABC: "value, [values], [a_share], [b_share]",
  QUADRANT:
    "current_value, growth_potential, [current_all], [growth_all], [scheme], [split], [language]",
  // the BTYD models (issue 5)
  BTYDSUMMARY: "customer_ids, dates, amounts, [calibration_end], [unit]",
  BGNBDFIT: "x, t_x, T",
  PALIVE: "x, t_x, T, params",
  EXPECTEDPURCHASES: "t, x, t_x, T, params",
  GGFIT: "x, mean_spend",
  EXPECTEDSPEND: "x, mean_spend, gg_params",
  PREDICTEDCLV: "x, t_x, T, mean_spend, bgnbd_params, gg_params, horizon, [discount_rate], [step]",
};
const SPILLING = [
  "RFMSCORE",
  "RFMSEGMENT",
  "RFMTABLE",
  "PYRAMID",
  "ABC",
  "QUADRANT",
  "BTYDSUMMARY",
  "BGNBDFIT",
  "PALIVE",
  "EXPECTEDPURCHASES",
  "GGFIT",
  "EXPECTEDSPEND",
  "PREDICTEDCLV",
];

const signature = (fn: FunctionMetadata) =>
  fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");

describe("function metadata", () => {
  const english = read("functions.json");

  test("holds exactly the catalog's functions, names and argument orders", () => {
    expect(Object.fromEntries(english.map((fn) => [fn.id, signature(fn)]))).toEqual(CATALOG);
    for (const fn of english) expect(fn.name).toBe(fn.id);
  });

  test("the spilling functions return matrices; no parameter repeats", () => {
    for (const fn of english) {
      expect([fn.id, fn.result.dimensionality === "matrix"]).toEqual([
        fn.id,
        SPILLING.includes(fn.id),
      ]);
      for (const p of fn.parameters)
        expect((p as { repeating?: boolean }).repeating).toBeUndefined();
    }
  });

  test.each(["zh-CN", "zh-TW"])(
    "%s has the same functions and parameters, every description translated",
    (locale) => {
      const localized = read(`functions.${locale}.json`);
      expect(localized.map(signature)).toEqual(english.map(signature));
      expect(localized.map((fn) => fn.id)).toEqual(english.map((fn) => fn.id));
      localized.forEach((fn, i) => {
        expect(fn.description).not.toBe(english[i].description);
        expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
        fn.parameters.forEach((p, j) => {
          expect({ ...p, description: undefined }).toEqual({
            ...english[i].parameters[j],
            description: undefined,
          });
          expect(p.description).toMatch(/[\u4e00-\u9fff]/);
        });
      });
    }
  );

  test("the two Chinese files differ (Simplified vs Traditional)", () => {
    const simplified = read("functions.zh-CN.json");
    const traditional = read("functions.zh-TW.json");
    const differing = simplified.filter((fn, i) => fn.description !== traditional[i].description);
    expect(differing.length).toBe(simplified.length);
  });
});

describe("localizing metadata", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { localizeMetadata } = require("../../scripts/localized-metadata.js");
  const metadata = {
    functions: [{ id: "F", description: "en", parameters: [{ name: "a", description: "en a" }] }],
  };

  test("a missing or stray translation fails the build with every problem listed", () => {
    expect(() =>
      localizeMetadata(metadata, { F: { description: "zh", parameters: {} } }, "zh-CN")
    ).toThrow("zh-CN: F.a has no description");
    expect(() =>
      localizeMetadata(
        metadata,
        { F: { description: "zh", parameters: { a: "x", b: "y" } }, G: {} },
        "zh-CN"
      )
    ).toThrow(/unknown function G[\s\S]*F has no parameter b/);
  });
});

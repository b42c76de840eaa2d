import { guessRoles, segment, segmentTransactions, splitHeader } from "../../src/engine";
import { csvRows } from "../support/csv";
import { fiveCustomers } from "../support/customers";

describe("segmenting a table", () => {
  const grid = splitHeader(fiveCustomers());

  test("value matrix: tiers per row, shares of customers and of value, the split of each axis", () => {
    const result = segment(grid, guessRoles(grid), "value");
    expect(result.rowTiers).toEqual(["gold", "gold", "silver", "iron", "lead"]);
    expect(result.axes?.map((a) => a.threshold)).toEqual([410, 200]);
    const gold = result.summary.find((s) => s.tier === "gold")!;
    expect(gold.customers).toBe(2);
    expect(gold.value.toString()).toBe("2160");
    expect(gold.valueShare).toBeCloseTo(2160 / 2785, 15);
    expect(result.totalValue.toString()).toBe("2785");
  });

  test("frequency x average spend uses monetary / frequency and skips a zero frequency", () => {
    const table = splitHeader([
      ["Customer", "Frequency", "Monetary"],
      ["A", 10, 1000],
      ["B", 10, 100],
      ["C", 1, 500],
      ["D", 1, 10],
      ["E", 0, 0],
    ]);
    const result = segment(table, guessRoles(table), "frequency");
    expect(result.rowTiers).toEqual(["premium", "frequent", "spender", "uncertain", undefined]);
    expect(result.skipped).toEqual([
      { row: 5, reason: { code: "zeroFrequency", column: "Frequency" } },
    ]);
  });

  test("RFM from columns writes R, F, M and the code as scores and the segment as the tier", () => {
    const table = splitHeader([
      ["Customer", "Recency", "Frequency", "Monetary"],
      ["Ana", 12, 8, 640],
      ["Bo", 45, 3, 180],
      ["Chen", 3, 12, 1520],
      ["Dara", 200, 1, 35],
      ["Eli", 30, 5, 410],
    ]);
    const result = segment(table, guessRoles(table), "rfm");
    expect(result.scores.map((s) => s.key)).toEqual(["r", "f", "m", "rfm"]);
    expect(result.scores[3].values).toEqual([444, 222, 555, 111, 333]);
    expect(result.rowTiers).toEqual([
      "champions",
      "hibernating",
      "champions",
      "lost",
      "needAttention",
    ]);
  });

  test("ABC also gives each customer the share of value held by bigger customers", () => {
    const table = splitHeader([
      ["Customer", "Profit"],
      ["A", 70],
      ["B", 20],
      ["C", 6],
      ["D", 4],
      ["E", -5],
    ]);
    const result = segment(table, guessRoles(table), "abc");
    expect(result.rowTiers).toEqual(["A", "A", "B", "C", "C"]);
    expect(result.scores[0].values).toEqual([0, 0.7, 0.9, 0.96, 1]);
  });
});

describe("RFM from the Online Retail invoices", () => {
  const rows = csvRows("online_retail_sample.csv");
  const grid = splitHeader(rows);
  const result = segmentTransactions(grid, guessRoles(grid));
  const [header, ...data] = rows;
  const col = (name: string) => header.indexOf(name);

  test("lines without a customer id and returns or cancellations are skipped with their reason", () => {
    // counted independently from the raw CSV
    const noCustomer = data.filter((r) => r[col("CustomerID")].trim() === "").length;
    const notPurchase = data.filter(
      (r) =>
        r[col("CustomerID")].trim() !== "" &&
        Number(r[col("Quantity")]) * Number(r[col("UnitPrice")]) <= 0
    ).length;
    const reasons = new Map<string, number>();
    for (const s of result.skipped)
      reasons.set(s.reason.code, (reasons.get(s.reason.code) ?? 0) + 1);
    expect(Object.fromEntries(reasons)).toEqual({ noCustomer, notPurchase });
    expect(noCustomer).toBe(2000);
  });

  test("one row per customer who bought something, with recency, frequency and monetary", () => {
    const bought = data.filter(
      (r) =>
        r[col("CustomerID")].trim() !== "" &&
        Number(r[col("Quantity")]) * Number(r[col("UnitPrice")]) > 0
    );
    const customers = new Set(bought.map((r) => Number(r[col("CustomerID")])));
    const table = result.customerTable!;
    expect(table.summary.customers).toHaveLength(customers.size);
    expect(result.customers).toBe(customers.size);
    const first = table.summary.customers[0];
    const own = bought.filter((r) => Number(r[col("CustomerID")]) === Number(first.customer));
    expect(first.frequency).toBe(own.length);
    const cents = own.reduce(
      (sum, r) => sum + Math.round(Number(r[col("Quantity")]) * Number(r[col("UnitPrice")]) * 100),
      0
    );
    expect(Math.round(first.monetary.toNumber() * 100)).toBe(cents);
    expect(result.summary.reduce((n, s) => n + s.customers, 0)).toBe(customers.size);
  });
});

import { guessRoles, looksLikeTransactions, splitHeader } from "../../src/engine";
import { csvRows } from "../support/csv";

describe("reading a customer table", () => {
  test("a text first row above numbers is the header", () => {
    const grid = splitHeader([
      ["Customer", "Profit"],
      ["Ana", 10],
    ]);
    expect(grid.hasHeader).toBe(true);
    expect(grid.header).toEqual(["Customer", "Profit"]);
    expect(grid.rows).toEqual([["Ana", 10]]);
  });

  test("without a header the columns are numbered and every row is data", () => {
    const grid = splitHeader([
      ["Ana", 10],
      ["Bo", 20],
    ]);
    expect(grid.hasHeader).toBe(false);
    expect(grid.header).toEqual(["Column 1", "Column 2"]);
    expect(grid.rows).toHaveLength(2);
  });

  test("an Excel table's first row is its header, even when it reads as numbers", () => {
    const grid = splitHeader(
      [
        [2023, 2024],
        [10, 20],
      ],
      true
    );
    expect(grid.header).toEqual(["2023", "2024"]);
    expect(grid.rows).toEqual([[10, 20]]);
  });

  test("roles from English headers", () => {
    const grid = splitHeader([
      [
        "Customer ID",
        "Current value",
        "Growth potential",
        "Recency",
        "Frequency",
        "Monetary",
        "Strategic fit",
      ],
      ["C1", 100, 20, 5, 3, 300, 7],
    ]);
    expect(guessRoles(grid)).toEqual({
      customerId: 0,
      currentValue: 1,
      growthPotential: 2,
      recency: 3,
      frequency: 4,
      monetary: 5,
      strategicMatch: 6,
    });
  });

  test("roles from Simplified and Traditional Chinese headers", () => {
    const simplified = splitHeader([
      ["客户编号", "销售额", "增值潜力", "最近购买", "消费次数"],
      ["A001", 1200, 300, 12, 4],
    ]);
    expect(guessRoles(simplified)).toEqual({
      customerId: 0,
      currentValue: 1,
      growthPotential: 2,
      recency: 3,
      frequency: 4,
    });
    const traditional = splitHeader([
      ["客戶", "利潤", "潛力", "日期", "金額"],
      ["甲", 10, 2, "2024-01-02", 50],
    ]);
    expect(guessRoles(traditional)).toEqual({
      customerId: 0,
      currentValue: 1,
      growthPotential: 2,
      transactionDate: 3,
      amount: 4,
    });
  });

  test("a header word does not give a numeric role to a text column, and data finds the id and the dates", () => {
    const grid = splitHeader([
      ["Value", "Who", "When", "Sales"],
      ["high", "Ana", "2024-01-02", 10],
      ["low", "Bo", "2024-02-03", 20],
    ]);
    const roles = guessRoles(grid);
    expect(roles.currentValue).toBe(3);
    expect(roles.customerId).toBe(0);
    expect(roles.transactionDate).toBe(2);
  });

  test("the Online Retail invoices are a transaction table: customer, date, quantity and unit price", () => {
    const grid = splitHeader(csvRows("online_retail_sample.csv"));
    const roles = guessRoles(grid);
    expect(grid.header[roles.customerId as number]).toBe("CustomerID");
    expect(grid.header[roles.transactionDate as number]).toBe("InvoiceDate");
    expect(grid.header[roles.quantity as number]).toBe("Quantity");
    expect(grid.header[roles.unitPrice as number]).toBe("UnitPrice");
    expect(looksLikeTransactions(grid, roles)).toBe(true);
  });
});

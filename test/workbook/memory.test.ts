import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory";
import { Blocked } from "../../src/workbook/types";
import { segmentWith, snapshot } from "./support";
import { FIVE_CUSTOMERS_TIER_COLUMN, fiveCustomers } from "../support/customers";

describe("segmenting an in-memory workbook", () => {
  test("writes a tier column beside the table, one rule per tier, a summary sheet and a record", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const port = new MemoryWorkbookPort(workbook);
    await segmentWith(port, "value");
    const sheet = workbook.sheet("Sheet1")!;
    expect(sheet.values({ top: 0, left: 3, rows: 6, columns: 1 }).flat()).toEqual(
      FIVE_CUSTOMERS_TIER_COLUMN
    );
    expect(sheet.rules).toHaveLength(1);
    expect(sheet.rules[0].tiers.map((t) => t.label)).toEqual(["Gold", "Silver", "Iron", "Lead"]);
    expect(sheet.shownColours(1, 3).fill).toBe("#F2C744");
    expect(sheet.cell(1, 3)?.fill).toBeUndefined();
    const summary = workbook.sheet("Customer segments")!;
    expect(summary.charts).toHaveLength(1);
    expect(await port.loadRecords()).toHaveLength(1);
  });

  test("segment, re-run with another method, remove: every original cell is exactly as it was", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const sheet = workbook.sheet("Sheet1")!;
    sheet.set(0, 0, { bold: true, fill: "#EEEEEE" });
    const before = snapshot(sheet);
    const sheetsBefore = workbook.sheets.map((s) => s.name);
    const port = new MemoryWorkbookPort(workbook);
    await segmentWith(port, "value");
    await segmentWith(port, "abc");
    expect(sheet.values({ top: 0, left: 3, rows: 1, columns: 3 })).toEqual([
      ["Share of value above", "ABC class", null],
    ]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "Customer segments"]);
    const [record] = await port.loadRecords();
    await port.remove(record);
    expect(snapshot(sheet)).toEqual(before);
    expect(workbook.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(await port.loadRecords()).toEqual([]);
    expect([...workbook.properties.keys()]).toEqual([]);
  });

  test("removing the sheet that is selected selects the first sheet, as Excel does", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const port = new MemoryWorkbookPort(workbook);
    await segmentWith(port, "value");
    workbook.selection = {
      sheet: "Customer segments",
      area: { top: 3, left: 1, rows: 1, columns: 1 },
    };
    await port.remove((await port.loadRecords())[0]);
    expect(workbook.selection).toEqual({
      sheet: "Sheet1",
      area: { top: 0, left: 0, rows: 1, columns: 1 },
    });
  });

  test("never writes over a cell it did not write", async () => {
    const rows = fiveCustomers();
    rows[3][4] = "note";
    const workbook = MemoryWorkbook.withTable("Sheet1", rows);
    workbook.selection.area = { top: 0, left: 0, rows: 6, columns: 3 };
    const port = new MemoryWorkbookPort(workbook);
    await expect(segmentWith(port, "rfm" as never)).rejects.toThrow();
    await expect(segmentWith(port, "abc")).rejects.toBeInstanceOf(Blocked);
    expect(workbook.sheet("Sheet1")!.value(3, 4)).toBe("note");
  });
});

describe("more shapes of table", () => {
  test("inside an Excel table the tier column becomes a table column, and goes again on remove", async () => {
    const workbook = MemoryWorkbook.withTable("Data", fiveCustomers());
    const sheet = workbook.sheet("Data")!;
    sheet.tables.push({ name: "Customers", area: { top: 0, left: 0, rows: 6, columns: 3 } });
    workbook.selection = { sheet: "Data", area: { top: 2, left: 1, rows: 1, columns: 1 } };
    const port = new MemoryWorkbookPort(workbook);
    const { plan } = await segmentWith(port, "pyramid");
    expect(plan.columns?.tableName).toBe("Customers");
    expect(sheet.tables[0].area.columns).toBe(4);
    expect(sheet.value(0, 3)).toBe("Pyramid tier");
    // a re-run reads the table without its own tier column
    await segmentWith(port, "value");
    expect(sheet.tables[0].area.columns).toBe(4);
    expect(sheet.value(0, 3)).toBe("Value matrix tier");
    const [record] = await port.loadRecords();
    await port.remove(record);
    expect(sheet.tables[0].area.columns).toBe(3);
    expect(sheet.value(0, 3)).toBeNull();
  });

  test("RFM from transactions writes an RFM customers sheet coloured by segment and a summary", async () => {
    const rows: (string | number | null)[][] = [["Customer", "Date", "Amount"]];
    const names = ["=SUM(A1)", "Bo", "Chen", "Dara", "Eli", "Fay"];
    names.forEach((name, i) => {
      for (let k = 0; k <= i; k++) rows.push([name, `2024-0${1 + k}-1${i}`, 10 * (i + 1)]);
    });
    rows.push(["Bo", "2024-02-01", -20]);
    const workbook = MemoryWorkbook.withTable("Orders", rows);
    const port = new MemoryWorkbookPort(workbook);
    const { analysis } = await segmentWith(port, "rfm", "en-US", {}, true);
    expect(analysis.segmentation.skipped).toEqual([
      { row: rows.length - 1, reason: { code: "notPurchase", amount: -20 } },
    ]);
    const customersSheet = workbook.sheet("RFM customers")!;
    expect(customersSheet.value(0, 0)).toBe("Customer");
    // a name that looks like a formula stays text
    expect(customersSheet.value(1, 0)).toBe("=SUM(A1)");
    expect(customersSheet.rules[0].area).toEqual({ top: 1, left: 8, rows: 6, columns: 1 });
    expect(customersSheet.frozenRows).toBe(1);
    expect(workbook.sheet("Customer segments")).toBeDefined();
    expect(workbook.sheet("Orders")!.usedArea()).toEqual({
      top: 0,
      left: 0,
      rows: rows.length,
      columns: 3,
    });
    await port.remove((await port.loadRecords())[0]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Orders"]);
  });

  test("a summary sheet name taken by the user is not touched: ours gets a number", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    workbook.addSheet("Customer segments").set(0, 0, { value: "mine" });
    const port = new MemoryWorkbookPort(workbook);
    await segmentWith(port, "value");
    expect(workbook.sheet("Customer segments")!.value(0, 0)).toBe("mine");
    expect(workbook.sheet("Customer segments (2)")!.value(0, 0)).toBe("Customer segments");
  });

  test("a hundred thousand customers: segment, re-run, remove, and the table is as it was", async () => {
    const rows: (string | number)[][] = [["Customer", "Current value", "Growth potential"]];
    for (let i = 0; i < 100_000; i++)
      rows.push([`C${i}`, (i * 7919) % 100_003, (i * 104_729) % 1_000]);
    const workbook = MemoryWorkbook.withTable("Sheet1", rows);
    const before = snapshot(workbook.sheet("Sheet1")!);
    const port = new MemoryWorkbookPort(workbook);
    await segmentWith(port, "value");
    await segmentWith(port, "pyramid");
    await port.remove((await port.loadRecords())[0]);
    expect(snapshot(workbook.sheet("Sheet1")!)).toEqual(before);
  });
});

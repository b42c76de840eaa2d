import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory";
import { planFor } from "../../src/workbook/segmentation";
import { Blocked, WriteFailed } from "../../src/workbook/types";
import { analyse, segmentWith, snapshot } from "./support";
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
    expect((await port.loadRecords()).records).toHaveLength(1);
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
    const {
      records: [record],
    } = await port.loadRecords();
    await port.remove(record);
    expect(snapshot(sheet)).toEqual(before);
    expect(workbook.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(await port.loadRecords()).toEqual({ records: [], unfinished: [], damaged: [] });
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
    await port.remove((await port.loadRecords()).records[0]);
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
    const {
      records: [record],
    } = await port.loadRecords();
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
    await port.remove((await port.loadRecords()).records[0]);
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
    await port.remove((await port.loadRecords()).records[0]);
    expect(snapshot(workbook.sheet("Sheet1")!)).toEqual(before);
  });
});

describe("what the pane hears and what an unfinished write leaves", () => {
  const planOf = async (port: MemoryWorkbookPort, method: "value" | "abc") =>
    planFor(port, await analyse(port, method), "en-US", new Date(2026, 10, 23, 10, 30));

  test("listen: shown at once, then each move of the selection, until stopped", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const port = new MemoryWorkbookPort(workbook);
    const heard: string[] = [];
    const stop = await port.listen({
      shown: () => heard.push("shown"),
      selectionChanged: () => heard.push("moved"),
    });
    expect(heard).toEqual(["shown"]);
    workbook.selection = { sheet: "Sheet1", area: { top: 2, left: 1, rows: 1, columns: 1 } };
    // the same range selected again is no move
    workbook.selection = { sheet: "Sheet1", area: { top: 2, left: 1, rows: 1, columns: 1 } };
    expect(heard).toEqual(["shown", "moved"]);
    await stop();
    workbook.selection = { sheet: "Sheet1", area: { top: 0, left: 0, rows: 1, columns: 1 } };
    expect(heard).toEqual(["shown", "moved"]);
  });

  test("an unfinished write is listed, and cleaning up takes away it and the run it replaced", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const sheet = workbook.sheet("Sheet1")!;
    const before = snapshot(sheet);
    const port = new MemoryWorkbookPort(workbook);
    await segmentWith(port, "value");
    const plan = await planFor(
      port,
      await analyse(port, "abc"),
      "en-US",
      new Date(2026, 10, 24, 9, 0)
    );
    port.seedUnfinished(plan);
    expect(sheet.value(0, 3)).toBe("Share of value above");
    const stored = await port.loadRecords();
    expect(stored.unfinished).toEqual([
      {
        id: "Sheet1!0,0",
        method: "abc",
        date: plan.record.date,
        source: { sheet: "Sheet1", area: { top: 0, left: 0, rows: 6, columns: 3 } },
      },
    ]);
    // the run it was replacing is still on record until the clean-up
    expect(stored.records.map((r) => r.method)).toEqual(["value"]);

    await port.cleanUp(stored.unfinished[0]);
    expect(snapshot(sheet)).toEqual(before);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(await port.loadRecords()).toEqual({ records: [], unfinished: [], damaged: [] });
    expect([...workbook.properties.keys()]).toEqual([]);
  });

  test("a damaged record is reported and kept; the others still work", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const port = new MemoryWorkbookPort(workbook);
    port.seedDamaged({ version: 1, id: "Other!0,0", method: "value" });
    port.seedDamaged("cut short");
    await segmentWith(port, "value");
    const stored = await port.loadRecords();
    expect(stored.records).toHaveLength(1);
    expect(stored.damaged).toEqual([
      { id: "Other!0,0", reason: "not a segmentation record" },
      { reason: "not a segmentation record" },
    ]);
    await port.remove(stored.records[0]);
    expect((await port.loadRecords()).damaged).toHaveLength(2);
  });

  test("records that are not JSON at all are one damaged entry, not an error", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    workbook.properties.set("CustomerValue.Segmentations.001", "[{broken");
    const stored = await new MemoryWorkbookPort(workbook).loadRecords();
    expect(stored.records).toEqual([]);
    expect(stored.damaged).toHaveLength(1);
  });

  test("failNextApply: the write fails once with nothing changed, then works", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const sheet = workbook.sheet("Sheet1")!;
    const before = snapshot(sheet);
    const failure = new WriteFailed("GeneralException", "busy", false);
    const port = new MemoryWorkbookPort(workbook, { failNextApply: failure });
    const plan = await planOf(port, "value");
    await expect(port.apply(plan)).rejects.toBe(failure);
    expect(snapshot(sheet)).toEqual(before);
    expect(workbook.sheets).toHaveLength(1);
    expect([...workbook.properties.keys()]).toEqual([]);
    await port.apply(plan);
    expect(sheet.value(0, 3)).toBe("Value matrix tier");
  });

  test("a failure that leaves part behind marks the write unfinished", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const port = new MemoryWorkbookPort(workbook, {
      failNextApply: new WriteFailed("", "connection lost", true),
    });
    const plan = await planOf(port, "value");
    await expect(port.apply(plan)).rejects.toBeInstanceOf(WriteFailed);
    const stored = await port.loadRecords();
    expect(stored.unfinished.map((u) => u.id)).toEqual(["Sheet1!0,0"]);
    await port.cleanUp(stored.unfinished[0]);
    expect(workbook.sheet("Sheet1")!.value(1, 3)).toBeNull();
    expect((await port.loadRecords()).unfinished).toEqual([]);
  });

  test("undoSteps: every apply says undo takes several steps", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const port = new MemoryWorkbookPort(workbook, { undoSteps: true });
    const onUndoSteps = jest.fn();
    await port.apply(await planOf(port, "value"), { onUndoSteps });
    await port.apply(await planOf(port, "abc"), { onUndoSteps });
    expect(onUndoSteps).toHaveBeenCalledTimes(2);
  });
});

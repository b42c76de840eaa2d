import type { Method, MethodOptions } from "../../src/engine";
import { OfficeWorkbookPort } from "../../src/workbook/office";
import { halve, valueSteps } from "../../src/workbook/office/batches";
import {
  BLOCK_BYTES,
  MAX_BLOCK_ROWS,
  cutIntoPieces,
  toExcel,
} from "../../src/workbook/office/blocks";
import { isOurRule, labelOfFormula, tierFormula } from "../../src/workbook/office/rules";
import { ownColumnIndexes, uniqueHeaders } from "../../src/workbook/office/tables";
import { planFor } from "../../src/workbook/segmentation";
import {
  Cancelled,
  type CellValue,
  WorkbookChanged,
  type WritePlan,
} from "../../src/workbook/types";
import {
  type Batch,
  MockExcel,
  MockOfficeAddin,
  type MockSheet,
  parseA1,
} from "../support/excelMock";
import { analyse, segmentWith } from "./support";
import { FIVE_CUSTOMERS_TIER_COLUMN, fiveCustomers } from "../support/customers";

const FIVE_MB = 5_000_000;
const NOW = new Date(2026, 10, 23, 10, 30);

/** A customer table of `rows` rows, its header included. */
function bigTable(rows: number): CellValue[][] {
  const table: CellValue[][] = [["Customer", "Current value", "Growth potential"]];
  for (let i = 1; i < rows; i++) table.push([`C${i}`, (i * 7919) % 100_003, (i * 104_729) % 1_000]);
  return table;
}

/**
 * The hosts the adapter is proven on: the add-in's floor (ExcelApi 1.7), a host without
 * Range.getTables or delayForCellEdit (1.10), and one with undo grouping (1.20); each with and
 * without the shared runtime's visibility event.
 */
const HOSTS = [
  ["1.7", "1.1"],
  ["1.7", undefined],
  ["1.10", "1.1"],
  ["1.10", undefined],
  ["1.20", "1.1"],
  ["1.20", undefined],
] as const;
let host: { api: string; sharedRuntime: string | undefined } = {
  api: "1.20",
  sharedRuntime: "1.1",
};

/** A workbook of one sheet holding the rows, on the host under test. */
function workbook(name: string, rows: CellValue[][]): MockExcel {
  const excel = MockExcel.withTable(name, rows);
  excel.apiVersion = host.api;
  excel.sharedRuntime = host.sharedRuntime;
  return excel;
}

function portOn(excel: MockExcel): OfficeWorkbookPort {
  const addin = excel.sharedRuntime ? new MockOfficeAddin() : undefined;
  return new OfficeWorkbookPort(excel.run, excel.isSetSupported, () => addin);
}

const recordsOf = async (port: OfficeWorkbookPort) => (await port.loadRecords()).records;

async function planOn(
  port: OfficeWorkbookPort,
  method: Method,
  options: MethodOptions = {},
  transactions = false
): Promise<WritePlan> {
  return planFor(port, await analyse(port, method, options, transactions), "en-US", NOW);
}

/** The syncs an action makes, with their journal entries. */
async function batchesOf(excel: MockExcel, action: () => Promise<unknown>): Promise<Batch[]> {
  const start = excel.journal.length;
  await action();
  return excel.journal.slice(start);
}

const column = (sheet: MockSheet, left: number, top: number, rows: number) =>
  sheet.values({ top, left, rows, columns: 1 }).flat();

/** Everything a user could see or the file keeps (the model's deep comparison). */
const picture = (excel: MockExcel) => JSON.stringify(excel.visibleState());

/** Rows of the range an operation went to: "worksheets[S].getRange(A1:C20000)" is 20,000. */
const rowsOf = (target: string) => parseA1(/getRange\(([^)]*)\)/.exec(target)![1]).rows;

function valueWrites(batches: readonly Batch[]) {
  return batches.flatMap((b) => b.operations.filter((op) => op.action === "values"));
}

describe.each(HOSTS)("on ExcelApi %s, SharedRuntime %s", (api, sharedRuntime) => {
  beforeEach(() => {
    host = { api, sharedRuntime };
  });
  afterAll(() => {
    host = { api: "1.20", sharedRuntime: "1.1" };
  });

  describe("what the Office adapter writes", () => {
    test("the tier column beside the table, its bold header, and one colour rule per tier", async () => {
      const excel = workbook("Sheet1", fiveCustomers());
      await segmentWith(portOn(excel), "value");
      const sheet = excel.sheet("Sheet1")!;
      expect(column(sheet, 3, 0, 6)).toEqual(FIVE_CUSTOMERS_TIER_COLUMN);
      expect(sheet.cell(0, 3)?.bold).toBe(true);
      expect(sheet.cell(1, 3)?.bold).toBeUndefined();
      // the colours are rules, not cell fills
      expect(sheet.cell(1, 3)?.fill).toBeUndefined();
      expect(
        sheet.rules.map(({ type, operator, formula1, fill, fontColor, area }) => ({
          type,
          operator,
          formula1,
          fill,
          fontColor,
          area,
        }))
      ).toEqual(
        expect.arrayContaining([
          {
            type: "CellValue",
            operator: "EqualTo",
            formula1: '="Gold"',
            fill: "#F2C744",
            fontColor: "#3D2C00",
            area: { top: 1, left: 3, rows: 5, columns: 1 },
          },
          {
            type: "CellValue",
            operator: "EqualTo",
            formula1: '="Silver"',
            fill: "#DCE1E6",
            fontColor: "#252B31",
            area: { top: 1, left: 3, rows: 5, columns: 1 },
          },
          {
            type: "CellValue",
            operator: "EqualTo",
            formula1: '="Iron"',
            fill: "#6E4B3A",
            fontColor: "#FFFFFF",
            area: { top: 1, left: 3, rows: 5, columns: 1 },
          },
          {
            type: "CellValue",
            operator: "EqualTo",
            formula1: '="Lead"',
            fill: "#8795A3",
            fontColor: "#141A20",
            area: { top: 1, left: 3, rows: 5, columns: 1 },
          },
        ])
      );
      expect(sheet.rules).toHaveLength(4);
    });

    test("a number format per column, set once over the column's data cells", async () => {
      const excel = workbook("Sheet1", fiveCustomers());
      const port = portOn(excel);
      const plan = await planOn(port, "abc");
      const batches = await batchesOf(excel, () => port.apply(plan));
      const sheet = excel.sheet("Sheet1")!;
      expect(sheet.values({ top: 0, left: 3, rows: 1, columns: 2 })).toEqual([
        ["Share of value above", "ABC class"],
      ]);
      for (let r = 1; r <= 5; r++) {
        expect(sheet.cell(r, 3)?.numberFormat).toBe("0.0%");
        expect(typeof sheet.value(r, 3)).toBe("number");
      }
      const formats = batches
        .flatMap((b) => b.operations)
        .filter((op) => op.action === "numberFormat" && op.target.includes("Sheet1"));
      expect(formats.map((op) => op.target)).toEqual([
        "worksheets[Sheet1].getRange(D2:D6)",
        "worksheets[Sheet1].getRange(E2:E6)",
      ]);
    });

    test("a summary sheet with the legend's colours, widths in points, and a chart coloured per tier", async () => {
      const excel = workbook("Sheet1", fiveCustomers());
      await segmentWith(portOn(excel), "value");
      const summary = excel.sheet("Customer segments")!;
      expect(summary.value(0, 0)).toBe("Customer segments");
      expect(summary.cell(0, 0)?.bold).toBe(true);
      const legendTop = summary
        .values({ top: 0, left: 0, rows: 30, columns: 1 })
        .findIndex(([v]) => v === "Gold");
      expect(summary.cell(legendTop, 0)).toMatchObject({ fill: "#F2C744", fontColor: "#3D2C00" });
      expect(summary.cell(legendTop + 3, 0)).toMatchObject({ value: "Lead", fill: "#8795A3" });
      expect(summary.columnWidths.get(0)).toBe(22 * 7);
      expect(summary.charts).toHaveLength(1);
      const [chart] = summary.charts;
      expect(chart).toMatchObject({
        type: "ColumnClustered",
        seriesBy: "Columns",
        title: "Customers per tier",
        legendVisible: false,
        seriesName: "Customers",
        source: { top: legendTop, left: 0, rows: 4, columns: 2 },
        pointFills: ["#F2C744", "#DCE1E6", "#6E4B3A", "#8795A3"],
        position: ["H1", "O18"],
      });
    });

    test("text that Excel would read as a formula, a number or a logical stays text", async () => {
      const rows: CellValue[][] = [["Customer", "Date", "Amount"]];
      ["=SUM(A1)", "007", "-minus", "TRUE", "Bo"].forEach((name, i) => {
        for (let k = 0; k <= i; k++) rows.push([name, 45_300 + 30 * k + i, 10 * (i + 1)]);
      });
      const excel = workbook("Orders", rows);
      await segmentWith(portOn(excel), "rfm", "en-US", {}, true);
      const sheet = excel.sheet("RFM customers")!;
      const names = column(sheet, 0, 1, 5);
      expect(names.sort()).toEqual(["-minus", "007", "=SUM(A1)", "Bo", "TRUE"].sort());
      for (let r = 1; r <= 5; r++) expect(sheet.cell(r, 0)?.formula).toBeUndefined();
      expect(toExcel("=SUM(A1)")).toBe("'=SUM(A1)");
      expect(toExcel("@home")).toBe("'@home");
      expect(toExcel("+1 555")).toBe("'+1 555");
      expect(toExcel("'quoted")).toBe("''quoted");
      expect(toExcel("Gold")).toBe("Gold");
      expect(toExcel(null)).toBe("");
    });

    test("inside an Excel table the new columns are table columns, and go again on remove", async () => {
      const excel = workbook("Data", fiveCustomers());
      excel.addTable("Data", "Customers", { top: 0, left: 0, rows: 6, columns: 3 });
      excel.selection = { sheet: "Data", area: { top: 2, left: 1, rows: 1, columns: 1 } };
      const port = portOn(excel);
      const plan = await planOn(port, "pyramid");
      const batches = await batchesOf(excel, () => port.apply(plan));
      expect(excel.tableHeaders("Customers")).toEqual([
        "Customer",
        "Current value",
        "Growth potential",
        "Pyramid tier",
      ]);
      const adds = batches
        .flatMap((b) => b.operations)
        .filter((op) => op.target.endsWith(".columns") && op.action.startsWith("add("));
      // -1 appends (the documented equivalent of null, which the typings do not admit)
      expect(adds.map((op) => op.action)).toEqual(["add(-1, Pyramid tier)"]);
      const sheet = excel.sheet("Data")!;
      expect(
        column(sheet, 3, 1, 5).every((tier) => typeof tier === "string" && tier.length > 0)
      ).toBe(true);
      // a re-run reads the table without its own column and replaces that column
      await segmentWith(port, "value");
      expect(excel.tableHeaders("Customers")).toEqual([
        "Customer",
        "Current value",
        "Growth potential",
        "Value matrix tier",
      ]);
      expect(column(sheet, 3, 0, 6)).toEqual(FIVE_CUSTOMERS_TIER_COLUMN);
      const [record] = await recordsOf(port);
      await port.remove(record);
      expect(excel.tableHeaders("Customers")).toEqual([
        "Customer",
        "Current value",
        "Growth potential",
      ]);
      expect(sheet.usedArea()).toEqual({ top: 0, left: 0, rows: 6, columns: 3 });
    });
  });
  describe("replacing and removing touch only what the add-in wrote", () => {
    function withUserThings(): MockExcel {
      const excel = workbook("Sheet1", fiveCustomers());
      const sheet = excel.sheet("Sheet1")!;
      sheet.set(0, 0, { bold: true, fill: "#EEEEEE" });
      // the user's own rules, one of them just like ours but on another column
      sheet.rules.push({
        id: "user-1",
        type: "CellValue",
        area: { top: 1, left: 1, rows: 5, columns: 1 },
        operator: "EqualTo",
        formula1: '="Gold"',
        fill: "#000000",
      });
      sheet.rules.push({
        id: "user-2",
        type: "Custom",
        area: { top: 1, left: 0, rows: 5, columns: 3 },
      });
      excel.addSheet("Notes").set(0, 0, { value: "mine" });
      excel.properties.set("Author", "Ana");
      return excel;
    }

    test("segment, re-run with another method, remove: the workbook is exactly as it was", async () => {
      const excel = withUserThings();
      const before = picture(excel);
      const port = portOn(excel);
      await segmentWith(port, "value");
      await segmentWith(port, "abc");
      const sheet = excel.sheet("Sheet1")!;
      expect(sheet.values({ top: 0, left: 3, rows: 1, columns: 3 })).toEqual([
        ["Share of value above", "ABC class", null],
      ]);
      expect(sheet.rules.filter((r) => r.id.startsWith("user"))).toHaveLength(2);
      expect(sheet.rules.filter((r) => !r.id.startsWith("user")).map((r) => r.formula1)).toEqual(
        expect.arrayContaining(['="A"', '="B"', '="C"'])
      );
      // the user's rules keep their place in the order
      expect(sheet.rules.map((r) => r.id).filter((id) => id.startsWith("user"))).toEqual([
        "user-1",
        "user-2",
      ]);
      expect(sheet.rules).toHaveLength(5);
      expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "Notes", "Customer segments"]);
      expect(excel.sheet("Customer segments")!.charts).toHaveLength(1);
      expect(await recordsOf(port)).toHaveLength(1);

      const [record] = await recordsOf(port);
      await port.remove(record);
      expect(picture(excel)).toBe(before);
    });

    test("a re-run builds its sheets anew beside the old ones; the old ones go last, outside the undo group", async () => {
      const rows: CellValue[][] = [["Customer", "Date", "Amount"]];
      ["Ana", "Bo", "Chen", "Dara"].forEach((name, i) => {
        for (let k = 0; k <= i; k++) rows.push([name, 45_300 + 20 * k + i, 10 * (i + 1)]);
      });
      const excel = workbook("Orders", rows);
      const before = picture(excel);
      const port = portOn(excel);
      await segmentWith(port, "rfm", "en-US", {}, true);
      const first = excel.visibleState();
      const batches = await batchesOf(excel, () => segmentWith(port, "rfm", "en-US", {}, true));
      const deletions = batches.flatMap((b, i) =>
        b.operations
          .filter((op) => /^worksheets\[[^\]]*\]$/.test(op.target) && op.action === "delete()")
          .map(() => i)
      );
      // both old sheets, in the write's very last sync, in a run without undo grouping
      expect(deletions).toEqual([batches.length - 1, batches.length - 1]);
      expect(excel.runs[batches[batches.length - 1].run].options?.mergeUndoGroup).toBeFalsy();
      expect(excel.sheets.map((s) => s.name)).toEqual([
        "Orders",
        "RFM customers",
        "Customer segments",
      ]);
      // the same data gives the same sheets
      expect(excel.visibleState()).toEqual(first);
      expect(excel.sheet("RFM customers")!.frozenRows).toBe(1);
      expect(excel.sheet("Customer segments")!.charts).toHaveLength(1);
      await port.remove((await recordsOf(port))[0]);
      expect(picture(excel)).toBe(before);
    });

    test("a sheet the new plan no longer writes is deleted at the end, outside the undo group", async () => {
      const rows: CellValue[][] = [["Customer", "Date", "Amount", "Sales"]];
      ["Ana", "Bo", "Chen", "Dara"].forEach((name, i) =>
        rows.push([name, 45_300 + i, 10 * (i + 1), 100 * (i + 1)])
      );
      const excel = workbook("Orders", rows);
      const before = picture(excel);
      const port = portOn(excel);
      await segmentWith(port, "rfm", "en-US", {}, true);
      await segmentWith(port, "pyramid");
      expect(excel.sheets.map((s) => s.name)).toEqual(["Orders", "Customer segments"]);
      const deleting = excel.journal.find((b) =>
        b.operations.some(
          (op) => op.target === "worksheets[RFM customers]" && op.action === "delete()"
        )
      )!;
      expect(excel.runs[deleting.run].options?.mergeUndoGroup).toBeFalsy();
      expect(deleting).toBe(excel.journal[excel.journal.length - 1]);
      await port.remove((await recordsOf(port))[0]);
      expect(picture(excel)).toBe(before);
    });
  });
  describe("a workbook that changed between reading and writing", () => {
    test("a sheet of the summary's name added meanwhile is not overwritten, and is named", async () => {
      const excel = workbook("Sheet1", fiveCustomers());
      const port = portOn(excel);
      const plan = await planOn(port, "value");
      excel.addSheet("Customer segments").set(0, 0, { value: "someone else's" });
      const before = picture(excel);
      await expect(port.apply(plan)).rejects.toEqual(
        new WorkbookChanged("sheetExists", "Customer segments")
      );
      expect(picture(excel)).toBe(before);
    });
  });
  describe("reading", () => {
    test("the Excel table around a selected cell, without its total row; empty cells as null, errors as text", async () => {
      const rows = fiveCustomers();
      rows[2][2] = "";
      rows[3][1] = "#N/A";
      rows.push(["Total", 2785, null]);
      for (const version of ["1.20", "1.8"]) {
        const excel = workbook("Data", rows);
        excel.apiVersion = version;
        excel.addTable("Data", "Customers", { top: 0, left: 0, rows: 7, columns: 3 }, true);
        excel.sheet("Data")!.set(10, 0, { value: "far away" });
        excel.selection = { sheet: "Data", area: { top: 3, left: 2, rows: 1, columns: 1 } };
        const read = await portOn(excel).readTable();
        expect(read).toEqual({
          sheet: "Data",
          area: { top: 0, left: 0, rows: 6, columns: 3 },
          tableName: "Customers",
          values: [
            ["Customer", "Current value", "Growth potential"],
            ["Ana", 1520, 200],
            ["Bo", 640, null],
            ["Chen", "#N/A", 50],
            ["Dara", 180, 700],
            ["Eli", 35, 10],
          ],
        });
      }
    });

    test("a selected range as it is; a single cell outside tables by its region; whole columns by their used cells", async () => {
      const excel = workbook("Sheet1", fiveCustomers());
      excel.sheet("Sheet1")!.set(20, 5, { value: "elsewhere" });
      const port = portOn(excel);
      excel.selection.area = { top: 1, left: 0, rows: 2, columns: 2 };
      expect((await port.readTable()).values).toEqual([
        ["Ana", 1520],
        ["Bo", 640],
      ]);
      excel.selection.area = { top: 4, left: 1, rows: 1, columns: 1 };
      expect((await port.readTable()).area).toEqual({ top: 0, left: 0, rows: 6, columns: 3 });
      // columns A:C clicked by their headers: the cells in use, not a million empty rows
      excel.selection.area = { top: 0, left: 0, rows: 1_048_576, columns: 3 };
      expect((await port.readTable()).area).toEqual({ top: 0, left: 0, rows: 6, columns: 3 });
    });

    test("isBlank in one sync, without reading values; sheet names", async () => {
      const excel = workbook("Sheet1", fiveCustomers());
      excel.sheet("Sheet1")!.set(3, 4, { value: null, bold: true });
      const port = portOn(excel);
      const batches = await batchesOf(excel, async () => {
        expect(await port.isBlank("Sheet1", { top: 0, left: 3, rows: 6, columns: 2 })).toBe(true);
        expect(await port.isBlank("Sheet1", { top: 0, left: 2, rows: 6, columns: 2 })).toBe(false);
      });
      expect(batches).toHaveLength(2);
      expect(batches.flatMap((b) => b.operations).some((op) => op.action.includes("values"))).toBe(
        false
      );
      excel.addSheet("Notes");
      expect(await port.sheetNames()).toEqual(["Sheet1", "Notes"]);
    });
  });
});

describe("syncs and payload sizes", () => {
  async function readSyncs(rows: number) {
    const excel = MockExcel.withTable("Sheet1", bigTable(rows));
    const port = portOn(excel);
    let read: CellValue[][] = [];
    const batches = await batchesOf(excel, async () => (read = (await port.readTable()).values));
    return { excel, batches, read };
  }

  async function applySyncs(rows: number) {
    const excel = MockExcel.withTable("Sheet1", bigTable(rows));
    const port = portOn(excel);
    const plan = await planOn(port, "value");
    const batches = await batchesOf(excel, () => port.apply(plan));
    return { excel, batches, plan };
  }

  test("reading: the same syncs for 100 and 20,000 rows, one more per 20,000-row block beyond", async () => {
    const small = await readSyncs(100);
    const limit = await readSyncs(20_000);
    const large = await readSyncs(100_000);
    expect(small.batches).toHaveLength(2);
    expect(limit.batches).toHaveLength(small.batches.length);
    expect(large.batches).toHaveLength(small.batches.length + 4);
    expect(large.read).toEqual(bigTable(100_000));
    const blocks = large.batches
      .slice(1)
      .map((b) => b.operations.find((op) => op.action === "load values")!.target);
    expect(blocks.map(rowsOf)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000]);
  }, 60_000);

  test("writing: the same syncs for 100 and 20,000 rows, one more per 20,000-row block beyond", async () => {
    const small = await applySyncs(100);
    const limit = await applySyncs(20_000);
    const large = await applySyncs(100_000);
    // the store and sheets, the rules and cells before (the before-image), the mark, the write
    expect(small.batches.length).toBeLessThanOrEqual(7);
    expect(limit.batches).toHaveLength(small.batches.length);
    // 4 more blocks written, and the before-image of 100,000 rows read in blocks too
    const beforeBlocks = (batches: readonly Batch[]) =>
      batches.filter((b) => b.operations.some((op) => op.action === "load formulas,numberFormat"))
        .length;
    expect(beforeBlocks(small.batches)).toBe(1);
    expect(large.batches).toHaveLength(small.batches.length + 4 + beforeBlocks(large.batches) - 1);
    const tiers = large.excel
      .sheet("Sheet1")!
      .values({ top: 1, left: 3, rows: 99_999, columns: 1 })
      .flat();
    const planned = large.plan.columns!.values.slice(1).map((row) => row[0]);
    expect(tiers).toEqual(planned);
    expect(valueWrites(large.batches).every((op) => op.bytes < BLOCK_BYTES)).toBe(true);
  }, 120_000);

  test("no batch over 5 MB: reading 100,000 rows of 10 columns", async () => {
    const rows: CellValue[][] = [Array.from({ length: 10 }, (_, c) => `Column ${c + 1}`)];
    for (let r = 1; r < 100_000; r++) {
      rows.push(
        Array.from({ length: 10 }, (_, c) =>
          c % 3 === 0 ? `customer ${r} of a rather long name ${c}` : r * 1.000_001 + c
        )
      );
    }
    const excel = MockExcel.withTable("Sheet1", rows);
    excel.selection.area = { top: 0, left: 0, rows: 100_000, columns: 10 };
    const read = await portOn(excel).readTable();
    expect(read.values).toEqual(rows);
    expect(excel.journal.every((b) => !b.error)).toBe(true);
    expect(excel.largestBatch()).toBeLessThan(FIVE_MB);
    expect(excel.journal.length).toBeGreaterThan(6);
  }, 60_000);

  test("no batch over 5 MB: writing a wide RFM customers sheet, cut by size before 20,000 rows", async () => {
    const rows: CellValue[][] = [["Customer", "Date", "Amount"]];
    const name = (i: number) =>
      `Customer ${i} — ${"a name long enough to make the rows heavy ".repeat(4)}`;
    for (let i = 0; i < 40_000; i++) {
      rows.push([name(i), 45_000 + (i % 700), 10 + (i % 97)]);
      if (i % 3 === 0) rows.push([name(i), 45_100 + (i % 500), 5 + (i % 13)]);
    }
    const excel = MockExcel.withTable("Orders", rows);
    const port = portOn(excel);
    const plan = await planOn(port, "rfm", {}, true);
    const batches = await batchesOf(excel, () => port.apply(plan));
    expect(batches.every((b) => !b.error)).toBe(true);
    expect(Math.max(...batches.map((b) => b.bytes))).toBeLessThan(FIVE_MB);
    const pieces = valueWrites(batches).filter((op) =>
      op.target.startsWith("worksheets[RFM customers]")
    );
    expect(pieces.length).toBeGreaterThan(2);
    expect(Math.max(...pieces.map((op) => rowsOf(op.target)))).toBeLessThan(MAX_BLOCK_ROWS);
    const sheet = excel.sheet("RFM customers")!;
    expect(sheet.usedArea()).toEqual({ top: 0, left: 0, rows: 40_001, columns: 14 });
    expect(sheet.value(40_000, 0)).toBe(plan.sheets[0].blocks[1].values[39_999][0]);
  }, 120_000);

  test("a block Excel refuses as too large is sent again once, in two halves", async () => {
    const excel = MockExcel.withTable("Sheet1", bigTable(20_000));
    const port = portOn(excel);
    const plan = await planOn(port, "value");
    const probe = MockExcel.withTable("Sheet1", bigTable(20_000));
    const probePort = portOn(probe);
    const probePlan = await planOn(probePort, "value");
    const measured = await batchesOf(probe, () => probePort.apply(probePlan));
    const largest = Math.max(...measured.map((b) => b.writtenBytes));
    excel.payloadLimit = Math.floor(largest * 0.75);
    const batches = await batchesOf(excel, () => port.apply(plan));
    // the write's block, refused once; reads of the before-image are asked again smaller
    const refused = batches.filter((b) => b.error);
    expect(refused.filter((b) => b.error === "RequestPayloadSizeLimitExceeded")).toHaveLength(1);
    expect(refused.every((b) => b.error?.endsWith("PayloadSizeLimitExceeded"))).toBe(true);
    expect(column(excel.sheet("Sheet1")!, 3, 1, 19_999)).toEqual(
      plan.columns!.values.slice(1).map((row) => row[0])
    );
  }, 60_000);

  test("a read Excel refuses as too large is asked again with half the rows", async () => {
    const excel = MockExcel.withTable("Sheet1", bigTable(20_000));
    excel.payloadLimit = 300_000;
    const read = await portOn(excel).readTable();
    expect(read.values).toEqual(bigTable(20_000));
    expect(excel.journal.some((b) => b.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(excel.journal.filter((b) => !b.error).every((b) => b.bytes <= 300_000)).toBe(true);
  });
});

describe("undo, calculation and cancel", () => {
  test("one undo group only where ExcelApi 1.20 is there, asked with the version as a string", async () => {
    for (const [version, merged] of [
      ["1.20", true],
      ["1.19", false],
    ] as const) {
      const excel = MockExcel.withTable("Sheet1", fiveCustomers());
      excel.apiVersion = version;
      const port = portOn(excel);
      await segmentWith(port, "value");
      const options = excel.runs.map((r) => r.options);
      expect(options.filter((o) => o?.mergeUndoGroup)).toHaveLength(merged ? 1 : 0);
      expect(excel.requirementQueries).toContainEqual({ name: "ExcelApi", version: "1.20" });
      const runs = excel.runs.length;
      await port.remove((await recordsOf(port))[0]);
      expect(excel.runs.slice(runs).some((r) => r.options?.mergeUndoGroup)).toBe(false);
    }
  });

  test("calculation is suspended before every sync that writes", async () => {
    const excel = MockExcel.withTable("Sheet1", bigTable(45_000));
    excel.addSheet("Notes");
    const port = portOn(excel);
    await segmentWith(port, "value");
    await segmentWith(port, "abc");
    const controller = new AbortController();
    const plan = await planOn(port, "pyramid");
    await expect(
      port.apply(plan, { signal: controller.signal, onProgress: () => controller.abort() })
    ).rejects.toBeInstanceOf(Cancelled);
    const writing = excel.journal.filter((b) => b.operations.some((op) => op.writes));
    expect(writing.length).toBeGreaterThan(8);
    for (const batch of writing) {
      const suspend = batch.operations.findIndex(
        (op) => op.action === "suspendApiCalculationUntilNextSync"
      );
      expect(suspend).toBeGreaterThanOrEqual(0);
      expect(suspend).toBeLessThan(batch.operations.findIndex((op) => op.writes));
    }
  }, 60_000);

  test("a cancel between blocks leaves nothing of the run", async () => {
    const excel = MockExcel.withTable("Sheet1", bigTable(60_000));
    const before = picture(excel);
    const port = portOn(excel);
    const plan = await planOn(port, "value");
    const controller = new AbortController();
    const progress: [number, number][] = [];
    const onProgress = (done: number, total: number) => {
      progress.push([done, total]);
      if (done === 1) controller.abort();
    };
    await expect(
      port.apply(plan, { signal: controller.signal, onProgress })
    ).rejects.toBeInstanceOf(Cancelled);
    expect(progress).toEqual([[1, 3]]);
    expect(picture(excel)).toBe(before);
    expect(await port.loadRecords()).toEqual({ records: [], unfinished: [], damaged: [] });
  }, 60_000);

  test("a cancelled re-run puts the earlier run back as it was", async () => {
    const excel = MockExcel.withTable("Sheet1", bigTable(60_000));
    excel.addSheet("Notes").set(0, 0, { value: "mine" });
    const port = portOn(excel);
    await segmentWith(port, "value");
    const before = picture(excel);
    const plan = await planOn(port, "abc");
    const controller = new AbortController();
    await expect(
      port.apply(plan, { signal: controller.signal, onProgress: () => controller.abort() })
    ).rejects.toBeInstanceOf(Cancelled);
    expect(picture(excel)).toBe(before);
  }, 60_000);

  test("reading can be cancelled between blocks", async () => {
    const excel = MockExcel.withTable("Sheet1", bigTable(60_000));
    const controller = new AbortController();
    await expect(
      portOn(excel).readTable({ signal: controller.signal, onProgress: () => controller.abort() })
    ).rejects.toBeInstanceOf(Cancelled);
    expect(excel.syncs()).toBe(2);
  });
});

describe("pieces of the adapter", () => {
  test("blocks stay under 20,000 rows and the byte budget", () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [`row ${i}`, i]);
    const pieces = cutIntoPieces(rows);
    expect(pieces.map((p) => p.end - p.start)).toEqual([20_000, 20_000, 10_000]);
    const heavy = Array.from({ length: 1_000 }, () => ["x".repeat(10_000)]);
    const cut = cutIntoPieces(heavy);
    expect(cut.every((p) => p.bytes <= BLOCK_BYTES)).toBe(true);
    expect(cut.reduce((n, p) => n + p.end - p.start, 0)).toBe(1_000);
    // a multi-byte character counts as the bytes it takes
    expect(cutIntoPieces([["漢".repeat(10)]])[0].bytes).toBe(2 + 30 + 4 + 1);
  });

  test("a refused batch splits into two halves of its rows", () => {
    const steps = valueSteps(
      "S",
      0,
      0,
      Array.from({ length: 9 }, (_, i) => [i])
    );
    const [first, second] = halve(steps)!;
    expect(first.flatMap((s) => (s.kind === "values" ? s.values : []))).toEqual([
      [0],
      [1],
      [2],
      [3],
      [4],
    ]);
    expect(
      second.flatMap((s) => (s.kind === "values" ? [s.area.top, s.values.length] : []))
    ).toEqual([5, 4]);
    expect(halve(valueSteps("S", 0, 0, [[1]]))).toBeUndefined();
  });

  test("a rule is ours only with our label, operator and column", () => {
    expect(tierFormula('Say "hi"')).toBe('="Say ""hi"""');
    expect(labelOfFormula(tierFormula('Say "hi"'))).toBe('Say "hi"');
    const written = { area: { top: 1, left: 3, rows: 5, columns: 1 }, labels: ["Gold", "Silver"] };
    const ours = {
      type: "CellValue",
      operator: "EqualTo",
      formula1: '="Gold"',
      area: { top: 1, left: 3, rows: 6, columns: 1 },
    };
    expect(isOurRule(ours, written)).toBe(true);
    expect(isOurRule({ ...ours, formula1: '="Golden"' }, written)).toBe(false);
    expect(isOurRule({ ...ours, operator: "NotEqualTo" }, written)).toBe(false);
    expect(isOurRule({ ...ours, area: { top: 1, left: 2, rows: 5, columns: 1 } }, written)).toBe(
      false
    );
    expect(isOurRule({ ...ours, area: undefined }, written)).toBe(false);
  });

  test("table columns: ours by place and header, even when Excel numbered the header", () => {
    const table = {
      name: "T",
      left: 2,
      columns: ["Customer", "Value", "ABC class", "Share", "ABC class2"].map((name, index) => ({
        name,
        index,
      })),
    };
    // the user's own "ABC class" is column 2; ours, numbered by Excel in an old record, is 4
    expect(
      ownColumnIndexes(table, {
        area: { top: 0, left: 5, rows: 6, columns: 2 },
        headers: ["Share", "ABC class"],
      })
    ).toEqual([4, 3]);
  });

  test("new table columns get headers no column of the table has, compared without case", () => {
    expect(
      uniqueHeaders(["ABC class", "Share"], ["Customer", "abc CLASS", "ABC class (2)"])
    ).toEqual(["ABC class (3)", "Share"]);
    expect(uniqueHeaders(["Tier", "Tier"], [])).toEqual(["Tier", "Tier (2)"]);
  });
});

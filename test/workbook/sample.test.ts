import { readFileSync } from "fs";
import { resolve } from "path";
import Papa from "papaparse";
import { guessRoles, splitHeader } from "../../src/engine";
import { LOCALES } from "../../src/i18n/locale";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory";
import { MAX_SHEET_NAME, uniqueSheetName } from "../../src/workbook/newSheet";
import { OfficeWorkbookPort } from "../../src/workbook/office";
import { sampleRows, sampleSheet } from "../../src/workbook/sample";
import SAMPLE_CUSTOMERS_CSV from "../../assets/sample-customers.csv";
import { type NewSheet, SheetNotAdded, type WorkbookPort } from "../../src/workbook/types";
import { MockExcel, MockOfficeError, type Operation } from "../support/excelMock";
import { fiveCustomers } from "../support/customers";

const CSV_FILE = resolve(__dirname, "../../assets/sample-customers.csv");
const WHOLE_SAMPLE = { top: 0, left: 0, rows: 252, columns: 6 };

function portOn(excel: MockExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort(excel.run, excel.isSetSupported);
}

/** Everything a user could see of the mock workbook, to compare before and after. */
function picture(excel: MockExcel): string {
  return JSON.stringify({
    sheets: excel.sheets.map((sheet) => ({
      name: sheet.name,
      cells: [...sheet.cells].map(([r, line]) => [r, [...line]]),
      widths: [...sheet.columnWidths],
    })),
    selection: excel.selection,
  });
}

/** Every cell of a new sheet as a value, for comparing what the two adapters wrote. */
const everyValue = (values: (r: number, c: number) => unknown) =>
  Array.from({ length: WHOLE_SAMPLE.rows }, (_, r) =>
    Array.from({ length: WHOLE_SAMPLE.columns }, (_, c) => values(r, c))
  );

describe("the sample customers", () => {
  test("are the CSV the preview opens, bundled as it is", () => {
    expect(SAMPLE_CUSTOMERS_CSV).toBe(readFileSync(CSV_FILE, "utf8"));
  });

  test("read as 251 customers; ids stay text, every other cell is the number the CSV holds", () => {
    const rows = sampleRows();
    const parsed = Papa.parse<string[]>(readFileSync(CSV_FILE, "utf8"), {
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(252);
    expect(rows[0]).toEqual(parsed[0]);
    for (let r = 1; r < rows.length; r++) {
      expect(rows[r][0]).toBe(parsed[r][0]);
      expect(rows[r][0]).toMatch(/^C\d{5}$/);
      for (let c = 1; c < 6; c++) {
        expect(typeof rows[r][c]).toBe("number");
        expect(rows[r][c]).toBe(Number(parsed[r][c]));
      }
    }
  });

  test("in English keep the CSV's header; in Chinese the pane finds the same columns", () => {
    const english = sampleSheet("en-US");
    expect(english.name).toBe("Sample customers");
    expect(english.values[0]).toEqual(sampleRows()[0]);
    const roles = guessRoles(splitHeader(english.values));
    expect(roles).toEqual({
      customerId: 0,
      recency: 1,
      frequency: 2,
      monetary: 3,
      currentValue: 4,
      growthPotential: 5,
    });
    for (const locale of LOCALES) {
      const sheet = sampleSheet(locale);
      expect(sheet.values.slice(1)).toEqual(english.values.slice(1));
      expect(sheet.values[0]).toHaveLength(6);
      expect(guessRoles(splitHeader(sheet.values))).toEqual(roles);
      expect(sheet.numberFormats).toEqual([
        undefined,
        undefined,
        undefined,
        "#,##0.00",
        "#,##0.00",
        "#,##0.00",
      ]);
    }
    expect(sampleSheet("zh-CN").name).toBe("示例客户");
    expect(sampleSheet("zh-CN").values[0]).toEqual([
      "客户",
      "最近购买（天）",
      "购买次数",
      "消费金额（美元）",
      "当前价值（美元）",
      "增值潜力（美元）",
    ]);
    expect(sampleSheet("zh-TW").name).toBe("範例客戶");
  });
});

describe("a free sheet name", () => {
  test("the name itself, else numbered as Excel numbers a copy, without regard to case", () => {
    expect(uniqueSheetName("Sample customers", ["Sheet1"])).toBe("Sample customers");
    expect(uniqueSheetName("Sample customers", ["SAMPLE CUSTOMERS"])).toBe("Sample customers (2)");
    expect(uniqueSheetName("Sample customers", ["Sample customers", "sample customers (2)"])).toBe(
      "Sample customers (3)"
    );
    expect(uniqueSheetName("示例客户", ["示例客户"])).toBe("示例客户 (2)");
  });

  test("never longer than 31 characters: a long name is cut before its number", () => {
    const long = "A very long name for a sample sheet";
    const first = uniqueSheetName(long, []);
    expect(first).toHaveLength(MAX_SHEET_NAME);
    const second = uniqueSheetName(long, [first]);
    expect(second).toBe("A very long name for a samp (2)");
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });
});

describe("the Excel model refuses what Excel refuses", () => {
  test("a second sheet of a name, in any case, and names Excel does not allow", async () => {
    const excel = MockExcel.withTable("Sheet1", [["x"]]);
    const add = (name: string) =>
      excel.run(undefined, async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
    await expect(add("SHEET1")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    for (const name of ["x".repeat(32), "a/b", "'quoted'", "History", ""])
      await expect(add(name)).rejects.toMatchObject({ code: "InvalidArgument" });
    await add("x".repeat(31));
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "x".repeat(31)]);
  });
});

/** Operations that Excel can undo: reads, a new sheet, values, formats, activation, selection. */
const UNDOABLE =
  /^(load .*|load items .*|isNullObject|suspendApiCalculationUntilNextSync|add\(.*\)|values|numberFormat|format\.font\.bold|format\.columnWidth|activate\(\)|select\(\))$/;

describe("the Office adapter inserts the sample", () => {
  test("on a new sheet, numbers as numbers, header bold, then the sheet active and the table selected, in three syncs", async () => {
    const excel = MockExcel.withTable("Sheet1", fiveCustomers());
    const user = excel.sheet("Sheet1")!;
    const before = JSON.stringify([...user.cells]);
    const port = portOn(excel);
    const start = excel.journal.length;
    const inserted = await port.insertSheet(sampleSheet("en-US"));
    const batches = excel.journal.slice(start);

    expect(inserted).toEqual({ sheet: "Sample customers", area: WHOLE_SAMPLE });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sample customers"]);
    const sheet = excel.sheet("Sample customers")!;
    expect(sheet.values(WHOLE_SAMPLE)).toEqual(sampleRows());
    expect(everyValue((r, c) => sheet.cell(r, c)?.quotePrefix ?? false).flat()).not.toContain(true);
    expect(everyValue((r, c) => sheet.cell(r, c)?.bold ?? false)[0]).toEqual(Array(6).fill(true));
    expect(sheet.cell(1, 0)?.bold).toBeUndefined();
    expect(sheet.cell(1, 3)?.numberFormat).toBe("#,##0.00");
    expect(sheet.cell(251, 5)?.numberFormat).toBe("#,##0.00");
    expect(sheet.cell(0, 3)?.numberFormat).toBeUndefined();
    expect(sheet.cell(1, 1)?.numberFormat).toBeUndefined();
    expect(sheet.columnWidths.get(5)).toBe((sampleSheet("en-US").columnWidths![5] ?? 0) * 7);
    expect(excel.selection).toEqual({ sheet: "Sample customers", area: WHOLE_SAMPLE });

    expect(batches).toHaveLength(3);
    expect(batches.every((b) => !b.error)).toBe(true);
    const operations = batches.flatMap((b) => b.operations);
    expect(operations.filter((op) => !UNDOABLE.test(op.action))).toEqual([]);
    // the values go as one block, then the sheet is activated and the table selected
    expect(operations.filter((op) => op.action === "values")).toHaveLength(1);
    const actions = operations.map((op) => op.action);
    expect(actions.indexOf("activate()")).toBeLessThan(actions.indexOf("select()"));
    expect(actions.indexOf("values")).toBeLessThan(actions.indexOf("activate()"));
    // the user's sheet is as it was
    expect(JSON.stringify([...user.cells])).toBe(before);

    // and the pane reads it as any table
    const read = await port.readTable();
    expect(read.sheet).toBe("Sample customers");
    expect(read.area).toEqual(WHOLE_SAMPLE);
    expect(read.values).toEqual(sampleRows());
  });

  test("one undo step where ExcelApi 1.20 merges it; at the 1.7 floor it works the same", async () => {
    for (const [version, merged] of [
      ["1.20", true],
      ["1.7", false],
    ] as const) {
      const excel = MockExcel.withTable("Sheet1", [[null]]);
      excel.apiVersion = version;
      await portOn(excel).insertSheet(sampleSheet("en-US"));
      expect(excel.runs.map((r) => Boolean(r.options?.mergeUndoGroup))).toEqual([merged]);
      expect(excel.sheet("Sample customers")!.values(WHOLE_SAMPLE)).toEqual(sampleRows());
    }
  });

  test("never over a sheet of the user's: a second insert, or a sheet of that name in any case, gets a numbered name", async () => {
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    excel.addSheet("SAMPLE CUSTOMERS").set(0, 0, { value: "mine" });
    const port = portOn(excel);
    expect((await port.insertSheet(sampleSheet("en-US"))).sheet).toBe("Sample customers (2)");
    expect((await port.insertSheet(sampleSheet("en-US"))).sheet).toBe("Sample customers (3)");
    expect(
      excel.sheet("SAMPLE CUSTOMERS")!.values({ top: 0, left: 0, rows: 2, columns: 2 })
    ).toEqual([
      ["mine", null],
      [null, null],
    ]);
    expect(excel.selection.sheet).toBe("Sample customers (3)");
    expect(excel.journal.flatMap((b) => b.operations).some((op) => op.action === "delete()")).toBe(
      false
    );
  });

  test("a sheet of the name added by someone else meanwhile is left alone, and nothing is claimed", async () => {
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    // the user adds the sheet between the adapter's look at the names and its add
    excel.failWhen = (op: Operation) => {
      if (op.action === "add(Sample customers)" && !excel.sheet("Sample customers"))
        excel.addSheet("Sample customers").set(0, 0, { value: "someone else's" });
      return undefined;
    };
    const before = picture(excel);
    const error = await portOn(excel)
      .insertSheet(sampleSheet("en-US"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetNotAdded);
    expect(error).toMatchObject({ sheet: "Sample customers", leftBehind: false });
    expect((error as SheetNotAdded).reason).toMatch(/ItemAlreadyExists/);
    expect(excel.sheet("Sample customers")!.value(0, 0)).toBe("someone else's");
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sample customers"]);
    expect(JSON.parse(picture(excel)).selection).toEqual(JSON.parse(before).selection);
    expect(excel.journal.flatMap((b) => b.operations).some((op) => op.action === "delete()")).toBe(
      false
    );
  });

  test("a sync that fails after the sheet was added takes the sheet away: nothing half-written is left", async () => {
    for (const failing of ["values", "numberFormat", "select()"]) {
      const excel = MockExcel.withTable("Sheet1", fiveCustomers());
      excel.failWhen = (op) =>
        op.action === failing
          ? new MockOfficeError("GeneralException", "the host gave up")
          : undefined;
      const before = picture(excel);
      const error = await portOn(excel)
        .insertSheet(sampleSheet("en-US"))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SheetNotAdded);
      expect(error).toMatchObject({ sheet: "Sample customers", leftBehind: false });
      expect((error as SheetNotAdded).reason).toBe("GeneralException: the host gave up");
      expect(picture(excel)).toBe(before);
      // it was there, and was taken away
      const actions = excel.journal.flatMap((b) => b.operations.map((op) => op.action));
      expect(actions).toContain("add(Sample customers)");
      expect(actions).toContain("delete()");
    }
  });

  test("when taking it away fails too, the error says the sheet may be left", async () => {
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    excel.failWhen = (op) =>
      op.action === "values" || op.action === "delete()"
        ? new MockOfficeError("GeneralException", "offline")
        : undefined;
    await expect(portOn(excel).insertSheet(sampleSheet("en-US"))).rejects.toMatchObject({
      name: "SheetNotAdded",
      sheet: "Sample customers",
      leftBehind: true,
    });
  });

  test("a failure before anything was added leaves the workbook as it was", async () => {
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    excel.failWhen = (op) =>
      op.action.startsWith("load items")
        ? new MockOfficeError("GeneralException", "busy")
        : undefined;
    const before = picture(excel);
    await expect(portOn(excel).insertSheet(sampleSheet("en-US"))).rejects.toMatchObject({
      leftBehind: false,
    });
    expect(picture(excel)).toBe(before);
  });

  test("a short row is written out with empty cells", async () => {
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    const content: NewSheet = { name: "Ragged", values: [["a", "b", "c"], [1]] };
    const inserted = await portOn(excel).insertSheet(content);
    expect(inserted.area).toEqual({ top: 0, left: 0, rows: 2, columns: 3 });
    expect(excel.sheet("Ragged")!.values(inserted.area)).toEqual([
      ["a", "b", "c"],
      [1, null, null],
    ]);
  });
});

describe("the in-memory adapter inserts the sample", () => {
  test("as Excel would: a new sheet, numbers, bold header, formats and widths, the table selected", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
    const port = new MemoryWorkbookPort(workbook);
    const content = sampleSheet("zh-TW");
    const inserted = await port.insertSheet(content);
    expect(inserted).toEqual({ sheet: "範例客戶", area: WHOLE_SAMPLE });
    const sheet = workbook.sheet("範例客戶")!;
    expect(sheet.values(WHOLE_SAMPLE)).toEqual(content.values);
    expect(sheet.cell(0, 2)?.bold).toBe(true);
    expect(sheet.cell(1, 2)?.bold).toBeUndefined();
    expect(sheet.cell(1, 4)?.numberFormat).toBe("#,##0.00");
    expect(sheet.cell(1, 1)?.numberFormat).toBeUndefined();
    expect(sheet.columnWidths).toEqual(content.columnWidths);
    expect(workbook.selection).toEqual({ sheet: "範例客戶", area: WHOLE_SAMPLE });
    expect(workbook.sheet("Sheet1")!.values({ top: 0, left: 0, rows: 6, columns: 3 })).toEqual(
      fiveCustomers()
    );
    expect((await port.readTable()).values).toEqual(content.values);
  });

  test("a second insert gets a numbered name, as in Excel", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", [[null]]);
    const port: WorkbookPort = new MemoryWorkbookPort(workbook);
    await port.insertSheet(sampleSheet("en-US"));
    await port.insertSheet(sampleSheet("en-US"));
    expect(await port.sheetNames()).toEqual(["Sheet1", "Sample customers", "Sample customers (2)"]);
  });

  test("both adapters write the same cells", async () => {
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    const workbook = MemoryWorkbook.withTable("Sheet1", [[null]]);
    await portOn(excel).insertSheet(sampleSheet("zh-CN"));
    await new MemoryWorkbookPort(workbook).insertSheet(sampleSheet("zh-CN"));
    const inExcel = excel.sheet("示例客户")!;
    const inMemory = workbook.sheet("示例客户")!;
    const cells = (
      cell: (
        r: number,
        c: number
      ) => { value: unknown; bold?: boolean; numberFormat?: string } | undefined
    ) =>
      everyValue((r, c) => {
        const found = cell(r, c);
        return [found?.value, Boolean(found?.bold), found?.numberFormat ?? "General"];
      });
    expect(cells((r, c) => inExcel.cell(r, c))).toEqual(cells((r, c) => inMemory.cell(r, c)));
  });
});

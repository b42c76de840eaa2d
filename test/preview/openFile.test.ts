import { UnreadableFile, openFile, sheetNameOf } from "../../src/preview/openFile";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { workbookToXlsx } from "../../src/workbook/xlsx/write";

const csv = (text: string, encoding: "utf8" | "latin1" = "utf8") =>
  new Blob([Buffer.from(text, encoding)]);

test("plain numbers in a CSV become numbers; ids, formatted numbers and formulas stay text", async () => {
  const workbook = await openFile(
    csv('Customer;Sales;Code\n=1+2;1234.5;007\nBeta;"1,234.50";-3e2\n'),
    "customers.csv"
  );
  const sheet = workbook.sheets[0];
  expect(sheet.name).toBe("customers");
  expect(sheet.values({ top: 0, left: 0, rows: 3, columns: 3 })).toEqual([
    ["Customer", "Sales", "Code"],
    ["=1+2", 1234.5, "007"],
    ["Beta", "1,234.50", -300],
  ]);
  expect(workbook.selection).toEqual({
    sheet: "customers",
    area: { top: 0, left: 0, rows: 1, columns: 1 },
  });
});

test("a Windows-1252 CSV (an old Excel export) is read, not garbled", async () => {
  const workbook = await openFile(csv("Kunde,Umsatz\nMüller,12\n", "latin1"), "k.csv");
  expect(workbook.sheets[0].value(1, 0)).toBe("Müller");
});

test("an XLSX keeps its sheets, numbers and dates (as date serials with a date format)", async () => {
  const source = new MemoryWorkbook();
  const customers = source.addSheet("Kunden");
  customers.set(0, 0, { value: "Customer" });
  customers.set(0, 1, { value: "First order" });
  customers.set(1, 0, { value: "Alpha" });
  customers.set(1, 1, { value: 45000, numberFormat: "yyyy-mm-dd" });
  source.addSheet("Notes").set(0, 0, { value: "hello" });
  const bytes = await workbookToXlsx(source);

  const workbook = await openFile(new Blob([bytes as Uint8Array<ArrayBuffer>]), "any name.xlsx");
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Kunden", "Notes"]);
  // 45000 is 2023-03-15 in Excel's calendar
  expect(workbook.sheets[0].cell(1, 1)).toEqual({ value: 45000, numberFormat: "yyyy-mm-dd" });
});

test("an .xls file and an empty file are refused with a reason", async () => {
  const xls = new Blob([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])]);
  await expect(openFile(xls, "old.xls")).rejects.toEqual(new UnreadableFile("xlsNotSupported"));
  await expect(openFile(csv("\n\n"), "empty.csv")).rejects.toEqual(new UnreadableFile("emptyFile"));
});

test("a sheet takes the file's name within Excel's rules", () => {
  expect(sheetNameOf("Q3 [final]: customers?.csv")).toBe("Q3 _final__ customers_");
  expect(sheetNameOf("a".repeat(40) + ".csv")).toHaveLength(31);
  expect(sheetNameOf(".csv")).toBe("Sheet1");
});

test("a number no spreadsheet can hold stays text, so the download stays readable", async () => {
  const workbook = await openFile(csv("Customer,Value\nA,1e400\n"), "big.csv");
  expect(workbook.sheets[0].value(1, 1)).toBe("1e400");
});

test("Excel's Unicode text (UTF-16 with a byte-order mark) is read", async () => {
  const text = "\ufeffCustomer\tValue\r\n客户甲\t12\r\n";
  const workbook = await openFile(new Blob([Buffer.from(text, "utf16le")]), "u.txt");
  expect(workbook.sheets[0].value(1, 0)).toBe("客户甲");
  expect(workbook.sheets[0].value(1, 1)).toBe(12);
});

test("blank lines stay blank rows, and the selection starts at the first cell with data", async () => {
  const workbook = await openFile(csv(",,\n,Customer,Value\n,A,1\n\n,B,2\n"), "gaps.csv");
  const sheet = workbook.sheets[0];
  expect(sheet.value(4, 1)).toBe("B");
  expect(workbook.selection.area).toEqual({ top: 1, left: 1, rows: 1, columns: 1 });
});

import Papa from "papaparse";
import readXlsxFile from "read-excel-file/universal";
import { MemoryWorkbook } from "../workbook/memory";
import type { CellValue } from "../workbook/types";
import { readCustomProperties } from "../workbook/xlsx/properties";

/** Why a file could not be opened, as a key of the preview's strings. */
export class UnreadableFile extends Error {
  constructor(readonly reason: "xlsNotSupported" | "emptyFile") {
    super(reason);
    this.name = "UnreadableFile";
  }
}

const DATE_FORMAT = "yyyy-mm-dd";
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A CSV or XLSX file as an in-memory workbook, told apart by their first bytes (a zip's
 * "PK\3\4"), not by name. XLSX keeps its sheets, numbers and dates (as date serials with a
 * date format, as Excel holds them); CSV text is UTF-8 or, failing that, Windows-1252 (old
 * "Excel CSV" exports, or UTF-16 with a byte-order mark). The selection is the first cell of the first sheet with data, so the pane finds the table.
 * An XLSX the add-in wrote brings its segmentation records along.
 */
export async function openFile(file: Blob, name: string): Promise<MemoryWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new UnreadableFile("xlsNotSupported");
  const workbook = new MemoryWorkbook();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    for (const { sheet, data } of await readXlsxFile(file, { trim: false })) {
      const target = workbook.addSheet(sheet);
      data.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value instanceof Date) {
            target.set(r, c, {
              value: (value.getTime() - EXCEL_EPOCH) / 86_400_000,
              numberFormat: DATE_FORMAT,
            });
          } else if (value !== null && value !== "") {
            target.set(r, c, { value: value as CellValue });
          }
        })
      );
    }
    // the segmentation records, so the pane can re-run or remove what it wrote before
    workbook.properties = readCustomProperties(bytes);
  } else {
    const sheet = workbook.addSheet(sheetNameOf(name));
    csvRows(decodeText(bytes)).forEach((row, r) =>
      row.forEach((text, c) => text !== "" && sheet.set(r, c, { value: numberOrText(text) }))
    );
  }
  const first = workbook.sheets.find((s) => s.usedArea());
  const used = first?.usedArea();
  if (!first || !used) throw new UnreadableFile("emptyFile");
  workbook.selection = {
    sheet: first.name,
    area: { top: used.top, left: used.left, rows: 1, columns: 1 },
  };
  return workbook;
}

function decodeText(bytes: Uint8Array): string {
  // Excel's "Unicode text" is UTF-16 with a byte-order mark
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function csvRows(text: string): string[][] {
  // Papa detects , ; tab or | reliably only without blank lines; then the file is read with
  // its blank lines kept as blank rows, so row numbers in the pane's messages match the file
  // as a spreadsheet shows it.
  const { delimiter } = Papa.parse(text, {
    delimiter: "",
    skipEmptyLines: "greedy",
    preview: 50,
  }).meta;
  return Papa.parse<string[]>(text, { delimiter }).data;
}

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Plain numbers become numbers, as Excel opens a CSV; anything else ("007", "1,234.50",
 * "=1+2") stays text: the engine reads formatted numbers itself, and "007" is an id.
 */
function numberOrText(text: string): CellValue {
  if (!PLAIN_NUMBER.test(text.trim())) return text;
  const value = Number(text);
  // "1e400" is no number a spreadsheet can hold
  return Number.isFinite(value) ? value : text;
}

/** A sheet is named after the file, within Excel's rules (31 characters, no []:*?/\). */
export function sheetNameOf(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, "")
    .replace(/[[\]:*?/\\]/g, "_")
    .trim();
  return (base || "Sheet1").slice(0, 31);
}

import { areaAddress, overlaps } from "../address";
import { type Area, Cancelled, type CellValue, type RunOptions } from "../types";
import { fromExcel, isPayloadTooLarge, jsonBytes, rowsToRead } from "./blocks";
import { areaOf } from "./probe";

/** The area the pane works on, and the Excel table it is, if it is one. */
export interface Located {
  sheet: string;
  area: Area;
  tableName?: string;
}

export interface Capabilities {
  /** Range.getTables (ExcelApi 1.9) */
  rangeTables: boolean;
  /** Range.getSurroundingRegion (ExcelApi 1.7) */
  surroundingRegion: boolean;
}

const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

/**
 * The selection; for a single cell, the Excel table around it or else its region. Whole
 * columns or rows (a click on their headers) shrink to the cells in use, or a million empty
 * rows would be read and written. Everything that might be needed is asked for in the first
 * sync, the table's range in a second.
 */
export async function locateTable(
  context: Excel.RequestContext,
  can: Capabilities
): Promise<Located> {
  const selected = context.workbook.getSelectedRange();
  selected.load("rowIndex,columnIndex,rowCount,columnCount");
  // a navigation property: a proxy object, nothing is read before the sync
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const worksheet = selected.worksheet;
  worksheet.load("name");
  const tables = can.rangeTables ? selected.getTables(false) : worksheet.tables;
  tables.load("items/name,items/showTotals");
  // without getSurroundingRegion (before ExcelApi 1.7) the sheet's used cells stand in for it
  const region = can.surroundingRegion
    ? selected.getSurroundingRegion()
    : worksheet.getUsedRange(true);
  region.load("rowIndex,columnIndex,rowCount,columnCount");
  const used = selected.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();

  const area = areaOf(selected);
  if (area.rows >= SHEET_ROWS || area.columns >= SHEET_COLUMNS) {
    const first = { ...area, rows: 1, columns: 1 };
    return { sheet: worksheet.name, area: used.isNullObject ? first : areaOf(used) };
  }
  if (area.rows > 1 || area.columns > 1) return { sheet: worksheet.name, area };
  const candidates = tables.items.map((table) => {
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { table, range };
  });
  if (candidates.length > 0) await context.sync();
  const hit = candidates.find(({ range }) => overlaps(areaOf(range), area));
  if (!hit) return { sheet: worksheet.name, area: areaOf(region) };
  const whole = areaOf(hit.range);
  // a total row is not a customer
  const rows = whole.rows - (hit.table.showTotals ? 1 : 0);
  return { sheet: worksheet.name, area: { ...whole, rows }, tableName: hit.table.name };
}

/** What a block read can ask of each cell. */
export type CellProperty = "values" | "formulas" | "numberFormat";

/**
 * Properties of every cell of an area, in blocks of at most 20,000 rows and about 4 MB, one
 * sync each; after the first block the size of a row is known and the next blocks are sized by
 * it. Between blocks the run can be cancelled.
 */
export async function readCells(
  context: Excel.RequestContext,
  sheet: string,
  area: Area,
  properties: readonly CellProperty[],
  options: RunOptions = {}
): Promise<Record<CellProperty, unknown[][]>> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const read = async (start: number, rows: number) => {
    const range = worksheet.getRange(areaAddress({ ...area, top: area.top + start, rows }));
    // the properties asked for, named by the caller
    // eslint-disable-next-line office-addins/no-empty-load
    range.load(properties.join(","));
    await context.sync();
    // eslint-disable-next-line office-addins/load-object-before-read -- loaded just above
    return properties.map((name) => range[name] as unknown[][]);
  };
  const result = { values: [], formulas: [], numberFormat: [] } as Record<
    CellProperty,
    unknown[][]
  >;
  let bytesPerRow: number | undefined;
  const cellsPerRow = area.columns * properties.length;
  for (let start = 0; start < area.rows;) {
    if (start > 0 && options.signal?.aborted) throw new Cancelled();
    let rows = Math.min(area.rows - start, rowsToRead(cellsPerRow, bytesPerRow));
    let blocks: unknown[][][] | undefined;
    while (!blocks) {
      try {
        blocks = await read(start, rows);
      } catch (error) {
        // refused as too large: half the rows, until it fits or one row is refused
        if (!isPayloadTooLarge(error) || rows < 2) throw error;
        rows = Math.ceil(rows / 2);
      }
    }
    bytesPerRow = Math.max(bytesPerRow ?? 0, jsonBytes(blocks) / rows);
    properties.forEach((name, i) => result[name].push(...blocks[i]));
    start += rows;
    options.onProgress?.(start, area.rows);
  }
  return result;
}

/** The values of an area, empty cells as null (see readCells). */
export async function readValues(
  context: Excel.RequestContext,
  sheet: string,
  area: Area,
  options: RunOptions = {}
): Promise<CellValue[][]> {
  const { values } = await readCells(context, sheet, area, ["values"], options);
  return values.map((row) => row.map(fromExcel));
}

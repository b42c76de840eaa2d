import {
  type Cell,
  type Language,
  type Position,
  cellProblem,
  classifyCell,
  dayOf,
  invalid,
  objectProblem,
  optionalNumber,
  parseLanguage,
} from "../engine";
import { shownValue } from "./dataTypes";

/**
 * Reading Excel arguments. Excel hands a range as rows of cells and an omitted optional
 * argument as null (TypeScript defaults never apply). Every reader names its argument in the
 * error it throws, so the function bodies only hold the mathematics.
 */
export type Grid = unknown[][];

/** Excel's sheet height: a reference this tall is a whole column such as B:B. */
export const SHEET_ROWS = 1_048_576;

/**
 * An optional argument left out: null (Excel's omitted argument), or one cell that is blank or
 * holds only spaces (a blank optional cell means the default).
 */
export function isOmitted(raw: unknown): boolean {
  if (Array.isArray(raw)) {
    if (raw.length === 0) return true;
    if (raw.length !== 1) return false;
    const row = raw[0];
    if (!Array.isArray(row)) return isOmitted(row);
    return row.length === 0 || (row.length === 1 && !Array.isArray(row[0]) && isOmitted(row[0]));
  }
  return classifyCell(shownValue(raw)).kind === "blank";
}

/**
 * A range argument as rows of plain values: Excel's data types become what their cells show
 * (see shownValue). Rows are copied only where a data type had to be read.
 */
export function asGrid(raw: unknown): Grid {
  if (!Array.isArray(raw)) return [[shownValue(raw)]];
  if (raw.length === 0 || (Array.isArray(raw[0]) && raw[0].length === 0)) return [[null]];
  let grid = raw as unknown[][];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) {
      if (grid === raw) grid = raw.slice();
      grid[r] = [shownValue(row)];
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value !== "object" || value === null) continue;
      if (grid === raw) grid = raw.slice();
      grid[r] = row.map((cell) => shownValue(cell));
      break;
    }
  }
  return grid;
}

/** The single value of a scalar argument (a one-cell range is accepted too), as its cell shows it. */
function scalar(raw: unknown): unknown {
  let value = raw;
  while (Array.isArray(value)) value = value[0];
  return shownValue(value);
}

export function optNumber(raw: unknown, arg: string): number | undefined {
  return optionalNumber(scalar(raw), arg);
}

export function reqNumber(raw: unknown, arg: string): number {
  const value = optNumber(raw, arg);
  if (value === undefined) throw invalid("required", { arg });
  return value;
}

export function optBoolean(raw: unknown, arg: string): boolean | undefined {
  const cell = classifyCell(scalar(raw));
  if (cell.kind === "blank") return undefined;
  if (cell.kind === "boolean") return cell.value;
  if (cell.kind === "number" && (cell.value === 0 || cell.value === 1)) return cell.value === 1;
  if (cell.kind === "text" && /^(true|false)$/i.test(cell.text.trim()))
    return /^true$/i.test(cell.text.trim());
  if (cell.kind === "object") throw objectProblem(cell, arg);
  throw invalid("notBoolean", { arg, value: shownText(cell) });
}

/** What a cell shows, as text for a message. */
function shownText(cell: Exclude<Cell, { kind: "object" }>): string {
  switch (cell.kind) {
    case "number":
      return String(cell.value);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "blank":
      return "";
    default:
      return cell.text;
  }
}

/**
 * A text argument (language, scheme, unit): blank gives undefined; a number or a
 * boolean is read as the text it shows, an entity as its name.
 */
export function optText(raw: unknown, arg: string): string | undefined {
  const value = scalar(raw);
  const cell = classifyCell(value);
  if (cell.kind === "blank") return undefined;
  if (cell.kind === "object") {
    if (cell.name === undefined) throw objectProblem(cell, arg);
    return cell.name;
  }
  return typeof value === "string" ? value : shownText(cell);
}

export function optLanguage(raw: unknown): Language {
  return parseLanguage(optText(raw, "language"));
}

/** A date argument as an Excel serial day: a date, or text such as 2024-01-31 (see dayOf). */
export function optDay(raw: unknown, arg: string): number | undefined {
  const value = scalar(raw);
  const cell = classifyCell(value);
  if (cell.kind === "blank") return undefined;
  if (cell.kind === "object") throw objectProblem(cell, arg);
  if (cell.kind === "error") throw cellProblem(cell, arg);
  const day = dayOf(value);
  if (day === undefined) throw invalid("notDate", { arg, value: shownText(cell) });
  return day;
}

/**
 * The first row of a range that holds data: 1 when the range is a whole column (such as B:B)
 * whose first row is a header (text, or blank), else 0.
 */
export function firstDataRow(grid: Grid): number {
  if (grid.length !== SHEET_ROWS) return 0;
  return isHeaderRow(grid[0]) ? 1 : 0;
}

/** A header row holds text or nothing: no number, truth value, error or image. */
export function isHeaderRow(cells: readonly unknown[]): boolean {
  return cells.every((value) => {
    const kind = classifyCell(value).kind;
    return kind === "text" || kind === "blank";
  });
}

function position(grid: Grid, row: number, column: number): Position {
  return grid[0].length > 1 ? { row: row + 1, column: column + 1 } : { row: row + 1 };
}

/** Every number of a range, blanks skipped; text, booleans and errors name their position. */
export function numbers(raw: unknown, arg: string): number[] {
  const grid = asGrid(raw);
  const values: number[] = [];
  for (let r = firstDataRow(grid); r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === "number" && Number.isFinite(value)) {
        values.push(value);
        continue;
      }
      const cell = classifyCell(value);
      if (cell.kind === "number") values.push(cell.value);
      else if (cell.kind !== "blank") throw cellProblem(cell, arg, position(grid, r, c));
    }
  }
  return values;
}

/** The shape of a range argument: populations of one table must share it. */
export function requireSameRange(
  first: unknown,
  firstArg: string,
  other: unknown,
  otherArg: string
): void {
  const a = asGrid(first);
  const b = asGrid(other);
  if (a.length !== b.length || a.some((row, r) => row.length !== b[r].length))
    throw invalid("sameSize", { arg: firstArg, other: otherArg });
}

/** A "one customer" argument: a number or blank per cell, keeping the range's shape. */
export interface Cells {
  rows: number;
  columns: number;
  /** row-major; NaN marks a blank cell (or a whole-column header) */
  values: Float64Array;
}

export function cellsOf(raw: unknown, arg: string): Cells {
  const grid = asGrid(raw);
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  const values = new Float64Array(rows * columns).fill(NaN);
  for (let r = firstDataRow(grid); r < rows; r++) {
    const row = grid[r];
    for (let c = 0; c < columns; c++) {
      const value = row[c];
      if (typeof value === "number" && Number.isFinite(value)) {
        values[r * columns + c] = value;
        continue;
      }
      const cell: Cell = classifyCell(value);
      if (cell.kind === "number") values[r * columns + c] = cell.value;
      else if (cell.kind !== "blank") throw cellProblem(cell, arg, position(grid, r, c));
    }
  }
  return { rows, columns, values };
}

/** Where the index-th value of `cells` sat in its range, for messages. */
export function positionOf(cells: Cells, index: number): Position {
  const row = Math.floor(index / cells.columns) + 1;
  return cells.columns > 1 ? { row, column: (index % cells.columns) + 1 } : { row };
}

export function presentValues(cells: Cells): Float64Array {
  const values = cells.values;
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) count++;
  const present = new Float64Array(count);
  let j = 0;
  // v === v is false only for NaN, our blank marker; it is the fastest test in a million-cell loop.
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present[j++] = values[i];
  return present;
}

export function requireSameShape(
  first: Cells,
  firstArg: string,
  other: Cells,
  otherArg: string
): void {
  if (first.rows !== other.rows || first.columns !== other.columns) {
    throw invalid("sameSize", { arg: firstArg, other: otherArg });
  }
}

/** Builds a spilled result of the cells' shape; blank cells stay blank. */
export function mapCells<T>(
  cells: Cells,
  fn: (value: number, index: number) => T
): (T | string)[][] {
  const { rows, columns, values } = cells;
  const out: (T | string)[][] = [];
  for (let r = 0; r < rows; r++) {
    if (columns === 1) {
      const v = values[r];
      out.push([v === v ? fn(v, r) : ""]);
      continue;
    }
    const row: (T | string)[] = [];
    for (let c = 0; c < columns; c++) {
      const i = r * columns + c;
      const v = values[i];
      row.push(v === v ? fn(v, i) : "");
    }
    out.push(row);
  }
  return out;
}

/**
 * A one-row or one-column range as a list, in reading order; a whole column's header is left
 * out (`first` is the header's row count, so that value i sat in row first + i + 1).
 */
export function vector(raw: unknown, arg: string): { values: unknown[]; first: number } {
  const grid = asGrid(raw);
  if (grid.length === 1) return { values: grid[0], first: 0 };
  if (!grid.every((row) => row.length === 1)) throw invalid("oneRowOrColumn", { arg });
  const first = firstDataRow(grid);
  return { values: grid.slice(first).map((row) => row[0]), first };
}

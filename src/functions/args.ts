import {
  Cell,
  Position,
  cellProblem,
  classifyCell,
  dayOf,
  invalid,
  optionalNumber,
  parseLanguage,
  type Language,
} from "../engine";

/**
 * Reading Excel arguments. Excel hands a range as rows of cells and an omitted optional
 * argument as null (TypeScript defaults never apply). Every reader names its argument in the
 * error it throws, so the function bodies only hold the mathematics.
 */
export type Grid = unknown[][];

/** Excel's sheet height: a reference this tall is a whole column such as B:B. */
export const SHEET_ROWS = 1_048_576;

export function isOmitted(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (Array.isArray(raw))
    return raw.length === 0 || (raw.length === 1 && Array.isArray(raw[0]) && isOmitted1x1(raw));
  return false;
}

function isOmitted1x1(raw: unknown[]): boolean {
  const row = raw[0] as unknown[];
  return row.length === 0 || (row.length === 1 && (row[0] === null || row[0] === undefined));
}

export function asGrid(raw: unknown): Grid {
  if (!Array.isArray(raw)) return [[raw]];
  for (const row of raw)
    if (!Array.isArray(row)) return raw.map((r) => (Array.isArray(r) ? r : [r]));
  return raw as Grid;
}

/** The single value of a scalar argument (a one-cell range is accepted too). */
function scalar(raw: unknown): unknown {
  let value = raw;
  while (Array.isArray(value)) value = value[0];
  return value;
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
  const value =
    cell.kind === "number" ? String(cell.value) : cell.kind === "text" ? cell.text : "#";
  throw invalid("notBoolean", { arg, value });
}

export function optText(raw: unknown): string | undefined {
  const value = scalar(raw);
  if (value === null || value === undefined) return undefined;
  return String(value);
}

export function optLanguage(raw: unknown): Language {
  return parseLanguage(optText(raw));
}

/** A date argument as an Excel serial day: a date, or text such as 2024-01-31 (see dayOf). */
export function optDay(raw: unknown, arg: string): number | undefined {
  if (isOmitted(raw)) return undefined;
  const day = dayOf(asGrid(raw)[0][0]);
  if (day === undefined) throw invalid("notDate", { arg, value: String(optText(raw)) });
  return day;
}

/** A whole-column reference's first row is a header when it holds text: skip it. */
function headerRows(grid: Grid): number {
  if (grid.length !== SHEET_ROWS) return 0;
  return grid[0].every((value) => classifyCell(value).kind !== "number") ? 1 : 0;
}

function position(grid: Grid, row: number, column: number): Position {
  return grid[0].length > 1 ? { row: row + 1, column: column + 1 } : { row: row + 1 };
}

/** Every number of a range, blanks skipped; text, booleans and errors name their position. */
export function numbers(raw: unknown, arg: string): number[] {
  const grid = asGrid(raw);
  const values: number[] = [];
  for (let r = headerRows(grid); r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === "number") {
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
  for (let r = headerRows(grid); r < rows; r++) {
    const row = grid[r];
    for (let c = 0; c < columns; c++) {
      const value = row[c];
      if (typeof value === "number") {
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

/** A one-row or one-column range as a list, in reading order. */
export function vector(raw: unknown, arg: string): unknown[] {
  const grid = asGrid(raw);
  if (grid.length === 1) return grid[0];
  if (grid.every((row) => row.length === 1)) return grid.map((row) => row[0]);
  throw invalid("oneRowOrColumn", { arg });
}

import type { Area } from "../types";

/** What the adapter knows of an Excel table: where it starts and its columns. */
export interface TableFacts {
  name: string;
  /** the sheet column of the table's first column */
  left: number;
  columns: { name: string; index: number }[];
}

/** Excel compares sheet names without regard to case. */
export const sheetKey = (name: string) => name.toLowerCase();

export function areaOf(range: Excel.Range): Area {
  return {
    top: range.rowIndex,
    left: range.columnIndex,
    rows: range.rowCount,
    columns: range.columnCount,
  };
}

import type { Area, NewSheet } from "./types";

// What both adapters need to add a sheet of the user's: a free name and the table's area.

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * `wanted` if no sheet has that name, else "wanted (2)", "wanted (3)"…, the first that is free,
 * as Excel numbers a copied sheet. Excel compares sheet names without regard to case, and a
 * name too long with its number is cut before the number.
 */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const base = wanted.slice(0, MAX_SHEET_NAME);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The new sheet's table, from A1: as many rows as it has, as wide as its widest row. */
export function tableArea(content: NewSheet): Area {
  const columns = content.values.reduce((width, row) => Math.max(width, row.length), 0);
  return { top: 0, left: 0, rows: content.values.length, columns };
}

import type { Area } from "../types";
import type { TableFacts } from "./probe";

/**
 * Our columns of an Excel table are found where the record put them, and each must still carry
 * its header. A name alone is not enough: the user's table may have a column of that name (then
 * ours is "ABC class (2)"; records of earlier versions may say "ABC class2", as Excel numbered
 * it), and the plain "ABC class" is the user's.
 */
export interface WrittenColumns {
  area: Area;
  headers: readonly string[];
}

/** The column still carries our header (or the number Excel added to it, in older records). */
function carries(name: string, header: string | undefined): boolean {
  if (header === undefined) return true;
  return name === header || (name.startsWith(header) && /^\d+$/.test(name.slice(header.length)));
}

/** Indexes (within the table) of the columns a record added, highest first. */
export function ownColumnIndexes(table: TableFacts, written: WrittenColumns): number[] {
  const offset = written.area.left - table.left;
  const own: number[] = [];
  for (let i = 0; i < written.area.columns; i++) {
    const column = table.columns.find((c) => c.index === offset + i);
    if (column && carries(column.name, written.headers.length > 0 ? written.headers[i] : undefined))
      own.push(offset + i);
  }
  return own.sort((a, b) => b - a);
}

/**
 * Headers for new table columns that no column of the table has (Excel compares them without
 * regard to case): "ABC class", else "ABC class (2)", … Excel would number a duplicate itself,
 * but that is documented nowhere, so the add-in never asks it to.
 */
export function uniqueHeaders(headers: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  return headers.map((header) => {
    let name = header;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${header} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

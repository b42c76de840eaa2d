import type { Area } from "../types";
import type { TableFacts } from "./probe";

/**
 * Our columns of an Excel table are found where the record put them, and each must still carry
 * its header. A name alone is not enough: when the user's table already had a column of that
 * name, Excel called ours "ABC class2", and the plain "ABC class" is the user's.
 */
export interface WrittenColumns {
  area: Area;
  headers: readonly string[];
}

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

export interface TableColumnChange {
  /** table column indexes to delete, highest first */
  remove: number[];
  /** columns to add, in order: at `index`, or appended when undefined */
  add: { index?: number; name?: string }[];
}

/**
 * From the earlier run's columns to this run's: columns that keep their place and header are
 * reused (only their cells are rewritten), the others go, and the new ones are added.
 */
export function changeTableColumns(
  table: TableFacts,
  previous: WrittenColumns | undefined,
  next: WrittenColumns
): TableColumnChange {
  const offset = next.area.left - table.left;
  const before = previous ? ownColumnIndexes(table, previous).sort((a, b) => a - b) : [];
  const nameAt = (index: number) => table.columns.find((c) => c.index === index)?.name;
  let kept = 0;
  while (
    kept < before.length &&
    kept < next.area.columns &&
    before[kept] === offset + kept &&
    (next.headers.length === 0 || nameAt(before[kept]) === next.headers[kept])
  ) {
    kept++;
  }
  const remove = before.slice(kept).sort((a, b) => b - a);
  let count = table.columns.length - remove.length;
  const add: TableColumnChange["add"] = [];
  for (let i = kept; i < next.area.columns; i++) {
    const index = offset + i;
    const name = next.headers.length > 0 ? next.headers[i] : undefined;
    add.push({ ...(index < count ? { index } : {}), ...(name !== undefined ? { name } : {}) });
    count++;
  }
  return { remove, add };
}

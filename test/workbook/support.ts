import {
  type MethodOptions,
  type Method,
  guessRoles,
  segment,
  segmentTransactions,
  splitHeader,
} from "../../src/engine";
import type { Locale } from "../../src/i18n/locale";
import { type MemorySheet } from "../../src/workbook/memory";
import {
  type Analysis,
  planFor,
  recordFor,
  withoutOwnColumns,
} from "../../src/workbook/segmentation";
import type { WorkbookPort } from "../../src/workbook/types";

/** What the pane does between "read" and "write", without the pane. */
export async function analyse(
  port: WorkbookPort,
  method: Method,
  options: MethodOptions = {},
  transactions = false
): Promise<Analysis> {
  const read = await port.readTable();
  const source = withoutOwnColumns(read, recordFor((await port.loadRecords()).records, read));
  const grid = splitHeader(source.values, source.tableName !== undefined);
  const roles = guessRoles(grid);
  const segmentation = transactions
    ? segmentTransactions(grid, roles)
    : segment(grid, roles, method, options);
  return { source, grid, roles, method, options, segmentation };
}

export async function segmentWith(
  port: WorkbookPort,
  method: Method,
  locale: Locale = "en-US",
  options: MethodOptions = {},
  transactions = false
) {
  const analysis = await analyse(port, method, options, transactions);
  const plan = await planFor(port, analysis, locale, new Date(2026, 10, 23, 10, 30));
  await port.apply(plan);
  return { analysis, plan };
}

/** Every cell of a sheet with its value and formats, for before/after comparisons. */
export function snapshot(sheet: MemorySheet): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const [r, line] of sheet.cells)
    for (const [c, cell] of line) cells[`${r},${c}`] = { ...cell };
  return {
    cells,
    tables: JSON.parse(JSON.stringify(sheet.tables)),
    rules: sheet.rules.length,
    charts: sheet.charts.length,
  };
}

import type { Method, MethodOptions, Roles, Segmentation, TableGrid } from "../engine";
import type { Locale } from "../i18n/locale";
import { t } from "../i18n/strings";
import { subtract } from "./address";
import { buildPlan } from "./plan";
import { sourceId } from "./records";
import {
  Blocked,
  type SegmentationRecord,
  type SourceTable,
  type WorkbookPort,
  type WritePlan,
} from "./types";

/** A segmentation the pane has computed and shown, ready to be written. */
export interface Analysis {
  source: SourceTable;
  grid: TableGrid;
  roles: Roles;
  method: Method;
  options: MethodOptions;
  segmentation: Segmentation;
}

export function recordFor(
  records: readonly SegmentationRecord[],
  source: SourceTable
): SegmentationRecord | undefined {
  const id = sourceId(source.sheet, source.area.top, source.area.left);
  return records.find((r) => r.id === id);
}

/** A sheet name of at most 31 characters not used by anything but us. */
export function freeSheetName(
  base: string,
  taken: readonly string[],
  ours: readonly string[]
): string {
  const used = new Set(
    taken.filter((name) => !ours.includes(name)).map((name) => name.toLowerCase())
  );
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * Where the new columns go (right beside the table), what the sheets are called, and the plan.
 * Throws Blocked when the new columns would cover a cell the add-in did not write: re-running
 * may reuse the earlier run's cells, nothing else.
 */
export async function planFor(
  port: WorkbookPort,
  analysis: Analysis,
  locale: Locale,
  now = new Date()
): Promise<WritePlan> {
  const { source, grid, segmentation } = analysis;
  const previous = recordFor((await port.loadRecords()).records, source);
  const names = await port.sheetNames();
  const ours = previous?.written.sheets ?? [];
  // RFM from transactions and Predict write one row per customer on a sheet of their own
  const newSheet = segmentation.customerTable
    ? "customersSheet"
    : segmentation.prediction
      ? "predictionsSheet"
      : undefined;
  const transactions = newSheet !== undefined;
  const oldSummary = ours[ours.length - 1];
  const summarySheet = oldSummary ?? freeSheetName(t(locale, "summarySheet"), names, ours);
  const customersSheet = newSheet
    ? freeSheetName(t(locale, newSheet), [...names, summarySheet], ours)
    : undefined;

  const left = source.area.left + source.area.columns;
  if (!transactions) {
    const width = segmentation.scores.length + 1;
    const target = { top: source.area.top, left, rows: source.area.rows, columns: width };
    const earlier = previous?.written.columns;
    const parts =
      earlier && earlier.sheet === source.sheet ? subtract(target, earlier.area) : [target];
    for (const part of parts) {
      if (!(await port.isBlank(source.sheet, part))) throw new Blocked(source.sheet, part);
    }
  }
  return buildPlan({
    ...analysis,
    grid,
    locale,
    left,
    summarySheet,
    ...(customersSheet ? { customersSheet } : {}),
    ...(previous ? { previous } : {}),
    now,
  });
}

/**
 * A table read again after a segmentation includes the tier columns the add-in wrote beside
 * it (the region, or the Excel table, grew). Those columns are ours, not customer data.
 */
export function withoutOwnColumns(
  source: SourceTable,
  previous: SegmentationRecord | undefined
): SourceTable {
  const own = previous?.written.columns;
  if (!own || own.sheet !== source.sheet) return source;
  const ownLeft = own.area.left - source.area.left;
  const keep = Math.min(source.area.columns, Math.max(0, ownLeft));
  if (ownLeft < 0 || keep === source.area.columns) return source;
  return {
    ...source,
    area: { ...source.area, columns: keep },
    values: source.values.map((row) => row.slice(0, keep)),
  };
}

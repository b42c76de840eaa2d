import { areaAddress } from "./address";
import { type Step, calls, groupIntoBatches, sendBatches, writeSync } from "./office/batches";
import { columnFormatStep, columnValueSteps, ruleStep, sheetSteps } from "./office/content";
import { jsonBytes } from "./office/blocks";
import { type ExcelRun, type RequirementCheck, officeRequirements, officeRun } from "./office/host";
import { type NewSheetProgress, writeNewSheet } from "./office/newSheet";
import { type Found, probe, queueRecords, sheetKey } from "./office/probe";
import { locateTable, readValues } from "./office/read";
import {
  type TableColumnChange,
  type WrittenColumns,
  changeTableColumns,
  ownColumnIndexes,
} from "./office/tables";
import { decodeRecords, RECORD_PREFIX, replaceRecord } from "./records";
import {
  Cancelled,
  type Area,
  type ColumnBlock,
  type InsertedSheet,
  type NewSheet,
  type RunOptions,
  type SegmentationRecord,
  type SourceTable,
  type WorkbookPort,
  type WritePlan,
  SheetNotAdded,
  WorkbookChanged,
} from "./types";

type WrittenRecordColumns = NonNullable<SegmentationRecord["written"]["columns"]>;

/**
 * The workbook port on Excel through Office.js. Reads and writes go in blocks sized to stay
 * under Excel on the web's 5 MB payload limit, with a fixed number of syncs for tables of up
 * to 20,000 rows and one more per block beyond. A write is one `Excel.run`, merged into one
 * undo step where Excel can (ExcelApi 1.20).
 */
export class OfficeWorkbookPort implements WorkbookPort {
  constructor(
    private readonly excelRun: ExcelRun = officeRun,
    private readonly requirements: RequirementCheck = officeRequirements
  ) {}

  private supports(version: string): boolean {
    return this.requirements("ExcelApi", version);
  }

  async readTable(options: RunOptions = {}): Promise<SourceTable> {
    const can = { rangeTables: this.supports("1.9"), surroundingRegion: this.supports("1.7") };
    return this.excelRun(undefined, async (context) => {
      const { sheet, area, tableName } = await locateTable(context, can);
      const values = await readValues(context, sheet, area, options);
      return { sheet, area, values, ...(tableName ? { tableName } : {}) };
    });
  }

  async isBlank(sheet: string, area: Area): Promise<boolean> {
    return this.excelRun(undefined, async (context) => {
      const cells = context.workbook.worksheets.getItem(sheet).getRange(areaAddress(area));
      // values only: formatting alone does not make a cell used, and no values travel
      const used = cells.getUsedRangeOrNullObject(true);
      await context.sync();
      return used.isNullObject;
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.excelRun(undefined, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  async loadRecords(): Promise<SegmentationRecord[]> {
    return this.excelRun(undefined, async (context) => {
      const custom = context.workbook.properties.custom;
      custom.load("items/key,items/value");
      await context.sync();
      const ours = custom.items.filter((p) => p.key.startsWith(RECORD_PREFIX));
      return decodeRecords(Object.fromEntries(ours.map((p) => [p.key, String(p.value)])));
    });
  }

  /**
   * The earlier run's sheets are reused when this plan writes them again, because deleting a
   * sheet cannot be undone and would break the merged undo step; the ones it no longer writes
   * are deleted first, in a run of their own. A cancel between blocks takes away what this run
   * wrote and the table's record, and throws Cancelled.
   */
  async apply(plan: WritePlan, options: RunOptions = {}): Promise<void> {
    const { previous, columns } = plan;
    const ours = new Set((previous?.written.sheets ?? []).map(sheetKey));
    const planned = new Set(plan.sheets.map((s) => sheetKey(s.name)));
    const stale = (previous?.written.sheets ?? []).filter((name) => !planned.has(sheetKey(name)));
    if (stale.length > 0) await this.deleteSheets(stale);

    const runOptions = this.supports("1.20") ? { mergeUndoGroup: true } : undefined;
    const finished = await this.excelRun(runOptions, async (context) => {
      const earlier = previous?.written.columns;
      const found = await probe(context, {
        sheets: [...plan.sheets.map((s) => s.name), ...(earlier ? [earlier.sheet] : [])],
        rules: previous?.written.rules ?? [],
        tables: [earlier?.tableName, columns?.tableName].filter((name): name is string =>
          Boolean(name)
        ),
        charts: plan.sheets.map((s) => s.name).filter((name) => ours.has(sheetKey(name))),
      });
      for (const { name } of plan.sheets) {
        if (found.sheets.has(sheetKey(name)) && !ours.has(sheetKey(name)))
          throw new WorkbookChanged("sheetExists", name);
      }
      const table = columns?.tableName ? found.tables.get(columns.tableName) : undefined;
      if (columns?.tableName && !table) throw new WorkbookChanged("tableGone", columns.tableName);
      const change =
        columns && table
          ? changeTableColumns(
              table,
              earlier?.tableName === table.name ? writtenOf(earlier) : undefined,
              writtenOf(columns)
            )
          : undefined;

      const records = replaceRecord(found.records, plan.record.id, plan.record);
      const steps: Step[] = [
        calls((ctx) => {
          for (const rule of found.rules) rule.delete();
          if (earlier && !(change && earlier.tableName === columns?.tableName))
            queueTakeAway(ctx, earlier, found);
          if (change && columns?.tableName) queueTableChange(ctx, columns.tableName, change);
        }, found.rules.length + 4),
        ...(columns ? [...columnValueSteps(columns), columnFormatStep(columns)] : []),
        ...plan.sheets.flatMap((content) => {
          const key = sheetKey(content.name);
          const reuse =
            ours.has(key) && found.sheets.has(key)
              ? { charts: found.charts.get(key) ?? [] }
              : undefined;
          return sheetSteps(content, reuse);
        }),
        ruleStep(plan.rules),
        calls((ctx) => queueRecords(ctx, found, records), 20, jsonBytes(records)),
      ];
      const done = await sendBatches(context, groupIntoBatches(steps), {
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        stop: () => Boolean(options.signal?.aborted),
      });
      if (!done) {
        await writeSync(context, () => {
          if (columns) queueClearColumns(context, columns, table?.left);
          queueRecords(context, found, replaceRecord(found.records, plan.record.id));
        });
      }
      return done;
    });
    if (!finished) {
      await this.deleteSheets([
        ...plan.sheets.map((s) => s.name),
        ...(previous?.written.sheets ?? []),
      ]);
      throw new Cancelled();
    }
  }

  /** Not one undo step: deleting a sheet cannot be undone in any case. */
  async remove(record: SegmentationRecord): Promise<void> {
    const { columns, rules, sheets } = record.written;
    await this.excelRun(undefined, async (context) => {
      const found = await probe(context, {
        sheets: [...sheets, ...(columns ? [columns.sheet] : [])],
        rules,
        tables: columns?.tableName ? [columns.tableName] : [],
        charts: [],
      });
      await writeSync(context, () => {
        for (const rule of found.rules) rule.delete();
        if (columns) queueTakeAway(context, columns, found);
        for (const name of sheets) {
          if (found.sheets.has(sheetKey(name))) context.workbook.worksheets.getItem(name).delete();
        }
        queueRecords(context, found, replaceRecord(found.records, record.id));
      });
    });
  }

  /**
   * One undo step where Excel can merge it (ExcelApi 1.20). A failed sync after the sheet was
   * added takes the sheet away again, so that no half-filled sheet looks like a finished one:
   * that deletion cannot be undone, but it removes only the sheet this call added. A sheet
   * someone else added under the name meanwhile is never touched.
   */
  async insertSheet(content: NewSheet): Promise<InsertedSheet> {
    const runOptions = this.supports("1.20") ? { mergeUndoGroup: true } : undefined;
    const progress: NewSheetProgress = { name: content.name, added: false };
    try {
      return await this.excelRun(runOptions, (context) =>
        writeNewSheet(context, content, progress)
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const leftBehind = progress.added && !(await this.deletedAgain(progress.name));
      throw new SheetNotAdded(progress.name, reason, leftBehind);
    }
  }

  /** Takes away a sheet this adapter has just added; false when even that fails. */
  private async deletedAgain(name: string): Promise<boolean> {
    try {
      await this.deleteSheets([name]);
      return true;
    } catch {
      return false;
    }
  }

  private async deleteSheets(names: readonly string[]): Promise<void> {
    await this.excelRun(undefined, async (context) => {
      const unique = [...new Map(names.map((name) => [sheetKey(name), name])).values()];
      const sheets = unique.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
      await context.sync();
      const existing = sheets.filter((sheet) => !sheet.isNullObject);
      if (existing.length > 0)
        await writeSync(context, () => existing.forEach((sheet) => sheet.delete()));
    });
  }
}

function writtenOf(columns: ColumnBlock | WrittenRecordColumns): WrittenColumns {
  if ("headers" in columns) return { area: columns.area, headers: columns.headers };
  return {
    area: columns.area,
    headers: columns.headerRows === 1 ? columns.values[0].map((v) => String(v ?? "")) : [],
  };
}

/** An earlier run's columns: its table columns deleted, or its cells cleared. */
function queueTakeAway(
  context: Excel.RequestContext,
  written: WrittenRecordColumns,
  found: Found
): void {
  const table = written.tableName ? found.tables.get(written.tableName) : undefined;
  if (table && written.tableName) {
    const tableColumns = context.workbook.tables.getItem(written.tableName).columns;
    for (const index of ownColumnIndexes(table, writtenOf(written)))
      tableColumns.getItemAt(index).delete();
  } else if (found.sheets.has(sheetKey(written.sheet))) {
    clearCells(
      context.workbook.worksheets.getItem(written.sheet).getRange(areaAddress(written.area))
    );
  }
}

/**
 * Takes away what the add-in put in cells: values, number formats and bold. Not clear("All"):
 * clearing formats also takes the cells out of the user's own conditional formats that span
 * them, and the fills the user gave those cells before were never ours to remove.
 */
function clearCells(cells: Excel.Range): void {
  cells.clear("Contents");
  cells.numberFormat = [["General"]];
  cells.format.font.bold = false;
}

function queueTableChange(
  context: Excel.RequestContext,
  tableName: string,
  change: TableColumnChange
): void {
  const tableColumns = context.workbook.tables.getItem(tableName).columns;
  for (const index of change.remove) tableColumns.getItemAt(index).delete();
  // -1 appends; the typings do not admit the null the documentation also allows
  for (const { index, name } of change.add) tableColumns.add(index ?? -1, undefined, name);
}

/** What this run wrote in the columns, after a cancel: every column of the block is ours. */
function queueClearColumns(
  context: Excel.RequestContext,
  columns: ColumnBlock,
  tableLeft: number | undefined
): void {
  if (columns.tableName && tableLeft !== undefined) {
    const tableColumns = context.workbook.tables.getItem(columns.tableName).columns;
    const offset = columns.area.left - tableLeft;
    for (let i = columns.area.columns - 1; i >= 0; i--) tableColumns.getItemAt(offset + i).delete();
  } else {
    clearCells(
      context.workbook.worksheets.getItem(columns.sheet).getRange(areaAddress(columns.area))
    );
  }
}

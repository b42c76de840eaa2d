import { areaAddress, cellAddress } from "../address";
import type { PendingWrite } from "../recordStore";
import { withPending, withRecord } from "../recordStore";
import {
  type Area,
  type ColumnBlock,
  type PriorFormat,
  type RunOptions,
  type SegmentationRecord,
  type WritePlan,
  WorkbookChanged,
} from "../types";
import { type Step, calls } from "./batches";
import { columnFormatStep, columnValueSteps, ruleStep, sheetSteps } from "./content";
import { sheetKey } from "./probe";
import { type Before, type Scope, type TableNow, loadTables, takeBefore } from "./snapshot";
import { type StoreFacts, loadStore } from "./store";
import { type WrittenColumns, ownColumnIndexes, uniqueHeaders } from "./tables";
import type { Prepared, SheetJournal } from "./write";

/*
 * What a write will do, worked out in the write's own run before it changes anything: the
 * checks (a sheet someone added meanwhile, a table that is gone), the sheet journal, the
 * before-image, the steps and the records' store when done. write.ts runs it all or nothing.
 */

type WrittenRecordColumns = NonNullable<SegmentationRecord["written"]["columns"]>;

/** A plan's write: its earlier run replaced, columns, sheets, rules and the record. */
export async function prepareApply(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: RunOptions
): Promise<Prepared> {
  const { previous, columns } = plan;
  const earlier = previous?.written.columns;
  // the sheet names come with the store's first sync
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const store = await loadStore(context);
  const existing = new Set(worksheets.items.map((sheet) => sheetKey(sheet.name)));
  const tables = await loadTables(
    context,
    [columns?.tableName, earlier?.tableName].filter((name): name is string => Boolean(name))
  );

  const ours = new Set((previous?.written.sheets ?? []).map(sheetKey));
  for (const { name } of plan.sheets) {
    if (existing.has(sheetKey(name)) && !ours.has(sheetKey(name)))
      throw new WorkbookChanged("sheetExists", name);
  }
  if (columns && !existing.has(sheetKey(columns.sheet)))
    throw new WorkbookChanged("sheetGone", columns.sheet);
  const table = columns?.tableName ? tables.find((t) => t.name === columns.tableName) : undefined;
  if (columns?.tableName && !table) throw new WorkbookChanged("tableGone", columns.tableName);

  const sheets = sheetJournal(
    plan.sheets.map((s) => s.name),
    previous?.written.sheets ?? [],
    existing
  );
  const earlierTable = earlier?.tableName
    ? tables.find((t) => t.name === earlier.tableName)
    : undefined;
  const earlierOwn =
    earlier && earlierTable ? ownColumnIndexes(earlierTable, writtenOf(earlier)) : [];
  // the new table columns get headers no remaining column has
  let headers: string[] | undefined;
  if (columns && table) {
    const leaving = new Set(earlierTable === table ? earlierOwn : []);
    const taken = table.columns.filter((c) => !leaving.has(c.index)).map((c) => c.name);
    headers = uniqueHeaders(writtenOf(columns).headers, taken);
  }
  const scope = writeScope(plan, earlier, existing);
  const before = await takeBefore(context, scope, store, {
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const record = withColumns(plan.record, headers, priorFormatsOf(columns, before, earlier));
  const steps: Step[] = [
    calls(
      (ctx) => {
        for (const format of before.ruleFormats) format.delete();
        if (earlier) queueTakeAway(ctx, earlier, earlierTable, earlierOwn, existing);
        if (columns && table && headers)
          queueAddTableColumns(ctx, columns, table, earlierOwn, earlierTable, headers);
      },
      before.ruleFormats.length + earlierOwn.length + (columns?.area.columns ?? 0) + 4
    ),
    ...(columns ? [...columnValueSteps(columns), columnFormatStep(columns)] : []),
    ...plan.sheets.flatMap((content) => {
      const swap = sheets.swaps.find((s) => s.final === content.name);
      return sheetSteps({ ...content, name: swap ? swap.fresh : content.name }, undefined);
    }),
    // rules on a sheet of our own go to the sheet being built
    ruleStep(
      plan.rules.map((rule) => {
        const swap = sheets.swaps.find((s) => sheetKey(s.final) === sheetKey(rule.sheet));
        return swap ? { ...rule, sheet: swap.fresh } : rule;
      })
    ),
  ];
  const mark: PendingWrite = {
    record,
    ...(previous ? { previous } : {}),
    standIns: sheets.swaps.flatMap((s) => [s.fresh, s.old]),
  };
  return {
    before,
    store,
    mark,
    sheets,
    steps,
    done: withRecord(withPending(store.entries, mark), record.id, record),
  };
}

/**
 * Takes away what the runs wrote (a record's, or an unfinished write's and the one it was
 * replacing) and the table's record and mark. Only what is still recognisably ours: columns
 * at the recorded place that carry our headers, rules that look like ours, our sheets.
 */
export async function prepareRemoval(
  context: Excel.RequestContext,
  id: string,
  runs: readonly SegmentationRecord[],
  standIns: readonly string[],
  loaded?: StoreFacts
): Promise<Prepared> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const store = loaded ?? (await loadStore(context));
  if (loaded) await context.sync();
  const existing = new Set(worksheets.items.map((sheet) => sheetKey(sheet.name)));
  const written = runs.flatMap((run) => (run.written.columns ? [run.written.columns] : []));
  const tables = await loadTables(
    context,
    written.flatMap((c) => (c.tableName ? [c.tableName] : []))
  );
  const plain = await ownPlainColumns(context, written, existing);
  const scope: Scope = {
    cells: plain.map((c) => ({
      sheet: c.sheet,
      area: c.area,
      headerRows: c.headers.length > 0 ? 1 : 0,
    })),
    tables: written
      .filter((c) => c.tableName && tables.some((t) => t.name === c.tableName))
      .map((c) => ({ name: c.tableName as string, own: writtenOf(c) })),
    // rules on sheets of our own go with their sheets
    rules: runs
      .flatMap((run) => run.written.rules)
      .filter(
        (rule) =>
          !runs.some((run) => run.written.sheets.some((n) => sheetKey(n) === sheetKey(rule.sheet)))
      ),
  };
  const before = await takeBefore(context, scope, store);
  const names = [...runs.flatMap((run) => run.written.sheets), ...standIns];
  const stale = [...new Map(names.map((n) => [sheetKey(n), n])).values()].filter((n) =>
    existing.has(sheetKey(n))
  );
  const steps: Step[] = [
    calls((ctx) => {
      for (const format of before.ruleFormats) format.delete();
      for (const columns of written) {
        const table = tables.find((t) => t.name === columns.tableName);
        const own = table ? ownColumnIndexes(table, writtenOf(columns)) : [];
        queueTakeAway(ctx, columns, table, own, existing, plain);
      }
    }, before.ruleFormats.length + 20),
  ];
  return {
    before,
    store,
    sheets: { added: [], swaps: [], stale },
    steps,
    done: withRecord(store.entries, id),
  };
}

/** Which planned sheets are new and which replace an earlier run's; which of those go. */
function sheetJournal(
  planned: readonly string[],
  earlier: readonly string[],
  existing: ReadonlySet<string>
): SheetJournal {
  const taken = new Set(existing);
  const standIn = () => {
    for (let n = 1; ; n++) {
      const name = `~CV ${n}`;
      if (!taken.has(sheetKey(name))) {
        taken.add(sheetKey(name));
        return name;
      }
    }
  };
  const added: string[] = [];
  const swaps: SheetJournal["swaps"] = [];
  for (const name of planned) {
    if (existing.has(sheetKey(name))) swaps.push({ final: name, fresh: standIn(), old: standIn() });
    else added.push(name);
  }
  const plannedKeys = new Set(planned.map(sheetKey));
  const stale = earlier.filter((n) => existing.has(sheetKey(n)) && !plannedKeys.has(sheetKey(n)));
  return { added, swaps, stale };
}

/** What a write may change outside its own sheets, for the before-image. */
function writeScope(
  plan: WritePlan,
  earlier: WrittenRecordColumns | undefined,
  existing: ReadonlySet<string>
): Scope {
  const { columns } = plan;
  const cells: Scope["cells"] = [];
  const tables: Scope["tables"] = [];
  if (columns && !columns.tableName)
    cells.push({ sheet: columns.sheet, area: columns.area, headerRows: columns.headerRows });
  if (earlier && !earlier.tableName && existing.has(sheetKey(earlier.sheet)))
    cells.push({
      sheet: earlier.sheet,
      area: earlier.area,
      headerRows: earlier.headers.length > 0 ? 1 : 0,
    });
  if (columns?.tableName)
    tables.push({
      name: columns.tableName,
      ...(earlier?.tableName === columns.tableName ? { own: writtenOf(earlier) } : {}),
    });
  if (earlier?.tableName && earlier.tableName !== columns?.tableName)
    tables.push({ name: earlier.tableName, own: writtenOf(earlier) });
  const rules = [
    ...(plan.previous?.written.rules ?? []),
    ...plan.rules.map((r) => ({
      sheet: r.sheet,
      area: r.area,
      labels: r.tiers.map((t) => t.label),
    })),
  ];
  return { cells, tables, rules };
}

function writtenOf(columns: ColumnBlock | WrittenRecordColumns): WrittenColumns {
  if ("headers" in columns) return { area: columns.area, headers: columns.headers };
  return {
    area: columns.area,
    headers: columns.headerRows === 1 ? columns.values[0].map((v) => String(v ?? "")) : [],
  };
}

/** The record with the table column headers the write chose and the cells' prior formats. */
function withColumns(
  record: SegmentationRecord,
  headers: string[] | undefined,
  priorFormats: PriorFormat[]
): SegmentationRecord {
  const columns = record.written.columns;
  if (!columns) return record;
  return {
    ...record,
    written: {
      ...record.written,
      columns: {
        ...columns,
        ...(headers ? { headers } : {}),
        ...(priorFormats.length > 0 ? { priorFormats } : {}),
      },
    },
  };
}

const inside = (area: Area, row: number, column: number) =>
  row >= area.top &&
  row < area.top + area.rows &&
  column >= area.left &&
  column < area.left + area.columns;

/**
 * The user's formats in the cells the new columns cover: from the before-image, or, where an
 * earlier run wrote, from its record (the before-image there shows our own formats).
 */
function priorFormatsOf(
  columns: ColumnBlock | undefined,
  before: Before,
  earlier: WrittenRecordColumns | undefined
): PriorFormat[] {
  if (!columns || columns.tableName) return [];
  const { area } = columns;
  const image = before.cells.find(
    (c) => c.sheet === columns.sheet && JSON.stringify(c.area) === JSON.stringify(area)
  );
  const earlierHere = earlier && !earlier.tableName && earlier.sheet === columns.sheet;
  const formats: PriorFormat[] = (earlierHere ? (earlier.priorFormats ?? []) : []).filter((f) =>
    inside(area, f.row, f.column)
  );
  if (!image) return formats;
  for (let r = 0; r < area.rows; r++) {
    for (let c = 0; c < area.columns; c++) {
      const row = area.top + r;
      const column = area.left + c;
      if (earlierHere && inside(earlier.area, row, column)) continue;
      const numberFormat = String(image.numberFormats[r]?.[c] ?? "General");
      const bold = r === 0 && image.headerBold?.[c] === true;
      if (numberFormat !== "General" || bold)
        formats.push({
          row,
          column,
          ...(numberFormat !== "General" ? { numberFormat } : {}),
          ...(bold ? { bold } : {}),
        });
    }
  }
  return formats;
}

/**
 * The plain-range columns of runs that are still ours: those whose header cell still carries
 * our header (all of them when the table has no header row). One sync.
 */
async function ownPlainColumns(
  context: Excel.RequestContext,
  written: readonly WrittenRecordColumns[],
  existing: ReadonlySet<string>
): Promise<WrittenRecordColumns[]> {
  const plain = written.filter((c) => !c.tableName && existing.has(sheetKey(c.sheet)));
  const headerRows = plain.map((columns) => {
    const range = context.workbook.worksheets
      .getItem(columns.sheet)
      .getRange(areaAddress({ ...columns.area, rows: 1 }));
    range.load("values");
    return { columns, range };
  });
  if (headerRows.length > 0) await context.sync();
  return headerRows
    .filter(
      ({ columns, range }) =>
        columns.headers.length === 0 ||
        columns.headers.every((header, c) => String(range.values[0][c] ?? "") === header)
    )
    .map(({ columns }) => columns);
}

/** An earlier run's columns: its table columns deleted, or its cells cleared. */
function queueTakeAway(
  context: Excel.RequestContext,
  written: WrittenRecordColumns,
  table: TableNow | undefined,
  own: readonly number[],
  existing: ReadonlySet<string>,
  plainOurs?: readonly WrittenRecordColumns[]
): void {
  if (written.tableName) {
    if (!table) return;
    const tableColumns = context.workbook.tables.getItem(table.name).columns;
    for (const index of [...own].sort((a, b) => b - a)) tableColumns.getItemAt(index).delete();
  } else if (existing.has(sheetKey(written.sheet)) && (!plainOurs || plainOurs.includes(written))) {
    const sheet = context.workbook.worksheets.getItem(written.sheet);
    clearCells(sheet.getRange(areaAddress(written.area)));
    for (const { row, column, numberFormat, bold } of written.priorFormats ?? []) {
      const cell = sheet.getRange(cellAddress(row, column));
      if (numberFormat) cell.numberFormat = [[numberFormat]];
      if (bold) cell.format.font.bold = true;
    }
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

/** This run's table columns, where the block goes, after the earlier run's are deleted. */
function queueAddTableColumns(
  context: Excel.RequestContext,
  columns: ColumnBlock,
  table: TableNow,
  earlierOwn: readonly number[],
  earlierTable: TableNow | undefined,
  headers: readonly string[]
): void {
  const tableColumns = context.workbook.tables.getItem(table.name).columns;
  let count = table.columns.length - (earlierTable === table ? earlierOwn.length : 0);
  const offset = columns.area.left - table.left;
  headers.forEach((name, i) => {
    const index = offset + i;
    // -1 appends; the typings do not admit the null the documentation also allows
    tableColumns.add(index < count ? index : -1, undefined, name);
    count++;
  });
}

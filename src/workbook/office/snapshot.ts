import { areaAddress, cellAddress } from "../address";
import type { Area, RunOptions } from "../types";
import { type Step, calls, cellSteps, groupIntoBatches, sendBatches } from "./batches";
import type { ExcelValue } from "./blocks";
import { areaOf } from "./probe";
import { readCells } from "./read";
import { isOurRule } from "./rules";
import {
  type StoreBefore,
  type StoreFacts,
  loadStore,
  queueRestoreStore,
  storeBefore,
} from "./store";
import { type WrittenColumns, ownColumnIndexes } from "./tables";

/**
 * The before-image of a write: everything it may change that is not a sheet of its own, read
 * before the first change, so that a write that fails anywhere can be put back exactly.
 *   - cells beside a table (the new columns, an earlier run's columns): formulas, number
 *     formats, the header row's bold;
 *   - Excel tables the write adds columns to or takes columns from: the column names in order,
 *     and the cells of the earlier run's columns;
 *   - colour rules that look like ours on the columns involved, with everything that makes them
 *     (colours, priority), since a deleted rule can only be made again;
 *   - the records' store.
 * Sheets the write adds are not here: taking them away is enough (see write.ts).
 */
export interface Scope {
  cells: { sheet: string; area: Area; headerRows: 0 | 1 }[];
  /** tables whose columns change, with the earlier run's columns in them */
  tables: { name: string; own?: WrittenColumns }[];
  rules: { sheet: string; area: Area; labels: readonly string[] }[];
}

interface CellsBefore {
  sheet: string;
  area: Area;
  formulas: ExcelValue[][];
  numberFormats: ExcelValue[][];
  /** bold of each header cell; undefined without a header row */
  headerBold?: boolean[];
}

interface TableBefore {
  name: string;
  sheet: string;
  left: number;
  /** the sheet rows of the data body */
  dataTop: number;
  dataRows: number;
  /** column names in order */
  columns: string[];
  /** the earlier run's columns: index, the header's bold and the cells of the data body */
  own: {
    index: number;
    name: string;
    headerBold: boolean;
    formulas: ExcelValue[][];
    numberFormats: ExcelValue[][];
  }[];
}

interface RuleBefore {
  sheet: string;
  area: Area;
  operator: string;
  formula1: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue: boolean;
  priority: number;
}

export interface Before {
  /** the rules as they are now, to delete during the write (not kept after the run) */
  ruleFormats: Excel.ConditionalFormat[];
  scope: Scope;
  cells: CellsBefore[];
  tables: TableBefore[];
  rules: RuleBefore[];
  store: StoreBefore;
}

export interface TableNow {
  name: string;
  table: Excel.Table;
  sheet: string;
  left: number;
  dataTop: number;
  dataRows: number;
  columns: { name: string; index: number }[];
}

export async function loadTables(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<TableNow[]> {
  const probes = [...new Set(names)].map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load("showTotals");
    return { name, table };
  });
  if (probes.length === 0) return [];
  await context.sync();
  const loads = probes
    .filter(({ table }) => !table.isNullObject)
    .map(({ name, table }) => {
      const range = table.getRange();
      range.load("rowIndex,columnIndex,rowCount");
      // a navigation property: a proxy, read after the sync below
      const worksheet = table.worksheet;
      worksheet.load("name");
      table.columns.load("items/name,items/index");
      return { name, table, range, worksheet };
    });
  if (loads.length > 0) await context.sync();
  return loads.map(({ name, table, range, worksheet }) => ({
    name,
    table,
    sheet: worksheet.name,
    left: range.columnIndex,
    dataTop: range.rowIndex + 1,
    dataRows: range.rowCount - 1 - (table.showTotals ? 1 : 0),
    columns: table.columns.items.map((c) => ({ name: c.name, index: c.index })),
  }));
}

/**
 * A rule whose sync failed between adding it and giving it its condition: a cell-value rule
 * with no formula, on one of our columns. Ours, since nobody else makes half a rule there.
 */
function halfMade(
  rule: Excel.ConditionalCellValueRule,
  range: Excel.Range,
  written: Scope["rules"][number]
): boolean {
  if (rule.formula1 || range.isNullObject) return false;
  const area = areaOf(range);
  return area.left === written.area.left && area.columns === written.area.columns;
}

interface RuleNow {
  format: Excel.ConditionalFormat;
  facts: RuleBefore;
}

/** The rules that look like ours on the scope's columns, each once, with all their settings. */
async function loadRules(context: Excel.RequestContext, scope: Scope): Promise<RuleNow[]> {
  if (scope.rules.length === 0) return [];
  const sheets = context.workbook.worksheets;
  const probes = scope.rules.map((rule) => {
    const sheet = sheets.getItemOrNullObject(rule.sheet);
    return { rule, sheet };
  });
  await context.sync();
  const collections = probes
    .filter(({ sheet }) => !sheet.isNullObject)
    .map(({ rule }) => {
      const formats = sheets
        .getItem(rule.sheet)
        .getRange(areaAddress(rule.area)).conditionalFormats;
      formats.load("items/id,items/type,items/priority,items/stopIfTrue");
      return { rule, formats };
    });
  if (collections.length === 0) return [];
  await context.sync();
  const seen = new Map<string, { sheet: string; format: Excel.ConditionalFormat }>();
  const details = [];
  for (const { rule, formats } of collections) {
    for (const format of formats.items) {
      if (format.type !== "CellValue" || seen.has(format.id)) continue;
      seen.set(format.id, { sheet: rule.sheet, format });
      const cellValue = format.cellValue.load("rule");
      const fill = format.cellValue.format.fill.load("color");
      const font = format.cellValue.format.font.load("color");
      const range = format.getRangeOrNullObject();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      details.push({ sheet: rule.sheet, format, cellValue, fill, font, range });
    }
  }
  if (details.length > 0) await context.sync();
  const labels = (sheet: string) => scope.rules.filter((r) => r.sheet === sheet);
  return details
    .filter(({ sheet, cellValue, range }) =>
      labels(sheet).some(
        (written) =>
          halfMade(cellValue.rule, range, written) ||
          isOurRule(
            {
              type: "CellValue",
              operator: cellValue.rule.operator,
              formula1: cellValue.rule.formula1,
              ...(range.isNullObject ? {} : { area: areaOf(range) }),
            },
            written
          )
      )
    )
    .map(({ sheet, format, cellValue, fill, font, range }) => ({
      format,
      facts: {
        sheet,
        area: areaOf(range),
        operator: cellValue.rule.operator,
        formula1: cellValue.rule.formula1,
        ...(fill.color ? { fill: fill.color } : {}),
        ...(font.color ? { fontColor: font.color } : {}),
        stopIfTrue: format.stopIfTrue,
        priority: format.priority,
      },
    }));
}

/** Reads the before-image: a few syncs, and the cells in blocks as any read. */
export async function takeBefore(
  context: Excel.RequestContext,
  scope: Scope,
  store: StoreFacts,
  options: RunOptions = {}
): Promise<Before> {
  const tables = await loadTables(
    context,
    scope.tables.map((t) => t.name)
  );
  const found = await loadRules(context, scope);
  const rules = found.map((r) => r.facts);
  const cells: CellsBefore[] = [];
  for (const { sheet, area, headerRows } of scope.cells) {
    const read = await readCells(context, sheet, area, ["formulas", "numberFormat"], options);
    let headerBold: boolean[] | undefined;
    if (headerRows === 1) {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const fonts = Array.from({ length: area.columns }, (_, c) =>
        worksheet.getRange(cellAddress(area.top, area.left + c)).format.font.load("bold")
      );
      // one sync per column block of a write: one or two
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      headerBold = fonts.map((font) => font.bold === true);
    }
    cells.push({
      sheet,
      area,
      formulas: read.formulas as ExcelValue[][],
      numberFormats: read.numberFormat as ExcelValue[][],
      ...(headerBold ? { headerBold } : {}),
    });
  }
  const tablesBefore: TableBefore[] = [];
  for (const now of tables) {
    const own = scope.tables.find((t) => t.name === now.name)?.own;
    const indexes = own ? ownColumnIndexes(now, own).sort((a, b) => a - b) : [];
    const ownCells = [];
    const headers = indexes.map((index) =>
      context.workbook.worksheets
        .getItem(now.sheet)
        .getRange(cellAddress(now.dataTop - 1, now.left + index))
        .format.font.load("bold")
    );
    // one sync per table a write touches: one or two
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    if (indexes.length > 0) await context.sync();
    for (const [i, index] of indexes.entries()) {
      const area = { top: now.dataTop, left: now.left + index, rows: now.dataRows, columns: 1 };
      const read =
        now.dataRows > 0
          ? await readCells(context, now.sheet, area, ["formulas", "numberFormat"], options)
          : { formulas: [], numberFormat: [] };
      ownCells.push({
        index,
        name: now.columns.find((c) => c.index === index)?.name ?? "",
        headerBold: headers[i].bold === true,
        formulas: read.formulas as ExcelValue[][],
        numberFormats: read.numberFormat as ExcelValue[][],
      });
    }
    tablesBefore.push({
      name: now.name,
      sheet: now.sheet,
      left: now.left,
      dataTop: now.dataTop,
      dataRows: now.dataRows,
      columns: [...now.columns].sort((a, b) => a.index - b.index).map((c) => c.name),
      own: ownCells,
    });
  }
  return {
    ruleFormats: found.map((r) => r.format),
    scope,
    cells,
    tables: tablesBefore,
    rules,
    store: storeBefore(store),
  };
}

/**
 * Puts back everything the before-image holds, looking first at what is there now, so that it
 * works after a failure anywhere, even part-way through a sync.
 */
export async function restoreBefore(context: Excel.RequestContext, before: Before): Promise<void> {
  const store = await loadStore(context);
  const tables = await loadTables(
    context,
    before.tables.map((t) => t.name)
  );
  const rules = await loadRules(context, before.scope);

  const steps: Step[] = [
    calls(
      (ctx) => {
        for (const { format } of rules) format.delete();
        for (const table of before.tables) {
          const now = tables.find((t) => t.name === table.name);
          if (!now) continue;
          const ownNames = new Set(table.own.map((c) => c.name));
          const known = new Set(table.columns);
          for (const column of [...now.columns].sort((a, b) => b.index - a.index)) {
            if (!known.has(column.name) || ownNames.has(column.name))
              now.table.columns.getItemAt(column.index).delete();
          }
          let count = now.columns.filter((c) => known.has(c.name) && !ownNames.has(c.name)).length;
          // in order, each at its place; -1 appends (the typings do not admit null)
          for (const column of table.own) {
            const at = column.index < count ? column.index : -1;
            ctx.workbook.tables.getItem(table.name).columns.add(at, undefined, column.name);
            count++;
          }
        }
        queueRestoreStore(ctx, store, before.store);
      },
      rules.length + before.tables.length * 8 + 10
    ),
  ];
  for (const table of before.tables) {
    for (const column of table.own) {
      const left = table.left + column.index;
      const headerBold = column.headerBold;
      steps.push(
        ...cellSteps(table.sheet, table.dataTop, left, column.formulas, "formulas"),
        ...cellSteps(table.sheet, table.dataTop, left, column.numberFormats, "numberFormat"),
        calls((ctx) => {
          ctx.workbook.worksheets
            .getItem(table.sheet)
            .getRange(cellAddress(table.dataTop - 1, left)).format.font.bold = headerBold;
        })
      );
    }
  }
  for (const cells of before.cells) {
    const { sheet, area } = cells;
    steps.push(
      ...cellSteps(sheet, area.top, area.left, cells.formulas, "formulas"),
      ...cellSteps(sheet, area.top, area.left, cells.numberFormats, "numberFormat")
    );
    if (cells.headerBold) {
      const bold = cells.headerBold;
      steps.push(
        calls((ctx) => {
          const worksheet = ctx.workbook.worksheets.getItem(sheet);
          bold.forEach((value, c) => {
            worksheet.getRange(cellAddress(area.top, area.left + c)).format.font.bold = value;
          });
        }, bold.length)
      );
    }
  }
  if (before.rules.length > 0) steps.push(ruleRestoreStep(before.rules));
  await sendBatches(context, groupIntoBatches(steps));
}

/** The rules made again as they were, then each moved back to its place in the order. */
function ruleRestoreStep(rules: readonly RuleBefore[]): Step {
  return calls((context) => {
    const made = rules.map((rule) => {
      const format = context.workbook.worksheets
        .getItem(rule.sheet)
        .getRange(areaAddress(rule.area))
        .conditionalFormats.add("CellValue");
      if (rule.fill) format.cellValue.format.fill.color = rule.fill;
      if (rule.fontColor) format.cellValue.format.font.color = rule.fontColor;
      format.cellValue.rule = {
        formula1: rule.formula1,
        operator: rule.operator as Excel.ConditionalCellValueOperator,
      };
      format.stopIfTrue = rule.stopIfTrue;
      return { format, priority: rule.priority };
    });
    for (const { format, priority } of [...made].sort((a, b) => a.priority - b.priority))
      format.priority = priority;
  }, rules.length * 6);
}

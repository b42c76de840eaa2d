import { areaAddress } from "../address";
import { RECORD_PREFIX, decodeRecords, encodeRecords } from "../records";
import type { Area, SegmentationRecord } from "../types";
import { isOurRule } from "./rules";

/**
 * What a write or a removal must know before it touches anything: which sheets exist, the
 * records, our colour rules from an earlier run, the Excel tables involved and the charts of
 * sheets about to be reused. At most three syncs, however large the table.
 */
export interface Wanted {
  sheets: readonly string[];
  rules: readonly { sheet: string; area: Area; labels: string[] }[];
  tables: readonly string[];
  /** sheets whose charts will be deleted */
  charts: readonly string[];
}

export interface TableFacts {
  name: string;
  /** the sheet column of the table's first column */
  left: number;
  columns: { name: string; index: number }[];
}

export interface Found {
  /** existing sheets, by lower-case name */
  sheets: Set<string>;
  records: SegmentationRecord[];
  properties: Excel.CustomProperty[];
  rules: Excel.ConditionalFormat[];
  tables: Map<string, TableFacts>;
  charts: Map<string, Excel.Chart[]>;
}

export const sheetKey = (name: string) => name.toLowerCase();

const unique = (names: readonly string[]) => [
  ...new Map(names.map((n) => [sheetKey(n), n])).values(),
];

export function areaOf(range: Excel.Range): Area {
  return {
    top: range.rowIndex,
    left: range.columnIndex,
    rows: range.rowCount,
    columns: range.columnCount,
  };
}

export async function probe(context: Excel.RequestContext, wanted: Wanted): Promise<Found> {
  const worksheets = context.workbook.worksheets;
  const sheetProbes = unique([
    ...wanted.sheets,
    ...wanted.rules.map((r) => r.sheet),
    ...wanted.charts,
  ]).map((name) => ({ name, sheet: worksheets.getItemOrNullObject(name) }));
  const custom = context.workbook.properties.custom;
  custom.load("items/key,items/value");
  const tableProbes = [...new Set(wanted.tables)].map((name) => ({
    name,
    table: context.workbook.tables.getItemOrNullObject(name),
  }));
  await context.sync();

  const sheets = new Set(
    sheetProbes.filter((p) => !p.sheet.isNullObject).map((p) => sheetKey(p.name))
  );
  const properties = custom.items.filter((p) => p.key.startsWith(RECORD_PREFIX));
  const records = decodeRecords(
    Object.fromEntries(properties.map((p) => [p.key, String(p.value)]))
  );

  const ruleProbes = wanted.rules
    .filter((rule) => sheets.has(sheetKey(rule.sheet)))
    .map((rule) => {
      const formats = worksheets
        .getItem(rule.sheet)
        .getRange(areaAddress(rule.area)).conditionalFormats;
      formats.load("items/id,items/type");
      return { rule, formats };
    });
  const tableLoads = tableProbes
    .filter((p) => !p.table.isNullObject)
    .map(({ name, table }) => {
      const range = table.getRange();
      range.load("columnIndex");
      table.columns.load("items/name,items/index");
      return { name, table, range };
    });
  const chartLoads = unique(wanted.charts)
    .filter((name) => sheets.has(sheetKey(name)))
    .map((name) => {
      const charts = worksheets.getItem(name).charts;
      charts.load("items/name");
      return { name, charts };
    });
  if (ruleProbes.length + tableLoads.length + chartLoads.length > 0) await context.sync();

  // overlapping recorded areas can list the same format twice: it is looked at once
  const candidates = new Map<
    string,
    {
      format: Excel.ConditionalFormat;
      cellValue: Excel.CellValueConditionalFormat;
      range: Excel.Range;
    }
  >();
  for (const { formats } of ruleProbes) {
    for (const format of formats.items) {
      if (format.type !== "CellValue" || candidates.has(format.id)) continue;
      const cellValue = format.cellValue.load("rule");
      const range = format.getRangeOrNullObject();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      candidates.set(format.id, { format, cellValue, range });
    }
  }
  if (candidates.size > 0) await context.sync();

  const rules = [...candidates.values()]
    .filter(({ cellValue, range }) => {
      const facts = {
        type: "CellValue",
        operator: cellValue.rule.operator,
        formula1: cellValue.rule.formula1,
        ...(range.isNullObject ? {} : { area: areaOf(range) }),
      };
      return wanted.rules.some((rule) => isOurRule(facts, rule));
    })
    .map(({ format }) => format);

  return {
    sheets,
    records,
    properties,
    rules,
    tables: new Map(
      tableLoads.map(({ name, table, range }) => [
        name,
        {
          name,
          left: range.columnIndex,
          columns: table.columns.items.map((c) => ({ name: c.name, index: c.index })),
        },
      ])
    ),
    charts: new Map(chartLoads.map(({ name, charts }) => [sheetKey(name), charts.items])),
  };
}

/** Replaces the record properties: deletes chunks no longer needed and (over)writes the rest. */
export function queueRecords(
  context: Excel.RequestContext,
  found: Found,
  records: readonly SegmentationRecord[]
): void {
  const next = encodeRecords(records);
  for (const property of found.properties) if (!(property.key in next)) property.delete();
  const custom = context.workbook.properties.custom;
  for (const [key, value] of Object.entries(next)) custom.add(key, value);
}

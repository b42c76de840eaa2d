import { areaAddress, cellAddress, columnName } from "../address";
import type { Area, CellBlock, ChartSpec, ColumnBlock, RuleSet, SheetContent } from "../types";
import { type Step, calls, valueSteps } from "./batches";
import { jsonBytes } from "./blocks";
import { tierFormula } from "./rules";

// The calls that write a plan's columns, sheets and rules, as steps for the batches.

/** Plan widths are in characters; Excel's `columnWidth` is in points. */
export const POINTS_PER_CHARACTER = 7;

const range = (context: Excel.RequestContext, sheet: string, area: Area) =>
  context.workbook.worksheets.getItem(sheet).getRange(areaAddress(area));

/** The new columns' values: the header row (unless a table column carries it) and the data. */
export function columnValueSteps(columns: ColumnBlock): Step[] {
  const { sheet, area, headerRows, values } = columns;
  const header =
    headerRows === 1 && !columns.tableName
      ? valueSteps(sheet, area.top, area.left, values.slice(0, 1))
      : [];
  return [
    ...header,
    ...valueSteps(sheet, area.top + headerRows, area.left, values.slice(headerRows)),
  ];
}

/** Bold header, one number format per column over all its data cells. */
export function columnFormatStep(columns: ColumnBlock): Step {
  const { sheet, area, headerRows, numberFormats } = columns;
  const dataRows = area.rows - headerRows;
  return calls(
    (context) => {
      if (headerRows === 1) range(context, sheet, { ...area, rows: 1 }).format.font.bold = true;
      if (dataRows === 0) return;
      for (let c = 0; c < area.columns; c++) {
        const cells = range(context, sheet, {
          top: area.top + headerRows,
          left: area.left + c,
          rows: dataRows,
          columns: 1,
        });
        // a reused table column may still carry the earlier run's format
        cells.numberFormat = [[numberFormats[c] ?? "General"]];
      }
    },
    1 + area.columns,
    jsonBytes(numberFormats)
  );
}

/** A new sheet, or one of ours from the earlier run emptied for reuse. */
export function sheetSetupStep(
  name: string,
  reuse: { charts: readonly Excel.Chart[] } | undefined
): Step {
  return calls((context) => {
    if (!reuse) {
      context.workbook.worksheets.add(name);
      return;
    }
    for (const chart of reuse.charts) chart.delete();
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.getRange().clear("All");
    sheet.freezePanes.unfreeze();
  }, 3);
}

export function sheetSteps(
  content: SheetContent,
  reuse: { charts: readonly Excel.Chart[] } | undefined
): Step[] {
  return [
    sheetSetupStep(content.name, reuse),
    ...content.blocks.flatMap((block) =>
      valueSteps(content.name, block.top, block.left, block.values)
    ),
    sheetFormatStep(content),
  ];
}

function sheetFormatStep(content: SheetContent): Step {
  const { name } = content;
  const callCount = content.blocks.length * 4 + (content.columnWidths?.length ?? 0) + 20;
  const argumentBytes = jsonBytes(content.columnWidths ?? []) + jsonBytes(content.chart ?? null);
  return calls(
    (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      for (const block of content.blocks) queueBlockFormats(sheet, block);
      content.columnWidths?.forEach((width, c) => {
        const column = columnName(c);
        sheet.getRange(`${column}:${column}`).format.columnWidth = width * POINTS_PER_CHARACTER;
      });
      if (content.freezeRows) sheet.freezePanes.freezeRows(content.freezeRows);
      if (content.chart) addChart(sheet, content.chart);
    },
    callCount,
    argumentBytes
  );
}

function queueBlockFormats(sheet: Excel.Worksheet, block: CellBlock): void {
  const rows = block.values.length;
  const columns = block.values[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return;
  if (block.bold)
    sheet.getRange(
      areaAddress({ top: block.top, left: block.left, rows, columns })
    ).format.font.bold = true;
  block.numberFormats?.forEach((format, c) => {
    if (format)
      sheet.getRange(
        areaAddress({ top: block.top, left: block.left + c, rows, columns: 1 })
      ).numberFormat = [[format]];
  });
  // the legend's swatches: a handful of cells, each with its own colours
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const fill = block.fills?.[r]?.[c];
      const fontColor = block.fontColors?.[r]?.[c];
      if (!fill && !fontColor) continue;
      const format = sheet.getRange(cellAddress(block.top + r, block.left + c)).format;
      if (fill) format.fill.color = fill;
      if (fontColor) format.font.color = fontColor;
    }
  }
}

function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const { categories, values, anchor } = spec;
  const beside =
    values.left === categories.left + 1 &&
    values.top === categories.top &&
    values.rows === categories.rows;
  const source = sheet.getRange(areaAddress(beside ? { ...categories, columns: 2 } : values));
  const chart = sheet.charts.add("ColumnClustered", source, "Columns");
  chart.title.text = spec.title;
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = spec.seriesName;
  if (!beside) series.setXAxisValues(sheet.getRange(areaAddress(categories)));
  spec.colours.forEach((colour, i) => series.points.getItemAt(i).format.fill.setSolidColor(colour));
  chart.setPosition(
    cellAddress(anchor.top, anchor.left),
    cellAddress(anchor.top + anchor.rows - 1, anchor.left + anchor.columns - 1)
  );
}

/** One "cell value equal to" rule per tier, in the tier's colours. */
export function ruleStep(rules: readonly RuleSet[]): Step {
  const count = rules.reduce((n, rule) => n + rule.tiers.length * 4, 0);
  return calls(
    (context) => {
      for (const rule of rules) {
        const cells = range(context, rule.sheet, rule.area);
        for (const tier of rule.tiers) {
          const format = cells.conditionalFormats.add("CellValue");
          format.cellValue.format.fill.color = tier.fill;
          format.cellValue.format.font.color = tier.text;
          format.cellValue.rule = { formula1: tierFormula(tier.label), operator: "EqualTo" };
        }
      }
    },
    count,
    jsonBytes(rules.map((r) => r.tiers))
  );
}

import writeExcelFile, {
  type CellObject,
  type Feature,
  type Sheet,
  type SheetData,
} from "write-excel-file/universal";
import type { MemorySheet, MemoryWorkbook } from "../memory";
import type { CellValue } from "../types";
import { chartFeature, columnChartXml } from "./chart";
import { customPropertiesFeature } from "./properties";

/**
 * An in-memory workbook as an .xlsx file: values, number formats, bold, static fills, column
 * widths, frozen rows, the tier colour rules as conditional formats and the summary chart as a
 * native chart, so Excel and LibreOffice show what the preview showed; the custom document
 * properties carry the segmentation records. Excel tables are written as plain ranges
 * (write-excel-file has no tables; the preview never makes one).
 */
export async function workbookToXlsx(workbook: MemoryWorkbook): Promise<Uint8Array> {
  const features: Feature<Blob>[] = [];
  const sheets: Sheet<Blob>[] = workbook.sheets.map((sheet) => {
    sheet.charts.forEach((chart) => {
      const n = features.length + 1;
      const categories = columnOf(sheet, chart.categories).map((v) => String(v ?? ""));
      const values = columnOf(sheet, chart.values).map((v) => (typeof v === "number" ? v : 0));
      const xml = columnChartXml(sheet.name, chart, categories, values);
      features.push(chartFeature(sheet.name, xml, chart.anchor, n));
    });
    // an empty rule list makes write-excel-file emit broken markup, so leave it out
    const rules = sheet.rules.flatMap((rule) =>
      rule.tiers.map((tier) => ({
        // 1-based, inclusive
        cellRange: {
          from: { row: rule.area.top + 1, column: rule.area.left + 1 },
          to: { row: rule.area.top + rule.area.rows, column: rule.area.left + rule.area.columns },
        },
        // the library quotes the value but does not double quotes inside it
        condition: { operator: "=" as const, value: tier.label.replace(/"/g, '""') },
        style: { backgroundColor: tier.fill, textColor: tier.text },
      }))
    );
    return {
      sheet: sheet.name,
      data: sheetData(sheet),
      columns: sheet.columnWidths.map((width) => ({ width })),
      ...(sheet.frozenRows > 0 ? { stickyRowsCount: sheet.frozenRows } : {}),
      ...(rules.length > 0 ? { conditionalFormatting: rules } : {}),
    };
  });
  if (workbook.properties.size > 0) features.push(customPropertiesFeature(workbook.properties));
  if (sheets.length === 0) sheets.push({ sheet: "Sheet1", data: [[]] });
  const blob = await writeExcelFile(sheets, {
    fontFamily: "Calibri",
    fontSize: 11,
    features,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

function columnOf(sheet: MemorySheet, area: { top: number; left: number; rows: number }) {
  return Array.from({ length: area.rows }, (_, r) => sheet.value(area.top + r, area.left));
}

function sheetData(sheet: MemorySheet): SheetData {
  const used = sheet.usedArea();
  if (!used) return [[]];
  const rows = used.top + used.rows;
  const columns = used.left + used.columns;
  const data: SheetData = [];
  for (let r = 0; r < rows; r++) {
    const row: (CellObject | null)[] = [];
    for (let c = 0; c < columns; c++) {
      const cell = sheet.cell(r, c);
      row.push(cell && (cell.value !== null || cell.fill) ? cellObject(cell) : null);
    }
    data.push(row);
  }
  return data;
}

function cellObject(cell: {
  value: CellValue;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
}): CellObject {
  return {
    ...valueOf(cell.value),
    ...(cell.numberFormat && cell.numberFormat !== "General" && typeof cell.value === "number"
      ? { format: cell.numberFormat }
      : {}),
    ...(cell.bold ? { fontWeight: "bold" as const } : {}),
    ...(cell.fill ? { backgroundColor: cell.fill } : {}),
    ...(cell.fontColor ? { textColor: cell.fontColor } : {}),
  };
}

/** Text is always a string cell, so "=1+2" stays text; line breaks need wrapping to show. */
function valueOf(value: CellValue): CellObject {
  if (value === null) return {};
  // a non-finite number would make the file unreadable; it can only be shown as text
  if (typeof value === "number" && !Number.isFinite(value))
    return { value: String(value), type: String };
  if (typeof value !== "string") return { value };
  const text = value.replace(/\r\n?/g, "\n");
  return text.includes("\n")
    ? { value: text, type: String, wrap: true }
    : { value: text, type: String };
}

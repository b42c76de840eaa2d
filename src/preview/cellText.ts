import type { CellValue } from "../workbook/types";

/**
 * A cell as a spreadsheet shows it, for the formats the add-in writes ("0", "0.0%",
 * "#,##0.00", "yyyy-mm-dd", "yyyy-mm-dd hh:mm") and General for everything else.
 */
export function cellText(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = numberFormat ?? "General";
  if (/y|d/i.test(format) && !format.includes("#")) return dateText(value, /h/.test(format));
  const percent = format.endsWith("%");
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  if (format === "General") return generalText(value);
  return new Intl.NumberFormat("en-US", {
    style: percent ? "percent" : "decimal",
    useGrouping: format.includes(","),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** Up to 11 significant digits, as General shows in a normal-width column. */
function generalText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(11)));
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date serial (days since 1899-12-30) as ISO date and time. */
function dateText(serial: number, withTime: boolean): string {
  const iso = new Date(EXCEL_EPOCH + Math.round(serial * 86_400_000)).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

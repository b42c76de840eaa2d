import { classifyCell } from "./cells";

/**
 * Dates as Excel serial day numbers (1900 date system): 1 is 1900-01-01, 25569 is 1970-01-01.
 * Serials before 1900-03-01 carry Excel's phantom 29 February 1900 and are not supported.
 */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;
export const MAX_SERIAL = 2_958_465; // 9999-12-31
const MIN_SERIAL = 61; // 1900-03-01

export function serialFromYmd(year: number, month: number, day: number): number | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined;
  const serial = time / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return serial >= MIN_SERIAL && serial <= MAX_SERIAL ? serial : undefined;
}

export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const date = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isoDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i;

/**
 * The day (a whole serial number) a cell stands for, or undefined. Accepts Excel serials,
 * numbers written as YYYYMMDD (as in the CDNOW data; they are far beyond Excel's last date),
 * and text: 2024-01-31, 2024/1/31, 20240131, 2024年1月31日, 1/31/2024 (month first, as
 * Excel en-US), each optionally followed by a time of day, which is dropped.
 */
export function dayOf(raw: unknown): number | undefined {
  if (typeof raw === "string") {
    const text = raw.trim();
    const match = ISO.exec(text) ?? COMPACT.exec(text) ?? CHINESE.exec(text);
    if (match) return serialFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
    const us = US.exec(text);
    if (us) return serialFromYmd(Number(us[3]), Number(us[1]), Number(us[2]));
  }
  const cell = classifyCell(raw);
  if (cell.kind !== "number") return undefined;
  const value = cell.value;
  if (value >= MIN_SERIAL && value < MAX_SERIAL + 1) return Math.floor(value);
  if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231) {
    return serialFromYmd(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
  }
  return undefined;
}

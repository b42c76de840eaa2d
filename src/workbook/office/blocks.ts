import { classifyCell } from "../../engine";
import type { CellValue } from "../types";

/**
 * How much travels in one `context.sync()`. Excel on the web refuses a request or a response
 * over 5 MB; the other hosts are slow with big batches. A block of cells stays under 20,000
 * rows and about 4 MB of JSON, which leaves room for the calls around it.
 */
export const MAX_BLOCK_ROWS = 20_000;
export const BLOCK_BYTES = 4_000_000;
/** A block of values leaves this much of a batch to the calls that go with it (formats, a new sheet). */
export const PIECE_BYTES = BLOCK_BYTES - 100_000;
/** Before any cell has been read nothing is known about its size: a long text or date string. */
export const FIRST_GUESS_BYTES_PER_CELL = 64;
/** The rows not read yet may be longer than the ones measured (growing ids, longer names). */
const READ_MARGIN = 1.1;

/** What a cell value becomes on the way to Excel. */
export type ExcelValue = string | number | boolean;

/** The length of a string in UTF-8, which is what the payload limit counts. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      // a surrogate pair is 4 bytes for 2 UTF-16 units
      bytes += 2;
      i++;
    } else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/** Rows of a block to read next: a cautious guess first, then what earlier blocks measured. */
export function rowsToRead(columns: number, bytesPerRow?: number): number {
  const perRow =
    bytesPerRow && bytesPerRow > 0
      ? bytesPerRow * READ_MARGIN
      : Math.max(1, columns) * FIRST_GUESS_BYTES_PER_CELL;
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(BLOCK_BYTES / perRow)));
}

/** Excel hands an empty cell over as "" and an error as its text ("#N/A"). */
export function fromExcel(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

/**
 * Excel reads a written string as if it were typed: "=SUM(A1)" becomes a formula, "007" the
 * number 7, "TRUE" a logical, and a leading apostrophe disappears. An apostrophe in front keeps
 * the text exactly (Excel stores it as a quote prefix, not as part of the value).
 */
export function needsQuotePrefix(text: string): boolean {
  if (/^[=+\-@']/.test(text)) return true;
  if (/^(true|false)$/i.test(text.trim())) return true;
  return classifyCell(text).kind === "number";
}

/** A value as it is sent: null would leave the old cell as it was, so an empty cell is "". */
export function toExcel(value: CellValue): ExcelValue {
  if (value === null) return "";
  if (typeof value === "string" && needsQuotePrefix(value)) return `'${value}`;
  return value;
}

export interface Piece {
  start: number;
  end: number;
  bytes: number;
}

/** Cuts rows into consecutive pieces of at most `maxRows` rows and `maxBytes` of JSON. */
export function cutIntoPieces(
  rows: readonly ExcelValue[][],
  maxRows = MAX_BLOCK_ROWS,
  maxBytes = PIECE_BYTES
): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let bytes = 2;
  for (let r = 0; r < rows.length; r++) {
    const rowBytes = jsonBytes(rows[r]) + 1;
    if (r > start && (r - start >= maxRows || bytes + rowBytes > maxBytes)) {
      pieces.push({ start, end: r, bytes });
      start = r;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  if (rows.length > start) pieces.push({ start, end: rows.length, bytes });
  return pieces;
}

/** Excel on the web's answer to a batch over its payload limit. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

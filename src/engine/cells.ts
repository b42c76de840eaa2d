import { dec } from "./decimal";
import { CvError, invalid } from "./errors";

/** What a spreadsheet cell holds, as far as a calculation is concerned. */
export type Cell =
  | { kind: "number"; value: number }
  | { kind: "blank" }
  | { kind: "text"; text: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; text: string };

const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

const BLANK = { kind: "blank" } as const;

/** Classifies a raw cell value as Excel, Office.js or a CSV reader hands it over. */
export function classifyCell(raw: unknown): Cell {
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "error", text: "#NUM!" };
  }
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === "string") {
    if (ERROR_TEXT.test(raw)) return { kind: "error", text: raw };
    const trimmed = trimSpaces(raw);
    if (trimmed === "") return BLANK;
    const parsed = parseNumberText(trimmed);
    return parsed === undefined ? { kind: "text", text: raw } : { kind: "number", value: parsed };
  }
  if (typeof raw === "boolean") return { kind: "boolean", value: raw };
  if (typeof raw === "object") {
    // Excel's data types (allowCustomDataForDataTypeAny): a formatted number, a string, an
    // error or an entity arrive as objects with a `type` and, mostly, a `basicValue`.
    const value = raw as { type?: unknown; basicValue?: unknown; text?: unknown; code?: unknown };
    if (value.type === "Error")
      return { kind: "error", text: String(value.basicValue ?? "#VALUE!") };
    if (value.code !== undefined) return { kind: "error", text: String(value.code) };
    if (value.basicValue !== undefined && typeof value.basicValue !== "object")
      return classifyCell(value.basicValue);
    if (typeof value.text === "string") return { kind: "text", text: value.text };
  }
  return { kind: "text", text: String(raw) };
}

const SPACES = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;

function trimSpaces(text: string): string {
  return text.replace(SPACES, "");
}

const FULL_WIDTH = /[\uff10-\uff19\uff0c\uff0e\uff0d\uff05\uff04\uff08\uff09]/g;
const CURRENCY_PREFIX = /^(?:US\$|HK\$|NT\$|RMB|CNY|USD|HKD|TWD|EUR|GBP|JPY|[$¥￥€£])\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|圓|円|RMB|CNY|USD|HKD|TWD|EUR|GBP|JPY)$/i;
const PLAIN_NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Reads text that a person would read as a number: "1,234.50", "¥2,000", " 12 ", "-5%",
 * "(1,234)" (accounting negative), full-width digits. Returns undefined for anything else,
 * including ambiguous grouping such as "1,23".
 */
export function parseNumberText(text: string): number | undefined {
  let s = trimSpaces(text).replace(FULL_WIDTH, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0)
  );
  s = s.replace(/\u2212/g, "-");
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // One sign at most, before or after the currency: "-$5" and "$-5".
  let signed = false;
  const takeSign = () => {
    if (!signed && (s.startsWith("-") || s.startsWith("+"))) {
      signed = true;
      negative = negative !== s.startsWith("-");
      s = s.slice(1).trim();
    }
  };
  takeSign();
  s = s.replace(CURRENCY_PREFIX, "").replace(CURRENCY_SUFFIX, "");
  takeSign();
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (GROUPED_NUMBER.test(s)) s = s.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const literal = negative ? `-${s}` : s;
  const value = percent ? dec(literal).div(100).toNumber() : Number(literal);
  return Number.isFinite(value) ? value : undefined;
}

/** Where a value sat in the range it came from (1-based), for messages. */
export interface Position {
  row: number;
  column?: number;
}

/** The error for a cell that should have held a number. */
export function cellProblem(cell: Cell, arg: string, position?: Position): CvError {
  if (cell.kind === "blank") return invalid("required", { arg });
  const value =
    cell.kind === "boolean"
      ? cell.value
        ? "TRUE"
        : "FALSE"
      : cell.kind === "number"
        ? String(cell.value)
        : cell.text;
  if (!position) return invalid("notNumber", { arg, value });
  const where = { row: position.row, ...(position.column ? { column: position.column } : {}) };
  const code =
    cell.kind === "boolean" ? "cellBoolean" : cell.kind === "error" ? "cellError" : "cellText";
  return invalid(code, { arg, value, ...where });
}

/** A number, or throws an error naming the argument. Blank gives `undefined`. */
export function optionalNumber(raw: unknown, arg: string, position?: Position): number | undefined {
  const cell = classifyCell(raw);
  if (cell.kind === "number") return cell.value;
  if (cell.kind === "blank") return undefined;
  throw cellProblem(cell, arg, position);
}

export function requiredNumber(raw: unknown, arg: string): number {
  const value = optionalNumber(raw, arg);
  if (value === undefined) throw invalid("required", { arg });
  return value;
}

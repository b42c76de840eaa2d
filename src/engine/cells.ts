import { dec } from "./decimal";
import { CvError, invalid } from "./errors";

/**
 * A value with no number, text, truth value or error of its own, such as an image or an
 * entity (a record shown by its name): what it is, and the name it shows, if any. The readers
 * of the custom functions turn Excel's data types into plain values or into these.
 */
export type CellObjectKind =
  "image" | "entity" | "linkedEntity" | "array" | "function" | "dataType";

export class CellObject {
  constructor(
    readonly what: CellObjectKind,
    readonly name?: string
  ) {}

  /** Never "[object Object]", should a message ever print one. */
  toString(): string {
    return this.name ?? this.what;
  }
}

/** What a spreadsheet cell holds, as far as a calculation is concerned. */
export type Cell =
  | { kind: "number"; value: number }
  | { kind: "blank" }
  | { kind: "text"; text: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; text: string }
  | { kind: "object"; what: CellObjectKind; name?: string };

const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

const BLANK = { kind: "blank" } as const;

/**
 * Classifies a cell value as Office.js or a CSV reader hands it over: a number, a string, a
 * boolean, null, or a CellObject. Any other object is "a data type" (never its String()).
 */
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
  if (raw instanceof CellObject)
    return raw.name === undefined
      ? { kind: "object", what: raw.what }
      : { kind: "object", what: raw.what, name: raw.name };
  if (Array.isArray(raw)) return { kind: "object", what: "array" };
  if (typeof raw === "function") return { kind: "object", what: "function" };
  if (typeof raw === "object") return { kind: "object", what: "dataType" };
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

/** The smallest positive normal double: Excel holds nothing closer to 0 (but 0 itself). */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * Reads text that a person would read as a number: "1,234.50", "¥2,000", " 12 ", "-5%",
 * "(1,234)" (accounting negative), full-width digits. Returns undefined for anything else,
 * including ambiguous grouping such as "1,23", a sign inside accounting brackets ("(-5)":
 * negative twice is no reading anyone means) and a number Excel cannot hold ("1e400", and
 * "1e-400", which is not 0).
 */
export function parseNumberText(text: string): number | undefined {
  let s = trimSpaces(text).replace(FULL_WIDTH, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0)
  );
  s = s.replace(/\u2212/g, "-");
  let negative = false;
  // In accounting brackets the brackets are the sign: "(-5)" and "(+5)" are not numbers.
  let signed = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    signed = true;
    s = s.slice(1, -1).trim();
    if (s.startsWith("-") || s.startsWith("+")) return undefined;
  }
  // One sign at most, before or after the currency: "-$5" and "$-5".
  const takeSign = () => {
    if (s.startsWith("-") || s.startsWith("+")) {
      if (signed) return false;
      signed = true;
      negative = negative !== s.startsWith("-");
      s = s.slice(1).trim();
    }
    return true;
  };
  if (!takeSign()) return undefined;
  s = s.replace(CURRENCY_PREFIX, "").replace(CURRENCY_SUFFIX, "");
  if (!takeSign()) return undefined;
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (GROUPED_NUMBER.test(s)) s = s.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const literal = negative ? `-${s}` : s;
  const value = percent ? dec(literal).div(100).toNumber() : Number(literal);
  if (!Number.isFinite(value)) return undefined;
  if (!/[1-9]/.test(s.split(/e/i)[0])) return 0;
  return Math.abs(value) >= SMALLEST_NORMAL ? value : undefined;
}

/** Where a value sat in the range it came from (1-based), for messages. */
export interface Position {
  row: number;
  column?: number;
}

/** The error for a cell that should have held a number. */
export function cellProblem(cell: Cell, arg: string, position?: Position): CvError {
  const where = !position
    ? {}
    : { row: position.row, ...(position.column ? { column: position.column } : {}) };
  if (cell.kind === "blank") return invalid("required", { arg, ...where });
  if (cell.kind === "object") return objectProblem(cell, arg, position);
  const value =
    cell.kind === "boolean"
      ? cell.value
        ? "TRUE"
        : "FALSE"
      : cell.kind === "number"
        ? String(cell.value)
        : cell.text;
  if (!position) return invalid("notNumber", { arg, value });
  const code =
    cell.kind === "boolean" ? "cellBoolean" : cell.kind === "error" ? "cellError" : "cellText";
  return invalid(code, { arg, value, ...where });
}

/** The error for a cell holding an image, an entity or another value with nothing to use. */
export function objectProblem(
  cell: Extract<Cell, { kind: "object" }>,
  arg: string,
  position?: Position
): CvError {
  return invalid("cellObject", {
    arg,
    what: cell.what,
    ...(cell.name === undefined ? {} : { name: cell.name }),
    ...(position ? { row: position.row } : {}),
    ...(position?.column ? { column: position.column } : {}),
  });
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

import { OfficeMockObject } from "office-addin-mock";
import type { Area, CellValue } from "../../src/workbook/types";

/**
 * A fake Excel for the Office.js adapter: a grid of cells per sheet, Excel tables, conditional
 * formats, charts, custom document properties and custom XML parts, driven through the same
 * proxy objects as Office.js. Calls are queued and run only at `context.sync()`, loaded
 * properties are readable only after it, and every sync is kept in a journal: its operations
 * and the JSON size of what was written and read back. Like Excel on the web it refuses a
 * batch over 5 MB.
 *
 * It is at least as strict as Excel's documentation: what the documentation leaves open (a
 * duplicate table column name, `mergeUndoGroup` on an old host) is refused. It also fails on
 * demand: a sync can fail before or at any of its calls (`failSync`), Excel can go away after
 * a sync (`closeAfterSync`), the user can be editing a cell (`editingCell`), and a merged undo
 * group can fail as it does on the web (`mergeUndoFails`).
 *
 * The request context is an `office-addin-mock` object (its `sync` wrapped, as its docs
 * suggest); the mock has no collections, methods or deferred execution, so the workbook
 * objects below are written by hand.
 */

export interface MockCell {
  value: CellValue;
  /** set when a written string was taken as a formula; its value is then "#NAME?" */
  formula?: string;
  quotePrefix?: boolean;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
}

export interface MockTable {
  name: string;
  sheet: MockSheet;
  area: Area;
  showTotals: boolean;
  /** one id per column, in order, so that a column object follows its column */
  columnIds: string[];
}

export interface MockRule {
  id: string;
  type: string;
  area: Area;
  operator?: string;
  formula1?: string;
  formula2?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
}

export interface MockChart {
  name: string;
  type: string;
  source: Area;
  seriesBy: string;
  title?: string;
  legendVisible: boolean;
  seriesName?: string;
  categories?: Area;
  pointFills: string[];
  position?: [string, string];
}

export interface MockXmlPart {
  id: string;
  /** the namespace of the root element; "" without one */
  namespaceUri: string;
  xml: string;
}

export type Platform = "desktop" | "web";
export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface Operation {
  target: string;
  action: string;
  writes: boolean;
  bytes: number;
}

export interface Batch {
  run: number;
  operations: Operation[];
  /** JSON bytes of the values and arguments sent */
  writtenBytes: number;
  /** JSON bytes of the loaded values sent back */
  readBytes: number;
  bytes: number;
  error?: string;
}

export class MockOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

/** A failure planned with `failSync`: `fired` says whether a sync reached it. */
export interface SyncFault {
  /** the sync it fails, counted from the first sync this Excel saw (1-based) */
  readonly sync: number;
  /** "start": before any call (a dropped connection); n: at the n-th call (1-based); "end": after every call, the answer lost */
  readonly at: "start" | "end" | number;
  readonly error: MockOfficeError;
  fired: boolean;
}

/** The code of every sync and run once Excel is gone (`OfficeExtension.ErrorCodes.connectionFailure`). */
export const CONNECTION_LOST = "ConnectionFailure";

const RUN_OPTIONS = ["mergeUndoGroup", "delayForCellEdit"];
const CALCULATION_TYPES = ["Recalculate", "Full", "FullRebuild"];

/**
 * APIs that cannot be undone, so a run with `mergeUndoGroup` fails with UndoNotSupported on
 * them, and the platforms where that is so ("Unsupported APIs" in the undo documentation).
 * Only those the model has are listed.
 */
const NOT_UNDOABLE: Record<string, readonly Platform[]> = {
  "Worksheet.delete": ["desktop", "web"],
  "Worksheet.name": ["desktop"],
  "Worksheet.position": ["desktop"],
  "Worksheet.visibility": ["desktop"],
};

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_READ_CELLS = 5_000_000;
/** What Excel outside the web keeps of a custom property's key or value (UTF-16 code units). */
const PROPERTY_LIMIT = 255;
const WHOLE_SHEET: Area = { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS };

export function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

function intersects(a: Area, b: Area): boolean {
  return (
    a.top < b.top + b.rows &&
    b.top < a.top + a.rows &&
    a.left < b.left + b.columns &&
    b.left < a.left + a.columns
  );
}

function contains(outer: Area, inner: Area): boolean {
  return (
    inner.top >= outer.top &&
    inner.left >= outer.left &&
    inner.top + inner.rows <= outer.top + outer.rows &&
    inner.left + inner.columns <= outer.left + outer.columns
  );
}

/** "A1", "B2:C9", "A:C", "3:5", with or without a sheet and `$`. */
export function parseA1(address: string): Area {
  const plain = address
    .slice(address.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .toUpperCase();
  const [from, to = from] = plain.split(":");
  const part = (ref: string) => {
    const match = /^([A-Z]*)(\d*)$/.exec(ref);
    if (!match || (!match[1] && !match[2]))
      throw new MockOfficeError("InvalidArgument", `bad address ${address}`);
    const column = match[1]
      ? [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      : undefined;
    const row = match[2] ? Number(match[2]) - 1 : undefined;
    return { row, column };
  };
  const a = part(from);
  const b = part(to);
  const top = a.row ?? 0;
  const bottom = b.row ?? MAX_ROWS - 1;
  const left = a.column ?? 0;
  const right = b.column ?? MAX_COLUMNS - 1;
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

function letters(column: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function a1(sheet: string, area: Area): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const first = `${letters(area.left)}${area.top + 1}`;
  const last = `${letters(area.left + area.columns - 1)}${area.top + area.rows}`;
  return `${quoted}!${first === last ? first : `${first}:${last}`}`;
}

/** What Excel makes of a value written through `Range.values`, as if it were typed. */
function typed(input: unknown): Partial<MockCell> {
  if (input === "") return { value: null, formula: undefined, quotePrefix: false };
  if (typeof input === "number" || typeof input === "boolean")
    return { value: input, formula: undefined, quotePrefix: false };
  if (typeof input !== "string")
    throw new MockOfficeError("InvalidArgument", `cannot write ${typeof input}`);
  if (input.startsWith("'"))
    return { value: input.slice(1), formula: undefined, quotePrefix: true };
  const number = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*(%?)\s*$/i.exec(input);
  if (number) {
    const value = Number(input.trim().replace(/%$/, ""));
    return { value: number[4] ? value / 100 : value, formula: undefined, quotePrefix: false };
  }
  if (/^\s*(true|false)\s*$/i.test(input))
    return { value: /true/i.test(input), formula: undefined, quotePrefix: false };
  if (/^[=+\-@]/.test(input)) return { value: "#NAME?", formula: input, quotePrefix: false };
  return { value: input, formula: undefined, quotePrefix: false };
}

/** Excel's rules for a sheet name: 1 to 31 characters, none of \ / ? * [ ] :, no apostrophe at either end, not "History". */
function checkSheetName(name: unknown): string {
  if (
    typeof name !== "string" ||
    !name ||
    name.length > 31 ||
    /[\\/?*[\]:]/.test(name) ||
    /^'|'$/.test(name) ||
    name.toLowerCase() === "history"
  )
    throw new MockOfficeError("InvalidArgument", `sheet name ${String(name)}`);
  return name;
}

const XML_NAME = /[A-Za-z_:\u00C0-\uFFEF][\w.\-:\u00B7\u00C0-\uFFEF]*/y;
const BAD_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/**
 * Checks that `xml` is well-formed XML with one root element (an XML declaration, comments and
 * processing instructions around it allowed, a DOCTYPE refused) and that every prefix is
 * declared; returns the root element's namespace, "" without one. Malformed: InvalidArgument.
 */
export function xmlRootNamespace(xml: string): string {
  const refuse = (why: string): never => {
    throw new MockOfficeError("InvalidArgument", `the XML is not well-formed: ${why}`);
  };
  if (typeof xml !== "string") return refuse("not a string");
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml))
    refuse("a character XML does not allow");
  let at = xml.startsWith("\uFEFF") ? 1 : 0;
  const skipSpace = () => {
    const start = at;
    while (at < xml.length && " \t\r\n".includes(xml[at])) at++;
    return at > start;
  };
  const name = () => {
    XML_NAME.lastIndex = at;
    const match = XML_NAME.exec(xml);
    if (!match) return refuse(`a name expected at ${at}`);
    at += match[0].length;
    return match[0];
  };
  const text = (content: string) => {
    if (BAD_AMPERSAND.test(content)) refuse("an & that starts no entity");
    if (content.includes("]]>")) refuse("]]> in text");
  };
  const skipPast = (end: string, what: string) => {
    const found = xml.indexOf(end, at);
    if (found < 0) refuse(`an unclosed ${what}`);
    const inside = xml.slice(at, found);
    at = found + end.length;
    return inside;
  };
  const comment = () => {
    at += 4;
    const inside = skipPast("-->", "comment");
    if (inside.includes("--") || inside.endsWith("-")) refuse("-- in a comment");
  };
  const instruction = () => {
    at += 2;
    if (/^xml$/i.test(name())) refuse("an XML declaration not at the start");
    skipPast("?>", "processing instruction");
  };
  const misc = () => {
    for (;;) {
      skipSpace();
      if (xml.startsWith("<!--", at)) comment();
      else if (xml.startsWith("<?", at)) instruction();
      else return;
    }
  };

  type Open = { name: string; scope: Map<string, string> };
  const prefixOf = (qualified: string) =>
    qualified.includes(":") ? qualified.slice(0, qualified.indexOf(":")) : "";
  /** Reads `<name attr="v" ...>` or `/>`; returns the element, and whether it was empty. */
  const openTag = (parent: Map<string, string>): [Open, boolean] => {
    at++;
    const element = name();
    const attributes = new Map<string, string>();
    let empty = false;
    for (;;) {
      const spaced = skipSpace();
      if (xml.startsWith("/>", at)) {
        [at, empty] = [at + 2, true];
        break;
      }
      if (xml[at] === ">") {
        at++;
        break;
      }
      if (!spaced) refuse(`a space expected in <${element}>`);
      const attribute = name();
      skipSpace();
      if (xml[at] !== "=") refuse(`= expected after ${attribute}`);
      at++;
      skipSpace();
      const quote = xml[at];
      if (quote !== '"' && quote !== "'") refuse(`a quoted value expected for ${attribute}`);
      at++;
      const value = skipPast(quote, "attribute value");
      if (value.includes("<")) refuse(`< in the value of ${attribute}`);
      text(value);
      if (attributes.has(attribute)) refuse(`${attribute} twice in <${element}>`);
      attributes.set(attribute, value);
    }
    const scope = new Map(parent);
    for (const [attribute, value] of attributes) {
      if (attribute === "xmlns") scope.set("", value);
      else if (attribute.startsWith("xmlns:")) {
        if (!value) refuse(`an empty namespace for ${attribute}`);
        scope.set(attribute.slice(6), value);
      }
    }
    for (const qualified of [element, ...attributes.keys()]) {
      const prefix = prefixOf(qualified);
      if (prefix && prefix !== "xmlns" && !scope.has(prefix))
        refuse(`the prefix ${prefix} is not declared`);
    }
    return [{ name: element, scope }, empty];
  };

  if (/^<\?xml[\s?]/.test(xml.slice(at, at + 6))) {
    const declaration = xml.slice(at, xml.indexOf("?>", at) + 2);
    const valid =
      /^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/;
    if (!valid.test(declaration)) refuse("a bad XML declaration");
    at += declaration.length;
  }
  misc();
  if (xml.startsWith("<!DOCTYPE", at)) refuse("a DOCTYPE");
  if (xml[at] !== "<" || xml.startsWith("</", at) || xml.startsWith("<!", at))
    refuse("no root element");
  const [root, empty] = openTag(new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]));
  const open: Open[] = empty ? [] : [root];
  while (open.length > 0) {
    const next = xml.indexOf("<", at);
    if (next < 0) refuse(`<${open[open.length - 1].name}> is not closed`);
    text(xml.slice(at, next));
    at = next;
    if (xml.startsWith("</", at)) {
      at += 2;
      const closing = name();
      skipSpace();
      if (xml[at] !== ">") refuse(`> expected after </${closing}`);
      at++;
      const opened = open.pop()!;
      if (opened.name !== closing) refuse(`</${closing}> closes <${opened.name}>`);
    } else if (xml.startsWith("<!--", at)) comment();
    else if (xml.startsWith("<![CDATA[", at)) {
      at += 9;
      skipPast("]]>", "CDATA section");
    } else if (xml.startsWith("<?", at)) instruction();
    else if (xml.startsWith("<!", at)) refuse("a declaration inside an element");
    else {
      const [element, closed] = openTag(open[open.length - 1].scope);
      if (!closed) open.push(element);
    }
  }
  misc();
  if (at < xml.length) refuse("more than one root element, or text after it");
  return root.scope.get(prefixOf(root.name)) ?? "";
}

/** `Office.context.requirements.isSetSupported`'s comparison: "1.20" is above "1.9". */
function versionAtMost(version: string, highest: string): boolean {
  const [major, minor = 0] = version.split(".").map(Number);
  const [hasMajor, hasMinor = 0] = highest.split(".").map(Number);
  return major < hasMajor || (major === hasMajor && minor <= hasMinor);
}

/** Lets pending promise callbacks and timers run, as Excel raises events after its own work. */
const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class MockSheet {
  readonly cells = new Map<number, Map<number, MockCell>>();
  rules: MockRule[] = [];
  charts: MockChart[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  visibility: SheetVisibility = "Visible";

  constructor(public name: string) {}

  cell(row: number, column: number): MockCell | undefined {
    return this.cells.get(row)?.get(column);
  }

  value(row: number, column: number): CellValue {
    return this.cell(row, column)?.value ?? null;
  }

  /** Changes a cell; a cell left with nothing but defaults is no cell at all. */
  set(row: number, column: number, change: Partial<MockCell>): void {
    let line = this.cells.get(row);
    if (!line) this.cells.set(row, (line = new Map()));
    const cell: MockCell = { ...(line.get(column) ?? { value: null }), ...change };
    if (cell.formula === undefined) delete cell.formula;
    if (!cell.quotePrefix) delete cell.quotePrefix;
    if (!cell.bold) delete cell.bold;
    if (cell.numberFormat === undefined || cell.numberFormat === "General")
      delete cell.numberFormat;
    if (cell.fill === undefined) delete cell.fill;
    if (cell.fontColor === undefined) delete cell.fontColor;
    if (Object.keys(cell).length === 1 && cell.value === null) line.delete(column);
    else line.set(column, cell);
    if (line.size === 0) this.cells.delete(row);
  }

  /** Calls `visit` for each cell that exists inside the area. */
  eachExisting(area: Area, visit: (row: number, column: number, cell: MockCell) => void): void {
    for (const [r, line] of this.cells) {
      if (r < area.top || r >= area.top + area.rows) continue;
      for (const [c, cell] of line)
        if (c >= area.left && c < area.left + area.columns) visit(r, c, cell);
    }
  }

  /** true or false when every cell of the area is bold or not, null when they differ. */
  bold(area: Area): boolean | null {
    let bold = 0;
    this.eachExisting(area, (_r, _c, cell) => (bold += cell.bold ? 1 : 0));
    if (bold === 0) return false;
    return bold === area.rows * area.columns ? true : null;
  }

  values(area: Area): CellValue[][] {
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => this.value(area.top + r, area.left + c))
    );
  }

  /** Calls `visit` for each cell of the area; for a huge area only for cells that exist. */
  eachCell(area: Area, visit: (row: number, column: number) => void): void {
    if (area.rows * area.columns > 5_000_000) {
      for (const [r, line] of this.cells)
        for (const c of [...line.keys()])
          if (contains(area, { top: r, left: c, rows: 1, columns: 1 })) visit(r, c);
      return;
    }
    for (let r = area.top; r < area.top + area.rows; r++)
      for (let c = area.left; c < area.left + area.columns; c++) visit(r, c);
  }

  clear(area: Area, what: string): void {
    const inside: [number, number][] = [];
    for (const [r, line] of this.cells) {
      if (r < area.top || r >= area.top + area.rows) continue;
      for (const c of line.keys())
        if (c >= area.left && c < area.left + area.columns) inside.push([r, c]);
    }
    for (const [r, c] of inside) {
      const cell = this.cell(r, c)!;
      const contents = { value: null, formula: undefined, quotePrefix: false };
      const formats = {
        numberFormat: undefined,
        bold: undefined,
        fill: undefined,
        fontColor: undefined,
      };
      if (what === "All") this.set(r, c, { ...contents, ...formats });
      else if (what === "Contents") this.set(r, c, contents);
      else if (what === "Formats") this.set(r, c, { ...formats, value: cell.value });
    }
    // Excel also takes cleared cells out of conditional formats; only whole rules are modelled
    if (what === "All" || what === "Formats")
      this.rules = this.rules.filter((rule) => !contains(area, rule.area));
  }

  /** The box around every cell with a value (or any cell at all), inside `within`. */
  usedArea(within: Area = WHOLE_SHEET, valuesOnly = true): Area | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, line] of this.cells) {
      if (r < within.top || r >= within.top + within.rows) continue;
      for (const [c, cell] of line) {
        if (c < within.left || c >= within.left + within.columns) continue;
        if (valuesOnly && cell.value === null) continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom < 0
      ? undefined
      : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Ctrl+*: grows from a cell while a neighbouring row or column holds a value. */
  region(row: number, column: number): Area {
    let [top, left, bottom, right] = [row, column, row, column];
    const filled = (r: number, c: number) => r >= 0 && c >= 0 && this.value(r, c) !== null;
    const rowHas = (r: number) => {
      for (let c = left - 1; c <= right + 1; c++) if (filled(r, c)) return true;
      return false;
    };
    const columnHas = (c: number) => {
      for (let r = top - 1; r <= bottom + 1; r++) if (filled(r, c)) return true;
      return false;
    };
    // rows are grown to the end before a column is looked at, or a long table costs rows²
    for (let grown = true; grown;) {
      grown = false;
      while (top > 0 && rowHas(top - 1)) [top, grown] = [top - 1, true];
      while (rowHas(bottom + 1)) [bottom, grown] = [bottom + 1, true];
      while (left > 0 && columnHas(left - 1)) [left, grown] = [left - 1, true];
      while (columnHas(right + 1)) [right, grown] = [right + 1, true];
    }
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** In rows top..top+rows, the cells from `column` on move right (+1), or `column` goes and the rest move left (-1). */
  shift(top: number, rows: number, column: number, by: 1 | -1): void {
    for (let r = top; r < top + rows; r++) {
      const line = this.cells.get(r);
      if (!line) continue;
      const moved = new Map<number, MockCell>();
      for (const [c, cell] of line) {
        if (c < column) moved.set(c, cell);
        else if (by === 1) moved.set(c + 1, cell);
        else if (c > column) moved.set(c - 1, cell);
      }
      if (moved.size > 0) this.cells.set(r, moved);
      else this.cells.delete(r);
    }
  }
}

type SelectionHandler = (args: Excel.SelectionChangedEventArgs) => Promise<unknown>;

/** What a user, or the saved file, has of a workbook: no internal ids, no selection. */
export interface VisibleState {
  sheets: {
    name: string;
    visibility: SheetVisibility;
    cells: [number, number, MockCell][];
    columnWidths: [number, number][];
    frozenRows: number;
    conditionalFormats: Omit<MockRule, "id">[];
    charts: Omit<MockChart, "name">[];
  }[];
  tables: {
    name: string;
    sheet: string;
    area: Area;
    columns: string[];
    showTotals: boolean;
  }[];
  customProperties: { key: string; value: unknown }[];
  customXmlParts: { namespaceUri: string; xml: string }[];
}

export class MockExcel {
  sheets: MockSheet[] = [];
  tables: MockTable[] = [];
  /** custom document properties; keys are case-insensitive, as in Excel */
  readonly properties = new Map<string, unknown>();
  xmlParts: MockXmlPart[] = [];
  selection: { sheet: string; area: Area } = {
    sheet: "Sheet1",
    area: { top: 0, left: 0, rows: 1, columns: 1 },
  };
  /** the highest ExcelApi version the fake host supports */
  apiVersion = "1.20";
  /** the highest SharedRuntime version, or undefined for a host without the shared runtime */
  sharedRuntime: string | undefined = "1.1";
  /** decides the documented differences: property trimming, what cannot be undone */
  platform: Platform = "desktop";
  payloadLimit = 5_000_000;
  /** the user is typing in a cell: a run without `delayForCellEdit` fails */
  editingCell = false;
  /** makes the first sync of every run with `mergeUndoGroup` fail with this error */
  mergeUndoFails?: MockOfficeError;
  readonly journal: Batch[] = [];
  /** every `Excel.run`, also those refused */
  readonly runs: { options: Excel.RunOptions | undefined }[] = [];
  readonly requirementQueries: { name: string; version: unknown }[] = [];
  /** every `application.calculate`, in order */
  readonly calculations: { run: number; type: string }[] = [];
  /** errors thrown by event handlers, which Excel ignores */
  readonly handlerErrors: unknown[] = [];
  /**
   * Makes a call fail when its sync reaches it, as Excel fails a batch part-way: the calls
   * before it stay done, the ones after it are not run, and the sync rejects.
   */
  failWhen?: (operation: Operation) => MockOfficeError | undefined;
  private nextId = 1;
  /** Each sheet keeps its selection while another is active, as in Excel. */
  private readonly selections = new Map<string, Area>();
  private readonly faults = new Map<number, SyncFault>();
  private closingAfter: number | undefined;
  private gone = false;
  private readonly selectionHandlers = new Set<{
    handler: SelectionHandler;
    workbook: Excel.Workbook;
  }>();
  /** written under suspended calculation, with no calculate after: globally, and per run */
  private stale = false;
  private readonly staleRuns = new Set<number>();

  static withTable(name: string, rows: CellValue[][]): MockExcel {
    const excel = new MockExcel();
    const sheet = excel.addSheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => value !== null && value !== "" && sheet.set(r, c, { value }))
    );
    excel.selection = { sheet: name, area: { top: 0, left: 0, rows: 1, columns: 1 } };
    return excel;
  }

  id(): string {
    return `{${this.nextId++}}`;
  }

  /** Makes a sheet the active one, with the selection it had there (A1 at first). */
  activate(name: string): void {
    const { sheet: current, area } = this.selection;
    if (current.toLowerCase() === name.toLowerCase()) return;
    this.selections.set(current.toLowerCase(), area);
    const kept = this.selections.get(name.toLowerCase());
    this.selection = { sheet: name, area: kept ?? { top: 0, left: 0, rows: 1, columns: 1 } };
  }

  sheet(name: string): MockSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): MockSheet {
    checkSheetName(name);
    if (this.sheet(name)) throw new MockOfficeError("ItemAlreadyExists", `sheet ${name}`);
    const sheet = new MockSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Renames a sheet by Excel's rules; its tables, rules and charts go with it. */
  renameSheet(sheet: MockSheet, name: unknown): void {
    checkSheetName(name);
    const newName = name as string;
    const other = this.sheet(newName);
    if (other && other !== sheet)
      throw new MockOfficeError("ItemAlreadyExists", `sheet ${newName}`);
    const oldKey = sheet.name.toLowerCase();
    if (this.selection.sheet.toLowerCase() === oldKey)
      this.selection = { ...this.selection, sheet: newName };
    const kept = this.selections.get(oldKey);
    if (kept) {
      this.selections.delete(oldKey);
      this.selections.set(newName.toLowerCase(), kept);
    }
    sheet.name = newName;
  }

  addTable(sheet: string, name: string, area: Area, showTotals = false): MockTable {
    const columnIds = Array.from({ length: area.columns }, () => this.id());
    const table = { name, sheet: this.sheet(sheet)!, area, showTotals, columnIds };
    this.tables.push(table);
    return table;
  }

  table(name: string): MockTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** The key a custom property is kept under: keys are case-insensitive. */
  propertyKey(key: string): string | undefined {
    const wanted = key.toLowerCase();
    return [...this.properties.keys()].find((k) => k.toLowerCase() === wanted);
  }

  supports(version: string): boolean {
    return versionAtMost(version, this.apiVersion);
  }

  require(version: string, what: string): void {
    if (!this.supports(version))
      throw new MockOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }

  /** ExcelApi by `apiVersion`, SharedRuntime by `sharedRuntime`; nothing else. */
  readonly isSetSupported = (name: string, version: string): boolean => {
    this.requirementQueries.push({ name, version });
    if (typeof version !== "string") throw new Error("pass the version as a string");
    if (name === "ExcelApi") return this.supports(version);
    if (name === "SharedRuntime")
      return this.sharedRuntime !== undefined && versionAtMost(version, this.sharedRuntime);
    return false;
  };

  /**
   * `Excel.run`. Refused when Excel is gone, and (stricter than the documentation, which is
   * silent) when `mergeUndoGroup` is asked of a host below ExcelApi 1.20. Queued calls left
   * unsynced at the end are an error.
   */
  readonly run = async <T>(
    options: Excel.RunOptions | undefined,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> => {
    this.runs.push({ options });
    const run = this.runs.length - 1;
    if (this.gone) throw new MockOfficeError(CONNECTION_LOST, "Excel is gone");
    for (const key of Object.keys(options ?? {}))
      if (!RUN_OPTIONS.includes(key)) throw new Error(`the model has no run option ${key}`);
    if (options?.mergeUndoGroup && !this.supports("1.20"))
      throw new MockOfficeError("InvalidArgument", "mergeUndoGroup needs ExcelApi 1.20");
    const context = new MockContext(this, run, options ?? {});
    const result = await batch(context.shell as unknown as Excel.RequestContext);
    if (context.pending.length > 0)
      throw new Error(`${context.pending.length} queued calls were never synced`);
    return result;
  };

  /** Syncs so far (refused ones too), or of one run. */
  syncs(run?: number): number {
    return this.journal.filter((b) => run === undefined || b.run === run).length;
  }

  largestBatch(): number {
    return Math.max(0, ...this.journal.map((b) => b.bytes));
  }

  /** The header row's names of a table, in order. */
  tableHeaders(name: string): string[] {
    const table = this.table(name)!;
    return Array.from({ length: table.area.columns }, (_, c) =>
      String(table.sheet.value(table.area.top, table.area.left + c))
    );
  }

  /**
   * The k-th sync from now (1-based, counted across runs) fails with `error` (GeneralException
   * by default): at "start", before any of its calls (the default: a dropped connection); at
   * n, when it reaches its n-th call, the calls before it staying done, as Excel fails a batch;
   * at "end", after all its calls are done, the answer lost. A sync with fewer than n calls
   * does not fail, and `fired` stays false: loops stop there.
   */
  failSync(
    k: number,
    options: { at?: "start" | "end" | number; error?: MockOfficeError } = {}
  ): SyncFault {
    if (!Number.isInteger(k) || k < 1) throw new Error(`failSync(${k}): k counts from 1`);
    const at = options.at ?? "start";
    if (typeof at === "number" && (!Number.isInteger(at) || at < 1))
      throw new Error(`failSync: at ${at}: calls count from 1`);
    const sync = this.journal.length + k;
    if (this.faults.has(sync)) throw new Error(`sync ${sync} already has a planned failure`);
    const fault: SyncFault = {
      sync,
      at,
      error:
        options.error ?? new MockOfficeError("GeneralException", `planned failure of sync ${sync}`),
      fired: false,
    };
    this.faults.set(sync, fault);
    return fault;
  }

  /**
   * After the k-th sync from now (1-based, counted across runs) is done, Excel is gone: every
   * later sync and run rejects with ConnectionFailure, until `restart`. Returns the sync's
   * number.
   */
  closeAfterSync(k: number): number {
    if (!Number.isInteger(k) || k < 1) throw new Error(`closeAfterSync(${k}): k counts from 1`);
    this.closingAfter = this.journal.length + k;
    return this.closingAfter;
  }

  /** Excel is gone now: as if `closeAfterSync` had just struck. */
  close(): void {
    this.gone = true;
    this.closingAfter = undefined;
    // the add-in's runtime went with Excel: its event handlers too
    this.selectionHandlers.clear();
  }

  get closed(): boolean {
    return this.gone;
  }

  /** Excel opens the workbook again as it was left (an autosaved file) and accepts runs. */
  restart(): void {
    this.gone = false;
    this.closingAfter = undefined;
  }

  /** Consumed by the sync it is for. */
  takeFault(sync: number): SyncFault | undefined {
    const fault = this.faults.get(sync);
    this.faults.delete(sync);
    return fault;
  }

  syncDone(sync: number): void {
    if (this.closingAfter === sync) this.close();
  }

  /** A change to cells, while calculation was suspended or not. */
  cellsWritten(run: number, suspended: boolean): void {
    if (!suspended) return;
    this.stale = true;
    this.staleRuns.add(run);
  }

  calculated(run: number, type: string): void {
    this.calculations.push({ run, type });
    this.stale = false;
    this.staleRuns.delete(run);
  }

  /**
   * True when cells were written in a sync with calculation suspended and no
   * `application.calculate` came after (in the same sync or a later one, of any run: it
   * recalculates every open workbook). With a run's index: by that run's calls alone.
   */
  staleAfterSuspend(run?: number): boolean {
    return run === undefined ? this.stale : this.staleRuns.has(run);
  }

  registerSelectionHandler(handler: SelectionHandler, workbook: Excel.Workbook): void {
    this.selectionHandlers.add({ handler, workbook });
  }

  unregisterSelectionHandler(handler: SelectionHandler): void {
    for (const entry of this.selectionHandlers)
      if (entry.handler === handler) this.selectionHandlers.delete(entry);
  }

  get selectionListeners(): number {
    return this.selectionHandlers.size;
  }

  /**
   * The user selects `address` on `sheet`: the selection changes at once, and the handlers
   * registered with `workbook.onSelectionChanged` are called afterwards, as Excel raises the
   * event. Resolves when they are done; their errors are kept in `handlerErrors`.
   */
  async userSelects(sheet: string, address: string): Promise<void> {
    if (this.gone) throw new Error("Excel is gone");
    const found = this.sheet(sheet);
    if (!found) throw new Error(`no sheet ${sheet}`);
    this.activate(found.name);
    this.selection = { sheet: found.name, area: parseA1(address) };
    const handlers = [...this.selectionHandlers];
    await later();
    await Promise.all(
      handlers.map(async ({ handler, workbook }) => {
        try {
          await handler({ workbook });
        } catch (error) {
          this.handlerErrors.push(error);
        }
      })
    );
  }

  /**
   * Everything a user or the saved file has, as plain JSON-comparable data: sheets in order,
   * cells, widths, frozen rows, rules in priority order, charts; tables; custom properties
   * and XML parts. Internal ids, generated chart names and the selection are left out, and
   * tables, properties and parts are sorted, so two workbooks alike to the user compare equal.
   */
  visibleState(): VisibleState {
    const byNumber = <T>(entries: Iterable<[number, T]>) => [...entries].sort(([a], [b]) => a - b);
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return JSON.parse(
      JSON.stringify({
        sheets: this.sheets.map((sheet) => ({
          name: sheet.name,
          visibility: sheet.visibility,
          cells: byNumber(sheet.cells).flatMap(([r, line]) =>
            byNumber(line).map(([c, cell]) => [r, c, { ...cell }])
          ),
          columnWidths: byNumber(sheet.columnWidths),
          frozenRows: sheet.frozenRows,
          conditionalFormats: sheet.rules.map(({ id: _id, ...rule }) => ({
            ...rule,
            stopIfTrue: rule.stopIfTrue ?? false,
          })),
          charts: sheet.charts.map(({ name: _name, ...chart }) => chart),
        })),
        tables: this.tables
          .map((table) => ({
            name: table.name,
            sheet: table.sheet.name,
            area: table.area,
            columns: this.tableHeaders(table.name),
            showTotals: table.showTotals,
          }))
          .sort((a, b) => text(a.name.toLowerCase(), b.name.toLowerCase())),
        customProperties: [...this.properties]
          .map(([key, value]) => ({ key, value }))
          .sort((a, b) => text(a.key.toLowerCase(), b.key.toLowerCase())),
        customXmlParts: this.xmlParts
          .map(({ namespaceUri, xml }) => ({ namespaceUri, xml }))
          .sort((a, b) => text(a.namespaceUri, b.namespaceUri) || text(a.xml, b.xml)),
      })
    ) as VisibleState;
  }
}

/**
 * `Office.addin` of the shared runtime (SharedRuntime 1.1): the task pane's visibility and its
 * change event. Without the shared runtime the methods reject, as the API is not there.
 */
export type VisibilityMode = "Taskpane" | "Hidden";

export class MockOfficeAddin {
  visibilityMode: VisibilityMode;
  /** errors thrown by handlers, which Office ignores */
  readonly handlerErrors: unknown[] = [];
  private readonly handlers = new Set<(message: { visibilityMode: VisibilityMode }) => unknown>();

  /** the highest SharedRuntime version, or undefined for a host without the shared runtime */
  readonly sharedRuntime: string | undefined;

  constructor(options: { sharedRuntime?: string | false; visibilityMode?: VisibilityMode } = {}) {
    this.sharedRuntime =
      options.sharedRuntime === false ? undefined : (options.sharedRuntime ?? "1.1");
    this.visibilityMode = options.visibilityMode ?? "Hidden";
  }

  readonly isSetSupported = (name: string, version: string): boolean =>
    name === "SharedRuntime" &&
    this.sharedRuntime !== undefined &&
    versionAtMost(version, this.sharedRuntime);

  private available(): void {
    if (!this.isSetSupported("SharedRuntime", "1.1"))
      throw new MockOfficeError("ApiNotFound", "Office.addin needs SharedRuntime 1.1");
  }

  get listeners(): number {
    return this.handlers.size;
  }

  /** Resolves to the function that removes the handler, once it is registered. */
  async onVisibilityModeChanged(
    handler: (message: { visibilityMode: VisibilityMode }) => unknown
  ): Promise<() => Promise<void>> {
    this.available();
    await later();
    this.handlers.add(handler);
    return async () => {
      await later();
      this.handlers.delete(handler);
    };
  }

  async showAsTaskpane(): Promise<void> {
    this.available();
    await this.change("Taskpane");
  }

  async hide(): Promise<void> {
    this.available();
    await this.change("Hidden");
  }

  /** The user opens the task pane (from the ribbon); the event only where there is a shared runtime. */
  show(): Promise<void> {
    return this.change("Taskpane");
  }

  /** The user closes the task pane. */
  close(): Promise<void> {
    return this.change("Hidden");
  }

  /** The handlers run after the change, and only when the visibility changed. */
  private async change(mode: VisibilityMode): Promise<void> {
    if (this.visibilityMode === mode) return;
    this.visibilityMode = mode;
    const handlers = [...this.handlers];
    await later();
    await Promise.all(
      handlers.map(async (handler) => {
        try {
          await handler({ visibilityMode: mode });
        } catch (error) {
          this.handlerErrors.push(error);
        }
      })
    );
  }
}

interface Pending {
  target: string;
  action: string;
  writes: boolean;
  bytes: number;
  /** runs the call at sync time; returns the JSON bytes it sends back */
  apply: () => number;
}

class MockContext {
  pending: Pending[] = [];
  readonly shell: OfficeMockObject;
  /** syncs this run has made */
  private syncs = 0;
  /** set by suspendApiCalculationUntilNextSync until the end of the sync */
  private calculationSuspended = false;

  constructor(
    readonly excel: MockExcel,
    readonly run: number,
    readonly options: Excel.RunOptions
  ) {
    this.shell = new OfficeMockObject({
      workbook: {
        getSelectedRange: () =>
          new RangeProxy(this, "workbook.getSelectedRange()", () => {
            const sheet = this.excel.sheet(this.excel.selection.sheet);
            if (!sheet) throw new MockOfficeError("ItemNotFound", "selection");
            return { sheet, area: this.excel.selection.area };
          }),
      },
    });
    // the mock cannot hold collections or classes: plain assignment keeps them as they are
    this.shell.application = new ApplicationProxy(this);
    const workbook = this.shell.workbook;
    workbook.worksheets = new WorksheetCollectionProxy(this);
    workbook.tables = new TableCollectionProxy(this, "workbook.tables", () => this.excel.tables);
    workbook.properties = { custom: new CustomPropertyCollectionProxy(this) };
    workbook.customXmlParts = new CustomXmlPartCollectionProxy(this);
    workbook.onSelectionChanged = new SelectionEventProxy(this, workbook as Excel.Workbook);
    const mockSync = this.shell.sync.bind(this.shell);
    this.shell.sync = async () => {
      this.execute();
      await mockSync();
    };
  }

  queue(target: string, action: string, writes: boolean, bytes: number, apply: () => number): void {
    this.pending.push({ target, action, writes, bytes, apply });
  }

  /** Fails the call in a run with `mergeUndoGroup` when the API cannot be undone on this platform. */
  undoable(api: string): void {
    if (this.options.mergeUndoGroup && NOT_UNDOABLE[api]?.includes(this.excel.platform))
      throw new MockOfficeError(
        "UndoNotSupported",
        `${api} cannot be undone on ${this.excel.platform}, so it cannot be in a merged undo group`
      );
  }

  suspendCalculation(): void {
    this.calculationSuspended = true;
  }

  cellsWritten(): void {
    this.excel.cellsWritten(this.run, this.calculationSuspended);
  }

  calculated(type: string): void {
    this.excel.calculated(this.run, type);
  }

  private execute(): void {
    const calls = this.pending;
    this.pending = [];
    const batch: Batch = {
      run: this.run,
      operations: calls.map(({ target, action, writes, bytes }) => ({
        target,
        action,
        writes,
        bytes,
      })),
      writtenBytes: calls.reduce((n, call) => n + call.bytes, 0),
      readBytes: 0,
      bytes: 0,
    };
    this.excel.journal.push(batch);
    const sync = this.excel.journal.length;
    this.syncs++;
    const fail = (error: unknown): never => {
      batch.error = error instanceof MockOfficeError ? error.code : String(error);
      throw error;
    };
    const fault = this.excel.takeFault(sync);
    const strike = (where: SyncFault["at"]) => {
      if (fault?.at !== where) return;
      fault.fired = true;
      fail(fault.error);
    };
    try {
      if (this.excel.closed) fail(new MockOfficeError(CONNECTION_LOST, "Excel is gone"));
      strike("start");
      if (this.excel.editingCell && !this.options.delayForCellEdit)
        fail(
          new MockOfficeError(
            "InvalidOperationInCellEditMode",
            "Excel is in cell-editing mode. Please exit the edit mode and try again."
          )
        );
      if (this.options.mergeUndoGroup && this.syncs === 1 && this.excel.mergeUndoFails)
        fail(this.excel.mergeUndoFails);
      if (batch.writtenBytes > this.excel.payloadLimit)
        fail(new MockOfficeError("RequestPayloadSizeLimitExceeded", `${batch.writtenBytes} bytes`));
      calls.forEach((call, index) => {
        strike(index + 1);
        try {
          const refused = this.excel.failWhen?.(call);
          if (refused) throw refused;
          batch.readBytes += call.apply();
        } catch (error) {
          fail(error);
        }
      });
      strike("end");
      batch.bytes = batch.writtenBytes + batch.readBytes;
      if (batch.readBytes > this.excel.payloadLimit)
        fail(new MockOfficeError("ResponsePayloadSizeLimitExceeded", `${batch.readBytes} bytes`));
    } finally {
      this.calculationSuspended = false;
      this.excel.syncDone(sync);
    }
  }
}

/** `OfficeExtension.ClientResult`: its value is there after the sync that fetched it. */
export class MockClientResult<T> {
  private fetched = false;
  private result: T | undefined;

  constructor(private readonly path: string) {}

  resolve(value: T): void {
    this.result = value;
    this.fetched = true;
  }

  get value(): T {
    if (!this.fetched)
      throw new Error(`PropertyNotLoaded: ${this.path}.value read before context.sync()`);
    return this.result as T;
  }
}

/** A proxy: properties are loaded at sync, reading one that was not loaded throws. */
abstract class Remote {
  private readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, unknown>();
  private resolvedNull: boolean | undefined;

  constructor(
    protected readonly context: MockContext,
    readonly path: string,
    /** created by an ...OrNullObject call */
    orNull = false
  ) {
    if (orNull)
      context.queue(
        path,
        "isNullObject",
        false,
        0,
        () => ((this.resolvedNull = !this.exists()), 0)
      );
    else this.resolvedNull = false;
  }

  protected get excel(): MockExcel {
    return this.context.excel;
  }

  /** What a write names as its target in the journal. */
  protected get target(): string {
    return this.path;
  }

  /** A navigation property is the same object each time it is read, as in Office.js. */
  protected child<T>(name: string, make: () => T): T {
    if (!this.children.has(name)) this.children.set(name, make());
    return this.children.get(name) as T;
  }

  /** Properties a `load` may ask for, read when the sync runs. */
  protected abstract readable(): Record<string, () => unknown>;

  protected exists(): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (this.resolvedNull === undefined)
      throw new Error(`${this.path}.isNullObject read before context.sync()`);
    return this.resolvedNull;
  }

  load(spec?: string | string[]): this {
    const names = this.names(spec);
    this.context.queue(this.path, `load ${names.join(",")}`, false, 0, () => this.snapshot(names));
    return this;
  }

  /** The navigation property a load path goes through ("format" of "format/font/bold"). */
  private navigate(name: string): Remote {
    const child = (this as unknown as Record<string, unknown>)[name];
    if (!(child instanceof Remote) || child instanceof RemoteCollection)
      throw new Error(
        `Navigational property ${name} needs to be present in object model before load is called.`
      );
    return child;
  }

  /** The properties a load asks for; all of them without a spec. "a/b" loads b of child a. */
  names(spec?: string | string[]): string[] {
    const all = Object.keys(this.readable());
    if (spec === undefined) return all;
    const names = (Array.isArray(spec) ? spec : spec.split(","))
      .map((n) => n.trim())
      .filter(Boolean);
    for (const name of names) {
      const slash = name.indexOf("/");
      if (slash > 0) this.navigate(name.slice(0, slash)).names([name.slice(slash + 1)]);
      else if (!all.includes(name))
        throw new Error(
          `Property ${name} needs to be present in object model before load is called.`
        );
    }
    return names;
  }

  /** Reads the properties now (at sync); returns their JSON size. */
  snapshot(names: readonly string[]): number {
    if (this.resolvedNull) return 0;
    const readable = this.readable();
    let bytes = 0;
    for (const name of names) {
      const slash = name.indexOf("/");
      if (slash > 0) {
        bytes += this.navigate(name.slice(0, slash)).snapshot([name.slice(slash + 1)]);
        continue;
      }
      const value = readable[name]();
      this.loaded.set(name, value);
      bytes += utf8Bytes(value);
    }
    return bytes;
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new Error(`PropertyNotLoaded: ${this.path}.${name} was not loaded and synced`);
    return this.loaded.get(name) as T;
  }

  /** Queues a call that changes the workbook; `cells`: it changes cell contents (for calculation). */
  protected write(action: string, argument: unknown, apply: () => void, cells = false): void {
    this.context.queue(this.target, action, true, utf8Bytes(argument) + action.length, () => {
      apply();
      if (cells) this.context.cellsWritten();
      return 0;
    });
  }
}

/** A collection: `load("items/x,items/y")` (or "x,y") loads those properties of every item. */
abstract class RemoteCollection<T extends Remote> extends Remote {
  private loadedItems: T[] | undefined;

  protected abstract list(): T[];

  protected readable(): Record<string, () => unknown> {
    return {};
  }

  override load(spec?: string | string[]): this {
    const asked =
      spec === undefined
        ? undefined
        : (Array.isArray(spec) ? spec : spec.split(",")).map((n) =>
            n.trim().replace(/^items\//, "")
          );
    // "items" alone loads every property of each item
    const names = asked?.includes("items") ? undefined : asked;
    this.context.queue(this.path, `load items ${names?.join(",") ?? "*"}`, false, 0, () => {
      const items = this.list();
      this.loadedItems = items;
      return items.reduce((bytes, item) => bytes + item.snapshot(item.names(names)), 2);
    });
    return this;
  }

  get items(): T[] {
    if (!this.loadedItems) throw new Error(`PropertyNotLoaded: ${this.path}.items`);
    return this.loadedItems;
  }

  /** `getCount()`: the number of items, at sync. */
  getCount(): MockClientResult<number> {
    const result = new MockClientResult<number>(`${this.path}.getCount()`);
    this.context.queue(this.path, "getCount()", false, 0, () => {
      const count = this.list().length;
      result.resolve(count);
      return utf8Bytes(count);
    });
    return result;
  }
}

class ApplicationProxy extends Remote {
  constructor(context: MockContext) {
    super(context, "application");
  }

  protected readable() {
    return {};
  }

  /** ExcelApi 1.6: formulas are not calculated until the end of the next sync. */
  suspendApiCalculationUntilNextSync(): void {
    this.excel.require("1.6", "suspendApiCalculationUntilNextSync");
    this.context.queue(this.path, "suspendApiCalculationUntilNextSync", false, 0, () => {
      this.context.suspendCalculation();
      return 0;
    });
  }

  /** ExcelApi 1.1: recalculates every open workbook. */
  calculate(type: string): void {
    this.context.queue(this.path, `calculate(${type})`, false, utf8Bytes(type), () => {
      if (!CALCULATION_TYPES.includes(type))
        throw new MockOfficeError("InvalidArgument", `calculation type ${type}`);
      this.context.calculated(type);
      return 0;
    });
  }
}

/** `workbook.onSelectionChanged` (ExcelApi 1.2): a handler counts from the sync that adds it. */
class SelectionEventProxy {
  private readonly path = "workbook.onSelectionChanged";

  constructor(
    private readonly context: MockContext,
    private readonly workbook: Excel.Workbook
  ) {}

  add(handler: SelectionHandler): { context: OfficeMockObject; remove(): void } {
    this.context.excel.require("1.2", "onSelectionChanged");
    this.context.queue(this.path, "add()", false, 0, () => {
      this.context.excel.registerSelectionHandler(handler, this.workbook);
      return 0;
    });
    return { context: this.context.shell, remove: () => this.remove(handler) };
  }

  /** Takes effect at the next sync of the context the handler was added in, as in Office.js. */
  remove(handler: SelectionHandler): void {
    this.context.queue(this.path, "remove()", false, 0, () => {
      this.context.excel.unregisterSelectionHandler(handler);
      return 0;
    });
  }
}

class WorksheetCollectionProxy extends RemoteCollection<WorksheetProxy> {
  constructor(context: MockContext) {
    super(context, "workbook.worksheets");
  }

  protected list(): WorksheetProxy[] {
    return this.excel.sheets.map(
      (sheet) => new WorksheetProxy(this.context, sheet.name, () => sheet)
    );
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, name, () => this.excel.sheet(name));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, name, () => this.excel.sheet(name), true);
  }

  /** Excel's name rules are checked when the sync reaches the call. */
  add(name: string): WorksheetProxy {
    this.write(`add(${name})`, name, () => this.excel.addSheet(name));
    return this.getItem(name);
  }
}

class WorksheetProxy extends Remote {
  /** the sheet the proxy found first: it follows the sheet through a rename, as in Office.js */
  private resolved: MockSheet | undefined;

  constructor(
    context: MockContext,
    readonly sheetName: string,
    private readonly find: () => MockSheet | undefined,
    orNull = false
  ) {
    super(context, `worksheets[${sheetName}]`, orNull);
  }

  protected override exists(): boolean {
    return this.resolved ? this.excel.sheets.includes(this.resolved) : this.find() !== undefined;
  }

  locate(): MockSheet {
    const sheet = this.resolved ?? this.find();
    if (!sheet || !this.excel.sheets.includes(sheet))
      throw new MockOfficeError("ItemNotFound", `sheet ${this.sheetName}`);
    this.resolved = sheet;
    return sheet;
  }

  protected readable() {
    return {
      name: () => this.locate().name,
      position: () => this.excel.sheets.indexOf(this.locate()),
      visibility: () => this.locate().visibility,
    };
  }

  get name(): string {
    return this.get("name");
  }

  /** Excel's rules: InvalidArgument for a bad name, ItemAlreadyExists for a taken one (in any case). */
  set name(name: string) {
    this.write("name", name, () => {
      const sheet = this.locate();
      this.context.undoable("Worksheet.name");
      this.excel.renameSheet(sheet, name);
    });
  }

  get position(): number {
    return this.get("position");
  }

  set position(position: number) {
    this.write("position", position, () => {
      const sheet = this.locate();
      this.context.undoable("Worksheet.position");
      const sheets = this.excel.sheets;
      if (!Number.isInteger(position) || position < 0 || position >= sheets.length)
        throw new MockOfficeError("InvalidArgument", `position ${position}`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(position, 0, sheet);
    });
  }

  get visibility(): SheetVisibility {
    return this.get("visibility");
  }

  /** A workbook keeps at least one visible sheet. */
  set visibility(visibility: SheetVisibility) {
    this.write("visibility", visibility, () => {
      const sheet = this.locate();
      this.context.undoable("Worksheet.visibility");
      if (!["Visible", "Hidden", "VeryHidden"].includes(visibility))
        throw new MockOfficeError("InvalidArgument", `visibility ${visibility}`);
      const othersVisible = this.excel.sheets.some(
        (s) => s !== sheet && s.visibility === "Visible"
      );
      if (visibility !== "Visible" && !othersVisible)
        throw new MockOfficeError("InvalidOperation", "the last visible sheet cannot be hidden");
      sheet.visibility = visibility;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange(${address ?? ""})`, () => ({
      sheet: this.locate(),
      area: address ? parseA1(address) : WHOLE_SHEET,
    }));
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    this.excel.require("1.7", "getRangeByIndexes");
    return new RangeProxy(
      this.context,
      `${this.path}.getRangeByIndexes(${row},${column},${rows},${columns})`,
      () => ({
        sheet: this.locate(),
        area: { top: row, left: column, rows, columns },
      })
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getUsedRange()`, () => {
      const sheet = this.locate();
      return {
        sheet,
        area: sheet.usedArea(WHOLE_SHEET, valuesOnly) ?? { top: 0, left: 0, rows: 1, columns: 1 },
      };
    });
  }

  get tables(): TableCollectionProxy {
    return this.child(
      "tables",
      () =>
        new TableCollectionProxy(this.context, `${this.path}.tables`, () =>
          this.excel.tables.filter((t) => t.sheet === this.locate())
        )
    );
  }

  get charts(): ChartCollectionProxy {
    return this.child(
      "charts",
      () => new ChartCollectionProxy(this.context, `${this.path}.charts`, () => this.locate())
    );
  }

  get freezePanes() {
    return {
      freezeRows: (count: number) => {
        this.excel.require("1.7", "freezePanes");
        this.write(`freezeRows(${count})`, count, () => (this.locate().frozenRows = count));
      },
      unfreeze: () => this.write("unfreeze()", null, () => (this.locate().frozenRows = 0)),
    };
  }

  /** The sheet becomes the active one, with the selection it had (A1 on a new sheet). */
  activate(): void {
    this.write("activate()", null, () => this.excel.activate(this.locate().name));
  }

  /** Cannot be undone; a workbook keeps at least one visible sheet. */
  delete(): void {
    this.write(
      "delete()",
      null,
      () => {
        const sheet = this.locate();
        this.context.undoable("Worksheet.delete");
        if (!this.excel.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
          throw new MockOfficeError("InvalidOperation", "the last visible sheet cannot be deleted");
        const at = this.excel.sheets.indexOf(sheet);
        this.excel.sheets = this.excel.sheets.filter((s) => s !== sheet);
        // as Excel does, deleting the active sheet activates its neighbour, right or else left
        if (this.excel.selection.sheet.toLowerCase() === sheet.name.toLowerCase()) {
          const neighbour = this.excel.sheets[Math.min(at, this.excel.sheets.length - 1)];
          if (neighbour) this.excel.activate(neighbour.name);
        }
        this.excel.tables = this.excel.tables.filter((t) => t.sheet !== sheet);
      },
      true
    );
  }
}

type Where = { sheet: MockSheet; area: Area };

class RangeProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly find: () => Where | undefined,
    orNull = false
  ) {
    super(context, path, orNull);
  }

  protected override exists(): boolean {
    return this.find() !== undefined;
  }

  locate(): Where {
    const where = this.find();
    if (!where) throw new MockOfficeError("ItemNotFound", this.path);
    return where;
  }

  /** A read of every cell: refused over five million cells, as Excel does. */
  private everyCell<T>(read: (where: Where) => T): T {
    const where = this.locate();
    if (where.area.rows * where.area.columns > MAX_READ_CELLS)
      throw new MockOfficeError("ResponsePayloadSizeLimitExceeded", "over 5,000,000 cells");
    return read(where);
  }

  protected readable() {
    const area = () => this.locate().area;
    return {
      address: () => a1(this.locate().sheet.name, area()),
      rowIndex: () => area().top,
      columnIndex: () => area().left,
      rowCount: () => area().rows,
      columnCount: () => area().columns,
      values: () =>
        this.everyCell(({ sheet, area }) =>
          sheet.values(area).map((row) => row.map((v) => v ?? ""))
        ),
      formulas: () =>
        this.everyCell(({ sheet, area }) =>
          Array.from({ length: area.rows }, (_, r) =>
            Array.from({ length: area.columns }, (_, c) => {
              const cell = sheet.cell(area.top + r, area.left + c);
              return cell?.formula ?? cell?.value ?? "";
            })
          )
        ),
      numberFormat: () =>
        this.everyCell(({ sheet, area }) =>
          Array.from({ length: area.rows }, (_, r) =>
            Array.from(
              { length: area.columns },
              (_, c) => sheet.cell(area.top + r, area.left + c)?.numberFormat ?? "General"
            )
          )
        ),
    };
  }

  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get address(): string {
    return this.get("address");
  }

  get values(): unknown[][] {
    return this.get("values");
  }

  set values(values: unknown[][]) {
    this.writeCells("values", values);
  }

  /**
   * Each cell's formula, or its constant where it has none ("" when empty). As in Excel, a
   * text's quote prefix is not in it (OfficeDev/office-js#6687): "'=x" reads "=x", and
   * written back it is a formula.
   */
  get formulas(): unknown[][] {
    return this.get("formulas");
  }

  /** Taken as typed, like `values`. */
  set formulas(formulas: unknown[][]) {
    this.writeCells("formulas", formulas);
  }

  private writeCells(action: string, values: unknown[][]): void {
    this.write(
      action,
      values,
      () => {
        const { sheet, area } = this.locate();
        if (
          !Array.isArray(values) ||
          values.length !== area.rows ||
          values.some((row) => !Array.isArray(row) || row.length !== area.columns)
        ) {
          throw new MockOfficeError("InvalidArgument", `${action} do not match ${this.path}`);
        }
        values.forEach((row, r) =>
          row.forEach((input, c) => {
            // Excel leaves a cell alone when its input is null
            if (input !== null) sheet.set(area.top + r, area.left + c, typed(input));
          })
        );
      },
      true
    );
  }

  /** Each cell's format, "General" where none was set. */
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }

  set numberFormat(formats: unknown[][]) {
    this.write("numberFormat", formats, () => {
      const { sheet, area } = this.locate();
      const single = formats.length === 1 && formats[0].length === 1;
      if (
        !single &&
        (formats.length !== area.rows || formats.some((row) => row.length !== area.columns))
      ) {
        throw new MockOfficeError("InvalidArgument", `numberFormat does not match ${this.path}`);
      }
      sheet.eachCell(area, (r, c) => {
        const format = single ? formats[0][0] : formats[r - area.top][c - area.left];
        if (format !== null) sheet.set(r, c, { numberFormat: String(format) });
      });
    });
  }

  get format(): RangeFormatProxy {
    return this.child(
      "format",
      () =>
        new RangeFormatProxy(this.context, `${this.path}.format`, this.path, () => this.locate())
    );
  }

  /** Selects the range on its sheet, which becomes the active one. */
  select(): void {
    this.write("select()", null, () => {
      const { sheet, area } = this.locate();
      this.excel.activate(sheet.name);
      this.excel.selection = { sheet: sheet.name, area };
    });
  }

  clear(applyTo = "All"): void {
    this.write(
      `clear(${applyTo})`,
      applyTo,
      () => {
        const { sheet, area } = this.locate();
        sheet.clear(area, applyTo);
      },
      applyTo !== "Formats"
    );
  }

  get worksheet(): WorksheetProxy {
    return this.child(
      "worksheet",
      () => new WorksheetProxy(this.context, `${this.path}.worksheet`, () => this.locate().sheet)
    );
  }

  getTables(fullyContained = false): TableCollectionProxy {
    this.excel.require("1.9", "getTables");
    return new TableCollectionProxy(this.context, `${this.path}.getTables()`, () => {
      const { sheet, area } = this.locate();
      return this.excel.tables.filter(
        (t) =>
          t.sheet === sheet && (fullyContained ? contains(area, t.area) : intersects(area, t.area))
      );
    });
  }

  getSurroundingRegion(): RangeProxy {
    this.excel.require("1.7", "getSurroundingRegion");
    return new RangeProxy(this.context, `${this.path}.getSurroundingRegion()`, () => {
      const { sheet, area } = this.locate();
      return { sheet, area: sheet.region(area.top, area.left) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const { sheet, area } = this.locate();
        const used = sheet.usedArea(area, valuesOnly);
        return used ? { sheet, area: used } : undefined;
      },
      true
    );
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child(
      "conditionalFormats",
      () =>
        new ConditionalFormatCollectionProxy(this.context, `${this.path}.conditionalFormats`, () =>
          this.locate()
        )
    );
  }
}

/** `range.format`: its writes are journalled on the range, as "format.font.bold" and so on. */
class RangeFormatProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly rangePath: string,
    private readonly where: () => Where
  ) {
    super(context, path);
  }

  protected override get target(): string {
    return this.rangePath;
  }

  protected readable() {
    return {};
  }

  private each(action: string, argument: unknown, change: Partial<MockCell>): void {
    this.write(action, argument, () => {
      const { sheet, area } = this.where();
      sheet.eachCell(area, (r, c) => sheet.set(r, c, change));
    });
  }

  get font(): RangeFontProxy {
    return this.child(
      "font",
      () =>
        new RangeFontProxy(this.context, `${this.path}.font`, this.rangePath, this.where, (...a) =>
          this.each(...a)
        )
    );
  }

  get fill() {
    const each = this.each.bind(this);
    return {
      set color(color: string) {
        each("format.fill.color", color, { fill: color });
      },
    };
  }

  set columnWidth(points: number) {
    this.write("format.columnWidth", points, () => {
      const { sheet, area } = this.where();
      for (let c = area.left; c < area.left + area.columns; c++) sheet.columnWidths.set(c, points);
    });
  }
}

class RangeFontProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly rangePath: string,
    private readonly where: () => Where,
    private readonly each: (action: string, argument: unknown, change: Partial<MockCell>) => void
  ) {
    super(context, path);
  }

  protected override get target(): string {
    return this.rangePath;
  }

  /** bold: true or false when every cell agrees, null when they differ, as Excel reads it */
  protected readable() {
    return {
      bold: () => {
        const { sheet, area } = this.where();
        return sheet.bold(area);
      },
    };
  }

  get bold(): boolean | null {
    return this.get("bold");
  }

  set bold(bold: boolean) {
    this.each("format.font.bold", bold, { bold });
  }

  set color(color: string) {
    this.each("format.font.color", color, { fontColor: color });
  }
}
class TableCollectionProxy extends RemoteCollection<TableProxy> {
  constructor(
    context: MockContext,
    path: string,
    private readonly tables: () => MockTable[]
  ) {
    super(context, path);
  }

  private proxy(name: string, find: () => MockTable | undefined, orNull = false): TableProxy {
    return new TableProxy(this.context, `${this.path}[${name}]`, find, orNull);
  }

  protected list(): TableProxy[] {
    return this.tables().map((table) =>
      this.proxy(table.name, () => (this.excel.tables.includes(table) ? table : undefined))
    );
  }

  private byName(name: string) {
    return () => this.tables().find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  getItem(name: string): TableProxy {
    return this.proxy(name, this.byName(name));
  }

  getItemOrNullObject(name: string): TableProxy {
    return this.proxy(name, this.byName(name), true);
  }
}

class TableProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly find: () => MockTable | undefined,
    orNull = false
  ) {
    super(context, path, orNull);
  }

  protected override exists(): boolean {
    return this.find() !== undefined;
  }

  locate(): MockTable {
    const table = this.find();
    if (!table) throw new MockOfficeError("ItemNotFound", this.path);
    return table;
  }

  protected readable() {
    return { name: () => this.locate().name, showTotals: () => this.locate().showTotals };
  }

  get name(): string {
    return this.get("name");
  }

  get showTotals(): boolean {
    return this.get("showTotals");
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange()`, () => {
      const table = this.locate();
      return { sheet: table.sheet, area: table.area };
    });
  }

  /** ExcelApi 1.2 */
  get worksheet(): WorksheetProxy {
    this.excel.require("1.2", "Table.worksheet");
    return this.child(
      "worksheet",
      () => new WorksheetProxy(this.context, `${this.path}.worksheet`, () => this.locate().sheet)
    );
  }

  get columns(): TableColumnCollectionProxy {
    return this.child(
      "columns",
      () =>
        new TableColumnCollectionProxy(this.context, `${this.path}.columns`, () => this.locate())
    );
  }
}

class TableColumnCollectionProxy extends RemoteCollection<TableColumnProxy> {
  constructor(
    context: MockContext,
    path: string,
    private readonly table: () => MockTable
  ) {
    super(context, path);
  }

  private proxy(label: string, id: () => string | undefined): TableColumnProxy {
    return new TableColumnProxy(this.context, `${this.path}[${label}]`, this.table, id);
  }

  protected list(): TableColumnProxy[] {
    return this.table().columnIds.map((id) => this.proxy(id, () => id));
  }

  /** Resolved when the batch reaches it, as Excel does: later deletions do not move it. */
  getItemAt(index: number): TableColumnProxy {
    let id: string | undefined;
    return this.proxy(`at ${index}`, () => (id ??= this.table().columnIds[index]));
  }

  getItem(name: string): TableColumnProxy {
    return this.proxy(name, () => {
      const table = this.table();
      return table.columnIds.find(
        (_, i) => String(table.sheet.value(table.area.top, table.area.left + i)) === name
      );
    });
  }

  /**
   * A name the table already has (in any case) is refused: Excel's numbering of a duplicate
   * header is undocumented, so the caller must choose a free name.
   */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let id: string | undefined;
    this.write(
      `add(${index ?? "null"}, ${name ?? ""})`,
      [index ?? null, values ?? null, name ?? null],
      () => {
        const table = this.table();
        const count = table.columnIds.length;
        const at = index === undefined || index === null || index === -1 ? count : index;
        if (!Number.isInteger(at) || at < 0 || at > count)
          throw new MockOfficeError("InvalidArgument", `column index ${index}`);
        if (values !== undefined && values !== null)
          throw new Error("the fake table takes a new column without values");
        const taken = new Set(this.excel.tableHeaders(table.name).map((h) => h.toLowerCase()));
        if (name !== undefined && name !== null && taken.has(String(name).toLowerCase()))
          throw new MockOfficeError(
            "InvalidArgument",
            `table ${table.name} already has a column ${name}`
          );
        // without a name Excel calls it ColumnN, the first N not taken
        let header = name ?? `Column${count + 1}`;
        for (let n = count + 2; taken.has(header.toLowerCase()); n++) header = `Column${n}`;
        const column = table.area.left + at;
        table.sheet.shift(table.area.top, table.area.rows, column, 1);
        id = this.excel.id();
        table.columnIds.splice(at, 0, id);
        table.area = { ...table.area, columns: count + 1 };
        table.sheet.set(table.area.top, column, { value: header });
      },
      true
    );
    return this.proxy(`added ${name ?? ""}`, () => id);
  }
}

class TableColumnProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly table: () => MockTable,
    private readonly id: () => string | undefined
  ) {
    super(context, path);
  }

  private position(): number {
    const id = this.id();
    const index = id === undefined ? -1 : this.table().columnIds.indexOf(id);
    if (index < 0) throw new MockOfficeError("ItemNotFound", this.path);
    return index;
  }

  protected readable() {
    return {
      name: () => {
        const table = this.table();
        return String(table.sheet.value(table.area.top, table.area.left + this.position()));
      },
      index: () => this.position(),
    };
  }

  get name(): string {
    return this.get("name");
  }

  get index(): number {
    return this.get("index");
  }

  delete(): void {
    this.write(
      "delete()",
      null,
      () => {
        const table = this.table();
        const at = this.position();
        const column = table.area.left + at;
        table.sheet.shift(table.area.top, table.area.rows, column, -1);
        table.columnIds.splice(at, 1);
        table.area = { ...table.area, columns: table.area.columns - 1 };
        const gone = { top: table.area.top, left: column, rows: table.area.rows, columns: 1 };
        table.sheet.rules = table.sheet.rules.filter((rule) => !contains(gone, rule.area));
      },
      true
    );
  }
}

type RuleWhere = { sheet: MockSheet; rule: MockRule };

const CELL_VALUE_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

/** A sheet's rules are kept in priority order: index 0 is priority 0, applied first. */
class ConditionalFormatCollectionProxy extends RemoteCollection<ConditionalFormatProxy> {
  constructor(
    context: MockContext,
    path: string,
    private readonly where: () => Where
  ) {
    super(context, path);
  }

  protected list(): ConditionalFormatProxy[] {
    const { sheet, area } = this.where();
    return sheet.rules
      .filter((rule) => intersects(rule.area, area))
      .map(
        (rule) =>
          new ConditionalFormatProxy(this.context, `${this.path}[${rule.id}]`, () =>
            sheet.rules.includes(rule) ? { sheet, rule } : undefined
          )
      );
  }

  /** The new rule goes on top: priority 0. */
  add(type: string): ConditionalFormatProxy {
    this.excel.require("1.6", "conditionalFormats");
    let added: RuleWhere | undefined;
    this.write(`add(${type})`, type, () => {
      const { sheet, area } = this.where();
      const rule: MockRule = { id: this.excel.id(), type, area };
      sheet.rules.unshift(rule);
      added = { sheet, rule };
    });
    return new ConditionalFormatProxy(this.context, `${this.path}.add(${type})`, () =>
      added && added.sheet.rules.includes(added.rule) ? added : undefined
    );
  }
}

class ConditionalFormatProxy extends Remote {
  /** Office.js finds a format by its priority: after a change, the object must be fetched anew */
  private moved = false;

  constructor(
    context: MockContext,
    path: string,
    private readonly find: () => RuleWhere | undefined
  ) {
    super(context, path);
  }

  locate(): RuleWhere {
    if (this.moved)
      throw new MockOfficeError(
        "InvalidOperation",
        `${this.path}: its priority changed; fetch the conditional format again`
      );
    const found = this.find();
    if (!found) throw new MockOfficeError("ItemNotFound", this.path);
    return found;
  }

  protected readable() {
    return {
      id: () => this.locate().rule.id,
      type: () => this.locate().rule.type,
      priority: () => {
        const { sheet, rule } = this.locate();
        return sheet.rules.indexOf(rule);
      },
      stopIfTrue: () => this.locate().rule.stopIfTrue ?? false,
    };
  }

  get id(): string {
    return this.get("id");
  }

  get type(): string {
    return this.get("type");
  }

  get priority(): number {
    return this.get("priority");
  }

  /** Moves the rule in its sheet's order; negative counts from the back; out of bounds is clamped. */
  set priority(priority: number) {
    this.write("priority", priority, () => {
      const { sheet, rule } = this.locate();
      if (!Number.isInteger(priority))
        throw new MockOfficeError("InvalidArgument", `priority ${priority}`);
      const last = sheet.rules.length - 1;
      const wanted = priority < 0 ? last + 1 + priority : priority;
      sheet.rules.splice(sheet.rules.indexOf(rule), 1);
      sheet.rules.splice(Math.max(0, Math.min(last, wanted)), 0, rule);
      this.moved = true;
    });
  }

  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }

  set stopIfTrue(stop: boolean) {
    this.write("stopIfTrue", stop, () => {
      const { rule } = this.locate();
      if (typeof stop !== "boolean")
        throw new MockOfficeError("InvalidArgument", `stopIfTrue ${stop}`);
      rule.stopIfTrue = stop;
    });
  }

  get cellValue(): CellValueFormatProxy {
    return this.child(
      "cellValue",
      () =>
        new CellValueFormatProxy(this.context, `${this.path}.cellValue`, () => {
          const { rule } = this.locate();
          if (rule.type !== "CellValue")
            throw new MockOfficeError("InvalidOperation", `${rule.type} is not CellValue`);
          return rule;
        })
    );
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange()`, () => {
      const { sheet, rule } = this.locate();
      return { sheet, area: rule.area };
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this.path}.getRangeOrNullObject()`,
      () => {
        const found = this.find();
        return found ? { sheet: found.sheet, area: found.rule.area } : undefined;
      },
      true
    );
  }

  delete(): void {
    this.write("delete()", null, () => {
      const { sheet, rule } = this.locate();
      sheet.rules = sheet.rules.filter((r) => r !== rule);
    });
  }
}

type CellValueRule = { formula1: string; formula2?: string; operator: string };

class CellValueFormatProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly ruleOf: () => MockRule
  ) {
    super(context, path);
  }

  protected readable() {
    return {
      rule: () => {
        const { formula1, formula2, operator } = this.ruleOf();
        return { formula1, operator, ...(formula2 !== undefined ? { formula2 } : {}) };
      },
    };
  }

  get rule(): CellValueRule {
    return this.get("rule");
  }

  /** A known operator, and a second formula for Between and NotBetween. */
  set rule(rule: CellValueRule) {
    this.write("rule", rule, () => {
      if (!CELL_VALUE_OPERATORS.includes(rule.operator))
        throw new MockOfficeError("InvalidArgument", `operator ${rule.operator}`);
      if (typeof rule.formula1 !== "string" || rule.formula1 === "")
        throw new MockOfficeError("InvalidArgument", "formula1 is required");
      const between = rule.operator === "Between" || rule.operator === "NotBetween";
      if (between && typeof rule.formula2 !== "string")
        throw new MockOfficeError("InvalidArgument", `${rule.operator} needs formula2`);
      const target = this.ruleOf();
      Object.assign(target, { formula1: rule.formula1, operator: rule.operator });
      if (between) target.formula2 = rule.formula2;
      else delete target.formula2;
    });
  }

  get format(): ConditionalRangeFormatProxy {
    return this.child(
      "format",
      () => new ConditionalRangeFormatProxy(this.context, this.path, this.ruleOf)
    );
  }
}

/** `cellValue.format`: fill and font colours, loadable (null where none is set) and settable. */
class ConditionalRangeFormatProxy extends Remote {
  constructor(
    context: MockContext,
    private readonly cellValuePath: string,
    private readonly rule: () => MockRule
  ) {
    super(context, `${cellValuePath}.format`);
  }

  protected readable() {
    return {};
  }

  get fill(): ConditionalColourProxy {
    return this.child("fill", () => this.colour("fill", "fill"));
  }

  get font(): ConditionalColourProxy {
    return this.child("font", () => this.colour("font", "fontColor"));
  }

  private colour(part: string, key: "fill" | "fontColor"): ConditionalColourProxy {
    return new ConditionalColourProxy(
      this.context,
      `${this.path}.${part}`,
      this.cellValuePath,
      `format.${part}.color`,
      () => this.rule(),
      key
    );
  }
}

class ConditionalColourProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly writeTarget: string,
    private readonly action: string,
    private readonly rule: () => MockRule,
    private readonly key: "fill" | "fontColor"
  ) {
    super(context, path);
  }

  protected override get target(): string {
    return this.writeTarget;
  }

  protected readable() {
    return { color: () => this.rule()[this.key] ?? null };
  }

  get color(): string | null {
    return this.get("color");
  }

  set color(color: string) {
    this.write(this.action, { [this.key]: color }, () => (this.rule()[this.key] = color));
  }
}

type ChartWhere = { sheet: MockSheet; chart: MockChart };

class ChartCollectionProxy extends RemoteCollection<ChartProxy> {
  constructor(
    context: MockContext,
    path: string,
    private readonly sheet: () => MockSheet
  ) {
    super(context, path);
  }

  protected list(): ChartProxy[] {
    const sheet = this.sheet();
    return sheet.charts.map(
      (chart) =>
        new ChartProxy(this.context, `${this.path}[${chart.name}]`, () =>
          sheet.charts.includes(chart) ? { sheet, chart } : undefined
        )
    );
  }

  add(type: string, source: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let added: ChartWhere | undefined;
    this.write(`add(${type})`, [type, seriesBy], () => {
      const sheet = this.sheet();
      const chart: MockChart = {
        name: `Chart ${this.excel.id()}`,
        type,
        source: source.locate().area,
        seriesBy,
        legendVisible: true,
        pointFills: [],
      };
      sheet.charts.push(chart);
      added = { sheet, chart };
    });
    return new ChartProxy(this.context, `${this.path}.add(${type})`, () => added);
  }
}

class ChartProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly find: () => ChartWhere | undefined
  ) {
    super(context, path);
  }

  private chart(): MockChart {
    const found = this.find();
    if (!found) throw new MockOfficeError("ItemNotFound", this.path);
    return found.chart;
  }

  protected readable() {
    return { name: () => this.chart().name };
  }

  get name(): string {
    return this.get("name");
  }

  private change(action: string, argument: unknown, apply: (chart: MockChart) => void): void {
    this.write(action, argument, () => apply(this.chart()));
  }

  get title() {
    const change = this.change.bind(this);
    return {
      set text(text: string) {
        change("title.text", text, (chart) => (chart.title = text));
      },
    };
  }

  get legend() {
    const change = this.change.bind(this);
    return {
      set visible(visible: boolean) {
        change("legend.visible", visible, (chart) => (chart.legendVisible = visible));
      },
    };
  }

  get series() {
    const change = this.change.bind(this);
    return {
      getItemAt: (index: number) => {
        const only = (apply: (chart: MockChart) => void) => (chart: MockChart) => {
          if (index !== 0) throw new MockOfficeError("ItemNotFound", `series ${index}`);
          apply(chart);
        };
        return {
          set name(name: string) {
            change(
              "series.name",
              name,
              only((chart) => (chart.seriesName = name))
            );
          },
          setXAxisValues: (range: RangeProxy) =>
            change(
              "series.setXAxisValues",
              null,
              only((chart) => (chart.categories = range.locate().area))
            ),
          points: {
            getItemAt: (point: number) => ({
              format: {
                fill: {
                  setSolidColor: (color: string) =>
                    change(
                      `points[${point}].fill`,
                      color,
                      only((chart) => {
                        const count = (chart.categories ?? chart.source).rows;
                        if (point >= count)
                          throw new MockOfficeError("ItemNotFound", `point ${point} of ${count}`);
                        chart.pointFills[point] = color;
                      })
                    ),
                },
              },
            }),
          },
        };
      },
    };
  }

  setPosition(start: string, end: string): void {
    this.change("setPosition", [start, end], (chart) => (chart.position = [start, end]));
  }

  delete(): void {
    this.write("delete()", null, () => {
      const found = this.find();
      if (!found) throw new MockOfficeError("ItemNotFound", this.path);
      found.sheet.charts = found.sheet.charts.filter((c) => c !== found.chart);
    });
  }
}

/** `workbook.properties.custom` (ExcelApi 1.7): keys are case-insensitive. */
class CustomPropertyCollectionProxy extends RemoteCollection<CustomPropertyProxy> {
  constructor(context: MockContext) {
    super(context, "workbook.properties.custom");
  }

  protected list(): CustomPropertyProxy[] {
    this.excel.require("1.7", "custom properties");
    return [...this.excel.properties.keys()].map((key) => this.getItem(key));
  }

  /**
   * Creates a property or sets the one of that key. Outside Excel on the web, keys and string
   * values over 255 characters (UTF-16 code units) are cut to 255, without an error.
   */
  add(key: string, value: unknown): CustomPropertyProxy {
    this.excel.require("1.7", "custom properties");
    this.write(`add(${key})`, [key, value], () => {
      if (typeof key !== "string" || key === "")
        throw new MockOfficeError("InvalidArgument", "a custom property needs a key");
      if (value === undefined || value === null)
        throw new MockOfficeError("InvalidArgument", `custom property ${key} needs a value`);
      const trim = <T>(text: T): T =>
        this.excel.platform !== "web" && typeof text === "string"
          ? (text.slice(0, PROPERTY_LIMIT) as T)
          : text;
      const kept = trim(key);
      this.excel.properties.set(this.excel.propertyKey(kept) ?? kept, trim(value));
    });
    return this.getItem(this.excel.platform === "web" ? key : key.slice(0, PROPERTY_LIMIT));
  }

  getItem(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, key);
  }

  getItemOrNullObject(key: string): CustomPropertyProxy {
    this.excel.require("1.7", "custom properties");
    return new CustomPropertyProxy(this.context, key, true);
  }

  deleteAll(): void {
    this.excel.require("1.7", "custom properties");
    this.write("deleteAll()", null, () => this.excel.properties.clear());
  }
}

class CustomPropertyProxy extends Remote {
  constructor(
    context: MockContext,
    private readonly keyName: string,
    orNull = false
  ) {
    super(context, `properties.custom[${keyName}]`, orNull);
  }

  protected override exists(): boolean {
    return this.excel.propertyKey(this.keyName) !== undefined;
  }

  private stored(): string {
    const key = this.excel.propertyKey(this.keyName);
    if (key === undefined) throw new MockOfficeError("ItemNotFound", this.path);
    return key;
  }

  protected readable() {
    return {
      key: () => this.stored(),
      value: () => this.excel.properties.get(this.stored()),
    };
  }

  get key(): string {
    return this.get("key");
  }

  get value(): unknown {
    return this.get("value");
  }

  delete(): void {
    this.write("delete()", null, () => this.excel.properties.delete(this.stored()));
  }
}

/** `workbook.customXmlParts` (ExcelApi 1.5). */
class CustomXmlPartCollectionProxy extends RemoteCollection<CustomXmlPartProxy> {
  constructor(context: MockContext) {
    super(context, "workbook.customXmlParts");
  }

  protected list(): CustomXmlPartProxy[] {
    this.excel.require("1.5", "customXmlParts");
    return this.excel.xmlParts.map((part) => this.part(part.id));
  }

  private part(id: string, orNull = false): CustomXmlPartProxy {
    return new CustomXmlPartProxy(
      this.context,
      `${this.path}[${id}]`,
      () => this.excel.xmlParts.find((p) => p.id === id),
      orNull
    );
  }

  /** The XML must be well-formed (InvalidArgument at sync); its root's namespace is kept. */
  add(xml: string): CustomXmlPartProxy {
    this.excel.require("1.5", "customXmlParts");
    let added: MockXmlPart | undefined;
    this.write("add()", xml, () => {
      const namespaceUri = xmlRootNamespace(xml);
      const n = this.excel.id().replace(/\D/g, "").padStart(12, "0");
      added = { id: `{5A8F0C1E-0000-4000-8000-${n}}`, namespaceUri, xml };
      this.excel.xmlParts.push(added);
    });
    return new CustomXmlPartProxy(this.context, `${this.path}.add()`, () =>
      added && this.excel.xmlParts.includes(added) ? added : undefined
    );
  }

  getItem(id: string): CustomXmlPartProxy {
    this.excel.require("1.5", "customXmlParts");
    return this.part(id);
  }

  getItemOrNullObject(id: string): CustomXmlPartProxy {
    this.excel.require("1.5", "customXmlParts");
    return this.part(id, true);
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionProxy {
    this.excel.require("1.5", "customXmlParts");
    return new CustomXmlPartScopedCollectionProxy(this.context, namespaceUri);
  }
}

/** The parts of one namespace: the namespace must be given (a URI), and is matched exactly. */
class CustomXmlPartScopedCollectionProxy extends RemoteCollection<CustomXmlPartProxy> {
  constructor(
    context: MockContext,
    private readonly namespaceUri: string
  ) {
    super(context, `workbook.customXmlParts.getByNamespace(${namespaceUri})`);
  }

  private parts(): MockXmlPart[] {
    if (typeof this.namespaceUri !== "string" || this.namespaceUri === "")
      throw new MockOfficeError("InvalidArgument", "getByNamespace needs a namespace URI");
    return this.excel.xmlParts.filter((p) => p.namespaceUri === this.namespaceUri);
  }

  private part(label: string, find: () => MockXmlPart | undefined, orNull = false) {
    return new CustomXmlPartProxy(this.context, `${this.path}[${label}]`, find, orNull);
  }

  protected list(): CustomXmlPartProxy[] {
    return this.parts().map((part) =>
      this.part(part.id, () => (this.excel.xmlParts.includes(part) ? part : undefined))
    );
  }

  getItem(id: string): CustomXmlPartProxy {
    return this.part(id, () => this.parts().find((p) => p.id === id));
  }

  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return this.part(id, () => this.parts().find((p) => p.id === id), true);
  }

  /** Found when the sync reaches it; an error unless the namespace has exactly one part. */
  getOnlyItem(): CustomXmlPartProxy {
    let found: MockXmlPart | undefined;
    return this.part("only", () => {
      if (found) return this.excel.xmlParts.includes(found) ? found : undefined;
      const parts = this.parts();
      if (parts.length !== 1)
        throw new MockOfficeError(
          parts.length === 0 ? "ItemNotFound" : "InvalidOperation",
          `${parts.length} parts in ${this.namespaceUri}`
        );
      return (found = parts[0]);
    });
  }

  /** Found when the sync reaches it; a null object unless the namespace has exactly one part. */
  getOnlyItemOrNullObject(): CustomXmlPartProxy {
    let found: MockXmlPart | undefined;
    let looked = false;
    return this.part(
      "only",
      () => {
        if (!looked) {
          const parts = this.parts();
          found = parts.length === 1 ? parts[0] : undefined;
          looked = true;
        }
        return found && this.excel.xmlParts.includes(found) ? found : undefined;
      },
      true
    );
  }
}

class CustomXmlPartProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly find: () => MockXmlPart | undefined,
    orNull = false
  ) {
    super(context, path, orNull);
  }

  protected override exists(): boolean {
    return this.find() !== undefined;
  }

  private locate(): MockXmlPart {
    const part = this.find();
    if (!part) throw new MockOfficeError("ItemNotFound", this.path);
    return part;
  }

  protected readable() {
    return {
      id: () => this.locate().id,
      namespaceUri: () => this.locate().namespaceUri,
    };
  }

  get id(): string {
    return this.get("id");
  }

  get namespaceUri(): string {
    return this.get("namespaceUri");
  }

  /** The whole XML, in `.value` after the sync; it counts against the response size. */
  getXml(): MockClientResult<string> {
    const result = new MockClientResult<string>(`${this.path}.getXml()`);
    this.context.queue(this.path, "getXml()", false, 0, () => {
      const { xml } = this.locate();
      result.resolve(xml);
      return utf8Bytes(xml);
    });
    return result;
  }

  /** Replaces the XML, which must be well-formed; the namespace follows the new root. */
  setXml(xml: string): void {
    this.write("setXml()", xml, () => {
      const part = this.locate();
      part.namespaceUri = xmlRootNamespace(xml);
      part.xml = xml;
    });
  }

  delete(): void {
    this.write("delete()", null, () => {
      const part = this.locate();
      this.excel.xmlParts = this.excel.xmlParts.filter((p) => p !== part);
    });
  }
}

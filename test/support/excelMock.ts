import { OfficeMockObject } from "office-addin-mock";
import type { Area, CellValue } from "../../src/workbook/types";

/**
 * A fake Excel for the Office.js adapter: a grid of cells per sheet, Excel tables, conditional
 * formats, charts and custom document properties, driven through the same proxy objects as
 * Office.js. Calls are queued and run only at `context.sync()`, loaded properties are readable
 * only after it, and every sync is kept in a journal: its operations and the JSON size of what
 * was written and read back. Like Excel on the web it refuses a batch over 5 MB.
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
  fill?: string;
  fontColor?: string;
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

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
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

export class MockSheet {
  readonly cells = new Map<number, Map<number, MockCell>>();
  rules: MockRule[] = [];
  charts: MockChart[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;

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

export class MockExcel {
  sheets: MockSheet[] = [];
  tables: MockTable[] = [];
  readonly properties = new Map<string, unknown>();
  selection: { sheet: string; area: Area } = {
    sheet: "Sheet1",
    area: { top: 0, left: 0, rows: 1, columns: 1 },
  };
  /** the highest ExcelApi version the fake host supports */
  apiVersion = "1.20";
  payloadLimit = 5_000_000;
  readonly journal: Batch[] = [];
  readonly runs: { options: Excel.RunOptions | undefined }[] = [];
  readonly requirementQueries: { name: string; version: unknown }[] = [];
  /**
   * Makes a call fail when its sync reaches it, as Excel fails a batch part-way: the calls
   * before it stay done, the ones after it are not run, and the sync rejects.
   */
  failWhen?: (operation: Operation) => MockOfficeError | undefined;
  private nextId = 1;
  /** Each sheet keeps its selection while another is active, as in Excel. */
  private readonly selections = new Map<string, Area>();

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
    if (this.sheet(name)) throw new MockOfficeError("ItemAlreadyExists", `sheet ${name}`);
    const sheet = new MockSheet(name);
    this.sheets.push(sheet);
    return sheet;
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

  supports(version: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    const [hasMajor, hasMinor] = this.apiVersion.split(".").map(Number);
    return major < hasMajor || (major === hasMajor && minor <= hasMinor);
  }

  require(version: string, what: string): void {
    if (!this.supports(version))
      throw new MockOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }

  readonly isSetSupported = (name: string, version: string): boolean => {
    this.requirementQueries.push({ name, version });
    if (typeof version !== "string") throw new Error("pass the version as a string");
    return name === "ExcelApi" && this.supports(version);
  };

  readonly run = async <T>(
    options: Excel.RunOptions | undefined,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> => {
    this.runs.push({ options });
    const context = new MockContext(this, this.runs.length - 1);
    const result = await batch(context.shell as unknown as Excel.RequestContext);
    if (context.pending.length > 0)
      throw new Error(`${context.pending.length} queued calls were never synced`);
    return result;
  };

  /** Syncs so far, or of one run. */
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

  constructor(
    readonly excel: MockExcel,
    readonly run: number
  ) {
    this.shell = new OfficeMockObject({
      application: {
        suspendApiCalculationUntilNextSync: () => {
          this.excel.require("1.6", "suspendApiCalculationUntilNextSync");
          this.queue("application", "suspendApiCalculationUntilNextSync", false, 0, () => 0);
        },
      },
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
    this.shell.workbook.worksheets = new WorksheetCollectionProxy(this);
    this.shell.workbook.tables = new TableCollectionProxy(
      this,
      "workbook.tables",
      () => this.excel.tables
    );
    this.shell.workbook.properties = { custom: new CustomPropertyCollectionProxy(this) };
    const mockSync = this.shell.sync.bind(this.shell);
    this.shell.sync = async () => {
      this.execute();
      await mockSync();
    };
  }

  queue(target: string, action: string, writes: boolean, bytes: number, apply: () => number): void {
    this.pending.push({ target, action, writes, bytes, apply });
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
    const fail = (error: unknown) => {
      batch.error = error instanceof MockOfficeError ? error.code : String(error);
      throw error;
    };
    if (batch.writtenBytes > this.excel.payloadLimit)
      fail(new MockOfficeError("RequestPayloadSizeLimitExceeded", `${batch.writtenBytes} bytes`));
    for (const call of calls) {
      try {
        const refused = this.excel.failWhen?.(call);
        if (refused) throw refused;
        batch.readBytes += call.apply();
      } catch (error) {
        fail(error);
      }
    }
    batch.bytes = batch.writtenBytes + batch.readBytes;
    if (batch.readBytes > this.excel.payloadLimit)
      fail(new MockOfficeError("ResponsePayloadSizeLimitExceeded", `${batch.readBytes} bytes`));
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

  /** The properties a load asks for; all of them without a spec. */
  names(spec?: string | string[]): string[] {
    const all = Object.keys(this.readable());
    if (spec === undefined) return all;
    const names = (Array.isArray(spec) ? spec : spec.split(","))
      .map((n) => n.trim())
      .filter(Boolean);
    for (const name of names) {
      if (!all.includes(name))
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

  /** Queues a call that changes the workbook. */
  protected write(action: string, argument: unknown, apply: () => void): void {
    this.context.queue(
      this.path,
      action,
      true,
      utf8Bytes(argument) + action.length,
      () => (apply(), 0)
    );
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
    const names =
      spec === undefined
        ? undefined
        : (Array.isArray(spec) ? spec : spec.split(",")).map((n) =>
            n.trim().replace(/^items\//, "")
          );
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

  /** Excel's rules for a name: 1 to 31 characters, no backslash, / ? * [ ] or :, no apostrophe at either end, not "History". */
  add(name: string): WorksheetProxy {
    if (
      !name ||
      name.length > 31 ||
      /[\\/?*[\]:]/.test(name) ||
      /^'|'$/.test(name) ||
      name.toLowerCase() === "history"
    )
      throw new MockOfficeError("InvalidArgument", `sheet name ${name}`);
    this.write(`add(${name})`, name, () => this.excel.addSheet(name));
    return this.getItem(name);
  }
}

class WorksheetProxy extends Remote {
  constructor(
    context: MockContext,
    readonly sheetName: string,
    private readonly find: () => MockSheet | undefined,
    orNull = false
  ) {
    super(context, `worksheets[${sheetName}]`, orNull);
  }

  protected override exists(): boolean {
    return this.find() !== undefined;
  }

  locate(): MockSheet {
    const sheet = this.find();
    if (!sheet) throw new MockOfficeError("ItemNotFound", `sheet ${this.sheetName}`);
    return sheet;
  }

  protected readable() {
    return { name: () => this.locate().name };
  }

  get name(): string {
    return this.get("name");
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

  delete(): void {
    this.write("delete()", null, () => {
      const sheet = this.locate();
      const at = this.excel.sheets.indexOf(sheet);
      this.excel.sheets = this.excel.sheets.filter((s) => s !== sheet);
      // as Excel does, deleting the active sheet activates its neighbour, right or else left
      if (this.excel.selection.sheet.toLowerCase() === sheet.name.toLowerCase()) {
        const neighbour = this.excel.sheets[Math.min(at, this.excel.sheets.length - 1)];
        if (neighbour) this.excel.activate(neighbour.name);
      }
      this.excel.tables = this.excel.tables.filter((t) => t.sheet !== sheet);
    });
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

  protected readable() {
    const area = () => this.locate().area;
    return {
      address: () => a1(this.locate().sheet.name, area()),
      rowIndex: () => area().top,
      columnIndex: () => area().left,
      rowCount: () => area().rows,
      columnCount: () => area().columns,
      values: () => {
        const { sheet } = this.locate();
        if (area().rows * area().columns > 5_000_000)
          throw new MockOfficeError("ResponsePayloadSizeLimitExceeded", "over 5,000,000 cells");
        return sheet.values(area()).map((row) => row.map((v) => v ?? ""));
      },
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
    this.write("values", values, () => {
      const { sheet, area } = this.locate();
      if (
        !Array.isArray(values) ||
        values.length !== area.rows ||
        values.some((row) => !Array.isArray(row) || row.length !== area.columns)
      ) {
        throw new MockOfficeError("InvalidArgument", `values do not match ${this.path}`);
      }
      values.forEach((row, r) =>
        row.forEach((input, c) => {
          // Excel leaves a cell alone when its input is null
          if (input !== null) sheet.set(area.top + r, area.left + c, typed(input));
        })
      );
    });
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

  get format() {
    const write = (action: string, argument: unknown, apply: (where: Where) => void) =>
      this.write(action, argument, () => apply(this.locate()));
    const each = (action: string, argument: unknown, change: Partial<MockCell>) =>
      write(action, argument, ({ sheet, area }) =>
        sheet.eachCell(area, (r, c) => sheet.set(r, c, change))
      );
    return {
      font: {
        set bold(bold: boolean) {
          each("format.font.bold", bold, { bold });
        },
        set color(color: string) {
          each("format.font.color", color, { fontColor: color });
        },
      },
      fill: {
        set color(color: string) {
          each("format.fill.color", color, { fill: color });
        },
      },
      set columnWidth(points: number) {
        write("format.columnWidth", points, ({ sheet, area }) => {
          for (let c = area.left; c < area.left + area.columns; c++)
            sheet.columnWidths.set(c, points);
        });
      },
    };
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
    this.write(`clear(${applyTo})`, applyTo, () => {
      const { sheet, area } = this.locate();
      sheet.clear(area, applyTo);
    });
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
        const column = table.area.left + at;
        table.sheet.shift(table.area.top, table.area.rows, column, 1);
        id = this.excel.id();
        table.columnIds.splice(at, 0, id);
        table.area = { ...table.area, columns: count + 1 };
        // Excel makes a header unique by numbering it
        const taken = new Set(this.excel.tableHeaders(table.name).map((h) => h.toLowerCase()));
        const base = name ?? `Column${count + 1}`;
        let header = base;
        for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${base}${n}`;
        table.sheet.set(table.area.top, column, { value: header });
      }
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
    this.write("delete()", null, () => {
      const table = this.table();
      const at = this.position();
      const column = table.area.left + at;
      table.sheet.shift(table.area.top, table.area.rows, column, -1);
      table.columnIds.splice(at, 1);
      table.area = { ...table.area, columns: table.area.columns - 1 };
      const gone = { top: table.area.top, left: column, rows: table.area.rows, columns: 1 };
      table.sheet.rules = table.sheet.rules.filter((rule) => !contains(gone, rule.area));
    });
  }
}

type RuleWhere = { sheet: MockSheet; rule: MockRule };

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

  add(type: string): ConditionalFormatProxy {
    this.excel.require("1.6", "conditionalFormats");
    let added: RuleWhere | undefined;
    this.write(`add(${type})`, type, () => {
      const { sheet, area } = this.where();
      const rule: MockRule = { id: this.excel.id(), type, area };
      // a new rule goes on top
      sheet.rules.unshift(rule);
      added = { sheet, rule };
    });
    return new ConditionalFormatProxy(this.context, `${this.path}.add(${type})`, () => added);
  }
}

class ConditionalFormatProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly find: () => RuleWhere | undefined
  ) {
    super(context, path);
  }

  locate(): RuleWhere {
    const found = this.find();
    if (!found) throw new MockOfficeError("ItemNotFound", this.path);
    return found;
  }

  protected readable() {
    return { id: () => this.locate().rule.id, type: () => this.locate().rule.type };
  }

  get id(): string {
    return this.get("id");
  }

  get type(): string {
    return this.get("type");
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

class CellValueFormatProxy extends Remote {
  constructor(
    context: MockContext,
    path: string,
    private readonly target: () => MockRule
  ) {
    super(context, path);
  }

  protected readable() {
    return { rule: () => ({ formula1: this.target().formula1, operator: this.target().operator }) };
  }

  get rule(): { formula1: string; operator: string } {
    return this.get("rule");
  }

  set rule(rule: { formula1: string; operator: string }) {
    this.write("rule", rule, () =>
      Object.assign(this.target(), { formula1: rule.formula1, operator: rule.operator })
    );
  }

  get format() {
    const set = (action: string, change: Partial<MockRule>) =>
      this.write(action, change, () => Object.assign(this.target(), change));
    return {
      fill: {
        set color(color: string) {
          set("format.fill.color", { fill: color });
        },
      },
      font: {
        set color(color: string) {
          set("format.font.color", { fontColor: color });
        },
      },
    };
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

class CustomPropertyCollectionProxy extends RemoteCollection<CustomPropertyProxy> {
  constructor(context: MockContext) {
    super(context, "workbook.properties.custom");
  }

  protected list(): CustomPropertyProxy[] {
    this.excel.require("1.7", "custom properties");
    return [...this.excel.properties.keys()].map((key) => this.getItem(key));
  }

  add(key: string, value: unknown): CustomPropertyProxy {
    this.excel.require("1.7", "custom properties");
    // Excel outside the web refuses keys and values over 255 characters
    if (key.length > 255 || String(value).length > 255)
      throw new MockOfficeError("InvalidArgument", `property ${key} is too long`);
    this.write(`add(${key})`, [key, value], () => this.excel.properties.set(key, value));
    return this.getItem(key);
  }

  getItem(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, key);
  }
}

class CustomPropertyProxy extends Remote {
  constructor(
    context: MockContext,
    private readonly keyName: string
  ) {
    super(context, `properties.custom[${keyName}]`);
  }

  private present(): void {
    if (!this.excel.properties.has(this.keyName))
      throw new MockOfficeError("ItemNotFound", this.path);
  }

  protected readable() {
    return {
      key: () => (this.present(), this.keyName),
      value: () => (this.present(), this.excel.properties.get(this.keyName)),
    };
  }

  get key(): string {
    return this.get("key");
  }

  get value(): unknown {
    return this.get("value");
  }

  delete(): void {
    this.write("delete()", null, () => {
      this.present();
      this.excel.properties.delete(this.keyName);
    });
  }
}

import { classifyCell } from "../engine";
import { areaAddress, overlaps } from "./address";
import { RECORD_PREFIX } from "./records";
import { isRecord } from "./recordStore";
import { tableArea, uniqueSheetName } from "./newSheet";
import {
  type Area,
  Cancelled,
  type CellValue,
  type ChartSpec,
  type DamagedRecord,
  type InsertedSheet,
  type NewSheet,
  type PaneEvents,
  type RunOptions,
  type SegmentationRecord,
  type SourceTable,
  type StoredRecords,
  type TierStyle,
  type UnfinishedWrite,
  type WorkbookPort,
  WorkbookChanged,
  type WriteFailed,
  type WritePlan,
} from "./types";

/**
 * An in-memory workbook: sheets of cells with values and formats, Excel tables, conditional
 * colour rules, charts and custom document properties. The tests and the browser preview use
 * it in place of Excel.
 */
export interface MemoryCell {
  value: CellValue;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
}

export interface MemoryTable {
  name: string;
  area: Area;
}

export interface MemoryRule {
  area: Area;
  tiers: TierStyle[];
}

export class MemorySheet {
  readonly cells = new Map<number, Map<number, MemoryCell>>();
  tables: MemoryTable[] = [];
  rules: MemoryRule[] = [];
  charts: ChartSpec[] = [];
  columnWidths: number[] = [];
  frozenRows = 0;

  constructor(public name: string) {}

  cell(row: number, column: number): MemoryCell | undefined {
    return this.cells.get(row)?.get(column);
  }

  value(row: number, column: number): CellValue {
    return this.cell(row, column)?.value ?? null;
  }

  set(row: number, column: number, cell: Partial<MemoryCell>): void {
    let line = this.cells.get(row);
    if (!line) this.cells.set(row, (line = new Map()));
    const next = { ...(line.get(column) ?? { value: null }), ...cell };
    if (next.value === "") next.value = null;
    line.set(column, next);
  }

  clear(area: Area): void {
    for (let r = area.top; r < area.top + area.rows; r++) {
      const line = this.cells.get(r);
      if (!line) continue;
      for (let c = area.left; c < area.left + area.columns; c++) line.delete(c);
      if (line.size === 0) this.cells.delete(r);
    }
  }

  /** The rectangle of every cell with a value, or undefined when the sheet is empty. */
  usedArea(): Area | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, line] of this.cells) {
      for (const [c, cell] of line) {
        if (cell.value === null) continue;
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

  values(area: Area): CellValue[][] {
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => this.value(area.top + r, area.left + c))
    );
  }

  /** The fill and font colour a cell shows: its own, or the first colour rule that matches it. */
  shownColours(row: number, column: number): { fill?: string; fontColor?: string } {
    const cell = this.cell(row, column);
    const value = cell?.value;
    for (const rule of this.rules) {
      if (!overlaps(rule.area, { top: row, left: column, rows: 1, columns: 1 })) continue;
      // Excel's "cell value equal to" compares text without regard to case
      const tier = rule.tiers.find(
        (t) => typeof value === "string" && t.label.toLowerCase() === value.toLowerCase()
      );
      if (tier) return { fill: tier.fill, fontColor: tier.text };
    }
    return { fill: cell?.fill, fontColor: cell?.fontColor };
  }
}

export interface MemorySelection {
  sheet: string;
  area: Area;
}

export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  properties = new Map<string, string>();
  private selected: MemorySelection = {
    sheet: "Sheet1",
    area: { top: 0, left: 0, rows: 1, columns: 1 },
  };
  private readonly selectionListeners = new Set<() => void>();

  /** The selected range. Assign a new one to move it: listeners hear of it, as in Excel. */
  get selection(): MemorySelection {
    return this.selected;
  }

  set selection(next: MemorySelection) {
    const moved =
      next.sheet !== this.selected.sheet ||
      areaAddress(next.area) !== areaAddress(this.selected.area);
    this.selected = next;
    if (moved) for (const listener of [...this.selectionListeners]) listener();
  }

  /** Calls `listener` whenever the selection moves; returns the way to stop. */
  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): MemorySheet {
    const sheet = new MemorySheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A sheet filled from rows of values, starting at A1. */
  static withTable(name: string, rows: CellValue[][]): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    const sheet = workbook.addSheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => value !== null && value !== "" && sheet.set(r, c, { value }))
    );
    workbook.selection = { sheet: name, area: { top: 0, left: 0, rows: 1, columns: 1 } };
    return workbook;
  }
}

/** The contiguous region around a cell, as Excel's Ctrl+* finds it. */
export function surroundingRegion(sheet: MemorySheet, row: number, column: number): Area {
  let top = row;
  let left = column;
  let bottom = row;
  let right = column;
  const filled = (r: number, c: number) => r >= 0 && c >= 0 && sheet.value(r, c) !== null;
  const rowHas = (r: number) => {
    for (let c = left - 1; c <= right + 1; c++) if (filled(r, c)) return true;
    return false;
  };
  const columnHas = (c: number) => {
    for (let r = top - 1; r <= bottom + 1; r++) if (filled(r, c)) return true;
    return false;
  };
  // Rows grow in inner loops (each check spans the region's width); a column check spans
  // all its rows, so it runs once per round, not once per row.
  for (let grown = true; grown;) {
    const before = [top, bottom, left, right].join();
    while (top > 0 && rowHas(top - 1)) top--;
    while (rowHas(bottom + 1)) bottom++;
    if (left > 0 && columnHas(left - 1)) left--;
    if (columnHas(right + 1)) right++;
    grown = [top, bottom, left, right].join() !== before;
  }
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

export interface MemoryPortOptions {
  /** rows per written block (as the Office adapter would write them) */
  blockRows?: number;
  /** waits this long between blocks, so a browser can paint progress and take a cancel */
  pauseMs?: number;
  /**
   * The next `apply` throws this, once, as Excel refusing a request would: before any change,
   * or, when `leftBehind`, after the columns and with the write marked unfinished.
   */
  failNextApply?: WriteFailed;
  /** `apply` calls `onUndoSteps` every time (Excel would at most once a session) */
  undoSteps?: boolean;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where the memory workbook marks a write that has begun and not finished. */
const UNFINISHED_PREFIX = "CustomerValue.Unfinished.";
const CHUNK = 250;

/** A write's mark: what it was to record, and the run it replaces, both ours to take away. */
interface UnfinishedMark {
  record: SegmentationRecord;
  previous?: SegmentationRecord;
}

/** JSON split over numbered properties of 250 characters, as the records always were. */
function writeChunks(properties: Map<string, string>, prefix: string, value: unknown[]): void {
  for (const key of [...properties.keys()]) if (key.startsWith(prefix)) properties.delete(key);
  if (value.length === 0) return;
  const json = JSON.stringify(value);
  for (let i = 0, part = 1; i < json.length; i += CHUNK, part++)
    properties.set(`${prefix}${String(part).padStart(3, "0")}`, json.slice(i, i + CHUNK));
}

/** The array stored under `prefix`: [] when there is none, undefined when it cannot be read. */
function readChunks(properties: Map<string, string>, prefix: string): unknown[] | undefined {
  const keys = [...properties.keys()].filter((key) => key.startsWith(prefix)).sort();
  if (keys.length === 0) return [];
  try {
    const value: unknown = JSON.parse(keys.map((key) => properties.get(key)).join(""));
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function idOf(entry: unknown): string | undefined {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}

function unfinishedWrite({ record }: UnfinishedMark): UnfinishedWrite {
  return { id: record.id, method: record.method, date: record.date, source: record.source };
}

export class MemoryWorkbookPort implements WorkbookPort {
  private failure: WriteFailed | undefined;

  constructor(
    readonly workbook: MemoryWorkbook,
    private readonly options: MemoryPortOptions = {}
  ) {
    this.failure = options.failNextApply;
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.workbook.sheet(name);
    if (!sheet) throw new WorkbookChanged("sheetGone", name);
    return sheet;
  }

  async readTable(): Promise<SourceTable> {
    const { sheet: name, area: selected } = this.workbook.selection;
    const sheet = this.sheet(name);
    let area = selected;
    let tableName: string | undefined;
    if (selected.rows === 1 && selected.columns === 1) {
      const table = sheet.tables.find((t) => overlaps(t.area, selected));
      if (table) {
        area = table.area;
        tableName = table.name;
      } else {
        area = surroundingRegion(sheet, selected.top, selected.left);
      }
    }
    return {
      sheet: sheet.name,
      area,
      values: sheet.values(area),
      ...(tableName ? { tableName } : {}),
    };
  }

  async isBlank(name: string, area: Area): Promise<boolean> {
    const sheet = this.sheet(name);
    for (let r = area.top; r < area.top + area.rows; r++) {
      const line = sheet.cells.get(r);
      if (!line) continue;
      for (let c = area.left; c < area.left + area.columns; c++)
        if ((line.get(c)?.value ?? null) !== null) return false;
    }
    return true;
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.sheets.map((s) => s.name);
  }

  /**
   * Each stored entry is read on its own: one that is not a record is reported as damaged and
   * skipped, and stays stored as it was (a newer add-in may read it).
   */
  async loadRecords(): Promise<StoredRecords> {
    const entries = readChunks(this.workbook.properties, RECORD_PREFIX);
    const records: SegmentationRecord[] = [];
    const damaged: DamagedRecord[] = [];
    if (!entries) damaged.push({ reason: "the records cannot be read as JSON" });
    for (const entry of entries ?? []) {
      if (isRecord(entry)) records.push(entry);
      else {
        const id = idOf(entry);
        damaged.push({ ...(id ? { id } : {}), reason: "not a segmentation record" });
      }
    }
    return { records, unfinished: this.marks().map(unfinishedWrite), damaged };
  }

  /** Every stored entry but the table's, then its new record (when there is one). */
  private saveRecord(id: string, record?: SegmentationRecord): void {
    const others = (readChunks(this.workbook.properties, RECORD_PREFIX) ?? []).filter(
      (entry) => idOf(entry) !== id
    );
    writeChunks(this.workbook.properties, RECORD_PREFIX, record ? [...others, record] : others);
  }

  private marks(): UnfinishedMark[] {
    return (readChunks(this.workbook.properties, UNFINISHED_PREFIX) ?? []).filter(
      (mark): mark is UnfinishedMark => isRecord((mark as UnfinishedMark | null)?.record)
    );
  }

  private saveMarks(marks: UnfinishedMark[]): void {
    writeChunks(this.workbook.properties, UNFINISHED_PREFIX, marks);
  }

  /** The mark a write leaves before its first change; a finished write takes it away. */
  private mark(plan: WritePlan): void {
    this.saveMarks([
      ...this.marks().filter((m) => m.record.id !== plan.record.id),
      { record: plan.record, ...(plan.previous ? { previous: plan.previous } : {}) },
    ]);
  }

  private unmark(id: string): void {
    this.saveMarks(this.marks().filter((m) => m.record.id !== id));
  }

  /** Takes away what a record lists: cell contents and formats, table columns, rules, sheets. */
  private undo(record: SegmentationRecord): void {
    const columns = record.written.columns;
    if (columns) {
      const sheet = this.workbook.sheet(columns.sheet);
      sheet?.clear(columns.area);
      const table = sheet?.tables.find((t) => t.name === columns.tableName);
      // a write that stopped early may not have grown the table yet
      const grown =
        table && table.area.left + table.area.columns >= columns.area.left + columns.area.columns;
      if (table && grown)
        table.area = { ...table.area, columns: table.area.columns - columns.area.columns };
    }
    for (const rule of record.written.rules) {
      const sheet = this.workbook.sheet(rule.sheet);
      if (sheet) sheet.rules = sheet.rules.filter((r) => !sameRule(r, rule));
    }
    const gone = new Set(record.written.sheets.map((n) => n.toLowerCase()));
    this.workbook.sheets = this.workbook.sheets.filter((s) => !gone.has(s.name.toLowerCase()));
    // as in Excel, deleting the selected sheet selects another
    const book = this.workbook;
    if (!book.sheet(book.selection.sheet) && book.sheets.length > 0)
      book.selection = {
        sheet: book.sheets[0].name,
        area: { top: 0, left: 0, rows: 1, columns: 1 },
      };
  }

  /**
   * The earlier run on the table is taken away first; the columns are written block by block
   * and a cancel between blocks clears what this run wrote, so nothing of it is kept.
   */
  async apply(plan: WritePlan, options: RunOptions = {}): Promise<void> {
    const ours = new Set(plan.previous?.written.sheets.map((n) => n.toLowerCase()) ?? []);
    for (const { name } of plan.sheets) {
      if (this.workbook.sheet(name) && !ours.has(name.toLowerCase()))
        throw new WorkbookChanged("sheetExists", name);
    }
    const failure = this.failure;
    this.failure = undefined;
    if (failure && !failure.leftBehind) throw failure;
    if (failure) {
      this.mark(plan);
      this.writeColumns(plan);
      throw failure;
    }
    if (this.options.undoSteps) options.onUndoSteps?.();
    if (plan.previous) this.undo(plan.previous);
    const columns = plan.columns;
    if (columns) {
      const sheet = this.sheet(columns.sheet);
      const blockRows = this.options.blockRows ?? 20_000;
      const blocks = Math.ceil(columns.values.length / blockRows);
      for (let b = 0; b < blocks; b++) {
        if (options.signal?.aborted) {
          sheet.clear({ ...columns.area, rows: b * blockRows });
          this.saveRecord(plan.record.id);
          throw new Cancelled();
        }
        const end = Math.min(columns.values.length, (b + 1) * blockRows);
        for (let r = b * blockRows; r < end; r++) {
          const header = r < columns.headerRows;
          columns.values[r].forEach((value, c) => {
            const format = columns.numberFormats[c];
            sheet.set(columns.area.top + r, columns.area.left + c, {
              value,
              ...(header ? { bold: true } : format ? { numberFormat: format } : {}),
            });
          });
        }
        options.onProgress?.(b + 1, blocks);
        if (this.options.pauseMs !== undefined) await pause(this.options.pauseMs);
      }
      const table = sheet.tables.find((t) => t.name === columns.tableName);
      if (table) table.area = { ...table.area, columns: table.area.columns + columns.area.columns };
    } else {
      options.onProgress?.(1, 1);
    }
    for (const content of plan.sheets) {
      const sheet = this.workbook.addSheet(content.name);
      for (const block of content.blocks) {
        block.values.forEach((row, r) =>
          row.forEach((value, c) =>
            sheet.set(block.top + r, block.left + c, {
              value,
              ...(block.numberFormats?.[c] ? { numberFormat: block.numberFormats[c] } : {}),
              ...(block.bold ? { bold: true } : {}),
              ...(block.fills?.[r]?.[c] ? { fill: block.fills[r][c] } : {}),
              ...(block.fontColors?.[r]?.[c] ? { fontColor: block.fontColors[r][c] } : {}),
            })
          )
        );
      }
      sheet.columnWidths = content.columnWidths ?? [];
      sheet.frozenRows = content.freezeRows ?? 0;
      if (content.chart) sheet.charts.push(content.chart);
    }
    for (const rule of plan.rules)
      this.sheet(rule.sheet).rules.push({ area: rule.area, tiers: rule.tiers });
    // as in Excel, a finished write on the table stands for it: an older unfinished mark goes
    this.saveRecord(plan.record.id, plan.record);
    this.unmark(plan.record.id);
  }

  /** The columns alone, in one go: what a write that stopped after them leaves. */
  private writeColumns(plan: WritePlan): void {
    const columns = plan.columns;
    if (!columns) return;
    const sheet = this.sheet(columns.sheet);
    columns.values.forEach((row, r) =>
      row.forEach((value, c) => sheet.set(columns.area.top + r, columns.area.left + c, { value }))
    );
  }

  async remove(record: SegmentationRecord): Promise<void> {
    this.undo(record);
    this.saveRecord(record.id);
    this.unmark(record.id);
  }

  /** What the unfinished write and the run it replaced wrote, their record and the mark. */
  async cleanUp(unfinished: UnfinishedWrite): Promise<void> {
    const mark = this.marks().find((m) => m.record.id === unfinished.id);
    if (!mark) return;
    this.undo(mark.record);
    if (mark.previous) this.undo(mark.previous);
    this.saveRecord(unfinished.id);
    this.unmark(unfinished.id);
  }

  /**
   * Test only: a write of `plan` that Excel never finished, as the next start finds it: its
   * mark, and the columns it had written.
   */
  seedUnfinished(plan: WritePlan): void {
    this.mark(plan);
    this.writeColumns(plan);
  }

  /** Test only: a stored entry that is not a record (hand-edited, or cut short), beside the others. */
  seedDamaged(entry: unknown): void {
    const entries = readChunks(this.workbook.properties, RECORD_PREFIX) ?? [];
    writeChunks(this.workbook.properties, RECORD_PREFIX, [...entries, entry]);
  }

  /** The preview's pane is always in view: shown at once, then every move of the selection. */
  async listen(events: PaneEvents): Promise<() => Promise<void>> {
    const stop = this.workbook.onSelectionChanged(() => events.selectionChanged());
    events.shown();
    return async () => stop();
  }

  /** As Excel does it: a free name, the table from A1 with a bold header, then selected. */
  async insertSheet(content: NewSheet): Promise<InsertedSheet> {
    const name = uniqueSheetName(
      content.name,
      this.workbook.sheets.map((s) => s.name)
    );
    const sheet = this.workbook.addSheet(name);
    content.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const format = r > 0 ? content.numberFormats?.[c] : undefined;
        sheet.set(r, c, {
          value,
          ...(r === 0 ? { bold: true } : {}),
          ...(format ? { numberFormat: format } : {}),
        });
      })
    );
    sheet.columnWidths = [...(content.columnWidths ?? [])];
    const area = tableArea(content);
    this.workbook.selection = { sheet: name, area };
    return { sheet: name, area };
  }
}

function sameRule(rule: MemoryRule, written: { area: Area; labels: string[] }): boolean {
  return (
    areaAddress(rule.area) === areaAddress(written.area) &&
    rule.tiers.length === written.labels.length &&
    rule.tiers.every((t, i) => t.label === written.labels[i])
  );
}

/** Whether a value would read as a number (used by the preview grid to align it). */
export function isNumeric(value: CellValue): boolean {
  return classifyCell(value).kind === "number";
}

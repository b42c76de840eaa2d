import type { Method, MethodOptions, Role } from "../engine";
import type { Locale } from "../i18n/locale";

/**
 * The port the task pane talks to. Two adapters implement it: Office.js for Excel
 * (office.ts) and an in-memory workbook (memory.ts) for tests and the browser preview.
 * Everything here is plain data, so a plan can be built and checked without a host.
 */

/** A value as a cell holds it; null is an empty cell. */
export type CellValue = string | number | boolean | null;

/** A rectangle by 0-based row and column indexes. */
export interface Area {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** The customer table the pane works on, header row included. */
export interface SourceTable {
  sheet: string;
  area: Area;
  values: CellValue[][];
  /** set when the table is an Excel table (ListObject) */
  tableName?: string;
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Called (at most once a session) when Excel could not merge the write into one undo step
   * and it was done again without merging: Ctrl+Z will take several steps.
   */
  onUndoSteps?: () => void;
}

/** New columns right of the source table: a header row, then one row per data row. */
export interface ColumnBlock {
  sheet: string;
  area: Area;
  /** 1 when the first row of `values` is a header (bold), 0 when the table has none */
  headerRows: 0 | 1;
  values: CellValue[][];
  /** number format of each column's data cells ("General" when undefined) */
  numberFormats: (string | undefined)[];
  /** added as new columns of this Excel table */
  tableName?: string;
}

export interface TierStyle {
  label: string;
  fill: string;
  text: string;
}

/** One conditional-format rule per tier over a column: cell value equals the label. */
export interface RuleSet {
  sheet: string;
  area: Area;
  tiers: TierStyle[];
}

/** A block of cells on a sheet the add-in creates. */
export interface CellBlock {
  top: number;
  left: number;
  values: CellValue[][];
  /** per column */
  numberFormats?: (string | undefined)[];
  bold?: boolean;
  /** static fills and font colours per cell (the legend's swatches), rows x columns */
  fills?: (string | undefined)[][];
  fontColors?: (string | undefined)[][];
}

export interface ChartSpec {
  title: string;
  /** category labels and values: one column each, on the chart's sheet */
  categories: Area;
  values: Area;
  seriesName: string;
  /** one fill per point, as the tiers' colours */
  colours: string[];
  /** where the chart sits */
  anchor: Area;
}

export interface SheetContent {
  name: string;
  blocks: CellBlock[];
  columnWidths?: number[];
  freezeRows?: number;
  chart?: ChartSpec;
}

/** A cell's format before the add-in wrote into it, by sheet row and column. */
export interface PriorFormat {
  row: number;
  column: number;
  numberFormat?: string;
  bold?: boolean;
}

/** Everything one segmentation added, so that re-running or removing touches nothing else. */
export interface SegmentationRecord {
  version: 1;
  /** the source table: `${sheet}!${top},${left}` of its header */
  id: string;
  method: Method;
  fromTransactions: boolean;
  /** the method's options, offered again on the next run */
  options: MethodOptions;
  /** method parameters as people read them (splits, cut-offs, shares) */
  parameters: Record<string, string | number>;
  /** role -> column name */
  roles: Partial<Record<Role, string>>;
  language: Locale;
  date: string;
  source: { sheet: string; area: Area; tableName?: string };
  written: {
    columns?: {
      sheet: string;
      area: Area;
      tableName?: string;
      headers: string[];
      /**
       * Formats the user had given cells of a plain-range area before the add-in wrote there
       * (anything but General and not bold), put back when the columns are taken away.
       */
      priorFormats?: PriorFormat[];
    };
    sheets: string[];
    rules: { sheet: string; area: Area; labels: string[] }[];
  };
}

export interface WritePlan {
  /** the earlier run on the same table, replaced by this one */
  previous?: SegmentationRecord;
  columns?: ColumnBlock;
  sheets: SheetContent[];
  rules: RuleSet[];
  record: SegmentationRecord;
}

/** A sheet the add-in adds for the user to keep (the sample data): a table from A1, header first. */
export interface NewSheet {
  /** the name wanted; " (2)", " (3)"… is added when a sheet of that name exists */
  name: string;
  /** the header row, then the data rows; numbers stay numbers */
  values: CellValue[][];
  /** per column, for the data rows ("General" when undefined) */
  numberFormats?: (string | undefined)[];
  /** per column, in characters */
  columnWidths?: number[];
}

export interface InsertedSheet {
  /** the name the sheet was given */
  sheet: string;
  /** the table written, now selected */
  area: Area;
}

/**
 * A write that began and never finished: Excel closed or crashed in the middle of it. Its mark
 * is written before the first change, so the next start finds it.
 */
export interface UnfinishedWrite {
  /** the source table's record id */
  id: string;
  method: Method;
  date: string;
  source: { sheet: string; area: Area; tableName?: string };
}

/** A record the workbook holds but that could not be read; the others are not affected. */
export interface DamagedRecord {
  /** the record's id, when even that could not be read: undefined */
  id?: string;
  reason: string;
}

/** What the workbook says about the segmentations written into it. */
export interface StoredRecords {
  records: SegmentationRecord[];
  unfinished: UnfinishedWrite[];
  damaged: DamagedRecord[];
}

/** What the pane listens to; each handler runs on the pane's page. */
export interface PaneEvents {
  /** the pane became visible (also when the host cannot tell, at the first read it asks for) */
  shown: () => void;
  /** the selection moved while the pane is visible */
  selectionChanged: () => void;
}

export interface WorkbookPort {
  /**
   * The table at the selection: the selected range, or, when one cell is selected, the
   * Excel table or the contiguous region around it.
   */
  readTable(options?: RunOptions): Promise<SourceTable>;
  /** True when no cell of the area holds a value. */
  isBlank(sheet: string, area: Area): Promise<boolean>;
  sheetNames(): Promise<string[]>;
  /** Writes a plan: replaces `previous`, then columns (in blocks), sheets, rules and the record. */
  apply(plan: WritePlan, options?: RunOptions): Promise<void>;
  /** Removes exactly what the record lists, and the record. */
  remove(record: SegmentationRecord): Promise<void>;
  /** Records, unfinished writes and damaged records; old-style records are moved on reading. */
  loadRecords(): Promise<StoredRecords>;
  /**
   * Takes away what an unfinished write (and the run it was replacing) put into the workbook,
   * and its mark: only cells, columns, rules and sheets the add-in wrote.
   */
  cleanUp(unfinished: UnfinishedWrite): Promise<void>;
  /**
   * Starts telling the pane when it is shown and when the selection changes while it is shown.
   * Nothing is read from the workbook before the first `shown`. Returns the way to stop.
   */
  listen(events: PaneEvents): Promise<() => Promise<void>>;
  /**
   * Adds a sheet under a name no sheet has, writes the table from A1 (header in bold) and
   * selects it. Only undoable changes: nothing of the user's is overwritten or deleted. Throws
   * SheetNotAdded when it fails, having taken away what it had added.
   */
  insertSheet(content: NewSheet): Promise<InsertedSheet>;
}

/**
 * A write failed part-way (Excel refused a request, the connection dropped, someone typed in a
 * cell). Everything it had changed was put back as it was, unless `leftBehind`: then putting
 * back failed too, and the write is marked unfinished in the workbook for the next start.
 */
export class WriteFailed extends Error {
  constructor(
    /** Excel's error code (GeneralException, InvalidArgument, ...) or "" */
    readonly code: string,
    /** Excel's own explanation, in Office's language */
    readonly reason: string,
    readonly leftBehind: boolean
  ) {
    super(`write failed (${code}): ${reason}`);
    this.name = "WriteFailed";
  }
}

/** The user stopped a long run; nothing of it was kept. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

/** The new columns would cover cells the add-in did not write. */
export class Blocked extends Error {
  constructor(
    readonly sheet: string,
    readonly area: Area
  ) {
    super("blocked");
    this.name = "Blocked";
  }
}

/**
 * The workbook changed between reading the table and writing: a sheet the add-in wants to add
 * now exists, or a sheet or Excel table it reads from is gone. Nothing was written.
 */
export class WorkbookChanged extends Error {
  constructor(
    readonly reason: "sheetExists" | "sheetGone" | "tableGone",
    /** the sheet's or the table's name */
    readonly target: string
  ) {
    super(`${reason}: ${target}`);
    this.name = "WorkbookChanged";
  }
}

/**
 * A new sheet could not be added and filled. What was added of it was taken away again, unless
 * `leftBehind`: then the sheet may be there, incomplete.
 */
export class SheetNotAdded extends Error {
  constructor(
    /** the name the sheet was to have */
    readonly sheet: string,
    /** Excel's own explanation, in Office's language */
    readonly reason: string,
    readonly leftBehind: boolean
  ) {
    super(`sheet ${sheet} not added: ${reason}`);
    this.name = "SheetNotAdded";
  }
}

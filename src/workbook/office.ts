import { areaAddress } from "./address";
import {
  type AddinHost,
  type ExcelRun,
  type RequirementCheck,
  officeAddin,
  officeRequirements,
  officeRun,
} from "./office/host";
import { type NewSheetProgress, writeNewSheet } from "./office/newSheet";
import { prepareApply, prepareRemoval } from "./office/plans";
import { locateTable, readValues } from "./office/read";
import { loadStore } from "./office/store";
import { type Prepared, RolledBack, type TransactionHost, transact } from "./office/write";
import { storedRecords } from "./recordStore";
import {
  type Area,
  Cancelled,
  type InsertedSheet,
  type NewSheet,
  type PaneEvents,
  type RunOptions,
  type SegmentationRecord,
  SheetNotAdded,
  type SourceTable,
  type StoredRecords,
  type UnfinishedWrite,
  type WorkbookPort,
  type WritePlan,
} from "./types";

/**
 * The workbook port on Excel through Office.js. Reads and writes go in blocks sized to stay
 * under Excel on the web's 5 MB payload limit, with a fixed number of syncs for tables of up
 * to 20,000 rows and one more per block beyond. A write is all or nothing (office/write.ts),
 * merged into one undo step where Excel can (ExcelApi 1.20) and, when a merged run fails, done
 * again without merging for the rest of the session. Nothing touches the workbook before the
 * pane asks: the pane's page also starts hidden, when a `CV.*` formula calculates.
 */
export class OfficeWorkbookPort implements WorkbookPort {
  /** a merged-undo run failed once: this session writes without merging */
  private mergeBroken = false;
  private undoNoticeGiven = false;
  private selectionWatch: {
    visible: boolean;
    handler?: OfficeExtension.EventHandlerResult<unknown>;
  } = { visible: false };
  private events: PaneEvents | undefined;

  constructor(
    private readonly excelRun: ExcelRun = officeRun,
    private readonly requirements: RequirementCheck = officeRequirements,
    private readonly addin: () => AddinHost | undefined = officeAddin
  ) {}

  private supports(version: string): boolean {
    return this.requirements("ExcelApi", version);
  }

  /** Every run waits for a cell edit to end (ExcelApi 1.11); writes may merge into one undo step. */
  private runOptions(merge: boolean): Excel.RunOptions | undefined {
    const options: Excel.RunOptions = {};
    if (merge && !this.mergeBroken && this.supports("1.20")) options.mergeUndoGroup = true;
    if (this.supports("1.11")) options.delayForCellEdit = true;
    return Object.keys(options).length > 0 ? options : undefined;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>, merge = false): Promise<T> {
    return this.excelRun(this.runOptions(merge), batch);
  }

  async readTable(options: RunOptions = {}): Promise<SourceTable> {
    await this.watchSelection();
    const can = { rangeTables: this.supports("1.9"), surroundingRegion: this.supports("1.7") };
    return this.run(async (context) => {
      const { sheet, area, tableName } = await locateTable(context, can);
      const values = await readValues(context, sheet, area, options);
      return { sheet, area, values, ...(tableName ? { tableName } : {}) };
    });
  }

  async isBlank(sheet: string, area: Area): Promise<boolean> {
    return this.run(async (context) => {
      const cells = context.workbook.worksheets.getItem(sheet).getRange(areaAddress(area));
      // values only: formatting alone does not make a cell used, and no values travel
      const used = cells.getUsedRangeOrNullObject(true);
      await context.sync();
      return used.isNullObject;
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  async loadRecords(): Promise<StoredRecords> {
    return this.run(async (context) => storedRecords((await loadStore(context)).entries));
  }

  async apply(plan: WritePlan, options: RunOptions = {}): Promise<void> {
    await this.write((context) => prepareApply(context, plan, options), options, true);
  }

  /** Not one undo step: deleting a sheet cannot be undone in any case. */
  async remove(record: SegmentationRecord): Promise<void> {
    await this.write((context) => prepareRemoval(context, record.id, [record], []), {}, false);
  }

  async cleanUp(unfinished: UnfinishedWrite): Promise<void> {
    await this.write(
      async (context) => {
        const store = await loadStore(context);
        const pending = store.entries.pending.find((p) => p.record.id === unfinished.id);
        const runs = pending
          ? [pending.record, ...(pending.previous ? [pending.previous] : [])]
          : [];
        return prepareRemoval(context, unfinished.id, runs, pending?.standIns ?? [], store);
      },
      {},
      false
    );
  }

  /**
   * A write, all or nothing; a merged-undo run that fails is put back and done once more
   * without merging, and the pane is told once that undo will take several steps.
   */
  private async write(
    prepare: (context: Excel.RequestContext) => Promise<Prepared>,
    options: RunOptions,
    merge: boolean
  ): Promise<void> {
    const host: TransactionHost = {
      run: this.excelRun,
      runOptions: (merged) => this.runOptions(merged),
    };
    const merged = merge && Boolean(this.runOptions(true)?.mergeUndoGroup);
    try {
      await transact(host, prepare, options, merged);
      return;
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
      if (!error.merged || error.failure instanceof Cancelled) throw error.failure;
    }
    this.mergeBroken = true;
    if (!this.undoNoticeGiven) {
      this.undoNoticeGiven = true;
      options.onUndoSteps?.();
    }
    try {
      await transact(host, prepare, options, false);
    } catch (error) {
      throw error instanceof RolledBack ? error.failure : error;
    }
  }

  /**
   * Tells the pane when it is shown (SharedRuntime 1.1's visibility event) and when the
   * selection moves while it is shown. The selection event is registered at the first `shown`
   * or read, never before: that would be a workbook call from a hidden pane.
   */
  async listen(events: PaneEvents): Promise<() => Promise<void>> {
    this.events = events;
    const addin = this.addin();
    const stopVisibility = addin
      ? await addin.onVisibilityModeChanged((message) => {
          this.selectionWatch.visible = message.visibilityMode === "Taskpane";
          if (this.selectionWatch.visible) events.shown();
        })
      : undefined;
    return async () => {
      this.events = undefined;
      await stopVisibility?.();
      const handler = this.selectionWatch.handler;
      this.selectionWatch = { visible: false };
      if (handler)
        await this.run(async (context) => {
          handler.remove();
          await context.sync();
        });
    };
  }

  /** The pane reads: it is visible, and from now on hears about selection changes. */
  private async watchSelection(): Promise<void> {
    this.selectionWatch.visible = true;
    if (!this.events || this.selectionWatch.handler) return;
    const watch = this.selectionWatch;
    watch.handler = await this.run(async (context) => {
      const handler = context.workbook.onSelectionChanged.add(async () => {
        if (watch.visible) this.events?.selectionChanged();
      });
      await context.sync();
      return handler;
    });
  }

  /**
   * One undo step where Excel can merge it (ExcelApi 1.20). A failed sync after the sheet was
   * added takes the sheet away again, so that no half-filled sheet looks like a finished one:
   * that deletion cannot be undone, but it removes only the sheet this call added. A sheet
   * someone else added under the name meanwhile is never touched.
   */
  async insertSheet(content: NewSheet): Promise<InsertedSheet> {
    const progress: NewSheetProgress = { name: content.name, added: false };
    try {
      return await this.run((context) => writeNewSheet(context, content, progress), true);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const leftBehind = progress.added && !(await this.deletedAgain(progress.name));
      throw new SheetNotAdded(progress.name, reason, leftBehind);
    }
  }

  /** Takes away a sheet this adapter has just added; false when even that fails. */
  private async deletedAgain(name: string): Promise<boolean> {
    try {
      await this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        if (!sheet.isNullObject) {
          sheet.delete();
          await context.sync();
        }
      });
      return true;
    } catch {
      return false;
    }
  }
}

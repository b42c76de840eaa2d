import type { PendingWrite } from "../recordStore";
import {
  Cancelled,
  type RunOptions,
  type SegmentationRecord,
  WorkbookChanged,
  WriteFailed,
} from "../types";
import { type Step, calls, groupIntoBatches, sendBatches, writeSync } from "./batches";
import type { ExcelRun } from "./host";
import { sheetKey } from "./probe";
import { type Before, restoreBefore } from "./snapshot";
import { type StoreFacts, loadStore, queueSaveStore } from "./store";

/**
 * A write done all or nothing. Excel has no transactions: a sync that fails part-way keeps
 * the calls before the failing one, and earlier syncs stay done. So a write
 *   1. reads what it needs and the before-image (snapshot.ts), changing nothing;
 *   2. marks itself in the records' store ("pending"), in a sync of its own, so that a write
 *      Excel never finished (closed, crashed) is found at the next start;
 *   3. makes its changes: sheets it adds, cells, table columns, rules; a sheet of an earlier
 *      run is not rewritten but built anew under a stand-in name;
 *   4. commits: the records' store says "done" (read back to be sure), and, where earlier
 *      sheets are replaced, they swap names with their stand-ins and are deleted, the very
 *      last thing, because no one can bring a deleted sheet back.
 * When anything fails, the workbook is put back from the before-image and the sheet journal,
 * looking at what is there now, so a failure part-way through a sync is put back too. Only a
 * failure in the last sync, after a sheet of the earlier run has already been deleted, is
 * completed instead of put back: what it had left to do is delete the rest.
 */
export interface SheetJournal {
  /** sheets the write adds under their own names (none of them existed) */
  added: string[];
  /** sheets of an earlier run written again: built on `fresh`, the old one moved to `old` */
  swaps: { final: string; fresh: string; old: string }[];
  /** sheets of an earlier run no longer written: deleted at the end */
  stale: string[];
}

export interface Prepared {
  before: Before;
  store: StoreFacts;
  /** the mark written before the first change; a removal needs none */
  mark?: PendingWrite;
  sheets: SheetJournal;
  /** the changes, after the mark */
  steps: Step[];
  /** what the records' store holds when the write is done */
  done: { records: SegmentationRecord[]; pending: PendingWrite[] };
}

export type Phase = "reading" | "changing" | "renaming" | "deleting" | "done";

export interface TransactionHost {
  run: ExcelRun;
  /** run options: undo grouping, waiting for a cell edit to end */
  runOptions(merge: boolean): Excel.RunOptions | undefined;
}

/** How a failed write ended: put back as it was, or not even that. */
export class RolledBack extends Error {
  constructor(
    readonly failure: WriteFailed | Cancelled,
    /** the failure came from a merged-undo run, and everything was put back */
    readonly merged: boolean
  ) {
    super(failure.message);
    this.name = "RolledBack";
  }
}

const hasCommit = (sheets: SheetJournal) => sheets.swaps.length + sheets.stale.length > 0;

/** Recalculation was suspended for the writes: formulas that read the new cells catch up. */
function recalculate(context: Excel.RequestContext): void {
  context.application.calculate("Recalculate");
}

export function failureOf(error: unknown, leftBehind: boolean): WriteFailed {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  const reason = error instanceof Error ? error.message : String(error);
  return new WriteFailed(code, reason, leftBehind);
}

/**
 * Runs a prepared write. Throws WorkbookChanged when `prepare` finds the workbook changed under
 * the pane (nothing written), RolledBack when the write failed or was cancelled and everything
 * was put back (or nothing had been changed), and WriteFailed with `leftBehind` when even
 * putting back failed.
 */
export async function transact(
  host: TransactionHost,
  prepare: (context: Excel.RequestContext) => Promise<Prepared>,
  options: RunOptions,
  merge: boolean
): Promise<void> {
  const state: { phase: Phase; prepared?: Prepared } = { phase: "reading" };
  try {
    await host.run(host.runOptions(merge), async (context) => {
      const prepared = await prepare(context);
      state.prepared = prepared;
      state.phase = "changing";
      let store = prepared.store;
      if (prepared.mark) {
        const mark = prepared.mark;
        await writeSync(context, () => {
          store = queueSaveStore(context, store, {
            records: store.entries.records,
            pending: [mark],
          }).saved;
        });
      }
      const commitLater = hasCommit(prepared.sheets);
      const steps = [...prepared.steps];
      let check: (() => void) | undefined;
      if (!commitLater) {
        steps.push(
          calls((ctx) => {
            check = queueSaveStore(ctx, store, prepared.done).check;
            recalculate(ctx);
          }, 6)
        );
      }
      const finished = await sendBatches(context, groupIntoBatches(steps), {
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        stop: () => Boolean(options.signal?.aborted),
      });
      if (!finished) throw new Cancelled();
      if (!commitLater) {
        check?.();
        state.phase = "done";
      }
    });
    if (state.phase !== "done" && state.prepared) await commit(host, state.prepared, state);
  } catch (error) {
    // the workbook changed under the pane: nothing was written, and the pane says what changed
    if (error instanceof WorkbookChanged) throw error;
    const failure = error instanceof Cancelled ? error : failureOf(error, false);
    if (!state.prepared || state.phase === "reading") throw new RolledBack(failure, merge);
    let outcome: "restored" | "completed";
    try {
      outcome = await rollBack(host, state.prepared, state.phase);
    } catch {
      throw failureOf(error, true);
    }
    if (outcome === "completed") return;
    throw new RolledBack(failure, merge && state.phase === "changing");
  }
}

/**
 * Earlier sheets swap names with their stand-ins; then, in the last sync, the old ones are
 * deleted and the store says done. Excel closing between the two leaves the mark: the next
 * start offers to take everything away.
 */
async function commit(
  host: TransactionHost,
  prepared: Prepared,
  state: { phase: Phase }
): Promise<void> {
  const { swaps } = prepared.sheets;
  await host.run(host.runOptions(false), async (context) => {
    state.phase = "renaming";
    await writeSync(context, () => {
      const sheets = context.workbook.worksheets;
      for (const swap of swaps) {
        sheets.getItem(swap.final).name = swap.old;
        sheets.getItem(swap.fresh).name = swap.final;
      }
    });
    state.phase = "deleting";
    await finish(context, prepared, doomedSheets(prepared.sheets));
    state.phase = "done";
  });
}

/** The sheets of the earlier run the write deletes: the old ones of swaps, and the stale ones. */
const doomedSheets = (sheets: SheetJournal) => [...sheets.swaps.map((s) => s.old), ...sheets.stale];

/** The last sync: the doomed sheets that are still there deleted, the store saying done. */
async function finish(
  context: Excel.RequestContext,
  prepared: Prepared,
  doomed: readonly string[]
): Promise<void> {
  const sheets = doomed.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  const store = await loadStore(context);
  let check: (() => void) | undefined;
  await writeSync(context, () => {
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    check = queueSaveStore(context, store, prepared.done).check;
    recalculate(context);
  });
  check?.();
}

/**
 * Puts the workbook back as the before-image and the journal say, looking at what is there;
 * or, when a sheet of the earlier run is already deleted, finishes the deletions instead.
 */
async function rollBack(
  host: TransactionHost,
  prepared: Prepared,
  phase: Phase
): Promise<"restored" | "completed"> {
  const { added, swaps, stale } = prepared.sheets;
  return host.run(host.runOptions(false), async (context) => {
    const names = [...added, ...swaps.flatMap((s) => [s.final, s.fresh, s.old]), ...stale];
    const probes = new Map(
      names.map((name) => [sheetKey(name), context.workbook.worksheets.getItemOrNullObject(name)])
    );
    await context.sync();
    const exists = (name: string) => !probes.get(sheetKey(name))!.isNullObject;
    const doomed = doomedSheets(prepared.sheets);
    if (phase === "deleting" && doomed.some((name) => !exists(name))) {
      await finish(context, prepared, doomed);
      return "completed";
    }
    await writeSync(context, () => {
      const sheets = context.workbook.worksheets;
      for (const name of added) if (exists(name)) sheets.getItem(name).delete();
      for (const swap of swaps) {
        if (exists(swap.fresh)) sheets.getItem(swap.fresh).delete();
        if (exists(swap.old)) {
          if (exists(swap.final)) sheets.getItem(swap.final).delete();
          sheets.getItem(swap.old).name = swap.final;
        }
      }
    });
    await restoreBefore(context, prepared.before);
    return "restored";
  });
}

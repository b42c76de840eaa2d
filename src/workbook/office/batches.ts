import { areaAddress } from "../address";
import type { Area, CellValue } from "../types";
import {
  BLOCK_BYTES,
  type ExcelValue,
  cutIntoPieces,
  isPayloadTooLarge,
  jsonBytes,
  toExcel,
} from "./blocks";

/**
 * A write is a list of steps; consecutive steps share a `context.sync()` while their JSON fits
 * the block budget. A block too big for one sync is cut into pieces, and each piece after the
 * first starts a sync of its own, so a table of up to 20,000 rows costs the same number of
 * syncs as a table of 100 and every further block costs one more.
 */
export interface ValuesStep {
  kind: "values";
  /** what the cells get: values (the default), formulas or number formats, one per cell */
  property?: "values" | "formulas" | "numberFormat";
  sheet: string;
  area: Area;
  values: ExcelValue[][];
  bytes: number;
  /** 0 for the first piece of a block */
  piece: number;
}

export interface CallsStep {
  kind: "calls";
  /** a rough size of the calls, so that they count against the budget too */
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

export type Step = ValuesStep | CallsStep;

/** What a call costs in a request besides its arguments. */
const CALL_BYTES = 100;

export function calls(
  queue: (context: Excel.RequestContext) => void,
  count = 1,
  argumentBytes = 0
): CallsStep {
  return { kind: "calls", bytes: count * CALL_BYTES + argumentBytes, queue };
}

/** The values of a block as the steps that write them. */
export function valueSteps(
  sheet: string,
  top: number,
  left: number,
  values: readonly CellValue[][]
): ValuesStep[] {
  return cellSteps(
    sheet,
    top,
    left,
    values.map((row) => row.map(toExcel)),
    "values"
  );
}

/** Cells as Excel gave them (formulas, number formats), written back as they are. */
export function cellSteps(
  sheet: string,
  top: number,
  left: number,
  sent: ExcelValue[][],
  property: NonNullable<ValuesStep["property"]>
): ValuesStep[] {
  if (sent.length === 0) return [];
  const columns = sent[0].length;
  return cutIntoPieces(sent).map((piece, index) => ({
    kind: "values",
    ...(property === "values" ? {} : { property }),
    sheet,
    area: { top: top + piece.start, left, rows: piece.end - piece.start, columns },
    values: sent.slice(piece.start, piece.end),
    bytes: piece.bytes + CALL_BYTES,
    piece: index,
  }));
}

export function groupIntoBatches(steps: readonly Step[], budget = BLOCK_BYTES): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  for (const step of steps) {
    const nextPiece = step.kind === "values" && step.piece > 0;
    if (current.length > 0 && (nextPiece || bytes + step.bytes > budget)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function rowsOf(steps: readonly Step[]): number {
  return steps.reduce((n, step) => n + (step.kind === "values" ? step.area.rows : 0), 0);
}

/** A batch Excel refused as too large, as two batches with half its rows each. */
export function halve(steps: readonly Step[]): [Step[], Step[]] | undefined {
  const rows = rowsOf(steps);
  if (rows < 2) return undefined;
  let wanted = Math.ceil(rows / 2);
  const first: Step[] = [];
  const second: Step[] = [];
  for (const step of steps) {
    if (wanted <= 0) second.push(step);
    else if (step.kind === "calls") first.push(step);
    else if (step.area.rows <= wanted) {
      first.push(step);
      wanted -= step.area.rows;
    } else {
      const head = step.values.slice(0, wanted);
      const tail = step.values.slice(wanted);
      first.push({
        ...step,
        area: { ...step.area, rows: head.length },
        values: head,
        bytes: jsonBytes(head),
      });
      second.push({
        ...step,
        area: { ...step.area, top: step.area.top + head.length, rows: tail.length },
        values: tail,
        bytes: jsonBytes(tail),
      });
      wanted = 0;
    }
  }
  return [first, second];
}

function queueStep(context: Excel.RequestContext, step: Step): void {
  if (step.kind === "calls") step.queue(context);
  else
    context.workbook.worksheets.getItem(step.sheet).getRange(areaAddress(step.area))[
      step.property ?? "values"
    ] = step.values;
}

export interface SendOptions {
  onProgress?: (done: number, total: number) => void;
  /** asked between batches; true stops before the next one */
  stop?: () => boolean;
}

/**
 * Sends the batches, one sync each, with calculation suspended while a batch writes. A batch
 * Excel refuses as too large is sent again once as two halves. Returns false when stopped.
 */
export async function sendBatches(
  context: Excel.RequestContext,
  batches: readonly Step[][],
  options: SendOptions = {}
): Promise<boolean> {
  const pending = batches.map((steps) => ({ steps, retried: false }));
  let total = pending.length;
  let done = 0;
  while (pending.length > 0) {
    const batch = pending.shift()!;
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batch.steps) queueStep(context, step);
    try {
      // one sync per block is the design: each block stays under the 5 MB request limit
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const halves = isPayloadTooLarge(error) && !batch.retried ? halve(batch.steps) : undefined;
      if (!halves) throw error;
      pending.unshift({ steps: halves[0], retried: true }, { steps: halves[1], retried: true });
      total++;
      continue;
    }
    done++;
    options.onProgress?.(done, total);
    if (pending.length > 0 && options.stop?.()) return false;
  }
  return true;
}

/** One sync that writes: calculation waits until it is done. */
export async function writeSync(context: Excel.RequestContext, queue: () => void): Promise<void> {
  context.application.suspendApiCalculationUntilNextSync();
  queue();
  await context.sync();
}

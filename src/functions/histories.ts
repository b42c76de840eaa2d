import { invalid } from "../engine";
import {
  type BgNbdParams,
  type GammaGammaParams,
  type PurchaseHistory,
  type SpendHistory,
  bgNbdParamsOf,
  gammaGammaParamsOf,
  purchaseHistory,
  spendHistory,
} from "../engine/btyd";
import { type Cells, cellsOf, numbers, positionOf, requireSameShape } from "./args";

/**
 * Readers for the BTYD functions: per-customer columns (x, t_x, T, mean_spend) given as ranges
 * of one shape, and the model parameters as the fit functions return them. Every error names
 * the argument and the cell.
 */

/** A per-customer argument: its cells, and its name for messages. */
export interface Column {
  arg: string;
  cells: Cells;
}

/** The per-customer ranges of a call, which must all have the first one's shape. */
export function columnsOf(...given: [raw: unknown, arg: string][]): Column[] {
  const columns = given.map(([raw, arg]) => ({ arg, cells: cellsOf(raw, arg) }));
  const [first, ...others] = columns;
  for (const other of others) requireSameShape(first.cells, first.arg, other.cells, other.arg);
  return columns;
}

function valueAt({ arg, cells }: Column, index: number): number {
  const value = cells.values[index];
  if (Number.isNaN(value)) throw invalid("required", { arg, ...positionOf(cells, index) });
  return value;
}

/** The positions holding a customer: those not blank in every column (so whole columns work). */
export function customerPositions(columns: readonly Column[]): number[] {
  const positions: number[] = [];
  const size = columns[0].cells.values.length;
  for (let i = 0; i < size; i++)
    if (columns.some(({ cells }) => !Number.isNaN(cells.values[i]))) positions.push(i);
  return positions;
}

/** The customer at `index` of the x, t_x and T columns. */
export function purchaseHistoryAt([x, tx, T]: readonly Column[], index: number): PurchaseHistory {
  return purchaseHistory(
    valueAt(x, index),
    valueAt(tx, index),
    valueAt(T, index),
    positionOf(x.cells, index)
  );
}

/** The customer at `index` of the x and mean_spend columns; without a repeat purchase the spend may be blank. */
export function spendHistoryAt(x: Column, meanSpend: Column, index: number): SpendHistory {
  const repeats = valueAt(x, index);
  const blank = Number.isNaN(meanSpend.cells.values[index]);
  const spend = repeats === 0 && blank ? 0 : valueAt(meanSpend, index);
  return spendHistory(repeats, spend, positionOf(x.cells, index));
}

export function bgNbdParamsArg(raw: unknown, arg: string): BgNbdParams {
  return bgNbdParamsOf(numbers(raw, arg), arg);
}

export function gammaGammaParamsArg(raw: unknown, arg: string): GammaGammaParams {
  return gammaGammaParamsOf(numbers(raw, arg), arg);
}

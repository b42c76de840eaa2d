import type { Cell } from "./cells";

/** Why a row of a table was left out. `column` is the column's name. */
export type SkipReason =
  | { code: "blank"; column: string }
  | { code: "notNumber"; column: string; value: string }
  | { code: "errorValue"; column: string; value: string }
  | { code: "duplicate"; id: string; firstRow: number }
  | { code: "zeroFrequency"; column: string }
  | { code: "noCustomer" }
  | { code: "notDate"; column: string; value: string }
  | { code: "notPurchase"; amount: number };

export interface Skipped {
  /** 1-based index among the data rows */
  row: number;
  reason: SkipReason;
}

/** Why a cell that should hold a number does not: blank, an error value, or other content. */
export function notNumberReason(
  cell: Exclude<Cell, { kind: "number" }>,
  column: string
): SkipReason {
  if (cell.kind === "blank") return { code: "blank", column };
  if (cell.kind === "error") return { code: "errorValue", column, value: cell.text };
  return {
    code: "notNumber",
    column,
    value:
      cell.kind === "text"
        ? cell.text
        : cell.kind === "object"
          ? (cell.name ?? cell.what)
          : String(cell.value).toUpperCase(),
  };
}

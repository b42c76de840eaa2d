import {
  type Language,
  type TransactionRows,
  cellProblem,
  classifyCell,
  invalid,
  readTransactions,
} from "../engine";
import { localeOfLanguage, rfmTableHeader } from "../i18n/strings";
import { SHEET_ROWS, asGrid, vector } from "./args";

/**
 * Readers for the functions that take whole lists: CLV's margins, RFMTABLE's transactions,
 * and RFMTABLE's header.
 */

/** Per-period margins: blanks after the last margin are ignored, a blank between margins is an error. */
export function marginList(raw: unknown): number[] {
  const cells = vector(raw, "margin").map((value) => classifyCell(value));
  let end = cells.length;
  while (end > 0 && cells[end - 1].kind === "blank") end--;
  const margins: number[] = [];
  for (let i = 0; i < end; i++) {
    const cell = cells[i];
    if (cell.kind === "number") margins.push(cell.value);
    else if (cell.kind === "blank") throw invalid("marginBlank", { row: i + 1 });
    else throw cellProblem(cell, "margin", cells.length > 1 ? { row: i + 1 } : undefined);
  }
  if (margins.length === 0) throw invalid("required", { arg: "margin" });
  return margins;
}

/**
 * Transactions from three equal columns. Rows blank in all three are skipped (so whole
 * columns work, with a text header in row 1 of a whole column); any other unusable row is an
 * error naming the row, since a formula cannot list skipped rows.
 */
export function transactionsOf(
  customerIds: unknown,
  dates: unknown,
  amounts: unknown
): TransactionRows {
  const ids = asGrid(customerIds);
  const days = asGrid(dates);
  const money = asGrid(amounts);
  if (ids.length !== days.length || ids.length !== money.length) {
    throw invalid("sameSize", {
      arg: "customer_ids",
      other: ids.length !== days.length ? "dates" : "amounts",
    });
  }
  for (const [grid, arg] of [
    [ids, "customer_ids"],
    [days, "dates"],
    [money, "amounts"],
  ] as const) {
    if (grid.some((row) => row.length !== 1)) throw invalid("oneRowOrColumn", { arg });
  }
  const start = ids.length === SHEET_ROWS && classifyCell(money[0][0]).kind !== "number" ? 1 : 0;
  const rows = ids.slice(start).map((row, i) => [row[0], days[start + i][0], money[start + i][0]]);
  const table = { header: ["customer_ids", "dates", "amounts"], hasHeader: false, rows };
  return readTransactions(
    table,
    { customerId: 0, transactionDate: 1, amount: 2 },
    {
      onSkip: (row, reason) => {
        const at = { row: row + start };
        if (reason.code === "noCustomer")
          throw cellProblem(classifyCell(rows[row - 1][0]), "customer_ids", at);
        if (reason.code === "blank") throw invalid("required", { arg: reason.column, ...at });
        if (reason.code === "notDate")
          throw invalid("notDate", { arg: "dates", value: reason.value, ...at });
        throw cellProblem(classifyCell(rows[row - 1][2]), "amounts", at);
      },
    }
  );
}

/** RFMTABLE's header in the language argument's language. */
export function rfmTableHeaderOf(language: Language): string[] {
  return rfmTableHeader(localeOfLanguage(language));
}

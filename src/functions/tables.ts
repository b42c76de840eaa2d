import {
  type Language,
  type TransactionRows,
  cellProblem,
  classifyCell,
  invalid,
  readTransactions,
} from "../engine";
import { localeOfLanguage, rfmTableHeader } from "../i18n/strings";
import { SHEET_ROWS, asGrid, isHeaderRow, vector } from "./args";

/**
 * Readers for the functions that take whole lists: CLV's margins, RFMTABLE's transactions,
 * and RFMTABLE's header.
 */

/**
 * Per-period margins: a range's margins in reading order, ending at the last margin (blanks
 * after it end the list; a whole column's header is left out); a blank between margins is an
 * error. `single` says the argument was one cell, one margin for every period.
 */
export function marginList(raw: unknown): { margins: number[]; single: boolean } {
  const { values, first } = vector(raw, "margin");
  const cells = values.map((value) => classifyCell(value));
  let end = cells.length;
  while (end > 0 && cells[end - 1].kind === "blank") end--;
  const margins: number[] = [];
  const several = first + cells.length > 1;
  for (let i = 0; i < end; i++) {
    const cell = cells[i];
    const at = { row: first + i + 1 };
    if (cell.kind === "number") margins.push(cell.value);
    else if (cell.kind === "blank") throw invalid("marginBlank", at);
    else throw cellProblem(cell, "margin", several ? at : undefined);
  }
  if (margins.length === 0) throw invalid("required", { arg: "margin" });
  return { margins, single: !several };
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
  const start =
    ids.length === SHEET_ROWS && isHeaderRow([ids[0][0], days[0][0], money[0][0]]) ? 1 : 0;
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
        if (reason.code === "notDate") {
          const date = classifyCell(rows[row - 1][1]);
          if (date.kind === "error" || date.kind === "object") throw cellProblem(date, "dates", at);
          const value = date.kind === "boolean" ? (date.value ? "TRUE" : "FALSE") : reason.value;
          throw invalid("notDate", { arg: "dates", value, ...at });
        }
        throw cellProblem(classifyCell(rows[row - 1][2]), "amounts", at);
      },
    }
  );
}

/** RFMTABLE's header in the language argument's language. */
export function rfmTableHeaderOf(language: Language): string[] {
  return rfmTableHeader(localeOfLanguage(language));
}

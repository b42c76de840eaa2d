import { type Cell, classifyCell } from "./cells";
import { dayOf } from "./dates";
import { dec } from "./decimal";
import { type SkipReason, notNumberReason } from "./skip";
import type { Roles, TableGrid } from "./table";
import { type Transaction, customerKey } from "./transactions";

export interface TransactionRows {
  transactions: Transaction[];
  /** each customer's id as it was first written (a number stays a number, "0001" stays text) */
  labels: Map<string, string | number>;
}

export interface ReadTransactionOptions {
  /** leave out returns and cancellations (amount <= 0) instead of netting them */
  purchasesOnly?: boolean;
  /** with purchasesOnly, keep purchases worth 0 (free items still are purchase occasions) */
  keepFree?: boolean;
  /** called for every row that cannot be used; rows blank in every column are ignored */
  onSkip: (row: number, reason: SkipReason) => void;
}

/**
 * Transactions from a table: customer id, date, and an amount, or a quantity times a unit
 * price (as in invoice lines). `row` in a skip is 1-based among the data rows.
 */
export function readTransactions(
  table: TableGrid,
  roles: Roles,
  options: ReadTransactionOptions
): TransactionRows {
  const { customerId, transactionDate, amount, quantity, unitPrice } = roles;
  if (customerId === undefined || transactionDate === undefined)
    throw new Error("customer and date columns are required");
  const amountColumns =
    amount !== undefined
      ? [amount]
      : quantity !== undefined && unitPrice !== undefined
        ? [quantity, unitPrice]
        : [];
  if (amountColumns.length === 0)
    throw new Error("an amount column, or quantity and unit price, is required");
  const used = [customerId, transactionDate, ...amountColumns];
  const transactions: Transaction[] = [];
  const labels = new Map<string, string | number>();

  rows: for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const cells = used.map((c) => classifyCell(row[c]));
    if (cells.every((cell) => cell.kind === "blank")) continue;
    const skip = (reason: SkipReason) => options.onSkip(r + 1, reason);
    // An id is a label, not a quantity: text such as "0001" stays text; an entity is its name.
    const label = labelOf(row[customerId], cells[0]);
    if (label === undefined) {
      skip({ code: "noCustomer" });
      continue;
    }
    const rawDate = row[transactionDate];
    if (cells[1].kind === "blank") {
      skip({ code: "blank", column: table.header[transactionDate] });
      continue;
    }
    const day = dayOf(rawDate);
    if (day === undefined) {
      skip({ code: "notDate", column: table.header[transactionDate], value: String(rawDate) });
      continue;
    }
    const factors: number[] = [];
    for (let k = 0; k < amountColumns.length; k++) {
      const cell = cells[2 + k];
      const column = table.header[amountColumns[k]];
      if (cell.kind === "number") {
        factors.push(cell.value);
        continue;
      }
      skip(notNumberReason(cell, column));
      continue rows;
    }
    const value = factors.length === 1 ? factors[0] : dec(factors[0]).times(factors[1]).toNumber();
    if (options.purchasesOnly && (value < 0 || (value === 0 && !options.keepFree))) {
      skip({ code: "notPurchase", amount: value });
      continue;
    }
    const customer = customerKey(label);
    if (!labels.has(customer)) labels.set(customer, label);
    transactions.push({ customer, day, amount: value });
  }
  return { transactions, labels };
}

/** The id a customer cell stands for: its number, its text trimmed, or an entity's name. */
function labelOf(given: unknown, id: Cell): string | number | undefined {
  if (id.kind === "number") return typeof given === "number" ? given : String(given).trim();
  const text = id.kind === "text" ? id.text.trim() : id.kind === "object" ? id.name?.trim() : "";
  return text ? text : undefined;
}

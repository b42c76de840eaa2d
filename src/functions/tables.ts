import {
  type Language,
  type Transaction,
  cellProblem,
  classifyCell,
  customerKey,
  dayOf,
  invalid,
} from "../engine";
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
 * columns work, with a text header in row 1 of a whole column); a row missing one of them is
 * an error naming the row.
 */
export function transactionsOf(
  customerIds: unknown,
  dates: unknown,
  amounts: unknown
): { transactions: Transaction[]; labels: Map<string, string | number> } {
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
  const transactions: Transaction[] = [];
  const labels = new Map<string, string | number>();
  const start = ids.length === SHEET_ROWS && classifyCell(money[0][0]).kind !== "number" ? 1 : 0;
  for (let r = start; r < ids.length; r++) {
    const id = classifyCell(ids[r][0]);
    const date = classifyCell(days[r][0]);
    const amount = classifyCell(money[r][0]);
    if (id.kind === "blank" && date.kind === "blank" && amount.kind === "blank") continue;
    const at = { row: r + 1 };
    if (id.kind === "blank" || id.kind === "error" || id.kind === "boolean")
      throw cellProblem(id, "customer_ids", at);
    if (date.kind === "blank") throw invalid("required", { arg: "dates", ...at });
    const day = dayOf(days[r][0]);
    if (day === undefined)
      throw invalid("notDate", { arg: "dates", value: String(days[r][0]), ...at });
    if (amount.kind !== "number") throw cellProblem(amount, "amounts", at);
    // An id is a label, not a quantity: text such as "0001" stays text.
    const given = ids[r][0];
    const raw =
      typeof given === "number"
        ? given
        : id.kind === "text"
          ? id.text.trim()
          : String(given).trim();
    const customer = customerKey(raw);
    if (!labels.has(customer)) labels.set(customer, raw);
    transactions.push({ customer, day, amount: amount.value });
  }
  return { transactions, labels };
}

const RFM_TABLE_HEADER: Record<Language, string[]> = {
  en: [
    "Customer",
    "Recency (days)",
    "Frequency",
    "Monetary",
    "R",
    "F",
    "M",
    "RFM",
    "Segment",
    "First purchase",
    "Last purchase",
    "Tenure (days)",
    "Average order value",
    "Lifecycle stage",
  ],
  "zh-CN": [
    "客户",
    "最近购买间隔（天）",
    "购买次数",
    "消费金额",
    "R",
    "F",
    "M",
    "RFM",
    "客户细分",
    "首次购买",
    "最近购买",
    "关系时长（天）",
    "平均订单金额",
    "生命周期阶段",
  ],
  "zh-TW": [
    "客戶",
    "最近購買間隔（天）",
    "購買次數",
    "消費金額",
    "R",
    "F",
    "M",
    "RFM",
    "客戶細分",
    "首次購買",
    "最近購買",
    "關係時長（天）",
    "平均訂單金額",
    "生命週期階段",
  ],
};

export function rfmTableHeader(language: Language): string[] {
  return [...RFM_TABLE_HEADER[language]];
}

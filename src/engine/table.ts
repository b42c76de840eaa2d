import { classifyCell } from "./cells";
import { dayOf } from "./dates";

/**
 * A customer table as the task pane reads it: find the header row and guess what each column
 * is from its name (English and Chinese) and its data. The user can change every guess.
 */
export const ROLES = [
  "customerId",
  "currentValue",
  "growthPotential",
  "recency",
  "frequency",
  "monetary",
  "strategicMatch",
  "transactionDate",
  "amount",
  "quantity",
  "unitPrice",
] as const;
export type Role = (typeof ROLES)[number];
export type Roles = Partial<Record<Role, number>>;

export interface TableGrid {
  /** column names; generated ("Column 1") when the table has no header row */
  header: string[];
  hasHeader: boolean;
  /** data rows, raw cell values */
  rows: unknown[][];
}

/**
 * The first row is a header when it is all text and some column below it holds numbers or
 * dates; `knownHeader` says so outright (an Excel table always has one, even "2023").
 */
export function splitHeader(grid: readonly unknown[][], knownHeader = false): TableGrid {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const first = grid[0] ?? [];
  const allText =
    first.length > 0 &&
    first.every((v) => classifyCell(v).kind === "text" || classifyCell(v).kind === "blank");
  const someText = first.some((v) => classifyCell(v).kind === "text");
  const sample = grid.slice(1, 51);
  const numericBelow = Array.from({ length: width }, (_, c) =>
    sample.some((row) => classifyCell(row[c]).kind === "number" || dayOf(row[c]) !== undefined)
  ).some(Boolean);
  const hasHeader = knownHeader || (allText && someText && (numericBelow || grid.length === 1));
  const header = Array.from({ length: width }, (_, c) => {
    const name = hasHeader ? String(first[c] ?? "").trim() : "";
    return name || `Column ${c + 1}`;
  });
  return { header, hasHeader, rows: hasHeader ? grid.slice(1) : grid.slice() };
}

/** Header words per role, English and Chinese (Simplified and Traditional), most specific first. */
const PATTERNS: [Role, RegExp][] = [
  ["growthPotential", /potential|growth|upside|潜力|潛力|增值|增长|增長|成长|成長/i],
  ["strategicMatch", /strateg|match|\bfit\b|战略|戰略|匹配|契合/i],
  [
    "recency",
    /recency|days since|last (purchase|order)|最近购买|最近購買|最近一次|最近消费|最近消費|间隔|間隔|未购|未購/i,
  ],
  [
    "frequency",
    /frequency|\borders?\b|purchases|visits|count|消费次数|消費次數|购买次数|購買次數|频率|頻率|频次|頻次|次数|次數|订单数|訂單數/i,
  ],
  ["monetary", /monetary|total spen|spend|消费金额|消費金額|消费额|消費額|累计金额|累計金額/i],
  ["transactionDate", /date|time|day|日期|时间|時間|下单|下單/i],
  ["quantity", /quantity|\bqty\b|units|数量|數量|件数|件數/i],
  ["unitPrice", /unit ?price|price|单价|單價|价格|價格/i],
  ["amount", /amount|金额|金額|付款|payment/i],
  [
    "currentValue",
    /current|value|profit|revenue|sales|margin|clv|当前价值|當前價值|利润|利潤|销售额|銷售額|营收|營收|收入|价值|價值|毛利|贡献|貢獻/i,
  ],
  [
    "customerId",
    /customer|client|member|cust|\bid\b|name|客户|客戶|顾客|顧客|会员|會員|编号|編號|名称|名稱|姓名|用户|用戶/i,
  ],
];

interface ColumnProfile {
  numbers: number;
  dates: number;
  texts: number;
  distinct: number;
  filled: number;
}

function profile(rows: readonly unknown[][], column: number): ColumnProfile {
  const sample =
    rows.length > 2000 ? rows.filter((_, i) => i % Math.ceil(rows.length / 2000) === 0) : rows;
  const seen = new Set<string>();
  const p: ColumnProfile = { numbers: 0, dates: 0, texts: 0, distinct: 0, filled: 0 };
  for (const row of sample) {
    const raw = row[column];
    const cell = classifyCell(raw);
    if (cell.kind === "blank") continue;
    p.filled++;
    seen.add(String(raw));
    if (typeof raw === "string" && dayOf(raw) !== undefined && cell.kind !== "number") p.dates++;
    else if (cell.kind === "number") p.numbers++;
    else if (cell.kind === "text") p.texts++;
  }
  p.distinct = seen.size;
  return p;
}

const NUMERIC_ROLES: ReadonlySet<Role> = new Set<Role>([
  "currentValue",
  "growthPotential",
  "recency",
  "frequency",
  "monetary",
  "strategicMatch",
  "amount",
  "quantity",
  "unitPrice",
]);

/**
 * Proposes a column for each role: by header words first, then by the data (a text column
 * of mostly distinct values is the customer id, a column of dates the transaction date).
 * A numeric role is only given to a column that holds numbers.
 */
export function guessRoles(table: TableGrid): Roles {
  const roles: Roles = {};
  const taken = new Set<number>();
  const profiles = table.header.map((_, c) => profile(table.rows, c));
  const numeric = (c: number) =>
    profiles[c].numbers > 0 && profiles[c].numbers >= profiles[c].texts;
  if (table.hasHeader) {
    const suits = (role: Role, c: number) =>
      NUMERIC_ROLES.has(role)
        ? numeric(c)
        : role !== "transactionDate" || profiles[c].dates > 0 || isDateSerialColumn(table.rows, c);
    for (const [role, pattern] of PATTERNS) {
      const column = table.header.findIndex(
        (name, c) => !taken.has(c) && pattern.test(name) && suits(role, c)
      );
      if (column < 0) continue;
      roles[role] = column;
      taken.add(column);
    }
  }
  if (roles.customerId === undefined) {
    const id = profiles.findIndex((p, c) => !taken.has(c) && p.texts > 0 && p.texts >= p.numbers);
    if (id >= 0) {
      roles.customerId = id;
      taken.add(id);
    }
  }
  if (roles.transactionDate === undefined) {
    const date = profiles.findIndex(
      (p, c) => !taken.has(c) && p.dates > 0 && p.dates >= p.filled / 2
    );
    if (date >= 0) roles.transactionDate = date;
  }
  return roles;
}

function isDateSerialColumn(rows: readonly unknown[][], column: number): boolean {
  const sample = rows.slice(0, 50).map((row) => row[column]);
  return (
    sample.length > 0 &&
    sample.every((v) => classifyCell(v).kind === "blank" || dayOf(v) !== undefined)
  );
}

/** A transaction table has a date and an amount (or quantity and price), and customers repeat. */
export function looksLikeTransactions(table: TableGrid, roles: Roles): boolean {
  if (roles.transactionDate === undefined || roles.customerId === undefined) return false;
  if (roles.amount === undefined && (roles.quantity === undefined || roles.unitPrice === undefined))
    return false;
  const ids = new Set(
    table.rows.slice(0, 5000).map((row) => String(row[roles.customerId as number]))
  );
  return ids.size < Math.min(table.rows.length, 5000);
}

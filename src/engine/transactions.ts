import type { Dec } from "./decimal";
import { CvError } from "./errors";
import { exactSum } from "./exact";
import type { LifecycleStage } from "./labels";
import { lifecycleStage } from "./lifecycle";
import { Population } from "./population";
import { RfmScorer, rfmCode } from "./rfm";
import { RfmSegment, fmScore, rfmSegment } from "./rfmSegments";

export interface Transaction {
  customer: string;
  /** Excel serial day */
  day: number;
  amount: number;
}

export interface CustomerSummary {
  customer: string;
  /** days from the last purchase to the as-of date */
  recency: number;
  /** number of transactions */
  frequency: number;
  /** sum of amounts, exact */
  monetary: Dec;
  firstDay: number;
  lastDay: number;
  /** days from the first purchase to the as-of date */
  tenure: number;
  averageOrder: Dec;
  r: number;
  f: number;
  m: number;
  code: number;
  segment: RfmSegment;
  stage: LifecycleStage;
}

export interface TransactionSummary {
  asOf: number;
  customers: CustomerSummary[];
  /** transactions dated after the as-of date, left out */
  excluded: number;
}

/** A customer id as text: 12923 and 12923.0 are the same customer; text is trimmed. */
export function customerKey(raw: string | number): string {
  return typeof raw === "number" ? String(raw) : raw.trim();
}

/** The day of the latest transaction (-Infinity without any). */
export function latestDay(transactions: readonly Transaction[]): number {
  let latest = -Infinity;
  for (const t of transactions) if (t.day > latest) latest = t.day;
  return latest;
}

/**
 * Each customer's transactions on or before `lastDay`, customers in the order in which they
 * first appear, and the number of transactions left out because they are later.
 */
export function transactionsByCustomer(
  transactions: readonly Transaction[],
  lastDay: number
): { groups: Map<string, Transaction[]>; excluded: number } {
  const groups = new Map<string, Transaction[]>();
  let excluded = 0;
  for (const t of transactions) {
    if (t.day > lastDay) {
      excluded++;
      continue;
    }
    const group = groups.get(t.customer);
    if (group) group.push(t);
    else groups.set(t.customer, [t]);
  }
  return { groups, excluded };
}

/**
 * Summarises a transaction table per customer (spec 3, "From transactions"): recency,
 * frequency, monetary, first and last purchase, tenure, average order value, RFM scores
 * with 5 bins, the named segment and the lifecycle stage. The as-of date defaults to the day
 * after the latest transaction; transactions after it are left out. Customers keep the order
 * in which they first appear.
 */
export function summarizeTransactions(
  transactions: readonly Transaction[],
  asOfDay?: number
): TransactionSummary {
  const asOf = asOfDay ?? latestDay(transactions) + 1;
  const { groups, excluded } = transactionsByCustomer(transactions, asOf);
  if (groups.size === 0) throw new CvError("na", "emptyTransactions", {});

  const partial = [...groups].map(([customer, list]) => {
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (const t of list) {
      if (t.day < firstDay) firstDay = t.day;
      if (t.day > lastDay) lastDay = t.day;
    }
    const tenure = asOf - firstDay;
    const middle = firstDay + tenure / 2;
    const monetary = exactSum(list.map((t) => t.amount));
    const early = exactSum(list.filter((t) => t.day < middle).map((t) => t.amount));
    return {
      customer,
      recency: asOf - lastDay,
      frequency: list.length,
      monetary,
      firstDay,
      lastDay,
      tenure,
      averageOrder: monetary.div(list.length),
      stage: lifecycleStage(tenure, early, monetary.minus(early)),
    };
  });

  const monetaryValues = partial.map((c) => c.monetary.toNumber());
  const recency = new RfmScorer(
    Population.of(
      partial.map((c) => c.recency),
      "dates"
    ),
    5,
    true
  );
  const frequency = new RfmScorer(
    Population.of(
      partial.map((c) => c.frequency),
      "customer_ids"
    ),
    5
  );
  const monetary = new RfmScorer(Population.of(monetaryValues, "amounts"), 5);
  const customers = partial.map((c, i) => {
    const r = recency.score(c.recency);
    const f = frequency.score(c.frequency);
    const m = monetary.score(monetaryValues[i]);
    return { ...c, r, f, m, code: rfmCode(r, f, m), segment: rfmSegment(r, fmScore(f, m)) };
  });
  return { asOf, customers, excluded };
}

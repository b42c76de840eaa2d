import { Abc, validShares } from "./abc";
import { classifyCell } from "./cells";
import { type Dec, ZERO, dec } from "./decimal";
import { exactSum, scaleExactly } from "./exact";
import type { TierKey } from "./labels";
import { Population } from "./population";
import { PYRAMID_TIERS, Pyramid, validCutoffs } from "./pyramid";
import { type Scheme, quadrantTier, schemeTiers } from "./quadrant";
import { RfmScorer, rfmCode } from "./rfm";
import { RFM_SEGMENTS, fmScore, rfmSegment } from "./rfmSegments";
import { type Split, MEDIAN, splitThreshold } from "./split";
import type { Role, Roles, TableGrid } from "./table";
import type { PredictOptions, Prediction } from "./predict";
import { type Skipped, notNumberReason } from "./skip";
import { readTransactions } from "./transactionTable";
import { type TransactionSummary, summarizeTransactions } from "./transactions";

/**
 * The task pane's segmentation methods (spec 4): one tier per customer row, the rows that
 * could not be used and why, and a summary per tier. The same engine rules as the CV.*
 * functions, so a tier in the pane equals the formula's tier on the same data.
 */
export type Method = "value" | "strategic" | "frequency" | "rfm" | "pyramid" | "abc" | "predict";
export const METHODS: readonly Method[] = [
  "value",
  "strategic",
  "frequency",
  "rfm",
  "pyramid",
  "abc",
  "predict",
];

export interface MethodOptions {
  /** one split per axis of a matrix method */
  splits?: readonly [Split, Split];
  cutoffs?: readonly [number, number, number];
  aShare?: number;
  bShare?: number;
  /** the Predict method's options */
  predict?: PredictOptions;
}

/** The columns a method reads, in the order the pane shows them. */
export const METHOD_ROLES: Record<Method, readonly Role[]> = {
  value: ["currentValue", "growthPotential"],
  strategic: ["currentValue", "strategicMatch"],
  frequency: ["frequency", "monetary"],
  rfm: ["recency", "frequency", "monetary"],
  pyramid: ["currentValue"],
  abc: ["currentValue"],
  predict: ["customerId", "transactionDate", "amount"],
};

/** The column whose total the tiers share. */
const VALUE_ROLE: Record<Method, Role> = {
  value: "currentValue",
  strategic: "currentValue",
  frequency: "monetary",
  rfm: "monetary",
  pyramid: "currentValue",
  abc: "currentValue",
  predict: "amount",
};

const MATRIX: Partial<Record<Method, Scheme>> = {
  value: "value",
  strategic: "strategic",
  frequency: "frequency",
};

export function methodTiers(method: Method): readonly TierKey[] {
  const scheme = MATRIX[method];
  if (scheme) return schemeTiers(scheme);
  if (method === "rfm") return RFM_SEGMENTS;
  if (method === "pyramid" || method === "predict") return PYRAMID_TIERS;
  return ["A", "B", "C"];
}

export type { SkipReason, Skipped } from "./skip";

export type ScoreKey = "r" | "f" | "m" | "rfm" | "cumulativeShare";

export interface ScoreColumn {
  key: ScoreKey;
  format: "integer" | "percent";
  /** per data row; undefined where the row was skipped */
  values: (number | undefined)[];
}

export interface TierSummary {
  tier: TierKey;
  customers: number;
  value: Dec;
  /** share of customers, 0..1 */
  customerShare: number;
  /** share of the total value, 0..1; undefined when the total is not positive */
  valueShare: number | undefined;
}

export interface AxisSplit {
  role: Role;
  split: Split;
  /** the value from which the axis is high */
  threshold: number;
}

export interface Segmentation {
  method: Method;
  /** set when RFM came from a transaction table: one row per customer, written to a new sheet */
  customerTable?: { summary: TransactionSummary; labels: Map<string, string | number> };
  /** set by the Predict method: the fitted models and one row per customer, for a new sheet */
  prediction?: Prediction;
  tiers: readonly TierKey[];
  /** per data row; undefined where the row was skipped */
  rowTiers: (TierKey | undefined)[];
  scores: ScoreColumn[];
  skipped: Skipped[];
  summary: TierSummary[];
  customers: number;
  totalValue: Dec;
  axes?: [AxisSplit, AxisSplit];
}

/** Reads the numbers of the given roles row by row; a row missing one is skipped with the reason. */
function readRows(table: TableGrid, roles: Roles, needed: readonly Role[]) {
  const columns = needed.map((role) => {
    const column = roles[role];
    if (column === undefined) throw new Error(`The ${role} column is not chosen.`);
    return column;
  });
  const values = needed.map(() => new Float64Array(table.rows.length));
  const valid = new Uint8Array(table.rows.length);
  const skipped: Skipped[] = [];
  const firstRowOf = new Map<string, number>();
  const idColumn = roles.customerId;
  rows: for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    for (let k = 0; k < columns.length; k++) {
      const raw = row[columns[k]];
      const cell =
        typeof raw === "number" ? { kind: "number" as const, value: raw } : classifyCell(raw);
      const column = table.header[columns[k]];
      if (cell.kind === "number") {
        values[k][r] = cell.value;
        continue;
      }
      skipped.push({ row: r + 1, reason: notNumberReason(cell, column) });
      continue rows;
    }
    if (idColumn !== undefined) {
      const id = String(row[idColumn] ?? "").trim();
      if (id !== "") {
        const first = firstRowOf.get(id);
        if (first !== undefined) {
          skipped.push({ row: r + 1, reason: { code: "duplicate", id, firstRow: first } });
          continue;
        }
        firstRowOf.set(id, r + 1);
      }
    }
    valid[r] = 1;
  }
  return { values, valid, skipped };
}

function pick(values: Float64Array, valid: Uint8Array): Float64Array {
  let count = 0;
  for (let i = 0; i < valid.length; i++) count += valid[i];
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < valid.length; i++) if (valid[i]) out[j++] = values[i];
  return out;
}

export function segment(
  table: TableGrid,
  roles: Roles,
  method: Method,
  options: MethodOptions = {}
): Segmentation {
  if (method === "predict") throw new Error("Predict reads transactions: use segmentPredictions.");
  const needed = METHOD_ROLES[method];
  const { values, valid, skipped } = readRows(table, roles, needed);
  const n = table.rows.length;
  const rowTiers: (TierKey | undefined)[] = new Array(n).fill(undefined);
  const scores: ScoreColumn[] = [];
  let axes: [AxisSplit, AxisSplit] | undefined;
  let valueColumn = values[needed.indexOf(VALUE_ROLE[method])];

  if (method === "frequency") {
    // The second axis is the average spend: monetary / frequency.
    const [frequency, monetary] = values;
    const average = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      if (!valid[r]) continue;
      if (frequency[r] <= 0) {
        valid[r] = 0;
        skipped.push({
          row: r + 1,
          reason: { code: "zeroFrequency", column: table.header[roles.frequency as number] },
        });
        continue;
      }
      average[r] = dec(monetary[r]).div(frequency[r]).toNumber();
    }
    values[1] = average;
    valueColumn = monetary;
  }

  const scheme = MATRIX[method];
  if (scheme) {
    const splits = options.splits ?? [MEDIAN, MEDIAN];
    const thresholds = [0, 1].map((k) =>
      splitThreshold(
        splits[k],
        Population.of(pick(values[k], valid), table.header[roles[needed[k]] as number])
      )
    );
    axes = [0, 1].map((k) => ({ role: needed[k], split: splits[k], threshold: thresholds[k] })) as [
      AxisSplit,
      AxisSplit,
    ];
    for (let r = 0; r < n; r++) {
      if (valid[r])
        rowTiers[r] = quadrantTier(
          scheme,
          values[0][r] >= thresholds[0],
          values[1][r] >= thresholds[1]
        );
    }
  } else if (method === "rfm") {
    const scorers = [0, 1, 2].map(
      (k) =>
        new RfmScorer(
          Population.of(pick(values[k], valid), table.header[roles[needed[k]] as number]),
          5,
          k === 0
        )
    );
    const columns: ScoreColumn[] = (["r", "f", "m", "rfm"] as const).map((key) => ({
      key,
      format: "integer",
      values: new Array(n).fill(undefined),
    }));
    for (let r = 0; r < n; r++) {
      if (!valid[r]) continue;
      const [rs, fs, ms] = scorers.map((s, k) => s.score(values[k][r]));
      columns[0].values[r] = rs;
      columns[1].values[r] = fs;
      columns[2].values[r] = ms;
      columns[3].values[r] = rfmCode(rs, fs, ms);
      rowTiers[r] = rfmSegment(rs, fmScore(fs, ms));
    }
    scores.push(...columns);
  } else if (method === "pyramid") {
    const pyramid = new Pyramid(
      Population.of(pick(values[0], valid), table.header[roles.currentValue as number]),
      validCutoffs(options.cutoffs)
    );
    for (let r = 0; r < n; r++) if (valid[r]) rowTiers[r] = pyramid.tierOf(values[0][r]);
  } else {
    const [aShare, bShare] = validShares(options.aShare, options.bShare);
    const population = pick(values[0], valid);
    const abc = new Abc(population, aShare, bShare, table.header[roles.currentValue as number]);
    for (let r = 0; r < n; r++) if (valid[r]) rowTiers[r] = abc.tierOf(values[0][r]);
    scores.push({
      key: "cumulativeShare",
      format: "percent",
      values: shareBefore(values[0], valid),
    });
  }

  const tiers = methodTiers(method);
  const { summary, customers, totalValue } = summarize(tiers, rowTiers, valueColumn);
  skipped.sort((a, b) => a.row - b.row);
  return { method, tiers, rowTiers, scores, skipped, summary, customers, totalValue, axes };
}

/** Per tier: customers and value, exact, with their shares. */
export function summarize(
  tiers: readonly TierKey[],
  rowTiers: readonly (TierKey | undefined)[],
  value: ArrayLike<number>
) {
  const perTier = new Map<TierKey, number[]>(tiers.map((t) => [t, []]));
  let customers = 0;
  const all: number[] = [];
  rowTiers.forEach((tier, r) => {
    if (tier === undefined) return;
    customers++;
    perTier.get(tier)?.push(value[r]);
    all.push(value[r]);
  });
  const totalValue = all.length ? exactSum(all) : ZERO;
  const summary: TierSummary[] = tiers.map((tier) => {
    const list = perTier.get(tier) ?? [];
    const tierValue = list.length ? exactSum(list) : ZERO;
    return {
      tier,
      customers: list.length,
      value: tierValue,
      customerShare: customers ? list.length / customers : 0,
      valueShare: totalValue.gt(0) ? tierValue.div(totalValue).toNumber() : undefined,
    };
  });
  return { summary, customers, totalValue };
}

/** ABC's "before" for display: the share of the positive total held by strictly higher values. */
function shareBefore(values: Float64Array, valid: Uint8Array): (number | undefined)[] {
  const positive = pick(values, valid)
    .filter((v) => v > 0)
    .sort()
    .reverse();
  const { ints } = scaleExactly(positive);
  let total = 0n;
  for (const int of ints) total += int;
  const out: (number | undefined)[] = new Array(values.length).fill(undefined);
  const before = new Map<number, number>();
  let running = 0n;
  for (let i = 0; i < positive.length; i++) {
    if (i === 0 || positive[i] !== positive[i - 1])
      before.set(positive[i], Number(running) / Number(total));
    running += ints[i];
  }
  for (let r = 0; r < values.length; r++) {
    if (valid[r]) out[r] = values[r] > 0 ? (before.get(values[r]) as number) : 1;
  }
  return out;
}

/**
 * RFM from a transaction table: summarised per customer (spec 3), returns and cancellations
 * (amount <= 0) left out and listed, each customer's segment as the tier.
 */
export function segmentTransactions(table: TableGrid, roles: Roles): Segmentation {
  const skipped: Skipped[] = [];
  const { transactions, labels } = readTransactions(table, roles, {
    purchasesOnly: true,
    onSkip: (row, reason) => skipped.push({ row, reason }),
  });
  // as of the day after the latest transaction, so no transaction is left out
  const summary = summarizeTransactions(transactions);
  const tiers = methodTiers("rfm");
  const rowTiers = summary.customers.map((c) => c.segment);
  const monetary = summary.customers.map((c) => c.monetary.toNumber());
  const totals = summarize(tiers, rowTiers, monetary);
  return {
    method: "rfm",
    customerTable: { summary, labels },
    tiers,
    rowTiers: [],
    scores: [],
    skipped: skipped.sort((a, b) => a.row - b.row),
    ...totals,
  };
}

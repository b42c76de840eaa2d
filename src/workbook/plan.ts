import {
  DEFAULT_YEARLY_DISCOUNT,
  isoDate,
  type Method,
  type MethodOptions,
  PALETTE,
  type Roles,
  type Segmentation,
  type Split,
  type TableGrid,
  type Role,
  type TierKey,
} from "../engine";
import type { Locale } from "../i18n/locale";
import {
  methodName,
  predictionHeader,
  rfmTableHeader,
  roleName,
  scoreHeader,
  splitName,
  strategyOf,
  t,
  tierHeader,
  tierName,
  timeUnitName,
} from "../i18n/strings";
import { qualified } from "./address";
import { sourceId } from "./records";
import type {
  Area,
  CellBlock,
  CellValue,
  ColumnBlock,
  RuleSet,
  SegmentationRecord,
  SheetContent,
  SourceTable,
  TierStyle,
  WritePlan,
} from "./types";

/**
 * What a segmentation writes, decided once for both adapters: the tier (and score) columns
 * beside the table, one colour rule per tier, the summary sheet with its legend and chart,
 * the RFM customers sheet for a transaction table, and the record of all of it.
 */
export interface PlanInput {
  source: SourceTable;
  grid: TableGrid;
  roles: Roles;
  method: Method;
  options: MethodOptions;
  segmentation: Segmentation;
  locale: Locale;
  /** the first column of the new columns */
  left: number;
  summarySheet: string;
  customersSheet?: string;
  previous?: SegmentationRecord;
  now: Date;
}

export const FORMATS = {
  integer: "0",
  percent: "0.0%",
  money: "#,##0.00",
  decimal: "0.00",
  date: "yyyy-mm-dd",
  dateTime: "yyyy-mm-dd hh:mm",
} as const;

export function tierStyles(tiers: readonly TierKey[], locale: Locale): TierStyle[] {
  return tiers.map((tier) => ({
    label: tierName(locale, tier),
    fill: PALETTE[tier].fill,
    text: PALETTE[tier].text,
  }));
}

/** "Median", "Mean", "Percentile 80", "Fixed number 1,000". */
export function splitText(locale: Locale, split: Split): string {
  if (split.kind === "percentile") return `${splitName(locale, "percentile")} ${split.percent}`;
  if (split.kind === "fixed") return `${splitName(locale, "fixed")} ${split.value}`;
  return splitName(locale, split.kind);
}

/** The method's parameters as people read them, for the summary sheet and the record. */
export function describeParameters(
  input: Pick<PlanInput, "method" | "options" | "segmentation" | "locale">
): Record<string, string | number> {
  const { method, options, segmentation, locale } = input;
  const parameters: Record<string, string | number> = {};
  if (segmentation.axes) {
    for (const axis of segmentation.axes) {
      parameters[roleName(locale, axis.role, method)] =
        `${splitText(locale, axis.split)} (≥ ${axis.threshold})`;
    }
  }
  if (method === "pyramid") {
    const [a, b, c] = options.cutoffs ?? [0.01, 0.2, 0.5];
    parameters[t(locale, "cutoffsHeading")] = [a, b, c]
      .map((x) => `${+(x * 100).toPrecision(12)}%`)
      .join(", ");
  }
  const prediction = segmentation.prediction;
  if (prediction) {
    const unit = timeUnitName(locale, prediction.unit);
    const yearly = options.predict?.yearlyDiscountRate ?? DEFAULT_YEARLY_DISCOUNT;
    const { r, alpha, a, b } = prediction.bgnbd.params;
    const { p, q, gamma } = prediction.gammaGamma.params;
    const round = (x: number) => +x.toPrecision(4);
    parameters[t(locale, "timeUnit")] = unit;
    parameters[t(locale, "periodLabel", { unit })] = prediction.period;
    parameters[t(locale, "horizonLabel", { unit })] = prediction.horizon;
    parameters[t(locale, "discountLabel")] = +(yearly * 100).toPrecision(12);
    const ll = t(locale, "logLikelihood");
    parameters[t(locale, "asOf")] = isoDate(prediction.summary.calibrationEnd);
    parameters["BG/NBD"] =
      `r ${round(r)}, α ${round(alpha)}, a ${round(a)}, b ${round(b)}; ` +
      `${ll} ${prediction.bgnbd.logLikelihood.toFixed(2)}`;
    parameters["Gamma-Gamma"] =
      `p ${round(p)}, q ${round(q)}, γ ${round(gamma)}; ` +
      `${ll} ${prediction.gammaGamma.logLikelihood.toFixed(2)}`;
    const check = prediction.calibration;
    if (check) {
      const c = check.bgnbd.params;
      parameters[t(locale, "calibrationCheck", { date: isoDate(check.summary.calibrationEnd) })] =
        `BG/NBD r ${round(c.r)}, α ${round(c.alpha)}, a ${round(c.a)}, b ${round(c.b)}`;
    }
  }
  if (method === "abc") {
    parameters[t(locale, "aShare")] = `${+((options.aShare ?? 0.8) * 100).toPrecision(12)}%`;
    parameters[t(locale, "bShare")] = `${+((options.bShare ?? 0.95) * 100).toPrecision(12)}%`;
  }
  return parameters;
}

function serialOf(date: Date): number {
  return (date.getTime() - date.getTimezoneOffset() * 60_000) / 86_400_000 + 25569;
}

export function buildPlan(input: PlanInput): WritePlan {
  const { source, grid, roles, method, segmentation, locale } = input;
  const tiers = tierStyles(segmentation.tiers, locale);
  const rules: RuleSet[] = [];
  const sheets: SheetContent[] = [];
  let columns: ColumnBlock | undefined;

  if (segmentation.customerTable || segmentation.prediction) {
    const customers = segmentation.prediction
      ? predictionsSheet(input, input.customersSheet ?? t(locale, "predictionsSheet"))
      : customersSheet(input, input.customersSheet ?? t(locale, "customersSheet"));
    sheets.push(customers.content);
    rules.push({ sheet: customers.content.name, area: customers.segmentArea, tiers });
  } else {
    columns = tierColumns(input);
    const tierColumn = columns.values[0].length - 1;
    const headerRows = grid.hasHeader ? 1 : 0;
    rules.push({
      sheet: source.sheet,
      area: {
        top: columns.area.top + headerRows,
        left: columns.area.left + tierColumn,
        rows: grid.rows.length,
        columns: 1,
      },
      tiers,
    });
  }
  sheets.push(summarySheet(input, tiers));

  const record: SegmentationRecord = {
    version: 1,
    id: sourceId(source.sheet, source.area.top, source.area.left),
    method,
    fromTransactions: Boolean(segmentation.customerTable || segmentation.prediction),
    options: input.options,
    parameters: describeParameters(input),
    roles: Object.fromEntries(
      Object.entries(roles)
        .filter(([, column]) => column !== undefined)
        .map(([role, column]) => [role, grid.header[column as number]])
    ),
    language: locale,
    date: input.now.toISOString(),
    source: {
      sheet: source.sheet,
      area: source.area,
      ...(source.tableName ? { tableName: source.tableName } : {}),
    },
    written: {
      ...(columns
        ? {
            columns: {
              sheet: columns.sheet,
              area: columns.area,
              ...(columns.tableName ? { tableName: columns.tableName } : {}),
              headers: grid.hasHeader ? (columns.values[0] as string[]) : [],
            },
          }
        : {}),
      sheets: sheets.map((s) => s.name),
      rules: rules.map((r) => ({
        sheet: r.sheet,
        area: r.area,
        labels: r.tiers.map((tier) => tier.label),
      })),
    },
  };
  return {
    ...(input.previous ? { previous: input.previous } : {}),
    columns,
    sheets,
    rules,
    record,
  };
}

/** Score columns first, the tier column last (it carries the colours). */
function tierColumns(input: PlanInput): ColumnBlock {
  const { source, grid, method, segmentation, locale } = input;
  const headers = [
    ...segmentation.scores.map((s) => scoreHeader(locale, s.key)),
    tierHeader(locale, method),
  ];
  const numberFormats = [
    ...segmentation.scores.map((s) => (s.format === "percent" ? FORMATS.percent : FORMATS.integer)),
    undefined,
  ];
  const rows: CellValue[][] = grid.rows.map((_, r) => {
    const tier = segmentation.rowTiers[r];
    return [
      ...segmentation.scores.map((s) => s.values[r] ?? null),
      tier === undefined ? null : tierName(locale, tier),
    ];
  });
  const values = grid.hasHeader ? [headers, ...rows] : rows;
  return {
    sheet: source.sheet,
    area: { top: source.area.top, left: input.left, rows: values.length, columns: headers.length },
    headerRows: grid.hasHeader ? 1 : 0,
    values,
    numberFormats,
    ...(source.tableName ? { tableName: source.tableName } : {}),
  };
}

function customersSheet(
  input: PlanInput,
  name: string
): { content: SheetContent; segmentArea: Area } {
  const { locale } = input;
  const table = input.segmentation.customerTable;
  if (!table) throw new Error("no customer table");
  const header = rfmTableHeader(locale);
  const rows: CellValue[][] = table.summary.customers.map((c) => [
    table.labels.get(c.customer) ?? c.customer,
    c.recency,
    c.frequency,
    c.monetary.toNumber(),
    c.r,
    c.f,
    c.m,
    c.code,
    tierName(locale, c.segment),
    c.firstDay,
    c.lastDay,
    c.tenure,
    c.averageOrder.toNumber(),
    tierName(locale, c.stage),
  ]);
  const f = FORMATS;
  return customerSheet(
    name,
    header,
    rows,
    [
      undefined,
      f.integer,
      f.integer,
      f.money,
      f.integer,
      f.integer,
      f.integer,
      f.integer,
      undefined,
      f.date,
      f.date,
      f.integer,
      f.money,
      undefined,
    ],
    [16, 12, 10, 12, 5, 5, 5, 7, 18, 12, 12, 10, 14, 14],
    8
  );
}

/**
 * The Predict method's sheet: per customer x, t_x, T and mean repeat spend (as BTYDSUMMARY),
 * then P(alive), expected purchases in the period, expected spend, predicted CLV, and the CLV
 * tier last (it carries the colours). All as of the latest purchase.
 */
function predictionsSheet(
  input: PlanInput,
  name: string
): { content: SheetContent; segmentArea: Area } {
  const { locale, segmentation } = input;
  const prediction = segmentation.prediction;
  if (!prediction) throw new Error("no prediction");
  const header = [...predictionHeader(locale, prediction), tierHeader(locale, "predict")];
  const rows: CellValue[][] = prediction.customers.map((c, i) => {
    const tier = segmentation.rowTiers[i];
    return [
      prediction.labels.get(c.customer) ?? c.customer,
      c.x,
      c.tx,
      c.T,
      c.meanSpend,
      c.pAlive,
      c.expectedPurchases,
      c.expectedSpend.toNumber(),
      c.clv.toNumber(),
      tier === undefined ? null : tierName(locale, tier),
    ];
  });
  const f = FORMATS;
  const formats = [
    undefined,
    f.integer,
    f.decimal,
    f.decimal,
    f.money,
    f.percent,
    f.decimal,
    f.money,
    f.money,
    undefined,
  ];
  const widths = [16, 12, 14, 12, 14, 10, 16, 14, 16, 14];
  return customerSheet(name, header, rows, formats, widths, header.length - 1);
}

/** A new sheet of one row per customer under a frozen header, with the tier in `tierColumn`. */
function customerSheet(
  name: string,
  header: string[],
  rows: CellValue[][],
  numberFormats: (string | undefined)[],
  columnWidths: number[],
  tierColumn: number
): { content: SheetContent; segmentArea: Area } {
  const content: SheetContent = {
    name,
    blocks: [
      { top: 0, left: 0, values: [header], bold: true },
      { top: 1, left: 0, values: rows, numberFormats },
    ],
    freezeRows: 1,
    columnWidths,
  };
  return { content, segmentArea: { top: 1, left: tierColumn, rows: rows.length, columns: 1 } };
}

function summarySheet(input: PlanInput, tiers: TierStyle[]): SheetContent {
  const { source, grid, roles, method, segmentation, locale } = input;
  const parameters = describeParameters(input);
  const used = Object.entries(roles)
    .filter(([, column]) => column !== undefined)
    .map(
      ([role, column]) =>
        `${roleName(locale, role as Role, method)}: ${grid.header[column as number]}`
    )
    .join("; ");
  const facts: CellValue[][] = [
    [t(locale, "summaryMethod"), methodName(locale, method)],
    [
      t(locale, "summaryParameters"),
      Object.entries(parameters)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ") || "—",
    ],
    [t(locale, "summaryColumns"), used],
    [t(locale, "summarySource"), qualified(source.sheet, source.area)],
    [t(locale, "summaryCustomers"), segmentation.customers],
    [t(locale, "summarySkipped"), segmentation.skipped.length],
  ];
  const factsTop = 2;
  const dateRow = factsTop + facts.length;
  const tableTop = dateRow + 2;
  const header = [
    t(locale, "tierColumn"),
    t(locale, "customersColumn"),
    t(locale, "customerShareColumn"),
    t(locale, "summaryValue"),
    t(locale, "valueShareColumn"),
    t(locale, "summaryStrategy"),
  ];
  const rows: CellValue[][] = segmentation.summary.map((s, i) => [
    tiers[i].label,
    s.customers,
    s.customerShare,
    s.value.toNumber(),
    s.valueShare ?? null,
    strategyOf(locale, s.tier) ?? null,
  ]);
  const total: CellValue[] = [
    t(locale, "totalRow"),
    segmentation.customers,
    segmentation.customers ? 1 : 0,
    segmentation.totalValue.toNumber(),
    segmentation.totalValue.gt(0) ? 1 : null,
    null,
  ];
  const f = FORMATS;
  const tableFormats = [undefined, f.integer, f.percent, f.money, f.percent, undefined];
  const blocks: CellBlock[] = [
    { top: 0, left: 0, values: [[t(locale, "summaryTitle")]], bold: true },
    { top: factsTop, left: 0, values: facts },
    {
      top: dateRow,
      left: 0,
      values: [[t(locale, "summaryDate"), serialOf(input.now)]],
      numberFormats: [undefined, f.dateTime],
    },
    { top: tableTop, left: 0, values: [header], bold: true },
    {
      top: tableTop + 1,
      left: 0,
      values: rows,
      numberFormats: tableFormats,
      // the tier cells double as the legend: each in its tier's colours
      fills: tiers.map((tier) => [tier.fill]),
      fontColors: tiers.map((tier) => [tier.text]),
    },
    {
      top: tableTop + 1 + rows.length,
      left: 0,
      values: [total],
      numberFormats: tableFormats,
      bold: true,
    },
    { top: tableTop + rows.length + 3, left: 0, values: [[t(locale, "summaryNote")]] },
  ];
  return {
    name: input.summarySheet,
    blocks,
    columnWidths: [22, 12, 16, 16, 14, 40],
    chart: {
      title: t(locale, "chartTitle"),
      seriesName: t(locale, "customersColumn"),
      categories: { top: tableTop + 1, left: 0, rows: rows.length, columns: 1 },
      values: { top: tableTop + 1, left: 1, rows: rows.length, columns: 1 },
      colours: tiers.map((tier) => tier.fill),
      anchor: { top: 0, left: 7, rows: 18, columns: 8 },
    },
  };
}

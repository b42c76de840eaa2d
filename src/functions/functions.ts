/*
 * The CV.* custom functions (spec section 0). Each one reads its Excel arguments, calls the
 * engine and hands back a number, text or a spilled range. The JSDoc below is the English
 * help Excel shows; src/i18n/function-help holds the Chinese. custom-functions-metadata
 * reads only top-level function declarations, so every function is one.
 */
import {
  Abc,
  Population,
  MEDIAN,
  Pyramid,
  type Cell,
  type Split,
  type Timing,
  cellProblem,
  classifyCell,
  clv,
  complaintLoss,
  customerValue,
  deliveredValue,
  equity,
  infoValue,
  invalid,
  lifetime,
  lossValue,
  objectProblem,
  parseScheme,
  parseSplit,
  quadrantTier,
  rfmCode,
  RfmScorer,
  segmentOfCode,
  splitThreshold,
  summarizeTransactions,
  tierLabel,
  validBins,
  validCutoffs,
  retention as retentionRate,
} from "../engine";
import {
  cellsOf,
  isOmitted,
  mapCells,
  numbers,
  optBoolean,
  optDay,
  optLanguage,
  optNumber,
  optText,
  presentValues,
  reqNumber,
  requireSameRange,
  requireSameShape,
  vector,
} from "./args";
import { marginList, rfmTableHeaderOf, transactionsOf } from "./tables";
import { excel, toDouble } from "./result";

/**
 * Customer lifetime value: the present value of a customer's future margins, with optional retention.
 * @customfunction
 * @param margin Margin per period: one number for every period, or a row or column of margins m1..mn.
 * @param rate Discount rate per period, e.g. 9%; must be greater than -100%.
 * @param [periods] Number of periods, a whole number >= 1. Omitted: all margins in the range, or forever for a single margin.
 * @param [retention] Probability that a customer is still a customer one period later, 0 to 1 (default 1).
 * @param [timing] 0 = margins at the end of each period (default), 1 = at the beginning, as in PV.
 * @returns The lifetime value.
 */
export function CLV(
  margin: any[][],
  rate: any,
  periods?: any,
  retention?: any,
  timing?: any
): number {
  return excel(() => {
    const { margins, single } = marginList(margin);
    return toDouble(
      clv({
        margin: single ? margins[0] : margins,
        rate: reqNumber(rate, "rate"),
        periods: optNumber(periods, "periods"),
        retention: optNumber(retention, "retention"),
        timing: optNumber(timing, "timing") as Timing | undefined,
      })
    );
  });
}

/**
 * Customer value over N years: first purchase minus acquisition cost plus discounted yearly revenue and repeat spend.
 * @customfunction
 * @param first_price Price of the first purchase (P0).
 * @param acquisition_cost Cost of winning the customer (C0).
 * @param annual_revenue Expected revenue from the customer each year (R), from year 1.
 * @param rate Yearly interest (discount) rate, e.g. 8%.
 * @param years Number of years the relationship lasts (N), a whole number >= 1.
 * @param [repeat_spend] The customer's repeat spend each year (P1), from the year of the first purchase; default 0.
 * @returns The customer's value.
 */
export function CUSTOMERVALUE(
  first_price: any,
  acquisition_cost: any,
  annual_revenue: any,
  rate: any,
  years: any,
  repeat_spend?: any
): number {
  return excel(() =>
    toDouble(
      customerValue({
        firstPrice: reqNumber(first_price, "first_price"),
        acquisitionCost: reqNumber(acquisition_cost, "acquisition_cost"),
        annualRevenue: reqNumber(annual_revenue, "annual_revenue"),
        rate: reqNumber(rate, "rate"),
        years: reqNumber(years, "years"),
        repeatSpend: optNumber(repeat_spend, "repeat_spend"),
      })
    )
  );
}

/**
 * What losing a customer costs: the customer's value plus the damage to the firm's reputation.
 * @customfunction
 * @param customer_value The value of the customer (V).
 * @param [goodwill_damage] Reputation damage as a share of the value (x), default 15%.
 * @returns V * (1 + x).
 */
export function LOSSVALUE(customer_value: any, goodwill_damage?: any): number {
  return excel(() =>
    toDouble(
      lossValue(
        reqNumber(customer_value, "customer_value"),
        optNumber(goodwill_damage, "goodwill_damage")
      )
    )
  );
}

/**
 * The complaint iceberg: the value lost through unhappy customers, most of whom never complain.
 * @customfunction
 * @param complaints Number of complaints received.
 * @param complaint_share Share of unhappy customers who complain, greater than 0% and at most 100%.
 * @param resolved_share Share of complaints resolved to the customer's satisfaction, 0% to 100%.
 * @param loss_per_customer Value lost with each lost customer.
 * @returns The value lost.
 */
export function COMPLAINTLOSS(
  complaints: any,
  complaint_share: any,
  resolved_share: any,
  loss_per_customer: any
): number {
  return excel(() =>
    toDouble(
      complaintLoss({
        complaints: reqNumber(complaints, "complaints"),
        complaintShare: reqNumber(complaint_share, "complaint_share"),
        resolvedShare: reqNumber(resolved_share, "resolved_share"),
        lossPerCustomer: reqNumber(loss_per_customer, "loss_per_customer"),
      })
    )
  );
}

/**
 * Average length of the customer relationship: 1 / churn rate, or customers / customers lost per period.
 * @customfunction
 * @param churn_rate_or_customers The churn rate per period (0% to 100%), or, with lost_per_period, the number of customers.
 * @param [lost_per_period] Number of customers lost per period.
 * @returns The average lifetime in periods.
 */
export function LIFETIME(churn_rate_or_customers: any, lost_per_period?: any): number {
  return excel(() =>
    toDouble(
      lifetime(
        reqNumber(churn_rate_or_customers, "churn_rate_or_customers"),
        optNumber(lost_per_period, "lost_per_period")
      )
    )
  );
}

/**
 * Customer retention rate over a period: (customers at the end - new customers) / customers at the start.
 * @customfunction
 * @param customers_start Customers at the start of the period (S).
 * @param customers_end Customers at the end of the period (E).
 * @param new_customers Customers won during the period (N).
 * @returns (E - N) / S.
 */
export function RETENTION(customers_start: any, customers_end: any, new_customers: any): number {
  return excel(() =>
    toDouble(
      retentionRate(
        reqNumber(customers_start, "customers_start"),
        reqNumber(customers_end, "customers_end"),
        reqNumber(new_customers, "new_customers")
      )
    )
  );
}

/**
 * Customer equity: the sum of the customer base's lifetime values, or the average lifetime value times the number of customers.
 * @customfunction
 * @param clv_values Lifetime values: a range (blanks are skipped) or one average value.
 * @param [customers] Number of customers: when given, the result is the average of clv_values times this number.
 * @returns The customer equity.
 */
export function EQUITY(clv_values: any[][], customers?: any): number {
  return excel(() =>
    toDouble(equity(numbers(clv_values, "clv_values"), optNumber(customers, "customers")))
  );
}

/**
 * Customer delivered value: total customer value minus total customer cost, or their ratio.
 * @customfunction
 * @param total_value Total customer value, or a range of its parts (product, service, personnel, image value).
 * @param total_cost Total customer cost, or a range of its parts (money, time, energy, psychic cost).
 * @param [as_ratio] TRUE returns value / cost instead (worth buying when above 1); default FALSE.
 * @returns The delivered value, or the value-to-cost ratio.
 */
export function DELIVEREDVALUE(total_value: any[][], total_cost: any[][], as_ratio?: any): number {
  return excel(() =>
    toDouble(
      deliveredValue(
        numbers(total_value, "total_value"),
        numbers(total_cost, "total_cost"),
        optBoolean(as_ratio, "as_ratio") ?? false
      )
    )
  );
}

/**
 * Value of the information a firm holds on a customer: k * sum(p_i * N_i) - N2 * C.
 * @customfunction
 * @param k Value of one use of one piece of information.
 * @param info_counts Pieces of information held on each knowledge point (p_i), a range.
 * @param use_counts How often each knowledge point was used (N_i), a range of the same size.
 * @param collections How often information was collected (N2).
 * @param cost_per_collection Average cost of one collection (C).
 * @returns The value of the information.
 */
export function INFOVALUE(
  k: any,
  info_counts: any[][],
  use_counts: any[][],
  collections: any,
  cost_per_collection: any
): number {
  return excel(() => {
    const infos = cellsOf(info_counts, "info_counts");
    const uses = cellsOf(use_counts, "use_counts");
    requireSameShape(infos, "info_counts", uses, "use_counts");
    return toDouble(
      infoValue(
        reqNumber(k, "k"),
        Array.from(infos.values, (v) => (Number.isNaN(v) ? 0 : v)),
        Array.from(uses.values, (v) => (Number.isNaN(v) ? 0 : v)),
        reqNumber(collections, "collections"),
        reqNumber(cost_per_collection, "cost_per_collection")
      )
    );
  });
}

/**
 * RFM code such as 545: recency, frequency and monetary scores against the customer population. Spills over ranges.
 * @customfunction
 * @param recency Days since the last purchase (smaller is better): one cell, or a range to score every customer.
 * @param frequency Number of purchases: one cell or a range of the same size as recency.
 * @param monetary Money spent: one cell or a range of the same size as recency.
 * @param [recency_all] Recency of the whole customer population; omitted: the recency values given.
 * @param [frequency_all] Frequency of the whole population; omitted: the frequency values given.
 * @param [monetary_all] Monetary of the whole population; omitted: the monetary values given.
 * @param [bins] Number of score bins, 1 to 9 (default 5).
 * @returns RFM codes, one per customer.
 */
export function RFMSCORE(
  recency: any[][],
  frequency: any[][],
  monetary: any[][],
  recency_all?: any[][],
  frequency_all?: any[][],
  monetary_all?: any[][],
  bins?: any
): any[][] {
  return excel(() => {
    const k = validBins(optNumber(bins, "bins"));
    const r = cellsOf(recency, "recency");
    const f = cellsOf(frequency, "frequency");
    const m = cellsOf(monetary, "monetary");
    requireSameShape(r, "recency", f, "frequency");
    requireSameShape(r, "recency", m, "monetary");
    requireSamePopulations([
      [recency_all, "recency_all"],
      [frequency_all, "frequency_all"],
      [monetary_all, "monetary_all"],
    ]);
    const population = (given: any, own: typeof r, arg: string) =>
      Population.of(isOmitted(given) ? presentValues(own) : numbers(given, arg), arg);
    const rScore = new RfmScorer(population(recency_all, r, "recency_all"), k, true);
    const fScore = new RfmScorer(population(frequency_all, f, "frequency_all"), k);
    const mScore = new RfmScorer(population(monetary_all, m, "monetary_all"), k);
    return mapCells(r, (rv, i) => {
      const fv = f.values[i];
      const mv = m.values[i];
      if (Number.isNaN(fv) || Number.isNaN(mv)) return "";
      return rfmCode(rScore.score(rv), fScore.score(fv), mScore.score(mv));
    });
  });
}

/**
 * The named customer segment of an RFM code (Champions, Loyal, At risk, ...). Spills over ranges.
 * @customfunction
 * @param rfm_score RFM code such as 545 (each score 1 to 5): one cell or a range.
 * @param [language] Language of the names: "en" (default), "zh-CN" or "zh-TW".
 * @returns Segment names, one per code.
 */
export function RFMSEGMENT(rfm_score: any[][], language?: any): any[][] {
  return excel(() => {
    const lang = optLanguage(language);
    return mapCells(cellsOf(rfm_score, "rfm_score"), (code) =>
      tierLabel(segmentOfCode(code), lang)
    );
  });
}

/**
 * Per-customer RFM table from a transaction list: recency, frequency, monetary, scores, segment, first and last purchase, tenure, average order value and lifecycle stage.
 * @customfunction
 * @param customer_ids Customer of each transaction: a column.
 * @param dates Date of each transaction: a column of dates (or text such as 2024-01-31 or 20240131).
 * @param amounts Amount of each transaction: a column.
 * @param [as_of] Date the recency is measured at; default the day after the latest transaction. Later transactions are left out.
 * @param [language] Language of the header and the names: "en" (default), "zh-CN" or "zh-TW".
 * @returns A table with a header row and one row per customer.
 */
export function RFMTABLE(
  customer_ids: any[][],
  dates: any[][],
  amounts: any[][],
  as_of?: any,
  language?: any
): any[][] {
  return excel(() => {
    const lang = optLanguage(language);
    const { transactions, labels } = transactionsOf(customer_ids, dates, amounts);
    const summary = summarizeTransactions(transactions, optDay(as_of, "as_of"));
    const rows: any[][] = [rfmTableHeaderOf(lang)];
    for (const c of summary.customers) {
      rows.push([
        labels.get(c.customer) ?? c.customer,
        c.recency,
        c.frequency,
        toDouble(c.monetary),
        c.r,
        c.f,
        c.m,
        c.code,
        tierLabel(c.segment, lang),
        c.firstDay,
        c.lastDay,
        c.tenure,
        toDouble(c.averageOrder),
        tierLabel(c.stage, lang),
      ]);
    }
    return rows;
  });
}

/**
 * Customer pyramid tier (VIP, Major, Regular, Small) by the share of customers with a higher value. Spills over ranges.
 * @customfunction
 * @param value The customer's revenue or profit: one cell, or a range to place every customer.
 * @param [values] Values of the whole customer population; omitted: the values given.
 * @param [cutoffs] Three increasing shares for VIP, Major and Regular (default 1%, 20%, 50%).
 * @param [language] Language of the tier names: "en" (default), "zh-CN" or "zh-TW".
 * @returns Tier names, one per customer.
 */
export function PYRAMID(
  value: any[][],
  values?: any[][],
  cutoffs?: any[][],
  language?: any
): any[][] {
  return excel(() => {
    const lang = optLanguage(language);
    const customers = cellsOf(value, "value");
    const population = Population.of(
      isOmitted(values) ? presentValues(customers) : numbers(values, "values"),
      "values"
    );
    const limits = validCutoffs(isOmitted(cutoffs) ? undefined : numbers(cutoffs, "cutoffs"));
    const pyramid = new Pyramid(population, limits);
    return mapCells(customers, (v) => tierLabel(pyramid.tierOf(v), lang));
  });
}

/**
 * ABC (Pareto) class of a customer by the share of total value held by customers with a higher value. Spills over ranges.
 * @customfunction
 * @param value The customer's value: one cell, or a range to class every customer.
 * @param [values] Values of the whole customer population; omitted: the values given.
 * @param [a_share] Share of the total value that makes class A (default 80%).
 * @param [b_share] Share of the total value that makes classes A and B together (default 95%).
 * @returns A, B or C, one per customer.
 */
export function ABC(value: any[][], values?: any[][], a_share?: any, b_share?: any): any[][] {
  return excel(() => {
    const customers = cellsOf(value, "value");
    const population = isOmitted(values) ? presentValues(customers) : numbers(values, "values");
    const abc = new Abc(population, optNumber(a_share, "a_share"), optNumber(b_share, "b_share"));
    return mapCells(customers, (v) => abc.tierOf(v));
  });
}

/**
 * Value-matrix quadrant of a customer: Gold, Silver, Iron or Lead (or the strategic and frequency schemes). Spills over ranges.
 * @customfunction
 * @param current_value First axis: current value (or customer value, or purchase frequency): one cell or a range.
 * @param growth_potential Second axis: growth potential (or strategic match, or average spend): same size as current_value.
 * @param [current_all] First-axis values of the whole population; omitted: the values given.
 * @param [growth_all] Second-axis values of the whole population; omitted: the values given.
 * @param [scheme] "value" (default: Gold/Silver/Iron/Lead), "strategic" or "frequency".
 * @param [split] Where high starts: "median" (default), "mean", "p<N>" (percentile), a number, or two cells, one per axis.
 * @param [language] Language of the tier names: "en" (default), "zh-CN" or "zh-TW".
 * @returns Tier names, one per customer.
 */
export function QUADRANT(
  current_value: any[][],
  growth_potential: any[][],
  current_all?: any[][],
  growth_all?: any[][],
  scheme?: any,
  split?: any[][],
  language?: any
): any[][] {
  return excel(() => {
    const lang = optLanguage(language);
    const kind = parseScheme(optText(scheme, "scheme"));
    const first = cellsOf(current_value, "current_value");
    const second = cellsOf(growth_potential, "growth_potential");
    requireSameShape(first, "current_value", second, "growth_potential");
    requireSamePopulations([
      [current_all, "current_all"],
      [growth_all, "growth_all"],
    ]);
    const firstAll = Population.of(
      isOmitted(current_all) ? presentValues(first) : numbers(current_all, "current_all"),
      "current_all"
    );
    const secondAll = Population.of(
      isOmitted(growth_all) ? presentValues(second) : numbers(growth_all, "growth_all"),
      "growth_all"
    );
    const [firstSplit, secondSplit] = splitsOf(split);
    const firstFrom = splitThreshold(firstSplit, firstAll);
    const secondFrom = splitThreshold(secondSplit, secondAll);
    return mapCells(first, (v, i) => {
      const w = second.values[i];
      if (Number.isNaN(w)) return "";
      return tierLabel(quadrantTier(kind, v >= firstFrom, w >= secondFrom), lang);
    });
  });
}

/** The populations given of one table (those not left out) must be ranges of one shape. */
function requireSamePopulations(given: [raw: unknown, arg: string][]): void {
  const present = given.filter(([raw]) => !isOmitted(raw));
  for (const [raw, arg] of present.slice(1))
    requireSameRange(present[0][0], present[0][1], raw, arg);
}

/** One split for both axes, or two cells: one per axis. Blank cells are left out. */
function splitsOf(raw: unknown): [Split, Split] {
  if (isOmitted(raw)) return [MEDIAN, MEDIAN];
  const splits = vector(raw, "split")
    .values.map((value) => classifyCell(value))
    .filter((cell) => cell.kind !== "blank")
    .map((cell) => splitOf(cell));
  if (splits.length === 0) return [MEDIAN, MEDIAN];
  if (splits.length > 2) throw invalid("splitCount", { arg: "split" });
  return [splits[0], splits[splits.length - 1]];
}

function splitOf(cell: Cell): Split {
  switch (cell.kind) {
    case "number":
      return parseSplit(cell.value);
    case "text":
      return parseSplit(cell.text);
    case "blank":
      return MEDIAN;
    case "object":
      if (cell.name === undefined) throw objectProblem(cell, "split");
      return parseSplit(cell.name);
    case "error":
      throw cellProblem(cell, "split");
    case "boolean":
      throw invalid("splitText", { arg: "split", value: cell.value ? "TRUE" : "FALSE" });
  }
}

/*
 * The CV.* "buy till you die" functions: summarise transactions per customer, fit the BG/NBD
 * purchase model and the Gamma-Gamma spend model, and predict from them. A second input of
 * the metadata plugin beside functions.ts (see webpack.config.js); the same conventions hold:
 * the JSDoc is the English help, src/i18n/function-help holds the Chinese, and every function
 * is a top-level declaration.
 *
 * Times (t_x, T, t, horizon, step) are in one unit throughout, the one BTYDSUMMARY was asked
 * for; the fitted alpha is in that unit too.
 */
import { rule } from "../engine";
import {
  discountSchedule,
  expectedPurchases,
  expectedSpend,
  fitBgNbd,
  fitGammaGamma,
  pAlive,
  parseTimeUnit,
  predictedClv,
  summarizePurchases,
} from "../engine/btyd";
import { btydSummaryHeader } from "../i18n/strings";
import { mapCells, optDay, optNumber, optText, reqNumber } from "./args";
import {
  bgNbdParamsArg,
  columnsOf,
  customerPositions,
  gammaGammaParamsArg,
  purchaseHistoryAt,
  spendHistoryAt,
} from "./histories";
import { displayLocale, excel, toDouble } from "./result";
import { transactionsOf } from "./tables";

/**
 * Per-customer summary for the BTYD models: repeat purchases x, time of the last repeat purchase t_x, age T and mean repeat spend.
 * @customfunction
 * @param customer_ids Customer of each transaction: a column.
 * @param dates Date of each transaction: a column of dates (or text such as 2024-01-31 or 20240131).
 * @param amounts Amount of each transaction: a column.
 * @param [calibration_end] Last day of the calibration period; default the latest transaction's day. Later transactions are left out.
 * @param [unit] Time unit of t_x and T: "day", "week" (default) or "month" (365.25/12 days).
 * @returns A table with a header row and one row per customer: customer, x, t_x, T, mean repeat spend.
 */
export function BTYDSUMMARY(
  customer_ids: any[][],
  dates: any[][],
  amounts: any[][],
  calibration_end?: any,
  unit?: any
): any[][] {
  return excel(() => {
    const timeUnit = parseTimeUnit(optText(unit, "unit"));
    const { transactions, labels } = transactionsOf(customer_ids, dates, amounts);
    const summary = summarizePurchases(transactions, {
      calibrationEnd: optDay(calibration_end, "calibration_end"),
      unit: timeUnit,
    });
    const rows: any[][] = [btydSummaryHeader(displayLocale(), timeUnit)];
    for (const c of summary.customers)
      rows.push([labels.get(c.customer) ?? c.customer, c.x, c.tx, c.T, c.meanSpend]);
    return rows;
  });
}

/**
 * Fits the BG/NBD purchase model by maximum likelihood: returns one row r, alpha, a, b, log-likelihood.
 * @customfunction
 * @param x Repeat purchases of each customer (whole numbers >= 0): a column, as BTYDSUMMARY returns it.
 * @param t_x Time of each customer's last repeat purchase after the first purchase (0 without one).
 * @param T Time from each customer's first purchase to the end of the calibration period.
 * @returns One row: r, alpha, a, b and the log-likelihood.
 */
export function BGNBDFIT(x: any[][], t_x: any[][], T: any[][]): any[][] {
  return excel(() => {
    const columns = columnsOf([x, "x"], [t_x, "t_x"], [T, "T"]);
    const histories = customerPositions(columns).map((i) => purchaseHistoryAt(columns, i));
    const { params, logLikelihood } = fitBgNbd(histories);
    return [[params.r, params.alpha, params.a, params.b, logLikelihood]];
  });
}

/**
 * Probability that a customer is still active (alive) at the end of the calibration period, by the BG/NBD model. Spills over ranges.
 * @customfunction
 * @param x Repeat purchases: one cell, or a range to compute every customer.
 * @param t_x Time of the last repeat purchase: same size as x.
 * @param T Time from the first purchase to the end of the calibration period: same size as x.
 * @param params The BG/NBD parameters r, alpha, a, b: the row BGNBDFIT returns.
 * @returns P(alive), one per customer.
 */
export function PALIVE(x: any[][], t_x: any[][], T: any[][], params: any[][]): any[][] {
  return excel(() => {
    const bg = bgNbdParamsArg(params, "params");
    const columns = columnsOf([x, "x"], [t_x, "t_x"], [T, "T"]);
    return mapCells(columns[0].cells, (_, i) => pAlive(bg, purchaseHistoryAt(columns, i)));
  });
}

/**
 * Expected number of purchases in the next t time units, by the BG/NBD model, given each customer's history. Spills over ranges.
 * @customfunction
 * @param t How far ahead, in the time unit of t_x and T, e.g. 52 weeks.
 * @param x Repeat purchases: one cell, or a range to compute every customer.
 * @param t_x Time of the last repeat purchase: same size as x.
 * @param T Time from the first purchase to the end of the calibration period: same size as x.
 * @param params The BG/NBD parameters r, alpha, a, b: the row BGNBDFIT returns.
 * @returns Expected purchases, one per customer.
 */
export function EXPECTEDPURCHASES(
  t: any,
  x: any[][],
  t_x: any[][],
  T: any[][],
  params: any[][]
): any[][] {
  return excel(() => {
    const ahead = rule.atLeast(reqNumber(t, "t"), "t", 0);
    const bg = bgNbdParamsArg(params, "params");
    const columns = columnsOf([x, "x"], [t_x, "t_x"], [T, "T"]);
    return mapCells(columns[0].cells, (_, i) =>
      expectedPurchases(bg, ahead, purchaseHistoryAt(columns, i))
    );
  });
}

/**
 * Fits the Gamma-Gamma spend model to the repeat buyers by maximum likelihood: returns one row p, q, gamma, log-likelihood.
 * @customfunction
 * @param x Repeat purchases of each customer: a column; customers with 0 are left out.
 * @param mean_spend Mean value of each customer's repeat purchases (> 0 for repeat buyers): same size as x.
 * @returns One row: p, q, gamma and the log-likelihood.
 */
export function GGFIT(x: any[][], mean_spend: any[][]): any[][] {
  return excel(() => {
    const [repeats, spend] = columnsOf([x, "x"], [mean_spend, "mean_spend"]);
    const histories = customerPositions([repeats, spend]).map((i) =>
      spendHistoryAt(repeats, spend, i)
    );
    const { params, logLikelihood } = fitGammaGamma(histories);
    return [[params.p, params.q, params.gamma, logLikelihood]];
  });
}

/**
 * Expected value of a customer's future purchases by the Gamma-Gamma model: between the population mean and the customer's own mean. Spills over ranges.
 * @customfunction
 * @param x Repeat purchases: one cell, or a range to compute every customer.
 * @param mean_spend Mean value of the repeat purchases: same size as x; may be blank where x is 0.
 * @param gg_params The Gamma-Gamma parameters p, q, gamma: the row GGFIT returns; q must be greater than 1.
 * @returns Expected spend per purchase, one per customer.
 */
export function EXPECTEDSPEND(x: any[][], mean_spend: any[][], gg_params: any[][]): any[][] {
  return excel(() => {
    const gg = gammaGammaParamsArg(gg_params, "gg_params");
    const [repeats, spend] = columnsOf([x, "x"], [mean_spend, "mean_spend"]);
    return mapCells(repeats.cells, (_, i) =>
      toDouble(expectedSpend(gg, spendHistoryAt(repeats, spend, i)))
    );
  });
}

/**
 * Predicted customer lifetime value: expected purchases (BG/NBD) times expected spend (Gamma-Gamma), discounted step by step over the horizon. Spills over ranges.
 * @customfunction
 * @param x Repeat purchases: one cell, or a range to compute every customer.
 * @param t_x Time of the last repeat purchase: same size as x.
 * @param T Time from the first purchase to the end of the calibration period: same size as x.
 * @param mean_spend Mean value of the repeat purchases: same size as x; may be blank where x is 0.
 * @param bgnbd_params The BG/NBD parameters: the row BGNBDFIT returns.
 * @param gg_params The Gamma-Gamma parameters: the row GGFIT returns.
 * @param horizon How far ahead, in the time unit of t_x and T, e.g. 52 weeks.
 * @param [discount_rate] Discount rate per step, e.g. 1%; default 0 (no discounting).
 * @param [step] Length of one step in the same unit, default 1. Step i's expected purchases, times the expected spend, are divided by (1 + discount_rate)^i; a last partial step ends at the horizon.
 * @returns Predicted lifetime value, one per customer.
 */
export function PREDICTEDCLV(
  x: any[][],
  t_x: any[][],
  T: any[][],
  mean_spend: any[][],
  bgnbd_params: any[][],
  gg_params: any[][],
  horizon: any,
  discount_rate?: any,
  step?: any
): any[][] {
  return excel(() => {
    const bg = bgNbdParamsArg(bgnbd_params, "bgnbd_params");
    const gg = gammaGammaParamsArg(gg_params, "gg_params");
    const schedule = discountSchedule({
      horizon: reqNumber(horizon, "horizon"),
      discountRate: optNumber(discount_rate, "discount_rate"),
      step: optNumber(step, "step"),
    });
    const columns = columnsOf([x, "x"], [t_x, "t_x"], [T, "T"], [mean_spend, "mean_spend"]);
    const [repeats, , , spend] = columns;
    return mapCells(repeats.cells, (_, i) => {
      const history = { ...purchaseHistoryAt(columns, i), ...spendHistoryAt(repeats, spend, i) };
      return toDouble(predictedClv(bg, gg, history, schedule));
    });
  });
}

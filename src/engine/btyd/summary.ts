import { CvError, invalid } from "../errors";
import { isoDate } from "../dates";
import { exactSum } from "../exact";
import { type Transaction, latestDay, transactionsByCustomer } from "../transactions";
import type { CustomerHistory } from "./history";

export type TimeUnit = "day" | "week" | "month";
export const TIME_UNITS: readonly TimeUnit[] = ["day", "week", "month"];

/**
 * Days per time unit. A month is a twelfth of the average (Julian) year, 365.25 / 12 =
 * 30.4375 days: calendar months differ in length, and the models need one fixed unit.
 */
export const DAYS_PER_UNIT: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

export function parseTimeUnit(raw: string | undefined, arg = "unit"): TimeUnit {
  const text = (raw ?? "").trim().toLowerCase();
  if (text === "") return "week";
  if ((TIME_UNITS as readonly string[]).includes(text)) return text as TimeUnit;
  throw invalid("oneOf", { arg, options: '"day", "week", "month"' });
}

export interface SummaryOptions {
  /** last day (Excel serial) of the calibration period; default the latest transaction's day */
  calibrationEnd?: number;
  /** last day of a holdout period after it, to count each customer's purchases there */
  holdoutEnd?: number;
  /** default "week" */
  unit?: TimeUnit;
}

export interface SummarizedCustomer extends CustomerHistory {
  customer: string;
  /** purchase days in the holdout period; only with a holdout end */
  holdoutPurchases?: number;
}

export interface PurchaseSummary {
  unit: TimeUnit;
  calibrationEnd: number;
  holdoutEnd?: number;
  /** length of the holdout period in the time unit */
  holdoutLength?: number;
  customers: SummarizedCustomer[];
  /** transactions left out: after the last day summarised, or by customers first seen later */
  excluded: number;
}

/**
 * The BTYD models' view of a transaction list (as lifetimes' summary_data_from_transaction_data
 * and calibration_and_holdout_data). Purchases are counted by day: several transactions of a
 * customer on one day are one purchase whose value is their sum. The calibration cohort is the
 * customers with a purchase on or before the calibration end; per customer, in the unit:
 *   x          purchase days after the first one (repeat purchases), up to the calibration end
 *   tx         time from the first purchase to the last of those (0 without one)
 *   T          time from the first purchase to the calibration end
 *   meanSpend  mean value of the repeat purchases, exact (0 without one)
 * and, with a holdout end, the purchase days after the calibration end up to the holdout end.
 * Customers keep the order in which they first appear.
 */
export function summarizePurchases(
  transactions: readonly Transaction[],
  options: SummaryOptions = {}
): PurchaseSummary {
  const unit = options.unit ?? "week";
  const unitDays = DAYS_PER_UNIT[unit];
  const calibrationEnd = options.calibrationEnd ?? latestDay(transactions);
  const { holdoutEnd } = options;
  if (holdoutEnd !== undefined && !(holdoutEnd > calibrationEnd))
    throw invalid("greaterThan", { arg: "holdout_end", min: isoDate(calibrationEnd) });
  const { groups, excluded: later } = transactionsByCustomer(
    transactions,
    holdoutEnd ?? calibrationEnd
  );

  let excluded = later;
  const customers: SummarizedCustomer[] = [];
  for (const [customer, purchases] of groups) {
    let first = Infinity;
    for (const t of purchases) if (t.day < first) first = t.day;
    if (first > calibrationEnd) {
      excluded += purchases.length;
      continue;
    }
    const calibrationDays = new Set<number>();
    const holdoutDays = new Set<number>();
    const repeatAmounts: number[] = [];
    let last = first;
    for (const { day, amount } of purchases) {
      if (day > calibrationEnd) {
        holdoutDays.add(day);
        continue;
      }
      calibrationDays.add(day);
      if (day > first) repeatAmounts.push(amount);
      if (day > last) last = day;
    }
    const x = calibrationDays.size - 1;
    customers.push({
      customer,
      x,
      tx: (last - first) / unitDays,
      T: (calibrationEnd - first) / unitDays,
      meanSpend: x > 0 ? exactSum(repeatAmounts).div(x).toNumber() : 0,
      ...(holdoutEnd !== undefined ? { holdoutPurchases: holdoutDays.size } : {}),
    });
  }
  if (customers.length === 0)
    throw new CvError("na", "noCalibrationPurchases", { arg: "calibration_end" });
  return {
    unit,
    calibrationEnd,
    ...(holdoutEnd !== undefined
      ? { holdoutEnd, holdoutLength: (holdoutEnd - calibrationEnd) / unitDays }
      : {}),
    customers,
    excluded,
  };
}

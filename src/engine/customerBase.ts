import { Dec, ZERO, dec } from "./decimal";
import { CvError, invalid } from "./errors";
import { exactSum } from "./exact";
import * as rule from "./validate";

function divideByZero(): CvError {
  return new CvError("div0", "divideByZero", {});
}

/** Average relationship length: 1 / churn rate, or N customers / M lost per period. */
export function lifetime(churnRateOrCustomers: number, lostPerPeriod?: number): Dec {
  if (lostPerPeriod === undefined) {
    const churn = rule.between(churnRateOrCustomers, "churn_rate_or_customers", 0, 1, true);
    if (churn === 0) throw divideByZero();
    return dec(1).div(churn);
  }
  const customers = rule.atLeast(churnRateOrCustomers, "churn_rate_or_customers", 0);
  const lost = rule.atLeast(lostPerPeriod, "lost_per_period", 0);
  if (lost === 0) throw divideByZero();
  return dec(customers).div(lost);
}

/** Retention over a period: (E - N) / S. */
export function retention(customersStart: number, customersEnd: number, newCustomers: number): Dec {
  const start = rule.atLeast(customersStart, "customers_start", 0);
  const end = rule.atLeast(customersEnd, "customers_end", 0);
  const added = rule.atLeast(newCustomers, "new_customers", 0);
  if (added > end) throw invalid("newExceedsEnd", {});
  const retained = dec(end).minus(added);
  if (retained.gt(start)) throw invalid("retainedExceedsStart", {});
  if (start === 0) throw divideByZero();
  return retained.div(start);
}

/**
 * Customer equity: the sum of the customers' lifetime values, or, given the number of
 * customers, the average lifetime value times that number.
 */
export function equity(clvValues: readonly number[], customers?: number): Dec {
  if (clvValues.length === 0) throw new CvError("na", "emptyPopulation", { arg: "clv_values" });
  const total = exactSum(clvValues);
  if (customers === undefined) return total;
  rule.atLeast(customers, "customers", 0);
  return total.times(customers).div(clvValues.length);
}

/** Customer delivered value: total customer value minus total customer cost, or their ratio. */
export function deliveredValue(
  valueParts: readonly number[],
  costParts: readonly number[],
  asRatio = false
): Dec {
  if (valueParts.length === 0) throw invalid("required", { arg: "total_value" });
  if (costParts.length === 0) throw invalid("required", { arg: "total_cost" });
  const value = exactSum(valueParts);
  const cost = exactSum(costParts);
  if (!asRatio) return value.minus(cost);
  if (cost.isZero()) throw divideByZero();
  return value.div(cost);
}

/** Value of what the firm knows about a customer: k * sum(p_i * N_i) - N2 * C. */
export function infoValue(
  k: number,
  infoCounts: readonly number[],
  useCounts: readonly number[],
  collections: number,
  costPerCollection: number
): Dec {
  if (infoCounts.length === 0) throw invalid("required", { arg: "info_counts" });
  if (infoCounts.length !== useCounts.length)
    throw invalid("sameSize", { arg: "info_counts", other: "use_counts" });
  infoCounts.forEach((p, i) => rule.atLeast(p, `info_counts (${i + 1})`, 0));
  useCounts.forEach((n, i) => rule.atLeast(n, `use_counts (${i + 1})`, 0));
  rule.atLeast(collections, "collections", 0);
  let used = ZERO;
  for (let i = 0; i < infoCounts.length; i++)
    used = used.plus(dec(infoCounts[i]).times(useCounts[i]));
  return used.times(k).minus(dec(collections).times(costPerCollection));
}

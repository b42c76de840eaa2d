import { Dec, ONE, dec } from "./decimal";
import { geometricSum } from "./clv";
import * as rule from "./validate";

export interface CustomerValueInput {
  firstPrice: number;
  acquisitionCost: number;
  annualRevenue: number;
  rate: number;
  years: number;
  repeatSpend?: number;
}

/**
 * The source material's customer value over N years (spec 2):
 * P0 - C0 + sum_{t=1..N} R/(1+r)^t + sum_{t=0..N} P1/(1+r)^t.
 */
export function customerValue(input: CustomerValueInput): Dec {
  const rate = rule.rate(input.rate, "rate");
  const years = rule.wholeAtLeast(input.years, "years", 1);
  const v = ONE.div(dec(rate).plus(1));
  const fromYearZero = geometricSum(v, years + 1); // t = 0..N
  const fromYearOne = fromYearZero.minus(1); // t = 1..N
  return dec(input.firstPrice)
    .minus(input.acquisitionCost)
    .plus(fromYearOne.times(input.annualRevenue))
    .plus(fromYearZero.times(input.repeatSpend ?? 0));
}

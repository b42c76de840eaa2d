import { Dec, ONE, dec } from "./decimal";
import * as rule from "./validate";

export const DEFAULT_GOODWILL_DAMAGE = 0.15;

/** What losing a customer costs: V * (1 + x), x the damage to reputation (default 15%). */
export function lossValue(customerValue: number, goodwillDamage = DEFAULT_GOODWILL_DAMAGE): Dec {
  rule.atLeast(goodwillDamage, "goodwill_damage", 0);
  return dec(customerValue).times(ONE.plus(goodwillDamage));
}

export interface ComplaintLossInput {
  complaints: number;
  complaintShare: number;
  resolvedShare: number;
  lossPerCustomer: number;
}

/**
 * The complaint iceberg: unhappy = complaints / complaint_share; the silent unhappy customers
 * and the complainers left unresolved are lost.
 */
export function complaintLoss(input: ComplaintLossInput): Dec {
  const complaints = rule.atLeast(input.complaints, "complaints", 0);
  const share = rule.betweenOpenLow(input.complaintShare, "complaint_share", 0, 1, true);
  const resolved = rule.between(input.resolvedShare, "resolved_share", 0, 1, true);
  const c = dec(complaints);
  const unhappy = c.div(share);
  const lostCustomers = unhappy.minus(c).plus(c.times(ONE.minus(resolved)));
  return lostCustomers.times(input.lossPerCustomer);
}

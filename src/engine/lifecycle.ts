import type { Dec } from "./decimal";
import type { LifecycleStage } from "./labels";

/**
 * Lifecycle stage (spec 4.6), the product's rule:
 * - Exploration: the relationship is younger than EXPLORATION_DAYS (90 days);
 * - otherwise compare the spend in the later half of the relationship (first purchase to
 *   the as-of date) with the earlier half:
 *   Formation if it grew by at least a quarter (late >= 1.25 x early),
 *   Decline if it fell by at least a quarter (late <= 0.75 x early),
 *   Stability in between.
 */
export const EXPLORATION_DAYS = 90;
export const GROWTH = 1.25;
export const FALL = 0.75;

export function lifecycleStage(
  tenureDays: number,
  earlySpend: Dec,
  lateSpend: Dec
): LifecycleStage {
  if (tenureDays < EXPLORATION_DAYS) return "exploration";
  if (lateSpend.gte(earlySpend.times(GROWTH)) && lateSpend.gt(earlySpend)) return "formation";
  if (lateSpend.lte(earlySpend.times(FALL))) return "decline";
  return "stability";
}

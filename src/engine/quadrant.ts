import type { QuadrantTier } from "./labels";
import { invalid } from "./errors";

/**
 * The 2x2 matrices of spec 4.1-4.3. The first axis is current value, customer value or
 * frequency; the second growth potential, strategic match or average spend.
 */
export type Scheme = "value" | "strategic" | "frequency";
export const SCHEMES: readonly Scheme[] = ["value", "strategic", "frequency"];

/** Tiers by [first axis high][second axis high]. */
const MATRIX: Record<
  Scheme,
  { highHigh: QuadrantTier; highLow: QuadrantTier; lowHigh: QuadrantTier; lowLow: QuadrantTier }
> = {
  value: { highHigh: "gold", highLow: "silver", lowHigh: "iron", lowLow: "lead" },
  strategic: { highHigh: "strategic", highLow: "profit", lowHigh: "potential", lowLow: "ordinary" },
  frequency: { highHigh: "premium", highLow: "frequent", lowHigh: "spender", lowLow: "uncertain" },
};

export function schemeTiers(scheme: Scheme): QuadrantTier[] {
  const m = MATRIX[scheme];
  return [m.highHigh, m.highLow, m.lowHigh, m.lowLow];
}

export function quadrantTier(
  scheme: Scheme,
  firstHigh: boolean,
  secondHigh: boolean
): QuadrantTier {
  const m = MATRIX[scheme];
  if (firstHigh) return secondHigh ? m.highHigh : m.highLow;
  return secondHigh ? m.lowHigh : m.lowLow;
}

export function parseScheme(raw: string | undefined, arg = "scheme"): Scheme {
  const text = (raw ?? "").trim().toLowerCase();
  if (text === "") return "value";
  if ((SCHEMES as readonly string[]).includes(text)) return text as Scheme;
  throw invalid("oneOf", { arg, options: '"value", "strategic", "frequency"' });
}

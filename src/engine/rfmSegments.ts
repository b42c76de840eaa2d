import { invalid } from "./errors";

export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potentialLoyalist",
  "new",
  "promising",
  "needAttention",
  "aboutToSleep",
  "atRisk",
  "cantLose",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** FM is the mean of F and M rounded half up. */
export function fmScore(f: number, m: number): number {
  return Math.floor((f + m + 1) / 2);
}

/** The named segment of spec 3 for k = 5; "Can't lose" is tested before "At risk". */
export function rfmSegment(r: number, fm: number): RfmSegment {
  if (r >= 4 && fm >= 4) return "champions";
  if (r >= 3 && fm >= 4) return "loyal";
  if (r >= 4 && fm === 3) return "potentialLoyalist";
  if (r === 5 && fm <= 2) return "new";
  if (r === 4 && fm <= 2) return "promising";
  if (r === 3 && fm === 3) return "needAttention";
  if (r === 3 && fm <= 2) return "aboutToSleep";
  if (r <= 2 && fm === 5) return "cantLose";
  if (r <= 2 && fm >= 3) return "atRisk";
  if (r === 2) return "hibernating";
  return "lost";
}

/** Splits an RFM code such as 545 into its scores; each digit must be 1..5. */
export function parseRfmCode(code: number, arg = "rfm_score"): { r: number; f: number; m: number } {
  const r = Math.floor(code / 100);
  const f = Math.floor(code / 10) % 10;
  const m = code % 10;
  const ok = Number.isInteger(code) && [r, f, m].every((d) => d >= 1 && d <= 5);
  if (!ok) throw invalid("rfmCode", { arg, value: String(code) });
  return { r, f, m };
}

export function segmentOfCode(code: number, arg?: string): RfmSegment {
  const { r, f, m } = parseRfmCode(code, arg);
  return rfmSegment(r, fmScore(f, m));
}

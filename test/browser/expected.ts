import fs from "fs";
import Papa from "papaparse";
import path from "path";

/**
 * What the value matrix must give on the shipped sample, worked out here from the CSV and the
 * spec's rules (4.1: median split, a value at or above the split is high) without the add-in's
 * code: the tier of every customer in table order, and the count per tier.
 */
export type Quadrant = "gold" | "silver" | "iron" | "lead";

export const LABELS: Record<"en-US" | "zh-CN", Record<Quadrant, string>> = {
  "en-US": { gold: "Gold", silver: "Silver", iron: "Iron", lead: "Lead" },
  "zh-CN": { gold: "金质客户", silver: "银质客户", iron: "铁质客户", lead: "铅质客户" },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function sampleQuadrants(): { tiers: Quadrant[]; counts: Record<Quadrant, number> } {
  const text = fs.readFileSync(
    path.resolve(__dirname, "../../assets/sample-customers.csv"),
    "utf8"
  );
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const current = rows.map((r) => Number(r[header.indexOf("Current value ($)")]));
  const growth = rows.map((r) => Number(r[header.indexOf("Growth potential ($)")]));
  const currentSplit = median(current);
  const growthSplit = median(growth);
  const tiers = rows.map((_, i): Quadrant => {
    const highValue = current[i] >= currentSplit;
    const highGrowth = growth[i] >= growthSplit;
    if (highValue) return highGrowth ? "gold" : "silver";
    return highGrowth ? "iron" : "lead";
  });
  const counts = { gold: 0, silver: 0, iron: 0, lead: 0 };
  for (const tier of tiers) counts[tier]++;
  return { tiers, counts };
}

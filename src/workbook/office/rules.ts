import { overlaps } from "../address";
import type { Area } from "../types";

/**
 * Colour rules carry no tag and their ids need not survive a save, so a rule counts as ours
 * when it looks exactly like one we add: "cell value equal to" one of the record's labels, on
 * the record's column. Rows the user inserts inside the table stretch the rule's range, so the
 * rows need only overlap; the column must be the same.
 */
export function tierFormula(label: string): string {
  return `="${label.replace(/"/g, '""')}"`;
}

/** The label in `="Gold"`, or undefined for any other formula. */
export function labelOfFormula(formula: string | undefined): string | undefined {
  const match = /^=?"((?:[^"]|"")*)"$/.exec((formula ?? "").trim());
  return match ? match[1].replace(/""/g, '"') : undefined;
}

export interface RuleFacts {
  type: string;
  operator?: string;
  formula1?: string;
  /** the rule's range; undefined when it covers several areas */
  area?: Area;
}

export function isOurRule(
  rule: RuleFacts,
  written: { area: Area; labels: readonly string[] }
): boolean {
  if (rule.type !== "CellValue" || rule.operator !== "EqualTo" || !rule.area) return false;
  const label = labelOfFormula(rule.formula1);
  if (label === undefined || !written.labels.includes(label)) return false;
  return (
    rule.area.left === written.area.left &&
    rule.area.columns === written.area.columns &&
    overlaps(rule.area, written.area)
  );
}

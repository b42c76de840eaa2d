import type { CellValue } from "../../src/workbook/types";

/**
 * Five customers worked by hand for the value matrix: medians 410 (current value) and 200
 * (growth potential), a value at or above the median is high (spec 4.1).
 */
export function fiveCustomers(): CellValue[][] {
  return [
    ["Customer", "Current value", "Growth potential"],
    ["Ana", 1520, 200],
    ["Bo", 640, 900],
    ["Chen", 410, 50],
    ["Dara", 180, 700],
    ["Eli", 35, 10],
  ];
}

/** The tier column the value matrix writes beside them, header first. */
export const FIVE_CUSTOMERS_TIER_COLUMN = [
  "Value matrix tier",
  "Gold",
  "Gold",
  "Silver",
  "Iron",
  "Lead",
];

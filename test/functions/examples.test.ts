/**
 * Every worked example of the function help (src/i18n/function-help/examples.json: the help
 * site, the README and the help pages show them) is run through the production bundle, so the
 * documentation cannot promise a result the functions do not give. A number must show as the
 * documented text when rounded to the documented decimals; text must match exactly; an error
 * code must be the code the function throws.
 */
import * as fs from "fs";
import * as path from "path";
import { readData } from "../support/data";
import { productionFunctions } from "./support";

interface DataColumn {
  data: string;
  column: string;
}
interface Example {
  formula: string;
  with?: string;
  args: unknown[];
  row?: number;
  result: string | string[][];
}

const examples: Record<string, Example[]> = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, "..", "..", "src", "i18n", "function-help", "examples.json"),
    "utf8"
  )
);
const { call, excelError } = productionFunctions();

/** A data set's column as a one-column range, as the example's cells hold it. */
function dataColumn({ data, column }: DataColumn): unknown[][] {
  const lines = readData(data)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  if (data === "CDNOW_sample.txt") {
    // master id, sample id, YYYYMMDD, CDs, dollars; the sample id is the customer
    const index = { customer: 1, date: 2, dollars: 4 }[column];
    if (index === undefined) throw new Error(`no column ${column} in ${data}`);
    return lines.map((line) => {
      const cell = line.trim().split(/\s+/)[index];
      return [column === "dollars" ? Number(cell) : cell];
    });
  }
  const [header, ...rows] = lines.map((line) => line.split(","));
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in ${data}`);
  return rows.map((row) => [Number(row[index])]);
}

const argument = (arg: unknown) =>
  arg !== null && typeof arg === "object" && "data" in (arg as object)
    ? dataColumn(arg as DataColumn)
    : arg;

/** Whether `actual` is what a cell showing `shown` holds. */
function shows(actual: unknown, shown: string): boolean {
  if (typeof actual === "number") {
    const digits = shown.replace(/,/g, "");
    if (!/^-?\d+(\.\d+)?$/.test(digits)) return false;
    const decimals = digits.split(".")[1]?.length ?? 0;
    return actual.toFixed(decimals) === Number(digits).toFixed(decimals);
  }
  return actual === shown;
}

const cases = Object.entries(examples).flatMap(([id, list]) =>
  list.map((example) => [id, example.formula, example] as const)
);

test("every function has worked examples, each a formula of that function", () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  for (const [id, formula] of cases) expect(formula).toMatch(new RegExp(`^=.*\\bCV\\.${id}\\(`));
});

test.each(cases)("%s: %s", (id, _formula, example) => {
  const args = example.args.map(argument);
  if (typeof example.result === "string" && /^#[A-Z/0!]+[!A]$/.test(example.result)) {
    expect(excelError(id, ...args).code).toBe(example.result);
    return;
  }
  let actual = call(id, ...args);
  if (example.row !== undefined) actual = [actual[example.row - 1]];
  const expected = example.result;
  if (typeof expected === "string") {
    const value = Array.isArray(actual) ? actual[0][0] : actual;
    if (Array.isArray(actual)) expect([actual.length, actual[0].length]).toEqual([1, 1]);
    expect({ value, shows: shows(value, expected) }).toEqual({ value, shows: true });
    return;
  }
  expect(actual.map((row: unknown[]) => row.length)).toEqual(expected.map((row) => row.length));
  expected.forEach((row, r) =>
    row.forEach((shown, c) => {
      const value = actual[r][c];
      expect({ cell: [r + 1, c + 1], value, shows: shows(value, shown) }).toEqual({
        cell: [r + 1, c + 1],
        value,
        shows: true,
      });
    })
  );
});

/**
 * fast-check generators for every kind of value Excel hands a custom function: numbers (±0,
 * huge, tiny, dates), text numbers in many formats, junk text, booleans, blanks, error values,
 * Excel's data types (formatted numbers, strings, booleans, errors, entities, linked entities,
 * images, arrays, references, and types newer than the add-in), and ranges of any shape.
 */
import fc from "fast-check";

export type Arb<T = unknown> = fc.Arbitrary<T>;

export const SHEET_ROWS = 1_048_576;

export const ERROR_TEXTS = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#FIELD!",
  "#UNKNOWN!",
];

/** Numbers a cell can hold, weighted toward the edges: ±0, the largest and smallest doubles. */
export const excelNumber: Arb<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 60 }) },
  { weight: 2, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      0.5,
      0.1,
      0.09,
      0.999999,
      1e-300,
      -1e-300,
      5e-324,
      2.2250738585072014e-308,
      1e308,
      -1e308,
      1.7976931348623157e308,
      Number.MAX_SAFE_INTEGER,
      2 ** 53 + 2,
      36000,
      45292,
      2958465,
      19970101,
      99991231,
      555,
      155
    ),
  },
  // Excel never sends these, but nothing may break on them either
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) }
);

const FULL_WIDTH_DIGITS = (text: string) =>
  text.replace(/[0-9.,%()-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A number written as text, in the ways people write numbers. */
export const textNumber: Arb<string> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true })
      ),
      fc.nat(13)
    )
    .map(([n, style]) => {
      const abs = Math.abs(n);
      const grouped = abs.toLocaleString("en-US", { maximumFractionDigits: 2 });
      const sign = n < 0 ? "-" : "";
      switch (style) {
        case 0:
          return String(n);
        case 1:
          return `${sign}${grouped}`;
        case 2:
          return `${sign}$${grouped}`;
        case 3:
          return `¥${sign}${grouped}`;
        case 4:
          return `(${grouped})`;
        case 5:
          return `${sign}${abs}%`;
        case 6:
          return `  ${n}\u00a0`;
        case 7:
          return FULL_WIDTH_DIGITS(`${sign}${abs}`);
        case 8:
          return n.toExponential();
        case 9:
          return `RMB ${grouped}`;
        case 10:
          return `${grouped}元`;
        case 11:
          return `NT$${grouped}`;
        case 12:
          return `(${sign}${grouped})`;
        default:
          return `\u3000${n.toFixed(2)}\u3000`;
      }
    }),
  fc.constantFrom(
    "(-5)",
    "(+5)",
    "1e-400",
    "-1e-400",
    "1e400",
    "1e-400%",
    "1,23",
    "--5",
    "-$-5",
    "0e-400",
    "-0",
    "1.7976931348623157e308",
    "2.2250738585072014e-308",
    "1e-310",
    "９%"
  )
);

/** Text that is not a number: words the functions know, dates, and anything at all. */
export const junkText: Arb<string> = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[{}]/g, "")),
  fc.constantFrom(
    "abc",
    "",
    " ",
    "   ",
    "\u3000",
    "\t",
    "median",
    "mean",
    "average",
    "p0",
    "p80",
    "p100",
    "p101",
    "p-5",
    "zh-CN",
    "zh-TW",
    "ZH-tw",
    "en",
    "fr",
    "day",
    "week",
    "month",
    "year",
    "value",
    "strategic",
    "frequency",
    "2024-01-31",
    "2024/1/31",
    "20240131",
    "2024年1月31日",
    "1/31/2024",
    "2024-02-30",
    "0001",
    "TRUE",
    "false",
    "NaN",
    "Infinity",
    "-Infinity",
    "undefined",
    "null",
    "x".repeat(300)
  )
);

export const errorText: Arb<string> = fc.constantFrom(...ERROR_TEXTS);

export const blank: Arb<unknown> = fc.constantFrom(null, "", undefined);

const ERROR_TYPES = [
  "Blocked",
  "Busy",
  "Calc",
  "Connect",
  "Div0",
  "External",
  "Field",
  "GettingData",
  "NotAvailable",
  "Name",
  "Null",
  "Num",
  "Placeholder",
  "Python",
  "Ref",
  "Spill",
  "Value",
  "SomethingNew",
];

const optionalKey = <T>(key: string, arb: Arb<T>) =>
  fc.option(arb, { nil: undefined }).map((v) => (v === undefined ? {} : { [key]: v }));

const properties = fc.constantFrom(
  {},
  { Revenue: { type: "Double", basicValue: 1200 } },
  {
    Name: { type: "String", basicValue: "Contoso" },
    Logo: { type: "WebImage", address: "https://example.com/logo.png" },
    Orders: { type: "Array", elements: [[{ type: "Double", basicValue: 3 }]] },
  }
);

/** Excel's data types (Excel.CellValue), holding the plain value `inner` where they hold one. */
export function dataTypeOf(inner: Arb<unknown>): Arb<unknown> {
  return fc.oneof(
    fc
      .tuple(inner, optionalKey("numberFormat", fc.constantFrom("0.00", "$#,##0.00", "0%")))
      .map(([value, format]) =>
        typeof value === "object" && value !== null
          ? value
          : typeof value === "number"
            ? { type: "Double", basicValue: value, basicType: "Double", ...format }
            : typeof value === "boolean"
              ? { type: "Boolean", basicValue: value, basicType: "Boolean" }
              : value === null || value === undefined || value === ""
                ? { type: "Empty", basicValue: "", basicType: "Empty" }
                : { type: "String", basicValue: String(value), basicType: "String" }
      ),
    fc
      .tuple(inner, fc.constantFrom("0.00", "$#,##0.00", "0%", "yyyy-mm-dd", "@", "0000"))
      .map(([value, numberFormat]) =>
        typeof value === "object" && value !== null
          ? value
          : typeof value === "number"
            ? { type: "FormattedNumber", basicValue: value, numberFormat }
            : { type: "String", basicValue: String(value ?? "") }
      ),
    inner.map((value) => ({
      type: "Reference",
      reference: 0,
      ...(value === undefined ? {} : { basicValue: value }),
    })),
    inner.map((value) => ({
      type: "NotAvailable",
      basicValue: value ?? "",
      basicType:
        typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String",
    }))
  );
}

/** Data types with no plain value of their own, or none this add-in knows. */
export const objectValue: Arb<unknown> = fc.oneof(
  fc
    .tuple(fc.option(fc.oneof(junkText, textNumber), { nil: undefined }), properties, fc.boolean())
    .map(([text, props, stand]) => ({
      type: "Entity",
      ...(text === undefined ? {} : { text }),
      properties: props,
      ...(stand ? { basicValue: "#VALUE!", basicType: "Error" } : {}),
    })),
  fc.constantFrom("Microsoft", "Seattle", "").map((text) => ({
    type: "LinkedEntity",
    text,
    id: { entityId: "x", domainId: "y", serviceId: 268, culture: "en-US" },
    basicValue: "#VALUE!",
    basicType: "Error",
  })),
  fc.constantFrom(undefined, "Logo").map((altText) => ({
    type: "WebImage",
    address: "https://example.com/logo.png",
    ...(altText ? { altText } : {}),
    basicValue: "#VALUE!",
    basicType: "Error",
  })),
  fc.constant({
    type: "Array",
    elements: [[{ type: "Double", basicValue: 1 }], [{ type: "String", basicValue: "a" }]],
    basicValue: "#VALUE!",
    basicType: "Error",
  }),
  fc.constant({
    type: "Function",
    functionType: "JavaScriptReference",
    namespace: "CV",
    id: "CLV",
  }),
  fc.constant({ type: "SomethingNew", basicValue: "#VALUE!", basicType: "Error" }),
  fc.constant({ type: "SomethingNew", basicValue: 7 }),
  fc.constant({ type: "SomethingNew" }),
  fc.constant({}),
  fc.constant({ answer: 42 }),
  fc.constant([]),
  fc.constant([[1]]),
  errorText.map((code) => ({ code, message: "stand-in for CustomFunctions.Error" }))
);

export const errorValue: Arb<unknown> = fc.oneof(
  errorText,
  fc
    .tuple(fc.constantFrom(...ERROR_TYPES), fc.option(errorText, { nil: undefined }))
    .map(([errorType, basicValue]) => ({
      type: "Error",
      errorType,
      ...(basicValue ? { basicValue, basicType: "Error" } : {}),
    }))
);

const plainCell: Arb<unknown> = fc.oneof(
  { weight: 5, arbitrary: excelNumber },
  { weight: 2, arbitrary: textNumber },
  { weight: 2, arbitrary: junkText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: blank },
  { weight: 1, arbitrary: errorText }
);

/** Any value a cell can hand over, plain or a data type. */
export const anyCell: Arb<unknown> = fc.oneof(
  { weight: 10, arbitrary: plainCell },
  { weight: 3, arbitrary: dataTypeOf(plainCell) },
  { weight: 2, arbitrary: objectValue },
  { weight: 1, arbitrary: errorValue }
);

/** A range rows x columns of `cell`. */
export function grid(cell: Arb<unknown>, rows: number, columns: number): Arb<unknown[][]> {
  return fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
    minLength: rows,
    maxLength: rows,
  });
}

/** A range of any shape up to 6 x 3 of any values. */
export const anyRange: Arb<unknown[][]> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, columns]) => grid(anyCell, rows, columns));

/** `plausible` most of the time, sometimes as a data type, sometimes anything at all. */
export function mostly(plausible: Arb<unknown>): Arb<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: plausible },
    { weight: 2, arbitrary: dataTypeOf(plausible) },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: anyCell }
  );
}

/** `plausible`, now and then as a data type that shows it: a clean cell. */
export function clean(plausible: Arb<unknown>): Arb<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: plausible },
    { weight: 1, arbitrary: dataTypeOf(plausible) }
  );
}

/**
 * A range of `plausible` cells: half the time clean, half the time with anything now and then
 * (most calls should get past the argument checks to the calculation).
 */
export function rangeLike(
  plausible: (row: number, column: number) => Arb<unknown>,
  rows: number,
  columns: number,
  only?: (arb: Arb<unknown>) => Arb<unknown>
): Arb<unknown[][]> {
  const build = (cell: (arb: Arb<unknown>) => Arb<unknown>) =>
    fc.tuple(
      ...Array.from({ length: rows }, (_, r) =>
        fc.tuple(...Array.from({ length: columns }, (_, c) => cell(plausible(r, c))))
      )
    );
  return only ? build(only) : fc.oneof(build(clean), build(mostly));
}

/**
 * A whole column (1,048,576 rows, as Excel hands B:B over) holding `values` from row 2 under
 * a text header, or from row 1 without one. Blank rows share one array: nothing writes to it.
 */
export function wholeColumn(values: readonly unknown[], header?: string): unknown[][] {
  const blankRow = [""];
  const column: unknown[][] = new Array(SHEET_ROWS).fill(blankRow);
  const start = header === undefined ? 0 : 1;
  if (header !== undefined) column[0] = [header];
  values.forEach((value, i) => (column[start + i] = [value]));
  return column;
}

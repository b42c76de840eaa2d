import { CellObject, classifyCell, optionalNumber, parseNumberText } from "../../src/engine";
import { ruleOf } from "./support";

describe("reading numbers written as text", () => {
  test.each([
    ["1,234.50", 1234.5],
    ["¥2,000", 2000],
    ["￥2,000", 2000],
    [" 12 ", 12],
    ["$-5", -5],
    ["-$5", -5],
    ["(1,234)", -1234],
    ["12.5%", 0.125],
    ["9%", 0.09],
    ["１２３．５", 123.5],
    ["1e3", 1000],
    ["RMB 88", 88],
    ["88元", 88],
    ["NT$1,000", 1000],
    ["\u00a042\u3000", 42],
    ["0e-400", 0],
    ["-0", 0],
    ["2.2250738585072014e-308", 2.2250738585072014e-308],
    ["1.7976931348623157e308", 1.7976931348623157e308],
  ])("%j reads as %d", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  test.each([
    "abc",
    "1,23",
    "12-3",
    "",
    "1.2.3",
    "--5",
    "$",
    // brackets are the sign: a second sign inside is no reading anyone means
    "(-5)",
    "(+5)",
    "($-5)",
    "（－５）",
    "-$-5",
    // beyond what a double holds: not infinity, and not 0 either
    "1e400",
    "1e-400",
    "-1e-400",
    "1e-400%",
    "1e-310",
  ])("%j is not a number", (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});

describe("classifying cells", () => {
  test("numbers, blanks, text, booleans and errors", () => {
    expect(classifyCell(5)).toEqual({ kind: "number", value: 5 });
    expect(classifyCell("")).toEqual({ kind: "blank" });
    expect(classifyCell(null)).toEqual({ kind: "blank" });
    expect(classifyCell("  ")).toEqual({ kind: "blank" });
    expect(classifyCell("abc")).toEqual({ kind: "text", text: "abc" });
    expect(classifyCell(true)).toEqual({ kind: "boolean", value: true });
    expect(classifyCell("#DIV/0!")).toEqual({ kind: "error", text: "#DIV/0!" });
  });

  test("an image or an entity is an object with nothing to calculate with, never its String()", () => {
    expect(classifyCell(new CellObject("entity", "Contoso"))).toEqual({
      kind: "object",
      what: "entity",
      name: "Contoso",
    });
    expect(classifyCell(new CellObject("image"))).toEqual({ kind: "object", what: "image" });
    // Excel's data types are read by the custom functions (src/functions/dataTypes.ts); one
    // reaching the engine unread is at least never "[object Object]"
    expect(classifyCell({ type: "Double", basicValue: 1 })).toEqual({
      kind: "object",
      what: "dataType",
    });
    expect(String(new CellObject("entity", "Contoso"))).toBe("Contoso");
  });

  test("a wrong cell names the argument and its position", () => {
    expect(ruleOf(() => optionalNumber("abc", "rate"))).toBe("value:notNumber:rate");
    expect(ruleOf(() => optionalNumber("abc", "values", { row: 7 }))).toBe("value:cellText:values");
    expect(ruleOf(() => optionalNumber(true, "values", { row: 2 }))).toBe(
      "value:cellBoolean:values"
    );
    expect(ruleOf(() => optionalNumber("#N/A", "values", { row: 2 }))).toBe(
      "value:cellError:values"
    );
    expect(optionalNumber("", "rate")).toBeUndefined();
  });
});

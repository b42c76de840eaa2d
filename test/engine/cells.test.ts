import { classifyCell, optionalNumber, parseNumberText } from "../../src/engine";
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
  ])("%j reads as %d", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  test.each(["abc", "1,23", "12-3", "", "1.2.3", "--5", "$"])("%j is not a number", (text) => {
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
    expect(classifyCell({ type: "Error", basicValue: "#N/A" })).toEqual({
      kind: "error",
      text: "#N/A",
    });
    expect(classifyCell({ type: "FormattedNumber", basicValue: 12.5 })).toEqual({
      kind: "number",
      value: 12.5,
    });
    expect(classifyCell({ type: "Entity", text: "Contoso" })).toEqual({
      kind: "text",
      text: "Contoso",
    });
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

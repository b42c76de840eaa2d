import { cellText } from "../../src/preview/cellText";

test("the add-in's number formats show as a spreadsheet shows them", () => {
  expect(cellText(0.734, "0.0%")).toBe("73.4%");
  expect(cellText(1234567.891, "#,##0.00")).toBe("1,234,567.89");
  expect(cellText(41.6, "0")).toBe("42");
  expect(cellText(45000, "yyyy-mm-dd")).toBe("2023-03-15");
  expect(cellText(45000.4375, "yyyy-mm-dd hh:mm")).toBe("2023-03-15 10:30");
});

test("General shows whole numbers as they are and others to 11 significant digits", () => {
  expect(cellText(251, undefined)).toBe("251");
  expect(cellText(0.1 + 0.2, "General")).toBe("0.3");
  expect(cellText(-12.5, undefined)).toBe("-12.5");
});

test("text, booleans and empty cells", () => {
  expect(cellText("=1+2", "0.0%")).toBe("=1+2");
  expect(cellText(true, undefined)).toBe("TRUE");
  expect(cellText(null, "0")).toBe("");
});

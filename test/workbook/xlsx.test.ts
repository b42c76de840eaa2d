import { strFromU8, unzipSync } from "fflate";
import readXlsxFile from "read-excel-file/node";
import { PALETTE } from "../../src/engine/palette";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory";
import { readCustomProperties } from "../../src/workbook/xlsx/properties";
import { workbookToXlsx } from "../../src/workbook/xlsx/write";
import { segmentWith } from "./support";

/** A small customer table with a name that looks like a formula, segmented by value matrix. */
async function segmentedWorkbook() {
  const workbook = MemoryWorkbook.withTable("Customers", [
    ["Customer", "Current value", "Growth potential"],
    ['=HYPERLINK("x")', 900, 80],
    ["Beta", 800, 10],
    ["Gamma", 100, 90],
    ["Delta", 50, 5],
  ]);
  await segmentWith(new MemoryWorkbookPort(workbook), "value");
  return workbook;
}

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

test("the tier colours are one conditional-format rule per tier, with the tier's fill and text", async () => {
  const files = parts(await workbookToXlsx(await segmentedWorkbook()));
  const sheet = files["xl/worksheets/sheet1.xml"];
  const rules = [
    ...sheet.matchAll(
      /<cfRule [^>]*type="cellIs"[^>]*operator="equal"[^>]*>\s*<formula>([^<]*)<\/formula>/g
    ),
  ];
  expect(rules.map((m) => m[1]).sort()).toEqual(['"Gold"', '"Iron"', '"Lead"', '"Silver"']);
  expect(sheet).toMatch(/<conditionalFormatting sqref="D2:D5">/);
  const styles = files["xl/styles.xml"];
  expect(styles).toContain(`rgb="FF${PALETTE.gold.fill.slice(1)}"`);
  expect(styles).toContain(`rgb="FF${PALETTE.iron.text.slice(1)}"`);
});

test("the summary sheet carries a native column chart over its tier counts", async () => {
  const files = parts(await workbookToXlsx(await segmentedWorkbook()));
  const chart = files["xl/charts/chart1.xml"];
  expect(chart).toContain("<c:barChart>");
  expect(chart).toContain("<c:f>'Customer segments'!$A$");
  for (const tier of ["Gold", "Silver", "Iron", "Lead"])
    expect(chart).toContain(`<c:v>${tier}</c:v>`);
  const drawing = Object.entries(files).find(
    ([name, text]) => name.startsWith("xl/drawings/drawing") && text.includes("<c:chart")
  );
  expect(drawing).toBeDefined();
  expect(files["[Content_Types].xml"]).toContain('PartName="/xl/charts/chart1.xml"');
});

test("values come back as written: text stays text, numbers stay numbers", async () => {
  const bytes = await workbookToXlsx(await segmentedWorkbook());
  const sheets = await readXlsxFile(Buffer.from(bytes));
  const customers = sheets.find((s) => s.sheet === "Customers")?.data ?? [];
  expect(customers[1]).toEqual(['=HYPERLINK("x")', 900, 80, "Gold"]);
  expect(customers.slice(1).map((row) => row[3])).toEqual(["Gold", "Silver", "Iron", "Lead"]);
  expect(sheets.map((s) => s.sheet)).toEqual(["Customers", "Customer segments"]);
  // no formula anywhere: the name that looks like one is a string cell
  expect(parts(bytes)["xl/worksheets/sheet1.xml"]).not.toContain("<f>");
});

test("the segmentation records travel in the custom document properties", async () => {
  const workbook = await segmentedWorkbook();
  expect(workbook.properties.size).toBeGreaterThan(0);
  const bytes = await workbookToXlsx(workbook);
  expect(readCustomProperties(bytes)).toEqual(workbook.properties);
  const files = parts(bytes);
  expect(files["_rels/.rels"]).toContain('Target="docProps/custom.xml"');
  expect(files["[Content_Types].xml"]).toContain('PartName="/docProps/custom.xml"');
});

import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { PALETTE } from "../../src/engine/palette";
import { cdnowSample, readData } from "../support/data";
import { LABELS, type Quadrant, sampleQuadrants } from "./expected";
import {
  type Preview,
  RESULTS,
  axeViolations,
  cellColours,
  cellText,
  libreOfficeSheets,
  openPage,
  rgb,
  screenshotPath,
  startPreview,
} from "./support";

let preview: Preview;
const expected = sampleQuadrants();
const QUADRANTS: Quadrant[] = ["gold", "silver", "iron", "lead"];

beforeAll(async () => {
  preview = await startPreview();
});
afterAll(async () => {
  await preview?.close();
});

/**
 * The tier column is G, right of the sample's six columns; wait until it is written and its
 * colour rules are drawn (the rules come after the values, in a later step of the write).
 */
async function tierColumnWritten(page: Page) {
  await page.locator('[data-address="G2"]').filter({ hasText: /\S/ }).waitFor();
  await page.waitForFunction(() => {
    const cell = document.querySelector('[data-address="G2"]');
    return cell !== null && getComputedStyle(cell).backgroundColor !== "rgba(0, 0, 0, 0)";
  });
}

/** Every cell drawn on the sheet in view, as rows of text (the summary sheet fits in view). */
async function shownRows(page: Page): Promise<string[][]> {
  return page
    .locator("[role=grid] [role=row]")
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll("[role=gridcell]")).map((cell) => cell.textContent ?? "")
      )
    );
}

async function checkTierColumn(page: Page, locale: "en-US" | "zh-CN") {
  for (let row = 2; row <= 20; row++) {
    const tier = expected.tiers[row - 2];
    expect(await cellText(page, `G${row}`)).toBe(LABELS[locale][tier]);
    expect(await cellColours(page, `G${row}`)).toEqual({
      background: rgb(PALETTE[tier].fill),
      color: rgb(PALETTE[tier].text),
    });
  }
}

async function checkSummary(page: Page, locale: "en-US" | "zh-CN", sheetName: string) {
  await page.getByRole("tab", { name: sheetName }).click();
  const rows = await shownRows(page);
  for (const tier of QUADRANTS) {
    const row = rows.find((cells) => cells[0] === LABELS[locale][tier]);
    expect(row?.[1]).toBe(String(expected.counts[tier]));
  }
  // the legend: each tier cell in its tier's colours
  const legend = page.locator("[role=gridcell]", { hasText: LABELS[locale].gold }).first();
  const background = await legend.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(background).toBe(rgb(PALETTE.gold.fill));
  // the chart, drawn from the same cells
  const chart = page.getByRole("img", {
    name: new RegExp(`${LABELS[locale].gold} ${expected.counts.gold}`),
  });
  await chart.waitFor();
  await expect(chart.count()).resolves.toBe(1);
}

test("en-US: one click writes the coloured tier column, the legend, the summary and its chart", async () => {
  const { page, problems } = await openPage(preview, "?lang=en-US");
  await page.getByRole("button", { name: "Segment customers" }).click();
  await tierColumnWritten(page);
  expect(await cellText(page, "G1")).toMatch(/^Value matrix/);
  await checkTierColumn(page, "en-US");
  await page.screenshot({ path: screenshotPath("preview-en-US") });
  await checkSummary(page, "en-US", "Customer segments");
  await page.screenshot({ path: screenshotPath("preview-en-US-summary") });
  expect(problems).toEqual([]);
});

test("zh-CN: 细分客户 writes Chinese tier names and the 客户细分 sheet", async () => {
  const { page, problems } = await openPage(preview, "?lang=zh-CN");
  await page.getByRole("button", { name: "细分客户" }).click();
  await tierColumnWritten(page);
  await checkTierColumn(page, "zh-CN");
  await page.screenshot({ path: screenshotPath("preview-zh-CN") });
  await checkSummary(page, "zh-CN", "客户细分");
  expect(problems).toEqual([]);
});

test("zh-TW: the button reads 細分客戶", async () => {
  const { page, problems } = await openPage(preview, "?lang=zh-TW");
  const button = page.getByRole("button", { name: "細分客戶" });
  await button.waitFor();
  await expect(button.count()).resolves.toBe(1);
  expect(problems).toEqual([]);
});

test("keyboard only: Tab to Segment customers, Enter, then move the selection with arrows", async () => {
  const { page, problems } = await openPage(preview, "?lang=en-US");
  await page.getByRole("button", { name: "Segment customers" }).waitFor();
  let reached = false;
  for (let presses = 0; presses < 80 && !reached; presses++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(
      () => document.activeElement?.textContent?.trim() === "Segment customers"
    );
  }
  expect(reached).toBe(true);
  await page.keyboard.press("Enter");
  await tierColumnWritten(page);
  await checkTierColumn(page, "en-US");
  // the grid takes focus from the keyboard too: arrows move, Shift+arrows extend
  const grid = page.getByRole("grid");
  await grid.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(grid.getAttribute("data-selection")).resolves.toBe("B2:B3");
  expect(problems).toEqual([]);
});

test.each(["light", "dark"])(
  "axe-core finds no serious or critical violations (%s theme)",
  async (theme) => {
    const { page, problems } = await openPage(preview, `?lang=en-US&theme=${theme}`);
    await page.getByRole("button", { name: "Segment customers" }).click();
    await tierColumnWritten(page);
    await page.screenshot({ path: screenshotPath(`preview-${theme}`) });
    expect(await axeViolations(page, ["serious", "critical"])).toEqual([]);
    // the summary sheet too, with its legend and chart
    await page.getByRole("tab", { name: "Customer segments" }).click();
    expect(await axeViolations(page, ["serious", "critical"])).toEqual([]);
    expect(problems).toEqual([]);
  }
);

test("Download workbook gives an .xlsx LibreOffice reads; opened again, its segmentation can be removed", async () => {
  const { page, problems } = await openPage(preview, "?lang=en-US");
  await page.getByRole("button", { name: "Segment customers" }).click();
  await tierColumnWritten(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download workbook" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = path.join(RESULTS, "preview-download.xlsx");
  await download.saveAs(file);

  const sheets = libreOfficeSheets(file);
  const customers = sheets.get("Customers");
  expect(customers?.[0][6]).toMatch(/^Value matrix/);
  expect(customers?.slice(1).map((row) => row[6])).toEqual(
    expected.tiers.map((tier) => LABELS["en-US"][tier])
  );
  const summary = sheets.get("Customer segments") ?? [];
  for (const tier of QUADRANTS) {
    const row = summary.find((cells) => cells[0] === LABELS["en-US"][tier]);
    expect(row?.[1]).toBe(String(expected.counts[tier]));
  }

  // our own reader opens the file again, tiers and all
  await page.locator("input[type=file]").setInputFiles(file);
  await page.getByText("Opened preview-download.xlsx").waitFor();
  await expect(page.getByRole("tab").allInnerTexts()).resolves.toEqual([
    "Customers",
    "Customer segments",
  ]);
  expect(await cellText(page, "G2")).toBe(LABELS["en-US"][expected.tiers[0]]);
  // the records came along: the pane knows the segmentation and can take it away again
  await page.getByText("Using the settings of the last segmentation of this table").waitFor();
  await page.getByRole("button", { name: "Remove segmentation" }).click();
  await page.getByText("The segmentation was removed.").waitFor();
  expect(await cellText(page, "G2")).toBe("");
  expect(await cellText(page, "F2")).toBe("11.77");
  await expect(page.getByRole("tab").allInnerTexts()).resolves.toEqual(["Customers"]);
  expect(problems).toEqual([]);
});

test("a messy CSV of invoices loads and segments by RFM into a new customers sheet", async () => {
  const { page, problems } = await openPage(preview, "?lang=en-US");
  await page.locator("input[type=file]").setInputFiles({
    name: "online_retail_sample.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(readData("online_retail_sample.csv")),
  });
  await page.getByText("Opened online_retail_sample.csv").waitFor();
  expect(await cellText(page, "A1")).toBe("InvoiceNo");
  await page.getByRole("button", { name: "Segment customers" }).click();
  await page.getByRole("tab", { name: "RFM customers" }).waitFor();
  await expect(page.getByRole("tab").allInnerTexts()).resolves.toEqual([
    "online_retail_sample",
    "RFM customers",
    "Customer segments",
  ]);
  expect(problems).toEqual([]);
});

test("an old .xls file gets a clear message, and nothing else changes", async () => {
  const { page, problems } = await openPage(preview, "?lang=en-US");
  await page.getByRole("button", { name: "Segment customers" }).waitFor();
  const xls = path.join(RESULTS, "old.xls");
  fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
  await page.locator("input[type=file]").setInputFiles(xls);
  await page
    .getByRole("alert")
    .getByText(/\.xls\) cannot be read/)
    .waitFor();
  expect(await cellText(page, "A2")).toBe("C00001");
  expect(problems).toEqual([]);
});

test("Predict on CDNOW transactions: the fit charts, then the customer predictions sheet", async () => {
  const { page, problems } = await openPage(preview, "?lang=en-US");
  const csv = path.join(RESULTS, "cdnow-transactions.csv");
  const lines = cdnowSample().map((t) => `${t.id},${t.date},${t.dollars}`);
  fs.writeFileSync(csv, ["Customer,Date,Amount", ...lines].join("\n"));
  await page.locator("input[type=file]").setInputFiles(csv);
  await page.getByText("Opened cdnow-transactions.csv").waitFor();
  await page.getByRole("radio", { name: /^Predict \(BG\/NBD\)/ }).check();
  await page.getByRole("textbox", { name: /Check the forecast from/ }).fill("1997-09-30");
  await page.getByRole("table", { name: /^Purchases per customer after 1997-09-30/ }).waitFor({
    state: "attached",
  });
  await page.screenshot({ path: screenshotPath("preview-predict-fit") });
  await page.getByRole("button", { name: "Segment customers" }).click();
  await page.getByRole("tab", { name: "Customer predictions" }).click();
  // customer 0001 bought on 1997-01-01, 01-18, 08-02 and 12-12: 3 repeat purchases, the last
  // 345 days = 49.29 weeks after the first
  expect(await cellText(page, "A2")).toBe("0001");
  expect(await cellText(page, "B2")).toBe("3");
  expect(await cellText(page, "C2")).toBe("49.29");
  expect(["VIP", "Major", "Regular", "Small"]).toContain(await cellText(page, "J2"));
  await page.screenshot({ path: screenshotPath("preview-predict") });
  expect(problems).toEqual([]);
});

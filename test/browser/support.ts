import { execFileSync } from "child_process";
import fs from "fs";
import type { AddressInfo } from "net";
import Papa from "papaparse";
import path from "path";
import { type Browser, type Page, chromium } from "playwright-core";

/* eslint-disable @typescript-eslint/no-require-imports -- the CommonJS server script */
const { servePreview } = require("../../scripts/preview-server") as {
  servePreview: (root: string, port: number) => Promise<import("http").Server>;
};

export const ROOT = path.resolve(__dirname, "../..");
export const RESULTS = path.join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Preview {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves the built preview on a free port and starts headless Chromium. */
export async function startPreview(): Promise<Preview> {
  const dist = path.join(ROOT, "dist-preview");
  if (!fs.existsSync(path.join(dist, "index.html")))
    throw new Error("dist-preview is missing: run `npm run build` first.");
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (see .ci/run).`);
  fs.mkdirSync(RESULTS, { recursive: true });
  const server = await servePreview(dist, 0);
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    url: `http://localhost:${port}/`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What a page did that it must not: errors, and requests to any host but localhost. */
export interface Watched {
  page: Page;
  problems: string[];
}

export async function openPage(preview: Preview, query: string): Promise<Watched> {
  const context = await preview.browser.newContext({
    viewport: { width: 1400, height: 860 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (["blob:", "data:"].includes(url.protocol)) return;
    if (url.hostname !== "localhost") problems.push(`request to ${request.url()}`);
  });
  await page.goto(`${preview.url}${query}`);
  return { page, problems };
}

/**
 * What axe-core finds wrong on the page, of the given impacts, one line per rule. Fluent's
 * focus manager (Tabster) adds focusable aria-hidden sentinels that pass focus on; they are
 * never reached as content, and axe cannot tell them from real controls.
 */
export async function axeViolations(page: Page, impacts: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async (wanted) => {
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return results.violations
      .filter((v) => wanted.includes(v.impact ?? ""))
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`);
  }, impacts);
}

interface AxeResults {
  violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
}

export function screenshotPath(name: string): string {
  return path.join(RESULTS, `${name}.png`);
}

/** The text a grid cell shows, by A1 address, on the sheet in view. */
export async function cellText(page: Page, address: string): Promise<string> {
  return (await page.locator(`[data-address="${address}"]`).textContent()) ?? "";
}

export async function cellColours(
  page: Page,
  address: string
): Promise<{ background: string; color: string }> {
  return page.locator(`[data-address="${address}"]`).evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, color: style.color };
  });
}

/** "#F2C744" as the browser reports it: "rgb(242, 199, 68)". */
export function rgb(hex: string): string {
  const value = hex.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * Every sheet of a workbook as CSV, converted by LibreOffice headless: a second spreadsheet
 * program reading what we wrote. Returns sheet name -> rows.
 */
export function libreOfficeSheets(xlsx: string): Map<string, string[][]> {
  const out = fs.mkdtempSync(path.join(RESULTS, "lo-"));
  // filter options: comma, double quote, UTF-8, first line 1, ..., all sheets (-1)
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${out}/profile`,
      "--headless",
      "--convert-to",
      filter,
      "--outdir",
      out,
      xlsx,
    ],
    { stdio: "pipe", timeout: 150_000 }
  );
  const base = path.basename(xlsx, ".xlsx");
  const sheets = new Map<string, string[][]>();
  for (const file of fs.readdirSync(out)) {
    if (!file.startsWith(`${base}-`) || !file.endsWith(".csv")) continue;
    const text = fs.readFileSync(path.join(out, file), "utf8");
    sheets.set(file.slice(base.length + 1, -4), parseCsv(text));
  }
  return sheets;
}

function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/**
 * The help site as a reader meets it: the static pages the build writes under help/, opened in
 * Chromium from the preview's server (they need no Office.js), in every language and in the
 * light and dark schemes, checked by axe-core.
 */
import type { Page } from "playwright-core";
import { type Preview, axeViolations, screenshotPath, startPreview } from "./support";

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
});
afterAll(async () => preview?.close());

const LOCALES = [
  ["en-US", "All functions", "How it works"],
  ["zh-CN", "全部函数", "计算方法"],
  ["zh-TW", "所有函數", "計算方式"],
] as const;

async function open(url: string, colorScheme: "light" | "dark") {
  const context = await preview.browser.newContext({
    viewport: { width: 900, height: 900 },
    colorScheme,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (new URL(request.url()).hostname !== "localhost") problems.push(request.url());
  });
  const response = await page.goto(`${preview.url}${url}`);
  expect(response?.status()).toBe(200);
  return { page, problems };
}

/** Every rule axe-core knows, whatever its impact: these pages are plain HTML we write. */
const allViolations = (page: Page) =>
  axeViolations(page, ["minor", "moderate", "serious", "critical"]);

describe.each(LOCALES)("the help site in %s", (locale, allFunctions, howItWorks) => {
  test.each(["light", "dark"] as const)(
    "the index lists every function, leads to its page and back, with no axe finding (%s)",
    async (scheme) => {
      const { page, problems } = await open(`help/${locale}/index.html`, scheme);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(locale);
      await expect(page.locator("dl.functions dt a").count()).resolves.toBe(22);
      expect(await allViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "CV.RFMSCORE" }).click();
      await page.getByRole("heading", { level: 1, name: "CV.RFMSCORE" }).waitFor();
      await page.getByRole("heading", { name: howItWorks }).waitFor();
      await page.screenshot({ path: screenshotPath(`help-${locale}-${scheme}`), fullPage: true });
      expect(await allViolations(page)).toEqual([]);
      await page.getByRole("link", { name: allFunctions }).click();
      await page.waitForURL(`**/help/${locale}/index.html`);
      expect(problems).toEqual([]);
    }
  );
});

test("a function page links to the same function in the other languages", async () => {
  const { page, problems } = await open("help/en-US/quadrant.html", "light");
  await page.getByRole("link", { name: "繁體中文" }).click();
  await page.waitForURL("**/help/zh-TW/quadrant.html");
  await page.getByRole("heading", { level: 1, name: "CV.QUADRANT" }).waitFor();
  await expect(page.getByRole("link", { name: "English" }).getAttribute("href")).resolves.toBe(
    "../en-US/quadrant.html"
  );
  expect(problems).toEqual([]);
});

test("the pane's Help link opens the help site in the pane's language", async () => {
  const context = await preview.browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(`${preview.url}?lang=zh-CN`);
  const [help] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: /^帮助/ }).click(),
  ]);
  await help.waitForLoadState();
  expect(new URL(help.url()).pathname).toBe("/help/zh-CN/index.html");
  await help
    .getByRole("heading", { level: 1, name: "Customer Value for Excel：函数帮助" })
    .waitFor();
});

test("an empty cell offers the sample data, which lands on a new sheet ready to segment", async () => {
  const context = await preview.browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(`${preview.url}?lang=en-US`);
  await page.locator('[data-address="J3"]').click();
  await page.getByRole("button", { name: "Use selection" }).click();
  await page.getByRole("button", { name: "Insert sample data" }).click();
  await page.getByRole("tab", { name: "Sample customers" }).waitFor();
  await page.screenshot({ path: screenshotPath("preview-sample-inserted") });
  await page.getByRole("button", { name: "Segment customers" }).click();
  await page.getByRole("tab", { name: "Customer segments" }).waitFor();
});

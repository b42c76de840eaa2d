/**
 * A production build for a real server (`ADDIN_URL=... npm run build`), as an administrator
 * makes it: the manifest names no development address, is valid against the manifest XSDs,
 * and every address in it and every function's helpUrl is a file the build wrote.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { manifestErrors, metadataErrors } from "../support/schemas";

const root = path.resolve(__dirname, "..", "..");
const site = "https://addins.example.org/cv/";
const out = fs.mkdtempSync(path.join(os.tmpdir(), "cv-production-"));

beforeAll(() => {
  const build = spawnSync(
    process.execPath,
    [
      require.resolve("webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--config-name",
      "addin",
      "--output-path",
      out,
    ],
    { cwd: root, env: { ...process.env, ADDIN_URL: site }, encoding: "utf8" }
  );
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
/** The file of the build an address of the deployment points at ("" for none). */
const fileAt = (url: string) => (url.startsWith(site) ? url.slice(site.length) : "");

test("the deployed manifest names no development address and is valid", async () => {
  const manifest = read("manifest.xml");
  expect(manifest).not.toMatch(/localhost|127\.0\.0\.1/i);
  expect(manifest).toContain("<AppDomain>https://addins.example.org</AppDomain>");
  expect(await manifestErrors(manifest)).toEqual([]);
});

test("every address in the deployed manifest is a file of the build", () => {
  const urls = [...read("manifest.xml").matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(10);
  const missing = urls.filter((url) => !fs.existsSync(path.join(out, fileAt(url)) || "/nope"));
  expect(urls.filter((url) => !fileAt(url))).toEqual([]);
  expect(missing).toEqual([]);
  for (const locale of ["en-US", "zh-CN", "zh-TW"]) {
    expect(urls).toContain(`${site}help/${locale}/index.html`);
  }
});

test.each([
  ["functions.json", "en-US"],
  ["functions.zh-CN.json", "zh-CN"],
  ["functions.zh-TW.json", "zh-TW"],
])("every function of %s has help in %s, at a page the build wrote", (file, locale) => {
  const metadata = JSON.parse(read(file));
  expect(metadataErrors(metadata)).toEqual([]);
  for (const fn of metadata.functions as { id: string; name: string; helpUrl: string }[]) {
    expect(fn.helpUrl).toBe(`${site}help/${locale}/${fn.id.toLowerCase()}.html`);
    const page = read(fileAt(fn.helpUrl));
    // (production builds minify HTML: attribute quotes may go)
    expect(page).toMatch(new RegExp(`<html lang="?${locale}"?>`));
    expect(page).toContain(`<h1>CV.${fn.name}</h1>`);
  }
});

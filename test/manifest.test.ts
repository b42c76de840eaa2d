import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../scripts/manifest-check.js");

const root = path.resolve(__dirname, "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  test("passes the offline structure checks, and every URL of ours is a file the build produced", () => {
    expect(checkManifest(manifest, { dist: path.join(root, "dist") })).toEqual([]);
  });

  test("Support and Get Started's Learn more open the help site in the user's language", () => {
    const doc = new JSDOM(manifest, { contentType: "text/xml" }).window.document;
    const learnMore = doc.getElementsByTagName("LearnMoreUrl")[0].getAttribute("resid");
    const pages = (element: Element | undefined) => ({
      default: element?.getAttribute("DefaultValue"),
      ...Object.fromEntries(
        Array.from(element?.children ?? []).map((o) => [
          o.getAttribute("Locale"),
          o.getAttribute("Value"),
        ])
      ),
    });
    const help = (locale: string) => `https://localhost:3000/help/${locale}/index.html`;
    const expected = { default: help("en-US"), "zh-CN": help("zh-CN"), "zh-TW": help("zh-TW") };
    expect(pages(doc.getElementsByTagName("SupportUrl")[0])).toEqual(expected);
    expect(
      pages(
        Array.from(doc.getElementsByTagName("bt:Url")).find(
          (url) => url.getAttribute("id") === learnMore
        )
      )
    ).toEqual(expected);
  });

  test("the production build carries the manifest with every dev URL replaced", () => {
    const built = fs.readFileSync(path.join(root, "dist", "manifest.xml"), "utf8");
    const count = (text: string) => text.split("https://localhost:3000/").length - 1;
    expect(count(manifest)).toBeGreaterThan(5);
    expect(count(built)).toBe(process.env.ADDIN_URL ? 0 : count(manifest));
  });

  test("catches what the online validator would: undefined resids, long ids, http, a split runtime, missing locales", () => {
    const broken = manifest
      .replace('resid="Group.Label"', 'resid="Group.Missing"')
      .replaceAll('"TaskpaneButton.Tooltip"', '"TaskpaneButton.Tooltip.Far.Too.Long.Id"')
      .replace(
        '<FunctionFile resid="Taskpane.Url"/>',
        '<FunctionFile resid="Functions.Script.Url"/>'
      )
      .replace("https://localhost:3000/functions.js", "http://localhost:3000/functions.js")
      .replace(
        '<bt:Override Locale="zh-TW" Value="https://localhost:3000/functions.zh-TW.json"/>',
        ""
      )
      .replace(
        '<Override Locale="zh-CN" Value="https://localhost:3000/help/zh-CN/index.html"/>',
        ""
      );
    const problems: string[] = checkManifest(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        '<Label resid="Group.Missing"> refers to an undefined resource',
        "resource id TaskpaneButton.Tooltip.Far.Too.Long.Id is longer than 32 characters",
        expect.stringContaining("must share one resid"),
        "http://localhost:3000/functions.js is not https",
        "<bt:Url Functions.Metadata.Url> has no zh-TW override",
        "<SupportUrl> has no zh-CN override",
      ])
    );
  });
});

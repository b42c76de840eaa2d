import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../scripts/manifest-check.js");

const root = path.resolve(__dirname, "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  test("passes the offline structure checks, and every URL of ours is a file the build produced", () => {
    expect(checkManifest(manifest, { dist: path.join(root, "dist") })).toEqual([]);
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
      );
    const problems: string[] = checkManifest(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        '<Label resid="Group.Missing"> refers to an undefined resource',
        "resource id TaskpaneButton.Tooltip.Far.Too.Long.Id is longer than 32 characters",
        expect.stringContaining("must share one resid"),
        "http://localhost:3000/functions.js is not https",
        "<bt:Url Functions.Metadata.Url> has no zh-TW override",
      ])
    );
  });
});

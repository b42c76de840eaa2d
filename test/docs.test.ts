/** The README's function reference is generated from the help sources (`npm run docs`). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");

test("the README's function reference is what the help sources say (run `npm run docs`)", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  expect(readme).toContain("#### `CV.PREDICTEDCLV(");
  // prettier formats the README and needs real ES modules, so the check runs in plain Node
  const check = spawnSync(process.execPath, ["scripts/docs.js", "--check"], {
    cwd: root,
    encoding: "utf8",
  });
  expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: "" });
});

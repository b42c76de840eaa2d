/* `npm run validate`: the offline structure checks, then Microsoft's online validator when
 * the machine can reach it. */
const fs = require("fs");
const path = require("path");
const { execSync } = require("child_process");
const { checkManifest } = require("./manifest-check");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const problems = checkManifest(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"), {
  dist: fs.existsSync(dist) ? dist : undefined,
});
if (problems.length > 0) {
  console.error(`manifest.xml has ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("manifest.xml passes the offline checks.");
try {
  execSync("npx office-addin-manifest validate manifest.xml", {
    cwd: root,
    stdio: "inherit",
    timeout: 60_000,
  });
} catch {
  console.warn(
    "The online validator could not be run here (it needs Microsoft's service); the offline checks passed."
  );
}

/* `npm run preview`: builds the browser preview and serves it at http://localhost:$PORT
 * (default 3001). `--build-only` builds without serving (used by `npm test`). */
const path = require("path");
const { spawnSync } = require("child_process");
const { servePreview } = require("./preview-server");

const windows = process.platform === "win32";
const built = spawnSync(
  "npx",
  ["webpack", "--mode", "production", "--env", "preview", "--no-stats"],
  { stdio: "inherit", shell: windows }
);
if (built.status !== 0) process.exit(built.status ?? 1);
if (process.argv.includes("--build-only")) process.exit(0);

const port = Number(process.env.PORT || 3001);
servePreview(path.resolve(__dirname, "../dist-preview"), port).then(
  () =>
    console.log(`Preview at http://localhost:${port}/  (?lang=zh-CN, ?theme=dark; Ctrl+C stops)`),
  (error) => {
    console.error(`Cannot serve on port ${port}: ${error.message}`);
    process.exit(1);
  }
);

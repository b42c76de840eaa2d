/* `npm start`: build, serve and sideload the add-in. On Windows and macOS office-addin-debugging
 * starts the dev server and opens Excel with the add-in; elsewhere Excel desktop does not
 * exist, so the dev server starts and Excel on the web can load the manifest. */
const { spawnSync } = require("child_process");

const windows = process.platform === "win32";
const run = (command, args) =>
  spawnSync(command, args, { stdio: "inherit", shell: windows }).status ?? 1;

if (windows || process.platform === "darwin") {
  const target = process.argv[2] ?? "desktop";
  process.exit(run("npx", ["office-addin-debugging", "start", "manifest.xml", target]));
}

console.log(`
Excel desktop does not run on ${process.platform}; serving the add-in at https://localhost:3000 for
Excel on the web. In a browser:
  1. open https://localhost:3000/taskpane.html once and accept the certificate if asked;
  2. open a workbook at https://excel.cloud.microsoft (or office.com), then
     Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose manifest.xml;
  3. type =CV. in a cell, or click "Segment customers" on the Home tab.
Press Ctrl+C to stop.
`);
process.exit(run("npx", ["webpack", "serve", "--mode", "development", "--config-name", "addin"]));

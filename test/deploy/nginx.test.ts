/**
 * The example nginx site (deploy/nginx) serves the production build the way Office needs it:
 * HTTPS, CORS on the function metadata, exact content types, and caching Office allows.
 * Debian's nginx serves dist/ (run `npm run build` first; `npm test` does) on loopback ports.
 */
import * as fs from "fs";
import * as path from "path";
import { gunzipSync } from "zlib";
import { Site, dist, filesUnder, siteName, sitePath, startSite } from "./nginx";

/** What each kind of file in dist/ must be served as. */
const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};
const images = new Set([".png", ".svg", ".ico"]);

const excelOnTheWeb = "https://excel.officeapps.live.com";
const metadataFiles = ["functions.json", "functions.zh-CN.json", "functions.zh-TW.json"];
const distFiles = filesUnder(dist);
const helpDir = path.join(dist, "help");
const helpIndexes = filesUnder(helpDir).filter(
  (file) => path.posix.basename(file) === "index.html"
);

const bytesOf = (file: string) => fs.readFileSync(path.join(dist, file));

let site: Site | undefined;

beforeAll(async () => {
  site = await startSite();
}, 60_000);

afterAll(async () => {
  await site?.stop();
}, 30_000);

function started(): Site {
  if (!site) throw new Error("nginx did not start: see the error of beforeAll above");
  return site;
}

describe("the example nginx site for dist/", () => {
  test("plain HTTP only redirects to HTTPS", async () => {
    const reply = await started().fetchPlain("taskpane.html");
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe(`https://${siteName}${sitePath}taskpane.html`);
  });

  test.each(metadataFiles)(
    "%s reaches Excel on the web: CORS, JSON in UTF-8, the exact file, revalidated",
    async (file) => {
      const reply = await started().fetch(file, { headers: { origin: excelOnTheWeb } });
      expect(reply.status).toBe(200);
      expect(reply.headers["access-control-allow-origin"]).toBe("*");
      expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(reply.headers["cache-control"]).toBe("no-cache");
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
      expect(reply.body.equals(bytesOf(file))).toBe(true);
      expect(JSON.parse(reply.body.toString("utf8")).functions.length).toBeGreaterThan(0);
    }
  );

  test("a CORS preflight for the metadata is answered", async () => {
    const reply = await started().fetch("functions.zh-CN.json", {
      method: "OPTIONS",
      headers: {
        origin: excelOnTheWeb,
        "access-control-request-method": "GET",
        "access-control-request-headers": "x-requested-with",
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers["access-control-allow-origin"]).toBe("*");
    expect(reply.headers["access-control-allow-methods"]).toContain("GET");
    expect(reply.headers["access-control-allow-headers"]).toBe("x-requested-with");
  });

  test("the task pane page may be framed by Office on the web and is revalidated", async () => {
    const reply = await started().fetch("taskpane.html");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers["cache-control"]).toBe("no-cache");
    expect(reply.headers["x-frame-options"]).toBeUndefined();
    expect(reply.headers["content-security-policy"]).toBeUndefined();
  });

  test("the scripts are text/javascript in UTF-8", async () => {
    for (const file of ["functions.js", "taskpane.js"]) {
      const reply = await started().fetch(file);
      expect([file, reply.status, reply.headers["content-type"]]).toEqual([
        file,
        200,
        "text/javascript; charset=utf-8",
      ]);
    }
  });

  test("the ribbon icon is a PNG that Office may cache (no no-cache, no no-store)", async () => {
    const reply = await started().fetch("assets/icon-32.png");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("image/png");
    expect(reply.headers["cache-control"]).toBe("public, max-age=86400");
    expect(reply.body.equals(bytesOf("assets/icon-32.png"))).toBe(true);
  });

  test(`every file in dist/ (${distFiles.length} now) has its content type, caching and exact bytes`, async () => {
    const unknown = distFiles.filter((file) => !(path.extname(file) in contentTypes));
    // a new kind of file needs a line in the snippet's `types` and in contentTypes above
    expect(unknown).toEqual([]);
    for (const file of distFiles) {
      const reply = await started().fetch(file);
      const extension = path.extname(file);
      expect([file, reply.status, reply.headers["content-type"]]).toEqual([
        file,
        200,
        contentTypes[extension],
      ]);
      expect([file, reply.headers["cache-control"]]).toEqual([
        file,
        images.has(extension) ? "public, max-age=86400" : "no-cache",
      ]);
      expect([file, reply.headers["x-content-type-options"]]).toEqual([file, "nosniff"]);
      expect([file, reply.body.equals(bytesOf(file))]).toEqual([file, true]);
    }
  });

  test("an unchanged file costs a 304, not the file", async () => {
    const first = await started().fetch("taskpane.js");
    const etag = String(first.headers.etag);
    const again = await started().fetch("taskpane.js", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test("text is compressed for clients that ask", async () => {
    const reply = await started().fetch("taskpane.js", { headers: { "accept-encoding": "gzip" } });
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers.vary).toContain("Accept-Encoding");
    expect(reply.body.length).toBeLessThan(bytesOf("taskpane.js").length / 2);
    expect(gunzipSync(reply.body).equals(bytesOf("taskpane.js"))).toBe(true);
  });

  // The help site (dist/help/) is not built yet everywhere; until it is, the test says so in
  // its name and checks only that it is really absent. Its files are also in the test above.
  const helpState = fs.existsSync(helpDir)
    ? `${helpIndexes.length} index pages`
    : "not built yet: only its absence is checked";
  test(`help site folders open their index.html (dist/help: ${helpState})`, async () => {
    if (!fs.existsSync(helpDir)) {
      expect(distFiles.filter((file) => file.startsWith("help/"))).toEqual([]);
      return;
    }
    expect(helpIndexes).toContain("index.html");
    for (const index of helpIndexes) {
      const folder = `help/${path.posix.dirname(index)}/`.replace("/./", "/");
      const reply = await started().fetch(folder);
      expect([folder, reply.status, reply.headers["content-type"]]).toEqual([
        folder,
        200,
        "text/html; charset=utf-8",
      ]);
      expect([folder, reply.body.equals(bytesOf(`help/${index}`))]).toEqual([folder, true]);
    }
  });
});

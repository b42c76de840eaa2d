/**
 * Runs the committed example site (deploy/nginx) with Debian's nginx, on loopback ports, for
 * the deployment tests. Only the site's addresses, certificate and web root are swapped for
 * throwaway ones; the snippet is included unchanged from the repository.
 */
import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
export const dist = path.join(root, "dist");
const deploy = path.join(root, "deploy", "nginx");

/** The host name and path the example site serves the add-in at. */
export const siteName = "addins.example.com";
export const sitePath = "/cv/";

const requestTimeoutMs = 10_000;
const startTimeoutMs = 15_000;

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Site {
  /** GET (or `method`) a path of dist/ over HTTPS, e.g. `functions.json`. */
  fetch(file: string, options?: RequestOptions): Promise<Reply>;
  /** The same over plain HTTP, where the site only redirects. */
  fetchPlain(file: string, options?: RequestOptions): Promise<Reply>;
  stop(): Promise<void>;
}

interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
}

/** The Debian binary, also where /usr/sbin is not on PATH (it is not for most users). */
function findNginx(): string {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"];
  const found = dirs.map((dir) => path.join(dir, "nginx")).find((file) => isExecutable(file));
  if (!found) {
    throw new Error(
      "nginx is not installed, and the deployment tests need it: install Debian's package " +
        "with `apt-get install nginx` (.ci/run installs it)."
    );
  }
  return found;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 30_000 });
  if (result.error || result.status !== 0) {
    throw new Error(`${what} failed: ${result.error?.message ?? result.stderr}`);
  }
}

/** A self-signed certificate for the site's name, trusted by this test's client only. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  // prettier-ignore
  run("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", key, "-out", cert, "-days", "2", "-subj", `/CN=${siteName}`,
    "-addext", `subjectAltName=DNS:${siteName}`,
  ], "openssl (for the test's throwaway certificate; Debian: apt-get install openssl)");
  return { cert, key };
}

/**
 * The committed site with its placeholders swapped. Each must be found exactly once, so an
 * edit of the example that this test no longer understands fails here, not silently.
 */
function localSite(ports: { http: number; https: number }, dir: string): string {
  const { cert, key } = makeCertificate(dir);
  const swaps: [string, string][] = [
    ["listen 80;", `listen 127.0.0.1:${ports.http};`],
    ["listen [::]:80;", ""],
    ["listen 443 ssl;", `listen 127.0.0.1:${ports.https} ssl;`],
    ["listen [::]:443 ssl;", ""],
    [`/etc/ssl/certs/${siteName}.fullchain.pem`, cert],
    [`/etc/ssl/private/${siteName}.key`, key],
    ["root /var/www/addins;", `root ${path.join(dir, "www")};`],
    // not a swap: the add-in's path in the site must be the one these tests request
    [`location ${sitePath} {`, `location ${sitePath} {`],
  ];
  let site = fs.readFileSync(path.join(deploy, "cv-addin.conf"), "utf8");
  for (const [from, to] of swaps) {
    const count = site.split(from).length - 1;
    if (count !== 1) {
      throw new Error(`deploy/nginx/cv-addin.conf: expected "${from}" once, found ${count}`);
    }
    site = site.replace(from, to);
  }
  return site;
}

/**
 * What Debian's /etc/nginx/nginx.conf gives a site (its mime.types, which the snippet must
 * override), with every path in the temporary folder and one process, so that stopping the
 * child process stops nginx.
 */
function mainConfig(dir: string): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `  ${kind}_temp_path ${path.join(dir, kind)};`)
    .join("\n");
  return [
    "daemon off;",
    "master_process off;",
    `pid ${path.join(dir, "nginx.pid")};`,
    "error_log stderr warn;",
    "events { worker_connections 64; }",
    "http {",
    "  access_log off;",
    temp,
    "  include /etc/nginx/mime.types;",
    "  default_type application/octet-stream;",
    `  include ${path.join(dir, "site.conf")};`,
    "}",
    "",
  ].join("\n");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (connected: boolean) => {
      socket.destroy();
      resolve(connected);
    };
    socket.setTimeout(1_000);
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (await exited(child, 0)) return;
  child.kill("SIGTERM");
  if (await exited(child, 5_000)) return;
  child.kill("SIGKILL");
  await exited(child, 5_000);
}

/** Starts nginx once; resolves when both ports answer, rejects with nginx's own words. */
async function startOnce(
  nginx: string,
  dir: string
): Promise<{ child: ChildProcess; ports: { http: number; https: number } }> {
  const ports = { http: await freePort(), https: await freePort() };
  while (ports.https === ports.http) ports.https = await freePort();
  fs.writeFileSync(path.join(dir, "site.conf"), localSite(ports, dir));
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, mainConfig(dir));

  // the site's `include snippets/...` resolves beside nginx.conf, as in /etc/nginx on a server
  const child = spawn(nginx, ["-p", dir + path.sep, "-c", conf], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (text: string) => (stderr += text));
  child.once("error", (error) => (stderr += String(error)));
  let running = true;
  child.once("exit", () => (running = false));

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!running) {
      throw new Error(`nginx stopped at start (exit ${child.exitCode}):\n${stderr}`);
    }
    if ((await canConnect(ports.http)) && (await canConnect(ports.https))) return { child, ports };
  }
  await stopProcess(child);
  throw new Error(`nginx did not listen within ${startTimeoutMs / 1000} s:\n${stderr}`);
}

export async function startSite(): Promise<Site> {
  if (!fs.existsSync(path.join(dist, "functions.json"))) {
    throw new Error("dist/ holds no build: run `npm run build` first (`npm test` does).");
  }
  const nginx = findNginx();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cv-nginx-"));
  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    // the layout of /etc/nginx (snippets/) and of the web root (/var/www/addins/cv = dist/)
    fs.symlinkSync(path.join(deploy, "snippets"), path.join(dir, "snippets"));
    fs.mkdirSync(path.join(dir, "www"));
    fs.symlinkSync(dist, path.join(dir, "www", sitePath.replace(/\//g, "")));

    let started: Awaited<ReturnType<typeof startOnce>> | undefined;
    for (let attempt = 1; !started; attempt++) {
      try {
        started = await startOnce(nginx, dir);
      } catch (error) {
        // another process may take a free port between the look and nginx's bind
        if (attempt >= 3 || !String(error).includes("Address already in use")) throw error;
      }
    }
    const { child, ports } = started;
    const ca = fs.readFileSync(path.join(dir, "cert.pem"));
    const agent = new https.Agent({ ca, keepAlive: true, maxSockets: 4 });

    const send = (secure: boolean, file: string, options: RequestOptions = {}) =>
      request(secure, secure ? ports.https : ports.http, file, options, agent);
    return {
      fetch: (file, options) => send(true, file, options),
      fetchPlain: (file, options) => send(false, file, options),
      stop: async () => {
        agent.destroy();
        await stopProcess(child);
        cleanUp();
      },
    };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

function request(
  secure: boolean,
  port: number,
  file: string,
  { method = "GET", headers = {} }: RequestOptions,
  agent: https.Agent
): Promise<Reply> {
  const url = `${secure ? "https" : "http"}://127.0.0.1:${port}${sitePath}${file}`;
  return new Promise((resolve, reject) => {
    const options = {
      method,
      headers: { host: siteName, ...headers },
      ...(secure ? { agent, servername: siteName } : {}),
    };
    const req = (secure ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`${method} ${url}: no answer within ${requestTimeoutMs} ms`)),
      requestTimeoutMs
    );
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => fs.statSync(path.join(folder, file)).isFile())
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

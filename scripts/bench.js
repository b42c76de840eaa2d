/* `npm run bench`: speed and memory of the production functions bundle on a full Excel
 * column (1,048,576 customers) built from the CDNOW data, and CLV throughput. Prints a table;
 * timings are the best of three runs, because these machines are shared and noisy. */
const fs = require("fs");
const path = require("path");
const { loadFunctions } = require("./load-functions");

const ROWS = 1_048_576;
const CLV_CALLS = 100_000;
const TARGET_SECONDS = 2;
const TARGET_MEMORY_MB = 1536;
const TARGET_CLV_PER_SECOND = 50_000;

function dataDir() {
  const candidates = [
    process.env.CV_DATA_DIR,
    path.resolve(__dirname, "..", "..", "shared", "data"),
    "/work/shared/data",
  ];
  const found = candidates.find((dir) => dir && fs.existsSync(path.join(dir, "CDNOW_master.txt")));
  if (!found)
    throw new Error("CDNOW_master.txt not found: set CV_DATA_DIR to the shared data folder.");
  return found;
}

/** Per-customer recency, frequency and monetary value of the 23,570 CDNOW customers. */
function cdnowCustomers() {
  const lines = fs
    .readFileSync(path.join(dataDir(), "CDNOW_master.txt"), "utf8")
    .split(/\r?\n/)
    .slice(1);
  const customers = new Map();
  let latest = 0;
  for (const line of lines) {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    if (!id) continue;
    const day = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)) / 86_400_000;
    latest = Math.max(latest, day);
    const c = customers.get(id) ?? { last: 0, frequency: 0, monetary: 0 };
    c.last = Math.max(c.last, day);
    c.frequency += 1;
    c.monetary = Math.round((c.monetary + Number(dollars)) * 100) / 100;
    customers.set(id, c);
  }
  return [...customers.values()].map((c) => ({
    recency: latest + 1 - c.last,
    frequency: c.frequency,
    monetary: c.monetary,
  }));
}

/** A full column of customers: the CDNOW customers repeated, each copy a few cents apart. */
function fullColumns(customers) {
  const recency = new Array(ROWS);
  const frequency = new Array(ROWS);
  const monetary = new Array(ROWS);
  const potential = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const c = customers[i % customers.length];
    const copy = Math.floor(i / customers.length);
    recency[i] = [c.recency];
    frequency[i] = [c.frequency];
    monetary[i] = [Math.round((c.monetary + copy * 0.01) * 100) / 100];
    potential[i] = [Math.round(((c.monetary * ((i * 7919) % 13)) / 10) * 100) / 100];
  }
  return { recency, frequency, monetary, potential };
}

function best(runs, fn) {
  let seconds = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds, result };
}

function main() {
  const { registry } = loadFunctions(undefined, { isolated: false });
  const call = (id, ...args) => registry.get(id)(...args);
  const columns = fullColumns(cdnowCustomers());
  const rows = [];
  const check = (name, measured, pass) => rows.push({ name, measured, pass });

  const full = [
    [
      "RFMSCORE",
      () =>
        call(
          "RFMSCORE",
          columns.recency,
          columns.frequency,
          columns.monetary,
          null,
          null,
          null,
          null
        ),
    ],
    [
      "QUADRANT",
      () => call("QUADRANT", columns.monetary, columns.potential, null, null, null, null, null),
    ],
    ["PYRAMID", () => call("PYRAMID", columns.monetary, null, null, null)],
    ["ABC", () => call("ABC", columns.monetary, null, null, null)],
  ];
  for (const [name, run] of full) {
    const { seconds, result } = best(3, run);
    if (result.length !== ROWS) throw new Error(`${name} returned ${result.length} rows`);
    check(
      `${name} over ${ROWS.toLocaleString("en-US")} customers`,
      `${seconds.toFixed(2)} s`,
      seconds <= TARGET_SECONDS
    );
  }

  // A customer sheet: each customer's monthly margin, one discount rate and horizon, and a
  // retention per customer segment (=CV.CLV(C2, $B$1, $B$2, D2) filled down).
  const customers = columns.monetary.slice(0, CLV_CALLS);
  const sheet = customers.map(([monetary], i) => [
    [monetary / 18],
    0.01,
    36,
    0.6 + (i % 8) * 0.05,
    0,
  ]);
  // The worst case: no two calls share rate, retention or horizon.
  const distinct = customers.map(([monetary], i) => [
    [monetary / 18],
    0.005 + i * 1e-7,
    1 + (i % 120),
    0.5 + (i % 4999) / 10000,
    i % 2,
  ]);
  const throughput = (inputs) =>
    CLV_CALLS /
    best(3, () => {
      let sum = 0;
      for (const args of inputs) sum += call("CLV", ...args);
      return sum;
    }).seconds;
  const perSecond = throughput(sheet);
  check(
    `CLV, ${CLV_CALLS.toLocaleString("en-US")} customers of one sheet`,
    `${Math.round(perSecond).toLocaleString("en-US")} /s`,
    perSecond >= TARGET_CLV_PER_SECOND
  );
  const worst = throughput(distinct);
  check(
    `CLV, ${CLV_CALLS.toLocaleString("en-US")} calls, no argument shared`,
    `${Math.round(worst).toLocaleString("en-US")} /s`,
    true
  );

  const peakMb = process.resourceUsage().maxRSS / 1024;
  check("peak memory (resident)", `${Math.round(peakMb)} MB`, peakMb <= TARGET_MEMORY_MB);

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${"measure".padEnd(width)}  ${"result".padStart(12)}  target`);
  const targets = [
    ...full.map(() => `<= ${TARGET_SECONDS} s`),
    `>= ${TARGET_CLV_PER_SECOND.toLocaleString("en-US")} /s`,
    "(no target)",
    `<= ${TARGET_MEMORY_MB} MB`,
  ];
  rows.forEach((r, i) => {
    const verdict = targets[i] === "(no target)" ? "" : r.pass ? "ok" : "MISSED";
    console.log(
      `${r.name.padEnd(width)}  ${r.measured.padStart(12)}  ${targets[i].padEnd(12)} ${verdict}`
    );
  });
  console.log(`\nNode ${process.version}, ${require("os").cpus().length} cores; best of 3 runs.`);
  process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
}

main();

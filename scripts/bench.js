/* `npm run bench`: speed and memory of the production functions bundle on a full Excel
 * column (1,048,576 customers) built from the CDNOW data, CLV throughput, and the BTYD
 * functions on the CDNOW transactions. Prints a table; timings are the best of three runs,
 * because these machines are shared and noisy. */
const { loadFunctions } = require("./load-functions");
const { readData } = require("./data");

const ROWS = 1_048_576;
const CLV_CALLS = 100_000;
const TARGET_SECONDS = 2;
const TARGET_MEMORY_MB = 1536;
const TARGET_CLV_PER_SECOND = 50_000;
const TARGET_FIT_SECONDS = 0.5;
const TARGET_SUMMARY_SECONDS = 2;

/** Per-customer recency, frequency and monetary value of the 23,570 CDNOW customers. */
function cdnowCustomers() {
  const lines = readData("CDNOW_master.txt").split(/\r?\n/).slice(1);
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

/** A CDNOW transaction file as three columns, as Excel hands them to a function. */
function cdnowTransactions(file, { idField, dateField, dollarsField, header }) {
  const ids = [];
  const dates = [];
  const amounts = [];
  const lines = readData(file).split(/\r?\n/);
  for (const line of lines.slice(header ? 1 : 0)) {
    const fields = line.trim().split(/\s+/);
    if (!fields[0]) continue;
    ids.push([fields[idField]]);
    dates.push([Number(fields[dateField])]);
    amounts.push([Number(fields[dollarsField])]);
  }
  return { ids, dates, amounts };
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
  const check = (name, measured, pass, target) => rows.push({ name, measured, pass, target });

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
      seconds <= TARGET_SECONDS,
      `<= ${TARGET_SECONDS} s`
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
    perSecond >= TARGET_CLV_PER_SECOND,
    `>= ${TARGET_CLV_PER_SECOND.toLocaleString("en-US")} /s`
  );
  const worst = throughput(distinct);
  check(
    `CLV, ${CLV_CALLS.toLocaleString("en-US")} calls, no argument shared`,
    `${Math.round(worst).toLocaleString("en-US")} /s`,
    true
  );

  btydChecks(call, check);

  const peakMb = process.resourceUsage().maxRSS / 1024;
  check(
    "peak memory (resident)",
    `${Math.round(peakMb)} MB`,
    peakMb <= TARGET_MEMORY_MB,
    `<= ${TARGET_MEMORY_MB} MB`
  );

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${"measure".padEnd(width)}  ${"result".padStart(12)}  target`);
  for (const r of rows) {
    const verdict = r.target === undefined ? "" : r.pass ? "ok" : "MISSED";
    const target = r.target ?? "(no target)";
    console.log(
      `${r.name.padEnd(width)}  ${r.measured.padStart(12)}  ${target.padEnd(12)} ${verdict}`
    );
  }
  console.log(`\nNode ${process.version}, ${require("os").cpus().length} cores; best of 3 runs.`);
  process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
}

/**
 * The BTYD functions as a workbook uses them: BTYDSUMMARY over all CDNOW transactions, then
 * both fits and a year of weekly CLV on the 2,357 customers of the CDNOW sample.
 */
function btydChecks(call, check) {
  const seconds = (run) => best(3, run).seconds;
  const timed = (name, run, target) => {
    const measured = seconds(run);
    check(
      name,
      `${measured.toFixed(3)} s`,
      target === undefined || measured <= target,
      target === undefined ? undefined : `<= ${target} s`
    );
  };
  const master = cdnowTransactions("CDNOW_master.txt", {
    idField: 0,
    dateField: 1,
    dollarsField: 3,
    header: true,
  });
  timed(
    `BTYDSUMMARY over CDNOW_master (${master.ids.length.toLocaleString("en-US")} rows)`,
    () => call("BTYDSUMMARY", master.ids, master.dates, master.amounts, "1997-09-30", null),
    TARGET_SUMMARY_SECONDS
  );

  const sample = cdnowTransactions("CDNOW_sample.txt", {
    idField: 1,
    dateField: 2,
    dollarsField: 4,
  });
  const summary = call("BTYDSUMMARY", sample.ids, sample.dates, sample.amounts, "1997-09-30", null);
  const field = (i) => summary.slice(1).map((row) => [row[i]]);
  const [x, tx, T, meanSpend] = [1, 2, 3, 4].map(field);
  const customers = x.length.toLocaleString("en-US");
  timed(
    `BGNBDFIT, CDNOW sample (${customers})`,
    () => call("BGNBDFIT", x, tx, T),
    TARGET_FIT_SECONDS
  );
  timed(
    `GGFIT, CDNOW sample (${customers})`,
    () => call("GGFIT", x, meanSpend),
    TARGET_FIT_SECONDS
  );
  const bg = call("BGNBDFIT", x, tx, T);
  const gg = call("GGFIT", x, meanSpend);
  timed(`PREDICTEDCLV, ${customers} customers, 52 weekly steps`, () =>
    call("PREDICTEDCLV", x, tx, T, meanSpend, bg, gg, 52, 0.002, 1)
  );
}

main();

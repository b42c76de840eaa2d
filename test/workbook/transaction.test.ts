/**
 * Writes that real Excel cannot break. Every failure point of every write is tried on the model
 * of Excel (test/support/excelMock.ts): the k-th sync fails, for every k, before any of its
 * calls or part-way through them, or Excel goes away after it; each time the workbook must be
 * exactly as it was (the model's deep comparison of everything a user sees or the file keeps),
 * or, when Excel went away, the next start must find the unfinished write and take away
 * everything it wrote and nothing else.
 */
import {
  type Method,
  type MethodOptions,
  guessRoles,
  segmentPredictions,
  splitHeader,
} from "../../src/engine";
import { OfficeWorkbookPort } from "../../src/workbook/office";
import { RECORD_PREFIX, encodeRecords } from "../../src/workbook/records";
import { RECORDS_NAMESPACE } from "../../src/workbook/recordStore";
import { planFor, withoutOwnColumns } from "../../src/workbook/segmentation";
import { type CellValue, type WritePlan, WriteFailed } from "../../src/workbook/types";
import { fiveCustomers } from "../support/customers";
import { cdnowSample } from "../support/data";
import { MockExcel, MockOfficeAddin, MockOfficeError, type SyncFault } from "../support/excelMock";
import { analyse } from "./support";

const NOW = new Date(2026, 10, 23, 10, 30);
const API_VERSIONS = ["1.7", "1.10", "1.20"] as const;

function portOn(excel: MockExcel, addin?: MockOfficeAddin): OfficeWorkbookPort {
  return new OfficeWorkbookPort(excel.run, excel.isSetSupported, () => addin);
}

const state = (excel: MockExcel) => excel.visibleState();

function orders(): CellValue[][] {
  const rows: CellValue[][] = [["Customer", "Date", "Amount"]];
  ["Ana", "Bo", "Chen", "Dara", "Eli"].forEach((name, i) => {
    for (let k = 0; k <= i; k++) rows.push([name, 45_300 + 25 * k + i, 10 * (i + 1) + k]);
  });
  return rows;
}

/** One row per customer with a date, an amount and sales: RFM from transactions, or a pyramid. */
function customersWithSales(): CellValue[][] {
  const rows: CellValue[][] = [["Customer", "Date", "Amount", "Sales"]];
  ["Ana", "Bo", "Chen", "Dara"].forEach((name, i) =>
    rows.push([name, 45_300 + i, 10 * (i + 1), 100 * (i + 1)])
  );
  return rows;
}

/** The CDNOW sample's purchases, for Predict. */
function cdnowOrders(): CellValue[][] {
  const rows: CellValue[][] = [["Customer", "Date", "Amount"]];
  for (const t of cdnowSample()) {
    const date = String(t.date);
    rows.push([t.id, `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`, t.dollars]);
  }
  return rows;
}

interface Scenario {
  name: string;
  /** a fresh workbook, as the user has it */
  setup: (api: string) => MockExcel;
  /** plans applied first (an earlier run), then the plan under test */
  plans: WritePlan[];
}

async function planned(
  excel: MockExcel,
  method: Method,
  transactions: boolean,
  options: MethodOptions = {}
): Promise<WritePlan> {
  const port = portOn(excel);
  if (method !== "predict")
    return planFor(port, await analyse(port, method, options, transactions), "en-US", NOW);
  const read = await port.readTable();
  const source = withoutOwnColumns(read, undefined);
  const grid = splitHeader(source.values, false);
  const roles = guessRoles(grid);
  const segmentation = segmentPredictions(grid, roles, { unit: "week" });
  const analysis = { source, grid, roles, method, options, segmentation };
  return planFor(port, analysis, "en-US", NOW);
}

function withTable(api: string): MockExcel {
  const excel = MockExcel.withTable("Data", fiveCustomers());
  excel.addTable("Data", "Customers", { top: 0, left: 0, rows: 6, columns: 3 });
  excel.selection = { sheet: "Data", area: { top: 2, left: 1, rows: 1, columns: 1 } };
  excel.apiVersion = api;
  return excel;
}

function plain(api: string): MockExcel {
  const excel = MockExcel.withTable("Sheet1", fiveCustomers());
  // the user's own things around: a bold header, a rule of theirs, a property, another sheet
  excel.sheet("Sheet1")!.set(0, 0, { bold: true, fill: "#EEEEEE" });
  excel.sheet("Sheet1")!.set(0, 3, { numberFormat: "0.00" });
  excel.addSheet("Notes").set(0, 0, { value: "mine" });
  excel.properties.set("Author", "Ana");
  excel.apiVersion = api;
  return excel;
}

function transactions(rows: () => CellValue[][]) {
  return (api: string) => {
    const excel = MockExcel.withTable("Orders", rows());
    excel.apiVersion = api;
    return excel;
  };
}

/** Plans made on a scratch copy: the earlier runs applied, then the plan under test. */
async function scenario(
  name: string,
  setup: (api: string) => MockExcel,
  steps: { method: Method; transactions?: boolean; options?: MethodOptions }[]
): Promise<Scenario> {
  const scratch = setup("1.20");
  const port = portOn(scratch);
  const plans: WritePlan[] = [];
  for (const step of steps) {
    const plan = await planned(scratch, step.method, step.transactions ?? false, step.options);
    await port.apply(plan);
    plans.push(plan);
  }
  return { name, setup, plans };
}

let scenarios: Scenario[] = [];
/** The scenarios' names, by index, for the tests' titles. */
const NAMES = [
  "value matrix into a plain range",
  "value matrix into an Excel table",
  "RFM from transactions to a new sheet",
  "Predict",
  "a re-run with another method, in a plain range",
  "a re-run in an Excel table",
  "a re-run that replaces its sheets",
  "a re-run that drops a sheet",
] as const;
const cases = (indexes: readonly number[]) => indexes.map((i) => [NAMES[i], i] as const);
beforeAll(async () => {
  scenarios = [
    await scenario(NAMES[0], plain, [{ method: "value" }]),
    await scenario(NAMES[1], withTable, [{ method: "value" }]),
    await scenario(NAMES[2], transactions(orders), [{ method: "rfm", transactions: true }]),
    await scenario(NAMES[3], transactions(cdnowOrders), [
      { method: "predict", transactions: true },
    ]),
    await scenario(NAMES[4], plain, [{ method: "value" }, { method: "abc" }]),
    await scenario(NAMES[5], withTable, [{ method: "abc" }, { method: "pyramid" }]),
    await scenario(NAMES[6], transactions(orders), [
      { method: "rfm", transactions: true },
      { method: "rfm", transactions: true },
    ]),
    await scenario(NAMES[7], transactions(customersWithSales), [
      { method: "rfm", transactions: true },
      { method: "pyramid" },
    ]),
  ];
}, 120_000);

/** A workbook with the scenario's earlier runs applied, ready for the write under test. */
async function ready(s: Scenario, api: string) {
  const excel = s.setup(api);
  const original = state(excel);
  const port = portOn(excel);
  for (const plan of s.plans.slice(0, -1)) await port.apply(plan);
  return { excel, port, original, plan: s.plans[s.plans.length - 1] };
}

/** What the workbook looks like after the write under test succeeds. */
async function succeeded(s: Scenario, api: string) {
  const { excel, port, plan } = await ready(s, api);
  await port.apply(plan);
  return state(excel);
}

const outcomeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error
  );

describe.each(API_VERSIONS)("on ExcelApi %s", (api) => {
  test.each(cases([0, 1, 2, 3, 4, 5, 6, 7]))(
    "%s: a failed sync anywhere leaves the workbook as it was; a new run and Remove work",
    async (_name, index) => {
      const s = scenarios[index];
      const after = await succeeded(s, api);
      let k = 1;
      for (; ; k++) {
        const { excel, port, original, plan } = await ready(s, api);
        const before = state(excel);
        const fault = excel.failSync(k);
        let retried = false;
        const outcome = await outcomeOf(port.apply(plan, { onUndoSteps: () => (retried = true) }));
        if (!fault.fired) {
          expect(outcome).toBeUndefined();
          break;
        }
        if (retried && outcome === undefined) {
          // a merged-undo run failed: put back, then done again without merging
          expect(state(excel)).toEqual(after);
          continue;
        }
        expect({ scenario: s.name, k, outcome }).toEqual({
          scenario: s.name,
          k,
          outcome: expect.any(WriteFailed),
        });
        expect((outcome as WriteFailed).leftBehind).toBe(false);
        expect(state(excel)).toEqual(before);
        // the pane's Retry, then Remove
        await port.apply(plan);
        expect(state(excel)).toEqual(after);
        const { records } = await port.loadRecords();
        await port.remove(records.find((r) => r.id === plan.record.id)!);
        expect(state(excel)).toEqual(original);
      }
      expect(k).toBeGreaterThan(3);
    },
    120_000
  );
});

test.each(cases([0, 1, 2, 4, 5, 6, 7]))(
  "%s: a sync that fails part-way, at any of its calls, is put back too",
  async (_name, index) => {
    const s = scenarios[index];
    const after = await succeeded(s, "1.20");
    for (let k = 1; ; k++) {
      let reached = false;
      for (let at = 1; ; at++) {
        const { excel, port, plan } = await ready(s, "1.20");
        const before = state(excel);
        const fault: SyncFault = excel.failSync(k, { at });
        const outcome = await outcomeOf(port.apply(plan));
        if (!fault.fired) {
          // the k-th sync has fewer calls (or there is no k-th sync)
          if (at === 1) expect(outcome).toBeUndefined();
          break;
        }
        reached = true;
        if (outcome === undefined) {
          // failed in the last sync after an earlier sheet was already deleted: completed
          expect(state(excel)).toEqual(after);
        } else {
          expect(outcome).toBeInstanceOf(WriteFailed);
          expect({ k, at, same: state(excel) }).toEqual({ k, at, same: before });
        }
      }
      if (!reached) break;
    }
  },
  300_000
);

test.each(cases([0, 1, 2, 3, 4, 5, 6, 7]))(
  "%s: Excel closes after any sync; the next start finds the write and takes it all away",
  async (_name, index) => {
    const s = scenarios[index];
    const after = await succeeded(s, "1.20");
    for (let k = 1; ; k++) {
      const { excel, port, original, plan } = await ready(s, "1.20");
      const before = state(excel);
      excel.closeAfterSync(k);
      const outcome = await outcomeOf(port.apply(plan));
      if (!excel.closed) {
        expect(outcome).toBeUndefined();
        break;
      }
      excel.restart();
      const next = portOn(excel);
      const stored = await next.loadRecords();
      if (stored.unfinished.length === 0) {
        // closed before the mark, or after the write was done
        expect([before, after]).toContainEqual(state(excel));
        continue;
      }
      expect(outcome).toBeInstanceOf(WriteFailed);
      expect((outcome as WriteFailed).leftBehind).toBe(true);
      expect(stored.unfinished).toEqual([
        expect.objectContaining({ id: plan.record.id, method: plan.record.method }),
      ]);
      await next.cleanUp(stored.unfinished[0]);
      // everything the add-in wrote is gone, and only that
      expect({ k, workbook: state(excel) }).toEqual({ k, workbook: original });
      expect(await next.loadRecords()).toEqual({ records: [], unfinished: [], damaged: [] });
    }
  },
  300_000
);

test("a failure while reading changes nothing, and the next read works", async () => {
  const excel = plain("1.20");
  const port = portOn(excel);
  const before = state(excel);
  for (let k = 1; ; k++) {
    const fault = excel.failSync(k);
    const outcome = await outcomeOf(port.readTable());
    if (!fault.fired) {
      excel.takeFault(fault.sync); // the read needed fewer syncs: nothing more to fail
      break;
    }
    expect(outcome).toBeInstanceOf(MockOfficeError);
  }
  expect(state(excel)).toEqual(before);
  expect((await port.readTable()).values).toEqual(fiveCustomers());
});

describe("undo grouping that degrades", () => {
  test("a merged run that fails is put back and done again without merging; the pane is told once", async () => {
    const s = scenarios[0];
    const { excel, port, plan } = await ready(s, "1.20");
    excel.mergeUndoFails = new MockOfficeError(
      "GeneralException",
      "An internal error has occurred."
    );
    let told = 0;
    await port.apply(plan, { onUndoSteps: () => told++ });
    expect(told).toBe(1);
    const options = excel.runs.map((r) => r.options?.mergeUndoGroup ?? false);
    expect(options.filter(Boolean)).toHaveLength(1);
    expect(excel.sheet("Sheet1")!.value(1, 3)).toBe("Gold");
    // the rest of the session writes without merging, and says nothing more
    const runs = excel.runs.length;
    await port.remove((await port.loadRecords()).records[0]);
    await port.apply(plan, { onUndoSteps: () => told++ });
    expect(excel.runs.slice(runs).some((r) => r.options?.mergeUndoGroup)).toBe(false);
    expect(told).toBe(1);
  });

  test("a merged run never deletes a sheet (UndoNotSupported): the earlier sheets go in a run of their own", async () => {
    const s = scenarios[6];
    const { excel, port, plan } = await ready(s, "1.20");
    let told = 0;
    await port.apply(plan, { onUndoSteps: () => told++ });
    expect(told).toBe(0);
    expect(excel.journal.every((b) => b.error !== "UndoNotSupported")).toBe(true);
  });
});

test("a write waits for a cell edit to end where Excel can (ExcelApi 1.11), and fails cleanly where it cannot", async () => {
  for (const [api, waits] of [
    ["1.20", true],
    ["1.10", false],
  ] as const) {
    const s = scenarios[0];
    const { excel, port, plan } = await ready(s, api);
    const before = state(excel);
    excel.editingCell = true;
    const outcome = await outcomeOf(port.apply(plan));
    if (waits) expect(outcome).toBeUndefined();
    else {
      expect(outcome).toEqual(expect.any(WriteFailed));
      expect((outcome as WriteFailed).code).toBe("InvalidOperationInCellEditMode");
      expect(state(excel)).toEqual(before);
    }
  }
});

test("after a write that suspended calculation, the workbook is recalculated", async () => {
  for (const index of [0, 6]) {
    const { excel, port, plan } = await ready(scenarios[index], "1.20");
    await port.apply(plan);
    expect(excel.staleAfterSuspend()).toBe(false);
    expect(excel.calculations.at(-1)?.type).toBe("Recalculate");
  }
});

test("a re-run on an Excel table whose user has a column of our header's name picks a header of its own", async () => {
  const rows = fiveCustomers().map((row, r) => [...row, r === 0 ? "Value matrix tier" : "x"]);
  const excel = MockExcel.withTable("Data", rows);
  excel.addTable("Data", "Customers", { top: 0, left: 0, rows: 6, columns: 4 });
  excel.selection = { sheet: "Data", area: { top: 2, left: 1, rows: 1, columns: 1 } };
  const port = portOn(excel);
  const plan = await planned(excel, "value", false);
  await port.apply(plan);
  expect(excel.tableHeaders("Customers")).toEqual([
    "Customer",
    "Current value",
    "Growth potential",
    "Value matrix tier",
    "Value matrix tier (2)",
  ]);
  const again = await planned(excel, "value", false);
  await port.apply(again);
  expect(excel.tableHeaders("Customers")).toHaveLength(5);
  const { records } = await port.loadRecords();
  expect(records[0].written.columns?.headers).toEqual(["Value matrix tier (2)"]);
  await port.remove(records[0]);
  expect(excel.tableHeaders("Customers")).toHaveLength(4);
});

describe("records that survive", () => {
  test("records live in one custom XML part of our namespace, read back after the write", async () => {
    const { excel, port, plan } = await ready(scenarios[0], "1.20");
    await port.apply(plan);
    expect(excel.xmlParts.map((p) => p.namespaceUri)).toEqual([RECORDS_NAMESPACE]);
    const reads = excel.journal
      .flatMap((b) => b.operations)
      .filter((op) => op.action === "getXml()");
    expect(reads.length).toBeGreaterThan(0);
    expect([...excel.properties.keys()].some((k) => k.startsWith(RECORD_PREFIX))).toBe(false);
  });

  test("records of an earlier version in custom properties are read, re-run, removed, and moved to the part", async () => {
    const s = scenarios[4];
    const { excel, plan } = await ready(s, "1.20");
    // an earlier version's workbook: the first run's record in custom properties
    const record = s.plans[0].record;
    excel.xmlParts.length = 0;
    for (const [key, value] of Object.entries(encodeRecords([record])))
      excel.properties.set(key, value);
    const port = portOn(excel);
    expect((await port.loadRecords()).records).toEqual([record]);
    await port.apply(plan);
    expect([...excel.properties.keys()].some((k) => k.startsWith(RECORD_PREFIX))).toBe(false);
    expect(excel.xmlParts).toHaveLength(1);
    expect((await port.loadRecords()).records.map((r) => r.method)).toEqual(["abc"]);
    // Remove then takes away the re-run's output: the workbook as the user had it
    await port.remove((await port.loadRecords()).records[0]);
    expect(excel.xmlParts).toHaveLength(0);
    expect(excel.sheet("Sheet1")!.values({ top: 0, left: 3, rows: 6, columns: 2 }).flat()).toEqual(
      Array(12).fill(null)
    );
  });

  test("a damaged record loses only itself, and is reported", async () => {
    const { excel, port, plan } = await ready(scenarios[0], "1.20");
    await port.apply(plan);
    const part = excel.xmlParts[0];
    part.xml = part.xml.replace(
      "</segmentations>",
      '  <segmentation id="Other!0,0" state="done">{"version":1,"id":</segmentation>\n</segmentations>'
    );
    const stored = await port.loadRecords();
    expect(stored.records.map((r) => r.id)).toEqual([plan.record.id]);
    expect(stored.damaged).toEqual([expect.objectContaining({ id: "Other!0,0" })]);
  });
});

describe("a quiet start", () => {
  test("making the port and listening touch nothing in the workbook; shown and selection changes do", async () => {
    for (const sharedRuntime of ["1.1", false] as const) {
      const excel = plain("1.20");
      const addin = sharedRuntime ? new MockOfficeAddin({ sharedRuntime }) : undefined;
      const port = portOn(excel, addin);
      const heard: string[] = [];
      const stop = await port.listen({
        shown: () => heard.push("shown"),
        selectionChanged: () => heard.push("selection"),
      });
      // a CV.* formula calculates: the page runs, the pane is hidden
      await excel.userSelects("Sheet1", "B2");
      expect(excel.runs).toHaveLength(0);
      expect(heard).toEqual([]);
      if (addin) {
        await addin.show();
        expect(heard).toEqual(["shown"]);
      }
      // the pane reads (at `shown`, or at the user's first action where no event comes)
      await port.readTable();
      await excel.userSelects("Sheet1", "C3");
      expect(heard.filter((h) => h === "selection")).toHaveLength(1);
      if (addin) {
        await addin.close();
        await excel.userSelects("Sheet1", "A1");
        expect(heard.filter((h) => h === "selection")).toHaveLength(1);
      }
      await stop();
      await excel.userSelects("Sheet1", "B3");
      expect(heard.filter((h) => h === "selection")).toHaveLength(1);
    }
  });
});

/**
 * The same rule gives the same answer from a formula and from the task pane: the pane's
 * engine call against the production bundle's CV.* functions, on the CDNOW customers.
 */
import * as path from "path";
import { guessRoles, segment, splitHeader, tierLabel, type TierKey } from "../../src/engine";
import { cdnowSample } from "../support/data";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadFunctions } = require("../../scripts/load-functions.js");
const { registry } = loadFunctions(path.resolve(__dirname, "..", "..", "dist"));
const call = (id: string, ...args: unknown[]) =>
  (registry.get(id) as (...a: unknown[]) => unknown[][])(...args);

/** Per customer of the CDNOW sample: recency (days before 1998-07-01), frequency, monetary. */
function customers() {
  const byId = new Map<string, { last: number; frequency: number; cents: number }>();
  for (const t of cdnowSample()) {
    const c = byId.get(t.id) ?? { last: 0, frequency: 0, cents: 0 };
    c.last = Math.max(c.last, t.date);
    c.frequency += 1;
    c.cents += Math.round(t.dollars * 100);
    byId.set(t.id, c);
  }
  const day = (d: number) =>
    Date.UTC(Math.floor(d / 10000), (Math.floor(d / 100) % 100) - 1, d % 100) / 86_400_000;
  return [...byId].map(([id, c]) => ({
    id,
    recency: day(19980701) - day(c.last),
    frequency: c.frequency,
    monetary: c.cents / 100,
    potential: (c.cents % 997) / 10,
  }));
}

const rows = customers();
const grid = splitHeader([
  ["Customer", "Recency", "Frequency", "Monetary", "Current value", "Growth potential"],
  ...rows.map((c) => [c.id, c.recency, c.frequency, c.monetary, c.monetary, c.potential]),
]);
const roles = guessRoles(grid);
const column = (key: "recency" | "frequency" | "monetary" | "potential") =>
  rows.map((c) => [c[key]]);
const names = (tiers: (TierKey | undefined)[]) =>
  tiers.map((t) => [t === undefined ? "" : tierLabel(t, "en")]);

describe("the pane and the formulas agree on the CDNOW sample (2,357 customers)", () => {
  test("value matrix = CV.QUADRANT", () => {
    const pane = segment(grid, roles, "value");
    expect(names(pane.rowTiers)).toEqual(
      call("QUADRANT", column("monetary"), column("potential"), null, null, null, null, null)
    );
    const mean = segment(grid, roles, "value", {
      splits: [{ kind: "mean" }, { kind: "percentile", percent: 80 }],
    });
    expect(names(mean.rowTiers)).toEqual(
      call(
        "QUADRANT",
        column("monetary"),
        column("potential"),
        null,
        null,
        null,
        [["mean", "p80"]],
        null
      )
    );
  });

  test("customer pyramid = CV.PYRAMID and ABC = CV.ABC", () => {
    expect(names(segment(grid, roles, "pyramid").rowTiers)).toEqual(
      call("PYRAMID", column("monetary"), null, null, null)
    );
    expect(names(segment(grid, roles, "abc").rowTiers)).toEqual(
      call("ABC", column("monetary"), null, null, null)
    );
  });

  test("RFM = CV.RFMSCORE and CV.RFMSEGMENT", () => {
    const pane = segment(grid, roles, "rfm");
    const codes = call(
      "RFMSCORE",
      column("recency"),
      column("frequency"),
      column("monetary"),
      null,
      null,
      null,
      null
    );
    expect(pane.scores[3].values.map((v) => [v])).toEqual(codes);
    expect(names(pane.rowTiers)).toEqual(call("RFMSEGMENT", codes, null));
  });
});

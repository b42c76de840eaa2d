import {
  RECORDS_NAMESPACE,
  decodeRecordsXml,
  encodeRecordsXml,
  storedRecords,
  withPending,
  withRecord,
} from "../../src/workbook/recordStore";
import type { SegmentationRecord } from "../../src/workbook/types";

function record(id: string, sheet = "Customers"): SegmentationRecord {
  return {
    version: 1,
    id,
    method: "value",
    fromTransactions: false,
    options: {},
    parameters: { split: "median" },
    roles: { customerId: 'Customer <&> "name"' },
    language: "en-US",
    date: "2026-11-30T10:00:00.000Z",
    source: { sheet, area: { top: 0, left: 0, rows: 6, columns: 3 } },
    written: {
      columns: { sheet, area: { top: 0, left: 3, rows: 6, columns: 1 }, headers: ["Tier"] },
      sheets: ["Customer segments"],
      rules: [{ sheet, area: { top: 1, left: 3, rows: 5, columns: 1 }, labels: ["Gold"] }],
    },
  };
}

test("one element per segmentation in our namespace; text that looks like XML stays text", () => {
  const a = record("Customers!0,0");
  const b = record("Q3 <final> & 'draft'!2,1", "Q3 <final> & 'draft'");
  const xml = encodeRecordsXml({ records: [a, b], pending: [] });
  expect(xml.startsWith(`<segmentations xmlns="${RECORDS_NAMESPACE}" version="2">`)).toBe(true);
  expect(xml.match(/<segmentation /g)).toHaveLength(2);
  expect(xml).not.toContain("<final>");
  expect(decodeRecordsXml(xml)).toEqual({ records: [a, b], pending: [], damaged: [] });
});

test("a damaged element loses only itself, and is reported with its id", () => {
  const good = record("Customers!0,0");
  const xml = [
    `<segmentations xmlns="${RECORDS_NAMESPACE}" version="2">`,
    `<segmentation id="Broken!0,0" state="done">{"version":1,"id":"Bro</segmentation>`,
    `<segmentation id="Other!0,0" state="done">{"version":7}</segmentation>`,
    encodeRecordsXml({ records: [good], pending: [] }).split("\n")[1],
    "</segmentations>",
  ].join("\n");
  const read = decodeRecordsXml(xml);
  expect(read.records).toEqual([good]);
  expect(read.damaged.map((d) => d.id)).toEqual(["Broken!0,0", "Other!0,0"]);
});

test("a pending write is an unfinished one for the pane; done replaces it and the old record", () => {
  const previous = record("Customers!0,0");
  const next = { ...record("Customers!0,0"), method: "abc" as const };
  const marked = withPending(
    { records: [previous], pending: [] },
    {
      record: next,
      previous,
      standIns: ["~CV 1", "~CV 2"],
    }
  );
  const read = decodeRecordsXml(encodeRecordsXml(marked));
  expect(read.pending).toEqual([{ record: next, previous, standIns: ["~CV 1", "~CV 2"] }]);
  expect(storedRecords(read).unfinished).toEqual([
    { id: "Customers!0,0", method: "abc", date: next.date, source: next.source },
  ]);
  expect(withRecord(marked, "Customers!0,0", next)).toEqual({ records: [next], pending: [] });
  expect(withRecord(marked, "Customers!0,0")).toEqual({ records: [], pending: [] });
});

import type { DamagedRecord, SegmentationRecord, StoredRecords, UnfinishedWrite } from "./types";

/**
 * The segmentation records, as the workbook keeps them: one custom XML part in our own
 * namespace, one element per segmentation, its JSON as the element's text. A custom XML part
 * has no length limit worth speaking of (custom document properties stop at 255 characters,
 * silently, and some Excel versions cut them shorter), travels with the file, and is invisible
 * to a colleague without the add-in, who needs nothing from it.
 *
 *   <segmentations xmlns="urn:customer-value-excel:segmentations" version="2">
 *     <segmentation id="Customers!0,0" state="done">{"version":1,…}</segmentation>
 *     <segmentation id="Customers!0,0" state="pending">{"record":…,"previous":…}</segmentation>
 *   </segmentations>
 *
 * A "pending" element marks a write that has begun: it is written before the first change and
 * replaced when the write is done, so a write that Excel never finished is found next time.
 * Each element is read on its own: a damaged one is reported and skipped, the others stand.
 */
export const RECORDS_NAMESPACE = "urn:customer-value-excel:segmentations";

/** What a pending element holds: enough to take away everything the write might have left. */
export interface PendingWrite {
  /** the record the write will save when it is done */
  record: SegmentationRecord;
  /** the run it replaces, whose output is also ours to take away */
  previous?: SegmentationRecord;
  /** names of sheets that stand in while sheets of the previous run are replaced */
  standIns: string[];
}

export interface RecordEntries {
  records: SegmentationRecord[];
  pending: PendingWrite[];
  damaged: DamagedRecord[];
}

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[name as string] as string;
  });
}

export function encodeRecordsXml(entries: {
  records: readonly SegmentationRecord[];
  pending: readonly PendingWrite[];
}): string {
  const element = (id: string, state: string, json: unknown) =>
    `  <segmentation id="${escapeAttribute(id)}" state="${state}">${escapeText(
      JSON.stringify(json)
    )}</segmentation>`;
  return [
    `<segmentations xmlns="${RECORDS_NAMESPACE}" version="2">`,
    ...entries.records.map((r) => element(r.id, "done", r)),
    ...entries.pending.map((p) => element(p.record.id, "pending", p)),
    "</segmentations>",
  ].join("\n");
}

const ELEMENT = /<segmentation\b([^>]*)>([\s\S]*?)<\/segmentation>/g;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return match ? unescape(match[1]) : undefined;
}

/** Whether a value read back has the shape of a record this version can use. */
export function isRecord(value: unknown): value is SegmentationRecord {
  const r = value as SegmentationRecord | null;
  return (
    typeof r === "object" &&
    r !== null &&
    r.version === 1 &&
    typeof r.id === "string" &&
    typeof r.method === "string" &&
    typeof r.source === "object" &&
    r.source !== null &&
    typeof r.written === "object" &&
    r.written !== null &&
    Array.isArray(r.written.sheets) &&
    Array.isArray(r.written.rules)
  );
}

/** Reads every element on its own; what cannot be read is listed in `damaged`. */
export function decodeRecordsXml(xml: string): RecordEntries {
  const entries: RecordEntries = { records: [], pending: [], damaged: [] };
  for (const [, attributes, text] of xml.matchAll(ELEMENT)) {
    const id = attribute(attributes, "id");
    const state = attribute(attributes, "state");
    try {
      const value = JSON.parse(unescape(text));
      if (state === "done" && isRecord(value)) entries.records.push(value);
      else if (state === "pending" && isRecord(value?.record)) {
        const previous = isRecord(value.previous) ? { previous: value.previous } : {};
        const standIns = Array.isArray(value.standIns)
          ? value.standIns.filter((name: unknown) => typeof name === "string")
          : [];
        entries.pending.push({ record: value.record, ...previous, standIns });
      } else entries.damaged.push({ ...(id ? { id } : {}), reason: "not a segmentation record" });
    } catch (error) {
      entries.damaged.push({
        ...(id ? { id } : {}),
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return entries;
}

/** The pane's view of the entries: a pending write is an unfinished one. */
export function storedRecords(entries: RecordEntries): StoredRecords {
  const unfinished: UnfinishedWrite[] = entries.pending.map(({ record }) => ({
    id: record.id,
    method: record.method,
    date: record.date,
    source: record.source,
  }));
  return { records: entries.records, unfinished, damaged: entries.damaged };
}

/** One table's entries replaced: its record (if any) and no pending mark. */
export function withRecord(
  entries: { records: readonly SegmentationRecord[]; pending: readonly PendingWrite[] },
  id: string,
  record?: SegmentationRecord
): { records: SegmentationRecord[]; pending: PendingWrite[] } {
  return {
    records: [...entries.records.filter((r) => r.id !== id), ...(record ? [record] : [])],
    pending: entries.pending.filter((p) => p.record.id !== id),
  };
}

/** One table's pending mark added (the record of the run it replaces stays until done). */
export function withPending(
  entries: { records: readonly SegmentationRecord[]; pending: readonly PendingWrite[] },
  pending: PendingWrite
): { records: SegmentationRecord[]; pending: PendingWrite[] } {
  return {
    records: [...entries.records],
    pending: [...entries.pending.filter((p) => p.record.id !== pending.record.id), pending],
  };
}

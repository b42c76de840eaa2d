import { RECORD_PREFIX, decodeRecords } from "../records";
import {
  type RecordEntries,
  RECORDS_NAMESPACE,
  decodeRecordsXml,
  encodeRecordsXml,
} from "../recordStore";
import type { SegmentationRecord } from "../types";

/**
 * The records' place in the workbook through Office.js: our custom XML part (ExcelApi 1.5), and
 * the custom document properties where versions before it kept them. Old-style records are
 * read as if they were in the part; the next save moves them there and deletes the properties.
 */
export interface StoreFacts {
  /** the parts in our namespace (one, unless two writers raced) and their XML */
  parts: { part: Excel.CustomXmlPart; xml: string }[];
  /** old-style record properties, key and value */
  properties: { key: string; value: string }[];
  entries: RecordEntries;
}

/** What the store held before a write, to put back if the write fails. */
export interface StoreBefore {
  xmls: string[];
  properties: { key: string; value: string }[];
}

export const storeBefore = (facts: StoreFacts): StoreBefore => ({
  xmls: facts.parts.map((p) => p.xml),
  properties: facts.properties,
});

/** Two syncs: the parts and the properties, then each part's XML. */
export async function loadStore(context: Excel.RequestContext): Promise<StoreFacts> {
  const scoped = context.workbook.customXmlParts.getByNamespace(RECORDS_NAMESPACE);
  scoped.load("items/id");
  const custom = context.workbook.properties.custom;
  custom.load("items/key,items/value");
  await context.sync();
  const xmls = scoped.items.map((part) => ({ part, xml: part.getXml() }));
  if (xmls.length > 0) await context.sync();

  const parts = xmls.map(({ part, xml }) => ({ part, xml: xml.value }));
  const properties = custom.items
    .filter((p) => p.key.startsWith(RECORD_PREFIX))
    .map((p) => ({ key: p.key, value: String(p.value) }));
  const entries: RecordEntries = { records: [], pending: [], damaged: [] };
  for (const { xml } of parts) {
    const read = decodeRecordsXml(xml);
    entries.records.push(...read.records);
    entries.pending.push(...read.pending);
    entries.damaged.push(...read.damaged);
  }
  // records an earlier version kept in properties count unless the part has their table
  const known = new Set(entries.records.map((r) => r.id));
  const old = decodeRecords(Object.fromEntries(properties.map((p) => [p.key, p.value])));
  if (properties.length > 0 && old.length === 0)
    entries.damaged.push({ reason: "the records of an earlier version could not be read" });
  entries.records.push(...old.filter((r) => !known.has(r.id)));
  return { parts, properties, entries };
}

/**
 * Writes the entries as our one part (replacing any others) and deletes old-style properties.
 * Returns a check to call after the sync (it throws when the part does not read back as
 * written) and the store as it will then be, for a later save in the same run.
 */
export function queueSaveStore(
  context: Excel.RequestContext,
  facts: StoreFacts,
  entries: { records: readonly SegmentationRecord[]; pending: RecordEntries["pending"] }
): { check: () => void; saved: StoreFacts } {
  const custom = context.workbook.properties.custom;
  for (const { key } of facts.properties) custom.getItem(key).delete();
  if (entries.records.length + entries.pending.length === 0) {
    // nothing to keep: the workbook holds nothing of ours
    for (const { part } of facts.parts) part.delete();
    return {
      check: () => undefined,
      saved: { parts: [], properties: [], entries: { records: [], pending: [], damaged: [] } },
    };
  }
  const xml = encodeRecordsXml(entries);
  const [first, ...extra] = facts.parts;
  let part: Excel.CustomXmlPart;
  if (first) {
    first.part.setXml(xml);
    part = first.part;
  } else part = context.workbook.customXmlParts.add(xml);
  for (const { part: other } of extra) other.delete();
  const readBack = part.getXml();
  return {
    // called by the caller after the sync
    check: () => {
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      if (readBack.value !== xml) throw new RecordNotSaved();
    },
    saved: {
      parts: [{ part, xml }],
      properties: [],
      entries: { records: [...entries.records], pending: [...entries.pending], damaged: [] },
    },
  };
}

/** Puts the store back as `before` had it: parts and old-style properties. */
export function queueRestoreStore(
  context: Excel.RequestContext,
  now: StoreFacts,
  before: StoreBefore
): void {
  if (JSON.stringify(storeBefore(now)) === JSON.stringify(before)) return;
  for (const { part } of now.parts) part.delete();
  for (const xml of before.xmls) context.workbook.customXmlParts.add(xml);
  const custom = context.workbook.properties.custom;
  const keep = new Set(before.properties.map((p) => p.key));
  for (const { key } of now.properties) if (!keep.has(key)) custom.getItem(key).delete();
  for (const { key, value } of before.properties) custom.add(key, value);
}

/** The records part did not read back as it was written. */
export class RecordNotSaved extends Error {
  readonly code = "RecordNotSaved";
  constructor() {
    super("the segmentation record did not read back as it was written");
    this.name = "RecordNotSaved";
  }
}

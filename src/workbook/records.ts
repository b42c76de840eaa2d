import type { SegmentationRecord } from "./types";

/**
 * Segmentation records live in the workbook's custom document properties, where a colleague
 * can read them (File > Properties) and LibreOffice keeps them. Excel limits a property value
 * to 255 characters, so the JSON is split over numbered properties.
 */
export const RECORD_PREFIX = "CustomerValue.Segmentations.";
const CHUNK = 250;

export function encodeRecords(records: readonly SegmentationRecord[]): Record<string, string> {
  const properties: Record<string, string> = {};
  if (records.length === 0) return properties;
  const json = JSON.stringify(records);
  for (let i = 0, part = 1; i < json.length; i += CHUNK, part++) {
    properties[`${RECORD_PREFIX}${String(part).padStart(3, "0")}`] = json.slice(i, i + CHUNK);
  }
  return properties;
}

/** Reads records back; anything unreadable (edited by hand, another version) counts as none. */
export function decodeRecords(properties: Record<string, string>): SegmentationRecord[] {
  const parts = Object.keys(properties)
    .filter((key) => key.startsWith(RECORD_PREFIX))
    .sort();
  if (parts.length === 0) return [];
  try {
    const records = JSON.parse(parts.map((key) => properties[key]).join(""));
    return Array.isArray(records) ? records.filter((r) => r && r.version === 1) : [];
  } catch {
    return [];
  }
}

/** The records after one table's record is replaced (or removed, without `record`). */
export function replaceRecord(
  records: readonly SegmentationRecord[],
  id: string,
  record?: SegmentationRecord
): SegmentationRecord[] {
  const others = records.filter((r) => r.id !== id);
  return record ? [...others, record] : others;
}

export function sourceId(sheet: string, top: number, left: number): string {
  return `${sheet}!${top},${left}`;
}

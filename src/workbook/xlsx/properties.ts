import { strFromU8, unzipSync } from "fflate";
import type { Feature } from "write-excel-file/universal";

/**
 * Custom document properties (docProps/custom.xml), where the add-in keeps its segmentation
 * records: written into a downloaded workbook so the add-in in Excel (or the preview, opening
 * the file again) can re-run or remove the segmentation, and read back from an opened file.
 */

const PART = "docProps/custom.xml";
const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const RELATION =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
// the format id every custom property carries (ECMA-376 part 1, 22.3.2.2)
const FORMAT_ID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (entity in named) return named[entity];
    const hex = entity[1].toLowerCase() === "x";
    return String.fromCodePoint(parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10));
  });

export function customPropertiesFeature(properties: ReadonlyMap<string, string>): Feature<Blob> {
  const entries = [...properties].map(
    ([name, value], i) =>
      // property ids start at 2
      `<property fmtid="${FORMAT_ID}" pid="${i + 2}" name="${escapeXml(name)}">` +
      `<vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`
  );
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `${entries.join("")}</Properties>`;
  return {
    files: {
      transform: {
        "[Content_Types].xml": {
          insert: () => `<Override PartName="/${PART}" ContentType="${CONTENT_TYPE}"/>`,
        },
        "_rels/.rels": {
          insert: () =>
            `<Relationship Id="rIdCustomProperties" Type="${RELATION}" Target="${PART}"/>`,
        },
      },
      write: { files: () => ({ [PART]: xml }) },
    },
  };
}

/** The text custom properties of an .xlsx file (none when it has no such part). */
export function readCustomProperties(xlsx: Uint8Array): Map<string, string> {
  const files = unzipSync(xlsx, { filter: (file) => file.name === PART });
  const properties = new Map<string, string>();
  if (!files[PART]) return properties;
  const xml = strFromU8(files[PART]);
  for (const match of xml.matchAll(
    /<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/g
  )) {
    properties.set(unescapeXml(match[1]), unescapeXml(match[2]));
  }
  return properties;
}

import type { Area } from "./types";

/** A1-style addresses, for Office.js and for messages. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellAddress(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

export function areaAddress(area: Area): string {
  const first = cellAddress(area.top, area.left);
  if (area.rows === 1 && area.columns === 1) return first;
  return `${first}:${cellAddress(area.top + area.rows - 1, area.left + area.columns - 1)}`;
}

/** Sheet!A1:B2, quoting the sheet name when it needs it. */
export function qualified(sheet: string, area: Area): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${areaAddress(area)}`;
}

export function parseAddress(address: string): Area {
  const plain = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = plain.replace(/\$/g, "").split(":");
  const cell = (ref: string) => {
    const match = /^([A-Z]+)(\d+)$/i.exec(ref);
    if (!match) throw new Error(`Not a cell address: ${ref}`);
    const column =
      [...match[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(match[2]) - 1, column };
  };
  const from = cell(a);
  const to = cell(b);
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    rows: Math.abs(to.row - from.row) + 1,
    columns: Math.abs(to.column - from.column) + 1,
  };
}

export function overlaps(a: Area, b: Area): boolean {
  return (
    a.top < b.top + b.rows &&
    b.top < a.top + a.rows &&
    a.left < b.left + b.columns &&
    b.left < a.left + a.columns
  );
}

/** The parts of `a` outside `b`, as up to four rectangles. */
export function subtract(a: Area, b: Area): Area[] {
  if (!overlaps(a, b)) return [a];
  const parts: Area[] = [];
  const aBottom = a.top + a.rows;
  const aRight = a.left + a.columns;
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(aBottom, b.top + b.rows);
  if (b.top > a.top)
    parts.push({ top: a.top, left: a.left, rows: b.top - a.top, columns: a.columns });
  if (b.top + b.rows < aBottom)
    parts.push({
      top: b.top + b.rows,
      left: a.left,
      rows: aBottom - (b.top + b.rows),
      columns: a.columns,
    });
  if (b.left > a.left)
    parts.push({ top, left: a.left, rows: bottom - top, columns: b.left - a.left });
  if (b.left + b.columns < aRight)
    parts.push({
      top,
      left: b.left + b.columns,
      rows: bottom - top,
      columns: aRight - (b.left + b.columns),
    });
  return parts;
}

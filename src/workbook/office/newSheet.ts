import { areaAddress, columnName } from "../address";
import { tableArea, uniqueSheetName } from "../newSheet";
import type { InsertedSheet, NewSheet } from "../types";
import { calls, groupIntoBatches, sendBatches, valueSteps } from "./batches";
import { jsonBytes } from "./blocks";
import { POINTS_PER_CHARACTER } from "./content";

/** How far a new sheet got, for taking it away again when a later sync fails. */
export interface NewSheetProgress {
  name: string;
  /** the sheet exists and is ours: its own sync went through */
  added: boolean;
}

/**
 * Adds a sheet under a free name, writes the table, then activates the sheet and selects the
 * table. The sheet is added in a sync of its own, so that after a failure the adapter knows
 * whether a sheet of that name is ours to take away or someone else's. Three syncs for a table
 * of up to 20,000 rows; every call is one Excel can undo, none beyond ExcelApi 1.6.
 */
export async function writeNewSheet(
  context: Excel.RequestContext,
  content: NewSheet,
  progress: NewSheetProgress
): Promise<InsertedSheet> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(
    content.name,
    worksheets.items.map((sheet) => sheet.name)
  );
  progress.name = name;
  worksheets.add(name);
  await context.sync();
  progress.added = true;

  const area = tableArea(content);
  const dataRows = area.rows - 1;
  const widths = content.columnWidths ?? [];
  const formatting = calls(
    (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(name);
      sheet.getRange(areaAddress({ ...area, rows: 1 })).format.font.bold = true;
      content.numberFormats?.forEach((format, c) => {
        if (format && dataRows > 0)
          sheet.getRange(
            areaAddress({ top: 1, left: c, rows: dataRows, columns: 1 })
          ).numberFormat = [[format]];
      });
      widths.forEach((width, c) => {
        const column = columnName(c);
        sheet.getRange(`${column}:${column}`).format.columnWidth = width * POINTS_PER_CHARACTER;
      });
      sheet.activate();
      sheet.getRange(areaAddress(area)).select();
    },
    4 + area.columns + widths.length,
    jsonBytes(content.numberFormats ?? []) + jsonBytes(widths)
  );
  // a short row is written out with empty cells, so the block is a rectangle
  const values = content.values.map((row) =>
    row.length < area.columns ? [...row, ...Array(area.columns - row.length).fill(null)] : row
  );
  await sendBatches(context, groupIntoBatches([...valueSteps(name, 0, 0, values), formatting]));
  return { sheet: name, area };
}

import { render } from "@testing-library/react";
import type { Locale } from "../../src/i18n/locale";
import { App } from "../../src/taskpane/App";
import { type CellValue } from "../../src/workbook/types";
import {
  MemoryWorkbook,
  MemoryWorkbookPort,
  type MemoryPortOptions,
} from "../../src/workbook/memory";

export { fiveCustomers as customers } from "../support/customers";

/** The real pane over an in-memory workbook whose selection is A1 of the table. */
export function openPane(
  rows: CellValue[][],
  locale: Locale = "en-US",
  options: MemoryPortOptions = {},
  workbook?: MemoryWorkbook
) {
  const book = workbook ?? MemoryWorkbook.withTable("Sheet1", rows);
  const port = new MemoryWorkbookPort(book, options);
  const view = render(<App port={port} locale={locale} theme="light" />);
  return { workbook: book, port, ...view };
}

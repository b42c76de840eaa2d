import { act, render } from "@testing-library/react";
import type { Locale } from "../../src/i18n/locale";
import { App } from "../../src/taskpane/App";
import { type CellValue, type PaneEvents, type WorkbookPort } from "../../src/workbook/types";
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

/**
 * A host that says when the pane is shown and the selection moves only when the test does,
 * as Excel's shared runtime with the pane still hidden.
 */
export class QuietHost extends MemoryWorkbookPort {
  events: PaneEvents | undefined;
  listening = 0;

  override async listen(events: PaneEvents): Promise<() => Promise<void>> {
    this.events = events;
    this.listening++;
    return async () => {
      this.events = undefined;
      this.listening--;
    };
  }

  show(): void {
    act(() => this.events?.shown());
  }

  moveSelection(): void {
    act(() => this.events?.selectionChanged());
  }
}

/** The port as the pane sees it, with every call the pane makes written down by name. */
export function counted<T extends WorkbookPort>(port: T): { port: T; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(port, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function" || typeof name !== "string") return value;
      return (...args: unknown[]) => {
        calls.push(name);
        return value.apply(target, args);
      };
    },
  });
  return { port: proxy, calls };
}

/** The pane on a given port. */
export function renderPane(port: WorkbookPort, locale: Locale = "en-US") {
  return render(<App port={port} locale={locale} theme="light" />);
}

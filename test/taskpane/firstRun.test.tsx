/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LOCALES } from "../../src/i18n/locale";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { OfficeWorkbookPort } from "../../src/workbook/office";
import { sampleRows } from "../../src/workbook/sample";
import { MockExcel, MockOfficeError } from "../support/excelMock";
import { customers, openPane } from "./support";

const SAMPLE_AREA = { top: 0, left: 0, rows: 252, columns: 6 };

/** A workbook of one empty sheet, its A1 selected: the pane as a new user first sees it. */
function emptyWorkbook(): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  workbook.addSheet("Sheet1");
  return workbook;
}

async function enabled(name: string | RegExp) {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
  await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
  return button;
}

describe("the first run: no customer table selected", () => {
  test("says what the pane needs and inserts the sample on a new sheet, selected, ready to segment", async () => {
    const user = userEvent.setup();
    const workbook = emptyWorkbook();
    openPane([], "en-US", {}, workbook);
    expect(
      await screen.findByText(
        "The selection is empty. Select a customer table, or one cell inside it."
      )
    ).toBeTruthy();
    expect(
      screen.getByText(
        "The pane needs a customer table: a header row, then one row per customer, with columns of numbers such as value, recency or spend."
      )
    ).toBeTruthy();
    expect(screen.getByText(/Nothing of yours is changed\./)).toBeTruthy();

    await user.click(await enabled("Insert sample data"));
    expect(
      await screen.findByText('Sample data added on the new sheet "Sample customers" and selected.')
    ).toBeTruthy();
    expect(await screen.findByText("'Sample customers'!A1:F252: 251 rows, 6 columns")).toBeTruthy();
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sample customers"]);
    expect(workbook.selection).toEqual({ sheet: "Sample customers", area: SAMPLE_AREA });
    expect(workbook.sheet("Sample customers")!.values(SAMPLE_AREA)).toEqual(sampleRows());
    // the sample's columns are recognised: the value matrix on current value and growth potential
    expect((screen.getByRole("radio", { name: /Value matrix/ }) as HTMLInputElement).checked).toBe(
      true
    );
    expect(
      (screen.getByRole("combobox", { name: "Current value" }) as HTMLSelectElement).value
    ).toBe("4");
    expect(screen.queryByRole("button", { name: "Insert sample data" })).toBeNull();

    await user.click(await enabled("Segment customers"));
    expect(
      await screen.findByText(
        /Done: tier columns in 'Sample customers'!G1:G252; "Customer segments" added\./
      )
    ).toBeTruthy();
    expect(workbook.sheet("Sample customers")!.value(0, 6)).toBe("Value matrix tier");
  });

  test("a second insert gets a sheet of its own, never the first one's name", async () => {
    const user = userEvent.setup();
    const workbook = emptyWorkbook();
    openPane([], "en-US", {}, workbook);
    await user.click(await enabled("Insert sample data"));
    await screen.findByText("'Sample customers'!A1:F252: 251 rows, 6 columns");
    workbook.selection = { sheet: "Sheet1", area: { top: 4, left: 2, rows: 1, columns: 1 } };
    await user.click(await enabled("Use selection"));
    await user.click(await enabled("Insert sample data"));
    expect(
      await screen.findByText("'Sample customers (2)'!A1:F252: 251 rows, 6 columns")
    ).toBeTruthy();
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Sample customers",
      "Sample customers (2)",
    ]);
  });

  test("also offered when the selection holds no table, never when it does", async () => {
    const { unmount } = openPane([
      ["Customer", "City"],
      ["Ana", "Paris"],
    ]);
    expect(
      await screen.findByText(
        "No column of this table holds numbers, so there is nothing to segment."
      )
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Insert sample data" })).toBeTruthy();
    unmount();
    openPane(customers());
    await screen.findByText("Sheet1!A1:C6: 5 rows, 3 columns");
    expect(screen.queryByRole("button", { name: "Insert sample data" })).toBeNull();
  });

  test("keyboard only: Tab reaches the button, Enter inserts the sample, focus lands on its table", async () => {
    const user = userEvent.setup();
    const workbook = emptyWorkbook();
    openPane([], "en-US", {}, workbook);
    const button = await enabled("Insert sample data");
    for (let presses = 0; presses < 10 && document.activeElement !== button; presses++)
      await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard("{Enter}");
    const summary = await screen.findByText("'Sample customers'!A1:F252: 251 rows, 6 columns");
    expect(workbook.selection.sheet).toBe("Sample customers");
    // the button is gone with the first run; the keyboard's place is the table it inserted
    await waitFor(() => expect(document.activeElement).toBe(summary));
  });

  test("in Simplified Chinese: the explanation, the button, the sheet and its header", async () => {
    const user = userEvent.setup();
    const workbook = emptyWorkbook();
    openPane([], "zh-CN", {}, workbook);
    expect(
      await screen.findByText("所选区域为空。请选择客户表，或表中的一个单元格。")
    ).toBeTruthy();
    expect(
      screen.getByText(
        "此窗格需要一张客户表：第一行是标题行，之后每位客户一行，并有数字列，例如价值、最近购买或消费金额。"
      )
    ).toBeTruthy();
    await user.click(await enabled("插入示例数据"));
    expect(await screen.findByText("示例数据已添加到新工作表“示例客户”并已选中。")).toBeTruthy();
    expect(await screen.findByText("'示例客户'!A1:F252：251 行，6 列")).toBeTruthy();
    const sheet = workbook.sheet("示例客户")!;
    expect(sheet.values({ top: 0, left: 0, rows: 2, columns: 6 })).toEqual([
      [
        "客户",
        "最近购买（天）",
        "购买次数",
        "消费金额（美元）",
        "当前价值（美元）",
        "增值潜力（美元）",
      ],
      sampleRows()[1],
    ]);
    expect((screen.getByRole("radio", { name: /价值矩阵/ }) as HTMLInputElement).checked).toBe(
      true
    );
    expect((screen.getByRole("combobox", { name: "增值潜力" }) as HTMLSelectElement).value).toBe(
      "5"
    );
  });
});

describe("the first run in Excel (the Office adapter on the Excel model)", () => {
  function openOnExcel(excel: MockExcel, locale: "en-US" | "zh-CN" = "en-US") {
    const port = new OfficeWorkbookPort(excel.run, excel.isSetSupported);
    const view = render(<App port={port} locale={locale} theme="light" />);
    // the Excel model sends no visibility event: the user's first touch of the pane reads
    act(() => void fireEvent.pointerDown(screen.getByRole("main")));
    return view;
  }

  test("a failed sync is said in the user's language, nothing is left, and the next try works", async () => {
    const user = userEvent.setup();
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    excel.failWhen = (op) =>
      op.action === "values" ? new MockOfficeError("GeneralException", "服务器繁忙") : undefined;
    openOnExcel(excel, "zh-CN");
    await user.click(await enabled("插入示例数据"));
    expect(await screen.findByText("无法添加示例数据：GeneralException: 服务器繁忙")).toBeTruthy();
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.selection.sheet).toBe("Sheet1");
    expect(screen.queryByText(/示例数据已添加/)).toBeNull();

    excel.failWhen = undefined;
    await user.click(await enabled("插入示例数据"));
    expect(await screen.findByText("'示例客户'!A1:F252：251 行，6 列")).toBeTruthy();
    expect(excel.selection).toEqual({ sheet: "示例客户", area: SAMPLE_AREA });
    expect(excel.sheet("示例客户")!.value(1, 3)).toBe(sampleRows()[1][3]);
  });

  test("a sheet left behind by a failed clean-up is named, so the user can delete it", async () => {
    const user = userEvent.setup();
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    excel.failWhen = (op) =>
      op.action === "values" || op.action === "delete()"
        ? new MockOfficeError("GeneralException", "offline")
        : undefined;
    openOnExcel(excel);
    await user.click(await enabled("Insert sample data"));
    expect(
      await screen.findByText(
        'The sample data could not be added, and the sheet "Sample customers" may have been left incomplete: delete it. (GeneralException: offline)'
      )
    ).toBeTruthy();
  });

  test("inserted in Excel, the sample is read and segmented as any table", async () => {
    const user = userEvent.setup();
    const excel = MockExcel.withTable("Sheet1", [[null]]);
    openOnExcel(excel);
    await user.click(await enabled("Insert sample data"));
    expect(await screen.findByText("'Sample customers'!A1:F252: 251 rows, 6 columns")).toBeTruthy();
    await user.click(await enabled("Segment customers"));
    expect(
      await screen.findByText(/Done: tier columns in 'Sample customers'!G1:G252/)
    ).toBeTruthy();
    expect(excel.sheet("Sample customers")!.value(0, 6)).toBe("Value matrix tier");
  });
});

describe("the Help link", () => {
  const expected = {
    "en-US": "Help (opens in a new window)",
    "zh-CN": "帮助（在新窗口中打开）",
    "zh-TW": "說明（在新視窗中開啟）",
  };

  test.each(LOCALES)(
    "%s: the help site's page in the pane's language, in a new window",
    async (locale) => {
      openPane(customers(), locale);
      const link = await screen.findByRole("link", { name: expected[locale] });
      expect(link.getAttribute("href")).toBe(`help/${locale}/index.html`);
      expect(link.getAttribute("target")).toBe("_blank");
      expect(link.getAttribute("rel")).toBe("noopener");
      // the visible word is part of the name (WCAG 2.5.3, label in name)
      expect(expected[locale].startsWith(link.textContent ?? "")).toBe(true);
    }
  );

  test("is in the pane's header, beside the title, and on the first run too", async () => {
    openPane([], "en-US", {}, emptyWorkbook());
    const heading = await screen.findByRole("heading", { level: 1, name: "Customer segments" });
    const link = screen.getByRole("link", { name: "Help (opens in a new window)" });
    expect(heading.parentElement).toBe(link.parentElement);
    expect(heading.parentElement!.tagName).toBe("HEADER");
  });
});

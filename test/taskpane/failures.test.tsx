/**
 * @jest-environment jsdom
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory";
import { planFor } from "../../src/workbook/segmentation";
import { type SegmentationRecord, WriteFailed } from "../../src/workbook/types";
import { analyse, segmentWith } from "../workbook/support";
import { counted, customers, openPane, renderPane } from "./support";

const SUMMARY = "Sheet1!A1:C6: 5 rows, 3 columns";

async function segmentButton() {
  const button = await screen.findByRole("button", { name: "Segment customers" });
  await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
  return button;
}

const tierColumn = (workbook: MemoryWorkbook) =>
  workbook.sheet("Sheet1")!.values({ top: 0, left: 3, rows: 6, columns: 1 }).flat();

describe("a write Excel refuses part-way", () => {
  test("is explained with Excel's reason, nothing changed, focus on it; Retry by keyboard writes it", async () => {
    const user = userEvent.setup();
    const { workbook } = openPane(customers(), "en-US", {
      failNextApply: new WriteFailed(
        "GeneralException",
        "The request could not be processed",
        false
      ),
    });
    await user.click(await segmentButton());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "The segmentation could not be written: GeneralException: The request could not be processed. Nothing in the workbook was changed."
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(tierColumn(workbook).every((v) => v === null)).toBe(true);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);

    await user.tab();
    expect(document.activeElement).toBe(within(alert).getByRole("button", { name: "Retry" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/Done: tier columns in Sheet1!D1:D6/)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(tierColumn(workbook)[1]).toBe("Gold");
    // the keyboard's place is the outcome, not the page
    await waitFor(() => expect(document.activeElement?.getAttribute("role")).toBe("status"));
    expect(document.activeElement?.textContent).toMatch(/^Done:/);
  });

  test("left part behind: says so, and the next read offers to remove it", async () => {
    const user = userEvent.setup();
    openPane(customers(), "en-US", {
      failNextApply: new WriteFailed("", "Excel went away", true),
    });
    await user.click(await segmentButton());
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The segmentation could not be written: Excel went away. Part of it may have been left in the workbook; the pane will offer to remove it the next time it reads the table."
    );
    await user.click(screen.getByRole("button", { name: "Use selection" }));
    expect(
      await screen.findByText(/did not finish \(Excel closed during the write\)/)
    ).toBeTruthy();
  });

  test.each([
    [
      "zh-CN",
      "无法写入细分结果：GeneralException: 服务器繁忙。工作簿未做任何更改。",
      "重试",
      "细分客户",
    ],
    [
      "zh-TW",
      "無法寫入細分結果：GeneralException: 服务器繁忙。活頁簿未做任何變更。",
      "重試",
      "細分客戶",
    ],
  ] as const)("in %s", async (locale, message, retry, segment) => {
    const user = userEvent.setup();
    openPane(customers(), locale, {
      failNextApply: new WriteFailed("GeneralException", "服务器繁忙", false),
    });
    const button = await screen.findByRole("button", { name: segment });
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
    await user.click(button);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(message);
    expect(within(alert).getByRole("button", { name: retry })).toBeTruthy();
  });

  test("a removal Excel refuses has the same Retry", async () => {
    const user = userEvent.setup();
    const workbook = MemoryWorkbook.withTable("Sheet1", customers());
    class RefusesOnce extends MemoryWorkbookPort {
      refuse = true;
      override async remove(record: SegmentationRecord) {
        if (this.refuse) {
          this.refuse = false;
          throw new WriteFailed("InvalidOperation", "The sheet is protected", false);
        }
        return super.remove(record);
      }
    }
    const port = new RefusesOnce(workbook);
    await segmentWith(port, "value");
    renderPane(port);
    await user.click(await screen.findByRole("button", { name: "Remove segmentation" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "The segmentation could not be removed: InvalidOperation: The sheet is protected. Nothing in the workbook was changed."
    );
    expect(tierColumn(workbook)[1]).toBe("Gold");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("The segmentation was removed.")).toBeTruthy();
    expect(tierColumn(workbook).every((v) => v === null)).toBe(true);
  });
});

describe("undo in several steps", () => {
  test("is said once a session, as information, however often Excel reports it", async () => {
    const user = userEvent.setup();
    openPane(customers(), "en-US", { undoSteps: true });
    await user.click(await segmentButton());
    await screen.findByText(/Done:/);
    expect(screen.getByText("Undo will take several steps in this Excel.")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();

    await user.click(await screen.findByRole("radio", { name: /ABC analysis/ }));
    await user.click(await segmentButton());
    await screen.findByText(/Done: tier columns in Sheet1!D1:E6/);
    expect(screen.queryByText("Undo will take several steps in this Excel.")).toBeNull();
  });

  test("in Simplified and Traditional Chinese", async () => {
    const user = userEvent.setup();
    const { unmount } = openPane(customers(), "zh-CN", { undoSteps: true });
    await user.click(await screen.findByRole("button", { name: "细分客户" }));
    expect(await screen.findByText("在此版本的 Excel 中，撤消需要多个步骤。")).toBeTruthy();
    unmount();
    openPane(customers(), "zh-TW", { undoSteps: true });
    await user.click(await screen.findByRole("button", { name: "細分客戶" }));
    expect(await screen.findByText("在此版本的 Excel 中，復原需要多個步驟。")).toBeTruthy();
  });
});

describe("what earlier sessions left", () => {
  test("a write Excel never finished is offered for removal; removing it reads the table again", async () => {
    const user = userEvent.setup();
    const workbook = MemoryWorkbook.withTable("Sheet1", customers());
    const memory = new MemoryWorkbookPort(workbook);
    const plan = await planFor(memory, await analyse(memory, "abc"), "en-US");
    memory.seedUnfinished(plan);
    expect(workbook.sheet("Sheet1")!.value(1, 4)).not.toBeNull();
    const { port, calls } = counted(memory);
    renderPane(port);
    const notice = await screen.findByText(
      `A segmentation of Sheet1!A1:C6 (ABC analysis, ${plan.record.date.slice(0, 10)}) did not finish (Excel closed during the write).`
    );
    expect(notice.closest("[role=status]")).toBeTruthy();
    const reads = calls.filter((c) => c === "readTable").length;

    await user.click(screen.getByRole("button", { name: "Remove what it wrote" }));
    expect(
      await screen.findByText("What the unfinished segmentation of Sheet1!A1:C6 wrote was removed.")
    ).toBeTruthy();
    expect(calls).toContain("cleanUp");
    expect(calls.filter((c) => c === "readTable").length).toBe(reads + 1);
    expect(screen.queryByText(/did not finish/)).toBeNull();
    expect(workbook.sheet("Sheet1")!.usedArea()).toEqual({ top: 0, left: 0, rows: 6, columns: 3 });
    expect((await memory.loadRecords()).unfinished).toEqual([]);
    expect(screen.getByText(SUMMARY)).toBeTruthy();
  });

  test("the notice in Traditional Chinese", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", customers());
    const memory = new MemoryWorkbookPort(workbook);
    const plan = await planFor(memory, await analyse(memory, "value"), "zh-TW");
    memory.seedUnfinished(plan);
    renderPane(memory, "zh-TW");
    expect(
      await screen.findByText(
        `對 Sheet1!A1:C6 的細分（價值矩陣，${plan.record.date.slice(0, 10)}）未完成（寫入期間 Excel 已關閉）。`
      )
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "移除已寫入的內容" })).toBeTruthy();
  });

  test("records that cannot be read are counted and skipped; the table's own record still works", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", customers());
    const memory = new MemoryWorkbookPort(workbook);
    await segmentWith(memory, "abc");
    memory.seedDamaged({ version: 1, id: "Old!0,0" });
    memory.seedDamaged("cut short");
    const { unmount } = renderPane(memory);
    expect(
      await screen.findByText(
        "2 saved segmentation records could not be read and were skipped; the others work."
      )
    ).toBeTruthy();
    expect(await screen.findByText(/Using the settings of the last segmentation/)).toBeTruthy();
    expect(
      ((await screen.findByRole("radio", { name: /ABC analysis/ })) as HTMLInputElement).checked
    ).toBe(true);
    unmount();

    const single = MemoryWorkbook.withTable("Sheet1", customers());
    const port = new MemoryWorkbookPort(single);
    port.seedDamaged(42);
    renderPane(port, "zh-CN");
    expect(
      await screen.findByText("有 1 条已保存的细分记录无法读取，已跳过；其他记录不受影响。")
    ).toBeTruthy();
  });
});

/**
 * @jest-environment jsdom
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory";
import type { WritePlan } from "../../src/workbook/types";
import { csvRows } from "../support/csv";
import { cdnowSample } from "../support/data";
import { customers, openPane } from "./support";

async function segmentButton() {
  const button = await screen.findByRole("button", { name: "Segment customers" });
  await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
  return button;
}

describe("the task pane", () => {
  test("reads the selected table, proposes the value matrix and previews the tiers", async () => {
    openPane(customers());
    expect(await screen.findByText("Sheet1!A1:C6: 5 rows, 3 columns")).toBeTruthy();
    expect((screen.getByRole("radio", { name: /Value matrix/ }) as HTMLInputElement).checked).toBe(
      true
    );
    expect(
      (screen.getByRole("combobox", { name: "Current value" }) as HTMLSelectElement).value
    ).toBe("1");
    expect(
      (screen.getByRole("combobox", { name: "Growth potential" }) as HTMLSelectElement).value
    ).toBe("2");
    const table = screen.getByRole("table");
    // Gold: Ana 1,520 and Bo 640 of 2,785
    const gold = within(table).getByRole("row", { name: /Gold/ });
    expect(
      within(gold)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["2", "40%", "77.6%"]);
    expect(
      screen.getByRole("group", { name: /Iron: Current value low, Growth potential high/ })
    ).toBeTruthy();
  });

  test("segment writes the coloured tier column and the summary; remove takes it all away", async () => {
    const user = userEvent.setup();
    const { workbook } = openPane(customers());
    await user.click(await segmentButton());
    expect(
      await screen.findByText(/Done: tier columns in Sheet1!D1:D6; "Customer segments" added\./)
    ).toBeTruthy();
    const sheet = workbook.sheet("Sheet1")!;
    expect(sheet.values({ top: 0, left: 3, rows: 6, columns: 1 }).flat()).toEqual([
      "Value matrix tier",
      "Gold",
      "Gold",
      "Silver",
      "Iron",
      "Lead",
    ]);
    expect(sheet.shownColours(2, 3).fill).toBe("#F2C744");
    expect(workbook.sheet("Customer segments")).toBeDefined();

    await user.click(screen.getByRole("button", { name: "Remove segmentation" }));
    expect(await screen.findByText("The segmentation was removed.")).toBeTruthy();
    expect(sheet.values({ top: 0, left: 3, rows: 6, columns: 1 }).flat()).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(workbook.sheet("Customer segments")).toBeUndefined();
    expect(screen.queryByRole("button", { name: "Remove segmentation" })).toBeNull();
  });

  test("another method and its options change the preview; a wrong option is explained and blocks writing", async () => {
    const user = userEvent.setup();
    openPane(customers());
    await user.click(await screen.findByRole("radio", { name: /ABC analysis/ }));
    const table = screen.getByRole("table");
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent)
    ).toEqual(["A", "B", "C", "Total"]);
    const aShare = screen.getByRole("textbox", { name: "Class A up to (%)" });
    await user.clear(aShare);
    await user.type(aShare, "97");
    expect(await screen.findByText("a_share must be smaller than b_share")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Segment customers" }).hasAttribute("disabled")).toBe(
      true
    );

    await user.click(screen.getByRole("radio", { name: /Value matrix/ }));
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Split for Current value" }),
      "percentile"
    );
    await user.type(screen.getByRole("textbox", { name: "Percentile for Current value" }), "150");
    expect(
      await screen.findByText(/Current value must be median, mean, p0 to p100 or a number/)
    ).toBeTruthy();
  });

  test("rows that cannot be used are skipped, counted and listed with their reason and worksheet row", async () => {
    const user = userEvent.setup();
    const rows = customers();
    rows[3][1] = "n/a";
    rows[4][2] = "#DIV/0!";
    rows.push(["Ana", 5, 5]);
    openPane(rows);
    expect(await screen.findByText("3 rows skipped")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Show skipped rows" }));
    const list = screen.getByRole("list", { name: "3 rows skipped" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent)
    ).toEqual([
      "Row 4: Current value holds 'n/a', not a number",
      "Row 5: Growth potential holds the error #DIV/0!",
      "Row 7: customer Ana appears again (first in row 1)",
    ]);
  });

  test("bad tables get clear messages", async () => {
    const cases: [(string | number | null)[][], string][] = [
      [[[null]], "The selection is empty. Select a customer table, or one cell inside it."],
      [[["Customer", "Profit"]], "The table has a header row but no customer rows."],
      [
        [
          ["Customer", "City"],
          ["Ana", "Paris"],
        ],
        "No column of this table holds numbers, so there is nothing to segment.",
      ],
      [
        [
          ["Customer", "Profit", "Potential"],
          ["Ana", 10, 5],
        ],
        "There is only one customer: every split puts it in the top tier.",
      ],
    ];
    for (const [rows, message] of cases) {
      const { unmount } = openPane(rows);
      expect(await screen.findByText(message)).toBeTruthy();
      unmount();
    }
  });

  test("never writes over data: blocked columns are named and nothing changes", async () => {
    const user = userEvent.setup();
    const rows = customers().map((row) => [...row, null]);
    const workbook = MemoryWorkbook.withTable("Sheet1", rows);
    workbook.sheet("Sheet1")!.set(2, 3, { value: "keep me" });
    workbook.selection.area = { top: 0, left: 0, rows: 6, columns: 3 };
    openPane(rows, "en-US", {}, workbook);
    await user.click(await segmentButton());
    expect(
      await screen.findByText(/The cells Sheet1!D1:D6 hold data the add-in did not write/)
    ).toBeTruthy();
    expect(workbook.sheet("Sheet1")!.value(2, 3)).toBe("keep me");
    expect(workbook.sheet("Sheet1")!.value(0, 3)).toBeNull();
  });

  test("a sheet added meanwhile under the summary's name is left alone, and the pane says so", async () => {
    const user = userEvent.setup();
    const workbook = MemoryWorkbook.withTable("Sheet1", customers());
    // someone adds the sheet after the pane planned its writes and before they arrive
    class RacingPort extends MemoryWorkbookPort {
      override async apply(plan: WritePlan) {
        workbook.addSheet(plan.sheets[0].name).set(0, 0, { value: "someone else's" });
        return super.apply(plan);
      }
    }
    render(<App port={new RacingPort(workbook)} locale="en-US" theme="light" />);
    await user.click(await segmentButton());
    expect(
      await screen.findByText(
        'A sheet named "Customer segments" was added meanwhile. Rename it, or segment again.'
      )
    ).toBeTruthy();
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1", "Customer segments"]);
    expect(workbook.sheet("Customer segments")!.value(0, 0)).toBe("someone else's");
    expect(workbook.sheet("Sheet1")!.value(0, 3)).toBeNull();
  });

  test("a long write shows progress and can be cancelled, leaving nothing of the run", async () => {
    const user = userEvent.setup();
    const rows = [["Customer", "Current value", "Growth potential"]];
    for (let i = 0; i < 200; i++) rows.push([`C${i}`, i * 3, (i * 7919) % 101] as never);
    const { workbook } = openPane(rows, "en-US", { blockRows: 10, pauseMs: 20 });
    await user.click(await segmentButton());
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled. Nothing of this run was kept.")).toBeTruthy();
    const sheet = workbook.sheet("Sheet1")!;
    expect(
      sheet
        .values({ top: 0, left: 3, rows: 201, columns: 1 })
        .flat()
        .every((v) => v === null)
    ).toBe(true);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("the method and options of the last run are offered again, to anyone opening the pane", async () => {
    const user = userEvent.setup();
    const { workbook, unmount } = openPane(customers());
    await user.click(await screen.findByRole("radio", { name: /ABC analysis/ }));
    const aShare = screen.getByRole("textbox", { name: "Class A up to (%)" });
    await user.clear(aShare);
    await user.type(aShare, "70");
    await user.click(await segmentButton());
    await screen.findByText(/Done:/);
    unmount();

    openPane(customers(), "en-US", {}, workbook);
    expect(
      await screen.findByText(/Using the settings of the last segmentation of this table/)
    ).toBeTruthy();
    expect((screen.getByRole("radio", { name: /ABC analysis/ }) as HTMLInputElement).checked).toBe(
      true
    );
    expect(
      (screen.getByRole("textbox", { name: "Class A up to (%)" }) as HTMLInputElement).value
    ).toBe("70");
    // the table read again does not count the tier columns as customer data
    expect(screen.getByText("Sheet1!A1:C6: 5 rows, 3 columns")).toBeTruthy();
  });

  test("speaks Simplified and Traditional Chinese, and writes tier names in that language", async () => {
    const user = userEvent.setup();
    const { workbook, unmount } = openPane(customers(), "zh-CN");
    expect(await screen.findByRole("heading", { name: "客户细分", level: 1 })).toBeTruthy();
    await user.click(await screen.findByRole("button", { name: "细分客户" }));
    await screen.findByText(/完成/);
    expect(workbook.sheet("Sheet1")!.value(1, 3)).toBe("金质客户");
    expect(workbook.sheet("客户细分")).toBeDefined();
    unmount();
    openPane(customers(), "zh-TW");
    expect(await screen.findByRole("radio", { name: /價值矩陣/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "細分客戶" })).toBeTruthy();
  });

  test("keyboard only: tab to the method, pick it with the arrows, and segment with Enter", async () => {
    const user = userEvent.setup();
    const { workbook } = openPane(customers());
    await screen.findByText("Sheet1!A1:C6: 5 rows, 3 columns");
    const radio = screen.getByRole("radio", { name: /Value matrix/ });
    act(() => radio.focus());
    await user.keyboard("{ArrowDown}");
    expect(
      (screen.getByRole("radio", { name: /Strategic matrix/ }) as HTMLInputElement).checked
    ).toBe(true);
    await user.keyboard("{ArrowUp}");
    const button = await segmentButton();
    act(() => button.focus());
    await user.keyboard("{Enter}");
    await screen.findByText(/Done:/);
    expect(workbook.sheet("Sheet1")!.value(1, 3)).toBe("Gold");
  });

  test("the messy Online Retail invoices: RFM from transactions, with every skipped line explained", async () => {
    const user = userEvent.setup();
    const rows = csvRows("online_retail_sample.csv");
    const { workbook } = openPane(rows);
    await screen.findByText("Sheet1!A1:H30001: 30000 rows, 8 columns");
    expect((screen.getByRole("radio", { name: /^RFM/ }) as HTMLInputElement).checked).toBe(true);
    expect(
      (screen.getByRole("radio", { name: "a transaction table" }) as HTMLInputElement).checked
    ).toBe(true);
    expect((screen.getByRole("combobox", { name: "Quantity" }) as HTMLSelectElement).value).toBe(
      "3"
    );
    const summary = await screen.findByText(/^\d+ rows skipped$/);
    const skipped = Number(summary.textContent!.split(" ")[0]);
    expect(skipped).toBeGreaterThan(2000);
    await user.click(screen.getByRole("button", { name: "Show skipped rows" }));
    const items = within(screen.getByRole("list"))
      .getAllByRole("listitem")
      .map((i) => i.textContent ?? "");
    expect(items.some((i) => /^Row \d+: no customer id$/.test(i))).toBe(true);
    expect(
      items.some((i) =>
        /^Row \d+: not a purchase \(amount -[\d.]+\): a return or cancellation$/.test(i)
      )
    ).toBe(true);
    expect(items[items.length - 1]).toBe(`…and ${skipped - 100} more`);
    await user.click(await segmentButton());
    await screen.findByText(/Done:/, undefined, { timeout: 20_000 });
    expect(workbook.sheet("RFM customers")!.value(0, 8)).toBe("Segment");
  }, 60_000);

  test("Predict: fits BG/NBD and Gamma-Gamma, shows the fit, writes P(alive), purchases and CLV per customer", async () => {
    const user = userEvent.setup();
    // the CDNOW sample as a worksheet: id, date, dollars
    const rows = [
      ["Customer", "Date", "Amount"],
      ...cdnowSample().map((t) => [t.id, String(t.date), t.dollars]),
    ];
    const { workbook } = openPane(rows);
    await user.click(await screen.findByRole("radio", { name: /^Predict \(BG\/NBD\)/ }));
    expect(await screen.findByText("Model fit")).toBeTruthy();
    expect(
      screen.getByRole("table", { name: "Customers by repeat purchases: actual and model" })
    ).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: /Check the forecast from/ }), "1997-09-30");
    const holdout = await screen.findByRole("table", {
      name: "Purchases per customer after 1997-09-30: actual and predicted from the purchases before",
    });
    // a header row, then the groups of 0 to 6 and 7 or more calibration repeat purchases
    expect(within(holdout).getAllByRole("row")).toHaveLength(9);
    // refitted to the calibration period, the model is the published one (FHL 2005, lifetimes)
    expect(
      screen.getByText(/Check from 1997-09-30: BG\/NBD r 0\.2426, α 4\.41[34], a 0\.7929, b 2\.426/)
    ).toBeTruthy();

    await user.click(await segmentButton());
    await screen.findByText(/Done:/, undefined, { timeout: 20_000 });
    const sheet = workbook.sheet("Customer predictions")!;
    expect(sheet.value(0, 5)).toBe("P(alive)");
    expect(sheet.value(0, 9)).toBe("CLV tier");
    // customer 0001 bought on 1997-01-01, 01-18, 08-02 and 12-12; predictions use every
    // purchase, as of the latest one in the data
    const latest = Math.max(...cdnowSample().map((t) => t.date));
    const day = (yyyymmdd: number) =>
      Date.UTC(
        Math.floor(yyyymmdd / 10000),
        (Math.floor(yyyymmdd / 100) % 100) - 1,
        yyyymmdd % 100
      ) / 86_400_000;
    expect(sheet.value(1, 0)).toBe("0001");
    expect(sheet.value(1, 1)).toBe(3);
    expect(sheet.value(1, 2)).toBeCloseTo((day(19971212) - day(19970101)) / 7, 9);
    expect(sheet.value(1, 3)).toBeCloseTo((day(latest) - day(19970101)) / 7, 9);
    const pAlive = sheet.value(1, 5) as number;
    expect(pAlive).toBeGreaterThan(0);
    expect(pAlive).toBeLessThan(1);
    expect(["VIP", "Major", "Regular", "Small"]).toContain(sheet.value(1, 9));
    expect(sheet.rules[0].tiers.map((tier) => tier.label)).toEqual([
      "VIP",
      "Major",
      "Regular",
      "Small",
    ]);
    expect(sheet.rules[0].area).toEqual({ top: 1, left: 9, rows: 2357, columns: 1 });
    expect(workbook.sheet("Customer segments")).toBeDefined();

    await user.click(screen.getByRole("button", { name: "Remove segmentation" }));
    await screen.findByText("The segmentation was removed.");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 90_000);
});

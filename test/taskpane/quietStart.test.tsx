/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory";
import { QuietHost, counted, customers, renderPane } from "./support";

const SUMMARY = "Sheet1!A1:C6: 5 rows, 3 columns";
const WAITING = "Select a customer table in the sheet, then choose Use selection.";

const reads = (calls: string[]) => calls.filter((call) => call === "readTable").length;

/** A workbook with the customers on Sheet1 and a second table of them on Other. */
function twoTables(): MemoryWorkbook {
  const workbook = MemoryWorkbook.withTable("Sheet1", customers());
  const other = workbook.addSheet("Other");
  customers()
    .slice(0, 4)
    .forEach((row, r) => row.forEach((value, c) => other.set(r, c, { value })));
  return workbook;
}

async function checked(name: RegExp) {
  return ((await screen.findByRole("radio", { name })) as HTMLInputElement).checked;
}

describe("a quiet start: nothing is read before the pane is shown or used", () => {
  test("before the pane is shown it only listens, says what it needs, and shows no error", async () => {
    const host = new QuietHost(MemoryWorkbook.withTable("Sheet1", customers()));
    const { port, calls } = counted(host);
    renderPane(port);
    await waitFor(() => expect(host.events).toBeDefined());
    expect(screen.getByText(WAITING)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("button", { name: "Use selection" }).hasAttribute("disabled")).toBe(
      false
    );
    // a selection moving in a hidden pane's workbook is not a reason to read either
    host.moveSelection();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toEqual(["listen"]);

    host.show();
    expect(await screen.findByText(SUMMARY)).toBeTruthy();
    expect(calls).toEqual(["listen", "readTable", "loadRecords"]);
    expect(screen.queryByText(WAITING)).toBeNull();
  });

  test("a host that never says shown: the first touch of the pane reads the table, once", async () => {
    const host = new QuietHost(MemoryWorkbook.withTable("Sheet1", customers()));
    const { port, calls } = counted(host);
    const user = userEvent.setup();
    renderPane(port);
    await waitFor(() => expect(host.events).toBeDefined());
    // pressing "Use selection" is a pointer down in the pane, then the click
    await user.click(screen.getByRole("button", { name: "Use selection" }));
    expect(await screen.findByText(SUMMARY)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("button", { name: "Use selection" })).toBeTruthy());
    expect(reads(calls)).toBe(1);
  });

  test.each([
    ["a key pressed", (main: HTMLElement) => fireEvent.keyDown(main, { key: "Tab" })],
    [
      "the keyboard's focus arriving",
      (main: HTMLElement) => fireEvent.focus(main.querySelector("button")!),
    ],
    ["a pointer pressed", (main: HTMLElement) => fireEvent.pointerDown(main)],
  ])("a host that never says shown: %s in the pane reads the table", async (_, touch) => {
    const host = new QuietHost(MemoryWorkbook.withTable("Sheet1", customers()));
    const { port, calls } = counted(host);
    renderPane(port);
    await waitFor(() => expect(host.events).toBeDefined());
    expect(reads(calls)).toBe(0);
    act(() => touch(screen.getByRole("main")));
    expect(await screen.findByText(SUMMARY)).toBeTruthy();
    expect(reads(calls)).toBe(1);
  });

  test("shown again, the pane reads the selection again", async () => {
    const workbook = twoTables();
    const host = new QuietHost(workbook);
    const { port, calls } = counted(host);
    renderPane(port);
    await waitFor(() => expect(host.events).toBeDefined());
    host.show();
    expect(await screen.findByText(SUMMARY)).toBeTruthy();
    // hidden meanwhile, the user moved to another table
    workbook.selection = { sheet: "Other", area: { top: 1, left: 1, rows: 1, columns: 1 } };
    host.show();
    expect(await screen.findByText("Other!A1:C4: 3 rows, 3 columns")).toBeTruthy();
    expect(reads(calls)).toBe(2);
  });

  test("stops listening when the pane goes", async () => {
    const host = new QuietHost(MemoryWorkbook.withTable("Sheet1", customers()));
    const { unmount } = renderPane(host);
    await waitFor(() => expect(host.listening).toBe(1));
    unmount();
    await waitFor(() => expect(host.listening).toBe(0));
  });
});

describe("the selection moving while the pane is shown", () => {
  test("is read again once it settles; the same table keeps the method and options, with the new values", async () => {
    const user = userEvent.setup();
    const workbook = twoTables();
    const { port, calls } = counted(new MemoryWorkbookPort(workbook));
    renderPane(port);
    await screen.findByText(SUMMARY);
    await user.click(await screen.findByRole("radio", { name: /ABC analysis/ }));
    const aShare = screen.getByRole("textbox", { name: "Class A up to (%)" });
    await user.clear(aShare);
    await user.type(aShare, "70");
    expect(screen.getByText("No rows skipped.")).toBeTruthy();
    const before = reads(calls);

    // someone types over a value, then clicks about inside the same table
    workbook.sheet("Sheet1")!.set(3, 1, { value: "n/a" });
    act(() => {
      workbook.selection = { sheet: "Sheet1", area: { top: 2, left: 1, rows: 1, columns: 1 } };
      workbook.selection = { sheet: "Sheet1", area: { top: 3, left: 2, rows: 1, columns: 1 } };
      workbook.selection = { sheet: "Sheet1", area: { top: 4, left: 0, rows: 1, columns: 1 } };
    });
    expect(await screen.findByText("1 rows skipped")).toBeTruthy();
    // three moves in quick succession are one read
    expect(reads(calls)).toBe(before + 1);
    expect(await checked(/ABC analysis/)).toBe(true);
    expect(
      (screen.getByRole("textbox", { name: "Class A up to (%)" }) as HTMLInputElement).value
    ).toBe("70");
    expect(screen.getByText(SUMMARY)).toBeTruthy();

    // another table is a new start: its own suggestion
    act(() => {
      workbook.selection = { sheet: "Other", area: { top: 0, left: 0, rows: 1, columns: 1 } };
    });
    expect(await screen.findByText("Other!A1:C4: 3 rows, 3 columns")).toBeTruthy();
    expect(await checked(/Value matrix/)).toBe(true);
  });

  test("is not read while a write is under way", async () => {
    const user = userEvent.setup();
    const rows = [["Customer", "Current value", "Growth potential"]];
    for (let i = 0; i < 200; i++) rows.push([`C${i}`, i * 3, (i * 7919) % 101] as never);
    const workbook = MemoryWorkbook.withTable("Sheet1", rows);
    const { port, calls } = counted(
      new MemoryWorkbookPort(workbook, { blockRows: 10, pauseMs: 40 })
    );
    renderPane(port);
    await screen.findByText("Sheet1!A1:C201: 200 rows, 3 columns");
    const segment = screen.getByRole("button", { name: "Segment customers" });
    await waitFor(() => expect(segment.hasAttribute("disabled")).toBe(false));
    await user.click(segment);
    await screen.findByRole("progressbar");
    const before = reads(calls);
    act(() => {
      workbook.selection = { sheet: "Sheet1", area: { top: 5, left: 1, rows: 1, columns: 1 } };
    });
    await screen.findByText(/Done:/, undefined, { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(reads(calls)).toBe(before);
  });

  test("is not heard after the pane goes", async () => {
    const workbook = MemoryWorkbook.withTable("Sheet1", customers());
    const { port, calls } = counted(new MemoryWorkbookPort(workbook));
    const { unmount } = renderPane(port);
    await screen.findByText(SUMMARY);
    act(() => {
      workbook.selection = { sheet: "Sheet1", area: { top: 2, left: 1, rows: 1, columns: 1 } };
    });
    unmount();
    const before = reads(calls);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(reads(calls)).toBe(before);
  });
});

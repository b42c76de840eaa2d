/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Preview } from "../../src/preview/Preview";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { fiveCustomers } from "../support/customers";

test("the pane follows the selection made in the preview's grid, as in Excel", async () => {
  const user = userEvent.setup();
  const workbook = MemoryWorkbook.withTable("Sheet1", fiveCustomers());
  const other = workbook.addSheet("Other");
  fiveCustomers()
    .slice(0, 4)
    .forEach((row, r) => row.forEach((value, c) => other.set(r, c, { value })));
  render(<Preview initialWorkbook={workbook} initialLocale="en-US" initialTheme="light" />);
  expect(await screen.findByText("Sheet1!A1:C6: 5 rows, 3 columns")).toBeTruthy();
  await user.click(screen.getByRole("tab", { name: "Other" }));
  expect(await screen.findByText("Other!A1:C4: 3 rows, 3 columns")).toBeTruthy();
});

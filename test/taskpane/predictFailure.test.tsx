/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Locale } from "../../src/i18n/locale";
import type { CellValue } from "../../src/workbook/types";
import { cdnowSample } from "../support/data";
import { openPane } from "./support";

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Transactions where nobody has stopped buying: every customer who bought more than once
 * bought last on the table's last day (t_x = T), at their own pace; some bought only once.
 */
function nobodyLapses(): CellValue[][] {
  const last = Date.UTC(2024, 5, 28);
  const rows: CellValue[][] = [["Customer", "Date", "Amount"]];
  for (let i = 0; i < 30; i++) {
    const customer = `C${String(i + 1).padStart(2, "0")}`;
    const repeats = i % 4;
    if (repeats === 0) {
      rows.push([customer, isoDay(last - (20 + 3 * i) * DAY), 15 + (i % 7)]);
      continue;
    }
    const gap = 9 + (i % 5) * 4;
    for (let k = repeats; k >= 0; k--) {
      rows.push([customer, isoDay(last - k * gap * DAY), 10 + ((i * 7 + k * 5) % 23)]);
    }
  }
  return rows;
}

const SEGMENT: Record<Locale, string> = {
  "en-US": "Segment customers",
  "zh-CN": "细分客户",
  "zh-TW": "細分客戶",
};

describe("Predict on a table without a best fit", () => {
  test.each([
    [
      "en-US",
      /^Predict \(BG\/NBD\)/,
      "Nobody in this table seems to have stopped buying yet — the model cannot tell how long customers stay.",
    ],
    ["zh-CN", /^预测（BG\/NBD）/, "这张表中似乎还没有人停止购买——模型无法判断客户会留存多久。"],
    ["zh-TW", /^預測（BG\/NBD）/, "這張表中似乎還沒有人停止購買——模型無法判斷客戶會留存多久。"],
  ] as [Locale, RegExp, string][])(
    "where nobody has stopped buying says so in plain words (%s), and writes nothing",
    async (locale, method, message) => {
      const user = userEvent.setup();
      const { workbook } = openPane(nobodyLapses(), locale);
      await user.click(await screen.findByRole("radio", { name: method }));
      expect(await screen.findByText(message)).toBeTruthy();
      const segment = screen.getByRole("button", { name: SEGMENT[locale] });
      expect(segment.hasAttribute("disabled")).toBe(true);
      expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    }
  );

  test("checked from a day when too few had bought twice, says which day and what to do", async () => {
    const user = userEvent.setup();
    const rows = [
      ["Customer", "Date", "Amount"],
      ...cdnowSample().map((t) => [t.id, String(t.date), t.dollars]),
    ];
    openPane(rows);
    await user.click(await screen.findByRole("radio", { name: /^Predict \(BG\/NBD\)/ }));
    expect(await screen.findByText("Model fit")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: /Check the forecast from/ }), "1997-01-10");
    expect(
      await screen.findByText(
        "The purchases up to 1997-01-10 do not let the model settle on one best fit — usually too few customers had bought more than once by then. Check the forecast from a later day."
      )
    ).toBeTruthy();
  }, 90_000);

  test("where every purchase costs the same says the spend model cannot learn from it", async () => {
    const user = userEvent.setup();
    // CDNOW's purchases, each at $10: the purchase model fits, the spend model has no maximum
    const rows = [
      ["Customer", "Date", "Amount"],
      ...cdnowSample().map((t) => [t.id, String(t.date), 10]),
    ];
    openPane(rows);
    await user.click(await screen.findByRole("radio", { name: /^Predict \(BG\/NBD\)/ }));
    expect(
      await screen.findByText(
        "Too few customers bought more than once, or what they spend hardly varies — the model cannot tell how spending differs between customers."
      )
    ).toBeTruthy();
  }, 90_000);
});

import {
  CellObject,
  dayOf,
  isoDate,
  lifecycleStage,
  dec,
  serialFromYmd,
  readTransactions,
  summarizeTransactions,
  type Transaction,
} from "../../src/engine";

describe("dates", () => {
  test("Excel serials: 1 Jan 1970 is 25569, 31 Dec 9999 is 2958465", () => {
    expect(serialFromYmd(1970, 1, 1)).toBe(25569);
    expect(serialFromYmd(9999, 12, 31)).toBe(2958465);
    expect(serialFromYmd(2023, 2, 29)).toBeUndefined();
    expect(isoDate(35431)).toBe("1997-01-01");
  });

  test.each([
    [35431, 35431],
    [35431.75, 35431],
    [19970101, 35431],
    ["1997-01-01", 35431],
    ["1997/1/1", 35431],
    ["19970101", 35431],
    ["1997年1月1日", 35431],
    ["1/31/1997", 35461],
    ["2011-10-06 16:20:00", serialFromYmd(2011, 10, 6)],
  ])("%j is day %d", (raw, day) => {
    expect(dayOf(raw)).toBe(day);
  });

  test.each(["yesterday", "1997-13-01", 19971301, -5, true])("%j is not a date", (raw) => {
    expect(dayOf(raw)).toBeUndefined();
  });
});

describe("summarising transactions", () => {
  const day = (iso: string) => dayOf(iso) as number;
  const tx = (customer: string, date: string, amount: number): Transaction => ({
    customer,
    day: day(date),
    amount,
  });

  test("recency, frequency, monetary, tenure and average order, with the default as-of date", () => {
    const { asOf, customers } = summarizeTransactions([
      tx("A", "2024-01-01", 10.1),
      tx("B", "2024-01-05", 99),
      tx("A", "2024-03-01", 20.2),
    ]);
    expect(asOf).toBe(day("2024-03-02"));
    const a = customers[0];
    expect(a.customer).toBe("A");
    expect(a.recency).toBe(1);
    expect(a.frequency).toBe(2);
    expect(a.monetary.toString()).toBe("30.3");
    expect(a.averageOrder.toString()).toBe("15.15");
    expect(a.tenure).toBe(day("2024-03-02") - day("2024-01-01"));
    expect(customers.map((c) => c.customer)).toEqual(["A", "B"]);
  });

  test("transactions after the as-of date are left out and counted", () => {
    const summary = summarizeTransactions(
      [tx("A", "2024-01-01", 1), tx("A", "2024-02-01", 1)],
      day("2024-01-10")
    );
    expect(summary.excluded).toBe(1);
    expect(summary.customers[0].frequency).toBe(1);
    expect(summary.customers[0].recency).toBe(9);
  });

  test("scores and segments follow the population of customers", () => {
    const list: Transaction[] = [];
    for (let i = 0; i < 10; i++) {
      for (let k = 0; k <= i; k++)
        list.push({ customer: `C${i}`, day: 45000 - (9 - i) * 10 - k, amount: 10 * (i + 1) });
    }
    const { customers } = summarizeTransactions(list, 45001);
    const best = customers[9];
    expect([best.r, best.f, best.m, best.code, best.segment]).toEqual([5, 5, 5, 555, "champions"]);
    const worst = customers[0];
    expect([worst.r, worst.f, worst.m, worst.segment]).toEqual([1, 1, 1, "lost"]);
  });

  test("lifecycle: young relationships explore; growing, steady and falling spend", () => {
    expect(lifecycleStage(30, dec(100), dec(0))).toBe("exploration");
    expect(lifecycleStage(200, dec(100), dec(125))).toBe("formation");
    expect(lifecycleStage(200, dec(100), dec(124.99))).toBe("stability");
    expect(lifecycleStage(200, dec(100), dec(75.01))).toBe("stability");
    expect(lifecycleStage(200, dec(100), dec(75))).toBe("decline");
    expect(lifecycleStage(200, dec(100), dec(0))).toBe("decline");
  });
});

describe("reading transactions from a table", () => {
  const read = (rows: unknown[][]) => {
    const skipped: string[] = [];
    const result = readTransactions(
      { header: ["id", "date", "amount"], hasHeader: true, rows },
      { customerId: 0, transactionDate: 1, amount: 2 },
      { onSkip: (row, reason) => skipped.push(`${row}:${reason.code}`) }
    );
    return { ...result, skipped };
  };

  test("an id is its number, its trimmed text, or an entity's name; one without a name is no id", () => {
    const { transactions, labels, skipped } = read([
      [7, 45300, 1],
      ["0001", 45300, 2],
      [" ana ", 45300, 3],
      [new CellObject("entity", "Contoso"), 45300, 4],
      [new CellObject("image"), 45300, 5],
      [new CellObject("entity"), 45300, 6],
      [true, 45300, 7],
    ]);
    expect(transactions.map((t) => t.customer)).toEqual(["7", "0001", "ana", "Contoso"]);
    expect([...labels.values()]).toEqual([7, "0001", "ana", "Contoso"]);
    expect(skipped).toEqual(["5:noCustomer", "6:noCustomer", "7:noCustomer"]);
  });
});

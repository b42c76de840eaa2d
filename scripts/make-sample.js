/* Makes assets/sample-customers.csv, the customer table the browser preview opens on, from
 * data/CDNOW_master.txt.gz (CDNOW purchases, Jan 1997 - Jun 1998, Fader & Hardie).
 * Every 94th customer (251 of 23,570), as of 1998-06-30:
 *   Recency (days)        days from the last purchase to 1998-06-30
 *   Frequency (orders)    distinct purchase days
 *   Monetary ($)          total spend
 *   Current value ($)     spend per year since the first purchase: what the customer brings
 *                         if the buying pattern stays as it is
 *   Growth potential ($)  a stand-in: the average order value, i.e. what one more order a
 *                         year would add (CDNOW has no margin or wallet data)
 * Run: node scripts/make-sample.js */
const fs = require("fs");
const path = require("path");
const { readData } = require("./data");

const target = path.resolve(__dirname, "../assets/sample-customers.csv");
const EVERY = 94;
const asOf = Date.UTC(1998, 5, 30);
const year = 365.25;
const day = 86_400_000;

const customers = new Map();
for (const line of readData("CDNOW_master.txt").split(/\r?\n/)) {
  const [id, date, , dollars] = line.trim().split(/\s+/);
  if (!dollars || Number(id) % EVERY !== 1) continue;
  const time = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8));
  // cents as integers, so the sums are exact
  const cents = Math.round(Number(dollars) * 100);
  const customer = customers.get(id) ?? { days: new Set(), cents: 0, first: time, last: 0 };
  customer.days.add(time);
  customer.cents += cents;
  customer.first = Math.min(customer.first, time);
  customer.last = Math.max(customer.last, time);
  customers.set(id, customer);
}

const money = (cents) => (cents / 100).toFixed(2);
const rows = [
  [
    "Customer",
    "Recency (days)",
    "Frequency (orders)",
    "Monetary ($)",
    "Current value ($)",
    "Growth potential ($)",
  ].join(","),
];
for (const [id, c] of [...customers].sort(([a], [b]) => Number(a) - Number(b))) {
  const orders = c.days.size;
  rows.push(
    [
      `C${id.padStart(5, "0")}`,
      Math.round((asOf - c.last) / day),
      orders,
      money(c.cents),
      money(Math.round((c.cents * year * day) / (asOf - c.first))),
      money(Math.round(c.cents / orders)),
    ].join(",")
  );
}
fs.writeFileSync(target, rows.join("\n") + "\n");
console.log(`${rows.length - 1} customers written to ${path.relative(process.cwd(), target)}`);

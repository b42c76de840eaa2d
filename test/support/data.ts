// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readData: readDataSet } = require("../../scripts/data.js");

/** A data set of the project's data/ folder as text (see data/README.md); gzipped ones too. */
export function readData(name: string): string {
  return readDataSet(name);
}

/** CDNOW_sample.txt as rows: master id, sample id, YYYYMMDD, CDs, dollars. */
export function cdnowSample(): { id: string; date: number; cds: number; dollars: number }[] {
  return readData("CDNOW_sample.txt")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [, id, date, cds, dollars] = line.trim().split(/\s+/);
      return { id, date: Number(date), cds: Number(cds), dollars: Number(dollars) };
    });
}

/**
 * cdnow_customers_summary_with_transactions.csv: the sample summarised for the BTYD models
 * (calibration end 1997-09-30, weeks), rounded to 2 decimals, as lifetimes ships it.
 */
export function cdnowSummary(): {
  id: string;
  x: number;
  tx: number;
  T: number;
  meanSpend: number;
}[] {
  return readData("cdnow_customers_summary_with_transactions.csv")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(",");
      return { id, x: Number(x), tx: Number(tx), T: Number(T), meanSpend: Number(zbar) };
    });
}

import * as fs from "fs";
import * as path from "path";

/**
 * The shared real data sets (../shared/data, see its README) are not copied into the
 * project. They sit beside the project's folder; CV_DATA_DIR points elsewhere if needed.
 */
export function dataDir(): string {
  const candidates = [
    process.env.CV_DATA_DIR,
    path.resolve(__dirname, "..", "..", "..", "shared", "data"),
    "/work/shared/data",
  ].filter((dir): dir is string => Boolean(dir));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "CDNOW_sample.txt")));
  if (!found)
    throw new Error(
      `The shared data sets were not found; looked in ${candidates.join(", ")}. Set CV_DATA_DIR.`
    );
  return found;
}

export function readData(name: string): string {
  return fs.readFileSync(path.join(dataDir(), name), "utf8");
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

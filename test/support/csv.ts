import Papa from "papaparse";
import { readData } from "./data";

/** A data set's CSV (data/) as rows of strings (header first). */
export function csvRows(name: string): string[][] {
  const parsed = Papa.parse<string[]>(readData(name), { skipEmptyLines: true });
  return parsed.data;
}

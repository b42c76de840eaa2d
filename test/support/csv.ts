import Papa from "papaparse";
import { readData } from "./data";

/** A shared data set's CSV as rows of strings (header first). */
export function csvRows(name: string): string[][] {
  const parsed = Papa.parse<string[]>(readData(name), { skipEmptyLines: true });
  return parsed.data;
}

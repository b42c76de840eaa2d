import type { Locale } from "../i18n/locale";
import { sampleHeader, t } from "../i18n/strings";
// the preview opens the same file; made by scripts/make-sample.js
import SAMPLE_CUSTOMERS_CSV from "../../assets/sample-customers.csv";
import type { CellValue, NewSheet } from "./types";

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
/** Monetary ($), Current value ($), Growth potential ($) */
const MONEY_COLUMNS = new Set([3, 4, 5]);
const MONEY_FORMAT = "#,##0.00";

/**
 * The sample customer table as rows, header first. The file is our own (commas, no quotes, no
 * empty cells), so a split reads it; plain numbers become numbers, ids like "C00001" stay text.
 */
export function sampleRows(): CellValue[][] {
  return SAMPLE_CUSTOMERS_CSV.split(/\r?\n/)
    .filter((line) => line !== "")
    .map((line) => line.split(",").map((text) => (PLAIN_NUMBER.test(text) ? Number(text) : text)));
}

/**
 * The sample as a new sheet in the user's language: the sheet's name and the header are
 * translated (the pane guesses the columns from header words in all three languages), the
 * customers and their numbers are the file's.
 */
export function sampleSheet(locale: Locale): NewSheet {
  const [, ...customers] = sampleRows();
  const header = sampleHeader(locale);
  return {
    name: t(locale, "sampleSheet"),
    values: [header, ...customers],
    numberFormats: header.map((_, c) => (MONEY_COLUMNS.has(c) ? MONEY_FORMAT : undefined)),
    columnWidths: header.map((name) => Math.max(10, displayWidth(name) + 2)),
  };
}

/** Characters as a column shows them: a Chinese character takes two. */
function displayWidth(text: string): number {
  return [...text].reduce((width, ch) => width + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
}

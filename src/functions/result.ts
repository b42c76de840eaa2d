import { CvError, type Dec, invalid } from "../engine";
import { errorMessage } from "../i18n/errors";
import { type Locale, localeOf } from "../i18n/locale";

/**
 * Turning engine results and errors into what Excel shows. Nothing leaves a custom function
 * as an uncaught exception, NaN or Infinity: an engine rule becomes #VALUE!, #N/A, #DIV/0! or
 * #NUM! with the message in Office's display language (Excel shows none for #DIV/0! and #NUM!);
 * anything unexpected becomes #VALUE! with its text.
 */

/** Office's display language when running inside Office; English elsewhere. */
export function displayLocale(): Locale {
  try {
    return localeOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "en-US";
  }
}

function toExcelError(error: unknown): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  if (error instanceof CvError) {
    const message = errorMessage(error.code, error.params, displayLocale());
    if (error.kind === "div0") return new CustomFunctions.Error(codes.divisionByZero);
    if (error.kind === "num") return new CustomFunctions.Error(codes.invalidNumber);
    if (error.kind === "na") return new CustomFunctions.Error(codes.notAvailable, message);
    return new CustomFunctions.Error(codes.invalidValue, message);
  }
  const text = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(codes.invalidValue, text.slice(0, 250));
}

/** The nearest double to an exact result; an overflow is an error, never Infinity. */
export function toDouble(value: Dec): number {
  const number = value.toNumber();
  if (!Number.isFinite(number)) throw invalid("tooLarge");
  return number === 0 ? 0 : number;
}

/** Runs a function body and hands Excel a value or an error object. */
export function excel<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}

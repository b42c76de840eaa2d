/**
 * Every rule the engine enforces has a code; the message a user reads is rendered from the
 * code and its parameters by the caller (src/i18n), in the user's language.
 */
/** "num" is a calculation that found no answer, as Excel's IRR and RATE give #NUM!. */
export type ErrorKind = "value" | "na" | "div0" | "num";

export type ErrorCode =
  | "notNumber"
  | "notBoolean"
  | "required"
  | "cellText"
  | "cellError"
  | "cellBoolean"
  | "cellObject"
  | "rateAboveMinus100"
  | "wholeAtLeast"
  | "wholeBetween"
  | "atLeast"
  | "greaterThan"
  | "between"
  | "betweenOpenLow"
  | "oneOf"
  | "sameSize"
  | "oneRowOrColumn"
  | "periodsExceedMargins"
  | "marginBlank"
  | "horizonDiverges"
  | "newExceedsEnd"
  | "retainedExceedsStart"
  | "sharesIncreasing"
  | "shareOrder"
  | "cutoffCount"
  | "splitText"
  | "splitCount"
  | "rfmCode"
  | "notDate"
  | "emptyPopulation"
  | "emptyTransactions"
  | "divideByZero"
  | "tooLarge"
  | "recencyOutOfRange"
  | "recencyWithoutRepeat"
  | "modelParams"
  | "noCalibrationPurchases"
  | "calibrationEndTooLate"
  | "noRepeatBuyers"
  | "noRepeatCustomers"
  | "noConvergence"
  | "noMaximum"
  | "noDropout"
  | "spendNoMaximum"
  | "predictNoDropout"
  | "predictCheckNoDropout"
  | "predictCheckNoMaximum"
  | "predictPurchasesNoMaximum"
  | "predictSpendNoMaximum"
  | "spendMeanUndefined"
  | "purchasesUndefined";

export type ErrorParams = Record<string, string | number>;

export class CvError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    readonly params: ErrorParams = {}
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "CvError";
  }
}

export function invalid(code: ErrorCode, params: ErrorParams = {}): CvError {
  return new CvError("value", code, params);
}

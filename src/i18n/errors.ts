import type { ErrorCode, ErrorParams } from "../engine/errors";
import { Locale, format } from "./locale";

/** The message shown in a cell's error tooltip, per engine rule. */
const MESSAGES: Record<Locale, Record<ErrorCode, string>> = {
  "en-US": {
    notNumber: "{arg} must be a number, not '{value}'",
    notBoolean: "{arg} must be TRUE or FALSE, not '{value}'",
    required: "{arg} is required",
    cellText: "{arg} holds text '{value}' {at}",
    cellError: "{arg} holds the error {value} {at}",
    cellBoolean: "{arg} holds {value} {at}; only numbers are allowed",
    rateAboveMinus100: "{arg} must be greater than -100%",
    wholeAtLeast: "{arg} must be a whole number >= {min}",
    wholeBetween: "{arg} must be a whole number from {min} to {max}",
    atLeast: "{arg} must be {min} or more",
    greaterThan: "{arg} must be greater than {min}",
    between: "{arg} must be between {min} and {max}",
    betweenOpenLow: "{arg} must be greater than {min} and at most {max}",
    oneOf: "{arg} must be one of {options}",
    sameSize: "{arg} and {other} must be ranges of the same size",
    oneRowOrColumn: "{arg} must be a single row or column",
    periodsExceedMargins: "periods ({periods}) exceeds the {count} margins given",
    marginBlank: "margin has a blank cell {at}; enter 0 for a period without margin",
    horizonDiverges:
      "periods is required: with this rate and retention the margins never shrink, so the value has no limit",
    newExceedsEnd: "new_customers cannot exceed customers_end",
    retainedExceedsStart: "customers_end minus new_customers cannot exceed customers_start",
    sharesIncreasing: "{arg} must be three increasing shares between 0% and 100%",
    shareOrder: "a_share must be smaller than b_share",
    cutoffCount: "{arg} must be a range of three shares",
    splitText: "{arg} must be median, mean, p0 to p100 or a number, not '{value}'",
    splitCount: "{arg} must be one value, or two: one per axis",
    rfmCode: "{arg} must be an RFM code such as 545, each digit from 1 to 5, not '{value}'",
    notDate: "{arg} holds '{value}' {at}, which is not a date",
    emptyPopulation: "{arg} has no numbers to compare with",
    emptyTransactions: "there are no transactions on or before the as-of date",
    divideByZero: "division by zero",
    tooLarge: "the result is too large for Excel",
  },
  "zh-CN": {
    notNumber: "{arg} 必须是数字，而不是“{value}”",
    notBoolean: "{arg} 必须是 TRUE 或 FALSE，而不是“{value}”",
    required: "缺少 {arg}",
    cellText: "{arg} {at}是文本“{value}”",
    cellError: "{arg} {at}是错误值 {value}",
    cellBoolean: "{arg} {at}是 {value}；只能是数字",
    rateAboveMinus100: "{arg} 必须大于 -100%",
    wholeAtLeast: "{arg} 必须是大于或等于 {min} 的整数",
    wholeBetween: "{arg} 必须是 {min} 到 {max} 之间的整数",
    atLeast: "{arg} 必须大于或等于 {min}",
    greaterThan: "{arg} 必须大于 {min}",
    between: "{arg} 必须介于 {min} 和 {max} 之间",
    betweenOpenLow: "{arg} 必须大于 {min} 且不超过 {max}",
    oneOf: "{arg} 必须是 {options} 之一",
    sameSize: "{arg} 和 {other} 必须是大小相同的区域",
    oneRowOrColumn: "{arg} 必须是单行或单列",
    periodsExceedMargins: "periods（{periods}）超过了给出的 {count} 期利润",
    marginBlank: "margin {at}是空单元格；没有利润的期间请填 0",
    horizonDiverges: "需要 periods：在此折现率和保留率下利润不会递减，价值没有上限",
    newExceedsEnd: "new_customers 不能大于 customers_end",
    retainedExceedsStart: "customers_end 减 new_customers 不能大于 customers_start",
    sharesIncreasing: "{arg} 必须是 0% 到 100% 之间递增的三个比例",
    shareOrder: "a_share 必须小于 b_share",
    cutoffCount: "{arg} 必须是包含三个比例的区域",
    splitText: "{arg} 必须是 median、mean、p0 到 p100 或一个数字，而不是“{value}”",
    splitCount: "{arg} 必须是一个值，或两个值（每个轴一个）",
    rfmCode: "{arg} 必须是 RFM 代码（如 545，每位为 1 到 5），而不是“{value}”",
    notDate: "{arg} {at}的“{value}”不是日期",
    emptyPopulation: "{arg} 中没有可比较的数字",
    emptyTransactions: "截止日期当天或之前没有交易",
    divideByZero: "除数为零",
    tooLarge: "结果太大，Excel 无法表示",
  },
  "zh-TW": {
    notNumber: "{arg} 必須是數字，而不是「{value}」",
    notBoolean: "{arg} 必須是 TRUE 或 FALSE，而不是「{value}」",
    required: "缺少 {arg}",
    cellText: "{arg} {at}是文字「{value}」",
    cellError: "{arg} {at}是錯誤值 {value}",
    cellBoolean: "{arg} {at}是 {value}；只能是數字",
    rateAboveMinus100: "{arg} 必須大於 -100%",
    wholeAtLeast: "{arg} 必須是大於或等於 {min} 的整數",
    wholeBetween: "{arg} 必須是 {min} 到 {max} 之間的整數",
    atLeast: "{arg} 必須大於或等於 {min}",
    greaterThan: "{arg} 必須大於 {min}",
    between: "{arg} 必須介於 {min} 和 {max} 之間",
    betweenOpenLow: "{arg} 必須大於 {min} 且不超過 {max}",
    oneOf: "{arg} 必須是 {options} 之一",
    sameSize: "{arg} 和 {other} 必須是大小相同的範圍",
    oneRowOrColumn: "{arg} 必須是單列或單欄",
    periodsExceedMargins: "periods（{periods}）超過了提供的 {count} 期利潤",
    marginBlank: "margin {at}是空白儲存格；沒有利潤的期間請填 0",
    horizonDiverges: "需要 periods：在此折現率和保留率下利潤不會遞減，價值沒有上限",
    newExceedsEnd: "new_customers 不能大於 customers_end",
    retainedExceedsStart: "customers_end 減 new_customers 不能大於 customers_start",
    sharesIncreasing: "{arg} 必須是 0% 到 100% 之間遞增的三個比例",
    shareOrder: "a_share 必須小於 b_share",
    cutoffCount: "{arg} 必須是包含三個比例的範圍",
    splitText: "{arg} 必須是 median、mean、p0 到 p100 或一個數字，而不是「{value}」",
    splitCount: "{arg} 必須是一個值，或兩個值（每個軸一個）",
    rfmCode: "{arg} 必須是 RFM 代碼（如 545，每位為 1 到 5），而不是「{value}」",
    notDate: "{arg} {at}的「{value}」不是日期",
    emptyPopulation: "{arg} 中沒有可比較的數字",
    emptyTransactions: "截止日期當天或之前沒有交易",
    divideByZero: "除數為零",
    tooLarge: "結果太大，Excel 無法表示",
  },
};

/** "at row 7" / "at row 7, column 2", and the Chinese equivalents (zh-TW: 列 is a row). */
const POSITION: Record<Locale, { row: string; cell: string }> = {
  "en-US": { row: "at row {row}", cell: "at row {row}, column {column}" },
  "zh-CN": { row: "第 {row} 行", cell: "第 {row} 行第 {column} 列" },
  "zh-TW": { row: "第 {row} 列", cell: "第 {row} 列第 {column} 欄" },
};

export function errorMessage(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  const position = POSITION[locale];
  const at =
    params.row === undefined
      ? ""
      : format(params.column === undefined ? position.row : position.cell, params);
  return format(MESSAGES[locale][code], { ...params, at })
    .replace(/\s+/g, " ")
    .trim();
}

import type { ErrorCode, ErrorParams } from "../engine/errors";
import { Locale, format } from "./locale";

/** The message shown in a cell's error tooltip, per engine rule. */
const MESSAGES: Record<Locale, Record<ErrorCode, string>> = {
  "en-US": {
    notNumber: "{arg} must be a number, not '{value}'",
    notBoolean: "{arg} must be TRUE or FALSE, not '{value}'",
    required: "{arg} is required {at}",
    cellText: "{arg} holds text '{value}' {at}",
    cellError: "{arg} holds the error {value} {at}",
    cellBoolean: "{arg} holds {value} {at}; only numbers are allowed",
    rateAboveMinus100: "{arg} must be greater than -100%",
    wholeAtLeast: "{arg} must be a whole number >= {min} {at}",
    wholeBetween: "{arg} must be a whole number from {min} to {max}",
    atLeast: "{arg} must be {min} or more",
    greaterThan: "{arg} must be greater than {min} {at}",
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
    recencyOutOfRange: "t_x must be between 0 and T {at}",
    recencyWithoutRepeat: "t_x must be 0 {at}, since x is 0 (no repeat purchase)",
    modelParams:
      "{arg} must hold the {count} parameters {names}, each greater than 0, as {fit} returns them",
    noCalibrationPurchases: "there are no purchases on or before {arg}",
    calibrationEndTooLate:
      "{arg} must be before the last purchase, so that some purchases are left to check the model on",
    noRepeatBuyers: "{arg} has no repeat buyers (x of 1 or more) to fit the model to",
    noRepeatCustomers:
      "no customer bought on two different days (with money spent the second time), so the models have nothing to learn from",
    noConvergence:
      "the {model} model could not be fitted to these customers: the search for the best parameters did not converge",
    spendMeanUndefined:
      "q in {arg} must be greater than 1 for an expected spend to exist (q is {q})",
    purchasesUndefined:
      "a + b in {arg} must be greater than 1 to predict purchases of customers with x = 0",
  },
  "zh-CN": {
    notNumber: "{arg} 必须是数字，而不是“{value}”",
    notBoolean: "{arg} 必须是 TRUE 或 FALSE，而不是“{value}”",
    required: "{arg} {at}不能为空",
    cellText: "{arg} {at}是文本“{value}”",
    cellError: "{arg} {at}是错误值 {value}",
    cellBoolean: "{arg} {at}是 {value}；只能是数字",
    rateAboveMinus100: "{arg} 必须大于 -100%",
    wholeAtLeast: "{arg} {at}必须是大于或等于 {min} 的整数",
    wholeBetween: "{arg} 必须是 {min} 到 {max} 之间的整数",
    atLeast: "{arg} 必须大于或等于 {min}",
    greaterThan: "{arg} {at}必须大于 {min}",
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
    recencyOutOfRange: "t_x {at}必须介于 0 和 T 之间",
    recencyWithoutRepeat: "x 为 0（没有重复购买），t_x {at}必须为 0",
    modelParams: "{arg} 必须是 {fit} 返回的 {count} 个参数 {names}，且均大于 0",
    noCalibrationPurchases: "{arg} 当天或之前没有购买记录",
    calibrationEndTooLate: "{arg} 必须早于最后一次购买，留出部分购买记录用于检验模型",
    noRepeatBuyers: "{arg} 中没有重复购买的客户（x 大于或等于 1），无法拟合模型",
    noRepeatCustomers: "没有客户在两个不同日期购买（且第二次有消费金额），模型无从学习",
    noConvergence: "无法对这些客户拟合 {model} 模型：最佳参数的搜索没有收敛",
    spendMeanUndefined: "{arg} 中的 q 必须大于 1，预期消费金额才存在（q 为 {q}）",
    purchasesUndefined: "{arg} 中的 a + b 必须大于 1，才能预测 x 为 0 的客户的购买次数",
  },
  "zh-TW": {
    notNumber: "{arg} 必須是數字，而不是「{value}」",
    notBoolean: "{arg} 必須是 TRUE 或 FALSE，而不是「{value}」",
    required: "{arg} {at}不能為空白",
    cellText: "{arg} {at}是文字「{value}」",
    cellError: "{arg} {at}是錯誤值 {value}",
    cellBoolean: "{arg} {at}是 {value}；只能是數字",
    rateAboveMinus100: "{arg} 必須大於 -100%",
    wholeAtLeast: "{arg} {at}必須是大於或等於 {min} 的整數",
    wholeBetween: "{arg} 必須是 {min} 到 {max} 之間的整數",
    atLeast: "{arg} 必須大於或等於 {min}",
    greaterThan: "{arg} {at}必須大於 {min}",
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
    recencyOutOfRange: "t_x {at}必須介於 0 和 T 之間",
    recencyWithoutRepeat: "x 為 0（沒有重複購買），t_x {at}必須為 0",
    modelParams: "{arg} 必須是 {fit} 傳回的 {count} 個參數 {names}，且均大於 0",
    noCalibrationPurchases: "{arg} 當天或之前沒有購買記錄",
    calibrationEndTooLate: "{arg} 必須早於最後一次購買，留出部分購買記錄用於檢驗模型",
    noRepeatBuyers: "{arg} 中沒有重複購買的客戶（x 大於或等於 1），無法配適模型",
    noRepeatCustomers: "沒有客戶在兩個不同日期購買（且第二次有消費金額），模型無從學習",
    noConvergence: "無法對這些客戶配適 {model} 模型：最佳參數的搜尋沒有收斂",
    spendMeanUndefined: "{arg} 中的 q 必須大於 1，預期消費金額才存在（q 為 {q}）",
    purchasesUndefined: "{arg} 中的 a + b 必須大於 1，才能預測 x 為 0 的客戶的購買次數",
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
  // without a position, "{arg} holds '{value}' {at}, which" must not keep the space before the comma
  return format(MESSAGES[locale][code], { ...params, at })
    .replace(/\s+/g, " ")
    .replace(/ ,/g, ",")
    .trim();
}

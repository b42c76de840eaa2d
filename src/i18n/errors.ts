import type { CellObjectKind } from "../engine/cells";
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
    cellObject: "{arg} holds {what} {at}, which has no value to calculate with",
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
    noMaximum:
      "the {model} model has no best fit for these customers: the fit keeps improving as its parameters run off to 0 or infinity",
    noDropout:
      "the {model} model has no best fit: nobody among these customers seems to have stopped buying, so how long customers stay cannot be estimated",
    spendNoMaximum:
      "the {model} model has no best fit: too few repeat buyers, or spend that hardly varies between them",
    predictNoDropout:
      "Nobody in this table seems to have stopped buying yet — the model cannot tell how long customers stay.",
    predictCheckNoDropout:
      "Up to {date}, nobody in this table seems to have stopped buying yet — the model cannot tell how long customers stay. Check the forecast from a later day.",
    predictCheckNoMaximum:
      "The purchases up to {date} do not let the model settle on one best fit — usually too few customers had bought more than once by then. Check the forecast from a later day.",
    predictPurchasesNoMaximum:
      "The purchases in this table do not let the model settle on how often customers buy and how long they stay — usually too few customers have bought more than once. More customers or a longer history help.",
    predictSpendNoMaximum:
      "Too few customers bought more than once, or what they spend hardly varies — the model cannot tell how spending differs between customers.",
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
    cellObject: "{arg} {at}是{what}，没有可用于计算的值",
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
    noMaximum: "{model} 模型对这些客户没有最佳拟合：参数趋于 0 或无穷大时拟合仍在变好",
    noDropout: "{model} 模型没有最佳拟合：这些客户中似乎没有人停止购买，无法估计客户会留存多久",
    spendNoMaximum: "{model} 模型没有最佳拟合：重复购买的客户太少，或他们的消费金额几乎没有差异",
    predictNoDropout: "这张表中似乎还没有人停止购买——模型无法判断客户会留存多久。",
    predictCheckNoDropout:
      "截至 {date}，这张表中似乎还没有人停止购买——模型无法判断客户会留存多久。请从更晚的日期检验预测。",
    predictCheckNoMaximum:
      "截至 {date} 的购买记录无法让模型确定唯一的最佳拟合——通常是因为到那时重复购买的客户太少。请从更晚的日期检验预测。",
    predictPurchasesNoMaximum:
      "这张表中的购买记录无法让模型确定客户购买的频率和留存的时间——通常是因为重复购买的客户太少。更多客户或更长的历史记录会有帮助。",
    predictSpendNoMaximum:
      "重复购买的客户太少，或他们的消费金额几乎没有差异——模型无法判断不同客户的消费有何不同。",
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
    cellObject: "{arg} {at}是{what}，沒有可用於計算的值",
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
    noMaximum: "{model} 模型對這些客戶沒有最佳配適：參數趨於 0 或無窮大時配適仍在變好",
    noDropout: "{model} 模型沒有最佳配適：這些客戶中似乎沒有人停止購買，無法估計客戶會留存多久",
    spendNoMaximum: "{model} 模型沒有最佳配適：重複購買的客戶太少，或他們的消費金額幾乎沒有差異",
    predictNoDropout: "這張表中似乎還沒有人停止購買——模型無法判斷客戶會留存多久。",
    predictCheckNoDropout:
      "截至 {date}，這張表中似乎還沒有人停止購買——模型無法判斷客戶會留存多久。請從較晚的日期檢驗預測。",
    predictCheckNoMaximum:
      "截至 {date} 的購買記錄無法讓模型確定唯一的最佳配適——通常是因為到那時重複購買的客戶太少。請從較晚的日期檢驗預測。",
    predictPurchasesNoMaximum:
      "這張表中的購買記錄無法讓模型確定客戶購買的頻率和留存的時間——通常是因為重複購買的客戶太少。更多客戶或更長的歷史記錄會有幫助。",
    predictSpendNoMaximum:
      "重複購買的客戶太少，或他們的消費金額幾乎沒有差異——模型無法判斷不同客戶的消費有何不同。",
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

/**
 * What a cell holds when it has no value of its own ({what} in cellObject): "an image",
 * "an entity 'Contoso'". {name} is the name the value shows.
 */
const WHAT: Record<Locale, Record<CellObjectKind, string> & { named: Record<string, string> }> = {
  "en-US": {
    image: "an image",
    entity: "an entity",
    linkedEntity: "a linked entity",
    array: "an array",
    function: "a function",
    dataType: "a data type",
    named: { entity: "an entity '{name}'", linkedEntity: "a linked entity '{name}'" },
  },
  "zh-CN": {
    image: "图片",
    entity: "实体",
    linkedEntity: "链接实体",
    array: "数组",
    function: "函数",
    dataType: "数据类型",
    named: { entity: "实体“{name}”", linkedEntity: "链接实体“{name}”" },
  },
  "zh-TW": {
    image: "圖片",
    entity: "實體",
    linkedEntity: "連結實體",
    array: "陣列",
    function: "函數",
    dataType: "資料類型",
    named: { entity: "實體「{name}」", linkedEntity: "連結實體「{name}」" },
  },
};

/** A cell's text in a message is cut short: a tooltip is no place for a paragraph. */
const LONGEST_VALUE = 60;

function shortened(text: string | number): string | number {
  if (typeof text !== "string" || text.length <= LONGEST_VALUE) return text;
  return `${text.slice(0, LONGEST_VALUE - 1)}…`;
}

function described(params: ErrorParams, locale: Locale): ErrorParams {
  const shown: ErrorParams = { ...params };
  if (params.value !== undefined) shown.value = shortened(params.value);
  if (params.what !== undefined) {
    const kinds = WHAT[locale];
    const what = String(params.what) as CellObjectKind;
    const named = params.name === undefined ? undefined : kinds.named[what];
    shown.what = named
      ? format(named, { name: shortened(params.name) })
      : (kinds[what] ?? kinds.dataType);
  }
  return shown;
}

export function errorMessage(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  const position = POSITION[locale];
  const at =
    params.row === undefined
      ? ""
      : format(params.column === undefined ? position.row : position.cell, params);
  // without a position, "{arg} holds '{value}' {at}, which" must not keep the space before the comma
  return format(MESSAGES[locale][code], { ...described(params, locale), at })
    .replace(/\s+/g, " ")
    .replace(/ ,/g, ",")
    .trim();
}

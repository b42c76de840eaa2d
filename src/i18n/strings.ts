import type { Language, Method, Role, ScoreKey, SkipReason, TierKey, btyd } from "../engine";
import { tierLabel, tierStrategy } from "../engine";
import { type Locale, format } from "./locale";

/**
 * Every string of the task pane and of what it writes into the workbook, in en-US, zh-CN and
 * zh-TW. `t(locale)` gives one language; tests check the three have the same keys.
 */
const enUS = {
  appTitle: "Customer segments",
  intro: "Select a customer table, check the columns, and segment.",
  tableHeading: "Customer table",
  useSelection: "Use selection",
  reading: "Reading the table…",
  tableSummary: "{address}: {rows} rows, {columns} columns",
  excelTable: "Excel table {name}",
  noHeader: "No header row found; columns are numbered.",
  emptyTable: "The selection is empty. Select a customer table, or one cell inside it.",
  headerOnly: "The table has a header row but no customer rows.",
  noNumbers: "No column of this table holds numbers, so there is nothing to segment.",
  oneCustomer: "There is only one customer: every split puts it in the top tier.",
  methodHeading: "Method",
  rfmSourceLabel: "RFM from",
  rfmFromColumns: "recency, frequency and monetary columns",
  rfmFromTransactions: "a transaction table",
  columnsHeading: "Columns",
  noColumn: "(none)",
  chooseColumn: "Choose the {role} column.",
  splitHeading: "Split (high is at or above)",
  splitKind: "Split for {role}",
  percentileValue: "Percentile for {role}",
  fixedValue: "Value for {role}",
  cutoffsHeading: "Cut-offs (share of customers above)",
  shareHeading: "Shares of total value",
  aShare: "Class A up to",
  bShare: "Classes A and B up to",
  previewHeading: "Preview",
  tierColumn: "Tier",
  customersColumn: "Customers",
  customerShareColumn: "Share of customers",
  valueShareColumn: "Share of value",
  totalRow: "Total",
  matrixPicture: "Value matrix",
  high: "high",
  low: "low",
  skippedSummary: "{count} rows skipped",
  skippedNone: "No rows skipped.",
  showSkipped: "Show skipped rows",
  hideSkipped: "Hide skipped rows",
  skippedRow: "Row {row}: {reason}",
  skippedMore: "…and {count} more",
  segment: "Segment customers",
  remove: "Remove segmentation",
  cancel: "Cancel",
  writing: "Writing {done} of {total}",
  working: "Working…",
  done: "Done: {columns}{sheets}.",
  doneColumns: "tier columns in {address}",
  doneSheets: "{sheets} added",
  removed: "The segmentation was removed.",
  cancelled: "Cancelled. Nothing of this run was kept.",
  blocked:
    "The cells {address} hold data the add-in did not write. Clear or move them, or select a table with free columns to its right.",
  failed: "Something went wrong: {message}",
  sheetExists: 'A sheet named "{name}" was added meanwhile. Rename it, or segment again.',
  sheetGone: 'The sheet "{name}" is gone. Select the customer table again.',
  tableGone: 'The Excel table "{name}" is gone. Select the customer table again.',
  savedSettings: "Using the settings of the last segmentation of this table ({date}).",
  waiting: "Select a customer table in the sheet, then choose Use selection.",
  retry: "Retry",
  writeFailed:
    "The segmentation could not be written: {reason}. Nothing in the workbook was changed.",
  writeLeftBehind:
    "The segmentation could not be written: {reason}. Part of it may have been left in the workbook; the pane will offer to remove it the next time it reads the table.",
  removeFailed:
    "The segmentation could not be removed: {reason}. Nothing in the workbook was changed.",
  removeLeftBehind:
    "The segmentation could not be removed completely: {reason}. Part of it may be left in the workbook; the pane will offer to remove it the next time it reads the table.",
  undoSteps: "Undo will take several steps in this Excel.",
  unfinishedWrite:
    "A segmentation of {address} ({method}, {date}) did not finish (Excel closed during the write).",
  cleanUpUnfinished: "Remove what it wrote",
  cleanedUp: "What the unfinished segmentation of {address} wrote was removed.",
  damagedRecord: "1 saved segmentation record could not be read and was skipped; the others work.",
  damagedRecords:
    "{count} saved segmentation records could not be read and were skipped; the others work.",
  languageNote: "Tier names are written in {language}.",
  themeLight: "Light",
  themeDark: "Dark",
  // the first run: no customer table selected yet
  firstRunText:
    "The pane needs a customer table: a header row, then one row per customer, with columns of numbers such as value, recency or spend.",
  sampleOffer:
    "No table at hand? Try the pane on 251 customers of the CDNOW music store (1997–98), added as a new sheet. Nothing of yours is changed.",
  insertSample: "Insert sample data",
  insertingSample: "Inserting sample data…",
  sampleInserted: 'Sample data added on the new sheet "{name}" and selected.',
  sampleFailed: "The sample data could not be added: {message}",
  sampleLeftBehind:
    'The sample data could not be added, and the sheet "{name}" may have been left incomplete: delete it. ({message})',
  help: "Help",
  helpLabel: "Help (opens in a new window)",
  // the Predict method
  predictHeading: "Prediction",
  timeUnit: "Time unit",
  periodLabel: "Forecast period ({unit})",
  horizonLabel: "CLV horizon ({unit})",
  discountLabel: "Yearly discount rate (%)",
  calibrationEndLabel: "Check the forecast from (optional date)",
  calibrationEndHint:
    "The model is fitted again to the purchases up to this day, and its forecast compared with what customers bought after it. The predictions written use every purchase.",
  fitHeading: "Model fit",
  fitRepeat: "Customers by repeat purchases: actual and model",
  fitHoldout: "Purchases per customer after {date}: actual and predicted from the purchases before",
  logLikelihood: "log-likelihood",
  asOf: "As of",
  calibrationCheck: "Check from {date}",
  actual: "Actual",
  model: "Model",
  predicted: "Predicted",
  repeatPurchases: "Repeat purchases",
  fitParameters: "BG/NBD r {r}, α {alpha}, a {a}, b {b}; Gamma-Gamma p {p}, q {q}, γ {gamma}",
  predictionsSheet: "Customer predictions",
  sampleSheet: "Sample customers",
  // what the add-in writes into the workbook
  summarySheet: "Customer segments",
  customersSheet: "RFM customers",
  summaryTitle: "Customer segments",
  summaryMethod: "Method",
  summaryParameters: "Parameters",
  summaryColumns: "Columns",
  summarySource: "Source",
  summaryDate: "Date",
  summaryCustomers: "Customers",
  summarySkipped: "Rows skipped",
  summaryStrategy: "Strategy",
  summaryValue: "Value",
  summaryNote:
    "Written by Customer Value for Excel. The tier colours are conditional-format rules on the tier column.",
  chartTitle: "Customers per tier",
  cumulativeShare: "Share of value above",
} as const;

export type StringKey = keyof typeof enUS;
type Strings = Record<StringKey, string>;

const zhCN: Strings = {
  appTitle: "客户细分",
  intro: "选择客户表，检查各列，然后细分。",
  tableHeading: "客户表",
  useSelection: "使用所选区域",
  reading: "正在读取表格…",
  tableSummary: "{address}：{rows} 行，{columns} 列",
  excelTable: "Excel 表格 {name}",
  noHeader: "未找到标题行；各列按编号命名。",
  emptyTable: "所选区域为空。请选择客户表，或表中的一个单元格。",
  headerOnly: "表格只有标题行，没有客户行。",
  noNumbers: "此表格没有包含数字的列，无法细分。",
  oneCustomer: "只有一位客户：任何划分都会把它放在最高层级。",
  methodHeading: "方法",
  rfmSourceLabel: "RFM 数据来自",
  rfmFromColumns: "最近购买、频率和金额列",
  rfmFromTransactions: "交易明细表",
  columnsHeading: "列",
  noColumn: "（无）",
  chooseColumn: "请选择“{role}”列。",
  splitHeading: "划分（大于或等于即为高）",
  splitKind: "{role}的划分",
  percentileValue: "{role}的百分位",
  fixedValue: "{role}的数值",
  cutoffsHeading: "分界（价值更高的客户所占比例）",
  shareHeading: "总价值的比例",
  aShare: "A 类不超过",
  bShare: "A 类和 B 类不超过",
  previewHeading: "预览",
  tierColumn: "层级",
  customersColumn: "客户数",
  customerShareColumn: "客户占比",
  valueShareColumn: "价值占比",
  totalRow: "合计",
  matrixPicture: "价值矩阵",
  high: "高",
  low: "低",
  skippedSummary: "跳过了 {count} 行",
  skippedNone: "没有跳过任何行。",
  showSkipped: "显示跳过的行",
  hideSkipped: "隐藏跳过的行",
  skippedRow: "第 {row} 行：{reason}",
  skippedMore: "……另有 {count} 行",
  segment: "细分客户",
  remove: "删除细分结果",
  cancel: "取消",
  writing: "正在写入 {done} / {total}",
  working: "正在处理…",
  done: "完成：{columns}{sheets}。",
  doneColumns: "层级列位于 {address}",
  doneSheets: "已添加 {sheets}",
  removed: "已删除细分结果。",
  cancelled: "已取消。本次运行未保留任何内容。",
  blocked:
    "单元格 {address} 中有不是本加载项写入的数据。请清除或移动这些数据，或选择右侧有空列的表格。",
  failed: "出错了：{message}",
  sheetExists: "期间新增了名为“{name}”的工作表。请重命名该工作表，或重新细分。",
  sheetGone: "工作表“{name}”已不存在。请重新选择客户表格。",
  tableGone: "Excel 表格“{name}”已不存在。请重新选择客户表格。",
  savedSettings: "使用此表格上次细分的设置（{date}）。",
  waiting: "请在工作表中选择客户表，然后选择“使用所选区域”。",
  retry: "重试",
  writeFailed: "无法写入细分结果：{reason}。工作簿未做任何更改。",
  writeLeftBehind:
    "无法写入细分结果：{reason}。部分内容可能留在了工作簿中；窗格下次读取表格时会提供删除选项。",
  removeFailed: "无法删除细分结果：{reason}。工作簿未做任何更改。",
  removeLeftBehind:
    "未能完整删除细分结果：{reason}。部分内容可能仍留在工作簿中；窗格下次读取表格时会提供删除选项。",
  undoSteps: "在此版本的 Excel 中，撤消需要多个步骤。",
  unfinishedWrite: "对 {address} 的细分（{method}，{date}）未完成（写入期间 Excel 已关闭）。",
  cleanUpUnfinished: "删除已写入的内容",
  cleanedUp: "已删除对 {address} 未完成的细分所写入的内容。",
  damagedRecord: "有 1 条已保存的细分记录无法读取，已跳过；其他记录不受影响。",
  damagedRecords: "有 {count} 条已保存的细分记录无法读取，已跳过；其他记录不受影响。",
  languageNote: "层级名称以{language}写入。",
  themeLight: "浅色",
  themeDark: "深色",
  firstRunText:
    "此窗格需要一张客户表：第一行是标题行，之后每位客户一行，并有数字列，例如价值、最近购买或消费金额。",
  sampleOffer:
    "手头没有表格？可以用 CDNOW 音乐商店的 251 位客户（1997–98 年）试用此窗格，数据会添加为一张新工作表，不会更改您的任何数据。",
  insertSample: "插入示例数据",
  insertingSample: "正在插入示例数据…",
  sampleInserted: "示例数据已添加到新工作表“{name}”并已选中。",
  sampleFailed: "无法添加示例数据：{message}",
  sampleLeftBehind: "无法添加示例数据，工作表“{name}”可能不完整：请将其删除。（{message}）",
  help: "帮助",
  helpLabel: "帮助（在新窗口中打开）",
  predictHeading: "预测设置",
  timeUnit: "时间单位",
  periodLabel: "预测期（{unit}）",
  horizonLabel: "CLV 期限（{unit}）",
  discountLabel: "年折现率（%）",
  calibrationEndLabel: "检验预测的起始日（可选）",
  calibrationEndHint:
    "模型将用此日及之前的购买重新拟合，并将其预测与客户在此日之后的实际购买比较。写入的预测使用全部购买记录。",
  fitHeading: "模型拟合",
  fitRepeat: "按重复购买次数的客户数：实际与模型",
  fitHoldout: "{date} 之后每位客户的购买次数：实际与基于此前购买的预测",
  logLikelihood: "对数似然",
  asOf: "截至",
  calibrationCheck: "自 {date} 起的检验",
  actual: "实际",
  model: "模型",
  predicted: "预测",
  repeatPurchases: "重复购买次数",
  fitParameters: "BG/NBD r {r}，α {alpha}，a {a}，b {b}；Gamma-Gamma p {p}，q {q}，γ {gamma}",
  predictionsSheet: "客户预测",
  sampleSheet: "示例客户",
  summarySheet: "客户细分",
  customersSheet: "客户 RFM",
  summaryTitle: "客户细分",
  summaryMethod: "方法",
  summaryParameters: "参数",
  summaryColumns: "列",
  summarySource: "数据来源",
  summaryDate: "日期",
  summaryCustomers: "客户数",
  summarySkipped: "跳过的行",
  summaryStrategy: "策略",
  summaryValue: "价值",
  summaryNote: "由“客户价值”Excel 加载项写入。层级颜色是层级列上的条件格式规则。",
  chartTitle: "各层级客户数",
  cumulativeShare: "更高客户的价值占比",
};

const zhTW: Strings = {
  appTitle: "客戶細分",
  intro: "選取客戶表，檢查各欄，然後細分。",
  tableHeading: "客戶表",
  useSelection: "使用選取範圍",
  reading: "正在讀取表格…",
  tableSummary: "{address}：{rows} 列，{columns} 欄",
  excelTable: "Excel 表格 {name}",
  noHeader: "找不到標題列；各欄依編號命名。",
  emptyTable: "選取範圍是空的。請選取客戶表，或表中的一個儲存格。",
  headerOnly: "表格只有標題列，沒有客戶列。",
  noNumbers: "此表格沒有包含數字的欄，無法細分。",
  oneCustomer: "只有一位客戶：任何劃分都會把它放在最高層級。",
  methodHeading: "方法",
  rfmSourceLabel: "RFM 資料來自",
  rfmFromColumns: "最近購買、頻率和金額欄",
  rfmFromTransactions: "交易明細表",
  columnsHeading: "欄",
  noColumn: "（無）",
  chooseColumn: "請選擇「{role}」欄。",
  splitHeading: "劃分（大於或等於即為高）",
  splitKind: "{role}的劃分",
  percentileValue: "{role}的百分位數",
  fixedValue: "{role}的數值",
  cutoffsHeading: "分界（價值更高的客戶所占比例）",
  shareHeading: "總價值的比例",
  aShare: "A 類不超過",
  bShare: "A 類和 B 類不超過",
  previewHeading: "預覽",
  tierColumn: "層級",
  customersColumn: "客戶數",
  customerShareColumn: "客戶占比",
  valueShareColumn: "價值占比",
  totalRow: "合計",
  matrixPicture: "價值矩陣",
  high: "高",
  low: "低",
  skippedSummary: "略過了 {count} 列",
  skippedNone: "沒有略過任何列。",
  showSkipped: "顯示略過的列",
  hideSkipped: "隱藏略過的列",
  skippedRow: "第 {row} 列：{reason}",
  skippedMore: "……另有 {count} 列",
  segment: "細分客戶",
  remove: "移除細分結果",
  cancel: "取消",
  writing: "正在寫入 {done} / {total}",
  working: "正在處理…",
  done: "完成：{columns}{sheets}。",
  doneColumns: "層級欄位於 {address}",
  doneSheets: "已新增 {sheets}",
  removed: "已移除細分結果。",
  cancelled: "已取消。本次執行未保留任何內容。",
  blocked:
    "儲存格 {address} 中有不是本增益集寫入的資料。請清除或移動這些資料，或選取右側有空欄的表格。",
  failed: "發生錯誤：{message}",
  sheetExists: "期間新增了名為「{name}」的工作表。請重新命名該工作表，或重新區隔。",
  sheetGone: "工作表「{name}」已不存在。請重新選取客戶表格。",
  tableGone: "Excel 表格「{name}」已不存在。請重新選取客戶表格。",
  savedSettings: "使用此表格上次細分的設定（{date}）。",
  waiting: "請在工作表中選取客戶表，然後選擇「使用選取範圍」。",
  retry: "重試",
  writeFailed: "無法寫入細分結果：{reason}。活頁簿未做任何變更。",
  writeLeftBehind:
    "無法寫入細分結果：{reason}。部分內容可能留在活頁簿中；窗格下次讀取表格時會提供移除選項。",
  removeFailed: "無法移除細分結果：{reason}。活頁簿未做任何變更。",
  removeLeftBehind:
    "未能完整移除細分結果：{reason}。部分內容可能仍留在活頁簿中；窗格下次讀取表格時會提供移除選項。",
  undoSteps: "在此版本的 Excel 中，復原需要多個步驟。",
  unfinishedWrite: "對 {address} 的細分（{method}，{date}）未完成（寫入期間 Excel 已關閉）。",
  cleanUpUnfinished: "移除已寫入的內容",
  cleanedUp: "已移除對 {address} 未完成的細分所寫入的內容。",
  damagedRecord: "有 1 筆已儲存的細分記錄無法讀取，已略過；其他記錄不受影響。",
  damagedRecords: "有 {count} 筆已儲存的細分記錄無法讀取，已略過；其他記錄不受影響。",
  languageNote: "層級名稱以{language}寫入。",
  themeLight: "淺色",
  themeDark: "深色",
  firstRunText:
    "此窗格需要一張客戶表：第一列是標題列，之後每位客戶一列，並有數字欄，例如價值、最近購買或消費金額。",
  sampleOffer:
    "手邊沒有表格？可以用 CDNOW 音樂商店的 251 位客戶（1997–98 年）試用此窗格，資料會新增為一張新工作表，不會變更您的任何資料。",
  insertSample: "插入範例資料",
  insertingSample: "正在插入範例資料…",
  sampleInserted: "範例資料已新增到新工作表「{name}」並已選取。",
  sampleFailed: "無法新增範例資料：{message}",
  sampleLeftBehind: "無法新增範例資料，工作表「{name}」可能不完整：請將它刪除。（{message}）",
  help: "說明",
  helpLabel: "說明（在新視窗中開啟）",
  predictHeading: "預測設定",
  timeUnit: "時間單位",
  periodLabel: "預測期（{unit}）",
  horizonLabel: "CLV 期限（{unit}）",
  discountLabel: "年折現率（%）",
  calibrationEndLabel: "檢驗預測的起始日（選填）",
  calibrationEndHint:
    "模型將以此日及之前的購買重新配適，並將其預測與客戶在此日之後的實際購買比較。寫入的預測使用全部購買記錄。",
  fitHeading: "模型配適",
  fitRepeat: "依重複購買次數的客戶數：實際與模型",
  fitHoldout: "{date} 之後每位客戶的購買次數：實際與依此前購買的預測",
  logLikelihood: "對數概似",
  asOf: "截至",
  calibrationCheck: "自 {date} 起的檢驗",
  actual: "實際",
  model: "模型",
  predicted: "預測",
  repeatPurchases: "重複購買次數",
  fitParameters: "BG/NBD r {r}，α {alpha}，a {a}，b {b}；Gamma-Gamma p {p}，q {q}，γ {gamma}",
  predictionsSheet: "客戶預測",
  sampleSheet: "範例客戶",
  summarySheet: "客戶細分",
  customersSheet: "客戶 RFM",
  summaryTitle: "客戶細分",
  summaryMethod: "方法",
  summaryParameters: "參數",
  summaryColumns: "欄",
  summarySource: "資料來源",
  summaryDate: "日期",
  summaryCustomers: "客戶數",
  summarySkipped: "略過的列",
  summaryStrategy: "策略",
  summaryValue: "價值",
  summaryNote: "由「客戶價值」Excel 增益集寫入。層級顏色是層級欄上的設定格式化的條件規則。",
  chartTitle: "各層級客戶數",
  cumulativeShare: "更高客戶的價值占比",
};

const STRINGS: Record<Locale, Strings> = { "en-US": enUS, "zh-CN": zhCN, "zh-TW": zhTW };

export function allStrings(locale: Locale): Strings {
  return STRINGS[locale];
}

/** A string with its {placeholders} filled. */
export function t(
  locale: Locale,
  key: StringKey,
  params: Record<string, string | number> = {}
): string {
  return format(STRINGS[locale][key], params);
}

/** The engine's language of tier names for a locale. */
export function languageOf(locale: Locale): Language {
  return locale === "en-US" ? "en" : locale;
}

export function tierName(locale: Locale, tier: TierKey): string {
  return tierLabel(tier, languageOf(locale));
}

export function strategyOf(locale: Locale, tier: TierKey): string | undefined {
  return tierStrategy(tier, languageOf(locale));
}

const METHOD_NAMES: Record<Locale, Record<Method, string>> = {
  "en-US": {
    value: "Value matrix",
    strategic: "Strategic matrix",
    frequency: "Frequency × average spend",
    rfm: "RFM",
    pyramid: "Customer pyramid",
    abc: "ABC analysis",
    predict: "Predict (BG/NBD)",
  },
  "zh-CN": {
    value: "价值矩阵",
    strategic: "战略矩阵",
    frequency: "频率 × 平均消费",
    rfm: "RFM",
    pyramid: "客户金字塔",
    abc: "ABC 分析",
    predict: "预测（BG/NBD）",
  },
  "zh-TW": {
    value: "價值矩陣",
    strategic: "戰略矩陣",
    frequency: "頻率 × 平均消費",
    rfm: "RFM",
    pyramid: "客戶金字塔",
    abc: "ABC 分析",
    predict: "預測（BG/NBD）",
  },
};

const METHOD_HINTS: Record<Locale, Record<Method, string>> = {
  "en-US": {
    value: "Current value × growth potential: Gold, Silver, Iron, Lead.",
    strategic: "Customer value × strategic match: Strategic, Profit, Potential, Ordinary.",
    frequency: "Purchase frequency × average spend: Premium, Frequent, Spender, Uncertain.",
    rfm: "Recency, frequency and monetary scores 1–5 and a named segment.",
    pyramid: "VIP, Major, Regular and Small by the share of customers above.",
    abc: "A, B and C by the share of total value held by bigger customers.",
    predict:
      "From transactions: each customer's chance of still being active, expected purchases and predicted CLV (BG/NBD and Gamma-Gamma models), tiered VIP to Small by CLV.",
  },
  "zh-CN": {
    value: "当前价值 × 增值潜力：金质、银质、铁质、铅质客户。",
    strategic: "客户价值 × 战略匹配度：战略、利润、潜力、普通客户。",
    frequency: "购买频率 × 平均消费：优质型、经常型、消费型、不确定型。",
    rfm: "最近购买、频率和金额 1–5 分，以及客户细分名称。",
    pyramid: "按价值更高的客户占比分为贵宾、主要、普通和小客户。",
    abc: "按更大客户所占总价值比例分为 A、B、C 类。",
    predict:
      "基于交易记录：每位客户仍然活跃的概率、预期购买次数和预测 CLV（BG/NBD 与 Gamma-Gamma 模型），按 CLV 分为贵宾至小客户。",
  },
  "zh-TW": {
    value: "目前價值 × 增值潛力：金質、銀質、鐵質、鉛質客戶。",
    strategic: "客戶價值 × 戰略匹配度：戰略、利潤、潛力、普通客戶。",
    frequency: "購買頻率 × 平均消費：優質型、經常型、消費型、不確定型。",
    rfm: "最近購買、頻率和金額 1–5 分，以及客戶區隔名稱。",
    pyramid: "依價值更高的客戶占比分為貴賓、主要、普通和小客戶。",
    abc: "依更大客戶所占總價值比例分為 A、B、C 類。",
    predict:
      "根據交易記錄：每位客戶仍然活躍的機率、預期購買次數和預測 CLV（BG/NBD 與 Gamma-Gamma 模型），依 CLV 分為貴賓至小客戶。",
  },
};

export function methodName(locale: Locale, method: Method): string {
  return METHOD_NAMES[locale][method];
}

export function methodHint(locale: Locale, method: Method): string {
  return METHOD_HINTS[locale][method];
}

const ROLE_NAMES: Record<Locale, Record<Role, string>> = {
  "en-US": {
    customerId: "Customer",
    currentValue: "Current value",
    growthPotential: "Growth potential",
    recency: "Recency (days)",
    frequency: "Frequency",
    monetary: "Monetary",
    strategicMatch: "Strategic match",
    transactionDate: "Transaction date",
    amount: "Amount",
    quantity: "Quantity",
    unitPrice: "Unit price",
  },
  "zh-CN": {
    customerId: "客户",
    currentValue: "当前价值",
    growthPotential: "增值潜力",
    recency: "最近购买（天）",
    frequency: "购买频率",
    monetary: "消费金额",
    strategicMatch: "战略匹配度",
    transactionDate: "交易日期",
    amount: "金额",
    quantity: "数量",
    unitPrice: "单价",
  },
  "zh-TW": {
    customerId: "客戶",
    currentValue: "目前價值",
    growthPotential: "增值潛力",
    recency: "最近購買（天）",
    frequency: "購買頻率",
    monetary: "消費金額",
    strategicMatch: "戰略匹配度",
    transactionDate: "交易日期",
    amount: "金額",
    quantity: "數量",
    unitPrice: "單價",
  },
};

/** The value role reads "Value" for the pyramid and ABC, "Customer value" for the strategic matrix. */
export function roleName(locale: Locale, role: Role, method?: Method): string {
  if (role === "currentValue" && (method === "pyramid" || method === "abc")) {
    return {
      "en-US": "Value (revenue or profit)",
      "zh-CN": "价值（收入或利润）",
      "zh-TW": "價值（收入或利潤）",
    }[locale];
  }
  if (role === "currentValue" && method === "strategic") {
    return { "en-US": "Customer value", "zh-CN": "客户价值", "zh-TW": "客戶價值" }[locale];
  }
  return ROLE_NAMES[locale][role];
}

const SPLIT_NAMES: Record<Locale, Record<"median" | "mean" | "percentile" | "fixed", string>> = {
  "en-US": { median: "Median", mean: "Mean", percentile: "Percentile", fixed: "Fixed number" },
  "zh-CN": { median: "中位数", mean: "平均值", percentile: "百分位", fixed: "固定数值" },
  "zh-TW": { median: "中位數", mean: "平均值", percentile: "百分位數", fixed: "固定數值" },
};

export function splitName(
  locale: Locale,
  kind: "median" | "mean" | "percentile" | "fixed"
): string {
  return SPLIT_NAMES[locale][kind];
}

const SKIP_REASONS: Record<Locale, Record<SkipReason["code"], string>> = {
  "en-US": {
    blank: "{column} is blank",
    notNumber: "{column} holds '{value}', not a number",
    errorValue: "{column} holds the error {value}",
    duplicate: "customer {id} appears again (first in row {firstRow})",
    zeroFrequency: "{column} is 0, so there is no average spend",
    noCustomer: "no customer id",
    notDate: "{column} holds '{value}', not a date",
    notPurchase: "not a purchase (amount {amount}): a return or cancellation",
  },
  "zh-CN": {
    blank: "{column} 为空",
    notNumber: "{column} 中的“{value}”不是数字",
    errorValue: "{column} 中是错误值 {value}",
    duplicate: "客户 {id} 重复出现（首次在第 {firstRow} 行）",
    zeroFrequency: "{column} 为 0，无法计算平均消费",
    noCustomer: "没有客户编号",
    notDate: "{column} 中的“{value}”不是日期",
    notPurchase: "不是购买（金额 {amount}）：退货或取消",
  },
  "zh-TW": {
    blank: "{column} 是空白",
    notNumber: "{column} 中的「{value}」不是數字",
    errorValue: "{column} 中是錯誤值 {value}",
    duplicate: "客戶 {id} 重複出現（首次在第 {firstRow} 列）",
    zeroFrequency: "{column} 為 0，無法計算平均消費",
    noCustomer: "沒有客戶編號",
    notDate: "{column} 中的「{value}」不是日期",
    notPurchase: "不是購買（金額 {amount}）：退貨或取消",
  },
};

export function skipReason(locale: Locale, reason: SkipReason): string {
  return format(
    SKIP_REASONS[locale][reason.code],
    reason as unknown as Record<string, string | number>
  );
}

const SCORE_HEADERS: Record<Locale, Record<ScoreKey, string>> = {
  "en-US": { r: "R", f: "F", m: "M", rfm: "RFM", cumulativeShare: "Share of value above" },
  "zh-CN": { r: "R", f: "F", m: "M", rfm: "RFM", cumulativeShare: "更高客户的价值占比" },
  "zh-TW": { r: "R", f: "F", m: "M", rfm: "RFM", cumulativeShare: "更高客戶的價值占比" },
};

export function scoreHeader(locale: Locale, key: ScoreKey): string {
  return SCORE_HEADERS[locale][key];
}

/** The header of a method's tier column. */
export function tierHeader(locale: Locale, method: Method): string {
  const headers: Record<Locale, Record<Method, string>> = {
    "en-US": {
      value: "Value matrix tier",
      strategic: "Strategic matrix tier",
      frequency: "Frequency × spend tier",
      rfm: "RFM segment",
      pyramid: "Pyramid tier",
      abc: "ABC class",
      predict: "CLV tier",
    },
    "zh-CN": {
      value: "价值矩阵层级",
      strategic: "战略矩阵层级",
      frequency: "频率 × 消费层级",
      rfm: "RFM 细分",
      pyramid: "金字塔层级",
      abc: "ABC 类别",
      predict: "CLV 层级",
    },
    "zh-TW": {
      value: "價值矩陣層級",
      strategic: "戰略矩陣層級",
      frequency: "頻率 × 消費層級",
      rfm: "RFM 區隔",
      pyramid: "金字塔層級",
      abc: "ABC 類別",
      predict: "CLV 層級",
    },
  };
  return headers[locale][method];
}

/**
 * The sample sheet's header: the columns of assets/sample-customers.csv (en-US is its header
 * as it is), in words the pane's column guesses know in each language.
 */
const SAMPLE_HEADER: Record<Locale, string[]> = {
  "en-US": [
    "Customer",
    "Recency (days)",
    "Frequency (orders)",
    "Monetary ($)",
    "Current value ($)",
    "Growth potential ($)",
  ],
  "zh-CN": [
    "客户",
    "最近购买（天）",
    "购买次数",
    "消费金额（美元）",
    "当前价值（美元）",
    "增值潜力（美元）",
  ],
  "zh-TW": [
    "客戶",
    "最近購買（天）",
    "購買次數",
    "消費金額（美元）",
    "目前價值（美元）",
    "增值潛力（美元）",
  ],
};

export function sampleHeader(locale: Locale): string[] {
  return [...SAMPLE_HEADER[locale]];
}

/** RFMTABLE's header, shared by the function and the pane's RFM customers sheet. */
const RFM_TABLE_HEADER: Record<Locale, string[]> = {
  "en-US": [
    "Customer",
    "Recency (days)",
    "Frequency",
    "Monetary",
    "R",
    "F",
    "M",
    "RFM",
    "Segment",
    "First purchase",
    "Last purchase",
    "Tenure (days)",
    "Average order value",
    "Lifecycle stage",
  ],
  "zh-CN": [
    "客户",
    "最近购买间隔（天）",
    "购买次数",
    "消费金额",
    "R",
    "F",
    "M",
    "RFM",
    "客户细分",
    "首次购买",
    "最近购买",
    "关系时长（天）",
    "平均订单金额",
    "生命周期阶段",
  ],
  "zh-TW": [
    "客戶",
    "最近購買間隔（天）",
    "購買次數",
    "消費金額",
    "R",
    "F",
    "M",
    "RFM",
    "客戶區隔",
    "首次購買",
    "最近購買",
    "關係時長（天）",
    "平均訂單金額",
    "生命週期階段",
  ],
};

export function rfmTableHeader(locale: Locale): string[] {
  return [...RFM_TABLE_HEADER[locale]];
}

/** BTYDSUMMARY's header, with the time columns in their unit. */
const BTYD_SUMMARY_HEADER: Record<Locale, string[]> = {
  "en-US": [
    "Customer",
    "Repeat purchases (x)",
    "Last repeat purchase (t_x, {unit})",
    "Age (T, {unit})",
    "Mean repeat spend",
  ],
  "zh-CN": [
    "客户",
    "重复购买次数（x）",
    "最后一次重复购买时点（t_x，{unit}）",
    "客户年龄（T，{unit}）",
    "平均重复消费金额",
  ],
  "zh-TW": [
    "客戶",
    "重複購買次數（x）",
    "最後一次重複購買時點（t_x，{unit}）",
    "客戶年齡（T，{unit}）",
    "平均重複消費金額",
  ],
};

const TIME_UNIT_NAMES: Record<Locale, Record<btyd.TimeUnit, string>> = {
  "en-US": { day: "days", week: "weeks", month: "months" },
  "zh-CN": { day: "天", week: "周", month: "月" },
  "zh-TW": { day: "天", week: "週", month: "月" },
};

const PREDICTION_HEADER: Record<Locale, string[]> = {
  "en-US": [
    "P(alive)",
    "Expected purchases (next {period} {unit})",
    "Expected spend per purchase",
    "Predicted CLV ({horizon} {unit})",
  ],
  "zh-CN": [
    "仍活跃概率",
    "预期购买次数（未来 {period} {unit}）",
    "预期每次消费金额",
    "预测 CLV（{horizon} {unit}）",
  ],
  "zh-TW": [
    "仍活躍機率",
    "預期購買次數（未來 {period} {unit}）",
    "預期每次消費金額",
    "預測 CLV（{horizon} {unit}）",
  ],
};

export function timeUnitName(locale: Locale, unit: btyd.TimeUnit): string {
  return TIME_UNIT_NAMES[locale][unit];
}

/** The Predict method's customer sheet: BTYDSUMMARY's columns, then the predictions. */
export function predictionHeader(
  locale: Locale,
  facts: { unit: btyd.TimeUnit; period: number; horizon: number }
): string[] {
  const unit = TIME_UNIT_NAMES[locale][facts.unit];
  return [
    ...btydSummaryHeader(locale, facts.unit),
    ...PREDICTION_HEADER[locale].map((title) =>
      format(title, { unit, period: facts.period, horizon: facts.horizon })
    ),
  ];
}

export function btydSummaryHeader(locale: Locale, unit: btyd.TimeUnit): string[] {
  const unitName = TIME_UNIT_NAMES[locale][unit];
  return BTYD_SUMMARY_HEADER[locale].map((title) => format(title, { unit: unitName }));
}

export function localeOfLanguage(language: Language): Locale {
  return language === "en" ? "en-US" : language;
}

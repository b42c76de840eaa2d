import { type Locale, format } from "./locale";

/** The browser preview's own strings (its toolbar and grid), in the three languages. */
const enUS = {
  title: "Customer Value for Excel — preview",
  subtitle: "The real task pane on an in-memory workbook. Nothing leaves this page.",
  language: "Language",
  darkTheme: "Dark theme",
  openFile: "Open CSV or XLSX",
  download: "Download workbook",
  sheets: "Sheets",
  grid: "Sheet {sheet}",
  loaded: "Opened {name}: {rows} rows on sheet {sheet}.",
  loadFailed: "Could not open {name}: {message}",
  xlsNotSupported: "Excel 97-2003 files (.xls) cannot be read; save the file as .xlsx or .csv.",
  emptyFile: "The file holds no cells.",
  downloadFailed: "Could not write the workbook: {message}",
  sampleFailed: "Could not load the sample table: {message}",
} as const;

export type PreviewKey = keyof typeof enUS;
type PreviewStrings = Record<PreviewKey, string>;

const zhCN: PreviewStrings = {
  title: "Customer Value for Excel — 预览",
  subtitle: "真实的任务窗格，运行在内存中的工作簿上。数据不会离开此页面。",
  language: "语言",
  darkTheme: "深色主题",
  openFile: "打开 CSV 或 XLSX",
  download: "下载工作簿",
  sheets: "工作表",
  grid: "工作表 {sheet}",
  loaded: "已打开 {name}：工作表 {sheet} 上 {rows} 行。",
  loadFailed: "无法打开 {name}：{message}",
  xlsNotSupported: "无法读取 Excel 97-2003 文件 (.xls)；请另存为 .xlsx 或 .csv。",
  emptyFile: "文件中没有单元格。",
  downloadFailed: "无法写出工作簿：{message}",
  sampleFailed: "无法加载示例表格：{message}",
};

const zhTW: PreviewStrings = {
  title: "Customer Value for Excel — 預覽",
  subtitle: "真實的工作窗格，執行於記憶體中的活頁簿上。資料不會離開此頁面。",
  language: "語言",
  darkTheme: "深色佈景主題",
  openFile: "開啟 CSV 或 XLSX",
  download: "下載活頁簿",
  sheets: "工作表",
  grid: "工作表 {sheet}",
  loaded: "已開啟 {name}：工作表 {sheet} 上 {rows} 列。",
  loadFailed: "無法開啟 {name}：{message}",
  xlsNotSupported: "無法讀取 Excel 97-2003 檔案 (.xls)；請另存為 .xlsx 或 .csv。",
  emptyFile: "檔案中沒有儲存格。",
  downloadFailed: "無法寫出活頁簿：{message}",
  sampleFailed: "無法載入範例表格：{message}",
};

const STRINGS: Record<Locale, PreviewStrings> = { "en-US": enUS, "zh-CN": zhCN, "zh-TW": zhTW };

export function previewText(
  locale: Locale,
  key: PreviewKey,
  params: Record<string, string | number> = {}
): string {
  return format(STRINGS[locale][key], params);
}

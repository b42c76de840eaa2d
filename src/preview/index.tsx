import { createRoot } from "react-dom/client";
import { localeOf } from "../i18n/locale";
import { previewText } from "../i18n/preview";
import { MemoryWorkbook } from "../workbook/memory";
import { openFile } from "./openFile";
import { Preview } from "./Preview";

/* The browser preview: the task pane without Excel, on the sample customer table. `?lang=`
 * picks the language (else the browser's), `?theme=dark` the dark theme (else the system's). */
async function start() {
  const params = new URLSearchParams(window.location.search);
  const locale = localeOf(params.get("lang") ?? navigator.language);
  const theme =
    params.get("theme") === "dark" ||
    (params.get("theme") !== "light" && matchMedia("(prefers-color-scheme: dark)").matches)
      ? "dark"
      : "light";
  document.documentElement.lang = locale;
  let workbook = new MemoryWorkbook();
  let problem: string | undefined;
  try {
    const response = await fetch("sample-customers.csv");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    workbook = await openFile(await response.blob(), "Customers.csv");
  } catch (error) {
    workbook.addSheet("Sheet1");
    problem = previewText(locale, "sampleFailed", {
      message: error instanceof Error ? error.message : String(error),
    });
  }
  createRoot(document.getElementById("root") as HTMLElement).render(
    <Preview
      initialWorkbook={workbook}
      initialLocale={locale}
      initialTheme={theme}
      {...(problem ? { startupProblem: problem } : {})}
    />
  );
}

void start();

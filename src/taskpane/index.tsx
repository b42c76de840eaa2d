import { createRoot } from "react-dom/client";
import { localeOf } from "../i18n/locale";
import { OfficeWorkbookPort } from "../workbook/office";
import { App } from "./App";
import { officeThemeName } from "./theme";

/* The task pane in Excel: once Office is ready, the pane on the Office.js workbook port, in
 * Office's display language and theme. */
Office.onReady(() => {
  const root = document.getElementById("root") as HTMLElement;
  const locale = localeOf(Office.context.displayLanguage);
  document.documentElement.lang = locale;
  createRoot(root).render(
    <App port={new OfficeWorkbookPort()} locale={locale} theme={officeThemeName()} />
  );
});

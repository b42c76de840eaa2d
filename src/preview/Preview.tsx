import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useEffect, useMemo, useRef, useState } from "react";
import { LOCALES, type Locale } from "../i18n/locale";
import { type PreviewKey, previewText } from "../i18n/preview";
import { App } from "../taskpane/App";
import { type ThemeName, fluentTheme } from "../taskpane/theme";
import type { MemoryWorkbook } from "../workbook/memory";
import { workbookToXlsx } from "../workbook/xlsx/write";
import { LivePort } from "./livePort";
import { UnreadableFile, openFile } from "./openFile";
import { SheetGrid } from "./SheetGrid";

const LANGUAGE_NAMES: Record<Locale, string> = {
  "en-US": "English",
  "zh-CN": "中文（简体）",
  "zh-TW": "中文（繁體）",
};

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: "240px" },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  workbook: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  pane: {
    width: "360px",
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  hidden: { display: "none" },
});

/**
 * The preview page: a toolbar (language, theme, open a file, download), the workbook grid, and
 * the real task pane on the in-memory port, as Excel would show it beside the sheet.
 */
export function Preview({
  initialWorkbook,
  initialLocale,
  initialTheme,
  startupProblem,
}: {
  initialWorkbook: MemoryWorkbook;
  initialLocale: Locale;
  initialTheme: ThemeName;
  startupProblem?: string;
}) {
  const styles = useStyles();
  const [workbook, setWorkbook] = useState(initialWorkbook);
  const [locale, setLocale] = useState(initialLocale);
  const [theme, setTheme] = useState(initialTheme);
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState(0);
  const [fileName, setFileName] = useState("Customers");
  const [notice, setNotice] = useState<{ intent: "error" | "success"; text: string } | undefined>(
    startupProblem ? { intent: "error", text: startupProblem } : undefined
  );
  const fileInput = useRef<HTMLInputElement>(null);
  const port = useMemo(() => new LivePort(workbook, () => setVersion((v) => v + 1)), [workbook]);
  const text = (key: PreviewKey, params?: Record<string, string | number>) =>
    previewText(locale, key, params);

  useEffect(() => {
    document.title = previewText(locale, "title");
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseLocale = (next: Locale) => {
    setLocale(next);
    const url = new URL(window.location.href);
    url.searchParams.set("lang", next);
    window.history.replaceState(null, "", url);
  };

  const open = async (file: File) => {
    try {
      const next = await openFile(file, file.name);
      const sheet = next.sheet(next.selection.sheet) ?? next.sheets[0];
      setWorkbook(next);
      setFileName(file.name.replace(/\.[^.]*$/, "") || "workbook");
      setOpened((n) => n + 1);
      setNotice({
        intent: "success",
        text: text("loaded", {
          name: file.name,
          rows: sheet.usedArea()?.rows ?? 0,
          sheet: sheet.name,
        }),
      });
    } catch (error) {
      const message =
        error instanceof UnreadableFile
          ? text(error.reason)
          : error instanceof Error
            ? error.message
            : String(error);
      setNotice({ intent: "error", text: text("loadFailed", { name: file.name, message }) });
    }
  };

  const download = async () => {
    try {
      const bytes = await workbookToXlsx(workbook);
      const url = URL.createObjectURL(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE })
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = `${fileName}-segments.xlsx`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setNotice({ intent: "error", text: text("downloadFailed", { message }) });
    }
  };

  return (
    <FluentProvider theme={fluentTheme(theme)} lang={locale}>
      <div className={styles.page}>
        <header className={styles.toolbar}>
          <div className={styles.titles}>
            <h1 className={styles.heading}>{text("title")}</h1>
            <Text size={200}>{text("subtitle")}</Text>
          </div>
          <label>
            <Text size={200}>{text("language")} </Text>
            <Select
              size="small"
              value={locale}
              onChange={(_, data) => chooseLocale(data.value as Locale)}
              aria-label={text("language")}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </Select>
          </label>
          <Switch
            label={text("darkTheme")}
            checked={theme === "dark"}
            onChange={(_, data) => setTheme(data.checked ? "dark" : "light")}
          />
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={text("openFile")}
            tabIndex={-1}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = "";
              if (file) void open(file);
            }}
          />
          <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()}>
            {text("openFile")}
          </Button>
          <Button
            appearance="primary"
            icon={<ArrowDownloadRegular />}
            onClick={() => void download()}
          >
            {text("download")}
          </Button>
        </header>
        {notice && (
          <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.body}>
          <section className={styles.workbook} aria-label={workbook.sheets[0]?.name}>
            <SheetGrid key={opened} workbook={workbook} locale={locale} version={version} />
          </section>
          <aside className={styles.pane}>
            {/* a new file or language starts a new pane, as reopening the add-in would */}
            <App key={`${opened}-${locale}`} port={port} locale={locale} theme={theme} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}

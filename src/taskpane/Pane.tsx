import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../i18n/locale";
import type { WorkbookPort } from "../workbook/types";
import { HelpLink } from "./HelpLink";
import { LocaleContext, useText } from "./locale";
import { ActionsSection } from "./sections/ActionsSection";
import { ColumnsSection } from "./sections/ColumnsSection";
import { MethodSection } from "./sections/MethodSection";
import { OptionsSection } from "./sections/OptionsSection";
import { PreviewSection } from "./sections/PreviewSection";
import { StoredNotices } from "./sections/StoredNotices";
import { TableSection } from "./sections/TableSection";
import { usePane } from "./usePane";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    padding: `0 ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100%",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** The task pane: title and help, table, method, columns, options, preview, actions, top to bottom. */
export function Pane({ port, locale }: { port: WorkbookPort; locale: Locale }) {
  return (
    <LocaleContext.Provider value={locale}>
      <PaneBody port={port} locale={locale} />
    </LocaleContext.Provider>
  );
}

function PaneBody({ port, locale }: { port: WorkbookPort; locale: Locale }) {
  const styles = useStyles();
  const text = useText();
  const model = usePane(port, locale);
  // a host that never says the pane is shown: the user's first touch of the pane reads the table
  const start = model.actions.start;
  return (
    <main
      className={styles.pane}
      lang={locale}
      onPointerDownCapture={start}
      onKeyDownCapture={start}
      onFocusCapture={start}
    >
      <header className={styles.header}>
        <h1 className={styles.title}>{text("appTitle")}</h1>
        <HelpLink />
      </header>
      <Text size={200}>{text("intro")}</Text>
      <StoredNotices model={model} />
      <TableSection model={model} />
      {model.table && !(model.table.problem && model.table.problem !== "oneCustomer") && (
        <>
          <MethodSection model={model} />
          <ColumnsSection model={model} />
          <OptionsSection model={model} />
          <PreviewSection model={model} />
        </>
      )}
      <ActionsSection model={model} />
    </main>
  );
}

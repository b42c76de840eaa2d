import { FluentProvider } from "@fluentui/react-components";
import type { Locale } from "../i18n/locale";
import type { WorkbookPort } from "../workbook/types";
import { Pane } from "./Pane";
import { type ThemeName, fluentTheme } from "./theme";

/** The pane inside Fluent's provider, in Office's language and theme. */
export function App({
  port,
  locale,
  theme,
}: {
  port: WorkbookPort;
  locale: Locale;
  theme: ThemeName;
}) {
  return (
    <FluentProvider theme={fluentTheme(theme)} style={{ height: "100%" }}>
      <Pane port={port} locale={locale} />
    </FluentProvider>
  );
}

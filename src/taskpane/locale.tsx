import { createContext, useContext } from "react";
import type { Locale } from "../i18n/locale";
import { type StringKey, t } from "../i18n/strings";

/** The pane's language (Office's display language) for every component below. */
export const LocaleContext = createContext<Locale>("en-US");

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** `text("segment")`, `text("writing", { done, total })` in the pane's language. */
export function useText(): (key: StringKey, params?: Record<string, string | number>) => string {
  const locale = useLocale();
  return (key, params) => t(locale, key, params);
}

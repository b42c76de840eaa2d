import type { Locale } from "../../i18n/locale";

/** A share as the pane shows it: 12.5%, or a dash when there is none. */
export function percent(share: number | undefined, locale: Locale): string {
  if (share === undefined) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
    share
  );
}

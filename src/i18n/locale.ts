/** The three languages of every user-visible string. */
export type Locale = "en-US" | "zh-CN" | "zh-TW";
export const LOCALES: readonly Locale[] = ["en-US", "zh-CN", "zh-TW"];

/** Maps an Office display language (or a browser language) to one we speak. */
export function localeOf(language: string | undefined | null): Locale {
  const tag = (language ?? "").toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(tag)) return "zh-TW";
  if (tag.startsWith("zh")) return "zh-CN";
  return "en-US";
}

/** Fills {name} placeholders. */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}

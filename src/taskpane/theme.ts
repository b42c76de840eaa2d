import { type Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

/**
 * Office's theme when the host tells it (isDarkTheme, or a dark body background), else the
 * system's. Excel on the web may not report one, and no host reports changes.
 */
export function officeThemeName(): ThemeName {
  try {
    const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
    if (theme) {
      if (typeof (theme as { isDarkTheme?: boolean }).isDarkTheme === "boolean") {
        return (theme as { isDarkTheme?: boolean }).isDarkTheme ? "dark" : "light";
      }
      if (theme.bodyBackgroundColor)
        return luminance(theme.bodyBackgroundColor) < 0.4 ? "dark" : "light";
    }
  } catch {
    // Office not ready or not present: fall through to the system setting
  }
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
}

function luminance(hex: string): number {
  const value = hex.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? webDarkTheme : webLightTheme;
}

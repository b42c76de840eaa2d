import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { QuestionCircleRegular } from "@fluentui/react-icons";
import type { Locale } from "../i18n/locale";
import { useLocale, useText } from "./locale";

const useStyles = makeStyles({
  link: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    whiteSpace: "nowrap",
  },
});

/**
 * The help site's page in the pane's language. Relative, so that it is the same from
 * dist/taskpane.html and from the preview's page: the help site is built beside both.
 */
export function helpUrl(locale: Locale): string {
  return `help/${locale}/index.html`;
}

/** Opens the help in a new browser window; its name says so to screen readers. */
export function HelpLink() {
  const text = useText();
  const locale = useLocale();
  const styles = useStyles();
  return (
    <Link
      className={styles.link}
      href={helpUrl(locale)}
      target="_blank"
      rel="noopener"
      aria-label={text("helpLabel")}
    >
      <QuestionCircleRegular aria-hidden />
      {text("help")}
    </Link>
  );
}

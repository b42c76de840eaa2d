import { makeStyles, tokens } from "@fluentui/react-components";
import { type Method, PALETTE, type Segmentation, quadrantTier } from "../../engine";
import type { Locale } from "../../i18n/locale";
import { methodName, roleName, tierName } from "../../i18n/strings";
import { useLocale, useText } from "../locale";
import { percent } from "./format";

const useStyles = makeStyles({
  figure: { margin: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "auto 1fr 1fr",
    gap: tokens.spacingHorizontalXXS,
    alignItems: "stretch",
    fontSize: tokens.fontSizeBase200,
  },
  quadrant: {
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: "center",
    minHeight: "3.5rem",
  },
  axis: { color: tokens.colorNeutralForeground3, textAlign: "center", alignSelf: "center" },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

const AVERAGE_SPEND: Record<Locale, string> = {
  "en-US": "Average spend",
  "zh-CN": "平均消费",
  "zh-TW": "平均消費",
};

/** The 2x2 matrix: second axis up, first axis right, each quadrant in its tier's colour. */
export function MatrixPicture({
  segmentation,
  method,
}: {
  segmentation: Segmentation;
  method: Method;
}) {
  const text = useText();
  const locale = useLocale();
  const styles = useStyles();
  const [first, second] = segmentation.axes ?? [];
  if (!first || !second) return null;
  const scheme =
    method === "strategic" ? "strategic" : method === "frequency" ? "frequency" : "value";
  const firstName = roleName(locale, first.role, method);
  const secondName =
    method === "frequency" ? AVERAGE_SPEND[locale] : roleName(locale, second.role, method);
  const cell = (firstHigh: boolean, secondHigh: boolean) => {
    const tier = quadrantTier(scheme, firstHigh, secondHigh);
    const summary = segmentation.summary.find((s) => s.tier === tier);
    const where = `${firstName} ${text(firstHigh ? "high" : "low")}, ${secondName} ${text(secondHigh ? "high" : "low")}`;
    return (
      <div
        className={styles.quadrant}
        style={{ background: PALETTE[tier].fill, color: PALETTE[tier].text }}
        role="group"
        aria-label={`${tierName(locale, tier)}: ${where}`}
      >
        <strong>{tierName(locale, tier)}</strong>
        <br />
        {summary?.customers ?? 0} · {percent(summary?.customerShare, locale)}
      </div>
    );
  };
  return (
    <figure className={styles.figure}>
      <div className={styles.grid}>
        <span className={styles.axis}>{text("high")}</span>
        {cell(false, true)}
        {cell(true, true)}
        <span className={styles.axis}>{text("low")}</span>
        {cell(false, false)}
        {cell(true, false)}
        <span />
        <span className={styles.axis}>{text("low")}</span>
        <span className={styles.axis}>{text("high")}</span>
      </div>
      <figcaption className={styles.caption}>
        {methodName(locale, method)}: ↑ {secondName} (≥ {second.threshold}), → {firstName} (≥{" "}
        {first.threshold})
      </figcaption>
    </figure>
  );
}

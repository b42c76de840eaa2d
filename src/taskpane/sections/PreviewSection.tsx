import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { PALETTE, type Prediction, type Segmentation, isoDate } from "../../engine";
import { skipReason, tierName } from "../../i18n/strings";
import { useLocale, useText } from "../locale";
import type { PaneModel } from "../usePane";
import { percent } from "./format";
import { FitCharts } from "./FitChart";
import { MatrixPicture } from "./MatrixPicture";
import { Section } from "./Section";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "right",
  },
  tierCell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "left",
  },
  head: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  total: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  swatch: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
  },
});

/** Customers and share of value per tier, the 2x2 picture, and the rows left out. */
export function PreviewSection({ model }: { model: PaneModel }) {
  const text = useText();
  const { preview } = model;
  if (!preview || "missing" in preview || "invalidOption" in preview) return null;
  return (
    <Section title={text("previewHeading")}>
      {"problem" in preview ? (
        <MessageBar intent="error">
          <MessageBarBody>{preview.problem}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <TierTable segmentation={preview.segmentation} />
          {preview.segmentation.axes && (
            <MatrixPicture segmentation={preview.segmentation} method={model.method} />
          )}
          {preview.segmentation.prediction && (
            <PredictionFacts prediction={preview.segmentation.prediction} />
          )}
          <SkippedRows model={model} segmentation={preview.segmentation} />
        </>
      )}
    </Section>
  );
}

function TierTable({ segmentation }: { segmentation: Segmentation }) {
  const text = useText();
  const locale = useLocale();
  const styles = useStyles();
  // RFM has eleven segments: show the ones that have customers
  const rows = segmentation.summary.filter((s) => segmentation.method !== "rfm" || s.customers > 0);
  const count = new Intl.NumberFormat(locale);
  return (
    <table className={styles.table}>
      <thead>
        <tr className={styles.head}>
          <th scope="col" className={styles.tierCell}>
            {text("tierColumn")}
          </th>
          <th scope="col" className={styles.cell}>
            {text("customersColumn")}
          </th>
          <th scope="col" className={styles.cell}>
            {text("customerShareColumn")}
          </th>
          <th scope="col" className={styles.cell}>
            {text("valueShareColumn")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.tier}>
            <th scope="row" className={styles.tierCell}>
              <span
                className={styles.swatch}
                style={{ background: PALETTE[s.tier].fill, color: PALETTE[s.tier].text }}
              >
                {tierName(locale, s.tier)}
              </span>
            </th>
            <td className={styles.cell}>{count.format(s.customers)}</td>
            <td className={styles.cell}>{percent(s.customerShare, locale)}</td>
            <td className={styles.cell}>{percent(s.valueShare, locale)}</td>
          </tr>
        ))}
        <tr className={styles.total}>
          <th scope="row" className={styles.tierCell}>
            {text("totalRow")}
          </th>
          <td className={styles.cell}>{count.format(segmentation.customers)}</td>
          <td className={styles.cell}>{percent(segmentation.customers ? 1 : 0, locale)}</td>
          <td className={styles.cell}>
            {percent(segmentation.totalValue.gt(0) ? 1 : undefined, locale)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

const round = (x: number) => String(+x.toPrecision(4));

function bgnbdText({ r, alpha, a, b }: { r: number; alpha: number; a: number; b: number }) {
  return `BG/NBD r ${round(r)}, α ${round(alpha)}, a ${round(a)}, b ${round(b)}`;
}

/** The fitted parameters and the fit charts of the Predict method. */
function PredictionFacts({ prediction }: { prediction: Prediction }) {
  const text = useText();
  const { r, alpha, a, b } = prediction.bgnbd.params;
  const { p, q, gamma } = prediction.gammaGamma.params;
  return (
    <div>
      <Text size={200} weight="semibold" as="h3" block>
        {text("fitHeading")}
      </Text>
      <Text size={200} block>
        {text("fitParameters", {
          r: round(r),
          alpha: round(alpha),
          a: round(a),
          b: round(b),
          p: round(p),
          q: round(q),
          gamma: round(gamma),
        })}
      </Text>
      {prediction.calibration && (
        <Text size={200} block>
          {`${text("calibrationCheck", { date: isoDate(prediction.calibration.summary.calibrationEnd) })}: `}
          {bgnbdText(prediction.calibration.bgnbd.params)}
        </Text>
      )}
      <FitCharts prediction={prediction} />
    </div>
  );
}

const SHOWN = 100;

function SkippedRows({ model, segmentation }: { model: PaneModel; segmentation: Segmentation }) {
  const text = useText();
  const locale = useLocale();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const skipped = segmentation.skipped;
  if (skipped.length === 0) return <Text size={200}>{text("skippedNone")}</Text>;
  const table = model.table;
  // rows as the worksheet numbers them
  const firstDataRow = table ? table.source.area.top + (table.grid.hasHeader ? 1 : 0) : 0;
  return (
    <div>
      <Text size={200}>{text("skippedSummary", { count: skipped.length })} </Text>
      <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? text("hideSkipped") : text("showSkipped")}
      </Button>
      {open && (
        <ul className={styles.list} aria-label={text("skippedSummary", { count: skipped.length })}>
          {skipped.slice(0, SHOWN).map((s) => (
            <li key={s.row}>
              {text("skippedRow", {
                row: firstDataRow + s.row,
                reason: skipReason(locale, s.reason),
              })}
            </li>
          ))}
          {skipped.length > SHOWN && (
            <li>{text("skippedMore", { count: skipped.length - SHOWN })}</li>
          )}
        </ul>
      )}
    </div>
  );
}

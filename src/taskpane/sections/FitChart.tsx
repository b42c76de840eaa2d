import { makeStyles, tokens } from "@fluentui/react-components";
import { type Prediction, isoDate } from "../../engine";
import { useLocale, useText } from "../locale";

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalS} 0 0` },
  caption: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200 },
  key: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginInlineEnd: tokens.spacingHorizontalXXS,
  },
  svg: { width: "100%", height: "auto", color: tokens.colorNeutralForeground1 },
  actual: { fill: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralForeground3 },
  model: { fill: tokens.colorBrandBackground, backgroundColor: tokens.colorBrandBackground },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
  },
});

interface Pair {
  label: string;
  actual: number;
  model: number;
}

/**
 * How well the models describe the data, as FHL 2005 shows it: customers by repeat purchases,
 * actual beside the model's expectation; with a holdout period, the purchases per customer
 * there, actual beside predicted. Bars for the eye, a table for screen readers.
 */
export function FitCharts({ prediction }: { prediction: Prediction }) {
  const text = useText();
  const label = (x: number, orMore: boolean) => (orMore ? `${x}+` : String(x));
  return (
    <>
      <PairedBars
        caption={text("fitRepeat")}
        modelName={text("model")}
        pairs={prediction.frequencies.map((g) => ({
          label: label(g.x, g.orMore),
          actual: g.actual,
          model: g.expected,
        }))}
        digits={0}
      />
      {prediction.calibration && (
        <PairedBars
          caption={text("fitHoldout", {
            date: isoDate(prediction.calibration.summary.calibrationEnd),
          })}
          modelName={text("predicted")}
          pairs={prediction.calibration.holdout.map((g) => ({
            label: label(g.x, g.orMore),
            actual: g.actual,
            model: g.predicted,
          }))}
          digits={2}
        />
      )}
    </>
  );
}

function PairedBars({
  caption,
  modelName,
  pairs,
  digits,
}: {
  caption: string;
  modelName: string;
  pairs: Pair[];
  digits: number;
}) {
  const text = useText();
  const locale = useLocale();
  const styles = useStyles();
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const width = 300;
  const height = 120;
  const axis = 16;
  const max = Math.max(1e-9, ...pairs.flatMap((p) => [p.actual, p.model]));
  const slot = width / Math.max(1, pairs.length);
  const bar = slot * 0.35;
  const scale = (v: number) => (v / max) * (height - axis - 4);
  return (
    <figure className={styles.figure}>
      {/* the hidden table below carries the caption for screen readers */}
      <figcaption className={styles.caption} aria-hidden>
        {caption}
      </figcaption>
      <div className={styles.legend} aria-hidden>
        <span>
          <span className={`${styles.key} ${styles.actual}`} />
          {text("actual")}
        </span>
        <span>
          <span className={`${styles.key} ${styles.model}`} />
          {modelName}
        </span>
      </div>
      <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} aria-hidden>
        {pairs.map((p, i) => {
          const x = i * slot + slot * 0.15;
          return (
            <g key={p.label}>
              <rect
                className={styles.actual}
                x={x}
                y={height - axis - scale(p.actual)}
                width={bar}
                height={scale(p.actual)}
              />
              <rect
                className={styles.model}
                x={x + bar}
                y={height - axis - scale(p.model)}
                width={bar}
                height={scale(p.model)}
              />
              <text
                x={x + bar}
                y={height - 3}
                textAnchor="middle"
                fontSize={10}
                fill="currentColor"
              >
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <table className={styles.hidden}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text("repeatPurchases")}</th>
            <th scope="col">{text("actual")}</th>
            <th scope="col">{modelName}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>{number.format(p.actual)}</td>
              <td>{number.format(p.model)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

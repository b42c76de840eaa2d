import { makeStyles, tokens } from "@fluentui/react-components";
import type { MemorySheet } from "../workbook/memory";
import type { ChartSpec } from "../workbook/types";

const useStyles = makeStyles({
  frame: {
    position: "absolute",
    boxSizing: "border-box",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    // a chart is a white sheet object in Excel, in either theme
    backgroundColor: "#FFFFFF",
    color: "#1F1F1F",
    zIndex: 1,
  },
});

/**
 * The summary sheet's column chart as Excel draws it from the same cells: one bar per tier
 * in the tier's colour, with its value over it. Placed at the chart's anchor cells.
 */
export function ChartPicture({
  sheet,
  chart,
  box,
}: {
  sheet: MemorySheet;
  chart: ChartSpec;
  box: { left: number; top: number; width: number; height: number };
}) {
  const styles = useStyles();
  const categories = Array.from({ length: chart.categories.rows }, (_, i) =>
    String(sheet.value(chart.categories.top + i, chart.categories.left) ?? "")
  );
  const values = Array.from({ length: chart.values.rows }, (_, i) => {
    const value = sheet.value(chart.values.top + i, chart.values.left);
    return typeof value === "number" ? value : 0;
  });
  const max = Math.max(1, ...values);
  const title = 28;
  const axis = 36;
  const plotHeight = box.height - title - axis - 8;
  const slot = (box.width - 24) / Math.max(1, values.length);
  const label = `${chart.title}: ${categories.map((c, i) => `${c} ${values[i]}`).join(", ")}`;
  return (
    <svg
      className={styles.frame}
      style={box}
      width={box.width}
      height={box.height}
      role="img"
      aria-label={label}
    >
      <text
        x={box.width / 2}
        y={20}
        textAnchor="middle"
        fontWeight="bold"
        fontSize={14}
        fill="currentColor"
      >
        {chart.title}
      </text>
      <line
        x1={12}
        x2={box.width - 12}
        y1={title + plotHeight}
        y2={title + plotHeight}
        stroke="#808080"
      />
      {values.map((value, i) => {
        const height = (value / max) * (plotHeight - 18);
        const x = 12 + i * slot + slot * 0.2;
        const y = title + plotHeight - height;
        return (
          <g key={i}>
            <rect
              x={x}
              y={y}
              width={slot * 0.6}
              height={height}
              fill={chart.colours[i]}
              stroke="#808080"
            />
            <text
              x={x + slot * 0.3}
              y={y - 4}
              textAnchor="middle"
              fontSize={12}
              fill="currentColor"
            >
              {value}
            </text>
            <text
              x={x + slot * 0.3}
              y={title + plotHeight + 16}
              textAnchor="middle"
              fontSize={12}
              fill="currentColor"
            >
              {categories[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

import { Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { Locale } from "../i18n/locale";
import { previewText } from "../i18n/preview";
import { areaAddress, columnName } from "../workbook/address";
import type { MemorySheet, MemoryWorkbook } from "../workbook/memory";
import type { Area } from "../workbook/types";
import { cellText } from "./cellText";
import { ChartPicture } from "./ChartPicture";

const ROW_HEIGHT = 24;
const HEADER_WIDTH = 48;
const PIXELS_PER_CHARACTER = 7.5;
const DEFAULT_WIDTH = 96;
const OVERSCAN = 8;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1 },
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // the grid holds only rows; charts float beside it in the same scrolled layer
  grid: {
    position: "absolute",
    inset: 0,
    outline: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  row: { position: "absolute", left: 0, display: "flex", height: `${ROW_HEIGHT}px` },
  headerRow: { position: "sticky", top: 0, zIndex: 2 },
  cell: {
    boxSizing: "border-box",
    flexShrink: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "cell",
  },
  number: { textAlign: "right" },
  heading: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: "center",
    fontWeight: tokens.fontWeightSemibold,
    cursor: "default",
  },
  rowHeading: { position: "sticky", left: 0, zIndex: 1 },
  // a translucent tint, so a selected cell still shows its tier colour
  selected: {
    backgroundImage: "linear-gradient(rgba(15, 108, 189, 0.2), rgba(15, 108, 189, 0.2))",
  },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  bold: { fontWeight: tokens.fontWeightBold },
});

const inside = (area: Area, row: number, column: number) =>
  row >= area.top &&
  row < area.top + area.rows &&
  column >= area.left &&
  column < area.left + area.columns;

/** The rectangle spanned by two corner cells. */
function span(a: { row: number; column: number }, b: { row: number; column: number }): Area {
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.column, b.column);
  return {
    top,
    left,
    rows: Math.abs(a.row - b.row) + 1,
    columns: Math.abs(a.column - b.column) + 1,
  };
}

/**
 * The workbook as a spreadsheet shows it: sheet tabs, column letters, row numbers, formatted
 * values and the colours cells show (their own fill or the first colour rule that matches).
 * Clicking, dragging, Shift+click and the arrow keys (with Shift to extend) set the selection
 * the task pane reads. Only the rows in view are drawn, so large tables stay quick.
 */
export function SheetGrid({
  workbook,
  locale,
  version,
}: {
  workbook: MemoryWorkbook;
  locale: Locale;
  /** changes whenever the workbook does */
  version: number;
}) {
  const styles = useStyles();
  const [, setRedraw] = useState(0);
  const redraw = () => setRedraw((n) => n + 1);
  const sheet = workbook.sheet(workbook.selection.sheet) ?? workbook.sheets[0];
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef({ row: 0, column: 0 });
  const [dragging, setDragging] = useState(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const stop = () => setDragging(false);
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);

  if (!sheet) return null;
  const selection = workbook.selection.area;
  // the cell the selection started from stays active, as in Excel
  const active = inside(selection, anchor.current.row, anchor.current.column)
    ? anchor.current
    : { row: selection.top, column: selection.left };
  const used = sheet.usedArea();
  const rowCount = Math.max(40, used ? used.top + used.rows + 10 : 0);
  const chartRight = Math.max(0, ...sheet.charts.map((c) => c.anchor.left + c.anchor.columns));
  const columnCount = Math.max(10, chartRight + 1, used ? used.left + used.columns + 2 : 0);
  const widths = Array.from({ length: columnCount }, (_, c) =>
    sheet.columnWidths[c] ? Math.round(sheet.columnWidths[c] * PIXELS_PER_CHARACTER) : DEFAULT_WIDTH
  );
  const leftOf = (column: number) =>
    HEADER_WIDTH + widths.slice(0, column).reduce((sum, w) => sum + w, 0);
  const totalWidth = leftOf(columnCount);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const cellId = (row: number, column: number) => `cell-${row}-${column}`;

  const select = (area: Area, sheetName = sheet.name) => {
    workbook.selection = { sheet: sheetName, area };
    redraw();
  };
  const pick = (row: number, column: number, extend: boolean) => {
    if (!extend) anchor.current = { row, column };
    select(span(anchor.current, { row, column }));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (!move && event.key !== "Home") return;
    event.preventDefault();
    // Shift extends from the anchor; the far corner moves
    const corner = event.shiftKey
      ? {
          row:
            selection.top === anchor.current.row
              ? selection.top + selection.rows - 1
              : selection.top,
          column:
            selection.left === anchor.current.column
              ? selection.left + selection.columns - 1
              : selection.left,
        }
      : active;
    const next = move
      ? {
          row: Math.min(rowCount - 1, Math.max(0, corner.row + move[0])),
          column: Math.min(columnCount - 1, Math.max(0, corner.column + move[1])),
        }
      : { row: event.ctrlKey ? 0 : corner.row, column: 0 };
    if (event.shiftKey) select(span(anchor.current, next));
    else pick(next.row, next.column, false);
    // keep the moved-to cell in view, below the column letters and right of the row numbers
    const element = scroller.current;
    if (element) {
      const top = (next.row + 1) * ROW_HEIGHT;
      if (top < element.scrollTop + ROW_HEIGHT) element.scrollTop = top - ROW_HEIGHT;
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
        element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
      const left = leftOf(next.column);
      const right = left + widths[next.column];
      if (left - HEADER_WIDTH < element.scrollLeft) element.scrollLeft = left - HEADER_WIDTH;
      else if (right > element.scrollLeft + element.clientWidth)
        element.scrollLeft = right - element.clientWidth;
    }
  };

  const rows = [];
  for (let r = first; r < last; r++) rows.push(r);
  const activeShown = active.row >= first && active.row < last;

  return (
    <div className={styles.root} data-version={version}>
      <TabList
        size="small"
        aria-label={previewText(locale, "sheets")}
        selectedValue={sheet.name}
        onTabSelect={(_, data) => {
          anchor.current = { row: 0, column: 0 };
          select({ top: 0, left: 0, rows: 1, columns: 1 }, String(data.value));
        }}
      >
        {workbook.sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div
        ref={scroller}
        className={styles.scroller}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div
          style={{ height: (rowCount + 1) * ROW_HEIGHT, width: totalWidth, position: "relative" }}
        >
          <div
            className={styles.grid}
            role="grid"
            aria-label={previewText(locale, "grid", { sheet: sheet.name })}
            aria-rowcount={rowCount + 1}
            aria-colcount={columnCount + 1}
            aria-multiselectable
            aria-activedescendant={activeShown ? cellId(active.row, active.column) : undefined}
            tabIndex={0}
            onKeyDown={onKeyDown}
            data-selection={areaAddress(selection)}
          >
            <div
              role="row"
              aria-rowindex={1}
              className={mergeClasses(styles.row, styles.headerRow)}
              style={{ top: 0, width: totalWidth }}
            >
              <div
                role="columnheader"
                aria-colindex={1}
                className={mergeClasses(styles.cell, styles.heading, styles.rowHeading)}
                style={{ width: HEADER_WIDTH }}
              />
              {widths.map((width, c) => (
                <div
                  key={c}
                  role="columnheader"
                  aria-colindex={c + 2}
                  className={mergeClasses(styles.cell, styles.heading)}
                  style={{ width }}
                >
                  {columnName(c)}
                </div>
              ))}
            </div>
            {rows.map((r) => (
              <SheetRow
                key={r}
                sheet={sheet}
                row={r}
                widths={widths}
                totalWidth={totalWidth}
                selection={selection}
                active={active}
                cellId={cellId}
                onPick={(column, shift) => {
                  pick(r, column, shift);
                  setDragging(true);
                }}
                onDrag={(column) => dragging && select(span(anchor.current, { row: r, column }))}
              />
            ))}
          </div>
          {sheet.charts.map((chart, i) => (
            <ChartPicture
              key={i}
              sheet={sheet}
              chart={chart}
              box={{
                left: leftOf(chart.anchor.left),
                top: (chart.anchor.top + 1) * ROW_HEIGHT,
                width: leftOf(chart.anchor.left + chart.anchor.columns) - leftOf(chart.anchor.left),
                height: chart.anchor.rows * ROW_HEIGHT,
              }}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function SheetRow({
  sheet,
  row,
  widths,
  totalWidth,
  selection,
  active,
  cellId,
  onPick,
  onDrag,
}: {
  sheet: MemorySheet;
  row: number;
  widths: number[];
  totalWidth: number;
  selection: Area;
  active: { row: number; column: number };
  cellId: (row: number, column: number) => string;
  onPick: (column: number, extend: boolean) => void;
  onDrag: (column: number) => void;
}) {
  const styles = useStyles();
  return (
    <div
      role="row"
      aria-rowindex={row + 2}
      className={styles.row}
      style={{ top: (row + 1) * ROW_HEIGHT, width: totalWidth }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className={mergeClasses(styles.cell, styles.heading, styles.rowHeading)}
        style={{ width: HEADER_WIDTH }}
      >
        {row + 1}
      </div>
      {widths.map((width, c) => {
        const cell = sheet.cell(row, c);
        const value = cell?.value ?? null;
        const colours = sheet.shownColours(row, c);
        const isActive = active.row === row && active.column === c;
        return (
          <div
            key={c}
            id={cellId(row, c)}
            role="gridcell"
            aria-colindex={c + 2}
            aria-selected={inside(selection, row, c)}
            data-address={`${columnName(c)}${row + 1}`}
            className={mergeClasses(
              styles.cell,
              typeof value === "number" && styles.number,
              cell?.bold && styles.bold,
              inside(selection, row, c) && !isActive && styles.selected,
              isActive && styles.active
            )}
            style={{
              width,
              ...(colours.fill ? { backgroundColor: colours.fill } : {}),
              ...(colours.fontColor ? { color: colours.fontColor } : {}),
            }}
            onMouseDown={(event) => {
              event.preventDefault();
              (event.currentTarget.closest("[role=grid]") as HTMLElement | null)?.focus();
              onPick(c, event.shiftKey);
            }}
            onMouseEnter={() => onDrag(c)}
          >
            {cellText(value, cell?.numberFormat)}
          </div>
        );
      })}
    </div>
  );
}

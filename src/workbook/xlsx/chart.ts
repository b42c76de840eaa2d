import type { Feature } from "write-excel-file/universal";
import { columnName } from "../address";
import type { Area, ChartSpec } from "../types";

/**
 * A native clustered column chart as OOXML (DrawingML), the one chart kind the summary sheet
 * has. Excel enforces the schema's element order, so the strings below follow CT_ChartSpace,
 * CT_BarChart, CT_BarSer and the axes in order. Colours are explicit everywhere: the file has
 * no theme part, and theme-derived defaults render as nothing in LibreOffice.
 */

const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_MAIN = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const rgb = (colour: string) => colour.replace("#", "").toUpperCase();

/** 'Sheet name'!$A$2:$A$5, the sheet name always quoted with its apostrophes doubled. */
export function absoluteRef(sheet: string, area: Area): string {
  const corner = (row: number, column: number) => `$${columnName(column)}$${row + 1}`;
  const end = corner(area.top + area.rows - 1, area.left + area.columns - 1);
  return `'${sheet.replace(/'/g, "''")}'!${corner(area.top, area.left)}:${end}`;
}

const line = (colour: string) =>
  `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr>`;
const solid = (colour: string) =>
  `<c:spPr><a:solidFill><a:srgbClr val="${rgb(colour)}"/></a:solidFill></c:spPr>`;

/** The chart part; the caches repeat the cells, for readers that do not recalculate. */
export function columnChartXml(
  sheet: string,
  spec: ChartSpec,
  categories: string[],
  values: number[]
): string {
  const count = categories.length;
  const points = (items: (string | number)[]) =>
    items.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`).join("");
  const colours = spec.colours
    .map(
      (colour, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${solid(colour)}</c:dPt>`
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>` +
    `<a:r><a:rPr b="1"/><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(spec.seriesName)}</c:v></c:tx>` +
    `<c:invertIfNegative val="0"/>${colours}` +
    `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${escapeXml(absoluteRef(sheet, spec.categories))}</c:f>` +
    `<c:strCache><c:ptCount val="${count}"/>${points(categories)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(absoluteRef(sheet, spec.values))}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${points(values)}` +
    `</c:numCache></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="80"/><c:axId val="111"/><c:axId val="222"/></c:barChart>` +
    `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${line("808080")}<c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines>${line("D9D9D9")}</c:majorGridlines>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${line("808080")}` +
    `<c:crossAx val="111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(area: Area, relationId: string, n: number): string {
  const corner = (tag: string, row: number, column: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${corner("from", area.top, area.left)}` +
    `${corner("to", area.top + area.rows, area.left + area.columns)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${n + 1}" name="Chart ${n}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_CHART}">` +
    `<c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="${relationId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/**
 * Adds chart `n` to a sheet. write-excel-file 4.x makes a drawing part, its relationships and
 * the sheet's `<drawing>` for every sheet (and drops the empty ones), so the chart only has to
 * be put into them; this leans on that internal, which is why the version is pinned.
 */
export function chartFeature(
  sheet: string,
  chartXml: string,
  anchor: Area,
  n: number
): Feature<Blob> {
  const relationId = `rIdChart${n}`;
  const mine = (options: { sheet?: string }) => options.sheet === sheet;
  return {
    files: {
      transform: {
        "xl/drawings/drawing{id}.xml": {
          insert: (options) => (mine(options) ? anchorXml(anchor, relationId, n) : undefined),
        },
        "xl/drawings/_rels/drawing{id}.xml.rels": {
          insert: (options) =>
            mine(options)
              ? `<Relationship Id="${relationId}" Type="${NS_REL}/chart" Target="../charts/chart${n}.xml"/>`
              : undefined,
        },
        "[Content_Types].xml": {
          insert: () =>
            `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`,
        },
      },
      write: { files: () => ({ [`xl/charts/chart${n}.xml`]: chartXml }) },
    },
  };
}

// An explorer chart (parallel coordinates, scatter) as the export menu writes it. Those charts
// draw on their own canvas with HTML over it, so they describe themselves as an
// `ExplorerPicture`: the canvas, the HTML's marks, and their whole drawing as SVG built from the
// data. The PNG is the canvas at device pixel ratio with the marks drawn in; both files have the
// title above (as the uPlot charts' files, chart-picture.ts) and the colour legend below: the
// continuous scale with its ends, or a swatch per category, and the runs without the value.
import { formatNumber } from "../format.ts";
import type { ChartFile } from "./chart-export-menu.tsx";
import { LEGEND_PAD, pictureColors, SWATCH, TITLE_HEIGHT } from "./chart-picture.ts";
import { MISSING_COLOR, viridisStops } from "./color-scale.ts";
import { drawMarks, type Mark, marksSvg } from "./explorer-marks.ts";
import type { Axis } from "./field-axis.ts";
import { colorAt } from "./palette.ts";
import { escapeXml, n } from "./svg-markup.ts";

export interface ExplorerPicture {
  title: string;
  /** The chart's canvas, drawn at device pixel ratio. */
  canvas: HTMLCanvasElement;
  /** The chart's size in CSS pixels. */
  width: number;
  height: number;
  /** What the page shows as HTML over the canvas, for the PNG. */
  overlay: Mark[];
  /** The whole chart (data, axes, ticks, names) as SVG elements in its CSS pixels. */
  svg(): string;
  /** What the colours mean, when the runs are coloured by a column. */
  color: Axis | null;
}

const LEGEND_ROW = 20;
const RAMP_WIDTH = 160;
const RAMP_HEIGHT = 10;

interface LegendItem {
  text: string;
  swatch?: string;
  ramp?: boolean;
}

function legendItems(axis: Axis): LegendItem[] {
  const items: LegendItem[] = [{ text: `colour: ${axis.field}` }];
  if (axis.kind === "numeric") items.push({ text: formatNumber(axis.min) }, { text: "", ramp: true }, { text: formatNumber(axis.max) });
  else items.push(...axis.categories.map((c, i) => ({ text: c, swatch: colorAt(i) })));
  if (axis.missing > 0) items.push({ text: `without it (${axis.missing})`, swatch: MISSING_COLOR });
  return items;
}

/** An item's width: its swatch, its text (estimated at 7 px a character) or the ramp, a gap. */
const itemWidth = (item: LegendItem) => (item.ramp ? RAMP_WIDTH : (item.swatch ? SWATCH + 6 : 0) + Math.ceil(item.text.length * 7)) + 12;

/** The legend in rows as wide as the chart, as marks, with where the ramp goes (numeric colour). */
function colorLegend(axis: Axis | null, width: number, text: string) {
  const marks: Mark[] = [];
  let ramp: { x: number; y: number } | null = null;
  if (!axis) return { marks, ramp, height: 0 };
  let x = LEGEND_PAD;
  let row = 0;
  for (const item of legendItems(axis)) {
    const w = itemWidth(item);
    if (x > LEGEND_PAD && x + w > width - LEGEND_PAD) {
      x = LEGEND_PAD;
      row++;
    }
    const y = LEGEND_PAD + row * LEGEND_ROW + LEGEND_ROW / 2;
    if (item.ramp) ramp = { x, y: y - RAMP_HEIGHT / 2 };
    else {
      if (item.swatch) marks.push({ kind: "rect", role: "swatch", x, y: y - 5, width: 10, height: 10, fill: item.swatch, stroke: item.swatch });
      const at = item.swatch ? x + SWATCH + 6 : x;
      marks.push({ kind: "text", role: "legend-text", x: at, y, text: item.text, color: text, anchor: "start", size: 12 });
    }
    x += w;
  }
  return { marks, ramp, height: 2 * LEGEND_PAD + (row + 1) * LEGEND_ROW };
}

function png(p: ExplorerPicture): Promise<Blob> {
  const ratio = p.canvas.width / p.width;
  const colors = pictureColors();
  const legend = colorLegend(p.color, p.width, colors.muted);
  const out = document.createElement("canvas");
  out.width = p.canvas.width;
  out.height = Math.round((TITLE_HEIGHT + p.height + legend.height) * ratio);
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(p.canvas, 0, Math.round(TITLE_HEIGHT * ratio));
  ctx.scale(ratio, ratio);
  ctx.textBaseline = "middle";
  ctx.fillStyle = colors.text;
  ctx.font = "600 14px system-ui, sans-serif";
  ctx.fillText(p.title, LEGEND_PAD, TITLE_HEIGHT / 2);
  ctx.translate(0, TITLE_HEIGHT);
  drawMarks(ctx, p.overlay);
  ctx.translate(0, p.height);
  drawMarks(ctx, legend.marks);
  if (legend.ramp) {
    const { x, y } = legend.ramp;
    const gradient = ctx.createLinearGradient(x, 0, x + RAMP_WIDTH, 0);
    for (const [offset, color] of viridisStops()) gradient.addColorStop(offset, color);
    ctx.fillStyle = gradient;
    ctx.fillRect(x, y, RAMP_WIDTH, RAMP_HEIGHT);
  }
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))), "image/png"),
  );
}

function svg(p: ExplorerPicture): string {
  const colors = pictureColors();
  const legend = colorLegend(p.color, p.width, colors.muted);
  const height = TITLE_HEIGHT + p.height + legend.height;
  const ramp = legend.ramp
    ? `<defs><linearGradient id="color-ramp">${viridisStops()
        .map(([offset, color]) => `<stop offset="${offset}" stop-color="${color}"/>`)
        .join(
          "",
        )}</linearGradient></defs><rect class="ramp" x="${n(legend.ramp.x)}" y="${n(legend.ramp.y)}" width="${RAMP_WIDTH}" height="${RAMP_HEIGHT}" fill="url(#color-ramp)"/>`
    : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${n(height)}" viewBox="0 0 ${p.width} ${n(height)}">`,
    `<title>${escapeXml(p.title)}</title>`,
    `<rect width="100%" height="100%" fill="${colors.background}"/>`,
    `<text class="title" x="${LEGEND_PAD}" y="${TITLE_HEIGHT / 2}" dy="0.35em" font-family="system-ui, sans-serif" font-size="14" font-weight="600" fill="${colors.text}">${escapeXml(p.title)}</text>`,
    `<g class="chart" transform="translate(0 ${TITLE_HEIGHT})">${p.svg()}</g>`,
    `<g class="legend" transform="translate(0 ${n(TITLE_HEIGHT + p.height)})">${ramp}${marksSvg(legend.marks)}</g>`,
    "</svg>",
  ].join("\n");
}

export const explorerFile = (picture: ExplorerPicture | null): ChartFile | null =>
  picture && { title: picture.title, png: () => png(picture), svg: () => svg(picture) };

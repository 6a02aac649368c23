// A chart as SVG, built from its data and scales rather than traced from the canvas, so lines
// stay vectors: the title, the axes with the ticks and labels uPlot last drew, the grid, a band
// polygon and one <path class="series"> per visible line (clipped to the plot area), what the
// chart draws in its own hooks (`extraSvg`), and the legend. Sizes are CSS pixels.
import type uPlot from "uplot";
import { type ChartPicture, LEGEND_PAD, legendLayout, type PictureLine, type PicturePosition, pictureColors, SWATCH, TITLE_HEIGHT } from "./chart-picture.ts";
import { withAlpha } from "./palette.ts";

/**
 * What uPlot keeps on an axis after drawing it: the tick positions (scale values), their labels
 * and their rotation. Reading them gives the SVG exactly the canvas's ticks, time labels
 * included. uPlot also turns the axis's colours into functions of (plot, axis index).
 */
type DrawnAxis = uPlot.Axis & { _splits?: number[]; _values?: (string | number | null)[]; _rotate?: number };
type Stroke = string | ((plot: uPlot, axis: number) => string) | undefined;

const FONT = 'font-family="system-ui, sans-serif" font-size="12"';

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** The points of a line as path data: a null value breaks the line, a missing one is skipped. */
function linePath(xs: ArrayLike<number>, ys: ArrayLike<number | null | undefined>, at: PicturePosition): string {
  let d = "";
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    if (v === undefined) continue;
    if (v === null) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${n(at.x(xs[i]))} ${n(at.y(v))}`;
    pen = true;
  }
  return d;
}

function dotsPath(xs: ArrayLike<number>, ys: ArrayLike<number | null | undefined>, at: PicturePosition, r = 4.5): string {
  let d = "";
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    if (v == null) continue;
    const x = at.x(xs[i]);
    d += `M${n(x - r)} ${n(at.y(v))}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  }
  return d;
}

/** The band between two edges, a polygon per stretch where both have values. */
function bandPath(xs: ArrayLike<number>, lo: ArrayLike<number | null | undefined>, hi: ArrayLike<number | null | undefined>, at: PicturePosition): string {
  let d = "";
  let run: number[] = [];
  const close = () => {
    if (run.length > 1) {
      d += run.map((i, k) => `${k ? "L" : "M"}${n(at.x(xs[i]))} ${n(at.y(hi[i]!))}`).join("");
      d += [...run]
        .reverse()
        .map((i) => `L${n(at.x(xs[i]))} ${n(at.y(lo[i]!))}`)
        .join("");
      d += "Z";
    }
    run = [];
  };
  for (let i = 0; i < xs.length; i++) {
    if (lo[i] === undefined || hi[i] === undefined) continue;
    if (lo[i] === null || hi[i] === null) close();
    else run.push(i);
  }
  close();
  return d;
}

interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

function axisSvg(plot: uPlot, index: number, frame: Frame, at: PicturePosition, textColor: string): string {
  const axis = plot.axes[index] as DrawnAxis;
  const splits = axis._splits ?? [];
  const labels = axis._values ?? [];
  if (axis.show === false || !splits.length) return "";
  const colorOf = (stroke: Stroke, fallback: string) => (typeof stroke === "function" ? stroke(plot, index) : (stroke ?? fallback));
  const color = colorOf(axis.stroke as Stroke, textColor);
  const grid = axis.grid?.show === false ? null : colorOf(axis.grid?.stroke as Stroke, color);
  const tickColor = colorOf(axis.ticks?.stroke as Stroke, color);
  const tick = axis.ticks?.show === false ? 0 : (axis.ticks?.size ?? 10);
  const gap = axis.gap ?? 5;
  const horizontal = axis.side === 0 || axis.side === 2;
  const rotate = axis._rotate ?? 0;
  const out: string[] = [];
  splits.forEach((value, i) => {
    if (horizontal) {
      const x = at.x(value);
      if (x < frame.left - 0.5 || x > frame.left + frame.width + 0.5) return;
      const y0 = frame.top + frame.height;
      if (grid) out.push(`<line x1="${n(x)}" y1="${n(frame.top)}" x2="${n(x)}" y2="${n(y0)}" stroke="${grid}"/>`);
      if (tick) out.push(`<line x1="${n(x)}" y1="${n(y0)}" x2="${n(x)}" y2="${n(y0 + tick)}" stroke="${tickColor}"/>`);
      const label = labels[i];
      if (label == null) return;
      const y = y0 + tick + gap;
      const lines = String(label).split("\n");
      const tspans = lines.map((t, k) => `<tspan x="${n(x)}" dy="${k ? "1.5em" : "0.8em"}">${escapeXml(t)}</tspan>`).join("");
      out.push(
        rotate
          ? `<text class="tick" x="${n(x)}" y="${n(y)}" dy="0.35em" text-anchor="${rotate < 0 ? "start" : "end"}" transform="rotate(${-rotate} ${n(x)} ${n(y)})" fill="${color}">${escapeXml(String(label))}</text>`
          : `<text class="tick" x="${n(x)}" y="${n(y)}" text-anchor="middle" fill="${color}">${tspans}</text>`,
      );
    } else {
      const y = at.y(value);
      if (y < frame.top - 0.5 || y > frame.top + frame.height + 0.5) return;
      const right = axis.side === 1;
      const x0 = right ? frame.left + frame.width : frame.left;
      if (grid) out.push(`<line x1="${n(frame.left)}" y1="${n(y)}" x2="${n(frame.left + frame.width)}" y2="${n(y)}" stroke="${grid}"/>`);
      if (tick) out.push(`<line x1="${n(x0)}" y1="${n(y)}" x2="${n(right ? x0 + tick : x0 - tick)}" y2="${n(y)}" stroke="${tickColor}"/>`);
      const label = labels[i];
      if (label == null) return;
      const x = right ? x0 + tick + gap : x0 - tick - gap;
      out.push(
        `<text class="tick" x="${n(x)}" y="${n(y)}" dy="0.35em" text-anchor="${right ? "start" : "end"}" fill="${color}">${escapeXml(String(label))}</text>`,
      );
    }
  });
  return `<g class="axis">${out.join("")}</g>`;
}

function legendSvg(lines: PictureLine[], width: number, top: number, color: string): string {
  const { entries } = legendLayout(lines, width);
  return `<g class="legend" ${FONT}>${entries
    .map(
      ({ line, x, y }) =>
        `<rect x="${x}" y="${n(top + y - 2)}" width="${SWATCH}" height="4" fill="${line.color}"/><text x="${x + SWATCH + 6}" y="${n(top + y)}" dy="0.35em" fill="${color}">${escapeXml(line.label)}</text>`,
    )
    .join("")}</g>`;
}

export function chartSvg(picture: ChartPicture): string {
  const { plot, title, lines } = picture;
  const ratio = plot.ctx.canvas.width / plot.width;
  const frame: Frame = {
    left: plot.bbox.left / ratio,
    top: TITLE_HEIGHT + plot.bbox.top / ratio,
    width: plot.bbox.width / ratio,
    height: plot.bbox.height / ratio,
  };
  const at: PicturePosition = {
    x: (v) => frame.left + plot.valToPos(v, "x"),
    y: (v) => frame.top + plot.valToPos(v, "y"),
  };
  const legendTop = TITLE_HEIGHT + plot.height;
  const height = legendTop + legendLayout(lines, plot.width).height;
  const colors = pictureColors();
  const xs = plot.data[0];
  const bands = lines
    .filter((l) => l.band)
    .map(
      (l) =>
        `<path class="band" d="${bandPath(xs, plot.data[l.band![0]], plot.data[l.band![1]], at)}" fill="${withAlpha(l.color, lines.length > 1 ? 0.18 : 0.24)}"/>`,
    );
  const paths = lines.map((l) =>
    l.dots
      ? `<path class="series" data-label="${escapeXml(l.label)}" d="${dotsPath(xs, plot.data[l.series], at)}" fill="${l.color}"/>`
      : `<path class="series" data-label="${escapeXml(l.label)}" d="${linePath(xs, plot.data[l.series], at)}" fill="none" stroke="${l.color}" stroke-width="1.5" stroke-linejoin="round"${l.dash?.length ? ` stroke-dasharray="${l.dash.join(" ")}"` : ""}/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${plot.width}" height="${n(height)}" viewBox="0 0 ${plot.width} ${n(height)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="${colors.background}"/>`,
    `<text class="title" x="${LEGEND_PAD}" y="${TITLE_HEIGHT / 2}" dy="0.35em" font-family="system-ui, sans-serif" font-size="14" font-weight="600" fill="${colors.text}">${escapeXml(title)}</text>`,
    `<defs><clipPath id="plot-area"><rect x="${n(frame.left)}" y="${n(frame.top)}" width="${n(frame.width)}" height="${n(frame.height)}"/></clipPath></defs>`,
    `<g ${FONT}>${plot.axes.map((_, i) => axisSvg(plot, i, frame, at, colors.muted)).join("")}</g>`,
    `<g clip-path="url(#plot-area)">${bands.join("")}${paths.join("")}${picture.extraSvg?.(at) ?? ""}</g>`,
    legendSvg(lines, plot.width, legendTop, colors.muted),
    "</svg>",
  ].join("\n");
}

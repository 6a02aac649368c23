// The scatter as an exported picture (explorer-picture.ts). The canvas holds the grid, ticks,
// dots and trend line; the axis names are HTML on the page, so here they are marks at the same
// places, drawn into the PNG. The SVG is built from the data: the grid and ticks, one circle
// per dot, the trend line clipped to the plot, the axis names.
import { cssColor } from "../theme.ts";
import { type Mark, marksSvg } from "./explorer-marks.ts";
import type { ExplorerPicture } from "./explorer-picture.ts";
import type { Axis } from "./field-axis.ts";
import { axisName, type Dot, gridMarks, HEIGHT, LEFT, PLOT_H, scatterFrame, TOP, TREND_COLOR } from "./scatter-layout.ts";
import { escapeXml, n } from "./svg-markup.ts";
import type { Trend } from "./trend.ts";

interface Drawn {
  title: string;
  canvas: HTMLCanvasElement;
  width: number;
  /** The dots as the canvas last drew them. */
  dots: Dot[];
  x: Axis;
  y: Axis;
  color: Axis | null;
  trend: Trend | null;
}

function nameMarks(width: number, x: Axis, y: Axis): Mark[] {
  const { plotW } = scatterFrame(width);
  const color = cssColor("--fg");
  return [
    { kind: "text", role: "axis-name", x: LEFT + plotW / 2, y: HEIGHT - 9, text: axisName(x), color, anchor: "middle", size: 11, mono: true, maxWidth: plotW },
    {
      kind: "text",
      role: "axis-name",
      x: 9,
      y: TOP + PLOT_H / 2,
      text: axisName(y),
      color,
      anchor: "middle",
      size: 11,
      mono: true,
      rotate: 90,
      maxWidth: PLOT_H,
    },
  ];
}

function dataSvg({ width, dots, x, y, trend }: Drawn): string {
  const frame = scatterFrame(width);
  const circles = dots.map(
    (d) =>
      `<circle class="dot" data-run="${escapeXml(d.run.id)}" cx="${n(d.cx)}" cy="${n(d.cy)}" r="${n(d.r)}" fill="${d.color}" stroke="#ffffff" stroke-width="0.75" opacity="0.8"/>`,
  );
  const line = trend
    ? `<defs><clipPath id="scatter-plot"><rect x="${LEFT}" y="${TOP}" width="${n(frame.plotW)}" height="${PLOT_H}"/></clipPath></defs>` +
      `<line class="trend" x1="${n(frame.px(0))}" y1="${n(frame.py(trend.intercept))}" x2="${n(frame.px(1))}" y2="${n(frame.py(trend.intercept + trend.slope))}" stroke="${TREND_COLOR}" stroke-width="2" stroke-dasharray="6 4" clip-path="url(#scatter-plot)"/>`
    : "";
  return `<g class="axes">${marksSvg(gridMarks(frame, x, y, cssColor("--fg-2")))}</g><g class="dots">${circles.join("")}</g>${line}`;
}

export function scatterPicture(drawn: Drawn): ExplorerPicture {
  const names = nameMarks(drawn.width, drawn.x, drawn.y);
  return {
    title: drawn.title,
    canvas: drawn.canvas,
    width: drawn.width,
    height: HEIGHT,
    overlay: names,
    svg: () => `${dataSvg(drawn)}<g class="names">${marksSvg(names)}</g>`,
    color: drawn.color,
  };
}

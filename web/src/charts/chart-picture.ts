// A chart as the export sees it: any uPlot chart describes itself as a `ChartPicture` (its plot,
// title and visible lines) and shows a `ChartExportMenu` (chart-export-menu.tsx), which writes
// it as PNG (chart-png.ts) or SVG (chart-svg.ts). Both files share this layout: the title
// above the plot, the legend in rows below it.
import type uPlot from "uplot";
import { cssColor } from "../theme.ts";

export interface PictureLine {
  /** The line's index in the uPlot data. */
  series: number;
  label: string;
  color: string;
  /** The indexes of its band's low and high edges, when it has one. */
  band?: [number, number];
  /** Drawn as a dot per point rather than a line (error bars' means). */
  dots?: boolean;
  /** The line's dash (stroke by a param), as the chart draws it. */
  dash?: number[];
}

/** Where a value of the x or y scale lands, in CSS pixels of the exported picture. */
export interface PicturePosition {
  x(value: number): number;
  y(value: number): number;
}

export interface ChartPicture {
  title: string;
  plot: uPlot;
  /** The visible lines only: the legend, and one SVG path each. */
  lines: PictureLine[];
  /** SVG for what the chart draws in its own hooks (the error bars' whiskers). */
  extraSvg?(at: PicturePosition): string;
}

// Layout of the picture around the plot, in CSS pixels.
export const TITLE_HEIGHT = 30;
const LEGEND_ROW = 20;
export const LEGEND_PAD = 8;
export const SWATCH = 14;
/** The width a legend entry takes: a swatch, its label (estimated at 7 px a character), a gap. */
const entryWidth = (label: string) => SWATCH + 6 + Math.ceil(label.length * 7) + 16;

interface LegendEntry {
  line: PictureLine;
  x: number;
  /** The row's vertical middle, from the top of the legend. */
  y: number;
}

/** The legend entries laid out in rows as wide as the chart. */
export function legendLayout(lines: PictureLine[], width: number): { entries: LegendEntry[]; height: number } {
  const entries: LegendEntry[] = [];
  let x = LEGEND_PAD;
  let row = 0;
  for (const line of lines) {
    const w = entryWidth(line.label);
    if (x > LEGEND_PAD && x + w > width - LEGEND_PAD) {
      x = LEGEND_PAD;
      row++;
    }
    entries.push({ line, x, y: LEGEND_PAD + row * LEGEND_ROW + LEGEND_ROW / 2 });
    x += w;
  }
  return { entries, height: lines.length ? 2 * LEGEND_PAD + (row + 1) * LEGEND_ROW : 0 };
}

/** The colours of the picture, the page's own (a dark page exports a dark picture). */
export const pictureColors = () => ({ background: cssColor("--panel"), text: cssColor("--fg"), muted: cssColor("--fg-2") });

/** A file name from the chart's title: letters, digits, dots and dashes only. */
export function exportFileName(title: string, extension: "png" | "svg"): string {
  const base = title
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 100);
  return `${base || "chart"}.${extension}`;
}

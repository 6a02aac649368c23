// Where parallel coordinates put things, shared by the chart (parallel-coordinates.tsx) and its
// exported picture (parallel-coordinates-picture.ts), so the files show what the page shows.
import { colorOf } from "./color-scale.ts";
import type { Axis } from "./field-axis.ts";
import { colorAt } from "./palette.ts";

export interface PlotRun {
  id: string;
  columns: Record<string, unknown>;
}

export const HEIGHT = 420;
export const TOP = 44;
const BOTTOM = 30;
const SIDE = 80;
export const PLOT = HEIGHT - TOP - BOTTOM;
const MIN_LABEL_GAP = 14;
/** The runs outside the brushes. */
export const DIMMED = "rgba(150, 156, 168, 0.22)";

export const axisX = (i: number, n: number, width: number) => (n === 1 ? width / 2 : SIDE + (i * (width - 2 * SIDE)) / (n - 1));
export const yOf = (pos: number) => TOP + (1 - pos) * PLOT;
export const posOf = (y: number) => Math.max(0, Math.min(1, 1 - (y - TOP) / PLOT));

/** A run's colour inside the brushes: by the colour column, else the first line colour. */
export const runColor = (run: PlotRun, color: Axis | null) => (color ? colorOf(color, run.columns[color.field]) : colorAt(0));

/** Tick labels that fit: every k-th when a categorical axis has more than its height holds. */
export function shownTicks(axis: Axis) {
  const every = Math.max(1, Math.ceil(axis.ticks.length / Math.floor(PLOT / MIN_LABEL_GAP)));
  return axis.ticks.filter((_, i) => i % every === 0);
}

// Where the scatter puts things, shared by the chart (scatter-chart.tsx) and its exported
// picture (scatter-picture.ts): the plot frame, the dots, and the grid and tick labels as marks
// (explorer-marks.ts) that the canvas and the SVG draw alike.
import { colorOf } from "./color-scale.ts";
import type { Mark } from "./explorer-marks.ts";
import type { Axis, Tick } from "./field-axis.ts";
import { colorAt } from "./palette.ts";

export interface ScatterRun {
  id: string;
  name: string;
  columns: Record<string, unknown>;
}

export interface Dot {
  run: ScatterRun;
  cx: number;
  cy: number;
  r: number;
  color: string;
}

export const HEIGHT = 460;
export const LEFT = 72;
const RIGHT = 20;
// Room above the plot for the export menu at the corner, so it covers no dot.
export const TOP = 30;
const BOTTOM = 40;
const PAD = 10;
export const PLOT_H = HEIGHT - TOP - BOTTOM;
/** The room a tick label needs: a number's width along x, a line's height along y. */
const X_TICK_GAP = 70;
const Y_TICK_GAP = 28;
const GRID = "rgba(120, 128, 145, 0.18)";
export const TREND_COLOR = "#d0343f";

/** The plot area of a chart `width` wide, and where an axis position (0–1) lands in it. */
export function scatterFrame(width: number) {
  const plotW = width - LEFT - RIGHT;
  return {
    plotW,
    px: (p: number) => LEFT + PAD + p * (plotW - 2 * PAD),
    py: (p: number) => TOP + PAD + (1 - p) * (PLOT_H - 2 * PAD),
  };
}
type Frame = ReturnType<typeof scatterFrame>;

const thin = (ticks: Tick[], room: number, gap: number) => {
  const every = Math.max(1, Math.ceil(ticks.length / Math.max(1, Math.floor(room / gap))));
  return ticks.filter((_, i) => i % every === 0);
};

/** A dot per run placed on both axes, coloured by `color` and sized by `size`. */
export function placeDots(runs: ScatterRun[], frame: Frame, x: Axis, y: Axis, color: Axis | null, size: Axis | null): Dot[] {
  const dots: Dot[] = [];
  for (const run of runs) {
    const a = x.pos(run.columns[x.field]);
    const b = y.pos(run.columns[y.field]);
    if (a === null || b === null) continue;
    const s = size?.pos(run.columns[size.field]);
    dots.push({
      run,
      cx: frame.px(a),
      cy: frame.py(b),
      r: size ? 2.5 + 9 * (s ?? 0) : 4,
      color: color ? colorOf(color, run.columns[color.field]) : colorAt(0),
    });
  }
  return dots;
}

/** The grid and the tick labels that fit, labels in `text`. */
export function gridMarks(frame: Frame, x: Axis, y: Axis, text: string): Mark[] {
  const marks: Mark[] = [];
  for (const t of thin(x.ticks, frame.plotW, X_TICK_GAP)) {
    const at = frame.px(t.pos);
    marks.push(
      { kind: "line", role: "grid", x1: at, y1: TOP, x2: at, y2: TOP + PLOT_H, color: GRID },
      { kind: "text", role: "tick", x: at, y: TOP + PLOT_H + 12, text: t.label, color: text, anchor: "middle", size: 12, maxWidth: X_TICK_GAP - 4 },
    );
  }
  for (const t of thin(y.ticks, PLOT_H, Y_TICK_GAP)) {
    const at = frame.py(t.pos);
    marks.push(
      { kind: "line", role: "grid", x1: LEFT, y1: at, x2: LEFT + frame.plotW, y2: at, color: GRID },
      { kind: "text", role: "tick", x: LEFT - 6, y: at, text: t.label, color: text, anchor: "end", size: 12, maxWidth: LEFT - 10 },
    );
  }
  return marks;
}

/** An axis's name as the chart shows it: the field, and whether the axis is log. */
export const axisName = (axis: Axis) => `${axis.field}${axis.kind === "numeric" && axis.log ? " (log)" : ""}`;

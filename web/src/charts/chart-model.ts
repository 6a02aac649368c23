// Turns downsampled series into what a uPlot chart draws: one x array shared by every line,
// and per line its values (the last value of each bucket), the band around it (each bucket's
// min and max, so a spike between two drawn points stays visible) and the steps for hover.
// In uPlot's data `null` is a gap (a NaN value) and `undefined` is "no point here" (skipped).
import uPlot from "uplot";
import type { SeriesData } from "../api/series.ts";
import { ema } from "./smoothing.ts";
import { type XAxis, type XSeries, xValues } from "./x-axis.ts";

export interface LineSpec {
  /** Identifies the line across refreshes (legend toggles): a context, a run id, a group. */
  key: string;
  label: string;
  color: string;
  band: boolean;
  /** Canvas line dash (stroke by a param); absent or empty draws a solid line. */
  dash?: number[];
}

export interface Line {
  spec: LineSpec;
  /** Index in the chart data of the line, and of its band's low and high edges. */
  y: number;
  lo?: number;
  hi?: number;
  /** The true step of the point drawn at each x index (undefined where the line has none). */
  steps: (number | undefined)[];
  /** Runs behind the point at each x index (grouped lines only). */
  counts?: (number | undefined)[];
  /** Points at ±Infinity, drawn as marks on the plot's top or bottom edge. */
  infinities: { x: number; sign: 1 | -1 }[];
}

export interface ChartModel {
  data: uPlot.AlignedData;
  lines: Line[];
  axis: XAxis;
}

export interface ModelOptions {
  axis: XAxis;
  /** EMA weight in [0, 1); 0 draws the values as they are. */
  smoothing: number;
  log: boolean;
}

type Cell = number | null | undefined;

interface Prepared {
  xs: number[];
  y: Cell[];
  lo: Cell[] | null;
  hi: Cell[] | null;
  steps: number[];
  infinities: { x: number; sign: 1 | -1 }[];
}

// A value as uPlot should see it: NaN a gap, ±Infinity a gap with a mark, and on a log scale
// nothing at or below 0.
const plotValue = (v: number, log: boolean): number | null => (!Number.isFinite(v) || (log && v <= 0) ? null : v);

/** One series on the chosen x axis: points without an x dropped, points sharing an x merged (last wins, band widened). */
function prepare(s: XSeries, o: ModelOptions): Prepared {
  const xsAll = xValues(s, o.axis);
  const values = ema(s.values, o.smoothing);
  let order = Array.from(xsAll.keys()).filter((i) => !Number.isNaN(xsAll[i]));
  for (let k = 1; k < order.length; k++) {
    if (xsAll[order[k]] < xsAll[order[k - 1]]) {
      order = order.sort((a, b) => xsAll[a] - xsAll[b] || a - b);
      break;
    }
  }
  const p: Prepared = { xs: [], y: [], lo: s.min && [], hi: s.max && [], steps: [], infinities: [] };
  for (const i of order) {
    const x = xsAll[i];
    const v = values[i];
    const lo = s.min ? plotValue(s.min[i], o.log) : null;
    const hi = s.max ? plotValue(s.max[i], o.log) : null;
    const last = p.xs.length - 1;
    if (last >= 0 && p.xs[last] === x) {
      p.y[last] = plotValue(v, o.log);
      p.steps[last] = s.steps[i];
      if (p.lo && lo !== null) p.lo[last] = p.lo[last] == null ? lo : Math.min(p.lo[last] as number, lo);
      if (p.hi && hi !== null) p.hi[last] = p.hi[last] == null ? hi : Math.max(p.hi[last] as number, hi);
    } else {
      p.xs.push(x);
      p.y.push(plotValue(v, o.log));
      p.steps.push(s.steps[i]);
      p.lo?.push(lo);
      p.hi?.push(hi);
    }
    // A bucket can hold an infinity that is not its last point: its max or min tells.
    if (v === Infinity || s.max?.[i] === Infinity) p.infinities.push({ x, sign: 1 });
    if (v === -Infinity || s.min?.[i] === -Infinity) p.infinities.push({ x, sign: -1 });
  }
  return p;
}

/** Lines on the union of their exact x values (the run page: a few contexts of one metric). */
export function joinedModel(series: SeriesData[], specs: LineSpec[], o: ModelOptions): ChartModel {
  const prepared = series.map((s) => prepare(s, o));
  // Each table: x, y, steps, then lo and hi when banded; the steps column is taken out after the join.
  const tables = prepared.map((p, i) => {
    const t: uPlot.AlignedData = [p.xs, p.y as number[], p.steps];
    if (specs[i].band && p.lo && p.hi) t.push(p.lo as number[], p.hi as number[]);
    return t;
  });
  const joined = tables.length ? uPlot.join(tables) : [[]];
  const data: uPlot.AlignedData = [joined[0]];
  const lines: Line[] = [];
  let col = 1;
  prepared.forEach((p, i) => {
    const width = tables[i].length - 1;
    const line: Line = { spec: specs[i], y: data.length, steps: joined[col + 1] as (number | undefined)[], infinities: p.infinities };
    data.push(joined[col]);
    if (width === 4) {
      line.lo = data.length;
      data.push(joined[col + 2]);
      line.hi = data.length;
      data.push(joined[col + 3]);
    }
    lines.push(line);
    col += width;
  });
  return { data, lines, axis: o.axis };
}

export interface Grid {
  xs: number[];
  /** Per series: its values, band edges and steps per grid column. */
  columns: { y: Cell[]; lo: Cell[] | null; hi: Cell[] | null; steps: (number | undefined)[]; infinities: { x: number; sign: 1 | -1 }[] }[];
}

/**
 * Series of many runs on a shared grid of `size` evenly spaced x columns (about one per pixel):
 * the work and memory stay runs × size however the runs' steps interleave, which an exact union
 * of 100 runs' x values would not.
 */
export function gridOf(series: XSeries[], o: ModelOptions, size: number): Grid {
  const prepared = series.map((s) => prepare(s, o));
  let min = Infinity;
  let max = -Infinity;
  for (const p of prepared) {
    if (!p.xs.length) continue;
    min = Math.min(min, p.xs[0]);
    max = Math.max(max, p.xs[p.xs.length - 1]);
  }
  if (min > max) return { xs: [], columns: prepared.map(() => ({ y: [], lo: null, hi: null, steps: [], infinities: [] })) };
  const n = max > min ? Math.max(2, size) : 1;
  const width = n > 1 ? (max - min) / (n - 1) : 1;
  const xs = Array.from({ length: n }, (_, c) => min + c * width);
  const columns = prepared.map((p) => {
    const y: Cell[] = new Array(n).fill(undefined);
    const lo: Cell[] | null = p.lo && new Array(n).fill(undefined);
    const hi: Cell[] | null = p.hi && new Array(n).fill(undefined);
    const steps: (number | undefined)[] = new Array(n).fill(undefined);
    for (let i = 0; i < p.xs.length; i++) {
      const c = Math.round((p.xs[i] - min) / width);
      y[c] = p.y[i];
      steps[c] = p.steps[i];
      const l = p.lo?.[i];
      const h = p.hi?.[i];
      if (lo && l != null) lo[c] = lo[c] == null ? l : Math.min(lo[c] as number, l);
      if (hi && h != null) hi[c] = hi[c] == null ? h : Math.max(hi[c] as number, h);
    }
    const infinities = p.infinities.map((m) => ({ x: xs[Math.round((m.x - min) / width)], sign: m.sign }));
    return { y, lo, hi, steps, infinities };
  });
  return { xs, columns };
}

/** One line per run on the grid (compare without grouping). */
export function runLinesModel(grid: Grid, specs: LineSpec[], axis: XAxis): ChartModel {
  const data: uPlot.AlignedData = [grid.xs];
  const lines = grid.columns.map((c, i) => {
    const line: Line = { spec: specs[i], y: data.length, steps: c.steps, infinities: c.infinities };
    data.push(c.y as number[]);
    if (specs[i].band && c.lo && c.hi) {
      line.lo = data.length;
      data.push(c.lo as number[]);
      line.hi = data.length;
      data.push(c.hi as number[]);
    }
    return line;
  });
  return { data, lines, axis };
}

// AIM-style grouping: the runs of a group (same values of the chosen params) drawn as one mean
// line with a band, min–max or ±1 standard deviation across the runs, per grid column.
import type { ChartModel, Grid, Line, LineSpec } from "./chart-model.ts";
import type { XAxis } from "./x-axis.ts";

export type GroupBand = "minmax" | "std";

type Cell = number | null | undefined;

/**
 * A run's values with the columns between two of its points filled in linearly, so a run whose
 * steps fall in other columns than its group-mates' still counts in every column it spans.
 */
function interpolated(y: Cell[]): Float64Array {
  const out = new Float64Array(y.length).fill(NaN);
  let prev = -1;
  for (let c = 0; c < y.length; c++) {
    const v = y[c];
    if (v == null) continue;
    out[c] = v;
    if (prev >= 0 && c - prev > 1) {
      const a = out[prev];
      for (let k = prev + 1; k < c; k++) out[k] = a + ((v - a) * (k - prev)) / (c - prev);
    }
    prev = c;
  }
  return out;
}

export function groupLinesModel(grid: Grid, groups: { spec: LineSpec; members: number[] }[], band: GroupBand, axis: XAxis): ChartModel {
  const n = grid.xs.length;
  const filled = grid.columns.map((c) => interpolated(c.y));
  const data: ChartModel["data"] = [grid.xs];
  const lines: Line[] = [];
  for (const group of groups) {
    const mean: Cell[] = new Array(n);
    const lo: Cell[] = new Array(n);
    const hi: Cell[] = new Array(n);
    const counts: (number | undefined)[] = new Array(n);
    for (let c = 0; c < n; c++) {
      let k = 0;
      let sum = 0;
      let sq = 0;
      let min = Infinity;
      let max = -Infinity;
      for (const m of group.members) {
        const v = filled[m][c];
        if (Number.isNaN(v)) continue;
        k++;
        sum += v;
        sq += v * v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (!k) continue;
      const mu = sum / k;
      const sd = k > 1 ? Math.sqrt(Math.max(0, (sq - k * mu * mu) / (k - 1))) : 0;
      mean[c] = mu;
      lo[c] = band === "std" ? mu - sd : min;
      hi[c] = band === "std" ? mu + sd : max;
      counts[c] = k;
    }
    const line: Line = { spec: group.spec, y: data.length, steps: [], counts, infinities: [] };
    data.push(mean as number[]);
    if (group.spec.band) {
      line.lo = data.length;
      data.push(lo as number[]);
      line.hi = data.length;
      data.push(hi as number[]);
    }
    lines.push(line);
  }
  return { data, lines, axis };
}

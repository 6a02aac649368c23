// AIM-style grouping: the runs of a group (same values of the chosen params) drawn as one line,
// their mean or median per grid column, with a band (see ./aggregate.ts) in the group's colour.
import { type Aggregate, aggregate, type GroupBand } from "./aggregate.ts";
import type { ChartModel, Grid, Line, LineSpec } from "./chart-model.ts";
import type { XAxis } from "./x-axis.ts";

type Cell = number | null | undefined;

/**
 * A run's values with the columns between two of its points filled in linearly, so a run whose
 * steps fall in other columns than its group-mates' still counts in every column it spans: the
 * runs are aligned on the grid's x columns, not on exact x values.
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

export interface GroupStyle {
  aggregate: Aggregate;
  band: GroupBand;
}

export function groupLinesModel(grid: Grid, groups: { spec: LineSpec; members: number[] }[], style: GroupStyle, axis: XAxis): ChartModel {
  const n = grid.xs.length;
  const filled = grid.columns.map((c) => interpolated(c.y));
  const data: ChartModel["data"] = [grid.xs];
  const lines: Line[] = [];
  const banded = style.band !== "none";
  for (const group of groups) {
    const centre: Cell[] = new Array(n);
    const lo: Cell[] = new Array(n);
    const hi: Cell[] = new Array(n);
    const counts: (number | undefined)[] = new Array(n);
    const values: number[] = [];
    for (let c = 0; c < n; c++) {
      values.length = 0;
      for (const m of group.members) {
        const v = filled[m][c];
        if (!Number.isNaN(v)) values.push(v);
      }
      if (!values.length) continue;
      const a = aggregate(values, style.aggregate, style.band);
      centre[c] = a.centre;
      lo[c] = a.lo;
      hi[c] = a.hi;
      counts[c] = values.length;
    }
    const line: Line = { spec: group.spec, y: data.length, steps: [], counts, infinities: [] };
    data.push(centre as number[]);
    if (banded && group.spec.band) {
      line.lo = data.length;
      data.push(lo as number[]);
      line.hi = data.length;
      data.push(hi as number[]);
    }
    lines.push(line);
  }
  return { data, lines, axis };
}

// What the charts put on x: the step (default), the epoch or the wall-clock time of each point.
import type { SeriesData } from "../api/series.ts";

export type XAxis = "step" | "epoch" | "time";

export const xValues = (s: SeriesData, axis: XAxis): Float64Array => (axis === "step" ? s.steps : axis === "epoch" ? s.epochs : s.times);

/**
 * The step range whose points fall in [x0, x1] on `axis`: a zoom drawn over epochs or times is
 * re-fetched by steps. Null when no point is inside.
 */
export function stepRange(series: SeriesData[], axis: XAxis, x0: number, x1: number): { from: number; to: number } | null {
  if (axis === "step") return x1 >= x0 ? { from: Math.max(0, Math.ceil(x0)), to: Math.floor(x1) } : null;
  let from = Infinity;
  let to = -Infinity;
  for (const s of series) {
    const xs = xValues(s, axis);
    for (let i = 0; i < xs.length; i++) {
      if (xs[i] >= x0 && xs[i] <= x1) {
        if (s.steps[i] < from) from = s.steps[i];
        if (s.steps[i] > to) to = s.steps[i];
      }
    }
  }
  return from <= to ? { from, to } : null;
}

// What the charts put on x: the step (default), the epoch, the wall-clock time of each point,
// the time since the run's first point (runs started at different times overlay), or another
// metric's value at the same step (the compare page supplies those values as `x`).
import type { SeriesData } from "../api/series.ts";

export type XAxis = "step" | "epoch" | "time" | "relative" | "metric";

/** A series with, for the relative-time and metric axes, its x value per point (NaN: no x, the point is dropped). */
export type XSeries = SeriesData & { x?: Float64Array };

export function xValues(s: XSeries, axis: XAxis): Float64Array {
  if (s.x) return s.x;
  if (axis === "step") return s.steps;
  if (axis === "epoch") return s.epochs;
  if (axis === "time") return s.times;
  // Relative time without a given origin: since the first point read.
  if (axis === "relative") return s.times.map((t) => t - s.times[0]);
  return new Float64Array(s.steps.length).fill(NaN);
}

/**
 * `series` with x = seconds since each run's first point, `origins` giving that point's time
 * per run (a zoomed read starts later, so the origin comes from the whole series).
 */
export function relativeTo(series: SeriesData[], origins: ReadonlyMap<string, number>): XSeries[] {
  return series.map((s) => {
    const t0 = origins.get(s.run) ?? s.times[0];
    return { ...s, x: s.times.map((t) => t - t0) };
  });
}

/**
 * `series` with x = the value of `partners` (the same runs' x metric, same context) at the same
 * step; points whose step the partner has no value at get NaN and are dropped. Both series are
 * read with the same number of buckets, so series logged at the same steps pair point for point.
 */
export function pairedWith(series: SeriesData[], partners: SeriesData[]): XSeries[] {
  const byRun = new Map(partners.map((p) => [p.run, p]));
  return series.map((s) => {
    const x = new Float64Array(s.steps.length).fill(NaN);
    const p = byRun.get(s.run);
    if (p) {
      const at = new Map<number, number>();
      for (let i = 0; i < p.steps.length; i++) at.set(p.steps[i], p.values[i]);
      for (let i = 0; i < s.steps.length; i++) x[i] = at.get(s.steps[i]) ?? NaN;
    }
    return { ...s, x };
  });
}

/**
 * The step range whose points fall in [x0, x1] on `axis`: a zoom drawn over epochs, times or
 * another metric is re-fetched by steps. Null when no point is inside.
 */
export function stepRange(series: XSeries[], axis: XAxis, x0: number, x1: number): { from: number; to: number } | null {
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

// The scatter's trend line: ordinary least squares of y on x, and its r² (the share of y's
// variance the line explains; 1 when every y is the same, which the flat line fits exactly).
// It is fitted where it is drawn, on the axes' positions: on a log axis, a fit of the
// logarithms (a straight line there); on linear axes the same line and r² as in the values.
import type { Axis } from "./field-axis.ts";

export interface Trend {
  slope: number;
  intercept: number;
  r2: number;
}

/** The fitted line; null with fewer than two points or when every x is the same (no line fits). */
export function leastSquares(points: [number, number][]): Trend | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let residual = 0;
  for (const [x, y] of points) residual += (y - (intercept + slope * x)) ** 2;
  return { slope, intercept, r2: syy === 0 ? 1 : 1 - residual / syy };
}

/** The trend of the runs placed on both numeric axes, in axis positions; null on a categorical axis. */
export function trendOf(runs: { columns: Record<string, unknown> }[], x: Axis, y: Axis): Trend | null {
  if (x.kind !== "numeric" || y.kind !== "numeric") return null;
  const points: [number, number][] = [];
  for (const r of runs) {
    const a = x.pos(r.columns[x.field]);
    const b = y.pos(r.columns[y.field]);
    if (a !== null && b !== null) points.push([a, b]);
  }
  return leastSquares(points);
}

// The statistics a group line draws at one x column: its centre (mean or median of the runs'
// values there) and its band's edges. The 95% CI is t-based: mean ± t(0.975, n−1)·sd/√n; the
// t quantile is src/lib/student-t.ts, shared with the campaign summary (the @stdlib package
// would add 65 KiB gzipped to the UI; see that file).
import { t975 } from "../../../src/lib/student-t.ts";

export type Aggregate = "mean" | "median";
export type GroupBand = "none" | "minmax" | "std" | "se" | "ci95";

export const AGGREGATES: Record<Aggregate, string> = { mean: "mean", median: "median" };
export const BANDS: Record<GroupBand, string> = { none: "none", minmax: "min–max", std: "±1 std", se: "± standard error", ci95: "95% CI" };

/**
 * Centre and band of `values` (finite, at least one; sorted in place for the median). With one
 * value the spread-based bands collapse onto the centre.
 */
export function aggregate(values: number[], centre: Aggregate, band: GroupBand): { centre: number; lo: number; hi: number } {
  const k = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / k;
  let mid = mean;
  if (centre === "median") {
    values.sort((a, b) => a - b);
    const h = k >> 1;
    mid = k % 2 ? values[h] : (values[h - 1] + values[h]) / 2;
  }
  if (band === "minmax") return { centre: mid, lo: min, hi: max };
  if (band === "none" || k < 2) return { centre: mid, lo: mid, hi: mid };
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  const sd = Math.sqrt(sq / (k - 1));
  // Spread bands are about the mean: the median line can sit off their centre.
  const half = band === "std" ? sd : band === "se" ? sd / Math.sqrt(k) : (t975(k - 1) * sd) / Math.sqrt(k);
  return { centre: mid, lo: mean - half, hi: mean + half };
}

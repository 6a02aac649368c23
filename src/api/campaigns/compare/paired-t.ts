// The paired t statistics of one comparison (group − baseline over the pairs): mean
// difference with its 95% t interval (the summary's describeSample on the differences, so the
// interval is the summary's interval of the differences), the two-sided paired t p-value as
// scipy.stats.ttest_rel computes it (2·P(T ≤ −|t|), t = mean / (sd/√n), n − 1 degrees of
// freedom), and Cohen's d_z = mean / sd. Holm's step-down adjustment over the rows' p-values.
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { describeSample } from "../summary/stats.ts";

export interface PairedT {
  mean: number;
  ciLow: number | null;
  ciHigh: number | null;
  p: number | null;
  effectSize: number | null;
}

/** Paired t statistics of the differences `d` (n ≥ 1, no NaN); interval, p and d_z need n ≥ 2. */
export function pairedT(d: readonly number[]): PairedT {
  const s = describeSample(d);
  const mean = s.mean as number;
  if (s.std === null || s.ci95 === null) return { mean, ciLow: null, ciHigh: null, p: null, effectSize: null };
  const t = mean / (s.std / Math.sqrt(s.n));
  // sd = 0: every difference equal; t is ±Infinity (p 0) or, with mean 0, undefined (NaN).
  const p = Number.isNaN(t) ? null : 2 * tCdf(-Math.abs(t), s.n - 1);
  const effectSize = s.std === 0 ? (mean === 0 ? null : Math.sign(mean) * Infinity) : mean / s.std;
  return { mean, ciLow: mean - s.ci95, ciHigh: mean + s.ci95, p, effectSize };
}

/** Holm-adjusted p-values, in the input order; a null p stays null and is not counted in m. */
export function holm(ps: readonly (number | null)[]): (number | null)[] {
  const order = ps.flatMap((p, i) => (p === null ? [] : [i])).sort((a, b) => (ps[a] as number) - (ps[b] as number));
  const out: (number | null)[] = ps.map(() => null);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (order.length - rank) * (ps[i] as number)));
    out[i] = running;
  });
  return out;
}

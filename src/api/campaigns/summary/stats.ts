// Sample statistics of a summary cell: n, mean, sample std, min, max and the t-based 95%
// confidence half-width of the mean.
import { t975 } from "../../../lib/student-t.ts";

export interface Stats {
  n: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  ci95: number | null;
}

/** Statistics of the non-NaN values `xs`. */
export function describeSample(xs: readonly number[]): Stats {
  const n = xs.length;
  if (n === 0) return { n, mean: null, std: null, min: null, max: null, ci95: null };
  let min = Infinity;
  let max = -Infinity;
  let finite = true;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
    if (!Number.isFinite(x)) finite = false;
  }
  let mean: number;
  let std: number | null = null;
  if (finite) {
    // Welford: stable, and no overflow of a running sum near Number.MAX_VALUE.
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const delta = xs[i] - m;
      m += delta / (i + 1);
      m2 += delta * (xs[i] - m);
    }
    mean = m;
    if (n > 1) std = Math.sqrt(Math.max(0, m2) / (n - 1));
  } else {
    mean = xs.reduce((a, b) => a + b, 0); // ±Infinity, or NaN when both signs occur
    if (n > 1) std = NaN;
  }
  const ci95 = std === null ? null : (t975(n - 1) * std) / Math.sqrt(n);
  return { n, mean, std, min, max, ci95 };
}

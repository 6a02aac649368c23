// The Friedman test over complete blocks (one value per group in each block), with the
// groups' average ranks and the Nemenyi critical difference (Demšar 2006): two groups whose
// average ranks differ by more than CD differ at α = 0.05.
//
// - Ranks within a block: 1 = best (the highest value, or the lowest with better = lower);
//   ties share the average rank. The statistic does not depend on the direction.
// - χ²_F as scipy.stats.friedmanchisquare: (12/(k·n·(k+1))·Σ R_j² − 3·n·(k+1)) / c, with the
//   tie correction c = 1 − Σ(t³ − t)/(k·(k²−1)·n); p = P(χ²_{k−1} ≥ χ²_F), the regularized
//   upper incomplete gamma Q((k−1)/2, χ²_F/2).
// - CD = q_0.95(k, ∞)/√2 · √(k(k+1)/(6n)), q the studentized range quantile.
import gammainc from "@stdlib/math-base-special-gammainc";
import { studentizedRangeQuantile } from "./studentized-range.ts";

export interface FriedmanResult {
  statistic: number | null;
  p: number | null;
  /** Average rank per group, in the input order. */
  ranks: number[];
  criticalDifference: number;
}

/** Ranks of `xs` from 1 (smallest) with ties averaged, and the tie group sizes. */
function rankWithin(xs: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ranks = new Array<number>(xs.length);
  const ties: number[] = [];
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    while (j < order.length && xs[order[j]] === xs[order[i]]) j++;
    for (let m = i; m < j; m++) ranks[order[m]] = (i + 1 + j) / 2;
    ties.push(j - i);
    i = j;
  }
  return { ranks, ties };
}

/** `blocks[b][g]`: group g's value in block b (k ≥ 3 groups, n ≥ 2 blocks, no NaN). */
export function friedmanTest(blocks: readonly (readonly number[])[], better: "higher" | "lower"): FriedmanResult {
  const n = blocks.length;
  const k = blocks[0].length;
  const rankSums = new Array<number>(k).fill(0);
  let tieSum = 0;
  for (const block of blocks) {
    const { ranks, ties } = rankWithin(block);
    ranks.forEach((r, g) => {
      rankSums[g] += r;
    });
    for (const t of ties) tieSum += t * (t * t - 1);
  }
  const c = 1 - tieSum / (k * (k * k - 1) * n);
  const ssbn = rankSums.reduce((s, r) => s + r * r, 0);
  const chi2 = ((12 / (k * n * (k + 1))) * ssbn - 3 * n * (k + 1)) / c;
  const defined = Number.isFinite(chi2);
  // The ranks above run from the smallest; "best first" mirrors them: r → k + 1 − r.
  const ranks = rankSums.map((r) => (better === "higher" ? k + 1 - r / n : r / n));
  const criticalDifference = (studentizedRangeQuantile(0.95, k) / Math.SQRT2) * Math.sqrt((k * (k + 1)) / (6 * n));
  return { statistic: defined ? chi2 : null, p: defined ? gammainc(Math.max(0, chi2) / 2, (k - 1) / 2, true, true) : null, ranks, criticalDifference };
}

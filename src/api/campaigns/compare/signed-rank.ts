// The Wilcoxon signed-rank test, two-sided, computed exactly as scipy.stats.wilcoxon(d) does
// with its defaults (scipy 1.17: zero_method "wilcox", correction False, method "auto"), so a
// p-value here is the one a reviewer reproduces in scipy:
//
// | sample (n counts zeros)            | scipy's method            | here                              |
// | ---------------------------------- | ------------------------- | --------------------------------- |
// | no ties, no zeros, n ≤ 50          | exact null distribution   | same distribution, same sums      |
// | ties or zeros, n ≤ 13              | permutation test; 2^n ≤   | every sign flip enumerated (its   |
// |                                    | 9,999 resamples: exact    | p-value counts ≤ / ≥ the observed)|
// | ties or zeros with n > 13, n > 50  | normal approximation      | same z, tie-corrected, no         |
// |                                    |                           | continuity correction             |
//
// Zeros are dropped ("wilcox") before ranking; ties share the average rank. The statistic is
// r_plus, the rank sum of the positive differences. A zero's sign flip changes nothing, so
// the permutation test's fraction over 2^n flips equals the fraction over the 2^m flips of
// the m non-zero differences. All rank sums are multiples of ½, exact in floating point.
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

const EXACT_MAX = 50;
const PERMUTATION_MAX = 13;

export interface SignedRankResult {
  /** null when the test says nothing: every difference zero in a sample too large to enumerate. */
  p: number | null;
  method: "exact" | "permutation" | "normal";
}

/** Ranks of |d| over the non-zero differences (ties averaged), and whether any tie occurred. */
function absRanks(nonzero: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = nonzero.map((_, i) => i).sort((a, b) => Math.abs(nonzero[a]) - Math.abs(nonzero[b]));
  const ranks = new Array<number>(nonzero.length);
  const ties: number[] = [];
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    while (j < order.length && Math.abs(nonzero[order[j]]) === Math.abs(nonzero[order[i]])) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]] = rank;
    ties.push(j - i);
    i = j;
  }
  return { ranks, ties };
}

// The null distribution of r_plus for n untied ranks 1..n, as scipy builds it: each rank
// enters with probability ½ (pmf[r] for r = 0 .. n(n+1)/2).
const pmfCache = new Map<number, Float64Array>();
function signedRankPmf(n: number): Float64Array {
  let c = pmfCache.get(n);
  if (c) return c;
  c = new Float64Array([1]);
  for (let k = 1; k <= n; k++) {
    const prev = c;
    c = new Float64Array((k * (k + 1)) / 2 + 1);
    for (let i = 0; i < prev.length; i++) c[i] = prev[i] * 0.5;
    const offset = c.length - prev.length;
    for (let i = 0; i < prev.length; i++) c[offset + i] += prev[i] * 0.5;
  }
  pmfCache.set(n, c);
  return c;
}

const sum = (pmf: Float64Array, from: number, to: number) => {
  let s = 0;
  for (let i = Math.max(0, from); i <= Math.min(pmf.length - 1, to); i++) s += pmf[i];
  return s;
};

// scipy's WilcoxonDistribution: each tail summed directly on its own side of the mean, as
// 1 − (the other tail) beyond it.
function exactP(rPlus: number, n: number): number {
  const pmf = signedRankPmf(n);
  const mean = (n * (n + 1)) / 4;
  const cdf = (k: number) => (k <= mean ? sum(pmf, 0, k) : 1 - sum(pmf, k + 1, pmf.length - 1));
  const sf = (k: number) => (k <= mean ? sum(pmf, k, pmf.length - 1) : 1 - sum(pmf, 0, k - 1));
  return Math.min(1, 2 * Math.min(sf(Math.floor(rPlus)), cdf(Math.ceil(rPlus))));
}

function permutationP(rPlus: number, nonzero: readonly number[], ranks: readonly number[]): number {
  const m = nonzero.length;
  const total = 2 ** m;
  let below = 0;
  let above = 0;
  // scipy's tolerance for "equal" statistics; rank sums are exact, so it only mirrors its rule.
  const gamma = Math.abs(100 * Number.EPSILON * rPlus);
  for (let mask = 0; mask < total; mask++) {
    let r = 0;
    for (let i = 0; i < m; i++) if (mask & (1 << i)) r += ranks[i];
    if (r <= rPlus + gamma) below++;
    if (r >= rPlus - gamma) above++;
  }
  return Math.min(1, 2 * Math.min(below / total, above / total));
}

/** The two-sided signed-rank p-value of the paired differences `d` (no NaN). */
export function signedRankTest(d: readonly number[]): SignedRankResult {
  const nonzero = d.filter((x) => x !== 0);
  const { ranks, ties } = absRanks(nonzero);
  let rPlus = 0;
  for (let i = 0; i < nonzero.length; i++) if (nonzero[i] > 0) rPlus += ranks[i];
  const hasTies = ties.some((t) => t > 1);
  const hasZeros = nonzero.length < d.length;
  if (d.length <= EXACT_MAX && !hasTies && !hasZeros) return { p: exactP(rPlus, d.length), method: "exact" };
  if (d.length <= PERMUTATION_MAX) return { p: permutationP(rPlus, nonzero, ranks), method: "permutation" };
  const count = nonzero.length;
  const tieCorrection = ties.reduce((s, t) => s + t ** 3 - t, 0);
  const se = Math.sqrt((count * (count + 1) * (2 * count + 1) - tieCorrection / 2) / 24);
  if (!(se > 0)) return { p: null, method: "normal" };
  const z = (rPlus - count * (count + 1) * 0.25) / se;
  return { p: 2 * normalCdf(-Math.abs(z), 0, 1), method: "normal" };
}

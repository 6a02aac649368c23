// Student's t quantile, for the 95% confidence intervals of the campaign summary and of the
// compare page's group bands (the UI bundles this file too).
//
// Written here rather than imported, on purpose: the maintained package for it,
// @stdlib/stats-base-dists-t-quantile, pulls in 133 packages (and `debug`) and adds 65 KiB
// gzipped to the Worker bundle, which took it past its 300 KiB goal; jStat is a whole
// statistics library for this one function and agrees only to ~4e-8. test/student-t.test.ts
// checks this implementation against @stdlib (a dev dependency) to 1e-12 and against a
// printed t table.
//
// Method: the upper tail of t is Q(t) = ½·I_x(ν/2, ½) with x = ν/(ν+t²), I the regularized
// incomplete beta function (continued fraction, modified Lentz; Numerical Recipes §6.4).
// The quantile solves Q(t) = 1 − p by Newton steps on t kept inside a bisection bracket.
// ν = 1 and ν = 2 have closed forms.

// Lanczos approximation (g = 7, 9 terms), ~1e-15 relative for x ≥ ½.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// The continued fraction of I_x(a, b), converging fast for x < (a + 1) / (a + b + 2);
// I_x(a, b) = x^a·(1 − x)^b / (a·B(a, b)) · fraction.
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 4e-16) break; // within 2 ulp of 1
  }
  return h;
}

// ln Γ(a + ½) − ln Γ(a). For large a the two log-gammas are big and nearly equal, so their
// difference is taken from Stirling's series term by term instead (|error| < 1e-15).
export function logGammaHalfRatio(a: number): number {
  if (a < 20) return logGamma(a + 0.5) - logGamma(a);
  const stirling = (x: number) => {
    const x2 = x * x;
    return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - (1 / 1188 - 691 / 360360 / x2) / x2) / x2) / x2) / x2) / x;
  };
  return 0.5 * Math.log(a) + (a * Math.log1p(0.5 / a) - 0.5) + (stirling(a + 0.5) - stirling(a));
}

/**
 * P(T > t) for t ≥ 0: ½·I_x(a, ½) with a = ν/2, x = ν/(ν+t²). ln x and ln(1 − x) come from
 * log1p, so neither loses digits when x is near 0 or 1.
 */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  const a = df / 2;
  const b = 0.5;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  if (y <= 0) return 0.5;
  // ln of x^a·y^b / B(a, b), with ln B(a, ½) = ln Γ(½) − (ln Γ(a + ½) − ln Γ(a)).
  const logFront = -a * Math.log1p(t2 / df) - b * Math.log1p(df / t2) - (0.5 * Math.log(Math.PI) - logGammaHalfRatio(a));
  const beta =
    x < (a + 1) / (a + b + 2) ? (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a : 1 - (Math.exp(logFront) * betaContinuedFraction(b, a, y)) / b;
  return 0.5 * beta;
}

function density(t: number, df: number): number {
  return Math.exp(logGammaHalfRatio(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** The p-quantile of Student's t with `df` degrees of freedom (NaN outside 0 < p < 1, df > 0). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1 && df > 0)) return NaN;
  if (p === 0.5) return 0;
  // Work with the smaller tail as given: 1 − p is exact for p ≥ ½, but not for tiny p.
  const sign = p < 0.5 ? -1 : 1;
  const tail = p < 0.5 ? p : 1 - p;
  return sign * upperQuantile(tail, df);
}

/** t ≥ 0 with P(T > t) = tail, for 0 < tail < ½. */
function upperQuantile(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail); // cot, no tan near π/2
  if (df === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  // Bracket the root: Q falls from ½ at 0 towards 0.
  let lo = 0;
  let hi = 2;
  while (upperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const q = upperTail(t, df);
    if (q > tail) lo = t;
    else hi = t;
    let next = t + (q - tail) / density(t, df); // Newton: dQ/dt = −density
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    t = next;
  }
  return t;
}

// The 0.975 quantile (95% confidence intervals) with n − 1 degrees of freedom, cached: the
// campaign summary and the compare page's bands ask for a handful of sample sizes, many times.
const t975Cache = new Map<number, number>();
export function t975(df: number): number {
  let t = t975Cache.get(df);
  if (t === undefined) t975Cache.set(df, (t = studentTQuantile(0.975, df)));
  return t;
}

// The hand-written t quantile (src/lib/student-t.ts) against a printed t table and against
// @stdlib's implementation (a port of Boost's), which stays a dev dependency for this.
import stdlibQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, test } from "vitest";
import { logGamma, studentTQuantile } from "../src/lib/student-t.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("studentTQuantile", () => {
  test("matches a printed table of t(0.975, df)", () => {
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [3, 3.182],
      [4, 2.776],
      [5, 2.571],
      [6, 2.447],
      [7, 2.365],
      [8, 2.306],
      [9, 2.262],
      [10, 2.228],
      [15, 2.131],
      [20, 2.086],
      [29, 2.045],
      [30, 2.042],
      [60, 2.0],
      [120, 1.98],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df), `df ${df}`).toBeCloseTo(t, 3);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5); // → the normal quantile
  });

  test("agrees with @stdlib to 1e-12 across df and p", () => {
    let worst = 0;
    const dfs = [...Array.from({ length: 1000 }, (_, i) => i + 1), 1500, 2500, 5000, 10_000, 0.5, 1.5, 2.5, 3.7];
    for (const df of dfs) {
      for (const p of [0.975, 0.995, 0.95, 0.9, 0.6, 0.5001, 0.999999, 0.025, 1e-6]) {
        const ours = studentTQuantile(p, df);
        const theirs = stdlibQuantile(p, df);
        worst = Math.max(worst, rel(ours, theirs));
        if (!(rel(ours, theirs) < 1e-12)) expect.fail(`p ${p}, df ${df}: ${ours} vs ${theirs}`);
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  test("large df stay close to @stdlib", () => {
    for (const df of [1e5, 1e6]) expect(rel(studentTQuantile(0.975, df), stdlibQuantile(0.975, df))).toBeLessThan(1e-9);
  });

  test("symmetry, the median and invalid input", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(rel(studentTQuantile(0.025, 7), -studentTQuantile(0.975, 7))).toBeLessThan(1e-14);
    for (const [p, df] of [
      [0, 3],
      [1, 3],
      [0.5, 0],
      [NaN, 3],
      [0.9, NaN],
      [0.9, -1],
    ])
      expect(studentTQuantile(p, df)).toBeNaN();
  });

  test("logGamma", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    let logFactorial = 0;
    for (let k = 2; k < 100; k++) logFactorial += Math.log(k);
    expect(rel(logGamma(100), logFactorial)).toBeLessThan(1e-14);
    expect(rel(logGamma(101.5) - Math.log(100.5), logGamma(100.5))).toBeLessThan(1e-14);
  });
});

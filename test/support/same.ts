// Exact comparison of values holding stored floats, for the storage tests: NaN equals NaN and
// -0 is not 0 at every leaf, and an object must have the same keys; the bucket a downsample
// must report for a run of raw points, computed the naive way.
import { expect } from "vitest";
import type { Point } from "../../src/series/codec/point.ts";
import type { Bucket } from "../../src/series/downsample.ts";

/** Deep equality with Object.is on leaves (NaN equals NaN, -0 differs from 0) and the same keys. */
export function same(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b);
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Asserts same(); toEqual only to show the difference (it would let -0 or a missing key pass alone). */
export function expectSame(actual: unknown, expected: unknown, what?: string): void {
  if (same(actual, expected)) return;
  expect(actual, what).toEqual(expected);
  expect.fail(`${what ?? "value"}: ${JSON.stringify([actual, expected])} differ in a -0, a NaN or a key`);
}

/** The bucket of `points` (in step order) as downsampling reports it: first occurrences of min and max, NaN ignored; its last point as given. */
export function naiveBucket(start: number, end: number, points: Point[]): Bucket {
  let minP: Point | null = null;
  let maxP: Point | null = null;
  for (const p of points) {
    if (Number.isNaN(p.value)) continue;
    if (minP === null || p.value < minP.value) minP = p;
    if (maxP === null || p.value > maxP.value) maxP = p;
  }
  return {
    start,
    end,
    count: points.length,
    min: minP?.value ?? null,
    max: maxP?.value ?? null,
    minStep: minP?.step ?? null,
    maxStep: maxP?.step ?? null,
    last: points[points.length - 1],
  };
}

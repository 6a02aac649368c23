// Points as four columns, the form they take from a parsed request body to the block encoder:
// a columnar body is checked a column at a time and never turned into an object per point,
// and a host moves the columns' buffers to its writer thread instead of copying them.
// Pure and runtime-agnostic, like ./block.ts.
import type { Point } from "./point.ts";

/** Index i of each column is point i. A NaN epoch is none (null): no stored epoch is NaN. Times in Unix seconds. */
export interface PointColumns {
  steps: Float64Array;
  values: Float64Array;
  epochs: Float64Array;
  times: Float64Array;
}

export function allocColumns(n: number): PointColumns {
  return { steps: new Float64Array(n), values: new Float64Array(n), epochs: new Float64Array(n), times: new Float64Array(n) };
}

/** Point `i` of the columns as an object. */
export function pointAt(c: PointColumns, i: number): Point {
  const epoch = c.epochs[i];
  return { step: c.steps[i], value: c.values[i], epoch: Number.isNaN(epoch) ? null : epoch, time: c.times[i] };
}

/** Copies point `from` of `src` into index `to` of `dst`. */
export function copyPoint(src: PointColumns, from: number, dst: PointColumns, to: number): void {
  dst.steps[to] = src.steps[from];
  dst.values[to] = src.values[from];
  dst.epochs[to] = src.epochs[from];
  dst.times[to] = src.times[from];
}

/** The first `n` points of `c` (views, no copy). */
export function headOf(c: PointColumns, n: number): PointColumns {
  return { steps: c.steps.subarray(0, n), values: c.values.subarray(0, n), epochs: c.epochs.subarray(0, n), times: c.times.subarray(0, n) };
}

/**
 * Points as columns, for callers that have objects (the point and NDJSON forms of ingest,
 * tests). Throws, naming the point, on a field a Float64Array would silently coerce.
 */
export function columnsOf(points: readonly Point[]): PointColumns {
  const c = allocColumns(points.length);
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (typeof p.value !== "number") throw new Error(`points[${i}].value must be a number, got ${String(p.value)}`);
    if (typeof p.time !== "number") throw new Error(`points[${i}].time must be finite Unix seconds within ±2^52 ms, got ${String(p.time)}`);
    if (p.epoch !== null && typeof p.epoch !== "number") throw new Error(`points[${i}].epoch must be null or an integer in 0..2^53-1, got ${String(p.epoch)}`);
    if (typeof p.epoch === "number" && Number.isNaN(p.epoch)) throw new Error(`points[${i}].epoch must be null or an integer in 0..2^53-1, got NaN`);
    c.steps[i] = typeof p.step === "number" ? p.step : Number.NaN; // NaN fails the step check
    c.values[i] = p.value;
    c.epochs[i] = p.epoch ?? Number.NaN;
    c.times[i] = p.time;
  }
  return c;
}

/** Concatenates columns in order. */
export function concatColumns(parts: readonly PointColumns[]): PointColumns {
  if (parts.length === 1) return parts[0];
  const out = allocColumns(parts.reduce((n, c) => n + c.steps.length, 0));
  let at = 0;
  for (const c of parts) {
    out.steps.set(c.steps, at);
    out.values.set(c.values, at);
    out.epochs.set(c.epochs, at);
    out.times.set(c.times, at);
    at += c.steps.length;
  }
  return out;
}

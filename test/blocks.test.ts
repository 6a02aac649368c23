import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BLOCK_SIZE,
  type Block,
  CHUNK,
  decodeBlock,
  EpochCursor,
  encodeBlock,
  type Point,
  readHeader,
  readValues,
  TimeColumn,
} from "../src/series/codec/block.ts";
import { ChunkSummaries, decodeSummary, downsampleSummaries, encodeSummary } from "../src/series/codec/chunk-summary.ts";
import { columnsOf } from "../src/series/codec/columns.ts";
import { type Bucket, downsample } from "../src/series/downsample.ts";
import { type BlockWithSummary, planWrite, readRange } from "../src/series/plan.ts";
import { prng } from "./support/prng.ts";
import { expectSame, naiveBucket } from "./support/same.ts";

interface SeriesSummary {
  count: number;
  firstStep: number | null;
  lastStep: number | null;
  last: Point | null;
  min: number | null;
  max: number | null;
}

/** Summary of a series from its blocks' metadata (sorted by firstStep), plus the last block for `last`. */
function summarize(blocks: Block[]): SeriesSummary {
  if (blocks.length === 0) return { count: 0, firstStep: null, lastStep: null, last: null, min: null, max: null };
  let count = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const b of blocks) {
    count += b.count;
    if (b.min !== null && (min === null || b.min < min)) min = b.min;
    if (b.max !== null && (max === null || b.max > max)) max = b.max;
  }
  const tail = blocks[blocks.length - 1];
  return { count, firstStep: blocks[0].firstStep, lastStep: tail.lastStep, last: lastPoint(tail), min, max };
}

function lastPoint(block: Block): Point {
  const h = readHeader(block.data);
  const i = h.count - 1;
  const time = new TimeColumn(block.data, h).ms(i) / 1000;
  return { step: block.lastStep, value: readValues(block.data, h)[i], epoch: new EpochCursor(block.data, h).at(i), time };
}

const MAX = Number.MAX_SAFE_INTEGER;

/** What the layer promises to read back: times to the millisecond, -0 as 0. */
const msTime = (t: number) => Math.round(t * 1000) / 1000 + 0;
const stored = (p: Point): Point => ({ step: p.step, value: p.value, epoch: p.epoch, time: msTime(p.time) });

function typical(count: number, firstStep = 0): Point[] {
  const points: Point[] = [];
  let time = 1_764_147_000.25;
  for (let i = 0; i < count; i++) {
    time += (2 + ((i * 7919) % 9)) / 1000;
    points.push({ step: firstStep + i, value: Math.sin(i) * 1e3 + i / 7, epoch: 3, time });
  }
  return points;
}

const bits = (x: number) => {
  const f = new Float64Array([x]);
  return new BigUint64Array(f.buffer)[0];
};

function roundTrip(points: Point[]): Point[] {
  const block = encodeBlock(points);
  expect(block.count).toBe(points.length);
  return decodeBlock(block.data);
}

describe("encodeBlock / decodeBlock", () => {
  it("round-trips a single point", () => {
    const p = { step: 42, value: 0.1, epoch: 0, time: 1764147000.5 };
    const block = encodeBlock([p]);
    expect(block).toMatchObject({ firstStep: 42, lastStep: 42, count: 1, min: 0.1, max: 0.1 });
    expect(decodeBlock(block.data)).toEqual([p]);
  });

  it("round-trips a full block of consecutive steps", () => {
    const points = typical(BLOCK_SIZE, 5000);
    const block = encodeBlock(points);
    expect(block).toMatchObject({ firstStep: 5000, lastStep: 5000 + BLOCK_SIZE - 1, count: BLOCK_SIZE });
    expect(block.min).toBe(Math.min(...points.map((p) => p.value)));
    expect(block.max).toBe(Math.max(...points.map((p) => p.value)));
    expect(decodeBlock(block.data)).toEqual(points.map(stored));
  });

  it("round-trips irregular steps, up to 2^53-1", () => {
    const steps = [0, 1, 2, 3, 10, 20, 30, 31, 1000, 2 ** 31, 2 ** 32 + 1, 2 ** 40, MAX - 1000, MAX - 7, MAX - 1, MAX];
    const points = steps.map((step, i) => ({ step, value: i, epoch: null, time: i }));
    expect(roundTrip(points)).toEqual(points);
  });

  it("keeps every float64 exactly: NaN, ±Infinity, -0, subnormals, extremes", () => {
    const values = [
      NaN,
      Infinity,
      -Infinity,
      -0,
      0,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      2.2250738585072014e-308,
      0.1,
      -1 / 3,
    ];
    const points = values.map((value, step) => ({ step, value, epoch: 1, time: 0 }));
    const block = encodeBlock(points);
    expect(block.min).toBe(-Infinity);
    expect(block.max).toBe(Infinity);
    const back = decodeBlock(block.data);
    expect(back.map((p) => p.value)).toEqual(values);
    expect(back.map((p) => bits(p.value))).toEqual(values.map(bits));
  });

  it("keeps NaN payload bits", () => {
    const f = new Float64Array(1);
    new BigUint64Array(f.buffer)[0] = 0x7ff8_0000_dead_beefn;
    const [back] = roundTrip([{ step: 0, value: f[0], epoch: null, time: 0 }]);
    expect(bits(back.value)).toBe(0x7ff8_0000_dead_beefn);
  });

  it("gives null min/max for an all-NaN block, and ignores NaN otherwise", () => {
    const nan = encodeBlock([0, 1, 2].map((step) => ({ step, value: NaN, epoch: null, time: 0 })));
    expect([nan.min, nan.max]).toEqual([null, null]);
    const mixed = encodeBlock([NaN, 3, NaN, -2, NaN].map((value, step) => ({ step, value, epoch: null, time: 0 })));
    expect([mixed.min, mixed.max]).toEqual([-2, 3]);
  });

  it("tells epoch null from 0 and keeps any epoch pattern", () => {
    const epochs = [null, 0, 0, null, 1, 2, 3, 3, 3, 10, 7, 4, null, null, MAX, 0, MAX, null, 5];
    const points = epochs.map((epoch, step) => ({ step, value: 1, epoch, time: 1 }));
    expect(roundTrip(points).map((p) => p.epoch)).toEqual(epochs);
  });

  it("keeps times to the millisecond", () => {
    const times = [1764147000.1234, 1764147000.1236, 0.0005, -0.0004, -12.3456, 4e12, -4e12, 1764147000, 1764147000];
    const points = times.map((time, step) => ({ step, value: 0, epoch: null, time }));
    const back = roundTrip(points).map((p) => p.time);
    expect(back).toEqual(times.map(msTime));
    expect(Object.is(back[3], 0)).toBe(true);
  });

  it("reads blocks that are not 8-byte aligned", () => {
    const points = typical(100);
    const { data } = encodeBlock(points);
    const shifted = new Uint8Array(data.length + 3).subarray(3);
    shifted.set(data);
    expect(decodeBlock(shifted)).toEqual(points.map(stored));
  });

  it("lays out version 2 as documented: header with section offsets, values last", () => {
    const points = typical(10);
    const { data } = encodeBlock(points);
    expect(data[0]).toBe(2);
    expect(data[2] + data[3] * 256).toBe(10);
    const [epochsAt, timesAt, valuesAt] = [4, 6, 8].map((at) => data[at] + data[at + 1] * 256);
    expect(10 + 2 < epochsAt && epochsAt < timesAt && timesAt < valuesAt && valuesAt < data.length).toBe(true);
    // A constant series stores its value once, raw.
    const constant = encodeBlock(points.map((p) => ({ ...p, value: -0 }))).data;
    const at = constant[8] + constant[9] * 256;
    expect([constant[1], constant.length - at]).toEqual([1, 8]);
    expect(Object.is(new DataView(constant.buffer, constant.byteOffset).getFloat64(at, true), -0)).toBe(true);
  });

  it("stores typical training data in at most 12 bytes per point", () => {
    const bytesPerPoint = encodeBlock(typical(BLOCK_SIZE)).data.length / BLOCK_SIZE;
    expect(bytesPerPoint).toBeLessThanOrEqual(12);
  });

  it("stays under 16 bytes per point for irregular data", () => {
    // Steps with gaps, a new epoch per point, a point a minute with jitter.
    const points: Point[] = [];
    let step = 0;
    for (let i = 0; i < BLOCK_SIZE; i++) {
      step += 1 + ((i * 31) % 5);
      points.push({ step, value: Math.random(), epoch: i, time: 1764147000 + i * 60 + ((i * 17) % 10) / 10 });
    }
    expect(encodeBlock(points).data.length / BLOCK_SIZE).toBeLessThanOrEqual(16);
  });

  it("rejects what cannot be a block", () => {
    const ok = (step: number): Point => ({ step, value: 1, epoch: null, time: 0 });
    expect(() => encodeBlock([])).toThrow(/1\.\.1024/);
    expect(() => encodeBlock(Array.from({ length: BLOCK_SIZE + 1 }, (_, i) => ok(i)))).toThrow(/1\.\.1024/);
    expect(() => encodeBlock([ok(2), ok(1)])).toThrow(/increasing unique/);
    expect(() => encodeBlock([ok(1), ok(1)])).toThrow(/increasing unique/);
    for (const step of [-1, 1.5, NaN, Infinity, MAX + 1]) expect(() => encodeBlock([ok(step)])).toThrow(/step/);
    for (const epoch of [-1, 0.5, NaN, undefined, MAX + 1]) {
      expect(() => encodeBlock([{ ...ok(0), epoch: epoch as number }])).toThrow(/epoch/);
    }
    for (const time of [NaN, Infinity, -Infinity, 1e20]) expect(() => encodeBlock([{ ...ok(0), time }])).toThrow(/time/);
    expect(() => encodeBlock([{ ...ok(0), value: "NaN" as unknown as number }])).toThrow(/value/);
  });

  it("rejects corrupt data", () => {
    const { data } = encodeBlock(typical(50));
    expect(() => decodeBlock(new Uint8Array([3, ...data.subarray(1)]))).toThrow(/version/);
    expect(() => decodeBlock(data.subarray(0, data.length - 1))).toThrow(/corrupt/);
    expect(() => decodeBlock(new Uint8Array([...data, 0]))).toThrow(/corrupt/);
    expect(() => decodeBlock(new Uint8Array(4))).toThrow(/corrupt/);
  });
});

/** Stands in for the series_blocks table of one series: fetches `touched` exactly as the contract says. */
class Store {
  blocks: BlockWithSummary[] = [];

  touched(lo: number, hi: number): Block[] {
    const before = this.blocks.filter((b) => b.lastStep < lo).at(-1);
    const hit = this.blocks.filter((b) => b.lastStep >= lo && b.firstStep <= hi);
    return before ? [before, ...hit] : hit;
  }

  write(points: Point[]): { touched: Block[]; remove: number[]; insert: BlockWithSummary[] } {
    const steps = points.map((p) => p.step);
    const touched = points.length ? this.touched(Math.min(...steps), Math.max(...steps)) : [];
    const plan = planWrite(touched, columnsOf(points));
    const touchedFirst = new Set(touched.map((b) => b.firstStep));
    expect(new Set(plan.remove).size).toBe(plan.remove.length);
    for (const first of plan.remove) expect(touchedFirst.has(first), "only touched blocks are removed").toBe(true);
    const removed = new Set(plan.remove);
    this.blocks = [...this.blocks.filter((b) => !removed.has(b.firstStep)), ...plan.insert].sort((a, b) => a.firstStep - b.firstStep);
    return { touched, ...plan };
  }
}

/** The plain model: one entry per step, last write wins. */
class Model {
  points = new Map<number, Point>();
  write(points: Point[]) {
    for (const p of points) this.points.set(p.step, stored(p));
  }
  sorted(): Point[] {
    return [...this.points.values()].sort((a, b) => a.step - b.step);
  }
}

function checkInvariants(blocks: Block[]) {
  blocks.forEach((b, i) => {
    expect(b.count).toBeGreaterThanOrEqual(1);
    expect(b.count).toBeLessThanOrEqual(BLOCK_SIZE);
    if (i > 0) expect(blocks[i - 1].lastStep, "blocks sorted and non-overlapping").toBeLessThan(b.firstStep);
    const points = decodeBlock(b.data);
    const values = points.map((p) => p.value).filter((v) => !Number.isNaN(v));
    const meta = { firstStep: b.firstStep, lastStep: b.lastStep, count: b.count, min: b.min, max: b.max };
    expectSame(
      meta,
      {
        firstStep: points[0].step,
        lastStep: points.at(-1)!.step,
        count: points.length,
        min: naiveExtreme(values, (a, c) => a < c),
        max: naiveExtreme(values, (a, c) => a > c),
      },
      "block metadata matches its contents",
    );
    expect(
      points.every((p, j) => j === 0 || p.step > points[j - 1].step),
      "steps increase inside a block",
    ).toBe(true);
  });
}

/** First occurrence of the extreme, as the layer reports it (so 0 and -0 tie to the earlier). */
function naiveExtreme(values: number[], better: (a: number, b: number) => boolean): number | null {
  let best: number | null = null;
  for (const v of values) if (!Number.isNaN(v) && (best === null || better(v, best))) best = v;
  return best;
}

function naiveDownsample(all: Point[], n: number, from = 0, to = MAX): Bucket[] {
  const points = all.filter((p) => p.step >= from && p.step <= to);
  if (points.length === 0) return [];
  const lo = BigInt(points[0].step);
  const hi = BigInt(points.at(-1)!.step);
  const width = (hi - lo + 1n + BigInt(n) - 1n) / BigInt(n);
  const groups = new Map<bigint, Point[]>();
  for (const p of points) {
    const k = (BigInt(p.step) - lo) / width;
    const group = groups.get(k);
    if (group) group.push(p);
    else groups.set(k, [p]);
  }
  return [...groups].map(([k, ps]) => {
    const start = lo + k * width;
    const end = start + width - 1n < hi ? start + width - 1n : hi;
    const real = ps.filter((p) => !Number.isNaN(p.value));
    const minP = real.reduce<Point | null>((best, p) => (best === null || p.value < best.value ? p : best), null);
    const maxP = real.reduce<Point | null>((best, p) => (best === null || p.value > best.value ? p : best), null);
    return {
      start: Number(start),
      end: Number(end),
      count: ps.length,
      min: minP?.value ?? null,
      max: maxP?.value ?? null,
      minStep: minP?.step ?? null,
      maxStep: maxP?.step ?? null,
      last: ps.at(-1)!,
    };
  });
}

function naiveSummary(points: Point[]) {
  const values = points.map((p) => p.value);
  return {
    count: points.length,
    firstStep: points[0]?.step ?? null,
    lastStep: points.at(-1)?.step ?? null,
    last: points.at(-1) ?? null,
    min: naiveExtreme(values, (a, b) => a < b),
    max: naiveExtreme(values, (a, b) => a > b),
  };
}

describe("planWrite", () => {
  it("packs a new series into full blocks", () => {
    const { remove, insert } = planWrite([], columnsOf(typical(2500)));
    expect(remove).toEqual([]);
    expect(insert.map((b) => b.count)).toEqual([1024, 1024, 452]);
  });

  it("fills the tail block before starting a new one", () => {
    const store = new Store();
    store.write(typical(1500));
    const tail = store.blocks[1];
    const { touched, remove, insert } = store.write(typical(1000, 1500));
    expect(touched.map((b) => b.firstStep)).toEqual([tail.firstStep]);
    expect(remove).toEqual([tail.firstStep]);
    expect(insert.map((b) => b.count)).toEqual([1024, 452]);
  });

  it("leaves a full tail block alone", () => {
    const store = new Store();
    store.write(typical(1024));
    const { remove, insert } = store.write(typical(10, 1024));
    expect(remove).toEqual([]);
    expect(insert.map((b) => b.count)).toEqual([10]);
  });

  it("lets the last occurrence of a step win and overwrites existing steps", () => {
    const store = new Store();
    store.write(typical(100));
    const p = (step: number, value: number): Point => ({ step, value, epoch: null, time: 1 });
    store.write([p(50, 1), p(200, 2), p(50, 3), p(7, 4), p(200, 5)]);
    const read = readRange(store.blocks);
    expect(read.map((q) => q.step)).toEqual([...Array.from({ length: 100 }, (_, i) => i), 200]);
    expect([read[7].value, read[50].value, read[100].value]).toEqual([4, 3, 5]);
  });

  it("splits a full block evenly when a step is inserted inside it", () => {
    const store = new Store();
    store.write(typical(BLOCK_SIZE).map((p) => ({ ...p, step: p.step * 2 })));
    const { remove, insert } = store.write([{ step: 101, value: 0, epoch: null, time: 0 }]);
    expect(remove).toEqual([0]);
    expect(insert.map((b) => b.count)).toEqual([512, 513]);
  });

  it("leaves a non-full neighbour alone when overwriting inside a later block", () => {
    const store = new Store();
    store.write(typical(1000, 2000));
    store.write(typical(500));
    const [head, later] = store.blocks;
    expect(head.count).toBe(500);
    const { touched, remove } = store.write([{ step: 2100, value: 0, epoch: null, time: 0 }]);
    expect(touched.map((b) => b.firstStep)).toEqual([head.firstStep, later.firstStep]);
    expect(remove).toEqual([later.firstStep]);
  });

  it("is a no-op for no points and throws, planning nothing, on an invalid one", () => {
    expect(planWrite([], columnsOf([]))).toEqual({ remove: [], insert: [], last: null });
    const points = typical(10);
    points[5] = { ...points[5], time: NaN };
    expect(() => planWrite([], columnsOf(points))).toThrow(/points\[5\]\.time/);
  });
});

describe("summarize, readRange, downsample", () => {
  const store = new Store();
  store.write(typical(5000));
  const model = new Model();
  model.write(typical(5000));

  it("summarizes an empty and a full series", () => {
    expect(summarize([])).toEqual({ count: 0, firstStep: null, lastStep: null, last: null, min: null, max: null });
    expect(summarize(store.blocks)).toEqual(naiveSummary(model.sorted()));
  });

  it("reads a range across blocks", () => {
    expect(readRange(store.blocks, 1000, 3000)).toEqual(model.sorted().slice(1000, 3001));
    expect(readRange(store.blocks, 4999.5)).toEqual([]);
    expect(readRange(store.blocks, undefined, 0)).toEqual(model.sorted().slice(0, 1));
  });

  it("keeps a one-point spike visible", () => {
    const spiky = new Store();
    const points = typical(100_000).map((p) => ({ ...p, value: 1 }));
    points[54_321] = { ...points[54_321], value: 1e9 };
    points[77_777] = { ...points[77_777], value: -Infinity };
    spiky.write(points);
    const buckets = downsample(spiky.blocks, 10);
    expect(buckets).toHaveLength(10);
    expect(buckets[5]).toMatchObject({ start: 50_000, end: 59_999, count: 10_000, max: 1e9, maxStep: 54_321, min: 1, minStep: 50_000 });
    expect(buckets[7]).toMatchObject({ min: -Infinity, minStep: 77_777 });
    expect(buckets[9].last).toEqual(stored(points[99_999]));
  });

  it("matches the naive buckets, including at the edges of the step range", () => {
    expect(downsample(store.blocks, 1000)).toEqual(naiveDownsample(model.sorted(), 1000));
    expect(downsample(store.blocks, 7, 123, 4321)).toEqual(naiveDownsample(model.sorted(), 7, 123, 4321));
    expect(downsample(store.blocks, 1)).toEqual(naiveDownsample(model.sorted(), 1));
    expect(downsample(store.blocks, 3, 10, 5)).toEqual([]);
    const huge = new Store();
    const points = [0, 1, 2 ** 52, MAX - 2, MAX - 1, MAX].map((step) => ({ step, value: step, epoch: null, time: 0 }));
    huge.write(points);
    // n near 2^53 makes the bucket width 1 or 2, where float division of steps is inexact.
    for (const n of [1, 2, 3, 4, 5, 7, 1000, 2 ** 52, MAX - 1, MAX]) expect(downsample(huge.blocks, n)).toEqual(naiveDownsample(points, n));
  });

  it("rejects a bad bucket count", () => {
    for (const n of [0, -1, 1.5, NaN]) expect(() => downsample(store.blocks, n)).toThrow(/positive integer/);
  });
});

// --- Property tests: random batches against the simulated store and the plain model. ---

const SPECIALS = [NaN, Infinity, -Infinity, -0, 0];

function randomValue(r: () => number): number {
  const x = r();
  if (x < 0.25) return SPECIALS[Math.floor(r() * SPECIALS.length)];
  if (x < 0.35) {
    // Any bit pattern: subnormals, NaN payloads, extremes.
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(0, r() * 2 ** 32);
    view.setUint32(4, r() * 2 ** 32);
    return view.getFloat64(0);
  }
  if (x < 0.5) return Math.floor(r() * 5); // ties between blocks and buckets
  return (r() - 0.5) * 10 ** Math.floor(r() * 12);
}

interface BatchSpec {
  kind: "append" | "scatter" | "overwrite" | "top";
  size: number;
  seed: number;
  stride: number;
  gap: number;
  spread: number;
  epochs: "constant" | "null" | "counting" | "random";
  times: "ticking" | "equal" | "random";
}

const batchSpec: fc.Arbitrary<BatchSpec> = fc.record({
  kind: fc.constantFrom("append", "append", "scatter", "overwrite", "top"),
  size: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4000 })),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  stride: fc.constantFrom(1, 1, 1, 2, 3, 10),
  gap: fc.constantFrom(0, 0, 1, 5, 100_000),
  spread: fc.constantFrom(20, 300, 5000),
  epochs: fc.constantFrom("constant", "null", "counting", "random"),
  times: fc.constantFrom("ticking", "equal", "random"),
});

function makeBatch(spec: BatchSpec, model: Model): Point[] {
  const r = prng(spec.seed);
  const existing = [...model.points.keys()];
  const top = existing.length ? Math.max(...existing) : -1;
  const steps: number[] = [];
  for (let i = 0; i < spec.size; i++) {
    if (spec.kind === "append" && top + 1 + spec.gap + spec.size * spec.stride <= MAX) steps.push(top + 1 + spec.gap + i * spec.stride);
    else if (spec.kind === "overwrite" && existing.length) steps.push(existing[Math.floor(r() * existing.length)]);
    else if (spec.kind === "top") steps.push(MAX - Math.floor(r() * spec.spread));
    else steps.push(Math.floor(r() * spec.spread) * spec.stride);
  }
  let time = 1_764_147_000 + r() * 1000;
  return steps.map((step, i) => {
    time += (r() * 10) / 1000;
    const epoch =
      spec.epochs === "constant"
        ? 2
        : spec.epochs === "null"
          ? null
          : spec.epochs === "counting"
            ? Math.floor(step / 100)
            : r() < 0.3
              ? null
              : Math.floor(r() * 4);
    const t = spec.times === "ticking" ? time : spec.times === "equal" ? 1_764_147_000 : (r() - 0.5) * 8e12;
    return { step, value: randomValue(r), epoch: i % 97 === 96 ? MAX : epoch, time: t };
  });
}

const rangeBound = (points: Point[], r: () => number): number | undefined => {
  const x = r();
  if (x < 0.2 || points.length === 0) return undefined;
  if (x < 0.8) return points[Math.floor(r() * points.length)].step + [-1, -0.5, 0, 0.5, 1][Math.floor(r() * 5)];
  return Math.floor(r() * MAX);
};

function checkReads(store: Store, model: Model, seed: number) {
  const all = model.sorted();
  checkInvariants(store.blocks);
  expectSame(readRange(store.blocks), all, "readRange()");
  expectSame(summarize(store.blocks), naiveSummary(all), "summarize");
  const r = prng(seed);
  for (let k = 0; k < 3; k++) {
    const from = rangeBound(all, r);
    const to = rangeBound(all, r);
    expectSame(
      readRange(store.blocks, from, to),
      all.filter((p) => p.step >= (from ?? 0) && p.step <= (to ?? MAX)),
      `readRange(${from}, ${to})`,
    );
    const n = [1, 2, 3, 10, 64, 1000, 100_000, MAX][Math.floor(r() * 8)];
    expectSame(downsample(store.blocks, n, from, to), naiveDownsample(all, n, from, to), `downsample(${n}, ${from}, ${to})`);
  }
  const chunks = new ChunkSummaries();
  for (const b of store.blocks) decodeSummary(b.summary, chunks);
  for (const n of [1 + Math.floor(r() * 5), 1 + Math.floor(r() * 200), [2, 64, 1000, MAX][Math.floor(r() * 4)]]) {
    checkChunkBuckets(downsampleSummaries(chunks, n), store.blocks, all, n);
  }
}

/**
 * Buckets of whole chunks against the model: at most n, disjoint and ordered, every point in
 * exactly one bucket's [start, end], each bucket exactly the chunks that the width rule puts
 * together, and its statistics those of the model's points in [start, end].
 */
function checkChunkBuckets(buckets: Bucket[], blocks: Block[], all: Point[], n: number) {
  expect(buckets.length).toBeLessThanOrEqual(n);
  // The chunks, as [first, last] steps, straight from the blocks' points.
  const chunks: [number, number][] = [];
  for (const b of blocks) {
    const points = decodeBlock(b.data);
    for (let i = 0; i < points.length; i += CHUNK) chunks.push([points[i].step, points[Math.min(points.length, i + CHUNK) - 1].step]);
  }
  const expected: [number, number][] = [];
  if (all.length) {
    const lo = BigInt(all[0].step);
    const width = (BigInt(all.at(-1)!.step) - lo + 1n + BigInt(n) - 1n) / BigInt(n);
    let k = -1n;
    for (const [first, last] of chunks) {
      const kk = (BigInt(first) - lo) / width;
      if (kk === k) expected[expected.length - 1][1] = last;
      else expected.push([first, last]);
      k = kk;
    }
  }
  expect(
    buckets.map((b) => [b.start, b.end]),
    `chunk buckets, n=${n}`,
  ).toEqual(expected);
  let i = 0;
  buckets.forEach((b, k) => {
    if (k > 0) expect(b.start, "disjoint and ordered").toBeGreaterThan(buckets[k - 1].end);
    expect(i === all.length || all[i].step >= b.start, "no point before the bucket is left out").toBe(true);
    const inside: Point[] = [];
    for (; i < all.length && all[i].step <= b.end; i++) inside.push(all[i]);
    expectSame(b, naiveBucket(b.start, b.end, inside), `bucket ${k} of n=${n}`);
  });
  expect(i, "every point is in a bucket").toBe(all.length);
}

describe("block store properties", () => {
  it("matches a Map<step, Point> model through random batches", () => {
    fc.assert(
      fc.property(fc.array(batchSpec, { minLength: 1, maxLength: 12 }), fc.integer(), (specs, readSeed) => {
        const store = new Store();
        const model = new Model();
        specs.forEach((spec, i) => {
          const batch = makeBatch(spec, model);
          store.write(batch);
          model.write(batch);
          checkReads(store, model, readSeed + i);
        });
      }),
      { numRuns: 300 },
    );
  }, 120_000); // a few seconds alone; a loaded 2-core machine can take many times that

  it("keeps every block but the last full under in-order appends", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 12 }), (sizes) => {
        const store = new Store();
        let next = 0;
        for (const size of sizes) {
          const { remove } = store.write(typical(size, next));
          expect(remove.length).toBeLessThanOrEqual(1);
          next += size;
        }
        expect(store.blocks.slice(0, -1).every((b) => b.count === BLOCK_SIZE)).toBe(true);
        expect(store.blocks.reduce((s, b) => s + b.count, 0)).toBe(next);
      }),
      { numRuns: 100 },
    );
  });
});

describe("chunk summaries", () => {
  /** The chunks of `points` as decodeSummary reports them, one plain object each. */
  function naiveChunks(points: Point[]) {
    const out = [];
    for (let i = 0; i < points.length; i += CHUNK) {
      const chunk = points.slice(i, i + CHUNK).map(stored);
      const b = naiveBucket(chunk[0].step, chunk.at(-1)!.step, chunk);
      out.push({ firstStep: b.start, lastStep: b.end, count: b.count, min: b.min, max: b.max, minStep: b.minStep, maxStep: b.maxStep, last: b.last });
    }
    return out;
  }

  function chunksOf(c: ChunkSummaries) {
    return Array.from({ length: c.length }, (_, j) => {
      const real = c.minStep[j] >= 0;
      return {
        firstStep: c.firstStep[j],
        lastStep: c.lastStep[j],
        count: c.count[j],
        min: real ? c.min[j] : null,
        max: real ? c.max[j] : null,
        minStep: real ? c.minStep[j] : null,
        maxStep: real ? c.maxStep[j] : null,
        last: { step: c.lastStep[j], value: c.lastValue[j], epoch: c.lastEpoch[j] < 0 ? null : c.lastEpoch[j], time: c.lastTime[j] / 1000 },
      };
    });
  }

  it("round-trips per-chunk first/last step, count, extremes and last point, all-NaN chunks included", () => {
    const points = typical(200, 7); // chunks of 64, 64, 64 and 8 points
    for (let i = 64; i < 128; i++) points[i] = { ...points[i], value: NaN };
    points[130] = { ...points[130], value: -Infinity };
    points[131] = { ...points[131], value: Infinity };
    points[191] = { ...points[191], value: -0, epoch: null };
    points[199] = { ...points[199], value: NaN, epoch: MAX, time: -4e12 };
    const c = decodeSummary(encodeSummary(points));
    expect(c.length).toBe(4);
    expectSame(chunksOf(c), naiveChunks(points));
    expect([c.minStep[1], chunksOf(c)[1].min, chunksOf(c)[1].max]).toEqual([-1, null, null]);
    expect(Object.is(c.lastValue[2], -0)).toBe(true);
  });

  it("round-trips irregular steps up to 2^53-1, one-point chunks and ties (first occurrence)", () => {
    const steps = [0, 5, 2 ** 40, MAX - 3, MAX];
    const points = steps.map((step, i) => ({ step, value: i % 2, epoch: i === 2 ? null : i, time: i * 1e6 }));
    expectSame(chunksOf(decodeSummary(encodeSummary(points))), naiveChunks(points));
    expectSame(chunksOf(decodeSummary(encodeSummary(points.slice(4)))), naiveChunks(points.slice(4)));
    const wide = Array.from({ length: BLOCK_SIZE }, (_, i) => ({ step: i * 1_000_003, value: Math.floor(i / 3) % 4, epoch: i, time: 1e9 + i * 61.5 }));
    expectSame(chunksOf(decodeSummary(encodeSummary(wide))), naiveChunks(wide));
  });

  it("appends blocks in step order, also concatenated, and refuses one that does not follow", () => {
    const a = encodeSummary(typical(100));
    const b = encodeSummary(typical(70, 100));
    const c = decodeSummary(b, decodeSummary(a));
    expectSame(chunksOf(c), [...naiveChunks(typical(100)), ...naiveChunks(typical(70, 100))]);
    // Concatenated summaries (as SQLite's group_concat hands them over) decode the same.
    expectSame(chunksOf(decodeSummary(new Uint8Array([...a, ...b]))), chunksOf(c));
    expect(() => decodeSummary(a, decodeSummary(b))).toThrow(/order/);
    expect(() => decodeSummary(new Uint8Array([...b, ...a]))).toThrow(/order/);
  });

  it("rejects corrupt summaries", () => {
    const bytes = encodeSummary(typical(100));
    expect(() => decodeSummary(new Uint8Array([3, ...bytes.subarray(1)]))).toThrow(/version/);
    expect(() => decodeSummary(bytes.subarray(0, bytes.length - 1))).toThrow(/corrupt/);
    expect(() => decodeSummary(new Uint8Array([...bytes, 0]))).toThrow(/corrupt/);
    expect(() => decodeSummary(new Uint8Array([1, 0, 0]))).toThrow(/corrupt/);
    expect(() => decodeSummary(new Uint8Array(2))).toThrow(/corrupt/);
  });

  it("costs about half a byte per point for typical data, under one for irregular data", () => {
    expect(encodeSummary(typical(BLOCK_SIZE)).length / BLOCK_SIZE).toBeLessThanOrEqual(0.6);
    const irregular = Array.from({ length: BLOCK_SIZE }, (_, i) => ({ step: i * 7 + (i % 5), value: Math.random(), epoch: i, time: 1764147000 + i * 60.7 }));
    expect(encodeSummary(irregular).length / BLOCK_SIZE).toBeLessThanOrEqual(1);
  });

  it("buckets whole chunks, keeping a spike and giving at most n buckets", () => {
    const store = new Store();
    const points = typical(100_000).map((p) => ({ ...p, value: 1 }));
    points[54_321] = { ...points[54_321], value: 1e9 };
    store.write(points);
    const chunks = new ChunkSummaries();
    for (const b of store.blocks) decodeSummary(b.summary, chunks);
    const buckets = downsampleSummaries(chunks, 10);
    expect(buckets).toHaveLength(10);
    // width 10,000: a chunk goes where its first step falls, so buckets end on chunk edges.
    expect(buckets.map((b) => b.start % CHUNK)).toEqual(Array(10).fill(0));
    expect(buckets.filter((b) => b.max === 1e9).map((b) => b.maxStep)).toEqual([54_321]);
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(100_000);
    checkChunkBuckets(buckets, store.blocks, points.map(stored), 10);
    expect(downsampleSummaries(new ChunkSummaries(), 5)).toEqual([]);
    for (const n of [0, -1, 1.5, NaN]) expect(() => downsampleSummaries(chunks, n)).toThrow(/positive integer/);
  });
});

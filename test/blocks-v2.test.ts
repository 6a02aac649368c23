// Block format version 2 (compressed values and times) against version 1: random series read
// back bit for bit what version 1 reads, downsampling agrees, damaged blocks throw, version-1
// blocks and summaries (a committed fixture and fresh ones) still read, and the sizes the
// format was built for hold.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BLOCK_SIZE,
  type Block,
  decodeBlock,
  encodeBlock,
  encodeBlockColumns,
  type Point,
  readHeader,
  readLastValue,
  TimeColumn,
} from "../src/series/codec/block.ts";
import { type ChunkSummaries, decodeSummary, encodeSummary } from "../src/series/codec/chunk-summary.ts";
import { columnsOf } from "../src/series/codec/columns.ts";
import { type Bucket, downsample } from "../src/series/downsample.ts";
import { readRange } from "../src/series/plan.ts";
import { encodeBlockV1, encodeSummaryV1 } from "./support/codec-v1.ts";
import { prng } from "./support/prng.ts";

const point = (step: number): Point => ({ step, value: 0, epoch: null, time: 0 });

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_TIME_S = (2 ** 52 - 1) / 1000;

const word = new DataView(new ArrayBuffer(8));
function bits(x: number): string {
  word.setFloat64(0, x);
  return word.getBigUint64(0).toString(16).padStart(16, "0");
}
function fromBits(hex: string): number {
  word.setBigUint64(0, BigInt(`0x${hex}`));
  return word.getFloat64(0);
}

/** Any value tree with every number replaced by its 64 bits, so NaN payloads and -0 count. */
function exact(x: unknown): unknown {
  if (typeof x === "number") return bits(x);
  if (Array.isArray(x)) return x.map(exact);
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, exact(v)]));
  return x;
}

function expectExact(actual: unknown, expected: unknown, what?: string) {
  expect(exact(actual), what).toEqual(exact(expected));
}

const NAN_PAYLOAD = fromBits("7ff80000deadbeef");
const SIGNALLING_NAN = fromBits("fff0000000000001");
const SPECIALS = [NaN, NAN_PAYLOAD, SIGNALLING_NAN, Infinity, -Infinity, -0, 0, Number.MIN_VALUE, -Number.MAX_VALUE];

interface SeriesSpec {
  size: number;
  seed: number;
  values: "specials" | "float32" | "noise" | "constant" | "smooth" | "runs";
  steps: "dense" | "strided" | "jumps" | "top";
  epochs: "constant" | "null" | "counting" | "random";
  times: "sdk" | "equal" | "random" | "stride";
}

const seriesSpec: fc.Arbitrary<SeriesSpec> = fc.record({
  size: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: BLOCK_SIZE })),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  values: fc.constantFrom("specials", "float32", "noise", "constant", "smooth", "runs"),
  steps: fc.constantFrom("dense", "strided", "jumps", "top"),
  epochs: fc.constantFrom("constant", "null", "counting", "random"),
  times: fc.constantFrom("sdk", "equal", "random", "stride"),
});

/**
 * The specs' series as consecutive parts of one series (each a block's points): each moved
 * past the previous part, with a gap of 0, 1 or 2 times `gap` steps; parts that would pass
 * the largest step are left out.
 */
function consecutive(specs: SeriesSpec[], gap: number): Point[][] {
  const parts: Point[][] = [];
  let next = 0;
  for (const spec of specs) {
    const points = makeSeries({ ...spec, steps: spec.steps === "top" ? "dense" : spec.steps });
    const shift = next - points[0].step;
    const moved = points.map((p) => ({ ...p, step: p.step + shift }));
    if (moved.at(-1)!.step > MAX) break;
    parts.push(moved);
    next = moved.at(-1)!.step + 1 + (spec.seed % 3) * gap;
  }
  return parts;
}

function makeSeries(spec: SeriesSpec): Point[] {
  const r = prng(spec.seed);
  const n = spec.size;
  let step = spec.steps === "top" ? MAX - n * 3 : Math.floor(r() * 1000);
  let time = 1_764_147_000 + r();
  const constant = SPECIALS[Math.floor(r() * SPECIALS.length)];
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      if (spec.steps === "dense") step += 1;
      else if (spec.steps === "strided") step += 3;
      else if (spec.steps === "jumps") step += r() < 0.05 ? 1 + Math.floor(r() * 2 ** 44) : 1 + Math.floor(r() * 3);
      else step += 1 + Math.floor(r() * 2);
    }
    let value: number;
    if (spec.values === "specials") value = r() < 0.5 ? SPECIALS[Math.floor(r() * SPECIALS.length)] : (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
    else if (spec.values === "float32") value = Math.fround(1 / (1 + i / 50) + r() * 0.05);
    else if (spec.values === "noise") value = r() * 2 - 1;
    else if (spec.values === "constant") value = constant;
    else if (spec.values === "smooth") value = Math.exp(-i / 300) * (1 + 0.1 * Math.sin(i / 5));
    else value = i % 17 < 10 ? constant : r();
    time += spec.times === "sdk" ? 10 ** (-5.5 + 3 * r()) : spec.times === "stride" ? 0.01 : 0;
    const t = spec.times === "random" ? (r() * 2 - 1) * MAX_TIME_S : time;
    const epoch =
      spec.epochs === "constant"
        ? 7
        : spec.epochs === "null"
          ? null
          : spec.epochs === "counting"
            ? Math.floor(i / 10)
            : r() < 0.3
              ? null
              : r() < 0.1
                ? MAX
                : Math.floor(r() * 4);
    points.push({ step, value, epoch, time: t });
  }
  return points;
}

describe("block version 2", () => {
  it("decodes to exactly the points version 1 does, and writes version 2", () => {
    fc.assert(
      fc.property(seriesSpec, (spec) => {
        const points = makeSeries(spec);
        const v1 = encodeBlockV1(points);
        const v2 = encodeBlock(points);
        expect(v2.data[0]).toBe(2);
        expectExact({ ...v2, data: null }, { ...v1, data: null }, "block metadata");
        expectExact(decodeBlock(v2.data), decodeBlock(v1.data), `${JSON.stringify(spec)}`);
      }),
      { numRuns: 300 },
    );
  });

  it("reads any time, in any order, and the last value alone", () => {
    fc.assert(
      fc.property(seriesSpec, fc.array(fc.nat(), { maxLength: 20 }), (spec, picks) => {
        const points = makeSeries(spec);
        const { data } = encodeBlock(points);
        const all = decodeBlock(data);
        const h = readHeader(data);
        const times = new TimeColumn(data, h);
        for (const pick of picks) expect(times.ms(pick % points.length) / 1000).toBe(all[pick % points.length].time);
        expect(bits(readLastValue(data, h))).toBe(bits(points.at(-1)!.value));
      }),
      { numRuns: 100 },
    );
  });

  it("encodes columns straight, as encodeBlock does from points", () => {
    fc.assert(
      fc.property(seriesSpec, fc.integer({ min: 0, max: 5 }), (spec, pad) => {
        const points = makeSeries(spec);
        // Values set one by one: an array of numbers may canonicalize NaN payloads.
        const values = new Float64Array(pad + points.length);
        points.forEach((p, i) => {
          values[pad + i] = p.value;
        });
        const columns = {
          steps: Float64Array.from([...Array(pad).fill(0), ...points.map((p) => p.step)]),
          values,
          epochs: Float64Array.from([...Array(pad).fill(Number.NaN), ...points.map((p) => p.epoch ?? Number.NaN)]),
          times: Float64Array.from([...Array(pad).fill(0), ...points.map((p) => p.time)]),
        };
        expect(encodeBlockColumns(columns, pad, pad + points.length).data).toEqual(encodeBlock(points).data);
      }),
      { numRuns: 50 },
    );
    expect(() => encodeBlockColumns(columnsOf([point(1), point(1)]), 0, 2)).toThrow(/increasing unique/);
    expect(() => encodeBlockColumns(columnsOf([point(0), { ...point(1), epoch: -1 }]), 1, 2)).toThrow(/points\[0\]\.epoch/);
  });

  it("downsamples to the same buckets over version-2 blocks as over version-1 blocks", () => {
    fc.assert(
      fc.property(fc.array(seriesSpec, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (specs, seed) => {
        const parts = consecutive(specs, 1000);
        const v1: Block[] = parts.map((p) => encodeBlockV1(p));
        const v2: Block[] = parts.map((p) => encodeBlock(p));
        const r = prng(seed);
        const last = v1.at(-1)!.lastStep;
        for (const n of [1, 3, 10, 100, 1000, 1 + Math.floor(r() * 5000)]) {
          const from = r() < 0.5 ? undefined : Math.floor(r() * last);
          const to = r() < 0.5 ? undefined : Math.floor(r() * last * 1.1);
          const a: Bucket[] = downsample(v2, n, from, to);
          expectExact(a, downsample(v1, n, from, to), `downsample(${n}, ${from}, ${to})`);
        }
        expectExact(readRange(v2), readRange(v1), "readRange");
      }),
      { numRuns: 100 },
    );
  });

  it("throws `corrupt block` on a truncated, extended or damaged header, never returning other points", () => {
    fc.assert(
      fc.property(seriesSpec, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (spec, seed) => {
        const points = makeSeries(spec);
        const { data } = encodeBlock(points);
        const expected = exact(decodeBlock(data));
        const r = prng(seed);
        const attempts: Uint8Array[] = [];
        for (let k = 0; k < 8; k++) attempts.push(data.slice(0, Math.floor(r() * data.length)));
        attempts.push(data.slice(0, data.length - 1));
        attempts.push(new Uint8Array([...data, Math.floor(r() * 256)]));
        for (let k = 0; k < 10; k++) {
          const damaged = data.slice();
          damaged[k] ^= 1 + Math.floor(r() * 255);
          attempts.push(damaged);
        }
        for (const bytes of attempts) {
          let back: Point[] | null = null;
          try {
            back = decodeBlock(bytes);
          } catch (e) {
            expect(String(e)).toMatch(/corrupt block/);
          }
          if (back) expect(exact(back), "a damaged block that decodes reads the same points").toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reaches the sizes it was built for (bytes per point of a full block and its summary)", () => {
    const size = (values: "constant" | "float32" | "noise", times: SeriesSpec["times"]) => {
      const points = makeSeries({ size: BLOCK_SIZE, seed: 5, values, steps: "dense", epochs: "constant", times });
      return (encodeBlock(points).data.length + encodeSummary(points).length) / BLOCK_SIZE;
    };
    for (const times of ["sdk", "stride"] as const) {
      expect(size("constant", times)).toBeLessThan(0.7);
      expect(size("float32", times)).toBeLessThan(4.5);
      expect(size("noise", times)).toBeLessThan(8.9);
    }
  });
});

describe("chunk summary version 2", () => {
  it("decodes to exactly what version 1 does, also concatenated with version-1 summaries", () => {
    const columns = (c: ChunkSummaries) => {
      const out: Record<string, number[]> = {};
      for (const k of ["firstStep", "lastStep", "count", "min", "max", "minStep", "maxStep", "lastValue", "lastEpoch", "lastTime"] as const) {
        const all = Array.from(c[k].subarray(0, c.length));
        // min/max are meaningless where every value is NaN (minStep −1).
        out[k] = k === "min" || k === "max" ? all.map((x, j) => (c.minStep[j] < 0 ? 0 : x)) : all;
      }
      return out;
    };
    fc.assert(
      fc.property(fc.array(seriesSpec, { minLength: 1, maxLength: 4 }), (specs) => {
        const parts = consecutive(specs, 1);
        const v1 = parts.map((p) => encodeSummaryV1(p));
        const v2 = parts.map((p) => encodeSummary(p));
        for (const summary of v2) expect(summary[0]).toBe(2);
        const expected = columns(decodeSummary(Buffer.concat(v1)));
        expectExact(columns(decodeSummary(Buffer.concat(v2))), expected, "v2");
        // Blocks rewritten since version 2 sit beside old ones: summaries of both versions mix.
        const mixed = Buffer.concat(v1.map((b, i) => (i % 2 ? v2[i] : b)));
        expectExact(columns(decodeSummary(mixed)), expected, "mixed");
      }),
      { numRuns: 200 },
    );
  });

  it("throws on a truncated or extended summary", () => {
    const points = makeSeries({ size: 500, seed: 1, values: "specials", steps: "jumps", epochs: "random", times: "random" });
    const bytes = encodeSummary(points);
    for (let k = 0; k < bytes.length; k++) expect(() => decodeSummary(bytes.subarray(0, k))).toThrow(/corrupt block summary/);
    expect(() => decodeSummary(new Uint8Array([...bytes, 0]))).toThrow(/corrupt block summary/);
  });
});

describe("the version-1 fixture (test/fixtures/blocks-v1.json)", () => {
  interface FixtureBlock {
    data: string;
    summary: string;
    meta: { firstStep: number; lastStep: number; count: number; min: string | null; max: string | null };
    points: [number, string, number | null, number][];
  }
  const fixture: { blocks: FixtureBlock[] } = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "blocks-v1.json"), "utf8"));
  const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));
  const pointsOf = (b: FixtureBlock): Point[] => b.points.map(([step, value, epoch, ms]) => ({ step, value: fromBits(value), epoch, time: ms / 1000 }));

  it("holds version-1 blocks and summaries", () => {
    expect(fixture.blocks.length).toBeGreaterThan(5);
    for (const b of fixture.blocks) expect([bytes(b.data)[0], bytes(b.summary)[0]]).toEqual([1, 1]);
  });

  it("reads back exactly the points, metadata and chunk summaries it was written from", () => {
    for (const b of fixture.blocks) {
      const points = pointsOf(b);
      expectExact(decodeBlock(bytes(b.data)), points);
      const v2 = encodeBlock(points);
      expect([v2.firstStep, v2.lastStep, v2.count, v2.min === null ? null : bits(v2.min), v2.max === null ? null : bits(v2.max)]).toEqual([
        b.meta.firstStep,
        b.meta.lastStep,
        b.meta.count,
        b.meta.min,
        b.meta.max,
      ]);
      const fromV1 = decodeSummary(bytes(b.summary));
      const fromV2 = decodeSummary(encodeSummary(points));
      for (const k of ["firstStep", "lastStep", "count", "minStep", "maxStep", "lastValue", "lastEpoch", "lastTime"] as const) {
        expectExact(Array.from(fromV1[k].subarray(0, fromV1.length)), Array.from(fromV2[k].subarray(0, fromV2.length)), k);
      }
    }
  });

  it("downsamples version-1 blocks as their version-2 rewrites", () => {
    const b = fixture.blocks[0];
    const v1 = [{ ...encodeBlock(pointsOf(b)), data: bytes(b.data) }];
    const v2 = [encodeBlock(pointsOf(b))];
    for (const n of [1, 7, 100, 1000]) expectExact(downsample(v1, n), downsample(v2, n));
  });
});

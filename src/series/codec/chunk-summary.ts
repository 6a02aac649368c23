// Per-chunk summaries of a block, stored in their own column beside the block's data, so a
// downsampled read of a long series fetches a few hundred bytes per block instead of ~10 KB:
// with ~1,000 blocks, handing over the blobs was most of a first read of a 1M-point series.
// Buckets made of whole chunks need nothing else to be exact (see downsampleSummaries).
// Pure and runtime-agnostic, like ./block.ts.
//
// A chunk is a run of CHUNK (64) consecutive points of the block, the same chunks as the
// codec's chunk table; the last one may be shorter. Layout, version 2 (little-endian):
//
//   0      u8       version (2)
//   1      u8       k, the number of chunks (1..16)
//          varint   the block's first step
//   then per chunk:
//          u8       flags: 1 every value is NaN; 2 dense steps (first step = the previous
//                   chunk's last + 1, or the block's first step, and last − first = count − 1);
//                   4 min has the last value's bits; 8 max has the last value's bits; 16 max
//                   has min's bits; 32 the last value has the previous chunk's last value's
//                   bits; 64 the last epoch is the previous chunk's; 128 count is 64
//          u8       count (1..64), unless flag 128
//          varint   first step − the previous chunk's last step, unless dense or the first
//                   chunk (whose first step is the block's)
//          varint   last step − first step, unless dense
//          f64      the last point's value, unless flag 32
//          varint   min step − first step, varint max step − first step, then f64 min unless
//                   flag 4, f64 max unless flag 8 or 16 (first occurrences); all absent with
//                   flag 1
//          varint   the last point's epoch: 0 = null, else epoch + 1; unless flag 64
//          svarint  the last point's time in ms, minus the previous chunk's (absolute for
//                   the first chunk)
//
// Floats are kept raw so min, max and last stay exact (NaN payloads, -0, ±Infinity); the
// flags drop what repeats, so a constant series costs ~5 bytes a chunk and full-precision
// noise ~29 (version 1: ~33 for both). Version 1 differs per chunk: no flags byte; u8 count,
// varint gap (0 for the first chunk), varint last − first, varint 0 when all NaN else min
// step − first + 1 followed by varint max step − first, f64 min, f64 max; then f64 last,
// varint epoch tag, svarint time delta. Summaries are self-delimiting, so several
// concatenated in step order, of either version, decode as one sequence.

import type { Bucket } from "../downsample.ts";
import { ByteReader, putSigned, putVarint } from "./bits.ts";
import { BLOCK_SIZE, CHUNK, type Point, timeToMs } from "./block.ts";
import { columnsOf, type PointColumns } from "./columns.ts";

export const SUMMARY_VERSION = 2;
/** The most chunks one block has. */
export const CHUNKS_PER_BLOCK = BLOCK_SIZE / CHUNK;

// Worst case per chunk: flags and count 2, four step varints of up to 8, three f64, epoch
// varint 8, time svarint 9: 75 bytes.
const scratch = new Uint8Array(3 + 8 + CHUNKS_PER_BLOCK * 96);
const scratchView = new DataView(scratch.buffer);

const F = { allNaN: 1, dense: 2, minIsLast: 4, maxIsLast: 8, maxIsMin: 16, lastRepeats: 32, epochRepeats: 64, full: 128 } as const;

const pair = new Float64Array(2);
const pairWords = new Uint32Array(pair.buffer);
/** Whether a and b have the same bits (NaN payloads and the sign of 0 included). */
function sameBits(a: number, b: number): boolean {
  pair[0] = a;
  pair[1] = b;
  return pairWords[0] === pairWords[2] && pairWords[1] === pairWords[3];
}

/**
 * The summary of one block's points: sorted by step, unique, 1..BLOCK_SIZE of them, already
 * checked (encodeBlock takes the same points and validates them).
 */
export function encodeSummary(points: Point[]): Uint8Array {
  return encodeSummaryColumns(columnsOf(points), 0, points.length);
}

/** The summary of points from..to−1 of the columns, as encodeSummary. */
export function encodeSummaryColumns(cols: PointColumns, from: number, to: number): Uint8Array {
  const { steps, values, epochs, times } = cols;
  const n = to - from;
  const k = Math.ceil(n / CHUNK);
  scratch[0] = SUMMARY_VERSION;
  scratch[1] = k;
  let pos = putVarint(scratch, 2, steps[from]);
  let prevLast = steps[from];
  let prevTime = 0;
  for (let c = 0; c < k; c++) {
    const i0 = c * CHUNK;
    const i1 = Math.min(n, i0 + CHUNK);
    let minAt = -1;
    let maxAt = -1;
    for (let i = i0; i < i1; i++) {
      const v = values[from + i];
      // Strict comparisons keep the first occurrence, as downsample reports it.
      // biome-ignore lint/suspicious/noSelfCompare: the NaN test without a call, once per point
      if (v === v) {
        if (minAt < 0 || v < values[from + minAt]) minAt = i;
        if (maxAt < 0 || v > values[from + maxAt]) maxAt = i;
      }
    }
    const first = steps[from + i0];
    const lastAt = from + i1 - 1;
    const count = i1 - i0;
    const dense = steps[lastAt] - first === count - 1 && (c === 0 || first - prevLast === 1);
    const prevAt = c > 0 ? from + i0 - 1 : -1; // the previous chunk's last point
    let flags = (dense ? F.dense : 0) | (count === CHUNK ? F.full : 0);
    if (prevAt >= 0 && sameBits(values[lastAt], values[prevAt])) flags |= F.lastRepeats;
    if (prevAt >= 0 && sameEpoch(epochs[lastAt], epochs[prevAt])) flags |= F.epochRepeats;
    if (minAt < 0) flags |= F.allNaN;
    else {
      if (sameBits(values[from + minAt], values[lastAt])) flags |= F.minIsLast;
      if (sameBits(values[from + maxAt], values[lastAt])) flags |= F.maxIsLast;
      else if (sameBits(values[from + maxAt], values[from + minAt])) flags |= F.maxIsMin;
    }
    scratch[pos++] = flags;
    if (!(flags & F.full)) scratch[pos++] = count;
    if (!dense) {
      if (c > 0) pos = putVarint(scratch, pos, first - prevLast);
      pos = putVarint(scratch, pos, steps[lastAt] - first);
    }
    if (!(flags & F.lastRepeats)) {
      scratchView.setFloat64(pos, values[lastAt], true);
      pos += 8;
    }
    if (minAt >= 0) {
      pos = putVarint(scratch, pos, steps[from + minAt] - first);
      pos = putVarint(scratch, pos, steps[from + maxAt] - first);
      if (!(flags & F.minIsLast)) {
        scratchView.setFloat64(pos, values[from + minAt], true);
        pos += 8;
      }
      if (!(flags & (F.maxIsLast | F.maxIsMin))) {
        scratchView.setFloat64(pos, values[from + maxAt], true);
        pos += 8;
      }
    }
    if (!(flags & F.epochRepeats)) pos = putVarint(scratch, pos, Number.isNaN(epochs[lastAt]) ? 0 : epochs[lastAt] + 1);
    const ms = timeToMs(times[lastAt]);
    pos = putSigned(scratch, pos, ms - prevTime);
    prevTime = ms;
    prevLast = steps[lastAt];
  }
  return scratch.slice(0, pos);
}

/** Equal epochs, none (NaN) equal to none. */
const sameEpoch = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Chunk summaries of consecutive blocks, one column per field so that a million-point series
 * (~16,000 chunks) decodes without an object per chunk. minStep is -1 when every value of the
 * chunk is NaN (min/max then meaningless); lastEpoch is -1 for a null epoch; times in ms.
 */
export class ChunkSummaries {
  length = 0;
  firstStep = new Float64Array(0);
  lastStep = new Float64Array(0);
  // Float64: a summary level's entry (../levels.ts) counts the points of many blocks.
  count = new Float64Array(0);
  min = new Float64Array(0);
  max = new Float64Array(0);
  minStep = new Float64Array(0);
  maxStep = new Float64Array(0);
  lastValue = new Float64Array(0);
  lastEpoch = new Float64Array(0);
  lastTime = new Float64Array(0);

  /** How many points the entries hold. */
  points(): number {
    let total = 0;
    for (let i = 0; i < this.length; i++) total += this.count[i];
    return total;
  }

  /** Memory held, for the block cache's budget. */
  get byteLength(): number {
    return this.count.length * 10 * 8;
  }

  /** Makes room for `extra` more chunks. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.count.length) return;
    const size = Math.max(need, 2 * this.count.length, 64);
    const grow = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(size);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.firstStep = grow(this.firstStep);
    this.lastStep = grow(this.lastStep);
    this.count = grow(this.count);
    this.min = grow(this.min);
    this.max = grow(this.max);
    this.minStep = grow(this.minStep);
    this.maxStep = grow(this.maxStep);
    this.lastValue = grow(this.lastValue);
    this.lastEpoch = grow(this.lastEpoch);
    this.lastTime = grow(this.lastTime);
  }
}

function corrupt(why: string): Error {
  return new Error(`corrupt block summary: ${why}`);
}

/**
 * Appends the chunks of a block's summary, or of several summaries concatenated in step
 * order, to `into` (a new ChunkSummaries by default). A chunk that does not follow the
 * previous one throws, so blocks out of order cannot go unnoticed.
 */
export function decodeSummary(bytes: Uint8Array, into = new ChunkSummaries()): ChunkSummaries {
  if (bytes.length < 3) throw corrupt(`${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const r = new ByteReader(bytes, 0);
  while (r.pos < bytes.length) {
    const version = bytes[r.pos];
    if (version !== 1 && version !== SUMMARY_VERSION) throw corrupt(`unknown version ${version}`);
    const k = bytes[r.pos + 1];
    if (!(k >= 1 && k <= CHUNKS_PER_BLOCK)) throw corrupt(`${k} chunks`);
    r.pos += 2;
    into.reserve(k);
    const prevEnd = into.length > 0 ? into.lastStep[into.length - 1] : -1;
    const first = r.varint();
    if (!(first > prevEnd)) throw corrupt("chunks out of step order");
    if (version === 1) readChunksV1(r, view, k, first, into);
    else readChunks(r, view, k, first, into);
  }
  if (r.pos !== bytes.length) throw corrupt("length");
  return into;
}

function readChunks(r: ByteReader, view: DataView, k: number, blockFirst: number, into: ChunkSummaries): void {
  const bytes = r.buf;
  let prevLast = blockFirst - 1;
  let prevTime = 0;
  const f64 = (): number => {
    if (r.pos + 8 > bytes.length) throw corrupt("truncated");
    const x = view.getFloat64(r.pos, true);
    r.pos += 8;
    return x;
  };
  for (let c = 0; c < k; c++) {
    const j = into.length++;
    const flags = bytes[r.pos++];
    if (c === 0 && flags & (F.lastRepeats | F.epochRepeats)) throw corrupt("chunk 0 repeats nothing");
    const count = flags & F.full ? CHUNK : bytes[r.pos++];
    if (!(count >= 1 && count <= CHUNK)) throw corrupt(`chunk ${c}`);
    let first = c === 0 ? blockFirst : prevLast + 1;
    let last = first + count - 1;
    if (!(flags & F.dense)) {
      if (c > 0) {
        const gap = r.varint();
        if (gap < 1) throw corrupt(`chunk ${c}`);
        first = prevLast + gap;
      }
      last = first + r.varint();
    }
    if (!(last - first >= count - 1 && last <= Number.MAX_SAFE_INTEGER)) throw corrupt(`chunk ${c} steps`);
    into.firstStep[j] = first;
    into.lastStep[j] = last;
    into.count[j] = count;
    const lastValue = flags & F.lastRepeats ? into.lastValue[j - 1] : f64();
    into.lastValue[j] = lastValue;
    if (flags & F.allNaN) {
      into.minStep[j] = into.maxStep[j] = -1;
    } else {
      const minOff = r.varint();
      const maxOff = r.varint();
      if (minOff > last - first || maxOff > last - first) throw corrupt(`chunk ${c} extremes`);
      into.minStep[j] = first + minOff;
      into.maxStep[j] = first + maxOff;
      const min = flags & F.minIsLast ? lastValue : f64();
      into.min[j] = min;
      into.max[j] = flags & F.maxIsLast ? lastValue : flags & F.maxIsMin ? min : f64();
    }
    into.lastEpoch[j] = flags & F.epochRepeats ? into.lastEpoch[j - 1] : r.varint() - 1;
    prevTime = into.lastTime[j] = prevTime + r.signed();
    prevLast = last;
  }
}

function readChunksV1(r: ByteReader, view: DataView, k: number, blockFirst: number, into: ChunkSummaries): void {
  const bytes = r.buf;
  let prevLast = blockFirst;
  let prevTime = 0;
  for (let c = 0; c < k; c++) {
    const j = into.length++;
    const count = bytes[r.pos++];
    const gap = r.varint();
    if (!(count >= 1 && count <= CHUNK) || c > 0 !== gap > 0) throw corrupt(`chunk ${c}`);
    const first = prevLast + gap;
    const last = first + r.varint();
    into.count[j] = count;
    prevTime = readEntryV1(r, view, into, j, first, last, prevTime, "chunk", c, corrupt);
    prevLast = last;
  }
}

/**
 * The rest of entry `j` in the version-1 layout, which level rows (./level-summary.ts) keep
 * too: after its first and last step, the extremes' offsets and values, the last value, epoch
 * and time (a delta from `prevTime`, returned as the entry's). Errors name entry `what` `c`
 * (built only on failure: this runs once per entry) through `fail`, which names the format.
 */
export function readEntryV1(
  r: ByteReader,
  view: DataView,
  into: ChunkSummaries,
  j: number,
  first: number,
  last: number,
  prevTime: number,
  what: string,
  c: number,
  fail: (why: string) => Error,
): number {
  const size = r.buf.length;
  const minOff = r.varint();
  into.firstStep[j] = first;
  into.lastStep[j] = last;
  if (minOff === 0) {
    into.minStep[j] = into.maxStep[j] = -1;
  } else {
    const maxOff = r.varint();
    if (minOff - 1 > last - first || maxOff > last - first || r.pos + 16 > size) throw fail(`${what} ${c} extremes`);
    into.minStep[j] = first + minOff - 1;
    into.maxStep[j] = first + maxOff;
    into.min[j] = view.getFloat64(r.pos, true);
    into.max[j] = view.getFloat64(r.pos + 8, true);
    r.pos += 16;
  }
  if (r.pos + 8 > size) throw fail("truncated");
  into.lastValue[j] = view.getFloat64(r.pos, true);
  r.pos += 8;
  into.lastEpoch[j] = r.varint() - 1;
  return (into.lastTime[j] = prevTime + r.signed());
}

/**
 * At most n buckets made of whole consecutive chunks. With lo/hi the first/last step and
 * width = ceil((hi − lo + 1) / n), a chunk goes to bucket floor((firstStep − lo) / width), so
 * buckets are roughly, not exactly, equal in step width. Each bucket runs from its first
 * chunk's first step to its last chunk's last step and its count, min/max (NaN ignored, first
 * occurrence) and last point are exact over exactly the points in that range: no raw value
 * is needed, and a spike is never lost.
 */
export function downsampleSummaries(chunks: ChunkSummaries, n: number): Bucket[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`n must be a positive integer, got ${n}`);
  const len = chunks.length;
  if (len === 0) return [];
  const { firstStep, lastStep, count, min, max, minStep, maxStep } = chunks;
  const lo = firstStep[0];
  // The span can be 2^53; BigInt keeps the width exact, and floor(d / width) is exact for
  // integers d < 2^53 because the division's rounding error is below 1/width.
  const width = Number((BigInt(lastStep[len - 1] - lo + 1) + BigInt(n) - 1n) / BigInt(n));
  const out: Bucket[] = [];
  for (let i = 0; i < len; ) {
    const k = Math.floor((firstStep[i] - lo) / width);
    const start = firstStep[i];
    let total = 0;
    let lowAt = -1; // chunk holding the bucket's min so far; -1 while every value is NaN
    let highAt = -1;
    for (; i < len && Math.floor((firstStep[i] - lo) / width) === k; i++) {
      total += count[i];
      if (minStep[i] < 0) continue;
      // Strict comparisons: on ties the earlier chunk, so the earlier step, wins.
      if (lowAt < 0 || min[i] < min[lowAt]) lowAt = i;
      if (highAt < 0 || max[i] > max[highAt]) highAt = i;
    }
    const z = i - 1;
    out.push({
      start,
      end: lastStep[z],
      count: total,
      min: lowAt < 0 ? null : min[lowAt],
      max: highAt < 0 ? null : max[highAt],
      minStep: lowAt < 0 ? null : minStep[lowAt],
      maxStep: highAt < 0 ? null : maxStep[highAt],
      last: { step: lastStep[z], value: chunks.lastValue[z], epoch: chunks.lastEpoch[z] < 0 ? null : chunks.lastEpoch[z], time: chunks.lastTime[z] / 1000 },
    });
  }
  return out;
}

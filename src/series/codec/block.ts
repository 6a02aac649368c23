// The binary format of one block: up to BLOCK_SIZE points of one series, one DB row.
// Pure and runtime-agnostic (no node:*, no Buffer) so Workers run it too. New blocks are
// written in version 2; version-1 blocks (written before values were compressed) still read:
// the version byte selects the decoder.
//
// Layout, version 2 (multi-byte integers little-endian):
//
//   0      u8      version (2)
//   1      u8      how values are stored: 0 XOR-compressed, 1 constant (every value has the
//                  same bits: one f64), 2 raw (n f64; when XOR would not be smaller)
//   2      u16     n, the point count (1..1024)
//   4      u16     byte offset of the epochs section
//   6      u16     byte offset of the times section
//   8      u16     byte offset of the values section (it runs to the end of the block)
//   10     chunks  per 64 points: u8 offset of the first minimum, u8 offset of the first
//                  maximum (255: all NaN). Lets downsample find a bucket's extremes without
//                  comparing every value.
//          steps   as in version 1
//          epochs  as in version 1
//          times   deltas of ms times, bit-packed (./delta-times.ts)
//          values  ./xor-values.ts, or raw IEEE 754 f64 (little-endian)
//
// Values and times are compressed because in version 1 they were nearly all of a point's
// bytes whatever the series looked like (bench/RESULTS.md has the sizes by series shape);
// full-precision noise never costs more than raw. The price is decoding on reads (no
// Float64Array view on the block): readValues decodes a block's values once, TimeColumn its
// times as far as asked, and a block's last value reads alone (readLastValue).
//
// Layout, version 1:
//
//   0      u8      version (1)
//   1      u8      flags (0; reserved)
//   2      u16     n, the point count (1..1024)
//   4      u16     byte offset of the epochs section
//   6      u16     byte offset of the times section
//   8      f64×n   values, raw IEEE 754, at a fixed 8-aligned offset.
//   8+8n   chunks  the chunk table, as in version 2
//          steps   runs of arithmetic progressions until n points are covered: varint len,
//                  varint head, then varint stride if len > 1. head is the run's first step:
//                  absolute for the first run, else the gap from the previous run's last step.
//                  Evenly spaced steps (the usual 0,1,2,…) are one run.
//          epochs  runs: varint len, varint tag (0 = null, else epoch + 1), then svarint stride
//                  if tag > 0 and len > 1. A constant epoch is one run.
//          times   svarint base (the smallest time, in ms), u8 width w (0..7), then n w-byte
//                  offsets from base.
//
// varint, svarint and bit streams: ./bits.ts.
//
// Times are kept to the millisecond: a time t reads back as Math.round(t * 1000) / 1000
// (-0 reads back as 0).

import { BitWriter, ByteReader, putSigned, putVarint } from "./bits.ts";
import { columnsOf, type PointColumns } from "./columns.ts";
import { DeltaTimes, putDeltaTimes } from "./delta-times.ts";
import type { Point } from "./point.ts";
import { putXorValues, readXorValues } from "./xor-values.ts";

export const BLOCK_SIZE = 1024;

export type { Point } from "./point.ts";

/** The columns of points, as the encoder takes them: ./columns.ts (a NaN epoch is none). */
export type BlockColumns = PointColumns;

/** min/max are over non-NaN values (±Infinity count); null when every value is NaN. */
export interface BlockMeta {
  firstStep: number;
  lastStep: number;
  count: number;
  min: number | null;
  max: number | null;
}

export interface Block extends BlockMeta {
  data: Uint8Array;
}

export const FORMAT_VERSION = 2;
const HEADER_BYTES = 10;
const V1_HEADER_BYTES = 8;
export const CHUNK = 64;
export const NO_CHUNK_VALUE = 255;
export const MAX_STEP = Number.MAX_SAFE_INTEGER;
/** Bound on |time| in ms so that differences of two times stay safe integers (~142,000 years). */
export const MAX_TIME_MS = 2 ** 52 - 1;

const VALUES_XOR = 0;
const VALUES_CONSTANT = 1;
const VALUES_RAW = 2;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// Worst case per point: chunk table 1/32, steps and epochs 10 each (a 1-point run: 2-byte
// len + 8-byte head), time 4 + an 8-byte escape, the XOR attempt 10 (77 bits) before raw
// replaces it. One shared buffer keeps encoding allocation-free until the final copy.
const scratch = new Uint8Array(HEADER_BYTES + BLOCK_SIZE * 43 + 64);
const scratchView = new DataView(scratch.buffer);

function corrupt(why: string): Error {
  return new Error(`corrupt block: ${why}`);
}

export function timeToMs(time: number): number {
  return Math.round(time * 1000) + 0; // + 0 turns -0 into 0
}

/** Throws unless point i of the columns can be stored; `where`[i − from] names it in the message. */
function checkAt(c: BlockColumns, i: number, where: string, from: number): void {
  const step = c.steps[i];
  const epoch = c.epochs[i];
  const time = c.times[i];
  if (!Number.isSafeInteger(step) || step < 0) throw invalid(where, i - from, "step", "an integer in 0..2^53-1", step);
  // biome-ignore lint/suspicious/noSelfCompare: NaN is no epoch
  if (epoch === epoch && (!Number.isSafeInteger(epoch) || epoch < 0)) throw invalid(where, i - from, "epoch", "null or an integer in 0..2^53-1", epoch);
  if (!(Math.abs(timeToMs(time)) <= MAX_TIME_MS)) {
    throw invalid(where, i - from, "time", "finite Unix seconds within ±2^52 ms", time);
  }
}

function invalid(where: string, i: number, field: string, rule: string, got: unknown): Error {
  return new Error(`${where}[${i}].${field} must be ${rule}, got ${String(got)}`);
}

/** Packs points (sorted by step, unique, 1..BLOCK_SIZE of them) into a block. Throws on invalid input. */
export function encodeBlock(points: Point[]): Block {
  const n = points.length;
  if (n === 0 || n > BLOCK_SIZE) throw new Error(`a block holds 1..${BLOCK_SIZE} points, got ${n}`);
  return encodeBlockColumns(columnsOf(points), 0, n);
}

/**
 * Packs points from..to−1 of the columns (sorted by step, unique, 1..BLOCK_SIZE of them) into
 * a block. Throws on invalid input.
 */
export function encodeBlockColumns(c: BlockColumns, from: number, to: number): Block {
  const n = to - from;
  if (!(n >= 1 && n <= BLOCK_SIZE)) throw new Error(`a block holds 1..${BLOCK_SIZE} points, got ${n}`);
  const values = c.values;
  const chunksAt = HEADER_BYTES;
  let min = 0;
  let max = 0;
  let seen = false;
  for (let ch = 0; ch * CHUNK < n; ch++) {
    let minAt = -1;
    let maxAt = -1;
    for (let i = from + ch * CHUNK; i < to && i < from + (ch + 1) * CHUNK; i++) {
      checkAt(c, i, "points", from);
      if (i > from && !(c.steps[i] > c.steps[i - 1])) {
        throw new Error(`points must have increasing unique steps: points[${i - from}].step ${c.steps[i]} follows ${c.steps[i - 1]}`);
      }
      const v = values[i];
      // Strict comparisons keep the first occurrence, which is what downsample reports.
      // biome-ignore lint/suspicious/noSelfCompare: the NaN test without a call, once per point
      if (v === v) {
        if (minAt < 0 || v < values[minAt]) minAt = i;
        if (maxAt < 0 || v > values[maxAt]) maxAt = i;
      }
    }
    const base = from + ch * CHUNK;
    scratch[chunksAt + 2 * ch] = minAt < 0 ? NO_CHUNK_VALUE : minAt - base;
    scratch[chunksAt + 2 * ch + 1] = maxAt < 0 ? NO_CHUNK_VALUE : maxAt - base;
    if (minAt >= 0) {
      if (!seen || values[minAt] < min) min = values[minAt];
      if (!seen || values[maxAt] > max) max = values[maxAt];
      seen = true;
    }
  }
  let pos = writeSteps(c.steps, from, to, chunksAt + 2 * Math.ceil(n / CHUNK));
  const epochsAt = pos;
  pos = writeEpochs(c.epochs, from, to, pos);
  const timesAt = pos;
  for (let i = from; i < to; i++) timesMs[i - from] = timeToMs(c.times[i]);
  pos = putDeltaTimes(scratch, pos, timesMs, n);
  const valuesAt = pos;
  const kind = writeValues(values, from, to, pos);
  pos = kind.end;

  scratch[0] = FORMAT_VERSION;
  scratch[1] = kind.kind;
  scratchView.setUint16(2, n, true);
  scratchView.setUint16(4, epochsAt, true);
  scratchView.setUint16(6, timesAt, true);
  scratchView.setUint16(8, valuesAt, true);
  return {
    firstStep: c.steps[from],
    lastStep: c.steps[to - 1],
    count: n,
    min: seen ? min : null,
    max: seen ? max : null,
    data: scratch.slice(0, pos),
  };
}

const timesMs = new Float64Array(BLOCK_SIZE);
const valueBits = new Float64Array(BLOCK_SIZE);
const valueWords = new Uint32Array(valueBits.buffer);
const valueBytes = new Uint8Array(valueBits.buffer);
const written = { kind: 0, end: 0 };

function writeValues(values: ArrayLike<number>, from: number, to: number, pos: number): typeof written {
  const n = to - from;
  for (let i = 0; i < n; i++) valueBits[i] = values[from + i];
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = valueWords[2 * i] === valueWords[0] && valueWords[2 * i + 1] === valueWords[1];
  if (constant) {
    writeRaw(pos, 1);
    written.kind = VALUES_CONSTANT;
    written.end = pos + 8;
    return written;
  }
  const w = new BitWriter(scratch, pos);
  const end = putXorValues(w, valueBits, 0, n) ? w.flush() : Infinity;
  if (end - pos < 8 * n) {
    written.kind = VALUES_XOR;
    written.end = end;
    return written;
  }
  writeRaw(pos, n);
  written.kind = VALUES_RAW;
  written.end = pos + 8 * n;
  return written;
}

/** The first n of valueBits, little-endian, at scratch[pos]. */
function writeRaw(pos: number, n: number): void {
  if (LITTLE_ENDIAN) scratch.set(valueBytes.subarray(0, 8 * n), pos);
  else for (let i = 0; i < n; i++) scratchView.setFloat64(pos + 8 * i, valueBits[i], true);
}

// Greedy runs: each run takes as many points as keep the stride of its first two.
function writeSteps(steps: ArrayLike<number>, from: number, to: number, pos: number): number {
  let prevLast = 0;
  for (let i = from; i < to; ) {
    const head = steps[i];
    let len = 1;
    let stride = 0;
    if (i + 1 < to) {
      stride = steps[i + 1] - head;
      len = 2;
      while (i + len < to && steps[i + len] - steps[i + len - 1] === stride) len++;
    }
    pos = putVarint(scratch, pos, len);
    pos = putVarint(scratch, pos, i === from ? head : head - prevLast);
    if (len > 1) pos = putVarint(scratch, pos, stride);
    i += len;
    prevLast = steps[i - 1];
  }
  return pos;
}

// A NaN epoch is none: `e !== e` below.
function writeEpochs(epochs: Float64Array, from: number, to: number, pos: number): number {
  for (let i = from; i < to; ) {
    const e = epochs[i];
    let len = 1;
    let stride = 0;
    // biome-ignore lint/suspicious/noSelfCompare: NaN is no epoch
    if (e !== e) {
      // biome-ignore lint/suspicious/noSelfCompare: NaN is no epoch
      while (i + len < to && epochs[i + len] !== epochs[i + len]) len++;
    } else if (i + 1 < to) {
      const next = epochs[i + 1];
      // biome-ignore lint/suspicious/noSelfCompare: NaN is no epoch
      if (next === next) {
        stride = next - e;
        len = 2;
        for (let prev = next; i + len < to; len++) {
          const x = epochs[i + len];
          // (x − prev !== stride) also holds for a NaN x
          if (x - prev !== stride) break;
          prev = x;
        }
      }
    }
    pos = putVarint(scratch, pos, len);
    // biome-ignore lint/suspicious/noSelfCompare: NaN is no epoch
    const none = e !== e;
    pos = putVarint(scratch, pos, none ? 0 : e + 1);
    if (!none && len > 1) pos = putSigned(scratch, pos, stride);
    i += len;
  }
  return pos;
}

export interface BlockHeader {
  version: number;
  count: number;
  chunksAt: number;
  stepsAt: number;
  epochsAt: number;
  timesAt: number;
  valuesAt: number;
  /** How values are stored (version 2); version 1 stores them raw at valuesAt. */
  valueKind: number;
}

export function readHeader(data: Uint8Array): BlockHeader {
  if (data.length < V1_HEADER_BYTES) throw corrupt(`${data.length} bytes`);
  const version = data[0];
  const count = data[2] + data[3] * 256;
  const epochsAt = data[4] + data[5] * 256;
  const timesAt = data[6] + data[7] * 256;
  if (count < 1 || count > BLOCK_SIZE) throw corrupt(`count ${count}`);
  let h: BlockHeader;
  if (version === 1) {
    const chunksAt = V1_HEADER_BYTES + 8 * count;
    const stepsAt = chunksAt + 2 * Math.ceil(count / CHUNK);
    h = { version, count, chunksAt, stepsAt, epochsAt, timesAt, valuesAt: V1_HEADER_BYTES, valueKind: VALUES_RAW };
    if (!(stepsAt < epochsAt && epochsAt < timesAt && timesAt < data.length)) throw corrupt("bad section offsets");
  } else if (version === 2) {
    if (data.length < HEADER_BYTES) throw corrupt(`${data.length} bytes`);
    const valuesAt = data[8] + data[9] * 256;
    const valueKind = data[1];
    const stepsAt = HEADER_BYTES + 2 * Math.ceil(count / CHUNK);
    h = { version, count, chunksAt: HEADER_BYTES, stepsAt, epochsAt, timesAt, valuesAt, valueKind };
    if (!(stepsAt < epochsAt && epochsAt < timesAt && timesAt < valuesAt && valuesAt < data.length)) throw corrupt("bad section offsets");
    const size = valueKind === VALUES_CONSTANT ? 8 : valueKind === VALUES_RAW ? 8 * count : -1;
    if (valueKind > VALUES_RAW || (size >= 0 && valuesAt + size !== data.length)) throw corrupt("values section");
  } else throw corrupt(`unknown format version ${version}`);
  for (let c = 0; c * CHUNK < count; c++) {
    const size = Math.min(CHUNK, count - c * CHUNK);
    const minAt = data[h.chunksAt + 2 * c];
    const maxAt = data[h.chunksAt + 2 * c + 1];
    if ((minAt === NO_CHUNK_VALUE) !== (maxAt === NO_CHUNK_VALUE) || (minAt !== NO_CHUNK_VALUE && (minAt >= size || maxAt >= size))) {
      throw corrupt("chunk table");
    }
  }
  return h;
}

/**
 * The values column. Version 1: a view on `data` (no copy) when it is 8-aligned on a
 * little-endian host. Version 2: decoded into `into` (a new array by default), which needs
 * room for the block's count.
 */
export function readValues(data: Uint8Array, h: BlockHeader, into?: Float64Array): Float64Array {
  const at = data.byteOffset + h.valuesAt;
  if (h.version === 1 && LITTLE_ENDIAN && at % 8 === 0) return new Float64Array(data.buffer, at, h.count);
  const out = into ?? new Float64Array(h.count);
  if (h.valueKind === VALUES_XOR) {
    if (!readXorValues(data, h.valuesAt, data.length, h.count, out)) throw corrupt("values section");
    return out;
  }
  const raw = h.valueKind === VALUES_RAW ? h.count : 1;
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer, out.byteOffset, 8 * raw).set(data.subarray(h.valuesAt, h.valuesAt + 8 * raw));
  else {
    const view = new DataView(data.buffer, at, 8 * raw);
    for (let i = 0; i < raw; i++) out[i] = view.getFloat64(8 * i, true);
  }
  if (raw === 1) {
    // Word copies, not out.fill(out[0]): bit-exact whatever a NaN's payload.
    const words = new Uint32Array(out.buffer, out.byteOffset, 2 * h.count);
    for (let i = 1; i < h.count; i++) {
      words[2 * i] = words[0];
      words[2 * i + 1] = words[1];
    }
  }
  return out;
}

const lastValue = new Float64Array(1);
const lastValueBytes = new Uint8Array(lastValue.buffer);

/** The value of the block's last point, without decoding the others. */
export function readLastValue(data: Uint8Array, h: BlockHeader): number {
  // An XOR stream starts with the last value's 64 bits, most significant first.
  const bigEndian = h.valueKind === VALUES_XOR;
  const at = h.valueKind === VALUES_RAW ? h.valuesAt + 8 * (h.count - 1) : h.valuesAt;
  for (let k = 0; k < 8; k++) lastValueBytes[bigEndian === LITTLE_ENDIAN ? 7 - k : k] = data[at + k];
  return lastValue[0];
}

/** The steps of a block as its runs, for reading any step, or the index of a step, without expanding them. */
export class StepRuns {
  length = 0;
  readonly start = new Uint16Array(BLOCK_SIZE + 1); // first point index of each run; start[length] = count
  readonly head = new Float64Array(BLOCK_SIZE);
  readonly stride = new Float64Array(BLOCK_SIZE);

  load(data: Uint8Array, h: BlockHeader): this {
    const r = new ByteReader(data, h.stepsAt);
    let i = 0;
    let last = 0;
    let k = 0;
    while (i < h.count) {
      const len = r.varint();
      const gap = r.varint();
      const stride = len > 1 ? r.varint() : 0;
      if (len < 1 || i + len > h.count) throw corrupt("step runs overflow the count");
      this.start[k] = i;
      this.head[k] = k === 0 ? gap : last + gap;
      this.stride[k] = stride;
      last = this.head[k] + (len - 1) * stride;
      i += len;
      k++;
    }
    if (r.pos !== h.epochsAt) throw corrupt("steps section length");
    this.start[k] = h.count;
    this.length = k;
    return this;
  }

  /** The run holding point index i. */
  private runOf(i: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.start[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  at(i: number): number {
    const k = this.runOf(i);
    return this.head[k] + (i - this.start[k]) * this.stride[k];
  }

  /** The number of points with step <= s, i.e. the index of the first step above s. */
  countUpTo(s: number): number {
    let lo = 0;
    let hi = this.length - 1;
    if (s < this.head[0]) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.head[mid] <= s) lo = mid;
      else hi = mid - 1;
    }
    const len = this.start[lo + 1] - this.start[lo];
    const d = s - this.head[lo];
    const stride = this.stride[lo];
    // Exact for integers below 2^53: the division's rounding error is below 1/stride.
    const k = len === 1 ? 0 : Math.min(Math.floor(d / stride), len - 1);
    return this.start[lo] + k + 1;
  }

  fill(out: Float64Array): void {
    for (let k = 0; k < this.length; k++) {
      let s = this.head[k];
      for (let i = this.start[k]; i < this.start[k + 1]; i++, s += this.stride[k]) out[i] = s;
    }
  }
}

/** Reads epochs at increasing point indices, walking the runs once. */
export class EpochCursor {
  private r: ByteReader;
  private h: BlockHeader;
  private runEnd = 0;
  private runStart = 0;
  private tag = 0;
  private stride = 0;

  constructor(data: Uint8Array, h: BlockHeader) {
    this.r = new ByteReader(data, h.epochsAt);
    this.h = h;
  }

  /** The epoch of point i (null for null); i must not decrease between calls. */
  at(i: number): number | null {
    while (i >= this.runEnd) {
      const len = this.r.varint();
      this.tag = this.r.varint();
      this.stride = this.tag > 0 && len > 1 ? this.r.signed() : 0;
      if (len < 1 || this.runEnd + len > this.h.count) throw corrupt("epoch runs overflow the count");
      this.runStart = this.runEnd;
      this.runEnd += len;
      if (this.runEnd === this.h.count && this.r.pos !== this.h.timesAt) throw corrupt("epochs section length");
    }
    return this.tag === 0 ? null : this.tag - 1 + (i - this.runStart) * this.stride;
  }
}

/**
 * Random access to the times of a block, in ms. Version 2 decodes times into `into` (a new
 * array by default, with room for the block's count) as far as the highest one asked for.
 */
export class TimeColumn {
  private data: Uint8Array;
  private base = 0;
  private width = 0;
  private at0 = 0;
  private decoded: Float64Array | null = null;
  private deltas: DeltaTimes | null = null;
  private count: number;

  constructor(data: Uint8Array, h: BlockHeader, into?: Float64Array) {
    this.data = data;
    this.count = h.count;
    if (h.version === 2) {
      this.decoded = into ?? new Float64Array(h.count);
      this.deltas = new DeltaTimes();
      if (!this.deltas.load(data, h.timesAt, h.valuesAt, h.count, this.decoded)) throw corrupt("times section");
      return;
    }
    const r = new ByteReader(data, h.timesAt);
    this.base = r.signed();
    this.width = data[r.pos++];
    this.at0 = r.pos;
    if (!(this.width <= 7) || this.at0 + h.count * this.width !== data.length) throw corrupt("times section length");
  }

  ms(i: number): number {
    if (this.decoded) {
      // To the end of i's 64-point chunk: a call per time would cost more than the decoding.
      if (i >= this.deltas!.decoded && !this.deltas!.decodeTo(Math.min(this.count - 1, i | 63))) throw corrupt("times section");
      return this.decoded[i];
    }
    const w = this.width;
    const data = this.data;
    let p = this.at0 + i * w + w;
    let off = 0;
    while (p > this.at0 + i * w) off = off * 256 + data[--p];
    return this.base + off;
  }
}

const decodeRuns = new StepRuns();
const decodeTimes = new Float64Array(BLOCK_SIZE);

/** Decodes a block's points into `into` from index `at` on; returns the index after the last. */
export function decodeBlockColumns(data: Uint8Array, into: PointColumns, at: number): number {
  const h = readHeader(data);
  const n = h.count;
  const values = into.values.subarray(at, at + n);
  const read = readValues(data, h, values);
  if (read !== values) values.set(read); // a version-1 view: same-type set copies the bits
  decodeRuns.load(data, h).fill(into.steps.subarray(at, at + n));
  const epochs = new EpochCursor(data, h);
  const times = new TimeColumn(data, h, decodeTimes);
  for (let i = 0; i < n; i++) {
    into.epochs[at + i] = epochs.at(i) ?? Number.NaN;
    into.times[at + i] = times.ms(i) / 1000;
  }
  return at + n;
}

export function decodeBlock(data: Uint8Array): Point[] {
  const h = readHeader(data);
  const n = h.count;
  const values = readValues(data, h);
  const steps = new Float64Array(n);
  decodeRuns.load(data, h).fill(steps);
  const epochs = new EpochCursor(data, h);
  const times = new TimeColumn(data, h, decodeTimes);
  const points: Point[] = new Array(n);
  for (let i = 0; i < n; i++) points[i] = { step: steps[i], value: values[i], epoch: epochs.at(i), time: times.ms(i) / 1000 };
  return points;
}

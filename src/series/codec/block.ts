// The binary format of one block: up to BLOCK_SIZE points of one series, one DB row.
// Pure and runtime-agnostic (no node:*, no Buffer) so Workers run it too.
//
// Layout, version 1 (multi-byte integers little-endian):
//
//   0      u8      version (1)
//   1      u8      flags (0; reserved)
//   2      u16     n, the point count (1..1024)
//   4      u16     byte offset of the epochs section
//   6      u16     byte offset of the times section
//   8      f64×n   values, raw IEEE 754: at a fixed 8-aligned offset so readers take a
//                  Float64Array view instead of decoding, and NaN/±Infinity/-0 stay exact.
//   8+8n   chunks  per 64 points: u8 offset of the first minimum, u8 offset of the first
//                  maximum (255: all NaN). Lets downsample find a bucket's extremes without
//                  reading every value (reading 1M floats alone costs ~2 ms on our machines).
//          steps   runs of arithmetic progressions until n points are covered: varint len,
//                  varint head, then varint stride if len > 1. head is the run's first step:
//                  absolute for the first run, else the gap from the previous run's last step.
//                  Evenly spaced steps (the usual 0,1,2,…) are one run.
//          epochs  runs: varint len, varint tag (0 = null, else epoch + 1), then svarint stride
//                  if tag > 0 and len > 1. A constant epoch is one run.
//          times   svarint base (the smallest time, in ms), u8 width w (0..7), then n w-byte
//                  offsets from base. Fixed width, not deltas, so the time of any one point
//                  (a bucket's last) is read without decoding the others: about a byte per
//                  point more than delta varints, which took ~40% of a 1M-point downsample.
//                  w = 0 when all times are equal, 2 for a block spanning up to 65 s.
//
// varint: unsigned LEB128. svarint: bit 0 of the first byte is the sign, bits 1-6 the low 6
// bits of the magnitude, bit 7 "more follows" with the rest of the magnitude as a varint; it
// costs what zigzag costs without computing 2·x, so magnitudes up to 2^53-1 stay exact.
// 32-bit bitwise operators only ever see values known to fit in 32 bits.
//
// Times are kept to the millisecond: a time t reads back as Math.round(t * 1000) / 1000
// (-0 reads back as 0).

export const BLOCK_SIZE = 1024;

export interface Point {
  step: number;
  value: number;
  epoch: number | null;
  time: number;
}

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

export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 8;
export const CHUNK = 64;
export const NO_CHUNK_VALUE = 255;
export const MAX_STEP = Number.MAX_SAFE_INTEGER;
/** Bound on |time| in ms so that differences of two times stay safe integers (~142,000 years). */
export const MAX_TIME_MS = 2 ** 52 - 1;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// Worst case per point: value 8, chunk table 1/32, steps and epochs 10 each (a 1-point run:
// 2-byte len + 8-byte head), time 7. One shared buffer keeps encodeBlock allocation-free
// until the final copy.
const scratch = new Uint8Array(HEADER_BYTES + BLOCK_SIZE * 36 + 16);
const scratchView = new DataView(scratch.buffer);

export function putVarint(buf: Uint8Array, pos: number, v: number): number {
  while (v >= 0x80000000) {
    buf[pos++] = (v % 128) + 128;
    v = Math.floor(v / 128);
  }
  while (v >= 128) {
    buf[pos++] = (v & 127) | 128;
    v >>>= 7;
  }
  buf[pos++] = v;
  return pos;
}

export function putSigned(buf: Uint8Array, pos: number, v: number): number {
  const m = Math.abs(v);
  const low = (m % 64) * 2 + (v < 0 ? 1 : 0);
  const rest = Math.floor(m / 64);
  if (rest === 0) {
    buf[pos++] = low;
    return pos;
  }
  buf[pos++] = low + 128;
  return putVarint(buf, pos, rest);
}

/** A cursor over a block's bytes. Reading past the end yields zeros; callers check where they stop. */
export class ByteReader {
  buf: Uint8Array;
  pos: number;
  constructor(buf: Uint8Array, pos: number) {
    this.buf = buf;
    this.pos = pos;
  }
  varint(): number {
    const buf = this.buf;
    let b = buf[this.pos++];
    if (b < 128) return b;
    let v = b & 127;
    let mul = 128;
    do {
      b = buf[this.pos++] | 0;
      v += (b & 127) * mul;
      mul *= 128;
    } while (b >= 128);
    return v;
  }
  signed(): number {
    const b = this.buf[this.pos++] | 0;
    let m = (b >> 1) & 63;
    if (b >= 128) m += this.varint() * 64;
    return b & 1 ? -m : m;
  }
}

function corrupt(why: string): Error {
  return new Error(`corrupt block: ${why}`);
}

export function timeToMs(time: number): number {
  return Math.round(time * 1000) + 0; // + 0 turns -0 into 0
}

/** Throws unless p can be stored; `where`[`i`] names it in the message. */
export function checkPoint(p: Point, where: string, i: number): void {
  if (!Number.isSafeInteger(p.step) || p.step < 0) throw invalid(where, i, "step", "an integer in 0..2^53-1", p.step);
  if (typeof p.value !== "number") throw invalid(where, i, "value", "a number", p.value);
  if (p.epoch !== null && (!Number.isSafeInteger(p.epoch) || p.epoch < 0)) throw invalid(where, i, "epoch", "null or an integer in 0..2^53-1", p.epoch);
  if (typeof p.time !== "number" || !(Math.abs(timeToMs(p.time)) <= MAX_TIME_MS)) {
    throw invalid(where, i, "time", "finite Unix seconds within ±2^52 ms", p.time);
  }
}

function invalid(where: string, i: number, field: string, rule: string, got: unknown): Error {
  return new Error(`${where}[${i}].${field} must be ${rule}, got ${String(got)}`);
}

/** Packs points (sorted by step, unique, 1..BLOCK_SIZE of them) into a block. Throws on invalid input. */
export function encodeBlock(points: Point[]): Block {
  const n = points.length;
  if (n === 0 || n > BLOCK_SIZE) throw new Error(`a block holds 1..${BLOCK_SIZE} points, got ${n}`);
  const chunksAt = HEADER_BYTES + 8 * n;
  let min = 0;
  let max = 0;
  let seen = false;
  for (let c = 0; c * CHUNK < n; c++) {
    let minAt = -1;
    let maxAt = -1;
    for (let i = c * CHUNK; i < n && i < (c + 1) * CHUNK; i++) {
      const p = points[i];
      checkPoint(p, "points", i);
      if (i > 0 && !(p.step > points[i - 1].step)) {
        throw new Error(`points must have increasing unique steps: points[${i}].step ${p.step} follows ${points[i - 1].step}`);
      }
      const v = p.value;
      scratchView.setFloat64(HEADER_BYTES + 8 * i, v, true);
      // Strict comparisons keep the first occurrence, which is what downsample reports.
      // biome-ignore lint/suspicious/noSelfCompare: the NaN test without a call, once per point
      if (v === v) {
        if (minAt < 0 || v < points[minAt].value) minAt = i;
        if (maxAt < 0 || v > points[maxAt].value) maxAt = i;
      }
    }
    scratch[chunksAt + 2 * c] = minAt < 0 ? NO_CHUNK_VALUE : minAt - c * CHUNK;
    scratch[chunksAt + 2 * c + 1] = maxAt < 0 ? NO_CHUNK_VALUE : maxAt - c * CHUNK;
    if (minAt >= 0) {
      if (!seen || points[minAt].value < min) min = points[minAt].value;
      if (!seen || points[maxAt].value > max) max = points[maxAt].value;
      seen = true;
    }
  }
  let pos = writeSteps(points, chunksAt + 2 * Math.ceil(n / CHUNK));
  const epochsAt = pos;
  pos = writeEpochs(points, pos);
  const timesAt = pos;
  pos = writeTimes(points, pos);

  scratch[0] = FORMAT_VERSION;
  scratch[1] = 0;
  scratchView.setUint16(2, n, true);
  scratchView.setUint16(4, epochsAt, true);
  scratchView.setUint16(6, timesAt, true);
  return {
    firstStep: points[0].step,
    lastStep: points[n - 1].step,
    count: n,
    min: seen ? min : null,
    max: seen ? max : null,
    data: scratch.slice(0, pos),
  };
}

// Greedy runs: each run takes as many points as keep the stride of its first two.
function writeSteps(points: Point[], pos: number): number {
  const n = points.length;
  let prevLast = 0;
  for (let i = 0; i < n; ) {
    const head = points[i].step;
    let len = 1;
    let stride = 0;
    if (i + 1 < n) {
      stride = points[i + 1].step - head;
      len = 2;
      while (i + len < n && points[i + len].step - points[i + len - 1].step === stride) len++;
    }
    pos = putVarint(scratch, pos, len);
    pos = putVarint(scratch, pos, i === 0 ? head : head - prevLast);
    if (len > 1) pos = putVarint(scratch, pos, stride);
    i += len;
    prevLast = points[i - 1].step;
  }
  return pos;
}

function writeEpochs(points: Point[], pos: number): number {
  const n = points.length;
  for (let i = 0; i < n; ) {
    const e = points[i].epoch;
    let len = 1;
    let stride = 0;
    if (e === null) {
      while (i + len < n && points[i + len].epoch === null) len++;
    } else {
      const next = i + 1 < n ? points[i + 1].epoch : null;
      if (next !== null) {
        stride = next - e;
        len = 2;
        for (let prev = next; i + len < n; len++) {
          const x = points[i + len].epoch;
          if (x === null || x - prev !== stride) break;
          prev = x;
        }
      }
    }
    pos = putVarint(scratch, pos, len);
    pos = putVarint(scratch, pos, e === null ? 0 : e + 1);
    if (e !== null && len > 1) pos = putSigned(scratch, pos, stride);
    i += len;
  }
  return pos;
}

const timesMs = new Float64Array(BLOCK_SIZE);

function writeTimes(points: Point[], pos: number): number {
  const n = points.length;
  let base = Infinity;
  let top = -Infinity;
  for (let i = 0; i < n; i++) {
    const ms = (timesMs[i] = timeToMs(points[i].time));
    if (ms < base) base = ms;
    if (ms > top) top = ms;
  }
  let width = 0;
  for (let range = top - base; range > 0; range = Math.floor(range / 256)) width++;
  pos = putSigned(scratch, pos, base);
  scratch[pos++] = width;
  if (width <= 4) {
    // Offsets below 2^32: bitwise ops are exact and much faster.
    for (let i = 0; i < n; i++) for (let k = 0, off = timesMs[i] - base; k < width; k++, off >>>= 8) scratch[pos++] = off & 255;
  } else {
    for (let i = 0; i < n; i++) for (let k = 0, off = timesMs[i] - base; k < width; k++, off = Math.floor(off / 256)) scratch[pos++] = off % 256;
  }
  return pos;
}

export interface BlockHeader {
  count: number;
  chunksAt: number;
  stepsAt: number;
  epochsAt: number;
  timesAt: number;
}

export function readHeader(data: Uint8Array): BlockHeader {
  if (data.length < HEADER_BYTES) throw corrupt(`${data.length} bytes`);
  if (data[0] !== FORMAT_VERSION) throw corrupt(`unknown format version ${data[0]}`);
  const count = data[2] + data[3] * 256;
  const epochsAt = data[4] + data[5] * 256;
  const timesAt = data[6] + data[7] * 256;
  const chunksAt = HEADER_BYTES + 8 * count;
  const stepsAt = chunksAt + 2 * Math.ceil(count / CHUNK);
  if (count < 1 || count > BLOCK_SIZE) throw corrupt(`count ${count}`);
  if (!(stepsAt < epochsAt && epochsAt < timesAt && timesAt < data.length)) throw corrupt("bad section offsets");
  for (let c = 0; c * CHUNK < count; c++) {
    const size = Math.min(CHUNK, count - c * CHUNK);
    const minAt = data[chunksAt + 2 * c];
    const maxAt = data[chunksAt + 2 * c + 1];
    if ((minAt === NO_CHUNK_VALUE) !== (maxAt === NO_CHUNK_VALUE) || (minAt !== NO_CHUNK_VALUE && (minAt >= size || maxAt >= size))) {
      throw corrupt("chunk table");
    }
  }
  return { count, chunksAt, stepsAt, epochsAt, timesAt };
}

/** The values column; a view on `data` (no copy) when it is 8-aligned on a little-endian host. */
export function readValues(data: Uint8Array, h: BlockHeader): Float64Array {
  const at = data.byteOffset + HEADER_BYTES;
  if (LITTLE_ENDIAN && at % 8 === 0) return new Float64Array(data.buffer, at, h.count);
  const view = new DataView(data.buffer, at, 8 * h.count);
  const out = new Float64Array(h.count);
  for (let i = 0; i < h.count; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
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

/** Random access to the times of a block, in ms. */
export class TimeColumn {
  private data: Uint8Array;
  private base: number;
  private width: number;
  private at0: number;

  constructor(data: Uint8Array, h: BlockHeader) {
    const r = new ByteReader(data, h.timesAt);
    this.base = r.signed();
    this.width = data[r.pos++];
    this.at0 = r.pos;
    this.data = data;
    if (!(this.width <= 7) || this.at0 + h.count * this.width !== data.length) throw corrupt("times section length");
  }

  ms(i: number): number {
    const w = this.width;
    const data = this.data;
    let p = this.at0 + i * w + w;
    let off = 0;
    while (p > this.at0 + i * w) off = off * 256 + data[--p];
    return this.base + off;
  }
}

const decodeRuns = new StepRuns();

export function decodeBlock(data: Uint8Array): Point[] {
  const h = readHeader(data);
  const n = h.count;
  const values = readValues(data, h);
  const steps = new Float64Array(n);
  decodeRuns.load(data, h).fill(steps);
  const epochs = new EpochCursor(data, h);
  const times = new TimeColumn(data, h);
  const points: Point[] = new Array(n);
  for (let i = 0; i < n; i++) points[i] = { step: steps[i], value: values[i], epoch: epochs.at(i), time: times.ms(i) / 1000 };
  return points;
}

// The version-1 writers of blocks and chunk summaries, as src/series/codec wrote them before
// version 2: the server only writes version 2 now, but must still read version 1, so the
// tests write version-1 data with these (test/blocks-v2.test.ts, and the committed fixture
// made by scripts/make-blocks-v1-fixture.ts) and check that it reads back exactly.
import { putSigned, putVarint } from "../../src/series/codec/bits.ts";
import { BLOCK_SIZE, type Block, CHUNK, NO_CHUNK_VALUE, type Point, timeToMs } from "../../src/series/codec/block.ts";

const HEADER_BYTES = 8;
const CHUNKS_PER_BLOCK = BLOCK_SIZE / CHUNK;

// Worst case per point: value 8, chunk table 1/32, steps and epochs 10 each (a 1-point run:
// 2-byte len + 8-byte head), time 7. One shared buffer keeps encodeBlock allocation-free
// until the final copy.
const scratch = new Uint8Array(HEADER_BYTES + BLOCK_SIZE * 36 + 16);
const scratchView = new DataView(scratch.buffer);

/** A version-1 block of valid points (sorted by step, unique, 1..BLOCK_SIZE of them). */
export function encodeBlockV1(points: Point[]): Block {
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

  scratch[0] = 1;
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

// Worst case per chunk: count 1, four step varints of up to 8, three f64, epoch varint 8,
// time svarint 9: 74 bytes.
const summaryScratch = new Uint8Array(3 + 8 + CHUNKS_PER_BLOCK * 96);
const summaryView = new DataView(summaryScratch.buffer);

/** A version-1 summary of one block's points (as encodeBlockV1 takes them). */
export function encodeSummaryV1(points: Point[]): Uint8Array {
  const n = points.length;
  const k = Math.ceil(n / CHUNK);
  summaryScratch[0] = 1;
  summaryScratch[1] = k;
  let pos = putVarint(summaryScratch, 2, points[0].step);
  let prevLast = points[0].step;
  let prevTime = 0;
  for (let c = 0; c < k; c++) {
    const i0 = c * CHUNK;
    const i1 = Math.min(n, i0 + CHUNK);
    let minAt = -1;
    let maxAt = -1;
    for (let i = i0; i < i1; i++) {
      const v = points[i].value;
      // Strict comparisons keep the first occurrence, as downsample reports it.
      // biome-ignore lint/suspicious/noSelfCompare: the NaN test without a call, once per point
      if (v === v) {
        if (minAt < 0 || v < points[minAt].value) minAt = i;
        if (maxAt < 0 || v > points[maxAt].value) maxAt = i;
      }
    }
    const first = points[i0].step;
    const last = points[i1 - 1];
    summaryScratch[pos++] = i1 - i0;
    pos = putVarint(summaryScratch, pos, first - prevLast);
    pos = putVarint(summaryScratch, pos, last.step - first);
    if (minAt < 0) summaryScratch[pos++] = 0;
    else {
      pos = putVarint(summaryScratch, pos, points[minAt].step - first + 1);
      pos = putVarint(summaryScratch, pos, points[maxAt].step - first);
      summaryView.setFloat64(pos, points[minAt].value, true);
      summaryView.setFloat64(pos + 8, points[maxAt].value, true);
      pos += 16;
    }
    summaryView.setFloat64(pos, last.value, true);
    pos += 8;
    pos = putVarint(summaryScratch, pos, last.epoch === null ? 0 : last.epoch + 1);
    const ms = timeToMs(last.time);
    pos = putSigned(summaryScratch, pos, ms - prevTime);
    prevTime = ms;
    prevLast = last.step;
  }
  return summaryScratch.slice(0, pos);
}

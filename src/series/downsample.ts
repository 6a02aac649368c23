// Downsampling a series to at most n buckets straight from its blocks. This is the read path
// of plots over long series (1M points → 1,000 buckets), so it works on typed arrays and
// allocates per block and per bucket, never per point. A block lying inside one bucket is
// taken from its min/max metadata and its last value unless it could hold a new bucket
// extreme, and whole 64-point chunks come from the block's chunk table, so most values are
// never compared (a block's values are decoded once, when any but its last is needed).
import {
  BLOCK_SIZE,
  type Block,
  type BlockHeader,
  CHUNK,
  EpochCursor,
  MAX_STEP,
  NO_CHUNK_VALUE,
  type Point,
  readHeader,
  readLastValue,
  readValues,
  StepRuns,
  TimeColumn,
} from "./codec/block.ts";

/**
 * One bucket: steps start..end (end is clipped to the last step in range). min/max ignore NaN
 * (null when every value is NaN) and minStep/maxStep are where they first occur, so a spike
 * survives downsampling; `last` is the point with the highest step.
 */
export interface Bucket {
  start: number;
  end: number;
  count: number;
  min: number | null;
  max: number | null;
  minStep: number | null;
  maxStep: number | null;
  last: Point;
}

/**
 * Equal-width buckets over lo..hi. Steps reach 2^53-1: the width is computed with BigInt (the
 * span can be 2^53), bucket starts k·width stay below 2^53 so they are exact, and floor(d / w)
 * is exact for integers d < 2^53 because the division's rounding error is below 1/w.
 */
class Geometry {
  lo: number;
  hi: number;
  width: number;
  lastK: number;
  constructor(lo: number, hi: number, n: number) {
    const span = BigInt(hi - lo + 1);
    const width = (span + BigInt(n) - 1n) / BigInt(n);
    this.lo = lo;
    this.hi = hi;
    this.width = Number(width);
    this.lastK = Number((span + width - 1n) / width) - 1;
  }
  indexOf(step: number): number {
    return Math.floor((step - this.lo) / this.width);
  }
  endOf(k: number): number {
    return k === this.lastK ? this.hi : this.lo + (k + 1) * this.width - 1;
  }
}

/** Extremes of a segment of one block; minAt/maxAt are point indices, -1 when all NaN. */
class Extremes {
  min = 0;
  max = 0;
  minAt = -1;
  maxAt = -1;
}

/** The bucket being filled; its last point gets epoch and time only after the scan. */
class Accumulator {
  k = -1;
  end = -1;
  count = 0;
  min = 0;
  max = 0;
  minStep = -1; // -1: no non-NaN value yet
  maxStep = -1;
  lastStep = 0;
  lastValue = 0;
  lastBlock = 0;
  lastIndex = 0;
}

const runs = new StepRuns();
const segment = new Extremes();
const blockValues = new Float64Array(BLOCK_SIZE);
const blockTimes = new Float64Array(BLOCK_SIZE);

/**
 * The whole steps a read's bounds take in: steps are integers in 0..2^53-1, and whole bounds
 * in that range keep all step arithmetic exact.
 */
export function stepBounds(from = 0, to = MAX_STEP): [number, number] {
  if (Number.isNaN(from) || Number.isNaN(to)) throw new Error("from/to must be numbers");
  return [Math.max(0, Math.ceil(from)), Math.min(MAX_STEP, Math.floor(to))];
}

export function downsample(blocks: Block[], n: number, rangeFrom = 0, rangeTo = MAX_STEP): Bucket[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`n must be a positive integer, got ${n}`);
  const [from, to] = stepBounds(rangeFrom, rangeTo);
  const first = firstEndingAtOrAfter(blocks, from);
  const last = lastStartingAtOrBefore(blocks, to);
  if (first > last) return [];
  const firstHeader = readHeader(blocks[first].data);
  const i0 = runs.load(blocks[first].data, firstHeader).countUpTo(from - 1);
  const lo = runs.at(i0); // blocks[first].lastStep >= from, so i0 is inside the block
  if (lo > to) return [];
  const lastHeader = readHeader(blocks[last].data);
  const end1 = runs.load(blocks[last].data, lastHeader).countUpTo(to);
  const hi = runs.at(end1 - 1);

  const geo = new Geometry(lo, hi, n);
  const acc = new Accumulator();
  const out: Bucket[] = [];
  const pendingBlock: number[] = [];
  const pendingIndex: number[] = [];
  const close = () => {
    if (acc.count === 0) return;
    out.push({
      start: geo.lo + acc.k * geo.width,
      end: acc.end,
      count: acc.count,
      min: acc.minStep < 0 ? null : acc.min,
      max: acc.maxStep < 0 ? null : acc.max,
      minStep: acc.minStep < 0 ? null : acc.minStep,
      maxStep: acc.maxStep < 0 ? null : acc.maxStep,
      last: { step: acc.lastStep, value: acc.lastValue, epoch: null, time: 0 },
    });
    pendingBlock.push(acc.lastBlock);
    pendingIndex.push(acc.lastIndex);
  };
  const enter = (step: number) => {
    close();
    acc.k = geo.indexOf(step);
    acc.end = geo.endOf(acc.k);
    acc.count = 0;
    acc.minStep = acc.maxStep = -1;
  };
  const take = (b: number, lastValue: number, i: number, j: number, lastStep: number) => {
    acc.count += j - i;
    acc.lastStep = lastStep;
    acc.lastValue = lastValue;
    acc.lastBlock = b;
    acc.lastIndex = j - 1;
  };

  for (let b = first; b <= last; b++) {
    const block = blocks[b];
    const data = block.data;
    const h = readHeader(data);
    if (block.firstStep >= lo && block.lastStep <= hi) {
      if (block.firstStep > acc.end) enter(block.firstStep);
      if (block.lastStep <= acc.end) {
        // The whole block falls in this bucket: its metadata tells whether it can matter.
        if (couldSetExtreme(acc, block)) {
          segmentExtremes(data, h, readValues(data, h, blockValues), 0, h.count, segment);
          mergeExtremes(acc, segment, runs.load(data, h));
        }
        take(b, readLastValue(data, h), 0, h.count, block.lastStep);
        continue;
      }
    }
    const values = readValues(data, h, blockValues);
    runs.load(data, h);
    let i = b === first ? i0 : 0;
    const end = b === last ? end1 : h.count;
    while (i < end) {
      const step = runs.at(i);
      if (step > acc.end) enter(step);
      const j = Math.min(end, runs.countUpTo(acc.end));
      segmentExtremes(data, h, values, i, j, segment);
      mergeExtremes(acc, segment, runs);
      take(b, values[j - 1], i, j, runs.at(j - 1));
      i = j;
    }
  }
  close();
  resolveLastPoints(blocks, out, pendingBlock, pendingIndex);
  return out;
}

// Metadata min/max may have passed through a REAL column (where -0 can become 0), so they only
// decide whether to look; the reported extremes always come from the block's own values.
function couldSetExtreme(acc: Accumulator, block: Block): boolean {
  if (block.min !== null && (acc.minStep < 0 || block.min < acc.min)) return true;
  if (block.max !== null && (acc.maxStep < 0 || block.max > acc.max)) return true;
  return false;
}

/** Extremes of values[i..j): whole 64-point chunks come from the block's chunk table, only the ragged ends are scanned. */
function segmentExtremes(data: Uint8Array, h: BlockHeader, values: Float64Array, i: number, j: number, out: Extremes): void {
  let min = 0;
  let max = 0;
  let minAt = -1;
  let maxAt = -1;
  while (i < j) {
    if (i % CHUNK === 0 && i + CHUNK <= j) {
      const c = h.chunksAt + (i / CHUNK) * 2;
      if (data[c] !== NO_CHUNK_VALUE) {
        const a = i + data[c];
        const z = i + data[c + 1];
        if (minAt < 0 || values[a] < min) {
          min = values[a];
          minAt = a;
        }
        if (maxAt < 0 || values[z] > max) {
          max = values[z];
          maxAt = z;
        }
      }
      i += CHUNK;
      continue;
    }
    const stop = Math.min(j, i - (i % CHUNK) + CHUNK);
    for (; i < stop; i++) {
      const v = values[i];
      // biome-ignore lint/suspicious/noSelfCompare: the NaN test without a call, once per point
      if (v < min || (minAt < 0 && v === v)) {
        min = v;
        minAt = i;
      }
      // biome-ignore lint/suspicious/noSelfCompare: the NaN test without a call, once per point
      if (v > max || (maxAt < 0 && v === v)) {
        max = v;
        maxAt = i;
      }
    }
  }
  out.min = min;
  out.max = max;
  out.minAt = minAt;
  out.maxAt = maxAt;
}

/** Folds a later segment into the bucket; strict comparisons keep the earliest step on ties. */
function mergeExtremes(acc: Accumulator, seg: Extremes, steps: StepRuns): void {
  if (seg.minAt >= 0 && (acc.minStep < 0 || seg.min < acc.min)) {
    acc.min = seg.min;
    acc.minStep = steps.at(seg.minAt);
  }
  if (seg.maxAt >= 0 && (acc.maxStep < 0 || seg.max > acc.max)) {
    acc.max = seg.max;
    acc.maxStep = steps.at(seg.maxAt);
  }
}

/** Fills in epoch and time of each bucket's last point, walking each block's epochs once. */
function resolveLastPoints(blocks: Block[], out: Bucket[], pendingBlock: number[], pendingIndex: number[]): void {
  for (let q = 0; q < out.length; ) {
    const data = blocks[pendingBlock[q]].data;
    const h = readHeader(data);
    const epochs = new EpochCursor(data, h);
    const times = new TimeColumn(data, h, blockTimes);
    const b = pendingBlock[q];
    for (; q < out.length && pendingBlock[q] === b; q++) {
      out[q].last.epoch = epochs.at(pendingIndex[q]);
      out[q].last.time = times.ms(pendingIndex[q]) / 1000;
    }
  }
}

/** Index of the first block with lastStep >= step (blocks.length if none). */
export function firstEndingAtOrAfter(blocks: Block[], step: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid].lastStep < step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last block with firstStep <= step (-1 if none). */
export function lastStartingAtOrBefore(blocks: Block[], step: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid].firstStep <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// Metric series storage as blocks: up to BLOCK_SIZE points of one series per DB row, so an
// ingest writes a few rows instead of one per point, NaN survives (SQLite turns it into NULL),
// and long reads can use block summaries. This module is pure: it plans which rows to
// rewrite and packs/unpacks them; src/services/ does the SQL. Format: ./blocks-codec.ts.
import {
  BLOCK_SIZE,
  checkPoint,
  decodeBlock,
  encodeBlock,
  EpochCursor,
  MAX_STEP,
  readHeader,
  readValues,
  TimeColumn,
  type Block,
  type Point,
} from "./blocks-codec.ts";
import { firstEndingAtOrAfter } from "./blocks-downsample.ts";
import { encodeSummary } from "./blocks-summary.ts";

export { BLOCK_SIZE, CHUNK, decodeBlock, encodeBlock } from "./blocks-codec.ts";
export type { Block, BlockMeta, Point } from "./blocks-codec.ts";
export { downsample, firstEndingAtOrAfter } from "./blocks-downsample.ts";
export type { Bucket } from "./blocks-downsample.ts";
export { ChunkSummaries, decodeSummary, downsampleSummaries, encodeSummary } from "./blocks-summary.ts";

/** A block as written: with the chunk summaries stored beside it (./blocks-summary.ts). */
export interface BlockWithSummary extends Block {
  summary: Uint8Array;
}

export interface WritePlan {
  /** firstStep of each touched block to delete. */
  remove: number[];
  insert: BlockWithSummary[];
}

/**
 * Merges incoming points into the blocks they touch. `touched` must hold every existing block
 * whose range intersects [minIncomingStep, maxIncomingStep] plus the block just before
 * minIncomingStep (if any), sorted by firstStep. `incoming` may be unsorted and repeat a step:
 * the last occurrence wins, and an incoming step that already exists overwrites it. Throws,
 * planning nothing, if any incoming point is invalid.
 */
export function planWrite(touched: Block[], incoming: Point[]): WritePlan {
  if (incoming.length === 0) return { remove: [], insert: [] };
  const fresh = sortedUnique(incoming);
  const minIn = fresh[0].step;
  const maxIn = fresh[fresh.length - 1].step;

  let prev: Block | undefined;
  const hit: Block[] = [];
  for (const b of touched) {
    if (b.lastStep < minIn) prev = b;
    else if (b.firstStep <= maxIn) hit.push(b);
  }
  // Fill the previous block only when points land between it and the next touched block:
  // that is the append case, and otherwise an overwrite would rewrite a neighbour for nothing.
  const absorbPrev = prev !== undefined && prev.count < BLOCK_SIZE && (hit.length === 0 || minIn < hit[0].firstStep);
  const rewrite = prev && absorbPrev ? [prev, ...hit] : hit;

  const merged = rewrite.length === 0 ? fresh : mergeByStep(rewrite.flatMap((b) => decodeBlock(b.data)), fresh);
  // Appending past the rewritten range: fill blocks to the brim, the tail block will grow with
  // the next append. Inserting inside it: split evenly, leaving room for the next insert
  // instead of a trail of 1-point blocks.
  const appending = rewrite.length === 0 || maxIn > rewrite[rewrite.length - 1].lastStep;
  const sizes = appending ? fullChunks(merged.length) : evenChunks(merged.length);
  const insert: BlockWithSummary[] = [];
  let at = 0;
  for (const size of sizes) {
    const points = merged.slice(at, at + size);
    const block = encodeBlock(points); // validates the points, so encodeSummary may trust them
    insert.push({ ...block, summary: encodeSummary(points) });
    at += size;
  }
  return { remove: rewrite.map((b) => b.firstStep), insert };
}

/** Validates, sorts by step and keeps the last occurrence of each step. */
function sortedUnique(incoming: Point[]): Point[] {
  let sorted = true;
  for (let i = 0; i < incoming.length; i++) {
    checkPoint(incoming[i], "incoming", i);
    if (i > 0 && incoming[i].step <= incoming[i - 1].step) sorted = false;
  }
  if (sorted) return incoming;
  const order = incoming.map((_, i) => i);
  order.sort((a, b) => incoming[a].step - incoming[b].step || a - b);
  const out: Point[] = [];
  for (const i of order) {
    const p = incoming[i];
    if (out.length > 0 && out[out.length - 1].step === p.step) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** Merges two step-sorted lists; on equal steps `winners` wins. */
function mergeByStep(existing: Point[], winners: Point[]): Point[] {
  const out: Point[] = [];
  let i = 0;
  let j = 0;
  while (i < existing.length && j < winners.length) {
    const a = existing[i].step;
    const b = winners[j].step;
    if (a < b) out.push(existing[i++]);
    else {
      if (a === b) i++;
      out.push(winners[j++]);
    }
  }
  while (i < existing.length) out.push(existing[i++]);
  while (j < winners.length) out.push(winners[j++]);
  return out;
}

function fullChunks(total: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= BLOCK_SIZE) sizes.push(Math.min(left, BLOCK_SIZE));
  return sizes;
}

function evenChunks(total: number): number[] {
  const k = Math.ceil(total / BLOCK_SIZE);
  const sizes: number[] = [];
  for (let i = 0; i < k; i++) sizes.push(Math.floor((total * (i + 1)) / k) - Math.floor((total * i) / k));
  return sizes;
}

export interface SeriesSummary {
  count: number;
  firstStep: number | null;
  lastStep: number | null;
  last: Point | null;
  min: number | null;
  max: number | null;
}

/** Summary of a series from its blocks (sorted by firstStep): metadata, plus the last block for `last`. */
export function summarize(blocks: Block[]): SeriesSummary {
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

/** Raw points with from <= step <= to, in step order (blocks sorted by firstStep). */
export function readRange(blocks: Block[], from = 0, to = MAX_STEP): Point[] {
  if (Number.isNaN(from) || Number.isNaN(to)) throw new Error("from/to must be numbers");
  const first = firstEndingAtOrAfter(blocks, from);
  let end = first;
  let upTo = 0;
  for (; end < blocks.length && blocks[end].firstStep <= to; end++) upTo += blocks[end].count;
  // Sized up front: growing an array of a million points costs more than decoding them.
  const out: Point[] = new Array(upTo);
  let k = 0;
  for (let b = first; b < end; b++) {
    for (const p of decodeBlock(blocks[b].data)) if (p.step >= from && p.step <= to) out[k++] = p;
  }
  out.length = k;
  return out;
}

// Metric series storage as blocks: up to BLOCK_SIZE points of one series per DB row, so an
// ingest writes a few rows instead of one per point, NaN survives (SQLite turns it into NULL),
// and long reads can use block summaries. This module is pure: it plans which rows to
// rewrite and packs/unpacks them; ./store.ts does the SQL. Format: ./codec/block.ts.
import { BLOCK_SIZE, type Block, decodeBlock, encodeBlock, MAX_STEP, type Point } from "./codec/block.ts";
import { encodeSummary } from "./codec/chunk-summary.ts";
import { firstEndingAtOrAfter } from "./downsample.ts";

/** A block as written: with the chunk summaries stored beside it (./blocks-summary.ts). */
export interface BlockWithSummary extends Block {
  summary: Uint8Array;
}

export interface WritePlan {
  /** firstStep of each touched block to delete. */
  remove: number[];
  insert: BlockWithSummary[];
  /** The point with the highest step among those written (null for no points): the series' last point when it reaches past the old last step. */
  last: Point | null;
}

/**
 * Merges incoming points into the blocks they touch. `touched` must hold every existing block
 * whose range intersects [minIncomingStep, maxIncomingStep] plus the block just before
 * minIncomingStep (if any), sorted by firstStep. `incoming` may be unsorted and repeat a step:
 * the last occurrence wins, and an incoming step that already exists overwrites it. Points
 * are validated where they enter (the API); the codec asserts, so an invalid one throws
 * before anything is planned.
 */
export function planWrite(touched: Block[], incoming: Point[]): WritePlan {
  if (incoming.length === 0) return { remove: [], insert: [], last: null };
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

  const merged =
    rewrite.length === 0
      ? fresh
      : mergeByStep(
          rewrite.flatMap((b) => decodeBlock(b.data)),
          fresh,
        );
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
  return { remove: rewrite.map((b) => b.firstStep), insert, last: merged[merged.length - 1] };
}

/** Sorts by step and keeps the last occurrence of each step. */
function sortedUnique(incoming: Point[]): Point[] {
  let sorted = true;
  for (let i = 1; i < incoming.length && sorted; i++) if (incoming[i].step <= incoming[i - 1].step) sorted = false;
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

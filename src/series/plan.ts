// Metric series storage as blocks: up to BLOCK_SIZE points of one series per DB row, so an
// ingest writes a few rows instead of one per point, NaN survives (SQLite turns it into NULL),
// and long reads can use block summaries. This module is pure: it plans which rows to
// rewrite and packs/unpacks them; ./store.ts does the SQL. Format: ./codec/block.ts.
import { BLOCK_SIZE, type Block, decodeBlock, decodeBlockColumns, encodeBlockColumns, MAX_STEP, type Point } from "./codec/block.ts";
import { encodeSummaryColumns } from "./codec/chunk-summary.ts";
import { allocColumns, copyPoint, headOf, type PointColumns, pointAt } from "./codec/columns.ts";
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
export function planWrite(touched: Block[], incoming: PointColumns): WritePlan {
  if (incoming.steps.length === 0) return { remove: [], insert: [], last: null };
  const fresh = sortedUnique(incoming);
  const freshCount = fresh.steps.length;
  const minIn = fresh.steps[0];
  const maxIn = fresh.steps[freshCount - 1];

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

  const merged = rewrite.length === 0 ? fresh : mergeByStep(decodeAll(rewrite), fresh);
  const total = merged.steps.length;
  // Appending past the rewritten range: fill blocks to the brim, the tail block will grow with
  // the next append. Inserting inside it: split evenly, leaving room for the next insert
  // instead of a trail of 1-point blocks.
  const appending = rewrite.length === 0 || maxIn > rewrite[rewrite.length - 1].lastStep;
  const sizes = appending ? fullChunks(total) : evenChunks(total);
  const insert: BlockWithSummary[] = [];
  let at = 0;
  for (const size of sizes) {
    const block = encodeBlockColumns(merged, at, at + size); // validates the points, so the summary may trust them
    insert.push({ ...block, summary: encodeSummaryColumns(merged, at, at + size) });
    at += size;
  }
  return { remove: rewrite.map((b) => b.firstStep), insert, last: pointAt(merged, total - 1) };
}

/** The points of consecutive blocks, in order. */
function decodeAll(blocks: readonly Block[]): PointColumns {
  const out = allocColumns(blocks.reduce((n, b) => n + b.count, 0));
  let at = 0;
  for (const b of blocks) at = decodeBlockColumns(b.data, out, at);
  return at === out.steps.length ? out : headOf(out, at);
}

/** Sorted by step, the last occurrence of each step kept: the columns themselves when they already are. */
function sortedUnique(incoming: PointColumns): PointColumns {
  const steps = incoming.steps;
  const n = steps.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (!(steps[i] > steps[i - 1])) sorted = false;
  if (sorted) return incoming;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => steps[a] - steps[b] || a - b);
  const out = allocColumns(n);
  let k = 0;
  for (const i of order) {
    if (k > 0 && out.steps[k - 1] === steps[i]) k--; // a later occurrence of the same step wins
    copyPoint(incoming, i, out, k++);
  }
  return headOf(out, k);
}

/** Merges two step-sorted column sets; on equal steps `winners` wins. */
function mergeByStep(existing: PointColumns, winners: PointColumns): PointColumns {
  const a = existing.steps;
  const b = winners.steps;
  const out = allocColumns(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) copyPoint(existing, i++, out, k++);
    else {
      if (a[i] === b[j]) i++;
      copyPoint(winners, j++, out, k++);
    }
  }
  while (i < a.length) copyPoint(existing, i++, out, k++);
  while (j < b.length) copyPoint(winners, j++, out, k++);
  return headOf(out, k);
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

// The read planner: which stored form answers a read. A long series read whole is
// downsampled from its summary levels (./levels-read.ts) or its chunk summaries (no block
// data fetched), a long range from the chunk summaries of the blocks inside it; other
// downsampled reads and raw pages decode blocks, from the block cache when the series'
// version is cached.

import type { BlockCache } from "./cache.ts";
import type { SeriesRow } from "./catalog.ts";
import type { Block, Point } from "./codec/block.ts";
import { CHUNK } from "./codec/block.ts";
import { downsampleSummaries } from "./codec/chunk-summary.ts";
import { type Bucket, downsample, firstEndingAtOrAfter, stepBounds } from "./downsample.ts";
import { levelFor, readLevelEntries } from "./levels-read.ts";
import { readRange } from "./plan.ts";
import { type Executor, readBlocks, readChunkSummaries, readRangeSummaries } from "./store.ts";

export interface SeriesSource {
  client: Executor;
  blockCache?: BlockCache;
}

export interface ReadRange {
  from?: number;
  to?: number;
}

/** At most `n` buckets over [from, to], each with count, min, max (NaN ignored) and its last point. */
export async function downsampleSeries({ client, blockCache }: SeriesSource, series: SeriesRow, n: number, range: ReadRange = {}): Promise<Bucket[]> {
  const { pk, version } = series;
  const whole = range.from === undefined && range.to === undefined;
  // A series long enough that a summary level has ENTRIES_PER_BUCKET entries a bucket: those
  // entries, O(n) of them however long the series. A series whose levels cover too little
  // (stored before levels existed) falls through to its chunk summaries.
  const level = whole ? levelFor(series.summary.count, n) : 0;
  if (level > 0) {
    let cached = blockCache?.get("levels", pk, version);
    if (cached?.level !== level) {
      const entries = await readLevelEntries(client, series, level);
      cached = entries ? { level, entries } : undefined;
      if (cached) blockCache?.set("levels", pk, version, cached);
    }
    if (cached) return downsampleSummaries(cached.entries, n);
  }
  // A long series read whole: buckets of whole 64-point chunks from the stored chunk
  // summaries, without fetching the blocks' data (~10 MB for 1M points). Every chunk holds
  // at most 64 points, so count >= 2·64·n means buckets average at least 2 chunks. The
  // choice depends only on the series and the request, never on what is cached.
  if (whole && series.summary.count >= 2 * CHUNK * n) {
    let chunks = blockCache?.get("chunks", pk, version);
    if (!chunks) {
      chunks = await readChunkSummaries(client, pk);
      blockCache?.set("chunks", pk, version, chunks);
    }
    return downsampleSummaries(chunks, n);
  }
  if (!whole) {
    // A long range: buckets of whole chunks too, from the chunk summaries of the blocks inside
    // it and of the in-range part of the two blocks its ends cut, when the range holds at
    // least 2·64·n points (decoding every block of a 1M-point range cost ~15 ms; its summaries
    // ~3). Tried when the series' density says the range may hold that many.
    const [from, to] = stepBounds(range.from, range.to);
    if (from <= to && pointsIn(series, from, to) >= 2 * CHUNK * n) {
      const chunks = await readRangeSummaries(client, pk, from, to);
      if (chunks.points() >= 2 * CHUNK * n) return downsampleSummaries(chunks, n);
    }
  }
  let blocks = blockCache?.get("blocks", pk, version);
  if (!blocks && whole) {
    blocks = await readBlocks(client, pk);
    blockCache?.set("blocks", pk, version, blocks);
  }
  blocks ??= await readBlocks(client, pk, range.from, range.to);
  return downsample(blocks, n, range.from, range.to);
}

/** How many of the series' points steps from..to would hold if its points were spread evenly over its steps. */
function pointsIn(series: SeriesRow, from: number, to: number): number {
  const { count, firstStep, lastStep } = series.summary;
  if (firstStep === null || lastStep === null) return 0;
  const overlap = Math.min(to, lastStep) - Math.max(from, firstStep) + 1;
  return overlap <= 0 ? 0 : (count * overlap) / (lastStep - firstStep + 1);
}

/** Up to `limit` raw points from step `from` on (to `to`), and the step the next page starts at (null: no more). */
export async function readPoints(
  { client, blockCache }: SeriesSource,
  series: SeriesRow,
  from: number,
  to: number,
  limit: number,
): Promise<{ points: Point[]; nextStep: number | null }> {
  const cached = blockCache?.get("blocks", series.pk, series.version);
  // Up to 16 blocks ending at or after `step`: from the cache when the series is cached.
  const blocksFrom = async (step: number): Promise<Block[]> => {
    if (!cached) return readBlocks(client, series.pk, step, to, 16);
    const first = firstEndingAtOrAfter(cached, step);
    return cached.slice(first, first + 16).filter((b) => b.firstStep <= to);
  };
  // Read blocks in small batches until the page (plus one point, to know whether another
  // page exists) is full.
  const page: Point[] = [];
  let next = from;
  while (page.length <= limit && next <= to) {
    const blocks = await blocksFrom(next);
    if (!blocks.length) break;
    page.push(...readRange(blocks, next, to));
    next = blocks[blocks.length - 1].lastStep + 1;
  }
  return { points: page.slice(0, limit), nextStep: page.length > limit ? page[limit].step : null };
}

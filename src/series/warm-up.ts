// What a host runs before its first request, so that the first downsampled read does not pay
// for the engine's first use: V8 compiles a function lazily on its first call and optimises
// it only once it has run hot, and the embedded host prepares each statement on its first use
// (src/hosts/node-statements.ts). A first read in a fresh process spent most of its time there
// (bench/RESULTS.md, "Cold start"). A synthetic series is run through the read paths (summary
// level entries, chunk summaries, and blocks), and each read statement is issued for a series that cannot exist:
// nothing is read or written.

import { findSeries } from "./catalog.ts";
import { BLOCK_SIZE, decodeBlock, encodeBlock, type Point } from "./codec/block.ts";
import { decodeSummary, downsampleSummaries, encodeSummary } from "./codec/chunk-summary.ts";
import { decodeLevel, encodeLevel } from "./codec/level-summary.ts";
import { type Bucket, downsample } from "./downsample.ts";
import { readLevelEntries } from "./levels-read.ts";
import { type Executor, readBlocks, readChunkSummaries } from "./store.ts";

const SENTINEL_PK = -1;
// The synthetic series: 16 blocks' chunk summaries (256 chunks), decoded and downsampled
// ROUNDS times, enough for V8 to optimise the summary path a long series' read takes; the
// block path (short series, ranged reads) runs once over two blocks, as encoding blocks is the
// costly part of building them. bench/RESULTS.md ("Cold start") has what each costs.
const BLOCKS = 16;
const ENCODED_BLOCKS = 2;
export const WARM_UP_ROUNDS = 40;

/** Decodes and downsamples a synthetic series both ways a read does; the buckets, for the caller's encoders. */
export function exerciseReadPath(): Bucket[] {
  const blocks = [];
  const summaries = [];
  for (let b = 0; b < BLOCKS; b++) {
    const points: Point[] = [];
    for (let i = 0; i < BLOCK_SIZE; i++) {
      const step = b * BLOCK_SIZE + i;
      // Noisy values and a constant block: real series take every branch of the summary
      // codec (extremes stored or implied by the last value), and a decoder optimised on
      // one kind alone is deoptimised by the first real read (~4 ms instead of ~1 for 1M points).
      const value = b % 4 === 3 ? 0.5 : Math.sin(step * 0.37) * (1 + (step % 13) / 13);
      points.push({ step, value, epoch: b % 8 === 5 ? null : step >> 10, time: 1_764_147_000 + step / 100 + (step % 3) / 1000 });
    }
    if (b < ENCODED_BLOCKS) blocks.push(encodeBlock(points));
    summaries.push(encodeSummary(points));
  }
  decodeBlock(blocks[0].data);
  downsample(blocks, 100);
  const bytes = new Uint8Array(summaries.reduce((n, s) => n + s.length, 0));
  let at = 0;
  for (const s of summaries) {
    bytes.set(s, at);
    at += s.length;
  }
  // The chunks as the entries of one level row: the same bucketing, another decoder.
  const level = encodeLevel(decodeSummary(bytes), -1);
  let buckets: Bucket[] = [];
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    downsampleSummaries(decodeLevel(level), 100);
    buckets = downsampleSummaries(decodeSummary(bytes), 100);
  }
  return buckets;
}

/** Issues the read path's statements for a series that does not exist, so the driver prepares them. */
export async function prepareReadStatements(client: Executor): Promise<void> {
  await findSeries(client, [SENTINEL_PK], [{ name: "", context: "{}" }]);
  await readChunkSummaries(client, SENTINEL_PK);
  const summary = { name: "", context: "{}", count: 1, firstStep: 0, lastStep: 0, last: 0, min: 0, max: 0, lastTime: 0 };
  await readLevelEntries(client, { pk: SENTINEL_PK, runPk: SENTINEL_PK, version: 0, summary }, 1);
  await readBlocks(client, SENTINEL_PK);
  await readBlocks(client, SENTINEL_PK, 0, 0, 16);
}

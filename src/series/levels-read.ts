// The read side of summary levels (./levels.ts keeps them): the entries a whole-series
// downsampled read buckets. The coarsest level whose entries still average ENTRIES_PER_BUCKET
// per bucket is read whole in one query; what its rows leave uncovered (the stretch after the
// last row, which is not sealed yet, and stretches whose rows a rewrite deleted) is filled in a
// second query with the coarsest finer rows there, down to the blocks' chunk summaries. Every
// point is in exactly one entry, so buckets of whole entries are exact (downsampleSummaries).
import type { Row } from "@libsql/client";
import type { SeriesRow } from "./catalog.ts";
import { BLOCK_SIZE } from "./codec/block.ts";
import { ChunkSummaries, decodeSummary } from "./codec/chunk-summary.ts";
import { decodeLevel, type LevelRowBounds } from "./codec/level-summary.ts";
import { LEVEL_FANOUT, MAX_LEVEL } from "./levels.ts";
import type { Executor } from "./store.ts";

/**
 * Entries per bucket the chosen level gives at least, on average: with fewer, a bucket's step
 * width would be set by the entries' sizes more than by the request.
 */
export const ENTRIES_PER_BUCKET = 4;

/** The coarsest level (1..MAX_LEVEL) whose entries number at least ENTRIES_PER_BUCKET·n for a series of `count` points; 0 when none does. */
export function levelFor(count: number, n: number, fanout = LEVEL_FANOUT): number {
  let level = 0;
  // A level-L entry holds at most BLOCK_SIZE·fanout^(L−1) points.
  for (let l = 1, perEntry = BLOCK_SIZE; l <= MAX_LEVEL && count / perEntry >= ENTRIES_PER_BUCKET * n; l++, perEntry *= fanout) level = l;
  return level;
}

/** Step ranges (exclusive bounds) that no row of the level covers, from its rows in step order. */
function uncovered(rows: ChunkSummaries, bounds: LevelRowBounds, lastStep: number): [number, number][] {
  const holes: [number, number][] = [];
  const k = bounds.start.length;
  if (k === 0) return [[-1, lastStep + 1]];
  if (bounds.prevLast[0] !== -1) holes.push([-1, rows.firstStep[0]]);
  for (let i = 1; i < k; i++) {
    const end = rows.lastStep[bounds.start[i] - 1];
    if (bounds.prevLast[i] !== end) holes.push([end, rows.firstStep[bounds.start[i]]]);
  }
  const end = rows.lastStep[rows.length - 1];
  if (end < lastStep) holes.push([end, lastStep + 1]);
  return holes;
}

/** The statement for what fills `holes` under `level`: for each finer level, its rows there no coarser row covers, then such blocks. */
function fillStatement(pk: number, level: number, holes: [number, number][]) {
  const coveredBy = (above: number, alias: string) =>
    `coalesce((SELECT c.last_step FROM series_levels c WHERE c.series_pk = :pk AND c.level = ${above} AND c.first_step <= ${alias}.first_step ORDER BY c.first_step DESC LIMIT 1) >= ${alias}.last_step, 0)`;
  // CROSS JOIN keeps the holes the outer loop: joined the other way, SQLite would visit every
  // block of the series to test it against the holes.
  const parts = [];
  for (let l = level - 1; l >= 1; l--) {
    parts.push(`SELECT ${l} AS level, u.first_step, u.summary FROM holes h CROSS JOIN series_levels u
      ON u.series_pk = :pk AND u.level = ${l} AND u.first_step > h.a AND u.first_step < h.b AND +u.last_step < h.b
      WHERE NOT ${coveredBy(l + 1, "u")}`);
  }
  parts.push(`SELECT 0 AS level, b.first_step, b.summary FROM holes h CROSS JOIN series_blocks b
      ON b.series_pk = :pk AND b.first_step > h.a AND b.first_step < h.b AND +b.last_step < h.b
      WHERE NOT ${coveredBy(1, "b")}`);
  const args: Record<string, number> = { pk };
  holes.forEach(([a, b], i) => {
    args[`a${i}`] = a;
    args[`b${i}`] = b;
  });
  return {
    sql: `WITH holes(a, b) AS (VALUES ${holes.map((_, i) => `(:a${i}, :b${i})`).join(", ")})
          SELECT *, (SELECT version FROM series WHERE pk = :pk) AS version FROM (${parts.join(" UNION ALL ")}) ORDER BY first_step`,
    args,
  };
}

/** Entries of `a` and `b` (each in step order, not overlapping each other) in one step-ordered sequence. */
function merged(a: ChunkSummaries, b: ChunkSummaries): ChunkSummaries {
  const out = new ChunkSummaries();
  out.reserve(a.length + b.length);
  const columns = ["firstStep", "lastStep", "count", "min", "max", "minStep", "maxStep", "lastValue", "lastEpoch", "lastTime"] as const;
  for (let i = 0, j = 0; i < a.length || j < b.length; ) {
    const fromA = j >= b.length || (i < a.length && a.firstStep[i] < b.firstStep[j]);
    const src = fromA ? a : b;
    const at = fromA ? i++ : j++;
    const k = out.length++;
    for (const c of columns) out[c][k] = src[c][at];
  }
  return out;
}

function decodeFill(rows: readonly Row[]): ChunkSummaries {
  const into = new ChunkSummaries();
  for (const row of rows) {
    const bytes = new Uint8Array(row.summary as ArrayBuffer);
    if (Number(row.level) === 0) decodeSummary(bytes, into);
    else decodeLevel(bytes, into);
  }
  return into;
}

/**
 * Every point of `series` in entries of level `level` where its rows reach, finer ones
 * elsewhere, in step order; null when the level's rows hold less than `minCover` of the
 * points (a series stored before levels existed: filling it would cost more than the chunk
 * summaries the caller reads instead), or when the series changed between the two queries.
 */
export async function readLevelEntries(client: Executor, series: SeriesRow, level: number, minCover = 0.75): Promise<ChunkSummaries | null> {
  const { pk, version } = series;
  const { count, lastStep } = series.summary;
  if (lastStep === null) return null;
  const rs = await client.execute({
    // Ordered by a subquery, not group_concat(... ORDER BY ...), which sqld refuses (see
    // readChunkSummaries).
    sql: `SELECT (SELECT version FROM series WHERE pk = ?1) AS version, coalesce(sum(count), 0) AS covered, CAST(group_concat(summary, '') AS BLOB) AS summaries
          FROM (SELECT count, summary FROM series_levels WHERE series_pk = ?1 AND level = ?2 ORDER BY first_step)`,
    args: [pk, level],
  });
  const head = rs.rows[0];
  if (Number(head.version) !== version || Number(head.covered) < minCover * count) return null;
  const bounds: LevelRowBounds = { start: [], prevLast: [] };
  const rows = decodeLevel(new Uint8Array(head.summaries as ArrayBuffer), new ChunkSummaries(), bounds);
  const holes = uncovered(rows, bounds, lastStep);
  if (!holes.length) return rows;
  const fill = await client.execute(fillStatement(pk, level, holes));
  if (!fill.rows.length || Number(fill.rows[0].version) !== version) return null;
  const entries = merged(rows, decodeFill(fill.rows));
  return entries.points() === count ? entries : null;
}

import type { Deps } from "../deps.ts";
import { CHUNK, downsample, firstEndingAtOrAfter, downsampleSummaries, readRange, type Block, type Bucket, type Point } from "../lib/blocks.ts";
import { canonicalContext, type Context } from "../lib/context.ts";
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";
import { conflict, notFound } from "../lib/errors.ts";
import { toWire, type WireNumber } from "../lib/numbers.ts";
import type { IncomingPoint } from "../lib/points.ts";
import { findRepoPk } from "./repos.ts";
import { findRunPk } from "./runs.ts";
import { SERIES_SUMMARY_COLUMNS, seriesSummaryView, type SeriesSummaryView } from "./series-summaries.ts";
import { readBlocks, readChunkSummaries, writeSeriesPoints } from "./series-store.ts";

export interface IngestResult {
  points: number;
  series: number;
}

/**
 * Ingests a batch atomically: one write transaction covers every series it touches, so
 * either all points land or none do.
 */
export async function ingestPoints(deps: Deps, repo: string, runId: string, points: IncomingPoint[], reopen: boolean): Promise<IngestResult> {
  const { runPk, status } = await findRunPk(deps, repo, runId);
  if (status !== "running" && !reopen) {
    throw conflict(`Run "${runId}" is ${status}; send "reopen": true (or ?reopen=true) to log to it again.`);
  }
  const groups = new Map<string, { name: string; context: string; points: Point[] }>();
  for (const p of points) {
    const key = `${p.name}\u0000${p.context}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: p.name, context: p.context, points: [] }));
    group.points.push(p); // an IncomingPoint is a Point with its series attached: no copy
  }
  const tx = await deps.client.transaction("write");
  try {
    if (status !== "running") {
      await tx.execute({ sql: "UPDATE runs SET status = 'running', ended_at = NULL, updated_at = ? WHERE pk = ?", args: [Date.now(), runPk] });
    }
    for (const group of groups.values()) await writeSeriesPoints(tx, runPk, group.name, group.context, group.points);
    await tx.commit();
  } finally {
    tx.close();
  }
  return { points: points.length, series: groups.size };
}

export async function listSeries(deps: Deps, repo: string, runId: string, limit: number, cursor?: string) {
  const { runPk } = await findRunPk(deps, repo, runId);
  const after = cursor ? decodeCursor(cursor, ["string", "string"]).map(String) : null;
  const rs = await deps.client.execute({
    sql: `SELECT ${SERIES_SUMMARY_COLUMNS} FROM series WHERE run_pk = ? ${after ? "AND (name, context) > (?, ?)" : ""} ORDER BY name, context LIMIT ?`,
    args: after ? [runPk, after[0], after[1], limit + 1] : [runPk, limit + 1],
  });
  const rows = rs.rows.slice(0, limit) as unknown as Record<string, unknown>[];
  const last = rows[rows.length - 1];
  return {
    items: rows.map(seriesSummaryView),
    next_cursor: rs.rows.length > limit ? encodeCursor([String(last.name), String(last.context)]) : null,
  };
}

export interface PointView {
  step: number;
  value: WireNumber;
  epoch: number | null;
  time: number;
}

export interface BucketView extends PointView {
  start: number;
  end: number;
  count: number;
  min: WireNumber | null;
  max: WireNumber | null;
  min_step: number | null;
  max_step: number | null;
}

export interface SeriesReadView {
  name: string;
  context: Context;
  summary: SeriesSummaryView;
  /** Raw points, or in downsampled reads the last point of each bucket (enough for a plain line plot). */
  points: PointView[];
  /** Downsampled reads only: per step bucket, count, min and max (so spikes stay visible) and the last point. */
  buckets: BucketView[] | null;
  next_cursor: string | null;
}

export interface ReadOptions {
  from?: number;
  to?: number;
  /** Downsample to at most this many buckets. */
  points?: number;
  /** Raw reads: page size. */
  limit: number;
  cursor?: string;
}

const pointView = (p: Point): PointView => ({ step: p.step, value: toWire(p.value), epoch: p.epoch, time: p.time });
const bucketView = (b: Bucket): BucketView => ({
  ...pointView(b.last),
  start: b.start,
  end: b.end,
  count: b.count,
  min: b.min === null ? null : toWire(b.min),
  max: b.max === null ? null : toWire(b.max),
  min_step: b.minStep,
  max_step: b.maxStep,
});

async function readOneSeries(deps: Deps, row: Record<string, unknown>, options: ReadOptions): Promise<SeriesReadView> {
  const seriesPk = Number(row.pk);
  const summary = seriesSummaryView(row);
  const base = { name: summary.name, context: summary.context, summary };
  const version = Number(row.version);
  const cached = deps.blockCache?.get("blocks", seriesPk, version);
  if (options.points !== undefined) {
    const n = options.points;
    const whole = options.from === undefined && options.to === undefined;
    let found: Bucket[];
    // A long series read whole: buckets of whole 64-point chunks from the stored chunk
    // summaries, without fetching the blocks' data (~10 MB for 1M points). Every chunk holds
    // at most 64 points, so count >= 2·64·n means buckets average at least 2 chunks. The
    // choice depends only on the series and the request, never on what is cached.
    if (whole && summary.count >= 2 * CHUNK * n) {
      let chunks = deps.blockCache?.get("chunks", seriesPk, version);
      if (!chunks) {
        chunks = await readChunkSummaries(deps.client, seriesPk);
        deps.blockCache?.set("chunks", seriesPk, version, chunks);
      }
      found = downsampleSummaries(chunks, n);
    } else {
      let blocks = cached;
      if (!blocks && whole) {
        blocks = await readBlocks(deps.client, seriesPk);
        deps.blockCache?.set("blocks", seriesPk, version, blocks);
      }
      blocks ??= await readBlocks(deps.client, seriesPk, options.from, options.to);
      found = downsample(blocks, n, options.from, options.to);
    }
    const buckets = found.map(bucketView);
    return { ...base, points: buckets.map(({ step, value, epoch, time }) => ({ step, value, epoch, time })), buckets, next_cursor: null };
  }
  // Raw page: read blocks in small batches until the page (plus one point, to know whether
  // another page exists) is full.
  const from = options.cursor ? Number(decodeCursor(options.cursor, ["number"])[0]) : (options.from ?? 0);
  const to = options.to ?? Number.MAX_SAFE_INTEGER;
  // Up to 16 blocks ending at or after `step`: from the cache when the series is cached.
  const blocksFrom = async (step: number): Promise<Block[]> => {
    if (!cached) return readBlocks(deps.client, seriesPk, step, to, 16);
    const first = firstEndingAtOrAfter(cached, step);
    return cached.slice(first, first + 16).filter((b) => b.firstStep <= to);
  };
  const page: Point[] = [];
  let next = from;
  while (page.length <= options.limit && next <= to) {
    const blocks = await blocksFrom(next);
    if (!blocks.length) break;
    page.push(...readRange(blocks, next, to));
    next = blocks[blocks.length - 1].lastStep + 1;
  }
  const more = page.length > options.limit;
  const points = page.slice(0, options.limit);
  return { ...base, points: points.map(pointView), buckets: null, next_cursor: more ? encodeCursor([page[options.limit].step]) : null };
}

const SERIES_ROW = `pk, version, ${SERIES_SUMMARY_COLUMNS}`;

export async function readSeries(deps: Deps, repo: string, runId: string, name: string, context: Context | undefined, options: ReadOptions): Promise<SeriesReadView> {
  const { runPk } = await findRunPk(deps, repo, runId);
  const contextKey = canonicalContext(context, deps.config.limits);
  const rs = await deps.client.execute({ sql: `SELECT ${SERIES_ROW} FROM series WHERE run_pk = ? AND name = ? AND context = ?`, args: [runPk, name, contextKey] });
  if (!rs.rows.length) throw notFound(`Run "${runId}" has no series "${name}" with context ${contextKey}.`);
  return readOneSeries(deps, rs.rows[0] as unknown as Record<string, unknown>, options);
}

export interface SeriesQuery {
  runPks: { pk: number; id: string }[];
  metrics: { name: string; context?: Context }[];
  points: number;
  from?: number;
  to?: number;
}

/** The chosen series of many runs, each downsampled; runs lacking a series are simply absent for it. */
export async function querySeries(deps: Deps, query: SeriesQuery) {
  const items: (SeriesReadView & { run: string })[] = [];
  const metrics = query.metrics.map((m) => ({ name: m.name, context: canonicalContext(m.context, deps.config.limits) }));
  for (const run of query.runPks) {
    for (const metric of metrics) {
      const rs = await deps.client.execute({
        sql: `SELECT ${SERIES_ROW} FROM series WHERE run_pk = ? AND name = ? AND context = ?`,
        args: [run.pk, metric.name, metric.context],
      });
      if (!rs.rows.length) continue;
      const view = await readOneSeries(deps, rs.rows[0] as unknown as Record<string, unknown>, { points: query.points, from: query.from, to: query.to, limit: 0 });
      items.push({ run: run.id, ...view });
    }
  }
  return { items };
}

/** Resolves run ids of a repo to keys, 404 naming the first that does not exist. */
export async function resolveRunIds(deps: Deps, repo: string, ids: string[]): Promise<{ pk: number; id: string }[]> {
  const repoPk = await findRepoPk(deps, repo);
  if (!ids.length) return [];
  const rs = await deps.client.execute({
    sql: `SELECT pk, id FROM runs WHERE repo_pk = ? AND id IN (${ids.map(() => "?").join(",")})`,
    args: [repoPk, ...ids],
  });
  const byId = new Map(rs.rows.map((r) => [String(r.id), Number(r.pk)]));
  return ids.map((id) => {
    const pk = byId.get(id);
    if (pk === undefined) throw notFound(`Run "${id}" does not exist in repo "${repo}".`);
    return { pk, id };
  });
}

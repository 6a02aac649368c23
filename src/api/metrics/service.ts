import type { Deps } from "../../deps.ts";
import { contextKey } from "../../http/context-key.ts";
import { decodeCursor, encodeCursor, pageOf } from "../../http/cursor.ts";
import { conflict, notFound, tooLarge } from "../../http/problems.ts";
import type { Context } from "../../lib/context.ts";
import type { RunStatus } from "../../lib/run-status.ts";
import { excerpt } from "../../lib/text.ts";
import { repoNotFound } from "../../runs-core/repo-lookup.ts";
import { findRunPk, runNotFound } from "../../runs-core/run-lookup.ts";
import { type Bucket, downsampleSeries, findSeries, listRunSeries, type Point, readPoints, type SeriesRow } from "../../series/index.ts";
import type { IngestBatch, UnparsedBatch } from "./ingest-body.ts";
import { writeIngestAlone } from "./ingest-groups.ts";
import type { IngestWrite, NotRunning } from "./ingest-write.ts";
import { groupPoints, type IncomingPoint } from "./parse-points.ts";
import type { IngestResult, QueryResult, ReadFormat, SeriesColumnsView, SeriesReadView } from "./schemas.ts";
import { bucketView, columnsView, pointView, seriesSummaryView } from "./views.ts";

/** The point form of ingestSeries (in-process callers: the MLflow dialect, the bench, tests). */
export const ingestPoints = (deps: Deps, repo: string, runId: string, points: IncomingPoint[], notRunning: NotRunning) =>
  ingestSeries(deps, repo, runId, { series: groupPoints(points), points: points.length }, notRunning);

/** A run that is not running, to a request that does not reopen it. */
const notRunningConflict = (runId: string, status: RunStatus) =>
  conflict(`Run "${runId}" is ${status}; send "reopen": true (or ?reopen=true) to log to it again.`);

/**
 * Ingests a batch atomically: all its points land or none do. The write goes to the host's
 * group committer (./ingest-groups.ts), beside whatever other ingests are waiting.
 */
export async function ingestSeries(deps: Deps, repo: string, runId: string, body: IngestBatch | UnparsedBatch, notRunning: NotRunning): Promise<IngestResult> {
  const { maxSeriesPerRequest, maxSeriesPerRun } = deps.config.limits;
  const parsed = () => {
    const batch = typeof body === "function" ? body() : body;
    if (notRunning === "refuse" && "reopen" in batch && batch.reopen) notRunning = "reopen";
    const count = batch.series.length;
    if (count > maxSeriesPerRequest) throw tooLarge(`At most ${maxSeriesPerRequest} distinct series per request (got ${count}); split the batch.`);
    return batch;
  };
  let batch: IngestBatch;
  let write: IngestWrite;
  if (deps.client.protocol === "file") {
    // The run first: a request for a run that does not exist is answered without parsing its
    // body (the 404 of a client logging to a deleted run costs a lookup, not a parse).
    const { runPk, status } = await findRunPk(deps, repo, runId);
    batch = parsed();
    if (status !== "running" && notRunning === "refuse") throw notRunningConflict(runId, status);
    write = { runPk, reopen: status !== "running" && notRunning === "reopen", series: batch.series, maxSeriesPerRun };
  } else {
    // On a libSQL server a lookup of its own would be a round trip of its own: the group finds
    // the run, by the same rules (./ingest-write.ts, IngestToFind).
    batch = parsed();
    write = { find: { repo, runId, notRunning }, series: batch.series, maxSeriesPerRun };
  }
  const result = await (deps.writeIngest ?? ((w: IngestWrite) => writeIngestAlone(deps.client, w)))(write);
  if (!result.written) {
    if ("noRepo" in result) throw repoNotFound(repo);
    if ("gone" in result) throw runNotFound(repo, runId);
    if ("status" in result) throw notRunningConflict(runId, result.status);
    throw tooLarge(`A run may hold at most ${maxSeriesPerRun} series; this request would bring it to ${result.held}.`);
  }
  return { points: batch.points, series: batch.series.length };
}

export async function listSeries(deps: Deps, repo: string, runId: string, limit: number, cursor?: string) {
  const { runPk } = await findRunPk(deps, repo, runId);
  const after = cursor ? (decodeCursor(cursor, ["string", "string"]) as [string, string]) : undefined;
  const rows = await listRunSeries(deps.client, runPk, { limit: limit + 1, after });
  return pageOf(
    rows,
    limit,
    (row) => seriesSummaryView(row.summary),
    (last) => [last.summary.name, last.summary.context],
  );
}

export interface ReadOptions {
  from?: number;
  to?: number;
  /** Downsample to at most this many buckets. */
  points?: number;
  /** Raw reads: page size. */
  limit: number;
  cursor?: string;
  format: ReadFormat;
}

async function readOneSeries(deps: Deps, row: SeriesRow, options: ReadOptions): Promise<SeriesReadView | SeriesColumnsView> {
  const summary = seriesSummaryView(row.summary);
  const base = { name: summary.name, context: summary.context, summary };
  let points: Point[] = [];
  let buckets: Bucket[] | null = null;
  let nextCursor: string | null = null;
  if (options.points !== undefined) {
    buckets = await downsampleSeries(deps, row, options.points, options);
  } else {
    const from = options.cursor ? Number(decodeCursor(options.cursor, ["integer"])[0]) : (options.from ?? 0);
    const page = await readPoints(deps, row, from, options.to ?? Number.MAX_SAFE_INTEGER, options.limit);
    points = page.points;
    nextCursor = page.nextStep === null ? null : encodeCursor([page.nextStep]);
  }
  if (options.format === "columnar") return { ...base, ...columnsView(points, buckets), next_cursor: nextCursor };
  if (!buckets) return { ...base, points: points.map(pointView), buckets: null, next_cursor: nextCursor };
  const rows = buckets.map(bucketView);
  return { ...base, points: rows.map(({ step, value, epoch, time }) => ({ step, value, epoch, time })), buckets: rows, next_cursor: null };
}

export async function readSeries(
  deps: Deps,
  repo: string,
  runId: string,
  name: string,
  context: Context | undefined,
  options: ReadOptions,
): Promise<SeriesReadView | SeriesColumnsView> {
  const { runPk } = await findRunPk(deps, repo, runId);
  const key = contextKey(context, deps.config.limits);
  const [row] = await findSeries(deps.client, [runPk], [{ name, context: key }]);
  if (!row) throw notFound(`Run "${runId}" has no series ${excerpt(name)} with context ${excerpt(key)}.`);
  return readOneSeries(deps, row, options);
}

export interface SeriesQuery {
  runs: { pk: number; id: string }[];
  metrics: { name: string; context?: Context }[];
  points: number;
  from?: number;
  to?: number;
  format: ReadFormat;
}

/** The chosen series of many runs, each downsampled; runs lacking a series are simply absent for it. */
export async function querySeries(deps: Deps, query: SeriesQuery): Promise<QueryResult> {
  const keys = query.metrics.map((m, i) => ({ name: m.name, context: contextKey(m.context, deps.config.limits, `metrics.${i}.context`) }));
  const rows = await findSeries(
    deps.client,
    query.runs.map((run) => run.pk),
    keys,
  );
  const idOf = new Map(query.runs.map((run) => [run.pk, run.id]));
  const items = [];
  for (const row of rows) {
    const view = await readOneSeries(deps, row, { points: query.points, from: query.from, to: query.to, limit: 0, format: query.format });
    items.push({ run: idOf.get(row.runPk)!, ...view });
  }
  // One format for the whole answer: every item is rows or every item is columns.
  return { items } as QueryResult;
}

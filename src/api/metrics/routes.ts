import { type Context, Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import * as v from "valibot";
import type { Deps } from "../../deps.ts";
import { floatJson } from "../../http/float-json.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { badRequest, problems } from "../../http/problems.ts";
import { Name, Page, PageQuery, RepoParams, RunParams } from "../../http/schemas.ts";
import { jsonBody, params, query, requireJson } from "../../http/validation.ts";
import { resolveRunIds } from "../../runs-core/run-lookup.ts";
import { findRunsBySelection } from "../../runs-core/run-selection.ts";
import { readIngestBody } from "./ingest-body.ts";
import {
  ContextParam,
  FieldsParam,
  IngestBody,
  IngestColumnsBody,
  IngestQuery,
  IngestResult,
  MAX_QUERY_RUNS,
  QueryBody,
  QueryResult,
  ReadQuery,
  SeriesColumnsView,
  SeriesReadView,
  SeriesSomeColumnsView,
  SeriesSummaryView,
} from "./schemas.ts";
import { ingestSeries, listSeries, querySeries, readSeries } from "./service.ts";
import { someColumnsView } from "./views.ts";

const SeriesParams = v.object({ ...RunParams.entries, name: Name });

/** An ingest request: its write waits in the group committer, not under the app's write lock. */
export const isIngest = (c: Context) => c.req.method === "POST" && /^\/v1\/repos\/[^/]+\/runs\/[^/]+\/metrics$/.test(c.req.path);
/** POST .../metrics/query only reads: its body is a selection too long for a URL. */
export const isSeriesQuery = (method: string, routedPath: string) => method === "POST" && /^\/v1\/repos\/[^/]+\/metrics\/query$/.test(routedPath);

export function metricRoutes(deps: Deps) {
  return new Hono()
    .post(
      "/repos/:repo/runs/:run/metrics",
      describeRoute({
        operationId: "ingestMetrics",
        tags: ["metrics"],
        summary: "Ingest a batch of metric points (atomic, idempotent per step)",
        description:
          'Body: JSON {points:[...]} (an object per point), JSON {series:[...]} (columnar: per series its name and context once, then steps, values and optional epochs and times as parallel arrays; the fastest form), or NDJSON (one point per line, Content-Type application/x-ndjson; reopen with ?reopen=true). Up to 100,000 points and 10,000 distinct series; all land or none do. Re-sending a step overwrites it; within one request the last occurrence of a step wins. A value NaN, Infinity or -Infinity is the string "NaN", "Infinity" or "-Infinity"; the bare tokens (as Python\'s json writes them) are read as those strings too.',
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: resolver(v.union([IngestBody, IngestColumnsBody])) },
            "application/x-ndjson": { schema: { type: "string", description: "One point object per line" } },
          },
        },
        responses: { 200: jsonResponse("How many points were written, to how many series", IngestResult), ...problems(400, 404, 409, 413, 415) },
      }),
      params(RunParams),
      query(IngestQuery),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        const query = c.req.valid("query");
        const batch = await readIngestBody(c.req, deps.config.limits, Date.now() / 1000);
        return c.json(await ingestSeries(deps, repo, run, batch, query.reopen === "true" ? "reopen" : "refuse"));
      },
    )
    .get(
      "/repos/:repo/runs/:run/metrics",
      describeRoute({
        operationId: "listSeries",
        tags: ["metrics"],
        summary: "List a run's series with their summaries",
        responses: { 200: jsonResponse("A page of series", Page(SeriesSummaryView, "SeriesSummaryPage")), ...problems(400, 404) },
      }),
      params(RunParams),
      query(PageQuery),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        const { limit, cursor } = c.req.valid("query");
        return floatJson(c, await listSeries(deps, repo, run, limit, cursor));
      },
    )
    .get(
      "/repos/:repo/runs/:run/metrics/:name{.+}",
      describeRoute({
        operationId: "readSeries",
        tags: ["metrics"],
        summary: "Read one series: raw points (paginated) or downsampled with points=N",
        description:
          "context is the series context as JSON (default {}). from/to bound the steps. With points=N the series is cut into at most N buckets, each keeping count, min and max (NaN ignored, with their steps) and its last point, exact over the points in its [start, end]. Ranged reads (from/to) and short series get buckets of equal step width; a long series read whole (at least 128·N points) gets buckets of whole 64-point storage chunks, so widths are only roughly equal. Without it, raw points are paginated with limit (default 1000, max 100000) and cursor. A name holding '/' is sent URL-encoded (val%2Floss) or plain (val/loss): everything after metrics/ is the name, decoded once.",
        responses: {
          200: jsonResponse(
            "The series: rows, or with format=columnar an array per field (with fields, only those)",
            v.union([SeriesReadView, SeriesColumnsView, SeriesSomeColumnsView]),
          ),
          ...problems(400, 404),
        },
      }),
      params(SeriesParams),
      query(ReadQuery),
      async (c) => {
        const { repo, run, name } = c.req.valid("param");
        const q = c.req.valid("query");
        if (q.from !== undefined && q.to !== undefined && q.from > q.to)
          throw badRequest("from must not be greater than to.", [{ path: "from", message: "must be <= to" }]);
        if (q.fields !== undefined && q.format !== "columnar")
          throw badRequest("fields chooses columns: it needs format=columnar.", [{ path: "fields", message: "needs format=columnar" }]);
        const read = await readSeries(deps, repo, run, name, ContextParam.decode(q.context), q);
        const fields = FieldsParam.decode(q.fields);
        return floatJson(c, fields && "steps" in read ? someColumnsView(read, fields) : read);
      },
    )
    .post(
      "/repos/:repo/metrics/query",
      describeRoute({
        operationId: "querySeries",
        tags: ["metrics"],
        summary: "Read the series of many runs at once, each downsampled",
        description:
          "Choose the runs by id (runs), or by a selection: filter (run filter language) and/or status (a list of run statuses), at most 1,000 matching runs (more is a 400 asking to narrow the filter). With neither runs nor a selection, every unarchived run of the repo (any status) is read, as with an empty filter.",
        responses: { 200: jsonResponse("One item per (run, metric) that exists", QueryResult), ...problems(400, 404, 415) },
      }),
      params(RepoParams),
      requireJson(),
      jsonBody(QueryBody),
      async (c) => {
        const body = c.req.valid("json");
        if (body.from !== undefined && body.to !== undefined && body.from > body.to)
          throw badRequest("from must not be greater than to.", [{ path: "from", message: "must be <= to" }]);
        const repo = c.req.valid("param").repo;
        const runs =
          "runs" in body
            ? await resolveRunIds(deps, repo, body.runs)
            : await findRunsBySelection(deps, repo, { filter: body.filter, status: body.status }, MAX_QUERY_RUNS);
        return floatJson(c, await querySeries(deps, { runs, metrics: body.metrics, points: body.points, from: body.from, to: body.to, format: body.format }));
      },
    );
}

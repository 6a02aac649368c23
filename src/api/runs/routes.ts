import { Hono } from "hono";
import { accepts } from "hono/accepts";
import { describeRoute, resolver } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { floatJson } from "../../http/float-json.ts";
import { csvContent, jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { RepoParams, RunParams } from "../../http/schemas.ts";
import { jsonBody, keepFreeFormJson, params, query, requireJson } from "../../http/validation.ts";
import { RunView } from "../../runs-core/run-view.ts";
import { runsCsv } from "./csv.ts";
import { ColumnFields, CreateRunBody, ListRunsQuery, PatchRunBody, RunDetailView, RunListPage } from "./schemas.ts";
import { listColumns, listRuns } from "./search.ts";
import { createRun, deleteRun, getRun, patchRun } from "./service.ts";

export function runRoutes(deps: Deps) {
  return new Hono()
    .post(
      "/repos/:repo/runs",
      describeRoute({
        operationId: "createRun",
        tags: ["runs"],
        summary: "Create a run, or resume it when its id already exists",
        responses: {
          201: jsonResponse("Created", RunView),
          200: jsonResponse("A run with this id exists: resumed, unchanged", RunView),
          ...problems(400, 404, 413, 415),
        },
      }),
      params(RepoParams),
      requireJson(),
      jsonBody(CreateRunBody),
      async (c) => {
        const body = await keepFreeFormJson(c, c.req.valid("json"), ["params", "provenance"]);
        const { run, created } = await createRun(deps, c.req.valid("param").repo, body);
        return c.json(run, created ? 201 : 200);
      },
    )
    .get(
      "/repos/:repo/runs",
      describeRoute({
        operationId: "listRuns",
        tags: ["runs"],
        summary: "Search runs: filter, sort, paginate",
        description:
          "Filter errors are a 400 whose detail and errors[0].message give the position (0-based) of the offending text. Pagination is stable for every sort: pass next_cursor back with the same sort. With Accept: text/csv every matching run (no page: limit does not apply and a cursor is a 400), in the sort's order: columns id, name, status, experiment, campaign, tags (space-separated), created_at, ended_at, then each of columns= under its text as requested.",
        responses: {
          200: {
            description: "A page of runs",
            content: { "application/json": { schema: resolver(RunListPage) }, "text/csv": csvContent },
          },
          ...problems(400, 404),
        },
      }),
      params(RepoParams),
      query(ListRunsQuery),
      async (c) => {
        const { repo } = c.req.valid("param");
        const type = accepts(c, { header: "Accept", supports: ["application/json", "text/csv"], default: "application/json" });
        if (type === "text/csv")
          return c.body(await runsCsv(deps, repo, c.req.valid("query")), 200, { "content-type": "text/csv; charset=utf-8; header=present" });
        return floatJson(c, await listRuns(deps, repo, c.req.valid("query")));
      },
    )
    .get(
      "/repos/:repo/columns",
      describeRoute({
        operationId: "listColumns",
        tags: ["runs"],
        summary: "The fields a run listing can show as columns: param paths, values and series present in the repo",
        description: "At most 1,000 of each kind. Param paths come from runs that are not archived.",
        responses: { 200: jsonResponse("The fields", ColumnFields), ...problems(400, 404) },
      }),
      params(RepoParams),
      async (c) => c.json(await listColumns(deps, c.req.valid("param").repo)),
    )
    .get(
      "/repos/:repo/runs/:run",
      describeRoute({
        operationId: "getRun",
        tags: ["runs"],
        summary: "Get a run with its params, tags, values, dataset inputs and series summaries",
        responses: { 200: jsonResponse("The run", RunDetailView), ...problems(400, 404) },
      }),
      params(RunParams),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        return floatJson(c, await getRun(deps, repo, run));
      },
    )
    .patch(
      "/repos/:repo/runs/:run",
      describeRoute({
        operationId: "patchRun",
        tags: ["runs"],
        summary: "Update a run: fields, status, campaign, params (deep merge), tags (add/remove)",
        responses: { 200: jsonResponse("The updated run", RunView), ...problems(400, 404, 413, 415) },
      }),
      params(RunParams),
      requireJson(),
      jsonBody(PatchRunBody),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        return c.json(await patchRun(deps, repo, run, await keepFreeFormJson(c, c.req.valid("json"), ["params"])));
      },
    )
    .delete(
      "/repos/:repo/runs/:run",
      describeRoute({
        operationId: "deleteRun",
        tags: ["runs"],
        summary: "Delete a run with its values, series and artifacts",
        responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
      }),
      params(RunParams),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        await deleteRun(deps, repo, run);
        return c.body(null, 204);
      },
    );
}

import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import type { Deps } from "../deps.ts";
import { createRun, deleteRun, getRun, listRuns, patchRun } from "../services/runs.ts";
import { JsonObject, jsonBody, jsonResponse, Page, PageQuery, params, problems, query, RepoParams, requireJson, ResourceId, RunParams, Tag, Text, StrictObject, keepFreeFormJson } from "./common.ts";
import { RunDetailView, RunView, Status } from "./views.ts";

const ShortText = v.pipe(v.string(), v.maxLength(255, "must be at most 255 characters"));
const CampaignRef = v.pipe(v.string(), v.minLength(1), v.maxLength(255), v.description("Campaign id or name"));
const Tags = v.pipe(v.array(Tag), v.maxLength(256, "at most 256 tags"));

const CreateRunBody = StrictObject({
  id: v.optional(v.pipe(ResourceId, v.description("Client-chosen id: re-sending it resumes the run instead of creating another"))),
  name: v.optional(ShortText),
  experiment: v.optional(ShortText),
  description: v.optional(Text),
  params: v.optional(JsonObject),
  tags: v.optional(Tags),
  campaign: v.optional(CampaignRef),
  provenance: v.optional(JsonObject),
});

const PatchRunBody = StrictObject({
  name: v.optional(ShortText),
  experiment: v.optional(ShortText),
  description: v.optional(Text),
  status: v.optional(Status),
  archived: v.optional(v.boolean()),
  campaign: v.optional(v.nullable(CampaignRef)),
  params: v.optional(v.pipe(JsonObject, v.description("JSON merge patch (RFC 7396): objects merge, null deletes a key"))),
  tags: v.optional(StrictObject({ add: v.optional(Tags), remove: v.optional(Tags) })),
});

const ListRunsQuery = v.object({
  ...PageQuery.entries,
  filter: v.optional(
    v.pipe(
      v.string(),
      v.description('Run filter language (at most 4 KiB), e.g. `params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2`. Empty = every run. Archived runs are hidden unless the filter names `archived`.'),
    ),
  ),
  sort: v.optional(
    v.pipe(
      v.string(),
      v.description("Any field the filter language names except tags, optionally followed by asc (default) or desc, e.g. `metrics.acc{subset:\"test\"}.last desc`. Default `created_at asc`. Runs without the field come last."),
    ),
  ),
});

export function runRoutes(deps: Deps) {
  return new Hono()
    .post(
      "/repos/:repo/runs",
      describeRoute({ operationId: "createRun",
        tags: ["runs"],
        summary: "Create a run, or resume it when its id already exists",
        responses: { 201: jsonResponse("Created", RunView), 200: jsonResponse("A run with this id exists: resumed, unchanged", RunView), ...problems(400, 404, 413, 415) },
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
          "Filter errors are a 400 whose detail and errors[0].message give the position (0-based) of the offending text. Pagination is stable for every sort: pass next_cursor back with the same sort.",
        responses: { 200: jsonResponse("A page of runs", Page(RunView)), ...problems(400, 404) },
      }),
      params(RepoParams),
      query(ListRunsQuery),
      async (c) => {
        return c.json(await listRuns(deps, c.req.valid("param").repo, c.req.valid("query")));
      },
    )
    .get(
      "/repos/:repo/runs/:run",
      describeRoute({ operationId: "getRun", tags: ["runs"], summary: "Get a run with its params, tags, values and series summaries", responses: { 200: jsonResponse("The run", RunDetailView), ...problems(400, 404) } }),
      params(RunParams),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        return c.json(await getRun(deps, repo, run));
      },
    )
    .patch(
      "/repos/:repo/runs/:run",
      describeRoute({ operationId: "patchRun", tags: ["runs"], summary: "Update a run: fields, status, campaign, params (deep merge), tags (add/remove)", responses: { 200: jsonResponse("The updated run", RunView), ...problems(400, 404, 413, 415) } }),
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
      describeRoute({ operationId: "deleteRun", tags: ["runs"], summary: "Delete a run with its values and series", responses: { 204: { description: "Deleted" }, ...problems(400, 404) } }),
      params(RunParams),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        await deleteRun(deps, repo, run);
        return c.body(null, 204);
      },
    );
}

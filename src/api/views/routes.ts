import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { Page, PageQuery, RepoParams } from "../../http/schemas.ts";
import { jsonBody, params, query, requireJson } from "../../http/validation.ts";
import { PutViewBody, SavedView, ViewParams } from "./schemas.ts";
import { deleteView, getView, listViews, putView } from "./service.ts";

export function viewRoutes(deps: Deps) {
  return new Hono()
    .get(
      "/repos/:repo/views",
      describeRoute({
        operationId: "listViews",
        tags: ["views"],
        summary: "List the repo's saved views of the runs table, by name",
        responses: { 200: jsonResponse("A page of views", Page(SavedView, "SavedViewPage")), ...problems(400, 404) },
      }),
      params(RepoParams),
      query(PageQuery),
      async (c) => {
        const { limit, cursor } = c.req.valid("query");
        return c.json(await listViews(deps, c.req.valid("param").repo, limit, cursor));
      },
    )
    .get(
      "/repos/:repo/views/:name",
      describeRoute({
        operationId: "getView",
        tags: ["views"],
        summary: "Get a saved view",
        responses: { 200: jsonResponse("The view", SavedView), ...problems(400, 404) },
      }),
      params(ViewParams),
      async (c) => {
        const { repo, name } = c.req.valid("param");
        return c.json(await getView(deps, repo, name));
      },
    )
    .put(
      "/repos/:repo/views/:name",
      describeRoute({
        operationId: "putView",
        tags: ["views"],
        summary: "Save a view of the runs table under a name (replaces a view of that name)",
        description:
          "The filter, sort and columns in the state are checked as GET .../runs checks them: a syntax error is a 400 naming the field and position.",
        responses: {
          200: jsonResponse("A view of this name existed and was replaced", SavedView),
          201: jsonResponse("The view was created", SavedView),
          ...problems(400, 404, 413, 415),
        },
      }),
      params(ViewParams),
      requireJson(),
      jsonBody(PutViewBody),
      async (c) => {
        const { repo, name } = c.req.valid("param");
        const { view, created } = await putView(deps, repo, name, c.req.valid("json").state);
        return c.json(view, created ? 201 : 200);
      },
    )
    .delete(
      "/repos/:repo/views/:name",
      describeRoute({
        operationId: "deleteView",
        tags: ["views"],
        summary: "Delete a saved view",
        responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
      }),
      params(ViewParams),
      async (c) => {
        const { repo, name } = c.req.valid("param");
        await deleteView(deps, repo, name);
        return c.body(null, 204);
      },
    );
}

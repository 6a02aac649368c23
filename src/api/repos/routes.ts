import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { Page, PageQuery, RepoParams } from "../../http/schemas.ts";
import { jsonBody, params, query, requireJson } from "../../http/validation.ts";
import { PutRepoBody, RepoView } from "./schemas.ts";
import { deleteRepo, getRepo, listRepos, putRepo } from "./service.ts";

export function repoRoutes(deps: Deps) {
  return new Hono()
    .get(
      "/repos",
      describeRoute({
        operationId: "listRepos",
        tags: ["repos"],
        summary: "List repos with their run and campaign counts (a token limited to a repo sees that one)",
        responses: { 200: jsonResponse("A page of repos", Page(RepoView, "RepoPage")), ...problems(400) },
      }),
      query(PageQuery),
      async (c) => {
        const { limit, cursor } = c.req.valid("query");
        return c.json(await listRepos(deps, limit, cursor, c.get("auth").repo));
      },
    )
    .put(
      "/repos/:repo",
      describeRoute({
        operationId: "putRepo",
        tags: ["repos"],
        summary: "Create or update a repo (idempotent)",
        responses: {
          200: jsonResponse("The repo existed and was updated", RepoView),
          201: jsonResponse("The repo was created", RepoView),
          ...problems(400, 413, 415),
        },
      }),
      params(RepoParams),
      requireJson({ optional: true }),
      jsonBody(PutRepoBody),
      // After the body validator, which documents every body as required: this one may be left out.
      describeRoute({ requestBody: { required: false, content: {} } }),
      async (c) => {
        const { repo } = c.req.valid("param");
        const body = c.req.valid("json") ?? {};
        const result = await putRepo(deps, repo, body.description);
        return c.json(result.repo, result.created ? 201 : 200);
      },
    )
    .get(
      "/repos/:repo",
      describeRoute({
        operationId: "getRepo",
        tags: ["repos"],
        summary: "Get a repo",
        responses: { 200: jsonResponse("The repo", RepoView), ...problems(400, 404) },
      }),
      params(RepoParams),
      async (c) => c.json(await getRepo(deps, c.req.valid("param").repo)),
    )
    .delete(
      "/repos/:repo",
      describeRoute({
        operationId: "deleteRepo",
        tags: ["repos"],
        summary: "Delete a repo with all its runs, series and campaigns",
        responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
      }),
      params(RepoParams),
      async (c) => {
        await deleteRepo(deps, c.req.valid("param").repo);
        return c.body(null, 204);
      },
    );
}

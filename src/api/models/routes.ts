import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { Page, PageQuery, RepoParams } from "../../http/schemas.ts";
import { params, query } from "../../http/validation.ts";
import { ListLoggedModelsQuery, LoggedModelInfo, RegisteredModelInfo } from "./schemas.ts";
import { listLoggedModels, listRegisteredModels } from "./service.ts";

export function modelRoutes(deps: Deps) {
  return new Hono()
    .get(
      "/repos/:repo/logged-models",
      describeRoute({
        operationId: "listLoggedModels",
        tags: ["models"],
        summary: "List the models the repo's runs logged through MLflow, newest first",
        responses: { 200: jsonResponse("A page of logged models", Page(LoggedModelInfo, "LoggedModelPage")), ...problems(400, 404) },
      }),
      params(RepoParams),
      query(ListLoggedModelsQuery),
      async (c) => c.json(await listLoggedModels(deps, c.req.valid("param").repo, c.req.valid("query"))),
    )
    .get(
      "/repos/:repo/registered-models",
      describeRoute({
        operationId: "listRegisteredModels",
        tags: ["models"],
        summary: "List the registered models with a version from one of the repo's runs, by name, with every version and alias",
        responses: { 200: jsonResponse("A page of registered models", Page(RegisteredModelInfo, "RegisteredModelPage")), ...problems(400, 404) },
      }),
      params(RepoParams),
      query(PageQuery),
      async (c) => c.json(await listRegisteredModels(deps, c.req.valid("param").repo, c.req.valid("query"))),
    );
}

import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { Page, PageQuery } from "../../http/schemas.ts";
import { jsonBody, params, query, requireJson } from "../../http/validation.ts";
import { CreateTokenBody, IssuedTokenView, TokenParams, TokenView } from "./schemas.ts";
import { issueToken, listTokens, revokeToken } from "./service.ts";

// Admin only (src/http/auth.ts): a token limited to one repo cannot manage tokens either.
export function tokenRoutes(deps: Deps) {
  return new Hono()
    .post(
      "/tokens",
      describeRoute({
        operationId: "createToken",
        tags: ["tokens"],
        summary: "Issue an API token (admin): its secret is in this answer only",
        responses: { 201: jsonResponse("Issued", IssuedTokenView), ...problems(400, 401, 403, 413, 415) },
      }),
      requireJson(),
      jsonBody(CreateTokenBody),
      async (c) => c.json(await issueToken(deps, c.req.valid("json")), 201),
    )
    .get(
      "/tokens",
      describeRoute({
        operationId: "listTokens",
        tags: ["tokens"],
        summary: "List API tokens (admin), without their secrets",
        responses: { 200: jsonResponse("A page of tokens", Page(TokenView, "TokenPage")), ...problems(400, 401, 403) },
      }),
      query(PageQuery),
      async (c) => {
        const { limit, cursor } = c.req.valid("query");
        return c.json(await listTokens(deps, limit, cursor));
      },
    )
    .delete(
      "/tokens/:id",
      describeRoute({
        operationId: "revokeToken",
        tags: ["tokens"],
        summary: "Revoke an API token (admin): refused from the next request on",
        responses: { 204: { description: "Revoked" }, ...problems(400, 401, 403, 404) },
      }),
      params(TokenParams),
      async (c) => {
        await revokeToken(deps, c.req.valid("param").id);
        return c.body(null, 204);
      },
    );
}

import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { RunParams } from "../../http/schemas.ts";
import { jsonBody, params, requireJson } from "../../http/validation.ts";
import { InputsResult, PostInputsBody } from "./schemas.ts";
import { addInputs } from "./service.ts";

export function inputRoutes(deps: Deps) {
  return new Hono().post(
    "/repos/:repo/runs/:run/inputs",
    describeRoute({
      operationId: "postInputs",
      tags: ["inputs"],
      summary: "Add dataset inputs to a run: what it trained or was evaluated on",
      description:
        "Idempotent: an input with the name and digest of one the run holds is kept as first logged (as MLflow does). All inputs of the request land or none does.",
      responses: { 200: jsonResponse("All inputs of the run, in the order first logged", InputsResult), ...problems(400, 404, 413, 415) },
    }),
    params(RunParams),
    requireJson(),
    jsonBody(PostInputsBody),
    async (c) => {
      const { repo, run } = c.req.valid("param");
      return c.json({ items: await addInputs(deps, repo, run, c.req.valid("json")) });
    },
  );
}

import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { floatJson } from "../../http/float-json.ts";
import { bareNonFiniteJson } from "../../http/nonfinite-body.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { RunParams } from "../../http/schemas.ts";
import { jsonBody, params, requireJson } from "../../http/validation.ts";
import { PutValuesBody, ValuesResult } from "./schemas.ts";
import { putValues } from "./service.ts";

export function valueRoutes(deps: Deps) {
  return new Hono().put(
    "/repos/:repo/runs/:run/values",
    describeRoute({
      operationId: "putValues",
      tags: ["values"],
      summary: "Upsert values: one result per (name, context)",
      description:
        'NaN and ±Infinity are written as the strings "NaN", "Infinity", "-Infinity"; the bare tokens NaN, Infinity and -Infinity (as Python\'s json writes them) are read as those strings too.',
      responses: { 200: jsonResponse("All values of the run after the upsert", ValuesResult), ...problems(400, 404, 413, 415) },
    }),
    params(RunParams),
    requireJson(),
    bareNonFiniteJson(),
    jsonBody(PutValuesBody),
    async (c) => {
      const { repo, run } = c.req.valid("param");
      // Object values keep keys valibot would drop (see keepFreeFormJson).
      const raw = (await c.req.json()) as { value: unknown }[];
      const values = c.req.valid("json").map((item, i) => ({ ...item, value: raw[i].value as typeof item.value }));
      return floatJson(c, { items: await putValues(deps, repo, run, values) });
    },
  );
}

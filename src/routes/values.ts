import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import type { Deps } from "../deps.ts";
import { putValues } from "../services/values.ts";
import { Context, jsonBody, jsonResponse, Name, params, problems, requireJson, RunParams, StrictObject } from "./common.ts";
import { Value, ValueView } from "./views.ts";

const PutValuesBody = v.pipe(
  v.array(StrictObject({ name: Name, context: v.optional(Context), value: Value })),
  v.maxLength(10_000, "at most 10,000 values per request"),
);

export function valueRoutes(deps: Deps) {
  return new Hono().put(
    "/repos/:repo/runs/:run/values",
    describeRoute({ operationId: "putValues",
      tags: ["values"],
      summary: "Upsert values: one result per (name, context)",
      responses: { 200: jsonResponse("All values of the run after the upsert", v.object({ items: v.array(ValueView) })), ...problems(400, 404, 413, 415) },
    }),
    params(RunParams),
    requireJson(),
    jsonBody(PutValuesBody),
    async (c) => {
      const { repo, run } = c.req.valid("param");
      // Object values keep keys valibot would drop (see keepFreeFormJson).
      const raw = (await c.req.json()) as { value: unknown }[];
      const values = c.req.valid("json").map((item, i) => ({ ...item, value: raw[i].value as typeof item.value }));
      return c.json({ items: await putValues(deps, repo, run, values) });
    },
  );
}

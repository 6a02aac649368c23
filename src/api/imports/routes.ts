import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { RepoParams } from "../../http/schemas.ts";
import { jsonBody, params, requireJson } from "../../http/validation.ts";
import { ImportBody, type ImportInput, ImportResult, MAX_IMPORT_RUNS } from "./schemas.ts";
import { importRepoContent } from "./service.ts";

type Raw = Record<string, unknown> & { campaigns?: Record<string, unknown>[]; runs?: (Record<string, unknown> & { values?: Record<string, unknown>[] })[] };

/**
 * Free-form JSON (params, provenance, values) taken from the parsed body itself, as
 * keepFreeFormJson does for top-level fields: valibot drops keys such as "__proto__", which
 * inside params are data. The schema has checked the shapes.
 */
function withFreeFormJson(validated: ImportInput, raw: Raw): ImportInput {
  return {
    ...validated,
    campaigns: validated.campaigns?.map((k, i) => ({ ...k, params: raw.campaigns?.[i]?.params as typeof k.params })),
    runs: validated.runs?.map((run, i) => {
      const source = raw.runs?.[i] ?? {};
      return {
        ...run,
        params: source.params as typeof run.params,
        provenance: source.provenance as typeof run.provenance,
        values: run.values?.map((value, j) => ({ ...value, value: source.values?.[j]?.value as typeof value.value })),
      };
    }),
  };
}

export function importRoutes(deps: Deps) {
  return new Hono().post(
    "/repos/:repo/import",
    describeRoute({
      operationId: "importRepoContent",
      tags: ["import"],
      summary: "Restore campaigns and runs with their stored timestamps (what `runcamp import` sends)",
      description: `Write scope. Each campaign and run is written exactly as given: created when absent, replaced when present (fields, status, created_at, updated_at, ended_at, last_activity_at, and the run's values as a whole). Send a run's points (POST .../metrics with reopen) and artifacts (PUT .../artifacts/...) first, then this: it puts back the status and times those routes move, and the artifacts' created_at. A run's campaign must be in the body or the repo (else a 400 on runs.N.campaign). At most ${MAX_IMPORT_RUNS} runs per request; all of it lands or none does. Instants are written as the API writes them (2026-01-31T12:00:00.000Z). The repo is created with the given description and created_at when it does not exist.`,
      responses: { 200: jsonResponse("What was created and replaced", ImportResult), ...problems(400, 404, 409, 413, 415) },
    }),
    params(RepoParams),
    requireJson(),
    jsonBody(ImportBody),
    async (c) => {
      const body = withFreeFormJson(c.req.valid("json"), (await c.req.json()) as Raw);
      return c.json(await importRepoContent(deps, c.req.valid("param").repo, body));
    },
  );
}

import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../../deps.ts";
import { jsonResponse } from "../../../http/openapi.ts";
import { problems } from "../../../http/problems.ts";
import { RepoParams, RunParams } from "../../../http/schemas.ts";
import { jsonBody, params, requireJson } from "../../../http/validation.ts";
import { ClosedStaleRunsView, CloseStaleBody, RunLivenessView } from "./schemas.ts";
import { closeStaleRuns, heartbeat } from "./service.ts";

export function livenessRoutes(deps: Deps) {
  return new Hono()
    .post(
      "/repos/:repo/runs/close-stale",
      describeRoute({
        operationId: "closeStaleRuns",
        tags: ["runs"],
        summary: "Mark stale runs (running, silent for longer than the staleness time) as killed",
        description:
          "A run is stale when it is running and its last activity (ingest, values, logs, create/resume, heartbeat) is older than RUNCAMP_STALE_AFTER_SECONDS (default 300). Each run closed gets status killed and ended_at = its last activity. Logging to it again reopens it, as for any finished run.",
        responses: { 200: jsonResponse("The runs closed", ClosedStaleRunsView), ...problems(400, 404, 413, 415) },
      }),
      params(RepoParams),
      requireJson({ optional: true }),
      jsonBody(CloseStaleBody),
      // After the body validator, which documents every body as required: this one may be left out.
      describeRoute({ requestBody: { required: false, content: {} } }),
      async (c) => {
        const body = c.req.valid("json") ?? {};
        return c.json(await closeStaleRuns(deps, c.req.valid("param").repo, body.filter));
      },
    )
    .post(
      "/repos/:repo/runs/:run/heartbeat",
      describeRoute({
        operationId: "heartbeatRun",
        tags: ["runs"],
        summary: "Record that the run's process is alive (the SDKs call it every 30 s)",
        description: "Never changes the run's status: a heartbeat to a finished or killed run is recorded and answered with that status.",
        responses: { 200: jsonResponse("The run's liveness", RunLivenessView), ...problems(400, 404) },
      }),
      params(RunParams),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        return c.json(await heartbeat(deps, repo, run));
      },
    );
}

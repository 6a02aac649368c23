import { Hono } from "hono";
import { accepts } from "hono/accepts";
import { describeRoute, resolver } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { RunParams } from "../../http/schemas.ts";
import { jsonBody, params, query, requireJson } from "../../http/validation.ts";
import { AppendLogsBody, AppendLogsResult, LogPage, ReadLogsQuery } from "./schemas.ts";
import { appendLogs, readLogs } from "./service.ts";
import { streamLogText } from "./text.ts";

export function logRoutes(deps: Deps) {
  return new Hono()
    .post(
      "/repos/:repo/runs/:run/logs",
      describeRoute({
        operationId: "appendLogs",
        tags: ["logs"],
        summary: "Append lines of a run's captured output (stdout, stderr)",
        description: `Write scope. 1 to 10,000 lines per request, all stored or none, as \`lines\` (a JSON object per line) or \`chunks\` (lines joined by "\\n", with the seq of the first), or both. A chunk's lines take the rules of a line. A line whose seq the run already holds is left as stored, so a retry is harmless. Accepted whatever the run's status. A run's logs hold at most RUNCAMP_MAX_LOG_BYTES_PER_RUN bytes of text (UTF-8; default ${64 * 1024 * 1024}): a request that would pass it is a 413 and stores nothing. Counts as the run's activity.`,
        responses: { 200: jsonResponse("What was stored, and the run's log size after", AppendLogsResult), ...problems(400, 404, 413, 415) },
      }),
      params(RunParams),
      requireJson(),
      jsonBody(AppendLogsBody),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        return c.json(await appendLogs(deps, repo, run, c.req.valid("json")));
      },
    )
    .get(
      "/repos/:repo/runs/:run/logs",
      describeRoute({
        operationId: "readLogs",
        tags: ["logs"],
        summary: "Read a run's log lines in seq order, filtered and paged (JSON) or whole (text)",
        description:
          "stream and q filter; tail keeps the last N lines of those; after and limit page through the rest (next_after). With Accept: text/plain, every line that stream, q, tail and after select (no pages; limit, if given, caps the count), each line's text followed by a newline, streamed.",
        responses: {
          200: {
            description: "A page of lines (JSON), or every selected line (text)",
            content: {
              "application/json": { schema: resolver(LogPage) },
              "text/plain": { schema: { type: "string" as const, description: "Each selected line's text followed by \\n (UTF-8), the whole selection" } },
            },
          },
          ...problems(400, 404),
        },
      }),
      params(RunParams),
      query(ReadLogsQuery),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        const type = accepts(c, { header: "Accept", supports: ["application/json", "text/plain"], default: "application/json" });
        if (type === "text/plain")
          return c.body(await streamLogText(deps, repo, run, c.req.valid("query")), 200, { "content-type": "text/plain; charset=utf-8" });
        return c.json(await readLogs(deps, repo, run, c.req.valid("query")));
      },
    );
}

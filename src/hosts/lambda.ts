// The AWS Lambda entry (`handler`), for API Gateway (REST v1 and HTTP v2 payloads), Function
// URLs and ALB, through Hono's adapter. A Lambda has no disk that outlives it, so the database
// is a libSQL server by URL (Turso, or sqld on a VM), migrated before deploying with
// `npm run db:migrate`, as for the Worker, and reached with @libsql/client's web client: no
// Node-API driver to package (`npm run build:lambda` bundles one file). Each instance serves one
// request at a time.
import type { Client as NodeClient } from "@libsql/client";
import { type Client, createClient } from "@libsql/client/web";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { createApp } from "../app.ts";
import { configFromEnv } from "../config.ts";
import { schemaIsCurrent } from "../db/schema-version.ts";
import { ApiError } from "../http/problems.ts";

type Env = Record<string, string | undefined>;
type LambdaHandler = ReturnType<typeof handle>;

const problem = (detail: string) => {
  const body = new ApiError(503, "unavailable", "Service unavailable", detail).toProblem();
  return new Response(JSON.stringify(body), { status: 503, headers: { "content-type": "application/problem+json" } });
};

/** What this environment lacks to serve, or undefined when it can. */
function misconfigured(env: Env): string | undefined {
  if (!env.LIBSQL_URL) return "LIBSQL_URL is not configured for this function: set it to a libSQL server (Turso, sqld).";
  if (env.LIBSQL_URL.startsWith("file:"))
    return `LIBSQL_URL must be a libSQL server on Lambda (its disk does not outlive the instance), got ${env.LIBSQL_URL}.`;
  // A function URL or API Gateway route is public: there is no loopback to serve without a token.
  if (!env.RUNCAMP_ADMIN_TOKEN) return "RUNCAMP_ADMIN_TOKEN is not configured for this function.";
  return undefined;
}

/**
 * The handler for `env` (process.env in production). The app and its client are built on the
 * first request and kept for the instance's life; the schema is checked once, as on the Worker.
 */
export function lambdaHandler(env: Env): LambdaHandler {
  let built: { app: Hono; client: Client } | undefined;
  let schemaChecked = false;
  const entry = new Hono();
  entry.all("*", async (c) => {
    const wrong = misconfigured(env);
    if (wrong) return problem(wrong);
    if (!built) {
      const client = createClient({ url: env.LIBSQL_URL!, authToken: env.LIBSQL_AUTH_TOKEN });
      // The web and Node clients share one interface; only their type packages differ.
      built = { client, app: createApp({ client: client as unknown as NodeClient, config: configFromEnv(env) }) };
    }
    if (!schemaChecked && c.req.path !== "/health") {
      const schema = await schemaIsCurrent(built.client);
      if (!schema.current) return problem(schema.detail);
      schemaChecked = true;
    }
    return built.app.fetch(c.req.raw, c.env);
  });
  return handle(entry);
}

export const handler: LambdaHandler = lambdaHandler(process.env);

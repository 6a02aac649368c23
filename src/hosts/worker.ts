// The Cloudflare Workers entry (also what `npm run dev` runs under Miniflare). The database is
// libSQL over HTTP (@libsql/client/web): Turso/sqld in production, tools/libsql-http/ locally.

import type { Client as NodeClient } from "@libsql/client";
import { type Client, createClient } from "@libsql/client/web";
import type { ExecutionContext, Hono } from "hono";
import { type IngestWrite, writeIngest as writeIngestAlone } from "../api/metrics/ingest-write.ts";
import { createApp } from "../app.ts";
import { configFromEnv } from "../config.ts";
import { schemaIsCurrent } from "../db/schema-version.ts";
import { ApiError } from "../http/problems.ts";
import type { WriteLock } from "../http/write-lock.ts";
import { isLoopbackHost } from "../lib/loopback.ts";

export interface Env {
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  RUNCAMP_ADMIN_TOKEN?: string;
  /** "true" under `npm run dev` only: serve loopback-addressed requests without a token. */
  RUNCAMP_DEV?: string;
  /** Workers static assets (wrangler.toml [assets]): the built web UI, web/dist. */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  [key: string]: unknown;
}

// As many calls at once as requests come: see where the client is created.
const UNQUEUED = 1_000_000;

// One app per isolate, rebuilt only if the bindings change.
let cached: { key: string; app: Hono; client: Client; schemaChecked: boolean } | undefined;

const problem = (error: ApiError) =>
  new Response(JSON.stringify(error.toProblem()), { status: error.status, headers: { "content-type": "application/problem+json" } });

const unavailable = (detail: string) => problem(new ApiError(503, "unavailable", "Service unavailable", detail));

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    if (!env.LIBSQL_URL) return unavailable("LIBSQL_URL is not configured for this Worker.");
    // As on Node: without a token the API is served only to loopback (wrangler dev).
    // A deployed Worker always needs a token. Only `npm run dev` (which sets RUNCAMP_DEV)
    // serves without one, and then only requests addressed to loopback.
    if (!env.RUNCAMP_ADMIN_TOKEN && !(env.RUNCAMP_DEV === "true" && isLoopbackHost(new URL(request.url).hostname))) {
      return unavailable("RUNCAMP_ADMIN_TOKEN is not configured: set it with `wrangler secret put RUNCAMP_ADMIN_TOKEN`.");
    }
    const stringEnv = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string"));
    const key = JSON.stringify(stringEnv);
    if (!cached || cached.key !== key) {
      // The client is shared by the isolate's requests, and by default runs 20 calls at once,
      // queueing the rest: a request queued behind other requests' calls waits on promises
      // only they settle, and workerd cancels it as hung. No queue, then: the libSQL server
      // takes the concurrency.
      const client = createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN, concurrency: UNQUEUED });
      // The web and Node clients share one interface; only their type packages differ.
      const shared = client as unknown as NodeClient;
      const assets = env.ASSETS;
      const webAssets =
        assets &&
        (async (path: string) => {
          // The binding serves by path alone; the origin is a placeholder.
          const res = await assets.fetch(new Request(`https://assets.invalid/${path}`));
          return res.ok ? res : null;
        });
      // No request may wait for another: workerd cancels a request that waits on a promise
      // only another request can settle (a shared lock, a group commit) as hung, and with
      // 32 writers most of them did. Each write request is atomic on its own (one batch, or
      // an ingest's one transaction) and the libSQL server orders them: no write lock, and
      // each ingest in a transaction of its own.
      const writeLock: WriteLock = (task) => task();
      const writeIngest = (w: IngestWrite) => writeIngestAlone(shared, w);
      cached = {
        key,
        client,
        app: createApp({ client: shared, config: configFromEnv(stringEnv), webAssets, writeLock, writeIngest }),
        schemaChecked: false,
      };
    }
    if (!cached.schemaChecked && new URL(request.url).pathname !== "/health") {
      const schema = await schemaIsCurrent(cached.client);
      if (!schema.current) return unavailable(schema.detail);
      cached.schemaChecked = true;
    }
    return cached.app.fetch(request, env, ctx);
  },
};

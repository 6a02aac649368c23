// The Cloudflare Workers entry (also what `npm run dev` runs under Miniflare). The database is
// libSQL over HTTP (@libsql/client/web): Turso/sqld in production, tools/libsql-http/ locally.

import type { Client as NodeClient } from "@libsql/client";
import { type Client, createClient } from "@libsql/client/web";
import type { ExecutionContext, Hono } from "hono";
import type { R2BucketBinding } from "../api/artifacts/r2-bucket.ts";
import { writeIngestAlone } from "../api/metrics/ingest-groups.ts";
import type { IngestWrite } from "../api/metrics/ingest-write.ts";
import { warmUpReadCode } from "../api/metrics/warm-up.ts";
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
  /** An R2 bucket for artifacts (wrangler.toml [[r2_buckets]]); with it new uploads go to R2 (docs/artifacts.md). */
  ARTIFACTS?: R2BucketBinding;
  /** Workers static assets (wrangler.toml [assets]): the built web UI, web/dist. */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  [key: string]: unknown;
}

// One app per isolate, rebuilt only if the bindings change.
//
// Nothing the app keeps across requests may be a promise one request waits on and another
// settles. workerd ties a promise's continuations to the request that created them: when that
// request is finished or cancelled (its client went away, or the runtime judged it hung because
// it waited on another request with no I/O of its own) they are dropped, and a request whose
// I/O started inside another request's continuation dies with that one. Two such promises
// stood in the way of concurrent writers (32 of them: 480 ingests answered, then "Worker's
// code had hung" for every write until restart):
// - the app's write lock (src/http/write-lock.ts) chains every write of the isolate on one
//   promise; one dropped link and no later write ever ran. It exists because the embedded
//   driver is synchronous; a libSQL server locks on its side (every ingest is one write
//   transaction there, BEGIN IMMEDIATE), and a Worker fleet runs many isolates anyway, so
//   nothing can rely on it here: each write request goes straight to the server;
// - @libsql/client's request queue (`concurrency`, default 20): past 20 statements in flight
//   the next one is started from the continuation of whichever finished first, i.e. inside
//   another request. Unbounded, every statement starts in its own request (workerd itself
//   caps each request's open connections).
const concurrentWrites: WriteLock = (task) => task();

// A new isolate compiles the series read path here, when the module loads, instead of in its
// first read (src/series/warm-up.ts). Statements are prepared by the libSQL server, not here.
warmUpReadCode();
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
      const client = createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN, concurrency: Number.POSITIVE_INFINITY });
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
      cached = {
        key,
        client,
        // Each ingest in a transaction of its own: a group commit shared by several requests
        // is such a promise too.
        app: createApp({
          client: shared,
          config: configFromEnv(stringEnv),
          webAssets,
          r2: env.ARTIFACTS,
          writeLock: concurrentWrites,
          writeIngest: (w: IngestWrite) => writeIngestAlone(shared, w),
          // workerd compresses a body itself when its Content-Encoding says gzip (the runtime's
          // encodeBody "automatic"): compressing it here too sent it gzipped twice.
          gzip: (body) => body,
        }),
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

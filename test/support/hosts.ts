// biome-ignore-all assist/source/organizeImports: miniflare must be imported last (see there)
// The hosts the API suite runs against. Each test file does
// `describe.each(hosts)(...)` so the same assertions cover app.request() and a real socket
// (and, once the Worker host exists, Miniflare).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient } from "@libsql/client";
import { afterAll, beforeAll, expect } from "vitest";
import { createApp } from "../../src/app.ts";
import { type ArtifactStoreName, type Config, defaultLimits, type S3Settings } from "../../src/config.ts";
import { openDatabase, startNodeServer } from "../../src/hosts/node.ts";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "../../tools/libsql-http/server.ts";
import { type RawResponse, rawRequest } from "./raw-http.ts";
import { contractViolation } from "./response-contract.ts";
import { startS3Server, startServerProcess, startSqld } from "./processes.ts";
import { sqldAvailable } from "./sqld.ts";
import { guardClient, sqldGuard } from "./sqld-guard.ts";
import { workerBundleDir } from "./worker-bundle.ts";
// Last: miniflare's undici must load after @hono/node-server (through src/hosts/node.ts) has
// set up its globals, or fetch() refuses the explicit content-length the body-limit tests send.
import { Miniflare } from "miniflare";

export interface Host {
  readonly name: string;
  /** Sends a request to the API; `path` starts with "/". */
  request(path: string, init?: RequestInit): Promise<Response>;
  /**
   * Sends `path` as written: on a socket host it reaches the server unresolved (no client-side
   * URL parsing); app.request parses it as every host's URL parser would.
   */
  raw(method: string, path: string, headers?: Record<string, string>, body?: string): Promise<RawResponse>;
  /** Runs a read-only query on the host's database beside the server (tests count rows with it). */
  query(sql: string, args?: (string | number)[]): Promise<Record<string, unknown>[]>;
  /** Stops the server and starts it again on the same database file. */
  restart(): Promise<void>;
  /** Where new artifact uploads go. */
  readonly artifactStore: ArtifactStoreName;
  /** The object store's bucket beside the server, on hosts whose uploads go to one. */
  readonly objects?: ObjectsView;
  /** On the S3 host: its bucket's settings and the database file's URL (for the move command). */
  readonly s3?: { settings: S3Settings; url: string };
  close(): Promise<void>;
}

/** What a test sees of a host's object store. */
export interface ObjectsView {
  /** Every object key in the bucket. */
  keys(): Promise<string[]>;
  /** Multipart uploads still open (a store that cannot list them: 0). */
  openUploads(): Promise<number>;
}

export interface HostFactory {
  name: string;
  /** True when the server runs in the test process, so tests can mock its clock. */
  inProcess: boolean;
  start(config?: Partial<Config>): Promise<Host>;
}

const testConfig = (overrides: Partial<Config> = {}): Config => ({ limits: { ...defaultLimits }, corsOrigins: [], ...overrides });

async function queryFile(url: string, sql: string, args: (string | number)[] = []) {
  const client = createClient({ url });
  try {
    return (await client.execute({ sql, args })).rows as unknown as Record<string, unknown>[];
  } finally {
    client.close();
  }
}

function tempDatabaseUrl() {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-test-"));
  return { url: `file:${join(dir, "runcamp.db")}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const appRequestHost: HostFactory = {
  name: "app.request",
  inProcess: true,
  async start(overrides) {
    const { url, cleanup } = tempDatabaseUrl();
    const config = testConfig(overrides);
    const guard = await sqldGuard();
    let client = await openDatabase(url);
    let app = createApp({ client: guardClient(client, guard), config });
    return {
      name: "app.request",
      artifactStore: "libsql",
      request: async (path, init) => app.request(path, init),
      async raw(method, path, headers, body) {
        const res = await app.request(path, { method, headers, body });
        return { status: res.status, headers: Object.fromEntries(res.headers), text: await res.text() };
      },
      query: (sql, args) => queryFile(url, sql, args),
      async restart() {
        client.close();
        client = await openDatabase(url);
        app = createApp({ client: guardClient(client, guard), config });
      },
      async close() {
        client.close();
        cleanup();
      },
    };
  },
};

export const nodeSocketHost: HostFactory = {
  name: "node socket",
  inProcess: true,
  async start(overrides) {
    const { url, cleanup } = tempDatabaseUrl();
    const config = testConfig(overrides);
    const guard = await sqldGuard();
    const wrapClient = (client: Client) => guardClient(client, guard);
    let running = await startNodeServer({ url, host: "127.0.0.1", port: 0, config, wrapClient });
    return {
      name: "node socket",
      artifactStore: "libsql",
      request: (path, init) => fetch(`http://127.0.0.1:${running.port}${path}`, init),
      raw: (method, path, headers, body) => rawRequest(`http://127.0.0.1:${running.port}`, method, path, headers, body),
      query: (sql, args) => queryFile(url, sql, args),
      async restart() {
        await running.close();
        running = await startNodeServer({ url, host: "127.0.0.1", port: 0, config, wrapClient });
      },
      async close() {
        await running.close();
        cleanup();
      },
    };
  },
};

/**
 * The Node host against a real sqld (its own process, its own database dir, migrations applied
 * by the host at start as `npm start` does): the remote-client path, where sqld's parser,
 * its locking and its HTTP answers are the real ones.
 */
export const nodeSqldHost: HostFactory = {
  name: "node → sqld",
  inProcess: true,
  async start(overrides) {
    const sqld = await startSqld();
    const config = testConfig(overrides);
    const start = () => startNodeServer({ url: sqld.url, host: "127.0.0.1", port: 0, config });
    let running: Awaited<ReturnType<typeof start>>;
    try {
      running = await start();
    } catch (err) {
      await sqld.close();
      throw err;
    }
    return {
      name: "node → sqld",
      artifactStore: "libsql",
      request: (path, init) => fetch(`http://127.0.0.1:${running.port}${path}`, init),
      raw: (method, path, headers, body) => rawRequest(`http://127.0.0.1:${running.port}`, method, path, headers, body),
      query: (sql, args) => queryFile(sqld.url, sql, args),
      async restart() {
        await running.close();
        running = await start();
      },
      async close() {
        try {
          await running.close();
        } finally {
          await sqld.close();
        }
      },
    };
  },
};

/** The env vars that make the Worker's configFromEnv() produce `config`. */
function configEnv(config: Config): Record<string, string> {
  const env: Record<string, string> = {
    RUNCAMP_MAX_BODY_BYTES: String(config.limits.maxBodyBytes),
    RUNCAMP_MAX_POINTS_PER_REQUEST: String(config.limits.maxPointsPerRequest),
    RUNCAMP_MAX_NAME_LENGTH: String(config.limits.maxNameLength),
    RUNCAMP_MAX_CONTEXT_KEYS: String(config.limits.maxContextKeys),
    RUNCAMP_MAX_CONTEXT_LENGTH: String(config.limits.maxContextLength),
    RUNCAMP_MAX_PARAMS_BYTES: String(config.limits.maxParamsBytes),
    RUNCAMP_MAX_ARTIFACT_BYTES: String(config.limits.maxArtifactBytes),
    RUNCAMP_MAX_JSON_DEPTH: String(config.limits.maxJsonDepth),
    RUNCAMP_MAX_SERIES_PER_REQUEST: String(config.limits.maxSeriesPerRequest),
    RUNCAMP_MAX_SERIES_PER_RUN: String(config.limits.maxSeriesPerRun),
    RUNCAMP_MAX_LOG_BYTES_PER_RUN: String(config.limits.maxLogBytesPerRun),
  };
  if (config.corsOrigins.length) env.RUNCAMP_CORS_ORIGINS = config.corsOrigins.join(",");
  if (config.adminToken) env.RUNCAMP_ADMIN_TOKEN = config.adminToken;
  else env.RUNCAMP_DEV = "true"; // as `npm run dev` runs it: open on loopback
  if (config.staleAfterSeconds !== undefined) env.RUNCAMP_STALE_AFTER_SECONDS = String(config.staleAfterSeconds);
  return env;
}

const wranglerToml = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
const compatibilityDate = /compatibility_date\s*=\s*"([^"]+)"/.exec(wranglerToml)![1];

/**
 * The Worker bundle under Miniflare (workerd, the Workers runtime), its database a libSQL
 * file served by our local libSQL HTTP endpoint — the `npm run dev` setup; with `r2`, its
 * artifacts in an R2 bucket bound as ARTIFACTS (Miniflare's local R2).
 */
function workerHostWith(name: string, r2: boolean): HostFactory {
  return {
    name,
    inProcess: false,
    async start(overrides) {
      const { url, cleanup } = tempDatabaseUrl();
      const file = url.slice("file:".length);
      const config = testConfig(overrides);
      (await openDatabase(url)).close(); // migrations, as `npm run db:migrate` would
      const refuseSql = (await sqldGuard()) ?? undefined;
      let sql: LibsqlHttpServer;
      let mf: Miniflare;
      const boot = async () => {
        // The endpoint refuses what sqld refuses, as under `npm run dev`.
        sql = await startLibsqlHttpServer({ file, port: 0, refuseSql });
        mf = new Miniflare({
          // Listed rather than discovered: hono-openapi's optional vendor loaders leave dynamic
          // imports (zod, effect, ...) that are never executed but would fail module discovery.
          modules: [{ type: "ESModule", path: join(workerBundleDir, "worker.js"), contents: readFileSync(join(workerBundleDir, "worker.js"), "utf8") }],
          compatibilityDate,
          bindings: { LIBSQL_URL: sql.url, ...configEnv(config) },
          // In memory, kept across restart(): restart() disposes this instance only.
          ...(r2 && { r2Buckets: ["ARTIFACTS"], r2Persist: r2Dir }),
        });
        await mf.ready;
      };
      const r2Dir = r2 ? mkdtempSync(join(tmpdir(), "runcamp-r2-")) : "";
      await boot();
      type Listing = { objects: { key: string }[]; truncated: boolean; cursor?: string };
      const bucket = async () => (await mf.getR2Bucket("ARTIFACTS")) as unknown as { list(o: { cursor?: string }): Promise<Listing> };
      return {
        name,
        artifactStore: r2 ? "r2" : "libsql",
        objects: r2
          ? {
              async keys() {
                const keys: string[] = [];
                let cursor: string | undefined;
                do {
                  const page = await (await bucket()).list({ cursor });
                  keys.push(...page.objects.map((o) => o.key));
                  cursor = page.truncated ? page.cursor : undefined;
                } while (cursor);
                return keys;
              },
              openUploads: async () => 0,
            }
          : undefined,
        request: async (path, init) => (await mf.dispatchFetch(`http://127.0.0.1${path}`, init as never)) as unknown as Response,
        // workerd's own socket: the path reaches the runtime as sent.
        raw: async (method, path, headers, body) => rawRequest((await mf.ready).origin, method, path, headers, body),
        query: (sql, args) => queryFile(url, sql, args),
        async restart() {
          await mf.dispose();
          await sql.close();
          await boot();
        },
        async close() {
          await mf.dispose();
          await sql.close();
          cleanup();
          if (r2Dir) rmSync(r2Dir, { recursive: true, force: true });
        },
      };
    },
  };
}

export const workerHost = workerHostWith("worker (miniflare)", false);

/** The Worker with its artifacts in R2 (the ARTIFACTS binding, Miniflare's local R2). */
export const workerR2Host = workerHostWith("worker → R2 (miniflare)", true);

/**
 * The Node host with its artifacts in an S3-compatible store: a real one, moto's standalone
 * server in its own process (scripts/s3-process.ts), a bucket of its own per host.
 */
export const nodeS3Host: HostFactory = {
  name: "node → S3 (moto)",
  inProcess: true,
  async start(overrides) {
    const s3 = await startS3Server();
    const bucket = "runcamp-test";
    const { url, cleanup } = tempDatabaseUrl();
    try {
      await s3.createBucket(bucket);
    } catch (err) {
      await s3.stop();
      throw err;
    }
    // overrides.artifacts.uploadsTo "libsql": the bucket is there to move artifacts into.
    const config = testConfig({ ...overrides, artifacts: { uploadsTo: overrides?.artifacts?.uploadsTo, s3: s3.settings(bucket, "artifacts") } });
    const start = () => startNodeServer({ url, host: "127.0.0.1", port: 0, config });
    let running = await start();
    return {
      name: "node → S3 (moto)",
      artifactStore: config.artifacts?.uploadsTo ?? "s3",
      objects: { keys: () => s3.listKeys(bucket), openUploads: () => s3.openUploads(bucket) },
      s3: { settings: s3.settings(bucket, "artifacts"), url: url },
      request: (path, init) => fetch(`http://127.0.0.1:${running.port}${path}`, init),
      raw: (method, path, headers, body) => rawRequest(`http://127.0.0.1:${running.port}`, method, path, headers, body),
      query: (sql, args) => queryFile(url, sql, args),
      async restart() {
        await running.close();
        running = await start();
      },
      async close() {
        try {
          await running.close();
        } finally {
          await s3.stop();
          cleanup();
        }
      },
    };
  },
};

const root = join(import.meta.dirname, "../..");

/**
 * A host in a process of its own, as its npm script starts it (`npm run start:bun`,
 * `npm run start:deno`), on a fresh database file; restart() stops it (SIGTERM) and starts it
 * again on the same file.
 */
function processHost(name: string, command: string, args: string[]): HostFactory {
  return {
    name,
    inProcess: false,
    async start(overrides) {
      const { url, cleanup } = tempDatabaseUrl();
      const config = testConfig(overrides);
      const env = { ...process.env, ...configEnv(config), LIBSQL_URL: url, HOST: "127.0.0.1", PORT: "0", RUNCAMP_ADMIN_TOKEN: config.adminToken ?? "" };
      let server = await startServerProcess(join(root, "node_modules/.bin", command), args, env);
      return {
        name,
        artifactStore: "libsql",
        request: (path, init) => fetch(`${server.base}${path}`, init),
        raw: (method, path, headers, body) => rawRequest(server.base, method, path, headers, body),
        query: (sql, args) => queryFile(url, sql, args),
        async restart() {
          await server.process.stop();
          server = await startServerProcess(join(root, "node_modules/.bin", command), args, env);
        },
        async close() {
          await server.process.stop();
          cleanup();
        },
      };
    },
  };
}

export const bunHost = processHost("bun", "bun", [join(root, "src/hosts/bun.ts")]);
export const denoHost = processHost("deno", "deno", ["run", "--allow-all", "--no-lock", "--unstable-no-legacy-abort", join(root, "src/hosts/deno.ts")]);

export const hosts: HostFactory[] = [appRequestHost, nodeSocketHost, workerHost];

/**
 * `hosts`, the Bun and Deno hosts, and, where ../shared/tools/sqld is present, the Node host
 * against a real sqld: for the suites about what the API does with the database (ingest,
 * reads, search, runs, campaigns, artifacts, values, imports, MLflow, tokens, errors that must
 * leave nothing written). Suites about the HTTP layer (path encoding, hostile input, security
 * headers, the spec's claims) and the clock-driven liveness suite stay on `hosts`: their SQL
 * is the same as on the node socket host, and a fourth host there cost ~30 s of the suite on
 * two cores for nothing sqld-specific. What they test of the HTTP layer is Node's and
 * workerd's: Bun and Deno answer a malformed request line or oversized headers themselves.
 */
export const apiHosts: HostFactory[] = [...hosts, ...(sqldAvailable() ? [nodeSqldHost] : []), bunHost, denoHost];

/** JSON request helpers that keep tests short. */
export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/**
 * Starts one host for the enclosing describe block and stops it after. `call` sends a request
 * and fails the test on any 5xx (no input may ever crash the server) and on any response
 * that breaks the route's documented contract (status listed, body matching its schema).
 */
export function useHost(factory: HostFactory, overrides?: Partial<Config>) {
  const api = {
    host: undefined as unknown as Host,
    async call(path: string, init?: RequestInit): Promise<Response> {
      const res = await api.host.request(path, init);
      expect(res.status, `${init?.method ?? "GET"} ${path}`).toBeLessThan(500);
      expect(await contractViolation(init?.method ?? "GET", path, res)).toBeNull();
      return res;
    },
  };
  beforeAll(async () => {
    api.host = await factory.start(overrides);
  });
  afterAll(() => api.host.close());
  return api;
}

let repoSeq = 0;
/** A repo name no other test uses, so tests sharing a host never see each other's data. */
export const uniqueRepo = (label: string) => `${label}-${Date.now().toString(36)}-${repoSeq++}`.toLowerCase();

// The Node host as the benchmarks run it: a child process on a fresh database (so client and
// server each get a core), and the request helpers and bodies they send it; and the services'
// deps for the benchmarks that write their data in-process.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, statSync } from "node:fs";
import { Agent, request } from "node:http";
import { join, resolve } from "node:path";
import { defaultLimits } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { openDatabase } from "../src/hosts/node.ts";

export const root = resolve(import.meta.dirname, "..");

/** The database at `url` (migrated) with the default limits, for calling the services directly; close its client after. */
export async function inProcessDeps(url: string): Promise<Deps> {
  return { client: await openDatabase(url), config: { limits: defaultLimits, corsOrigins: [] } };
}

/**
 * Starts the Node host on `libsqlUrl` (an embedded file: URL, or a libSQL server's http: URL).
 * BENCH_SERVER_ROOT=<checkout> runs another checkout's server with this bench (before/after).
 */
export async function startServer(libsqlUrl: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(
    join(root, "node_modules/.bin/node"),
    [...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []), join(process.env.BENCH_SERVER_ROOT ?? root, "src/hosts/node.ts")],
    {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LIBSQL_URL: libsqlUrl, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  // BENCH_SERVER_STDOUT=file keeps what the server prints (with BENCH_SERVER_NODE_ARGS=--trace-gc, its GC pauses).
  if (process.env.BENCH_SERVER_STDOUT) child.stdout!.pipe(createWriteStream(process.env.BENCH_SERVER_STDOUT, { flags: "a" }));
  await new Promise<void>((ready, fail) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && ready());
    child.on("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
}

export async function stopServer(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  if (child.exitCode === null) await new Promise((done) => child.once("exit", done));
}

/** A JSON request helper against `base`; throws on any non-2xx answer. */
/**
 * The first request a fresh server process on `libsqlUrl` (an embedded file: URL beside any
 * server already on the file, or a libSQL server's URL; on `port`) serves: ms from sending
 * `path` to its whole answer, gzip accepted as a browser does.
 */
export async function firstReadInFreshProcess(libsqlUrl: string, port: number, path: string): Promise<number> {
  const child = await startServer(libsqlUrl, port);
  try {
    return await timeGet(port, path);
  } finally {
    await stopServer(child);
  }
}

/**
 * ms of one GET of `path` on a new connection to 127.0.0.1:`port`, to its whole answer, gzip
 * accepted. The client is node:http, lean like a browser's native stack: fetch (undici) in
 * this process adds its own first-connection cost to a new origin, and inflating the body.
 */
export function timeGet(port: number, path: string): Promise<number> {
  return new Promise<number>((done, fail) => {
    const t0 = performance.now();
    request({ host: "127.0.0.1", port, path, headers: { "accept-encoding": "gzip" } }, (res) => {
      if (res.statusCode !== 200) fail(new Error(`GET ${path}: ${res.statusCode}`));
      res.on("data", () => {});
      res.on("end", () => done(performance.now() - t0));
    })
      .on("error", fail)
      .end();
  });
}

/**
 * GET as a lean client measures a read's latency: one keep-alive connection (node:http),
 * gzip accepted, the body received but not inflated or parsed (a client's own cost, not the
 * server's). Same signature as caller's function, for the timing helpers.
 */
export function reader(base: string) {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (method: string, path: string): Promise<unknown> =>
    new Promise((done, fail) => {
      request({ host: hostname, port, path, method, agent, headers: { "accept-encoding": "gzip" } }, (res) => {
        res.on("data", () => {});
        res.on("end", () => (res.statusCode === 200 ? done(null) : fail(new Error(`${method} ${path}: ${res.statusCode}`))));
      })
        .on("error", fail)
        .end();
    });
}

export function caller(base: string) {
  return async function call(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<unknown> {
    const res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "content-type": contentType },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
}

/** A realistic series: a loss-like value, epoch changing every 1,000 steps, 10 ms-spaced times. */
export function lossPoint(step: number) {
  return { value: 1 / (1 + step) + Math.random() * 1e-3, epoch: Math.floor(step / 1000), time: 1764147000 + step * 0.01 };
}

/** `count` points of one series from step `from` on, as an object per point. */
export function pointsBody(name: string, context: object, from: number, count: number): string {
  const points = new Array(count);
  for (let i = 0; i < count; i++) points[i] = { name, context, step: from + i, ...lossPoint(from + i) };
  return JSON.stringify({ points });
}

/** The same points in the columnar form: an array per field. */
export function seriesBody(
  name: string,
  context: object,
  from: number,
  count: number,
  value: (step: number) => number = (s) => lossPoint(s).value,
  time: (step: number) => number = (s) => 1764147000 + s * 0.01,
): string {
  const steps = new Array(count);
  const values = new Array(count);
  const epochs = new Array(count);
  const times = new Array(count);
  for (let i = 0; i < count; i++) {
    const step = from + i;
    steps[i] = step;
    values[i] = value(step);
    epochs[i] = Math.floor(step / 1000);
    times[i] = time(step);
  }
  return JSON.stringify({ series: [{ name, context, steps, values, epochs, times }] });
}

/** A database file's size with its WAL. */
export function fileBytes(file: string): number {
  let size = 0;
  for (const suffix of ["", "-wal"]) {
    try {
      size += statSync(file + suffix).size;
    } catch {
      // no WAL file
    }
  }
  return size;
}

// The Node host (`npm start`): @hono/node-server over an embedded libSQL file, migrations
// applied at start, graceful shutdown. Refuses to serve without auth anywhere but loopback.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, extname, resolve, sep } from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type ServerType, serve } from "@hono/node-server";
import {
  type Client,
  createClient,
  type InStatement,
  LibsqlBatchError,
  LibsqlError,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Hono } from "hono";
import type { Sha256Factory } from "../api/artifacts/store.ts";
import { type IngestWrite, type IngestWriteResult, ingestTransferList } from "../api/metrics/ingest-write.ts";
import { warmUpReads } from "../api/metrics/warm-up.ts";
import { createApp } from "../app.ts";
import type { Deps } from "../deps.ts";
import { ApiError } from "../http/problems.ts";
import type { AssetLoader } from "../http/web-ui.ts";
import { startBackupSchedule } from "./backup.ts";
import { type AppOptions, type EmbeddedReplica, hostSettingsOrExit, listeningLine, type NodeServerOptions } from "./host-settings.ts";
import { httpBase, withProtobufStatements } from "./hrana-protobuf.ts";
import { nodeGzip } from "./node-gzip.ts";
import { warmUpOverSocket } from "./node-socket-warm-up.ts";
import { withPreparedStatements } from "./node-statements.ts";
import type { WireError, WireResultSet, WriterReply, WriterRequest } from "./node-writer.ts";

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** Applies drizzle/ (the migrations drizzle-kit generates from src/db/schema.ts). */
export async function migrateDatabase(client: Client): Promise<void> {
  await migrate(drizzle(client), { migrationsFolder });
}

const webDist = resolve(dirname(fileURLToPath(import.meta.url)), "../../web/dist");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** The built web UI's files from a folder (web/dist, written by `npm run build:web`). */
function webAssetsFromDir(dir: string): AssetLoader {
  return async (path) => {
    const file = resolve(dir, path);
    if (!file.startsWith(dir + sep)) return null;
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" } });
    } catch {
      return null;
    }
  };
}

const BUSY_TIMEOUT_MS = 10_000;
const isEmbeddedFile = (url: string) => url.startsWith("file:") && !url.startsWith("file::memory:");
const fileOf = (url: string) => url.slice("file:".length);

/**
 * fetch for the remote client (@libsql/client's hrana over HTTP), asking for responses
 * uncompressed. Node's fetch asks for gzip, deflate and br by default, and sqld compresses each
 * response on the fly: a 5 MiB artifact read or a long series' blocks took seconds of the
 * server's CPU to compress (and ours to inflate) for bytes that cross a datacenter link, not
 * the internet (bench/RESULTS.md, "Long reads through the Node host").
 */
const uncompressedFetch = (request: Request) => {
  const headers = new Headers(request.headers);
  headers.set("accept-encoding", "identity");
  return fetch(new Request(request, { headers }));
};

/** Opens (creating if needed) the database and brings its schema up to date. */
export async function openDatabase(url: string, authToken?: string, replica?: EmbeddedReplica): Promise<Client> {
  if (replica && !isEmbeddedFile(url)) {
    throw new Error(
      `LIBSQL_SYNC_URL makes this host an embedded replica of ${replica.syncUrl}: LIBSQL_URL must then be a file: path for its local copy (got ${url})`,
    );
  }
  if (isEmbeddedFile(url)) {
    mkdirSync(dirname(resolve(fileOf(url))), { recursive: true });
  }
  // `timeout` is each pooled connection's busy timeout: concurrent write transactions wait
  // for each other instead of failing with SQLITE_BUSY.
  const client = createClient({
    url,
    authToken,
    timeout: BUSY_TIMEOUT_MS,
    fetch: uncompressedFetch,
    ...(replica && { syncUrl: replica.syncUrl, syncInterval: replica.syncIntervalSeconds, readYourWrites: true }),
  });
  if (replica) {
    // The primary's schema and data first: the migrations below read what is applied locally.
    await client.sync();
  } else if (url.startsWith("file:")) {
    // WAL lets readers run beside the writer; the mode is stored in the file itself.
    await client.execute("PRAGMA journal_mode = WAL");
  }
  await migrateDatabase(client);
  // A libSQL server's single statements go in protobuf where it offers it (./hrana-protobuf.ts).
  if (!url.startsWith("file:"))
    return withProtobufStatements(client, url, authToken ?? new URL(url).searchParams.get("authToken") ?? undefined, uncompressedFetch);
  // Single statements on a file of our own go through prepared statements kept by SQL text
  // (./node-statements.ts); a replica's local copy is written by its sync client alone, and a
  // URL with options (file:x.db?mode=ro) is left to the client that understands them.
  return isEmbeddedFile(url) && !replica && !url.includes("?") ? withPreparedStatements(client, fileOf(url), BUSY_TIMEOUT_MS) : client;
}

/**
 * Whether the libSQL server at `url` is a sqld replica (started with --primary-grpc-url). A
 * replica hands every write to its primary and sees it only once it has replicated back, so a
 * host on it does not read its own writes: runs it had just created answered 404, a campaign
 * it had just inserted was not there to answer with. sqld says so only in passing: the
 * replica's answer to a write the primary ran counts the affected row but no rows written
 * (`rows_written` 0), where a primary counts 1. The probe inserts one row in a transaction it
 * rolls back. A server that does not report `rows_written` (the local dev endpoint) is taken
 * for a primary.
 */
export async function isSqldReplica(url: string, authToken?: string): Promise<boolean> {
  const token = authToken ?? new URL(url).searchParams.get("authToken") ?? undefined;
  const probe = `runcamp-replica-probe-${Math.random().toString(36).slice(2)}`;
  const res = await fetch(new URL("v2/pipeline", httpBase(url)), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({
      requests: [
        { type: "execute", stmt: { sql: "BEGIN IMMEDIATE" } },
        { type: "execute", stmt: { sql: "INSERT INTO repos (name, description, created_at) VALUES (?, '', 0)", args: [{ type: "text", value: probe }] } },
        { type: "execute", stmt: { sql: "ROLLBACK" } },
        { type: "close" },
      ],
    }),
  });
  if (!res.ok) return false; // no Hrana over HTTP to ask here: no verdict
  const body = (await res.json()) as { results?: { response?: { result?: { affected_row_count?: number; rows_written?: number } } }[] };
  const insert = body.results?.[1]?.response?.result;
  return insert?.affected_row_count === 1 && insert.rows_written === 0;
}

// A request without its id, for each kind of request (distributed over the union).
type WriterCall = WriterRequest extends infer R ? (R extends WriterRequest ? Omit<R, "id"> : never) : never;

// A result set as the driver builds it: rows indexed and named.
function fromWire(rs: WireResultSet): ResultSet {
  const rows = rs.rows.map((values) => {
    const row: Record<string | number, unknown> = {};
    Object.defineProperty(row, "length", { value: values.length });
    values.forEach((value, i) => {
      Object.defineProperty(row, i, { value });
      const column = rs.columns[i];
      if (!Object.hasOwn(row, column)) Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
    });
    return row;
  }) as unknown as ResultSet["rows"];
  return { ...rs, rows, toJSON: () => ({ ...rs }) };
}

function errorFromWire(e: WireError): Error {
  if (e.statementIndex !== undefined) return new LibsqlBatchError(e.message, e.statementIndex, e.code ?? "UNKNOWN", e.extendedCode, e.rawCode);
  if (e.code !== undefined) return new LibsqlError(e.message, e.code, e.extendedCode, e.rawCode);
  return Object.assign(new Error(e.message), { name: e.name });
}

/**
 * `reads` with its write transactions and write batches run by the writer thread
 * (./node-writer.ts) on a connection of its own, so that their statements and COMMIT's fsync
 * never hold the event loop. Everything else (reads, single statements) stays on `reads`.
 * The app's write lock still serialises writes: a write on `reads` never meets an open
 * transaction of the writer, which it would wait for on the event loop the writer needs.
 */
export async function writerClient(reads: Client, url: string, timeout: number): Promise<{ client: Client; writeIngest: Deps["writeIngest"] }> {
  const worker = new Worker(new URL("./node-writer.ts", import.meta.url), { workerData: { runcampWriter: true, url, timeout } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let seq = 0;
  let failed: Error | undefined;
  await new Promise<void>((ready, fail) => {
    worker.once("message", (m: { ready: boolean; error?: WireError }) => (m.ready ? ready() : fail(errorFromWire(m.error!))));
    worker.once("error", fail);
  });
  worker.on("message", (reply: WriterReply) => {
    const call = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) call?.resolve(reply.value);
    else call?.reject(errorFromWire(reply.error));
  });
  worker.on("error", (err) => {
    failed = err;
    for (const call of waiting.values()) call.reject(err);
    waiting.clear();
  });
  worker.unref();
  const call = <T>(req: WriterCall, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...req, id }, transfer);
    });
  };
  let nextTx = 0;
  async function transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    const tx = ++nextTx;
    let closed = false;
    const settle = (op: "commit" | "rollback") => {
      closed = true;
      return call<void>({ op, tx });
    };
    return {
      execute: async (stmt: InStatement) => fromWire(await call<WireResultSet>({ op: "execute", tx, mode, stmt })),
      batch: async (stmts: InStatement[]) => (await call<WireResultSet[]>({ op: "batch", tx, mode, stmts })).map(fromWire),
      executeMultiple: () => Promise.reject(new Error("executeMultiple is not supported in a writer transaction")),
      commit: () => settle("commit"),
      rollback: () => settle("rollback"),
      close() {
        if (!closed) settle("rollback").catch(() => undefined);
      },
      get closed() {
        return closed;
      },
    } as Transaction;
  }
  const batch = async (stmts: InStatement[], mode?: TransactionMode) =>
    mode === "read" ? reads.batch(stmts, mode) : (await call<WireResultSet[]>({ op: "batch", stmts, mode })).map(fromWire);
  const client = new Proxy(reads, {
    get(target, prop) {
      if (prop === "transaction") return transaction;
      if (prop === "batch") return batch;
      if (prop === "close")
        return () => {
          void worker.terminate();
          target.close();
        };
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const writeIngest = (write: IngestWrite) => call<IngestWriteResult>({ op: "ingest", write }, ingestTransferList(write));
  return { client, writeIngest };
}

/** Node's native SHA-256 for artifact uploads (the app's default is pure JS). */
export const nodeSha256: Sha256Factory = () => {
  const hash = createHash("sha256");
  return { update: (bytes) => void hash.update(bytes), digest: async () => new Uint8Array(hash.digest()) };
};

// Node's HTTP parser refuses some requests before the app sees them (headers past
// --max-http-header-size, a malformed request line) and by default answers them with a bare
// status line. These get a small problem+json body like every other error.
const parserRefusals: Record<string, [status: 400 | 408 | 413 | 431, reason: string, kind: string, detail: string]> = {
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, "Payload Too Large", "payload-too-large", "The chunk extensions exceed the server's limit."],
  HPE_HEADER_OVERFLOW: [
    431,
    "Request Header Fields Too Large",
    "header-too-large",
    "The request line and headers exceed the server's limit; send long values in a body.",
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "request-timeout", "The request was not received in time."],
};

const answered = new WeakSet<Duplex>();
const LINGER_MS = 2_000;

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // The parser reports every later chunk of a refused request again: it is answered already.
  if (answered.has(socket)) return;
  // Nothing to answer on a closed socket, or while a response is being written on it (Node's
  // own handler answers only before the first byte; after a finished response it is safe too).
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  // A lingering close: after the answer, go on reading (and dropping) what the client still
  // sends, for a moment, so that closing does not reset the connection under a client that
  // is still writing the oversized request and would never read the answer.
  answered.add(socket);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
  const [status, reason, kind, detail] = parserRefusals[err.code ?? ""] ?? [400, "Bad Request", "invalid-request", "The request is not valid HTTP."];
  const title = reason[0] + reason.slice(1).toLowerCase(); // "Payload too large", as the app's problems spell it
  const body = JSON.stringify(new ApiError(status, kind, title, detail).toProblem());
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The database opened (migrated, with the writer thread on an embedded file) and the app built
 * on it: what every host that runs on a machine serves (this one, ./bun.ts, ./deno.ts).
 */
export async function openApp(options: AppOptions): Promise<{ app: Hono; client: Client }> {
  const opened = await openDatabase(options.url, options.authToken, options.replica);
  if (!options.url.startsWith("file:") && (await isSqldReplica(options.url, options.authToken))) {
    opened.close();
    throw new Error(
      `LIBSQL_URL ${options.url.replace(/\?.*$/, "")} is a sqld replica: it hands writes to its primary and sees them only after they replicate back, so this host would not read its own writes (a run it just created would answer 404). Point LIBSQL_URL at the primary, or run this host on an embedded replica of it: LIBSQL_URL=file:<local copy> LIBSQL_SYNC_URL=<primary URL> (docs/deploy-lab.md).`,
    );
  }
  // The writer thread opens the file on a connection of its own; on an embedded replica that
  // would write the local copy behind the primary's back.
  const writer =
    options.writerThread !== false && isEmbeddedFile(options.url) && !options.replica ? await writerClient(opened, options.url, BUSY_TIMEOUT_MS) : undefined;
  const client = writer?.client ?? opened;
  const appClient = options.wrapClient ? options.wrapClient(client) : client;
  const app = createApp({
    client: appClient,
    writeIngest: writer?.writeIngest,
    config: options.config,
    sha256: nodeSha256,
    gzip: nodeGzip,
    webAssets: webAssetsFromDir(webDist),
  });
  // The first read's one-time costs (compiling the read path, preparing its statements,
  // starting zlib), paid before listening rather than by the first client.
  await warmUpReads(app.fetch, appClient, nodeGzip);
  return { app, client };
}

export async function startNodeServer(options: NodeServerOptions): Promise<{ server: ServerType; client: Client; port: number; close(): Promise<void> }> {
  const { app, client } = await openApp(options);
  const server = await new Promise<ServerType>((ready) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => ready(s));
  });
  server.on("clientError", answerClientError);
  // Node closes an idle keep-alive connection after 5 s, and a client may send its next
  // request on it just then: that request dies with ECONNRESET, which a loaded machine makes
  // common (the client's own idle timer, a second shorter, fires late). Pooling clients
  // (undici, httpx) drop an idle connection long before a minute.
  if ("keepAliveTimeout" in server) server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  await warmUpOverSocket(options.host, port);
  return {
    server,
    client,
    port,
    close: () =>
      new Promise<void>((done) => {
        // Idle keep-alive sockets would hold close() open forever, and so would a client that
        // keeps reusing its connection (a request in flight at close time makes it busy, then
        // idle, then busy again): close the idle ones until none is left.
        const sweep = "closeIdleConnections" in server ? setInterval(() => server.closeIdleConnections(), 20) : undefined;
        server.close(() => {
          clearInterval(sweep);
          client.close();
          done();
        });
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      }),
  };
}

async function main() {
  const settings = hostSettingsOrExit(process.env);
  const running = await startNodeServer(settings);
  console.log(listeningLine(settings, running.port));
  const stopBackups = settings.backups ? startBackupSchedule(settings.backups) : undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await Promise.all([running.close(), stopBackups?.()]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}

// The Node host (`npm start`): @hono/node-server over an embedded libSQL file, migrations
// applied at start, graceful shutdown. Refuses to serve without auth anywhere but loopback.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, extname, resolve, sep } from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import { type Client, createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Sha256Factory } from "../api/artifacts/store.ts";
import { createApp } from "../app.ts";
import { type Config, configFromEnv } from "../config.ts";
import { ApiError } from "../http/problems.ts";
import type { AssetLoader } from "../http/web-ui.ts";
import { isLoopbackHost } from "../lib/loopback.ts";

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

/** Opens (creating if needed) the database and brings its schema up to date. */
export async function openDatabase(url: string, authToken?: string): Promise<Client> {
  if (url.startsWith("file:") && !url.startsWith("file::memory:")) {
    mkdirSync(dirname(resolve(url.slice("file:".length))), { recursive: true });
  }
  // `timeout` is each pooled connection's busy timeout: concurrent write transactions wait
  // for each other instead of failing with SQLITE_BUSY.
  const client = createClient({ url, authToken, timeout: 10_000 });
  // WAL lets readers run beside the writer; the mode is stored in the file itself.
  if (url.startsWith("file:")) await client.execute("PRAGMA journal_mode = WAL");
  await migrateDatabase(client);
  return client;
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

export interface NodeServerOptions {
  url: string;
  authToken?: string;
  host: string;
  port: number;
  config: Config;
  /** Tests wrap the client the app uses (e.g. to check every statement against sqld's parser). */
  wrapClient?: (client: Client) => Client;
}

export async function startNodeServer(options: NodeServerOptions): Promise<{ server: ServerType; client: Client; port: number; close(): Promise<void> }> {
  const client = await openDatabase(options.url, options.authToken);
  const app = createApp({
    client: options.wrapClient ? options.wrapClient(client) : client,
    config: options.config,
    sha256: nodeSha256,
    webAssets: webAssetsFromDir(webDist),
  });
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
  return {
    server,
    client,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          client.close();
          done();
        });
        // Idle keep-alive sockets would hold close() open forever.
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      }),
  };
}

async function main() {
  const env = process.env;
  const host = env.HOST ?? "127.0.0.1";
  const port = Number(env.PORT ?? 8787);
  if (!env.RUNCAMP_ADMIN_TOKEN && !isLoopbackHost(host)) {
    console.error(`Refusing to serve on ${host} without RUNCAMP_ADMIN_TOKEN: without a token runcamp only serves on loopback (127.0.0.1).`);
    process.exit(1);
  }
  const url = env.LIBSQL_URL ?? "file:./data/runcamp.db";
  const running = await startNodeServer({ url, authToken: env.LIBSQL_AUTH_TOKEN, host, port, config: configFromEnv(env) });
  console.log(`runcamp listening on http://${host.includes(":") ? `[${host}]` : host}:${running.port} (database ${url})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await running.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}

// Serves a local database file over libSQL's HTTP protocol (Hrana v2), so the Worker running
// under Miniflare (`npm run dev`) can use it through LIBSQL_URL exactly as it would use Turso:
//
//   node tools/libsql-http/main.ts --file ./data/dev.db --port 8080 [--host 127.0.0.1] [--auth-token T]
//
// Prints the URL on stdout (and nothing else there, so scripts can capture it).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sqldGuardForDev } from "../sqld-parse/guard.ts";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "./server.ts";

const usage = `Usage: node tools/libsql-http/main.ts [--file ./data/dev.db] [--port 8080] [--host 127.0.0.1] [--auth-token TOKEN] [--no-sqld-check]

Serves the libSQL database file over HTTP (Hrana v2, as used by @libsql/client/web).
--auth-token defaults to $LIBSQL_AUTH_TOKEN; it is required to bind anything but loopback.
SQL that sqld/Turso would refuse is refused too (their parser, tools/sqld-parse, built with
cargo on first use); --no-sqld-check turns that off.`;

function fail(message: string): never {
  console.error(`libsql-http: ${message}\n\n${usage}`);
  process.exit(2);
}

const options = {
  file: { type: "string", default: "./data/dev.db" },
  port: { type: "string", default: "8080" },
  host: { type: "string", default: "127.0.0.1" },
  "auth-token": { type: "string" },
  "no-sqld-check": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;
function parseCommandLine() {
  try {
    return parseArgs({ options, strict: true }).values;
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}
const values = parseCommandLine();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`);
const file = resolve(values.file);
mkdirSync(dirname(file), { recursive: true });

// Refuse what sqld/Turso refuse (their parser is stricter than SQLite's), unless told not to.
const check = values["no-sqld-check"] ? undefined : await sqldGuardForDev("libsql-http");
let server: LibsqlHttpServer;
try {
  server = await startLibsqlHttpServer({
    file,
    host: values.host,
    port,
    authToken: values["auth-token"] || process.env.LIBSQL_AUTH_TOKEN || undefined,
    refuseSql: check?.guard,
  });
} catch (e) {
  console.error(`libsql-http: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
console.error(`libsql-http: serving ${file}`);
console.log(server.url);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) process.exit(1); // a second signal: stop waiting
  stopping = true;
  console.error(`libsql-http: ${signal}, closing (open transactions are rolled back)`);
  await server.close();
  await check?.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

// `npm run dev`: the Worker under wrangler dev (Miniflare/workerd) on 127.0.0.1:8787, its
// database ./data/dev.db served over libSQL's HTTP protocol by our local endpoint. Data
// persists across restarts; the Worker code is the one deployed, only LIBSQL_URL differs.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { openDatabase } from "../src/hosts/node.ts";
import { startLibsqlHttpServer } from "../tools/libsql-http/server.ts";
import { sqldGuardForDev } from "../tools/sqld-parse/guard.ts";

const root = resolve(import.meta.dirname, "..");
const file = resolve(root, process.env.RUNCAMP_DEV_DB ?? "data/dev.db");
const port = process.env.PORT ?? "8787";

(await openDatabase(`file:${file}`)).close(); // migrations, as `npm run db:migrate` does remotely
// The endpoint refuses what sqld/Turso would refuse, so such SQL fails here, not in production.
const check = await sqldGuardForDev("npm run dev");
// A fresh secret per start: on a shared machine, another local user or a web page that
// finds the endpoint's port still cannot run SQL on it.
const secret = randomBytes(32).toString("base64url");
const sql = await startLibsqlHttpServer({ file, port: 0, refuseSql: check?.guard, authToken: secret });
console.log(`libSQL endpoint ${sql.url} over ${file}`);

const wrangler = spawn(
  resolve(root, "node_modules/.bin/wrangler"),
  [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    port,
    "--var",
    `LIBSQL_URL:${sql.url}`,
    "--var",
    `LIBSQL_AUTH_TOKEN:${secret}`,
    "--var",
    "RUNCAMP_DEV:true",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  wrangler.kill("SIGTERM");
  await sql.close();
  await check?.close();
  process.exit(code);
};
wrangler.on("exit", (code) => void stop(code ?? 0));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

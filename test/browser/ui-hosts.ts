// The two hosts the browser tests drive, each on a real loopback port with a temp database:
// the Node host (startNodeServer, serving web/dist) and the Worker bundle under Miniflare with
// web/dist as its static assets — the `npm run dev` setup.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { webDist } from "../../scripts/build-web.ts";
import { type Config, defaultLimits } from "../../src/config.ts";
import { openDatabase, startNodeServer } from "../../src/hosts/node.ts";
import { startLibsqlHttpServer } from "../../tools/libsql-http/server.ts";
import { workerBundleDir } from "../support/worker-bundle.ts";

export interface UiHost {
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-ui-"));
  return { file: join(dir, "runcamp.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startNodeUi(overrides: Partial<Config> = {}): Promise<UiHost> {
  const { file, cleanup } = tempDir();
  const running = await startNodeServer({
    url: `file:${file}`,
    host: "127.0.0.1",
    port: 0,
    config: { limits: { ...defaultLimits }, corsOrigins: [], ...overrides },
  });
  return {
    origin: `http://127.0.0.1:${running.port}`,
    async close() {
      await running.close();
      cleanup();
    },
  };
}

export async function startWorkerUi(): Promise<UiHost> {
  const { file, cleanup } = tempDir();
  (await openDatabase(`file:${file}`)).close();
  const sql = await startLibsqlHttpServer({ file, port: 0 });
  const wrangler = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
  const mf = new Miniflare({
    modules: [{ type: "ESModule", path: join(workerBundleDir, "worker.js"), contents: readFileSync(join(workerBundleDir, "worker.js"), "utf8") }],
    compatibilityDate: /compatibility_date\s*=\s*"([^"]+)"/.exec(wrangler)![1],
    bindings: { LIBSQL_URL: sql.url, RUNCAMP_DEV: "true" }, // as npm run dev runs it
    // As wrangler.toml's [assets]: hashed bundles from the assets layer, every other path to the Worker.
    assets: {
      directory: webDist,
      binding: "ASSETS",
      routerConfig: { has_user_worker: true },
      assetConfig: { html_handling: "none", not_found_handling: "none" },
    },
    host: "127.0.0.1",
    port: 0,
  });
  const url = await mf.ready;
  return {
    origin: url.origin,
    async close() {
      await mf.dispose();
      await sql.close();
      cleanup();
    },
  };
}

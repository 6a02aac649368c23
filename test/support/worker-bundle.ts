// vitest globalSetup: builds the web UI (web/dist: the Worker's static assets, also served by
// the Node host) and bundles the Worker once per test run (wrangler/esbuild, as for deploy) so
// the Miniflare host can load it.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildWeb } from "../../scripts/build-web.ts";

export const workerBundleDir = resolve(import.meta.dirname, "../../.wrangler/test-bundle");

export default async function setup() {
  await buildWeb();
  mkdirSync(workerBundleDir, { recursive: true });
  const root = resolve(import.meta.dirname, "../..");
  execFileSync(join(root, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", workerBundleDir], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
}

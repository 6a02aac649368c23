// vitest globalSetup: bundles the Worker once per test run (wrangler/esbuild, as for deploy)
// so the Miniflare host can load it.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const workerBundleDir = resolve(import.meta.dirname, "../../.wrangler/test-bundle");

export default function setup() {
  mkdirSync(workerBundleDir, { recursive: true });
  const root = resolve(import.meta.dirname, "../..");
  execFileSync(join(root, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", workerBundleDir], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
}

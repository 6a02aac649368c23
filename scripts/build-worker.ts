// `npm run build:worker`: bundles the Worker with wrangler (no upload) into dist/ and prints
// the gzipped size that Cloudflare's limits apply to.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const wrangler = new URL("../node_modules/.bin/wrangler", import.meta.url).pathname;
execFileSync(wrangler, ["deploy", "--dry-run", "--outdir", "dist"], { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
const bundle = readFileSync(new URL("../dist/worker.js", import.meta.url));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`Worker bundle: ${kib(bundle.length)}, gzipped ${kib(gzipSync(bundle, { level: 9 }).length)} (target < 300 KiB gzipped)`);

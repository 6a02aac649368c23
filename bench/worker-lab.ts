// `node bench/worker-lab.ts`: the lab on the Worker (issue 23). `npm run dev` (wrangler dev,
// workerd, over the local libSQL endpoint) on a fresh database in bench/tmp-worker-lab, then
// LAB_WRITERS (default 64) writers, each on its own run, sending 100-point columnar ingest
// requests back to back for LAB_SECONDS (default 60). Reports requests/s, points/s, errors
// (any non-2xx or failed connection; must be 0), p50/p99 latency, and whether the Worker still
// answers a write and a read after. Prints the section for bench/RESULTS.md; writes nothing else.
// LAB_LIBSQL_URL points the Worker at another libSQL server (a migrated sqld) instead.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type DevProcess, startDev } from "../scripts/dev-process.ts";
import { root, seriesBody } from "./server.ts";

const writers = Number(process.env.LAB_WRITERS ?? 64);
const seconds = Number(process.env.LAB_SECONDS ?? 60);
const POINTS = 100;
const PORT = 18789;
const tmp = join(root, "bench", "tmp-worker-lab");

interface Tally {
  ms: number[];
  errors: number;
  firstError?: string;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : Number.NaN);

/** wrangler dev straight at a libSQL server (no local endpoint), as scripts/dev.ts runs it otherwise. */
async function startWranglerAt(url: string): Promise<DevProcess> {
  const child = spawn(
    join(root, "node_modules/.bin/wrangler"),
    ["dev", "--ip", "127.0.0.1", "--port", String(PORT), "--var", `LIBSQL_URL:${url}`, "--var", "RUNCAMP_DEV:true"],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const dev: DevProcess = {
    base: `http://127.0.0.1:${PORT}`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      process.kill(-child.pid!, "SIGINT");
      await exited;
    },
  };
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${dev.base}/health`)).ok) return dev;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await dev.stop();
  throw new Error(`wrangler dev did not answer within 60 s: ${output}`);
}

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const dev = process.env.LAB_LIBSQL_URL ? await startWranglerAt(process.env.LAB_LIBSQL_URL) : await startDev(PORT, join(tmp, "dev.db"));
try {
  const base = dev.base;
  const repo = `lab-${Date.now().toString(36)}`;
  const json = { "content-type": "application/json" };
  for (let w = 0; w < writers; w++) {
    const res = await fetch(`${base}/v1/repos/${repo}/runs`, { method: "POST", headers: json, body: JSON.stringify({ id: `w${w}` }) });
    if (!res.ok) throw new Error(`creating run w${w}: ${res.status} ${await res.text()}`);
  }
  console.log(`worker-lab: ${writers} writers for ${seconds} s on ${process.env.LAB_LIBSQL_URL ?? "npm run dev"}...`);
  const tally: Tally = { ms: [], errors: 0 };
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const started = performance.now();
        try {
          const res = await fetch(`${base}/v1/repos/${repo}/runs/w${w}/metrics`, {
            method: "POST",
            headers: json,
            body: seriesBody("loss", {}, i * POINTS, POINTS),
            signal: AbortSignal.timeout(60_000),
          });
          const text = await res.text();
          if (!res.ok) {
            tally.errors++;
            tally.firstError ??= `${res.status} ${text.slice(0, 120)}`;
          }
        } catch (err) {
          tally.errors++;
          tally.firstError ??= String(err).slice(0, 120);
        }
        tally.ms.push(performance.now() - started);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  // Health after: a write and a read, each must answer 200.
  const write = await fetch(`${base}/v1/repos/${repo}/runs/w0/metrics`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ points: [{ name: "after", step: 0, value: 1 }] }),
  });
  const read = await fetch(`${base}/v1/repos/${repo}/runs/w0/metrics/after`);
  const healthy = write.status === 200 && read.status === 200;
  const sorted = [...tally.ms].sort((a, b) => a - b);
  const ok = tally.ms.length - tally.errors;
  const section = [
    `## The lab on the Worker: ${writers} writers, ${POINTS}-point requests (\`node bench/worker-lab.ts\`)`,
    "",
    `${elapsed.toFixed(0)} s, wrangler dev on loopback over ${process.env.LAB_LIBSQL_URL ? `the libSQL server at LAB_LIBSQL_URL` : "the local libSQL endpoint (npm run dev)"}; each writer its own run, back to back.`,
    "",
    "| requests | errors | req/s (ok) | points/s | p50 | p99 | write + read after | target |",
    "|---|---|---|---|---|---|---|---|",
    `| ${tally.ms.length.toLocaleString("en")} | ${tally.errors}${tally.firstError ? ` (first: ${tally.firstError})` : ""} | ${(ok / elapsed).toFixed(1)} | ${Math.round((ok * POINTS) / elapsed).toLocaleString("en")} | ${quantile(sorted, 0.5).toFixed(0)} ms | ${quantile(sorted, 0.99).toFixed(0)} ms | ${healthy ? "200, 200" : `**${write.status}, ${read.status}**`} | 0 errors, healthy after: ${tally.errors === 0 && healthy ? "yes" : "**no**"} |`,
    "",
  ].join("\n");
  console.log(section);
  process.exitCode = tally.errors === 0 && healthy ? 0 : 1;
} finally {
  await dev.stop();
  rmSync(tmp, { recursive: true, force: true });
}

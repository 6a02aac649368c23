// `npm run dev` end to end: wrangler dev (workerd) with our libSQL endpoint over a file; a run
// logged there is still there after the whole thing restarts.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "runcamp-dev-"));
const port = 18700 + Math.floor(Math.random() * 200);
const base = `http://127.0.0.1:${port}`;
let child: ChildProcess | undefined;
let output = "";

async function startDev(): Promise<ChildProcess> {
  const proc = spawn(join(root, "node_modules/.bin/node"), [join(root, "scripts/dev.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), RUNCAMP_DEV_DB: join(dir, "dev.db") },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  output = "";
  proc.stdout!.on("data", (d) => (output += d));
  proc.stderr!.on("data", (d) => (output += d));
  for (let i = 0; i < 120; i++) {
    if (proc.exitCode !== null) throw new Error(`npm run dev exited: ${output}`);
    try {
      // Our own start-up line first: a Worker of the previous start may still be answering.
      if (output.includes("libSQL endpoint") && (await fetch(`${base}/health`)).ok) return proc;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm run dev did not answer within 60 s: ${output}`);
}

async function stopDev(proc: ChildProcess) {
  const exited = new Promise((r) => proc.once("exit", r));
  process.kill(-proc.pid!, "SIGINT");
  await exited;
}

afterAll(async () => {
  if (child && child.exitCode === null) await stopDev(child);
  rmSync(dir, { recursive: true, force: true });
});

test("npm run dev serves the Worker and keeps a logged run across a restart", async () => {
  child = await startDev();
  const created = await fetch(`${base}/v1/repos/dev/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: "kept", params: { lr: 0.1 } }),
  });
  expect(created.status).toBe(201);
  const ingest = await fetch(`${base}/v1/repos/dev/runs/kept/metrics`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ points: [{ name: "loss", step: 0, value: 0.5 }] }),
  });
  expect(ingest.status).toBe(200);
  await stopDev(child);

  child = await startDev();
  const run = await (await fetch(`${base}/v1/repos/dev/runs/kept`)).json();
  expect(run.params).toEqual({ lr: 0.1 });
  expect(run.metrics.map((m: { name: string; count: number }) => [m.name, m.count])).toEqual([["loss", 1]]);
}, 180_000);

test("the dev libSQL endpoint runs no SQL without the secret npm run dev gave the Worker", async () => {
  child = await startDev();
  const endpoint = /libSQL endpoint (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  expect(endpoint).toBeDefined();
  const res = await fetch(`${endpoint}/v2/pipeline`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requests: [{ type: "execute", stmt: { sql: "DELETE FROM runs" } }] }),
  });
  expect(res.status).toBe(401);
  // The Worker itself (which holds the secret) still works.
  expect((await fetch(`${base}/v1/repos/dev/runs/kept`)).status).toBe(200);
  await stopDev(child);
});

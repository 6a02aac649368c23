// `npm run dev` end to end: wrangler dev (workerd) with our libSQL endpoint over a file; a run
// logged there is still there after the whole thing restarts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { type DevProcess, startDev as startDevProcess } from "./support/processes.ts";

const dir = mkdtempSync(join(tmpdir(), "runcamp-dev-"));
const port = 18700 + Math.floor(Math.random() * 200);
const base = `http://127.0.0.1:${port}`;
// Every start, so that afterAll stops each one a failed test left running (a test that passes
// stops its own).
const started: DevProcess[] = [];
let output = "";

async function startDev(): Promise<DevProcess> {
  const dev = await startDevProcess(port, join(dir, "dev.db"));
  started.push(dev);
  output = dev.output();
  return dev;
}

const stopDev = (proc: DevProcess) => proc.stop();

afterAll(async () => {
  for (const dev of started) await dev.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("npm run dev serves the Worker and keeps a logged run across a restart", async () => {
  let child = await startDev();
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
  await stopDev(child);
}, 180_000);

test("the dev libSQL endpoint runs no SQL without the secret npm run dev gave the Worker", async () => {
  const child = await startDev();
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

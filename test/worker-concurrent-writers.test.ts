// 64 training loops logging at once to the Worker, its database behind the local libSQL
// endpoint: on the Miniflare test host, and under `npm run dev` (wrangler's newer workerd, where
// it broke). The Worker used to chain every write of an isolate on one promise and to queue
// statements in @libsql/client past 20 in flight; workerd drops the continuations of a
// request that ends or is cancelled, so a few hundred concurrent ingests in, every write hung
// until restart (src/hosts/worker.ts). Bounded: 64 writers × 10 requests of 100 points under
// `npm run dev` (it hung after ~450; 4 each on Miniflare, whose older workerd did not hang), a
// few of them abandoned by their client mid-way.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Host, json, uniqueRepo, workerHost } from "./support/hosts.ts";
import { type DevProcess, startDev } from "./support/processes.ts";

const WRITERS = 64;
const POINTS_PER_REQUEST = 100;
/** Writers whose second request is abandoned after 40 ms (a training script killed while it logs). */
const ABANDONING = 4;

type Send = (path: string, init: RequestInit) => Promise<Response>;

/** `POINTS_PER_REQUEST` points of series "loss" from step `from` on, in the columnar form. */
function ingestBody(from: number): RequestInit {
  const steps = Array.from({ length: POINTS_PER_REQUEST }, (_, i) => from + i);
  return json("POST", { series: [{ name: "loss", steps, values: steps.map((s) => 1 / (1 + s)), times: steps.map((s) => 1764147000 + s) }] });
}

async function lab(send: Send, requestsPerWriter: number) {
  const repo = uniqueRepo("lab");
  for (let w = 0; w < WRITERS; w++) {
    const res = await send(`/v1/repos/${repo}/runs`, json("POST", { id: `w${w}` }));
    expect(res.status, await res.clone().text()).toBe(201);
  }
  const failures: string[] = [];
  const acknowledged = Array.from({ length: WRITERS }, () => [] as number[]);
  const abandoned = Array.from({ length: WRITERS }, () => [] as number[]);
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < requestsPerWriter; i++) {
        const from = i * POINTS_PER_REQUEST;
        const abandon = w < ABANDONING && i === 1;
        try {
          const res = await send(`/v1/repos/${repo}/runs/w${w}/metrics`, { ...ingestBody(from), signal: abandon ? AbortSignal.timeout(40) : undefined });
          const text = await res.text();
          if (res.status === 200) acknowledged[w].push(from);
          else failures.push(`w${w} request ${i}: ${res.status} ${text.slice(0, 200)}`);
        } catch (err) {
          if (!abandon) throw err;
          abandoned[w].push(from);
        }
      }
    }),
  );
  expect(failures).toEqual([]);

  for (let w = 0; w < WRITERS; w++) {
    const res = await send(`/v1/repos/${repo}/runs/w${w}/metrics/loss?limit=10000`, {});
    expect(res.status).toBe(200);
    const read = (await res.json()) as { summary: { count: number }; points: { step: number }[] };
    // An abandoned request landed whole or not at all.
    const steps = new Set(read.points.map((p) => p.step));
    const landed = abandoned[w].filter((from) => steps.has(from));
    const expected = [...acknowledged[w], ...landed].sort((a, b) => a - b).flatMap((from) => Array.from({ length: POINTS_PER_REQUEST }, (_, i) => from + i));
    expect(
      read.points.map((p) => p.step),
      `w${w}`,
    ).toEqual(expected);
    expect(read.summary.count, `w${w}`).toBe(expected.length);
  }

  // Nothing of the isolate is left waiting: a write and a read still go through.
  const after = await send(`/v1/repos/${repo}/runs/w0/metrics`, json("POST", { points: [{ name: "after", step: 0, value: 1 }] }));
  expect(after.status, await after.clone().text()).toBe(200);
  const read = await send(`/v1/repos/${repo}/runs/w0/metrics/after`, {});
  expect(read.status).toBe(200);
  expect(((await read.json()) as { points: unknown[] }).points).toHaveLength(1);
}

const CLAIM = "every ingest is answered 200, every acknowledged point reads back once, abandoned ones all or nothing, and the Worker still answers after";

describe("the Worker (Miniflare) under 64 concurrent writers", () => {
  let host: Host;
  beforeAll(async () => {
    host = await workerHost.start();
  });
  afterAll(() => host?.close());

  test(CLAIM, () => lab((path, init) => host.request(path, init), 4), 120_000);
});

describe("npm run dev under 64 concurrent writers", () => {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-dev-lab-"));
  let dev: DevProcess | undefined;
  beforeAll(async () => {
    dev = await startDev(18900 + Math.floor(Math.random() * 90), join(dir, "dev.db"));
  }, 90_000);
  afterAll(async () => {
    await dev?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test(CLAIM, () => lab((path, init) => fetch(dev!.base + path, init), 10), 120_000);
});

// Crash safety of group commit: the Node host (`npm start`, a child process) is killed with
// SIGKILL at random moments while 64 clients ingest at once, each into its own run (so their
// requests are written in shared groups, a savepoint each), and restarted, ten times.
// Afterwards every point of an acknowledged request (a 200 received) reads back exactly once
// with its exact value, every unacknowledged request is wholly present or wholly absent (no
// request half-applied, whatever group it was in), nothing else was written, and SQLite's
// integrity check passes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, expect, test } from "vitest";
import { type Server as Process, spawnServer } from "./support/processes.ts";

const root = resolve(import.meta.dirname, "..");
const KILLS = 10;
const WRITERS = 64;
const POINTS_PER_REQUEST = 100; // split over two series (contexts a and b) of the writer's run
const dir = mkdtempSync(join(tmpdir(), "runcamp-crash-"));
const dbFile = join(dir, "runcamp.db");

interface Server {
  process: Process;
  base: string;
}

async function startServer(): Promise<Server> {
  const started = spawnServer(join(root, "node_modules/.bin/node"), [join(root, "src/hosts/node.ts")], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LIBSQL_URL: `file:${dbFile}`, RUNCAMP_ADMIN_TOKEN: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { child } = started;
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
  const base = await new Promise<string>((ready, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found) ready(found[1]);
    });
    child.on("exit", (code, signal) => fail(new Error(`server exited (${code ?? signal}) before listening`)));
  });
  return { process: started, base };
}

const kill = (server: Server, signal: NodeJS.Signals) => server.process.stop(signal);

/** A value that JSON carries exactly, different for every (writer, part, step); some NaN. */
const pointValue = (writer: number, part: string, step: number): number => (step % 97 === 13 ? NaN : writer + (part === "a" ? 0.5 : -0.25) + step / 7);
const wire = (value: number) => (Number.isNaN(value) ? "NaN" : value);

interface Sent {
  writer: number;
  first: number; // steps first..first+count-1 in both parts
  count: number;
  acked: boolean;
}

function body(writer: number, first: number, count: number, ndjson: boolean): { text: string; type: string } {
  const points = [];
  for (const part of ["a", "b"]) {
    for (let step = first; step < first + count; step++) {
      points.push({ name: `w${writer}`, context: { part }, step, value: wire(pointValue(writer, part, step)), epoch: Math.floor(step / 100) });
    }
  }
  if (ndjson) return { text: points.map((p) => JSON.stringify(p)).join("\n"), type: "application/x-ndjson" };
  return { text: JSON.stringify({ points }), type: "application/json" };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test(`every acknowledged point survives ${KILLS} SIGKILLs during concurrent ingest, exactly once; each request is all or nothing`, async () => {
  let server = await startServer();
  for (let w = 0; w < WRITERS; w++) {
    const created = await fetch(`${server.base}/v1/repos/crash/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `crash-${w}` }),
    });
    expect(created.status).toBe(201);
  }

  // Writers wait here while the server is down, so each kill leaves at most the requests that
  // were in flight unacknowledged.
  let up: Promise<void> = Promise.resolve();
  const sent: Sent[] = [];
  let stopping = false;
  let requests = 0;
  const writer = async (w: number) => {
    let next = 0;
    while (!stopping) {
      await up;
      const count = POINTS_PER_REQUEST / 2;
      const record: Sent = { writer: w, first: next, count, acked: false };
      next += count;
      sent.push(record);
      const { text, type } = body(w, record.first, count, requests++ % 2 === 0);
      let answer: { status: number; body: unknown } | undefined;
      try {
        const res = await fetch(`${server.base}/v1/repos/crash/runs/crash-${w}/metrics`, { method: "POST", headers: { "content-type": type }, body: text });
        answer = { status: res.status, body: await res.json() };
      } catch {
        continue; // the server died under the request: it stays unacknowledged
      }
      expect(answer).toEqual({ status: 200, body: { points: 2 * count, series: 2 } });
      record.acked = true;
    }
  };

  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
  let kills = 0;
  for (; kills < KILLS; kills++) {
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    let restarted!: () => void;
    up = new Promise((r) => {
      restarted = r;
    });
    await kill(server, "SIGKILL");
    server = await startServer();
    restarted();
  }
  await new Promise((r) => setTimeout(r, 300));
  stopping = true;
  await Promise.all(writers);

  // Read every series back over HTTP from the last server.
  const stored = new Map<string, Map<number, number | string>>();
  for (let w = 0; w < WRITERS; w++) {
    for (const part of ["a", "b"]) {
      const steps = new Map<number, number | string>();
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ context: JSON.stringify({ part }), limit: "100000", ...(cursor ? { cursor } : {}) });
        const res = await fetch(`${server.base}/v1/repos/crash/runs/crash-${w}/metrics/w${w}?${query}`);
        if (res.status === 404) break; // a writer whose every request was lost
        expect(res.status).toBe(200);
        const page = (await res.json()) as { points: { step: number; value: number | string }[]; next_cursor: string | null };
        for (const p of page.points) {
          expect(steps.has(p.step), `w${w}/${part} step ${p.step} read twice`).toBe(false);
          steps.set(p.step, p.value);
        }
        cursor = page.next_cursor;
      } while (cursor);
      stored.set(`${w}/${part}`, steps);
    }
  }
  await kill(server, "SIGTERM");

  let acked = 0;
  let ackedPoints = 0;
  let lostWhole = 0;
  let landedUnacked = 0;
  const expected = new Map<string, number>();
  for (const r of sent) {
    const present = ["a", "b"].map((part) => {
      let n = 0;
      for (let step = r.first; step < r.first + r.count; step++) {
        const value = stored.get(`${r.writer}/${part}`)?.get(step);
        if (value === undefined) continue;
        n++;
        expect(value, `w${r.writer}/${part} step ${step}`).toEqual(wire(pointValue(r.writer, part, step)));
      }
      return n;
    });
    const total = present[0] + present[1];
    if (r.acked) {
      expect(total, `acknowledged request w${r.writer} steps ${r.first}+${r.count}`).toBe(2 * r.count);
      acked++;
      ackedPoints += total;
    } else {
      expect([0, 2 * r.count], `unacknowledged request w${r.writer} steps ${r.first}+${r.count}: all or nothing`).toContain(total);
      if (total) landedUnacked++;
      else lostWhole++;
    }
    for (const part of ["a", "b"]) expected.set(`${r.writer}/${part}`, (expected.get(`${r.writer}/${part}`) ?? 0) + (total ? r.count : 0));
  }
  // Nothing beyond what was sent: each series holds exactly the points of its landed requests.
  for (const [key, steps] of stored) expect(steps.size, key).toBe(expected.get(key) ?? 0);

  const db = createClient({ url: `file:${dbFile}` });
  const check = await db.execute("PRAGMA integrity_check");
  db.close();
  expect(check.rows.map((row) => row[0])).toEqual(["ok"]);

  console.log(
    `crash: ${kills} SIGKILLs, ${sent.length} requests (${acked} acknowledged = ${ackedPoints} points verified exactly once; ` +
      `unacknowledged: ${landedUnacked} landed whole, ${lostWhole} absent whole); integrity_check ok`,
  );
  expect(kills).toBeGreaterThanOrEqual(10);
  expect(acked).toBeGreaterThan(KILLS);
}, 120_000);

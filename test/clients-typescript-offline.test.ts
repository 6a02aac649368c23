// The TypeScript SDK with the server away (Node): Run.start() does not fail, a run resumed
// by id continues its steps once the server answers, finish() waits closeTimeout and then
// spools the rest in the Python SDK's format, the next Run re-sends it; the heartbeat; and
// the read API (runs with columns, series) with NaN and ±Infinity as numbers.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Run, runs, series } from "../clients/typescript/src/index.ts";
import { loadNode, writeSpool } from "../clients/typescript/src/spool.ts";
import { type Config, defaultLimits } from "../src/config.ts";
import { startNodeServer } from "../src/hosts/node.ts";

const config: Config = { limits: { ...defaultLimits }, corsOrigins: [], staleAfterSeconds: 1 };
type Server = Awaited<ReturnType<typeof startNodeServer>>;

let dir: string;
let dbUrl: string;
let server: Server | undefined;
let port: number;
let url: string;

const up = async () => {
  server = await startNodeServer({ url: dbUrl, host: "127.0.0.1", port, config });
};
const down = async () => {
  await server?.close();
  server = undefined;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "runcamp-ts-offline-"));
  dbUrl = `file:${join(dir, "runcamp.db")}`;
  server = await startNodeServer({ url: dbUrl, host: "127.0.0.1", port: 0, config });
  port = server.port;
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await down();
  rmSync(dir, { recursive: true, force: true });
});

const files = (root: string) =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".json") && !e.name.startsWith("."))
        .map((e) => join(e.parentPath, e.name))
    : [];

describe("offline", () => {
  test("a run resumed by id while the server is down continues its steps once it answers; its campaign is created", async () => {
    const first = await Run.start({ url, repo: "ts-offline", id: "ts-resume" });
    for (let i = 0; i < 10; i++) first.track(i, "loss");
    await first.finish();
    await down();
    const started = Date.now();
    const run = await Run.start({ url, repo: "ts-offline", id: "ts-resume", campaign: "ts-grid", params: { again: true }, spoolDir: join(dir, "spool1") });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(run.resumed).toBeNull();
    for (let i = 10; i < 15; i++) run.track(i, "loss"); // relative until the server answers
    run.track(99, "loss", { step: 100 });
    run.setValue("note", Number.NaN);
    setTimeout(() => void up(), 800);
    await run.finish();
    expect(run.errors).toEqual([]);
    const points = await series({ url, repo: "ts-offline", run: "ts-resume", name: "loss" });
    expect(points.steps).toEqual([...Array.from({ length: 15 }, (_, i) => i), 100]);
    expect(points.values).toEqual([...Array.from({ length: 15 }, (_, i) => i), 99]);
    const [item] = await runs({ url, repo: "ts-offline", filter: 'campaign = "ts-grid"', columns: ["values.note", "params.again"] });
    expect(item).toMatchObject({ id: "ts-resume", status: "finished", columns: { "values.note": Number.NaN, "params.again": true } });
  });

  test("finish() waits closeTimeout, spools the rest in the Python SDK's format, and the next Run sends it", async () => {
    const spool = join(dir, "spool2");
    await down();
    const run = await Run.start({ url, repo: "ts-offline", spoolDir: spool, closeTimeout: 1500 });
    for (let i = 0; i < 2500; i++) run.track(i / 2, "loss", { context: { subset: "val" } });
    run.setValue("acc", Number.POSITIVE_INFINITY);
    const started = Date.now();
    await run.finish();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(6000);
    const written = files(spool).sort();
    expect(written.length).toBe(4); // create, points, value, status
    const parsed = written.map((f) => JSON.parse(readFileSync(f, "utf8")));
    expect(parsed.map((r) => [r.v, r.method, r.kind, r.points])).toEqual([
      [1, "POST", "request", 0],
      [1, "POST", "points", 2500],
      [1, "PUT", "request", 0],
      [1, "PATCH", "request", 0],
    ]);
    expect(parsed.every((r) => r.url === url && typeof r.body === "string")).toBe(true);
    expect(run.stats.spooledPoints).toBe(2500);

    await up();
    const next = await Run.start({ url, repo: "ts-offline", spoolDir: spool });
    await next.finish();
    for (let t = 0; t < 100 && files(spool).length; t++) await sleep(100);
    expect(files(spool)).toEqual([]);
    const back = await series({ url, repo: "ts-offline", run: run.id, name: "loss", context: { subset: "val" } });
    expect(back.steps.length).toBe(2500);
    expect(back.values[2499]).toBe(1249.5);
    // The offline run by its id: `next`, created meanwhile, is finished and unnamed too, and
    // which of the two was created last depends on when the spool was replayed.
    const finished = await runs({ url, repo: "ts-offline", filter: `name = "" and status = "finished"`, columns: ["values.acc"], limit: 100 });
    const done = finished.find((r) => r.id === run.id);
    expect(done?.columns["values.acc"]).toBe(Number.POSITIVE_INFINITY);
  });

  test("spool files of the point form (an object per point, as SDKs before the columnar form wrote) still replay", async () => {
    const spool = join(dir, "spool-old");
    const first = await Run.start({ url, repo: "ts-offline", id: "old-form" });
    for (let i = 0; i < 2; i++) first.track(i, "loss");
    await first.finish();
    const node = (await loadNode())!;
    const path = "/v1/repos/ts-offline/runs/old-form";
    const plain = '{"reopen":true,"points":[{"name":"acc","step":5,"value":"NaN","time":1.5},{"name":"acc","step":6,"value":0.5,"epoch":1,"time":2}]}';
    const relative = '{"reopen":true,"points":[{"name":"loss","step":-1,"value":3,"time":3},{"name":"loss","step":-2,"value":4,"time":4}]}';
    writeSpool(node, spool, "ts-offline", "old-form", [
      { url, method: "POST", path: `${path}/metrics`, body: plain, kind: "points", points: 2 },
      { url, method: "GET", path, body: null, kind: "resolve-steps", points: 0 },
      { url, method: "POST", path: `${path}/metrics`, body: relative, kind: "points-relative", points: 2 },
    ]);
    const next = await Run.start({ url, repo: "ts-offline", spoolDir: spool });
    await next.finish();
    for (let t = 0; t < 100 && files(spool).length; t++) await sleep(100);
    expect(files(spool)).toEqual([]);
    const acc = await series({ url, repo: "ts-offline", run: "old-form", name: "acc" });
    expect([acc.steps, acc.values, acc.epochs]).toEqual([
      [5, 6],
      [Number.NaN, 0.5],
      [null, 1],
    ]);
    const loss = await series({ url, repo: "ts-offline", run: "old-form", name: "loss" });
    expect([loss.steps, loss.values]).toEqual([
      [0, 1, 2, 3],
      [0, 1, 3, 4],
    ]);
  });

  // The Python SDK's `runcamp sync` sends what the TypeScript SDK spooled (same format).
  const python = join(process.cwd(), ".venv", "bin", "python");
  test.skipIf(!existsSync(python))("python -m runcamp sync sends a TypeScript spool, relative steps included", async () => {
    const spool = join(dir, "spool3");
    const first = await Run.start({ url, repo: "ts-offline", id: "ts-to-py" });
    for (let i = 0; i < 3; i++) first.track(i, "loss");
    await first.finish();
    await down();
    const run = await Run.start({ url, repo: "ts-offline", id: "ts-to-py", spoolDir: spool, closeTimeout: 300 });
    for (let i = 3; i < 6; i++) run.track(i, "loss");
    await run.finish();
    expect(files(spool).map((f) => JSON.parse(readFileSync(f, "utf8")).kind)).toEqual(["request", "request", "resolve-steps", "points-relative", "request"]);
    await up();
    // Asynchronously: the server answering it lives in this process.
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const { stdout: out } = await promisify(execFile)(python, ["-m", "runcamp", "sync", "--spool", spool], { encoding: "utf8" });
    expect(out).toContain("0 left");
    expect(existsSync(join(spool, "ts-offline", "ts-to-py"))).toBe(false);
    const back = await series({ url, repo: "ts-offline", run: "ts-to-py", name: "loss" });
    expect([back.steps, back.values]).toEqual([
      [0, 1, 2, 3, 4, 5],
      [0, 1, 2, 3, 4, 5],
    ]);
    const [item] = await runs({ url, repo: "ts-offline", filter: 'campaign = null and status = "finished" and metrics.loss.count = 6' });
    expect(item.id).toBe("ts-to-py");
  });

  test("the heartbeat keeps a quiet run from going stale", async () => {
    const run = await Run.start({ url, repo: "ts-live", heartbeatInterval: 300 });
    run.track(1, "loss");
    await run.flush();
    await sleep(1800); // longer than the server's staleness time (1 s), no points
    const [item] = await runs({ url, repo: "ts-live" });
    expect(item.stale).toBe(false);
    expect(run.stats.heartbeats).toBeGreaterThan(0);
    await run.finish();
  });
});

describe("read API", () => {
  test("runs() with columns in one request per page, series() raw and downsampled, non-finite numbers as numbers", async () => {
    for (const [i, v] of [Number.NaN, 0.5, Number.NEGATIVE_INFINITY].entries()) {
      const run = await Run.start({ url, repo: "ts-read", id: `r${i}`, params: { i } });
      for (let s = 0; s < 1000; s++) run.track(s === 10 ? v : s, "loss", { context: { subset: "train" } });
      run.setValue("acc", v, { subset: "test" });
      await run.finish(i === 2 ? "failed" : "finished");
    }
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const listed = await runs({
      url,
      repo: "ts-read",
      fetch: counting,
      columns: ['values.acc{subset:"test"}', 'metrics.loss{subset:"train"}.min'],
      status: "finished",
    });
    expect(requests).toBe(1);
    expect(listed.map((r) => r.id)).toEqual(["r0", "r1"]);
    expect(listed[0].columns['values.acc{subset:"test"}']).toBeNaN();
    expect(listed[1].columns).toEqual({ 'values.acc{subset:"test"}': 0.5, 'metrics.loss{subset:"train"}.min': 0 });
    const raw = await series({ url, repo: "ts-read", run: "r2", name: "loss", context: { subset: "train" } });
    expect(raw.steps.length).toBe(1000);
    expect(raw.values[10]).toBe(Number.NEGATIVE_INFINITY);
    const small = await series({ url, repo: "ts-read", run: "r0", name: "loss", context: { subset: "train" }, points: 10 });
    expect(small.steps.length).toBeLessThanOrEqual(10);
    expect(small.buckets?.count.reduce((a, b) => a + b, 0)).toBe(1000);
    await expect(runs({ url, repo: "ts-read", filter: "params.i >" })).rejects.toThrow(/400/);
  });
});

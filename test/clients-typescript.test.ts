// The TypeScript SDK (clients/typescript) against a real Node host: a whole run read back
// exactly, resume, retries through injected faults and a server restart, and the
// generated types matching openapi.yaml.
import { createHash } from "node:crypto";
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type Context,
  confusionMetrics,
  createRuncampClient,
  downloadArtifact,
  encodeSeries,
  listArtifacts,
  QueueFullError,
  Run,
  type RuncampClient,
  splitBatch,
} from "../clients/typescript/src/index.ts";
import { renderTypescriptSchema } from "../scripts/clients.ts";
import { type Config, defaultLimits } from "../src/config.ts";
import { startNodeServer } from "../src/hosts/node.ts";

const config: Config = { limits: { ...defaultLimits }, corsOrigins: [] };
type Server = Awaited<ReturnType<typeof startNodeServer>>;

let dir: string;
let dbUrl: string;
let server: Server;
let url: string;
let api: RuncampClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "runcamp-ts-sdk-"));
  dbUrl = `file:${join(dir, "runcamp.db")}`;
  server = await startNodeServer({ url: dbUrl, host: "127.0.0.1", port: 0, config });
  url = `http://127.0.0.1:${server.port}`;
  api = createRuncampClient({ url });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

type ReadPoint = { step: number; value: number | string; epoch: number | null; time: number };

/** Every raw point of a series, through the typed client (paginated). */
async function readAll(repo: string, run: string, name: string, context?: Context): Promise<ReadPoint[]> {
  const out: ReadPoint[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET("/v1/repos/{repo}/runs/{run}/metrics/{name}", {
      params: { path: { repo, run, name }, query: { context: context && JSON.stringify(context), limit: "100000", cursor } },
    });
    if (error || !data || !("points" in data)) throw new Error(`read failed: ${JSON.stringify(error)}`);
    out.push(...(data.points as ReadPoint[]));
    cursor = data.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

const wire = (v: number) => (Number.isFinite(v) ? v : Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");

test("the committed clients/typescript/src/schema.d.ts is what openapi.yaml generates (run `npm run clients`)", async () => {
  const committed = readFileSync(new URL("../clients/typescript/src/schema.d.ts", import.meta.url), "utf8");
  expect(committed).toBe(await renderTypescriptSchema());
});

test("encodeSeries writes one entry per series, in order, exact numbers and the non-finite strings", () => {
  const x = '{"name":"x"';
  const y = '{"name":"y","context":{"k":1}';
  const body = encodeSeries([
    [x, 0, 0.1, undefined, 1.5],
    [y, 9, 2, undefined, 1.5],
    [x, 1, NaN, 2, 1.5],
    [x, 2, -Infinity, undefined, 1.5],
    [x, 3, 1e-310, undefined, 1.5],
    [x, 1, -0.5, undefined, 2.5],
  ]);
  expect(JSON.parse(body)).toEqual({
    series: [
      {
        name: "x",
        steps: [0, 1, 2, 3, 1],
        values: [0.1, "NaN", "-Infinity", 1e-310, -0.5],
        epochs: [null, 2, null, null, null],
        times: [1.5, 1.5, 1.5, 1.5, 2.5],
      },
      { name: "y", context: { k: 1 }, steps: [9], values: [2], times: [1.5] },
    ],
  });
});

test("splitBatch halves either form, every point in exactly one half and in order", () => {
  const body = {
    reopen: true,
    series: [
      { name: "a", steps: [0, 1, 2], values: [1, 2, 3], times: [1, 2, 3] },
      { name: "b", steps: [5, 6], values: [4, 5], epochs: [0, null], times: [4, 5] },
    ],
  };
  expect(splitBatch(body)).toEqual([
    [{ reopen: true, series: [{ name: "a", steps: [0, 1], values: [1, 2], times: [1, 2] }] }, 2],
    [{ reopen: true, series: [{ name: "a", steps: [2], values: [3], times: [3] }, body.series[1]] }, 3],
  ]);
  const points = { points: [1, 2, 3].map((step) => ({ name: "a", step, value: 1 })) };
  expect(splitBatch(points)).toEqual([
    [{ points: points.points.slice(0, 1) }, 1],
    [{ points: points.points.slice(1) }, 2],
  ]);
});

describe("Run", () => {
  test("a run with params, 100,000 points over 4 series with contexts, values and tags reads back exactly", async () => {
    const run = await Run.start({
      url,
      repo: "ts-sdk",
      experiment: "resnet",
      name: "ts run",
      params: { lr: 0.001, optimizer: { name: "adam" } },
      tags: ["baseline"],
    });
    const series: Array<{ name: string; context: Context }> = [
      { name: "loss", context: { subset: "train" } },
      { name: "loss", context: { subset: "val" } },
      { name: "acc", context: { subset: "train" } },
      { name: "acc", context: { subset: "val", fold: 1 } },
    ];
    const expected = new Map<number, number[]>();
    const perSeries = 25_000;
    for (let i = 0; i < series.length; i++) expected.set(i, []);
    for (let step = 0; step < perSeries; step++) {
      series.forEach((s, i) => {
        let value = Math.sin(step * (i + 1)) / (step + 1);
        if (step === 7) value = [NaN, Infinity, -Infinity, 5e-324][i];
        expected.get(i)!.push(value);
        run.track(value, s.name, { context: s.context, epoch: Math.floor(step / 1000) });
      });
    }
    run.setValue("acc", 0.931, { subset: "test" });
    run.setValue("report", { f1: 0.92, classes: 10 });
    run.setParams({ epochs: 25, optimizer: { betas: [0.9, 0.999] } });
    run.addTag("final");
    run.removeTag("baseline");
    await run.finish();
    expect(run.errors).toEqual([]);
    expect(run.stats.deliveredPoints).toBe(100_000);

    const { data } = await api.GET("/v1/repos/{repo}/runs/{run}", { params: { path: { repo: "ts-sdk", run: run.id } } });
    expect(data).toMatchObject({
      id: run.id,
      name: "ts run",
      experiment: "resnet",
      status: "finished",
      params: { lr: 0.001, epochs: 25, optimizer: { name: "adam", betas: [0.9, 0.999] } },
      tags: ["final"],
    });
    expect(data!.values.map((v) => [v.name, v.context, v.value]).sort()).toEqual([
      ["acc", { subset: "test" }, 0.931],
      ["report", {}, { f1: 0.92, classes: 10 }],
    ]);
    for (const [i, s] of series.entries()) {
      const points = await readAll("ts-sdk", run.id, s.name, s.context);
      expect(points.length).toBe(perSeries);
      const want = expected.get(i)!;
      points.forEach((p, step) => {
        expect(p.step).toBe(step);
        expect(p.value).toEqual(wire(want[step]));
        expect(p.epoch).toBe(Math.floor(step / 1000));
      });
    }
  });

  test("logInput sends datasets in order with the points, kept once per name and digest; what the server refuses throws at the call", async () => {
    const run = await Run.start({ url, repo: "ts-sdk" });
    const hostile = "<img src=x onerror=alert(1)>";
    run.logInput("cifar10", { digest: "c1fa0010", source: { path: "cifar10" }, sourceType: "hf_datasets", context: "training" });
    run.logInput("cifar10", { digest: "c1fa0010", context: "eval" });
    run.logInput(hostile, { schema: { mlflow_colspec: [] }, profile: "{}" });
    for (const [name, options] of [
      ["", {}],
      ["n".repeat(501), {}],
      ["a\u0007b", {}],
      ["x", { digest: "d".repeat(37) }],
      ["x", { digest: "" }],
      ["x", { source: "a\u0000b" }],
      ["x", { context: "\uD800" }],
    ] as const)
      expect(() => run.logInput(name, options), name).toThrow(/runcamp: an input's/);
    await run.finish();
    expect(run.errors).toEqual([]);
    const { data } = await api.GET("/v1/repos/{repo}/runs/{run}", { params: { path: { repo: "ts-sdk", run: run.id } } });
    expect(data!.inputs.map((i) => [i.name, i.digest.length, i.source_type, i.source, i.schema, i.context])).toEqual([
      ["cifar10", 8, "hf_datasets", '{"path":"cifar10"}', null, "training"],
      [hostile, 8, "", "", '{"mlflow_colspec":[]}', null],
    ]);
  });

  test("resuming by id continues every series at its last step + 1 and sets the run running again", async () => {
    const first = await Run.start({ url, repo: "ts-sdk", id: "ts-resume" });
    for (let i = 0; i < 5; i++) first.track(i, "loss");
    first.track(1, "acc", { step: 10, context: { subset: "val" } });
    await first.finish();
    const again = await Run.start({ url, repo: "ts-sdk", id: "ts-resume", params: { resumed: true } });
    expect(again.resumed).toBe(true);
    again.track(5, "loss");
    again.track(2, "acc", { context: { subset: "val" } });
    await again.finish("failed");
    expect((await readAll("ts-sdk", "ts-resume", "loss")).map((p) => [p.step, p.value])).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i, i]));
    expect((await readAll("ts-sdk", "ts-resume", "acc", { subset: "val" })).map((p) => p.step)).toEqual([10, 11]);
    const { data } = await api.GET("/v1/repos/{repo}/runs/{run}", { params: { path: { repo: "ts-sdk", run: "ts-resume" } } });
    expect(data).toMatchObject({ status: "failed", params: { resumed: true } });
  });

  test("log() sends captured lines in order beside the points; a resumed run continues their numbers; setFailure shows on the run", async () => {
    const first = await Run.start({ url, repo: "ts-sdk", id: "ts-logs" });
    first.log("epoch 1 loss 0.31\nepoch 2 loss 0.22\n");
    first.track(0.31, "loss");
    first.log("warning: lr high", { stream: "stderr", time: 1764000000.25 });
    expect(() => first.log("a\u0000b")).toThrow(TypeError);
    expect(() => first.log("x".repeat(65_537))).toThrow(RangeError);
    await first.finish();
    const again = await Run.start({ url, repo: "ts-sdk", id: "ts-logs" });
    again.log("<script>resumed</script>");
    again.setFailure({ type: "ValueError", message: "lr must be positive" });
    await again.finish("failed");
    expect([...first.errors, ...again.errors]).toEqual([]);
    const { data } = await api.GET("/v1/repos/{repo}/runs/{run}/logs", { params: { path: { repo: "ts-sdk", run: "ts-logs" }, query: {} } });
    // The route also answers text/plain, so the typed client's data is the JSON page or a string.
    expect((data as Exclude<typeof data, string>)!.items).toEqual([
      { seq: 0, stream: "stdout", time: expect.any(Number), text: "epoch 1 loss 0.31" },
      { seq: 1, stream: "stdout", time: expect.any(Number), text: "epoch 2 loss 0.22" },
      { seq: 2, stream: "stderr", time: 1764000000.25, text: "warning: lr high" },
      { seq: 3, stream: "stdout", time: expect.any(Number), text: "<script>resumed</script>" },
    ]);
    const run = await api.GET("/v1/repos/{repo}/runs/{run}", { params: { path: { repo: "ts-sdk", run: "ts-logs" } } });
    expect(run.data).toMatchObject({ status: "failed", failure: { type: "ValueError", message: "lr must be positive" } });
  });

  test("network errors, lost responses, 429 and 503 are retried and every point lands exactly once", async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      const n = ++calls;
      const isIngest = String(input).endsWith("/metrics") && init?.method === "POST";
      if (isIngest && n % 6 === 1) throw new TypeError("fetch failed (injected)");
      if (isIngest && n % 6 === 3) return new Response('{"title":"busy"}', { status: 503 });
      if (isIngest && n % 6 === 5) return new Response('{"title":"slow down"}', { status: 429, headers: { "retry-after": "0" } });
      const res = await fetch(input, init);
      if (isIngest && n % 7 === 0) throw new TypeError("connection reset after the server applied the batch (injected)");
      return res;
    };
    const run = await Run.start({ url, repo: "ts-sdk", fetch: flaky, batchSize: 1_000 });
    for (let i = 0; i < 20_000; i++) run.track(i / 3, "loss", { context: { subset: "train" } });
    await run.finish();
    expect(run.stats.retries).toBeGreaterThan(10);
    const points = await readAll("ts-sdk", run.id, "loss", { subset: "train" });
    expect(points.length).toBe(20_000);
    expect(points.every((p, i) => p.step === i && p.value === i / 3)).toBe(true);
  });

  test("batches are sent columnar and land exactly; a 413 halves them", async () => {
    const bodies: string[] = [];
    let refused = 0;
    const recording: typeof fetch = async (input, init) => {
      if (String(input).endsWith("/metrics") && init?.method === "POST") {
        bodies.push(String(init.body));
        if (refused < 2) {
          refused++;
          return new Response('{"title":"too large"}', { status: 413 });
        }
      }
      return fetch(input, init);
    };
    const run = await Run.start({ url, repo: "ts-sdk", fetch: recording, batchSize: 2_000 });
    const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324];
    const expected: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const v = i % 101 === 0 ? special[(i / 101) % 4] : Math.sin(i) * 10 ** (i % 9);
      expected.push(v);
      run.track(v, "loss", { context: { subset: "val" }, epoch: i % 3 === 0 ? undefined : i >> 8 });
      if (i % 2 === 0) run.track(i, "acc");
    }
    await run.finish();
    expect(run.errors).toEqual([]);
    expect(refused).toBe(2);
    expect(bodies.length).toBeGreaterThan(3);
    for (const body of bodies) expect(Object.keys(JSON.parse(body))).toEqual(["series"]);
    const loss = await readAll("ts-sdk", run.id, "loss", { subset: "val" });
    expect(loss.map((p) => [p.step, p.value, p.epoch])).toEqual(expected.map((v, i) => [i, wire(v), i % 3 === 0 ? null : i >> 8]));
    const acc = await readAll("ts-sdk", run.id, "acc");
    expect(acc.map((p) => [p.step, p.value, p.epoch])).toEqual(Array.from({ length: 2_500 }, (_, k) => [k, 2 * k, null]));
  });

  test("the server stops while the run is logging and comes back: every point exactly once", async () => {
    const run = await Run.start({ url, repo: "ts-sdk", batchSize: 500, flushInterval: 20 });
    const port = server.port;
    let i = 0;
    const log = async (n: number) => {
      for (const end = i + n; i < end; i++) {
        run.track(i * 2, "loss");
        if (i % 100 === 0) await new Promise((r) => setTimeout(r, 1));
      }
    };
    await log(5_000);
    await server.close();
    await log(5_000); // retried with backoff while the server is down
    await new Promise((r) => setTimeout(r, 300));
    server = await startNodeServer({ url: dbUrl, host: "127.0.0.1", port, config });
    await log(5_000);
    await run.finish();
    expect(run.stats.retries).toBeGreaterThan(0);
    const points = await readAll("ts-sdk", run.id, "loss");
    expect(points.length).toBe(15_000);
    expect(points.every((p, k) => p.step === k && p.value === k * 2)).toBe(true);
  });

  test("a full queue is reported, not dropped: track() throws QueueFullError until flush() catches up", async () => {
    const run = await Run.start({ url, repo: "ts-sdk", batchSize: 100, maxQueue: 100 });
    for (let i = 0; i < 100; i++) run.track(i, "x");
    expect(() => run.track(100, "x")).toThrow(QueueFullError);
    await run.flush();
    run.track(100, "x");
    await run.finish();
    expect((await readAll("ts-sdk", run.id, "x")).length).toBe(101);
  });

  test("invalid input fails in track(), not later in the sender", async () => {
    const run = await Run.start({ url, repo: "ts-sdk" });
    expect(() => run.track(1, "")).toThrow(TypeError);
    expect(() => run.track(1, "x", { step: -1 })).toThrow(RangeError);
    expect(() => run.track(1, "x", { context: { a: NaN } })).toThrow(TypeError);
    await run.finish();
    await expect(Run.start({ url, repo: "Bad Repo!" })).rejects.toThrow(/creating the run failed: 400/);
  });
});

describe("Run artifacts", () => {
  const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
  const expectedFile = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7 + 3) & 255);

  test("logArtifact and logConfusionMatrix upload in order; listArtifacts, downloadArtifact and confusionMetrics read them", async () => {
    const run = await Run.start({ url, repo: "ts-art" });
    const bytes = new Uint8Array(2 * 1024 * 1024 + 5).map((_, i) => (i * 31) & 255);
    run.logArtifact("models/ckpt.bin", bytes);
    bytes.fill(0); // copied at the call: reusing the buffer changes nothing
    run.logArtifact("reports/classes.csv", "label,f1\ncat,0.9\n");
    run.logArtifact("reports/blob.txt", new Blob(["from a blob"]), { contentType: "text/plain; charset=utf-8" });
    run.logConfusionMatrix(["cat", "dog"], [Uint32Array.from([5, 1]), [2, 3]]);
    const file = join(dir, "weights.bin");
    writeFileSync(file, expectedFile);
    run.logArtifact("models/from-disk.bin", await openAsBlob(file));
    await run.finish();
    expect(run.errors).toEqual([]);
    const items = await run.listArtifacts();
    expect(items.map((i) => [i.path, i.content_type])).toEqual([
      ["confusion.json", "application/vnd.runcamp.confusion+json"],
      ["models/ckpt.bin", "application/octet-stream"],
      ["models/from-disk.bin", "application/octet-stream"],
      ["reports/blob.txt", "text/plain; charset=utf-8"],
      ["reports/classes.csv", "text/csv"],
    ]);
    const fromDisk = await downloadArtifact({ url, repo: "ts-art", run: run.id, path: "models/from-disk.bin" });
    expect(sha(fromDisk)).toBe(sha(expectedFile));
    const expected = new Uint8Array(2 * 1024 * 1024 + 5).map((_, i) => (i * 31) & 255);
    const got = await downloadArtifact({ url, repo: "ts-art", run: run.id, path: "models/ckpt.bin" });
    expect(sha(got)).toBe(sha(expected));
    expect(items.find((i) => i.path === "models/ckpt.bin")!.sha256).toBe(sha(expected));
    expect((await listArtifacts({ url, repo: "ts-art", run: run.id, prefix: "reports/" })).length).toBe(2);
    const metrics = await confusionMetrics({ url, repo: "ts-art", run: run.id });
    expect(metrics.total).toBe(11);
    expect(metrics.accuracy).toBeCloseTo(8 / 11, 14);
    expect(metrics.classes[0]).toMatchObject({ label: "cat", support: 6 });
  });

  test("bad names, matrices and values throw at the call", async () => {
    const run = await Run.start({ url, repo: "ts-art" });
    for (const name of ["", "../x", "a//b", "/abs", "a/", "a\u0000b", "back\\slash", "x".repeat(1025)])
      expect(() => run.logArtifact(name, "x")).toThrow(RangeError);
    expect(() => run.logConfusionMatrix(["a", "b"], [[1, 0]])).toThrow(RangeError);
    expect(() =>
      run.logConfusionMatrix(
        ["a", "b"],
        [
          [1, -1],
          [0, 1],
        ],
      ),
    ).toThrow(RangeError);
    expect(() =>
      run.logConfusionMatrix(
        ["a", "a"],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toThrow(RangeError);
    // Lists and NaN are values (issue 13); what has no JSON form is refused at the call.
    run.setValue("per-class", [0.5, Number.NaN]);
    expect(() => run.setValue("when", new Date())).toThrow(TypeError);
    expect(() => run.setValue("f", () => 1)).toThrow(TypeError);
    expect(() => run.setValue("big", "x".repeat(70_000))).toThrow(RangeError);
    let deep: unknown = 1;
    for (let i = 0; i < 33; i++) deep = [deep];
    expect(() => run.setValue("deep", { a: deep })).toThrow(RangeError);
    expect(() => run.logArtifact("nel\u0085", "x")).toThrow(RangeError);
    expect(() =>
      run.logConfusionMatrix(
        ["a\u0007", "b"],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toThrow(RangeError);
    expect(() => run.setValue("x".repeat(256), 1)).toThrow(TypeError);
    run.setValue("nan", NaN);
    await run.finish();
    expect(run.errors).toEqual([]);
    expect(await run.listArtifacts()).toEqual([]);
  });

  test("logArtifact with step and context: one file per step, the same path the Python SDK derives, step and context on the server", async () => {
    const run = await Run.start({ url, repo: "ts-art" });
    for (const step of [0, 1, 2]) expect(run.logArtifact("pred.png", `png-${step}`, { step, context: { subset: "val" } })).toBe(`pred/${step}.subset=val.png`);
    // The paths of clients/python/tests/test_artifacts.py: the rule is shared.
    expect(run.logArtifact("samples/a b.txt", "x", { step: 7, context: { "k/1": "v=1,2", flag: true } })).toBe("samples/a b/7.flag=true,k~2F1=v~3D1~2C2.txt");
    expect(run.logArtifact(".hidden", "x", { step: 1 })).toBe(".hidden/1");
    expect(run.logArtifact("notes.md", "plain")).toBe("notes.md");
    await run.finish();
    expect(run.errors).toEqual([]);
    const items = await run.listArtifacts();
    expect(items.map((i) => [i.path, i.step, i.context])).toEqual([
      [".hidden/1", 1, {}],
      ["notes.md", null, {}],
      ["pred/0.subset=val.png", 0, { subset: "val" }],
      ["pred/1.subset=val.png", 1, { subset: "val" }],
      ["pred/2.subset=val.png", 2, { subset: "val" }],
      ["samples/a b/7.flag=true,k~2F1=v~3D1~2C2.txt", 7, { flag: true, "k/1": "v=1,2" }],
    ]);
    expect(new TextDecoder().decode(await run.downloadArtifact("pred/1.subset=val.png"))).toBe("png-1");
    for (const step of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => run.logArtifact("pred.png", "x", { step })).toThrow(RangeError);
    expect(() => run.logArtifact("pred.png", "x", { step: 1, context: { k: [1] as unknown as string } })).toThrow(TypeError);
  });
});

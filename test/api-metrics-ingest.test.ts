// Ingest of metric points over HTTP: JSON and NDJSON bodies, series summaries, idempotent
// retries, exact non-finite values, atomic requests, run state and every kind of bad input.
import { describe, expect, test } from "vitest";
import { defaultLimits } from "../src/config.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

type Wire = number | "NaN" | "Infinity" | "-Infinity";
interface RawPoint {
  step: number;
  value: Wire;
  epoch: number | null;
  time: number;
}
interface Summary {
  name: string;
  context: Record<string, unknown>;
  count: number;
  first_step: number | null;
  last_step: number | null;
  last: Wire | null;
  min: Wire | null;
  max: Wire | null;
  last_time: number | null;
}
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

const ndjsonInit = (text: string): RequestInit => ({ method: "POST", headers: { "content-type": "application/x-ndjson" }, body: text });
const ctxQuery = (context: Record<string, unknown>) => `context=${encodeURIComponent(JSON.stringify(context))}`;

describe.each(apiHosts)("metric ingest on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;

  async function newRun(label: string) {
    const repo = uniqueRepo(label);
    const res = await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }));
    expect(res.status).toBe(201);
    return { repo, path: `/v1/repos/${repo}/runs/r` };
  }

  async function ingest(path: string, points: unknown[], extra: Record<string, unknown> = {}) {
    const res = await call(`${path}/metrics`, json("POST", { points, ...extra }));
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { points: number; series: number };
  }

  async function ingestNdjson(path: string, text: string, query = "") {
    const res = await call(`${path}/metrics${query}`, ndjsonInit(text));
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { points: number; series: number };
  }

  /** A problem+json answer with this status. */
  async function problem(res: Response, status: number): Promise<Problem> {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = JSON.parse(text) as Problem;
    expect(body.status).toBe(status);
    expect(body.detail).toEqual(expect.any(String));
    return body;
  }

  async function summaries(path: string): Promise<Summary[]> {
    const res = await call(`${path}/metrics?limit=1000`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.next_cursor).toBeNull();
    return body.items;
  }

  /** Every raw point of a series (all pages). */
  async function raw(path: string, name: string, context: Record<string, unknown> = {}): Promise<RawPoint[]> {
    const res = await call(`${path}/metrics/${encodeURIComponent(name)}?${ctxQuery(context)}&limit=100000`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.next_cursor).toBeNull();
    return body.points;
  }

  const steps = (points: RawPoint[]) => points.map((p) => p.step);
  const values = (points: RawPoint[]) => points.map((p) => p.value);

  describe("JSON and NDJSON bodies", () => {
    test("a JSON batch answers its point and series counts, and the summaries describe the series", async () => {
      const { path } = await newRun("json");
      const result = await ingest(path, [
        { name: "loss", context: { subset: "train" }, step: 0, value: 2.5, epoch: 0, time: 1764147000.5 },
        { name: "loss", context: { subset: "train" }, step: 1, value: 1.5, epoch: 0, time: 1764147001.25 },
        { name: "loss", context: { subset: "train" }, step: 2, value: 1.75, epoch: 1, time: 1764147002 },
        { name: "loss", context: { subset: "val" }, step: 0, value: 3, epoch: 0, time: 1764147003 },
        { name: "acc", step: 5, value: 0.5, time: 1764147004 },
      ]);
      expect(result).toEqual({ points: 5, series: 3 });

      const items = await summaries(path);
      expect(items).toEqual([
        { name: "acc", context: {}, count: 1, first_step: 5, last_step: 5, last: 0.5, min: 0.5, max: 0.5, last_time: 1764147004 },
        { name: "loss", context: { subset: "train" }, count: 3, first_step: 0, last_step: 2, last: 1.75, min: 1.5, max: 2.5, last_time: 1764147002 },
        { name: "loss", context: { subset: "val" }, count: 1, first_step: 0, last_step: 0, last: 3, min: 3, max: 3, last_time: 1764147003 },
      ]);
      expect(await raw(path, "loss", { subset: "train" })).toEqual([
        { step: 0, value: 2.5, epoch: 0, time: 1764147000.5 },
        { step: 1, value: 1.5, epoch: 0, time: 1764147001.25 },
        { step: 2, value: 1.75, epoch: 1, time: 1764147002 },
      ]);

      // The run itself lists the same summaries.
      const run = await (await call(path)).json();
      expect(run.metrics).toEqual(items);
    });

    test("NDJSON: one point per line, blank lines, CRLF and a trailing newline are fine", async () => {
      const { path } = await newRun("ndjson");
      const lines = [
        '{"name":"loss","step":0,"value":1.0,"time":100}',
        "",
        '{"name":"loss","step":1,"value":0.5,"time":101}',
        "   ",
        '{"name":"loss","context":{"subset":"val"},"step":0,"value":"NaN","time":102}',
      ];
      expect(await ingestNdjson(path, `${lines.join("\n")}\n`)).toEqual({ points: 3, series: 2 });
      expect(await ingestNdjson(path, '{"name":"loss","step":2,"value":0.25,"time":103}\r\n{"name":"loss","step":3,"value":0.125,"time":104}\r\n\r\n')).toEqual(
        {
          points: 2,
          series: 1,
        },
      );
      // No trailing newline, and the content type may carry parameters.
      const res = await call(`${path}/metrics`, {
        method: "POST",
        headers: { "content-type": "application/x-ndjson; charset=utf-8" },
        body: '{"name":"loss","step":4,"value":0}',
      });
      expect(res.status).toBe(200);

      expect(values(await raw(path, "loss"))).toEqual([1, 0.5, 0.25, 0.125, 0]);
      expect(await raw(path, "loss", { subset: "val" })).toEqual([{ step: 0, value: "NaN", epoch: null, time: 102 }]);
    });

    test("a JSON body may carry a charset parameter", async () => {
      const { path } = await newRun("charset");
      const res = await call(`${path}/metrics`, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify({ points: [{ name: "naïve ✓", step: 0, value: 1 }] }),
      });
      expect(res.status).toBe(200);
      expect((await summaries(path)).map((s) => s.name)).toEqual(["naïve ✓"]);
    });

    test("an empty batch is accepted and creates no series", async () => {
      const { path } = await newRun("empty");
      expect(await ingest(path, [])).toEqual({ points: 0, series: 0 });
      expect(await ingestNdjson(path, "\n\n")).toEqual({ points: 0, series: 0 });
      expect(await summaries(path)).toEqual([]);
    });

    test("time defaults to the receipt time, kept to the millisecond; epoch is optional", async () => {
      const { path } = await newRun("time");
      const before = Date.now() / 1000;
      await ingest(path, [
        { name: "m", step: 0, value: 1 },
        { name: "m", step: 1, value: 1, epoch: null },
        { name: "m", step: 2, value: 1, epoch: 7, time: 1700000000.1234567 },
      ]);
      const after = Date.now() / 1000;
      const points = await raw(path, "m");
      for (const p of points.slice(0, 2)) {
        expect(p.time).toBeGreaterThanOrEqual(Math.floor(before * 1000) / 1000);
        expect(p.time).toBeLessThanOrEqual(Math.ceil(after * 1000) / 1000);
        expect(Math.round(p.time * 1000) / 1000).toBe(p.time);
      }
      // Both defaulted times are the same receipt time.
      expect(points[0].time).toBe(points[1].time);
      expect(points.map((p) => p.epoch)).toEqual([null, null, 7]);
      expect(points[2].time).toBe(1700000000.123);
      expect((await summaries(path))[0].last_time).toBe(1700000000.123);
    });

    test("contexts are canonical: key order does not make a new series", async () => {
      const { path } = await newRun("canon");
      await ingest(path, [{ name: "m", context: { b: 1, a: 2 }, step: 0, value: 1 }]);
      expect(await ingest(path, [{ name: "m", context: { a: 2, b: 1 }, step: 1, value: 2 }])).toEqual({ points: 1, series: 1 });
      // Both spellings in one request are one series too.
      expect(
        await ingest(path, [
          { name: "m", context: { a: 2, b: 1 }, step: 2, value: 3 },
          { name: "m", context: { b: 1, a: 2 }, step: 3, value: 4 },
        ]),
      ).toEqual({ points: 2, series: 1 });
      const items = await summaries(path);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ context: { a: 2, b: 1 }, count: 4 });
      expect(Object.keys(items[0].context)).toEqual(["a", "b"]);
      // Read with either spelling.
      expect(values(await raw(path, "m", { b: 1, a: 2 }))).toEqual([1, 2, 3, 4]);
      // No context and an empty context are the same series; 1 and "1" are not.
      await ingest(path, [
        { name: "n", step: 0, value: 1 },
        { name: "n", context: {}, step: 1, value: 2 },
        { name: "n", context: { k: 1 }, step: 0, value: 3 },
        { name: "n", context: { k: "1" }, step: 0, value: 4 },
      ]);
      expect((await summaries(path)).filter((s) => s.name === "n").map((s) => [s.context, s.count])).toEqual(
        expect.arrayContaining([
          [{}, 2],
          [{ k: 1 }, 1],
          [{ k: "1" }, 1],
        ]),
      );
      expect((await summaries(path)).filter((s) => s.name === "n")).toHaveLength(3);
    });

    test("series belong to their run", async () => {
      const { repo, path } = await newRun("sep");
      expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: "other" }))).status).toBe(201);
      await ingest(path, [{ name: "m", step: 0, value: 1 }]);
      await ingest(`/v1/repos/${repo}/runs/other`, [
        { name: "m", step: 0, value: 2 },
        { name: "m", step: 1, value: 3 },
      ]);
      expect(values(await raw(path, "m"))).toEqual([1]);
      expect(values(await raw(`/v1/repos/${repo}/runs/other`, "m"))).toEqual([2, 3]);
    });
  });

  describe("idempotency", () => {
    test("a retried request leaves exactly one point per step", async () => {
      const { path } = await newRun("retry");
      const batch = Array.from({ length: 50 }, (_, i) => ({ name: "loss", step: i, value: 1 / (i + 1), epoch: i >> 3, time: 1000 + i }));
      await ingest(path, batch);
      const first = await raw(path, "loss");
      const firstSummary = await summaries(path);
      expect(first).toHaveLength(50);
      await ingest(path, batch);
      expect(await raw(path, "loss")).toEqual(first);
      expect(await summaries(path)).toEqual(firstSummary);
      expect(firstSummary[0].count).toBe(50);
    });

    test("concurrent retries of the same request still leave one point per step", async () => {
      const { path } = await newRun("concurrent");
      const batch = Array.from({ length: 300 }, (_, i) => ({ name: "loss", step: i, value: i, time: 5 }));
      const results = await Promise.all(Array.from({ length: 5 }, () => call(`${path}/metrics`, json("POST", { points: batch }))));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const points = await raw(path, "loss");
      expect(steps(points)).toEqual(batch.map((p) => p.step));
      expect((await summaries(path))[0].count).toBe(300);
    });

    test("re-sent steps overwrite, and the summary follows (min/max/last recomputed)", async () => {
      const { path } = await newRun("overwrite");
      await ingest(path, [
        { name: "m", step: 0, value: 1, time: 1 },
        { name: "m", step: 1, value: 10, time: 2 },
        { name: "m", step: 2, value: 2, time: 3 },
      ]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 3, min: 1, max: 10, last: 2, last_time: 3 })]);
      // Lower the maximum and change the last point.
      await ingest(path, [
        { name: "m", step: 1, value: 0, epoch: 4, time: 20 },
        { name: "m", step: 2, value: 5, time: 30 },
      ]);
      expect(await raw(path, "m")).toEqual([
        { step: 0, value: 1, epoch: null, time: 1 },
        { step: 1, value: 0, epoch: 4, time: 20 },
        { step: 2, value: 5, epoch: null, time: 30 },
      ]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 3, first_step: 0, last_step: 2, min: 0, max: 5, last: 5, last_time: 30 })]);
    });

    test("within one request the last occurrence of a step wins", async () => {
      const { path } = await newRun("lastwins");
      const result = await ingest(path, [
        { name: "m", step: 3, value: 1 },
        { name: "m", step: 1, value: 2 },
        { name: "m", step: 3, value: 3, epoch: 9 },
        { name: "m", step: 1, value: "NaN" },
        { name: "m", step: 3, value: 4, epoch: 1 },
      ]);
      // The answer counts points received, the series keeps one per step.
      expect(result).toEqual({ points: 5, series: 1 });
      const points = await raw(path, "m");
      expect(points.map(({ step, value, epoch }) => ({ step, value, epoch }))).toEqual([
        { step: 1, value: "NaN", epoch: null },
        { step: 3, value: 4, epoch: 1 },
      ]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 2, min: 4, max: 4, last: 4 })]);
    });

    test("out-of-order steps read back sorted with the right values", async () => {
      const { path } = await newRun("order");
      const batch = (from: number, to: number, scale: number) =>
        Array.from({ length: to - from + 1 }, (_, i) => ({ name: "m", step: from + i, value: (from + i) * scale }));
      await ingest(path, batch(10, 19, 1));
      await ingest(path, batch(0, 9, 1));
      await ingest(path, [{ name: "m", step: 5, value: -5 }]);
      const points = await raw(path, "m");
      expect(steps(points)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(values(points)).toEqual(Array.from({ length: 20 }, (_, i) => (i === 5 ? -5 : i)));
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 20, first_step: 0, last_step: 19, min: -5, max: 19, last: 19 })]);
      // One unsorted request is sorted too.
      await ingest(path, [
        { name: "u", step: 7, value: 7 },
        { name: "u", step: 2, value: 2 },
        { name: "u", step: 40, value: 40 },
        { name: "u", step: 0, value: 0 },
      ]);
      expect(steps(await raw(path, "u"))).toEqual([0, 2, 7, 40]);
      expect(await summaries(path)).toContainEqual(expect.objectContaining({ name: "u", last: 40, last_step: 40 }));
    });

    test("out-of-order writes across many blocks keep every point exactly once", async () => {
      const { path } = await newRun("blocks");
      // Three interleaved passes over 0..3599: every third step per pass, newest pass last.
      for (const offset of [2, 0, 1]) {
        const points = [];
        for (let s = offset; s < 3600; s += 3) points.push({ name: "m", step: s, value: s * 2 });
        await ingest(path, points);
      }
      // Then overwrite a stretch straddling block boundaries.
      await ingest(
        path,
        Array.from({ length: 600 }, (_, i) => ({ name: "m", step: 800 + i, value: -1 })),
      );
      const points = await raw(path, "m");
      expect(points).toHaveLength(3600);
      expect(steps(points)).toEqual(Array.from({ length: 3600 }, (_, i) => i));
      expect(values(points)).toEqual(Array.from({ length: 3600 }, (_, i) => (i >= 800 && i < 1400 ? -1 : i * 2)));
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 3600, first_step: 0, last_step: 3599, min: -1, max: 7198, last: 7198 })]);
    });

    test("steps near 2^53-1 round-trip", async () => {
      const { path } = await newRun("bigsteps");
      const max = Number.MAX_SAFE_INTEGER;
      await ingest(path, [
        { name: "m", step: max, value: 3 },
        { name: "m", step: 0, value: 0 },
        { name: "m", step: max - 1, value: 2 },
        { name: "m", step: 2 ** 52, value: 1 },
      ]);
      expect(steps(await raw(path, "m"))).toEqual([0, 2 ** 52, max - 1, max]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 4, first_step: 0, last_step: max, last: 3 })]);
      // And overwriting the largest step works.
      await ingest(path, [{ name: "m", step: max, value: 4 }]);
      expect(values(await raw(path, "m"))).toEqual([0, 1, 2, 4]);
    });
  });

  describe("exact values", () => {
    test("NaN and ±Infinity travel as strings in points, buckets and summaries", async () => {
      const { path } = await newRun("nonfinite");
      await ingest(path, [
        { name: "m", step: 0, value: 1 },
        { name: "m", step: 1, value: "NaN" },
        { name: "m", step: 2, value: "Infinity" },
        { name: "m", step: 3, value: "-Infinity" },
        { name: "m", step: 4, value: 2 },
        { name: "m", step: 5, value: "NaN" },
      ]);
      expect(values(await raw(path, "m"))).toEqual([1, "NaN", "Infinity", "-Infinity", 2, "NaN"]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 6, min: "-Infinity", max: "Infinity", last: "NaN" })]);

      const down = await (await call(`${path}/metrics/m?points=1`)).json();
      expect(down.buckets).toEqual([
        expect.objectContaining({ start: 0, end: 5, count: 6, min: "-Infinity", max: "Infinity", min_step: 3, max_step: 2, step: 5, value: "NaN" }),
      ]);
      expect(down.points).toEqual([expect.objectContaining({ step: 5, value: "NaN" })]);
      expect(down.summary).toMatchObject({ min: "-Infinity", max: "Infinity", last: "NaN" });

      // Overwriting the extremes brings finite summaries back.
      await ingest(path, [
        { name: "m", step: 2, value: 5 },
        { name: "m", step: 3, value: -5 },
        { name: "m", step: 5, value: "Infinity" },
      ]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ min: -5, max: "Infinity", last: "Infinity" })]);
      await ingest(path, [{ name: "m", step: 5, value: "-Infinity" }]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ min: "-Infinity", max: 5, last: "-Infinity" })]);
    });

    test("an all-NaN series has null min and max", async () => {
      const { path } = await newRun("allnan");
      await ingest(path, [
        { name: "m", step: 0, value: "NaN" },
        { name: "m", step: 1, value: "NaN" },
      ]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 2, min: null, max: null, last: "NaN" })]);
      const down = await (await call(`${path}/metrics/m?points=5`)).json();
      for (const b of down.buckets) expect(b).toMatchObject({ min: null, max: null, min_step: null, max_step: null, value: "NaN" });
      expect(down.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(2);
    });

    test("tiny and huge doubles round-trip; ±MAX_VALUE are not mistaken for ±Infinity", async () => {
      const { path } = await newRun("doubles");
      const doubles = [
        5e-324,
        -5e-324,
        2.2250738585072014e-308,
        Number.MAX_VALUE,
        -Number.MAX_VALUE,
        0.1 + 0.2,
        1 / 3,
        -1e-300,
        123456789.98765433,
        2 ** 53 + 2,
      ];
      await ingest(
        path,
        doubles.map((value, step) => ({ name: "m", step, value })),
      );
      expect(values(await raw(path, "m"))).toEqual(doubles);
      expect(await summaries(path)).toEqual([expect.objectContaining({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE, last: 2 ** 53 + 2 })]);
      const bucket = (await (await call(`${path}/metrics/m?points=1`)).json()).buckets[0];
      expect(bucket).toMatchObject({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE, min_step: 4, max_step: 3 });
    });

    // JSON.stringify writes -0 as 0; the server writes it as -0.0 wherever it reads back a stored
    // float, which JavaScript parses as -0 (and Python as -0.0).
    test("-0 reads back as -0: raw and downsampled, rows and columns, metrics/query, the series' last value", async () => {
      const { repo, path } = await newRun("negzero");
      const isNegZero = (x: unknown) => Object.is(x, -0);
      const res = await call(`${path}/metrics`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"points":[{"name":"z","step":0,"value":-0},{"name":"z","step":1,"value":0},{"name":"z","step":2,"value":-0.0}]}',
      });
      expect(res.status).toBe(200);
      expect((await raw(path, "z")).map((p) => p.value).map(isNegZero)).toEqual([true, false, true]);
      const text = await (await call(`${path}/metrics/z`)).text();
      expect(text).toContain('"value":-0.0');
      expect(text).toContain('"value":0,');
      const z = (await summaries(path)).find((s) => s.name === "z")!;
      expect(isNegZero(z.last)).toBe(true);
      expect([z.min, z.max]).toEqual([expect.closeTo(0), expect.closeTo(0)]); // zeros; their sign is not kept

      const columns = await (await call(`${path}/metrics/z?format=columnar`)).json();
      expect(columns.values.map(isNegZero)).toEqual([true, false, true]);
      expect(isNegZero(columns.summary.last)).toBe(true);
      // points=3: a bucket per step, each its own last point, min and max.
      const down = await (await call(`${path}/metrics/z?points=3`)).json();
      expect(down.buckets.map((b: { value: number; min: number; max: number }) => [b.value, b.min, b.max].map(isNegZero))).toEqual([
        [true, true, true],
        [false, false, false],
        [true, true, true],
      ]);
      const downColumns = await (await call(`${path}/metrics/z?points=3&format=columnar`)).json();
      expect([downColumns.values, downColumns.buckets.min, downColumns.buckets.max].map((xs: number[]) => xs.map(isNegZero))).toEqual([
        [true, false, true],
        [true, false, true],
        [true, false, true],
      ]);
      for (const format of ["rows", "columnar"]) {
        const query = await (await call(`/v1/repos/${repo}/metrics/query`, json("POST", { metrics: [{ name: "z" }], points: 3, format }))).json();
        const [item] = query.items;
        const lasts = format === "rows" ? item.points.map((p: { value: number }) => p.value) : item.values;
        expect(lasts.map(isNegZero), format).toEqual([true, false, true]);
      }
      const run = await (await call(path)).json();
      expect(isNegZero(run.metrics.find((s: { name: string }) => s.name === "z").last)).toBe(true);
      // A later 0 at the last step takes the sign away again.
      await ingest(path, [{ name: "z", step: 2, value: 0 }]);
      expect(isNegZero((await summaries(path)).find((s) => s.name === "z")!.last)).toBe(false);
    });
  });

  describe("atomicity", () => {
    test("one bad point among many writes nothing, not even new series", async () => {
      const { path } = await newRun("atomic");
      await ingest(path, [
        { name: "kept", step: 0, value: 1 },
        { name: "kept", step: 1, value: 2 },
      ]);
      const before = await summaries(path);
      const beforePoints = await raw(path, "kept");
      const points: unknown[] = Array.from({ length: 2000 }, (_, i) => ({ name: i % 2 ? "kept" : "fresh", step: i, value: i }));
      points.push({ name: "other", context: { subset: "val" }, step: 0, value: 1 });
      points[1234] = { name: "kept", step: -1, value: 1 };
      const res = await call(`${path}/metrics`, json("POST", { points }));
      const body = await problem(res, 400);
      expect(body.errors).toEqual([{ path: "points.1234.step", message: expect.any(String) }]);
      expect(await summaries(path)).toEqual(before);
      expect(await raw(path, "kept")).toEqual(beforePoints);
      expect((await call(`${path}/metrics/fresh`)).status).toBe(404);

      // The same over NDJSON: a bad last line.
      const lines = Array.from({ length: 100 }, (_, i) => JSON.stringify({ name: "fresh", step: i, value: i }));
      lines.push('{"name":"kept","step":0,"value":"abc"}');
      await problem(await call(`${path}/metrics`, ndjsonInit(lines.join("\n"))), 400);
      expect(await summaries(path)).toEqual(before);
    });

    test("a request spanning several series lands in all of them", async () => {
      const { path } = await newRun("multi");
      const points = [];
      for (const subset of ["train", "val", "test"]) for (let s = 0; s < 1500; s++) points.push({ name: "loss", context: { subset }, step: s, value: s });
      for (let s = 0; s < 10; s++) points.push({ name: "acc", step: s, value: s / 10 });
      expect(await ingest(path, points)).toEqual({ points: 4510, series: 4 });
      const items = await summaries(path);
      expect(items.map((s) => [s.name, s.context, s.count])).toEqual([
        ["acc", {}, 10],
        ["loss", { subset: "test" }, 1500],
        ["loss", { subset: "train" }, 1500],
        ["loss", { subset: "val" }, 1500],
      ]);
    });
  });

  describe("run state", () => {
    test("ingest into a missing run or repo is a 404 and creates nothing", async () => {
      const { repo } = await newRun("missing");
      await problem(await call(`/v1/repos/${repo}/runs/nope/metrics`, json("POST", { points: [{ name: "m", step: 0, value: 1 }] })), 404);
      expect((await call(`/v1/repos/${repo}/runs/nope`)).status).toBe(404);
      const ghost = uniqueRepo("mi-ghost");
      await problem(await call(`/v1/repos/${ghost}/runs/r/metrics`, json("POST", { points: [{ name: "m", step: 0, value: 1 }] })), 404);
      await problem(await call(`/v1/repos/${ghost}/runs/r/metrics`, ndjsonInit('{"name":"m","step":0,"value":1}')), 404);
      expect((await call(`/v1/repos/${ghost}`)).status).toBe(404);
    });

    test("a finished run refuses points (409) until the request reopens it", async () => {
      const { path } = await newRun("finished");
      await ingest(path, [{ name: "m", step: 0, value: 1 }]);
      expect((await call(path, json("PATCH", { status: "finished" }))).status).toBe(200);
      const finished = await (await call(path)).json();
      expect(finished.ended_at).not.toBeNull();

      const refused = await problem(await call(`${path}/metrics`, json("POST", { points: [{ name: "m", step: 1, value: 2 }] })), 409);
      expect(refused.detail).toMatch(/reopen/);
      await problem(await call(`${path}/metrics`, ndjsonInit('{"name":"m","step":1,"value":2}')), 409);
      expect(await raw(path, "m")).toHaveLength(1);
      expect((await (await call(path)).json()).status).toBe("finished");

      // A bad request that asks to reopen changes nothing: the run stays finished.
      await problem(await call(`${path}/metrics`, json("POST", { points: [{ name: "m", step: "x", value: 2 }], reopen: true })), 400);
      expect((await (await call(path)).json()).status).toBe("finished");

      expect(await ingest(path, [{ name: "m", step: 1, value: 2 }], { reopen: true })).toEqual({ points: 1, series: 1 });
      const reopened = await (await call(path)).json();
      expect(reopened).toMatchObject({ status: "running", ended_at: null });
      expect(values(await raw(path, "m"))).toEqual([1, 2]);
      // Running again: plain ingests work.
      await ingest(path, [{ name: "m", step: 2, value: 3 }]);
    });

    test("NDJSON reopens with ?reopen=true; failed and killed runs behave like finished", async () => {
      const { repo } = await newRun("reopen-ndjson");
      for (const status of ["failed", "killed", "finished"]) {
        const path = `/v1/repos/${repo}/runs/${status}`;
        expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: status }))).status).toBe(201);
        expect((await call(path, json("PATCH", { status }))).status).toBe(200);
        await problem(await call(`${path}/metrics`, ndjsonInit('{"name":"m","step":0,"value":1}')), 409);
        await problem(await call(`${path}/metrics?reopen=false`, ndjsonInit('{"name":"m","step":0,"value":1}')), 409);
        expect(await ingestNdjson(path, '{"name":"m","step":0,"value":1}\n', "?reopen=true")).toEqual({ points: 1, series: 1 });
        expect(await (await call(path)).json()).toMatchObject({
          status: "running",
          ended_at: null,
          metrics: [expect.objectContaining({ name: "m", count: 1 })],
        });
      }
    });

    test("reopen must be a boolean; reopening a running run is harmless", async () => {
      const { path } = await newRun("reopen-bool");
      const bad = await problem(await call(`${path}/metrics`, json("POST", { points: [{ name: "m", step: 0, value: 1 }], reopen: "yes" })), 400);
      expect(bad.errors).toEqual([{ path: "reopen", message: expect.any(String) }]);
      expect(await summaries(path)).toEqual([]);
      await ingest(path, [{ name: "m", step: 0, value: 1 }], { reopen: true });
      expect((await (await call(path)).json()).status).toBe("running");
    });
  });

  describe("bad input", () => {
    /** Sends one batch whose point at index 3 is `bad`; expects a 400 naming `points.3.<field>` and nothing written. */
    async function rejectPoint(label: string, bad: unknown, expectedPaths: string[]) {
      const { path } = await newRun(label);
      const good = (step: number) => ({ name: "m", step, value: step });
      const res = await call(`${path}/metrics`, json("POST", { points: [good(0), good(1), good(2), bad, good(4)] }));
      const body = await problem(res, 400);
      expect(
        body.errors?.map((e) => e.path),
        JSON.stringify(bad),
      ).toEqual(expectedPaths);
      for (const e of body.errors ?? []) expect(e.message).toEqual(expect.any(String));
      expect(await summaries(path)).toEqual([]);
      return body;
    }

    test.each([
      ["missing name", { step: 3, value: 1 }, ["points.3.name"]],
      ["missing step", { name: "m", value: 1 }, ["points.3.step"]],
      ["missing value", { name: "m", step: 3 }, ["points.3.value"]],
      ["negative step", { name: "m", step: -1, value: 1 }, ["points.3.step"]],
      ["fractional step", { name: "m", step: 2.5, value: 1 }, ["points.3.step"]],
      ["step 2^53", { name: "m", step: 2 ** 53, value: 1 }, ["points.3.step"]],
      ["step 2^60", { name: "m", step: 2 ** 60, value: 1 }, ["points.3.step"]],
      ["step 1e300", { name: "m", step: 1e300, value: 1 }, ["points.3.step"]],
      ["step as a string", { name: "m", step: "3", value: 1 }, ["points.3.step"]],
      ["value not a number", { name: "m", step: 3, value: "abc" }, ["points.3.value"]],
      ["value lowercase nan", { name: "m", step: 3, value: "nan" }, ["points.3.value"]],
      ["value inf", { name: "m", step: 3, value: "inf" }, ["points.3.value"]],
      ["value numeric string", { name: "m", step: 3, value: "1.5" }, ["points.3.value"]],
      ["value null", { name: "m", step: 3, value: null }, ["points.3.value"]],
      ["value object", { name: "m", step: 3, value: { v: 1 } }, ["points.3.value"]],
      ["value boolean", { name: "m", step: 3, value: true }, ["points.3.value"]],
      ["name too long", { name: "x".repeat(256), step: 3, value: 1 }, ["points.3.name"]],
      ["empty name", { name: "", step: 3, value: 1 }, ["points.3.name"]],
      ["name not a string", { name: 7, step: 3, value: 1 }, ["points.3.name"]],
      ["negative epoch", { name: "m", step: 3, value: 1, epoch: -1 }, ["points.3.epoch"]],
      ["fractional epoch", { name: "m", step: 3, value: 1, epoch: 0.5 }, ["points.3.epoch"]],
      ["negative time", { name: "m", step: 3, value: 1, time: -1 }, ["points.3.time"]],
      ["time as a string", { name: "m", step: 3, value: 1, time: "2025-01-01" }, ["points.3.time"]],
      ["time beyond any date", { name: "m", step: 3, value: 1, time: 1e20 }, ["points.3.time"]],
      ["nested context", { name: "m", step: 3, value: 1, context: { subset: { a: 1 } } }, ["points.3.context.subset"]],
      ["null context value", { name: "m", step: 3, value: 1, context: { subset: null } }, ["points.3.context.subset"]],
      ["array context", { name: "m", step: 3, value: 1, context: ["val"] }, ["points.3.context"]],
      ["string context", { name: "m", step: 3, value: 1, context: "val" }, ["points.3.context"]],
      [
        "context of 17 keys",
        { name: "m", step: 3, value: 1, context: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i])) },
        ["points.3.context"],
      ],
      ["unknown point field", { name: "m", step: 3, value: 1, unit: "s" }, ["points.3.unit"]],
      ["point not an object", 42, ["points.3"]],
      ["point an array", ["m", 3, 1], ["points.3"]],
      ["several errors in one point", { name: "", step: -1, value: "abc" }, ["points.3.name", "points.3.step", "points.3.value"]],
    ])("%s is a 400 naming the point", async (label, bad, paths) => {
      await rejectPoint(label.replace(/[^a-z0-9]+/g, "-"), bad, paths);
    });

    test("a name of exactly 255 characters and a context of 16 keys are accepted", async () => {
      const { path } = await newRun("bounds");
      const name = "n".repeat(255);
      const context = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, i]));
      await ingest(path, [{ name, context, step: 0, value: 1 }]);
      expect(await summaries(path)).toEqual([expect.objectContaining({ name, context, count: 1 })]);
    });

    test("errors list every bad point (up to a cap), each by its index", async () => {
      const { path } = await newRun("many-errors");
      const points = Array.from({ length: 100 }, (_, i) => ({ name: "m", step: i % 10 === 0 ? -i - 1 : i, value: 1 }));
      const body = await problem(await call(`${path}/metrics`, json("POST", { points })), 400);
      expect(body.errors?.map((e) => e.path)).toEqual(Array.from({ length: 10 }, (_, i) => `points.${i * 10}.step`));
      const all = Array.from({ length: 500 }, (_, i) => ({ name: "m", step: -1 - i, value: 1 }));
      const capped = await problem(await call(`${path}/metrics`, json("POST", { points: all })), 400);
      expect(capped.errors!.length).toBeGreaterThan(0);
      expect(capped.errors!.length).toBeLessThanOrEqual(100);
      expect(capped.errors![0].path).toBe("points.0.step");
    });

    test.each([
      ["an array body", [{ name: "m", step: 0, value: 1 }], "body"],
      ["a string body", "points", "body"],
      ["null", null, "body"],
      ["points not an array", { points: { name: "m", step: 0, value: 1 } }, "points"],
      ["points missing", {}, "points"],
      ["an unknown top-level field", { points: [], extra: 1 }, "extra"],
    ])("%s is a 400", async (_label, body, path) => {
      const run = await newRun("body-shape");
      const res = await call(`${run.path}/metrics`, json("POST", body));
      const problemBody = await problem(res, 400);
      expect(problemBody.errors?.map((e) => e.path)).toEqual([path]);
    });

    test("malformed JSON is a 400", async () => {
      const { path } = await newRun("malformed");
      for (const body of ['{"points":[{"name":"m","step":0,"value":1}', "", "{points: []}", '{"points":[]} trailing']) {
        await problem(await call(`${path}/metrics`, { method: "POST", headers: { "content-type": "application/json" }, body }), 400);
      }
      expect(await summaries(path)).toEqual([]);
    });

    test("a malformed NDJSON line is a 400 naming its line number; bad points name their line", async () => {
      const { path } = await newRun("ndjson-bad");
      const text = ['{"name":"m","step":0,"value":1}', "", '{"name":"m","step":1,"value":', '{"name":"m","step":2,"value":2}'].join("\n");
      const body = await problem(await call(`${path}/metrics`, ndjsonInit(text)), 400);
      expect(body.errors).toEqual([{ path: "line 3", message: expect.any(String) }]);

      // CRLF line endings count lines the same way.
      const crlf = ['{"name":"m","step":0,"value":1}', '{"name":"m","step":1,"value":1}', "", '{"name":"m","step":-3,"value":1}'].join("\r\n");
      const crlfBody = await problem(await call(`${path}/metrics`, ndjsonInit(crlf)), 400);
      expect(crlfBody.errors?.map((e) => e.path)).toEqual(["line 4.step"]);

      const shapes = ["[1,2]", "42", '{"name":"m","step":0,"value":1,"unit":"s"}'].join("\n");
      const shapeBody = await problem(await call(`${path}/metrics`, ndjsonInit(shapes)), 400);
      expect(shapeBody.errors?.map((e) => e.path)).toEqual(["line 1", "line 2", "line 3.unit"]);
      expect(await summaries(path)).toEqual([]);
    });

    test("a content type other than JSON or NDJSON is a 415", async () => {
      const { path } = await newRun("type");
      const body = JSON.stringify({ points: [{ name: "m", step: 0, value: 1 }] });
      await problem(await call(`${path}/metrics`, { method: "POST", headers: { "content-type": "text/plain" }, body }), 415);
      await problem(await call(`${path}/metrics`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }), 415);
      await problem(await call(`${path}/metrics`, { method: "POST", body: new Uint8Array(new TextEncoder().encode(body)) }), 415);
      expect(await summaries(path)).toEqual([]);
    });

    test("more than 100,000 points is a 413 (JSON and NDJSON); exactly 100,000 is accepted", async () => {
      const { path } = await newRun("toomany");
      const line = '{"name":"m","step":0,"value":1}';
      const over = `{"points":[${new Array(100_001).fill(line).join(",")}]}`;
      const body = await problem(await call(`${path}/metrics`, { method: "POST", headers: { "content-type": "application/json" }, body: over }), 413);
      expect(body.detail).toMatch(/100000|100,000/);
      await problem(await call(`${path}/metrics`, ndjsonInit(new Array(100_001).fill(line).join("\n"))), 413);
      expect(await summaries(path)).toEqual([]);

      const parts: string[] = new Array(100_000);
      for (let i = 0; i < 100_000; i++) parts[i] = `{"name":"m","step":${i},"value":${i}}`;
      const exact = await call(`${path}/metrics`, { method: "POST", headers: { "content-type": "application/json" }, body: `{"points":[${parts.join(",")}]}` });
      expect(exact.status).toBe(200);
      expect(await exact.json()).toEqual({ points: 100_000, series: 1 });
      expect(await summaries(path)).toEqual([expect.objectContaining({ count: 100_000, first_step: 0, last_step: 99_999, min: 0, max: 99_999 })]);
    });

    test("a secret inside an invalid field never appears in the error", async () => {
      const { path } = await newRun("secret");
      const secret = "s3cr3t-TOKEN-a81f9c";
      const bodies: RequestInit[] = [
        json("POST", { points: [{ name: secret.padEnd(300, "x"), step: 0, value: 1 }] }),
        json("POST", { points: [{ name: "m", step: secret, value: 1 }] }),
        json("POST", { points: [{ name: "m", step: 0, value: secret }] }),
        json("POST", { points: [{ name: "m", step: 0, value: { secret } }] }),
        json("POST", { points: [{ name: "m", step: 0, value: 1, epoch: secret }] }),
        json("POST", { points: [{ name: "m", step: 0, value: 1, time: secret }] }),
        json("POST", { points: [{ name: "m", step: 0, value: 1, context: { k: { secret } } }] }),
        json("POST", { points: [{ name: "m", step: 0, value: 1, context: [secret] }] }),
        json("POST", { points: secret }),
        json("POST", { points: [], reopen: secret }),
        { method: "POST", headers: { "content-type": "application/json" }, body: `{"points":[{"name":"${secret}",` },
        ndjsonInit(`{"name":"m","step":0,"value":"${secret}"}`),
        ndjsonInit(`{"name":"${secret}`),
      ];
      for (const init of bodies) {
        const res = await call(`${path}/metrics`, init);
        expect(res.status).toBe(400);
        const text = await res.text();
        expect(text, String(init.body).slice(0, 80)).not.toContain(secret);
      }
    });
  });
});

describe.each(apiHosts)("metric ingest body limit on $name", (factory) => {
  const api = useHost(factory, { limits: { ...defaultLimits, maxBodyBytes: 2048 } });

  test("a body over the size limit is a 413 and writes nothing", async () => {
    const repo = uniqueRepo("mi-bodylimit");
    expect((await api.host.request(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    const path = `/v1/repos/${repo}/runs/r/metrics`;
    const points = Array.from({ length: 100 }, (_, i) => ({ name: "m", step: i, value: i }));
    expect(JSON.stringify({ points }).length).toBeGreaterThan(2048);
    for (const init of [json("POST", { points }), ndjsonInit(points.map((p) => JSON.stringify(p)).join("\n"))]) {
      const res = await api.host.request(path, init);
      expect(res.status).toBe(413);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect((await res.json()).status).toBe(413);
    }
    const small = await api.host.request(path, json("POST", { points: points.slice(0, 10) }));
    expect(small.status).toBe(200);
    const items = (await (await api.host.request(`/v1/repos/${repo}/runs/r/metrics`)).json()).items;
    expect(items).toEqual([expect.objectContaining({ name: "m", count: 10 })]);
  });
});

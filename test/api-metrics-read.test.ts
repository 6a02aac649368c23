// Reading metric series over HTTP: raw pages with from/to and cursors, downsampled buckets
// checked against the raw points, the series list, the many-runs query, deletion and restarts.
import { beforeAll, describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

type Wire = number | "NaN" | "Infinity" | "-Infinity";
interface RawPoint {
  step: number;
  value: Wire;
  epoch: number | null;
  time: number;
}
interface Bucket extends RawPoint {
  start: number;
  end: number;
  count: number;
  min: Wire | null;
  max: Wire | null;
  min_step: number | null;
  max_step: number | null;
}
interface SeriesRead {
  name: string;
  context: Record<string, unknown>;
  summary: Record<string, unknown>;
  points: RawPoint[];
  buckets: Bucket[] | null;
  next_cursor: string | null;
}

const fromWire = (x: Wire): number => (typeof x === "number" ? x : x === "NaN" ? NaN : x === "Infinity" ? Infinity : -Infinity);
const toWire = (x: number): Wire => (Number.isNaN(x) ? "NaN" : x === Infinity ? "Infinity" : x === -Infinity ? "-Infinity" : x);
const ctxQuery = (context: Record<string, unknown>) => `context=${encodeURIComponent(JSON.stringify(context))}`;

/**
 * Whether a downsampled read takes the exact equal-width path: ranged reads and series
 * shorter than 2·64·n points. Other reads use whole 64-point chunks, for which only the
 * invariants both paths share hold.
 */
const equalWidthPath = (count: number, n: number, ranged = false) => ranged || count < 2 * 64 * n;

/**
 * Checks downsampled buckets against the raw points they summarise: at most n buckets, in
 * order, disjoint, covering every point once; each bucket's count, min/max (NaN ignored, steps
 * of their first occurrence) and last point are those of the raw points in [start, end]. With
 * `equalWidth`, every bucket but the last spans the same number of steps and starts on a
 * multiple of that width.
 */
function expectBucketsMatch(buckets: Bucket[], raw: RawPoint[], n: number, equalWidth = true) {
  expect(buckets.length).toBeLessThanOrEqual(n);
  if (raw.length === 0) {
    expect(buckets).toEqual([]);
    return;
  }
  expect(buckets.length).toBeGreaterThan(0);
  expect(buckets[0].start).toBe(raw[0].step);
  expect(buckets.at(-1)!.end).toBe(raw.at(-1)!.step);
  const width = buckets[0].end - buckets[0].start + 1;
  let covered = 0;
  let i = 0;
  buckets.forEach((b, k) => {
    expect(b.start).toBeLessThanOrEqual(b.end);
    if (k > 0) expect(b.start).toBeGreaterThan(buckets[k - 1].end);
    if (equalWidth) {
      if (k > 0) expect((b.start - buckets[0].start) % width).toBe(0);
      if (k < buckets.length - 1) expect(b.end - b.start + 1).toBe(width);
      else expect(b.end - b.start + 1).toBeLessThanOrEqual(width);
    }

    while (i < raw.length && raw[i].step < b.start) i++;
    const inside: RawPoint[] = [];
    for (; i < raw.length && raw[i].step <= b.end; i++) inside.push(raw[i]);
    let min: number | null = null;
    let max: number | null = null;
    let minStep: number | null = null;
    let maxStep: number | null = null;
    for (const p of inside) {
      const v = fromWire(p.value);
      if (Number.isNaN(v)) continue;
      if (min === null || v < min) [min, minStep] = [v, p.step];
      if (max === null || v > max) [max, maxStep] = [v, p.step];
    }
    const last = inside.at(-1)!;
    expect(b, `bucket ${k} [${b.start}, ${b.end}]`).toEqual({
      start: b.start,
      end: b.end,
      count: inside.length,
      min: min === null ? null : toWire(min),
      max: max === null ? null : toWire(max),
      min_step: minStep,
      max_step: maxStep,
      step: last.step,
      value: last.value,
      epoch: last.epoch,
      time: last.time,
    });
    covered += inside.length;
  });
  expect(covered).toBe(raw.length);
}

describe.each(apiHosts)("metric reads on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;

  async function ok<T = unknown>(path: string, init?: RequestInit): Promise<T> {
    const res = await call(path, init);
    const text = await res.text();
    expect(res.status, `${init?.method ?? "GET"} ${path}: ${text.slice(0, 300)}`).toBe(200);
    return JSON.parse(text) as T;
  }

  async function problem(path: string, status: number, init?: RequestInit) {
    const res = await call(path, init);
    const text = await res.text();
    expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return JSON.parse(text) as { status: number; detail: string; errors?: { path: string; message: string }[] };
  }

  async function newRun(label: string, id = "r") {
    const repo = uniqueRepo(label);
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id }))).status).toBe(201);
    return { repo, path: `/v1/repos/${repo}/runs/${id}` };
  }

  async function ingest(path: string, points: unknown[]) {
    await ok(`${path}/metrics`, json("POST", { points }));
  }

  // One long series shared by the read tests: 3,500 points over several 1,024-point blocks,
  // steps with gaps, written out of order, partly overwritten, with NaNs and one spike.
  const SPIKE = 1e9;
  let long: { path: string; url: string; raw: RawPoint[]; spikeStep: number };

  beforeAll(async () => {
    const { path } = await newRun("long");
    const stepOf = (i: number) => i * 2 + (i >= 1000 ? 500 : 0) + (i >= 2500 ? 10_000 : 0);
    const spikeIndex = 1777;
    const point = (i: number, shift = 0) => ({
      name: "loss",
      context: { subset: "train" },
      step: stepOf(i),
      value: i === spikeIndex ? SPIKE : i % 397 === 0 ? "NaN" : Math.sin(i / 50) + shift,
      epoch: Math.floor(i / 100),
      time: 1_700_000_000 + i * 0.25,
    });
    const all = Array.from({ length: 3500 }, (_, i) => point(i));
    await ingest(path, all.slice(1800));
    await ingest(path, all.slice(0, 1800).reverse());
    const overwritten = Array.from({ length: 101 }, (_, k) => point(1200 + k, 0.5));
    await ingest(path, overwritten);
    for (const p of overwritten) all[(p.step - 500) / 2] = p;
    long = {
      path,
      url: `${path}/metrics/loss?${ctxQuery({ subset: "train" })}`,
      raw: all.map(({ step, value, epoch, time }) => ({ step, value: value as Wire, epoch, time })),
      spikeStep: stepOf(spikeIndex),
    };
  });

  /** Follows cursors from `url` (which must not carry one) and returns every page. */
  async function pages(url: string): Promise<SeriesRead[]> {
    const out: SeriesRead[] = [];
    let cursor: string | null = null;
    do {
      const page: SeriesRead = await ok<SeriesRead>(cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url);
      expect(page.buckets).toBeNull();
      out.push(page);
      cursor = page.next_cursor;
      expect(out.length).toBeLessThan(100);
    } while (cursor);
    return out;
  }

  describe("raw reads", () => {
    test("pages cover every point exactly once, in step order, for any page size", async () => {
      for (const limit of [700, 1000, 1024, 3499, 3500, 100_000]) {
        const all = await pages(`${long.url}&limit=${limit}`);
        expect(all.length, `limit=${limit}`).toBe(Math.ceil(3500 / limit));
        for (const page of all.slice(0, -1)) expect(page.points).toHaveLength(limit);
        expect(all.flatMap((p) => p.points)).toEqual(long.raw);
      }
      // The default page is 1,000 points.
      const first = await ok<SeriesRead>(long.url);
      expect(first.points).toEqual(long.raw.slice(0, 1000));
      expect(first.next_cursor).toEqual(expect.any(String));
      // Tiny pages step one point at a time.
      let url = `${long.url}&limit=1`;
      for (let i = 0; i < 5; i++) {
        const page = await ok<SeriesRead>(url);
        expect(page.points).toEqual([long.raw[i]]);
        url = `${long.url}&limit=1&cursor=${encodeURIComponent(page.next_cursor!)}`;
      }
    });

    test("a read answers the series' name, context and summary", async () => {
      const page = await ok<SeriesRead>(`${long.url}&limit=1`);
      const list = await ok<{ items: Record<string, unknown>[] }>(`${long.path}/metrics`);
      expect(page.name).toBe("loss");
      expect(page.context).toEqual({ subset: "train" });
      expect(page.summary).toEqual(list.items[0]);
      const finite = long.raw.map((p) => fromWire(p.value)).filter((v) => !Number.isNaN(v));
      expect(page.summary).toMatchObject({
        count: 3500,
        first_step: long.raw[0].step,
        last_step: long.raw.at(-1)!.step,
        last: long.raw.at(-1)!.value,
        last_time: long.raw.at(-1)!.time,
        min: Math.min(...finite),
        max: SPIKE,
      });
    });

    test("from and to are inclusive bounds, also across pages", async () => {
      const { raw } = long;
      const inRange = (from: number, to: number) => raw.filter((p) => p.step >= from && p.step <= to);
      const cases: [number | undefined, number | undefined][] = [
        [raw[10].step, raw[2000].step], // both on existing steps
        [raw[10].step + 1, raw[2000].step - 1], // both between steps
        [raw[999].step + 1, raw[1000].step - 1], // inside a gap: nothing
        [raw[1500].step, raw[1500].step], // one point
        [raw[3000].step, undefined],
        [undefined, raw[700].step],
        [raw.at(-1)!.step + 1, undefined], // past the end
      ];
      for (const [from, to] of cases) {
        const qs = `${from === undefined ? "" : `&from=${from}`}${to === undefined ? "" : `&to=${to}`}`;
        const expected = inRange(from ?? 0, to ?? Number.MAX_SAFE_INTEGER);
        const all = await pages(`${long.url}${qs}&limit=300`);
        expect(
          all.flatMap((p) => p.points),
          qs,
        ).toEqual(expected);
        expect(all.at(-1)!.next_cursor).toBeNull();
      }
    });

    test("limit must be 1..100,000 and a cursor must be one the server issued", async () => {
      for (const limit of ["0", "100001", "-1", "1.5", "abc", ""]) {
        const body = await problem(`${long.url}&limit=${limit}`, 400);
        expect(body.errors?.map((e) => e.path)).toContain("limit");
      }
      await problem(`${long.url}&cursor=not-a-cursor`, 400);
      await problem(`${long.url}&cursor=${encodeURIComponent(btoa('["x"]'))}`, 400);
    });

    test("a forged cursor is a 400 on cursor: wrong shape or type, a negative or fractional step, another spelling", async () => {
      const b64url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      // The cursor the server issues is the step the next page starts at, and reads on from there.
      const first = await ok<SeriesRead>(`${long.url}&limit=1`);
      expect(first.next_cursor).toBe(b64url(`[${long.raw[1].step}]`));
      expect((await ok<SeriesRead>(`${long.url}&limit=1&cursor=${first.next_cursor}`)).points.map((p) => p.step)).toEqual([long.raw[1].step]);
      const forged = ["[-5]", "[-1]", "[1.5]", '["5"]', "[null]", "[5,6]", "[]", "{}", "[true]", "[9007199254740992]", "[ 5]", "[5.0]", "[5e0]", "[05]"];
      for (const key of forged) {
        const body = await problem(`${long.url}&cursor=${b64url(key)}`, 400);
        expect(body.errors, key).toEqual([{ path: "cursor", message: expect.any(String) }]);
      }
      // The same rule on the run's list of series, whose cursor is a (name, context) pair.
      for (const key of ['["a"]', '["a",1]', '[1,"{}"]', '["a","{}",3]', '[ "a","{}"]']) {
        expect((await problem(`${long.path}/metrics?cursor=${b64url(key)}`, 400)).errors, key).toEqual([{ path: "cursor", message: expect.any(String) }]);
      }
    });

    test("from > to, a negative or fractional bound is a 400", async () => {
      await problem(`${long.url}&from=10&to=9`, 400);
      await problem(`${long.url}&from=10&to=9&points=10`, 400);
      await problem(`${long.url}&from=-1`, 400);
      await problem(`${long.url}&to=1.5`, 400);
      await problem(`${long.url}&from=9007199254740992`, 400);
      // from = to is a valid, one-step range.
      expect((await ok<SeriesRead>(`${long.url}&from=0&to=0`)).points).toEqual([long.raw[0]]);
    });

    test("the context parameter must be a flat JSON object; it is matched canonically", async () => {
      const base = `${long.path}/metrics/loss`;
      for (const context of ["not-json", "[1,2]", '"train"', "null", '{"subset":{"a":1}}', '{"subset":null}']) {
        const body = await problem(`${base}?context=${encodeURIComponent(context)}`, 400);
        expect(body.errors?.[0]?.path).toMatch(/^context/);
      }
      // No context means the empty context: a different series, absent here.
      await problem(base, 404);
      await problem(`${base}?${ctxQuery({ subset: "val" })}`, 404);
      // Key order does not matter.
      const { path } = await newRun("ctxorder");
      await ingest(path, [{ name: "m", context: { b: 1, a: "x" }, step: 0, value: 1 }]);
      expect((await ok<SeriesRead>(`${path}/metrics/m?${ctxQuery({ a: "x", b: 1 })}`)).points).toHaveLength(1);
      expect((await ok<SeriesRead>(`${path}/metrics/m?${ctxQuery({ b: 1, a: "x" })}`)).context).toEqual({ a: "x", b: 1 });
    });

    test("unknown series, run or repo is a 404", async () => {
      await problem(`${long.path}/metrics/nope`, 404);
      const repo = long.path.split("/")[3];
      await problem(`/v1/repos/${repo}/runs/ghost/metrics/loss`, 404);
      await problem(`/v1/repos/${repo}/runs/ghost/metrics`, 404);
      await problem(`/v1/repos/${uniqueRepo("mr-ghost")}/runs/r/metrics/loss`, 404);
    });

    test("names with '/', spaces, '%' and unicode are read URL-encoded", async () => {
      const { path } = await newRun("names");
      const names = ["train/loss", "a/b/c", "val loss", "100%", "naïve ✓", "?&#"];
      await ingest(
        path,
        names.map((name, i) => ({ name, step: 0, value: i })),
      );
      for (const [i, name] of names.entries()) {
        const read = await ok<SeriesRead>(`${path}/metrics/${encodeURIComponent(name)}`);
        expect(read.name).toBe(name);
        expect(read.points.map((p) => p.value)).toEqual([i]);
      }
      await problem(`${path}/metrics/train%2Floss2`, 404);
    });

    test("a name with '/' reads plain too; hostile encodings of it read nothing", async () => {
      const { path } = await newRun("slashes");
      await ingest(path, [
        { name: "val/loss", step: 0, value: 1 },
        { name: "a/b/c", step: 0, value: 2 },
        { name: "loss", step: 0, value: 3 },
      ]);
      for (const [form, name] of [
        ["val%2Floss", "val/loss"],
        ["val%2floss", "val/loss"],
        ["val/loss", "val/loss"],
        ["a/b%2Fc", "a/b/c"],
        ["a/b/c", "a/b/c"],
      ]) {
        const read = await ok<SeriesRead>(`${path}/metrics/${form}`);
        expect([form, read.name, read.points.map((p) => p.value)]).toEqual([form, name, [name === "val/loss" ? 1 : 2]]);
      }
      // Sent byte for byte. Dot segments, plain or encoded, resolve as in any URL (the host's
      // URL parser does it before routing; Deno's excepted, below): metrics/val/../loss is metrics/loss. Every other
      // detour is refused by the path guard (400) or names no series (404): none reads a name
      // holding "..", "." or an empty piece, nor another series.
      const answers: Record<string, unknown> = {};
      for (const form of [
        "val%252Floss", // double encoding
        "val%2F..%2Floss", // an encoded "/" leaving a ".." piece
        "val%2F.%2Floss",
        "val%2F%2Floss",
        "%2Fval%2Floss",
        "val//loss",
        "val/%2e%2e/loss",
        "val/../loss",
        "val/%2E%2E/%2e%2e/metrics/loss",
      ]) {
        const res = await api.host.raw("GET", `${path}/metrics/${form}`);
        answers[form] = res.status === 200 ? JSON.parse(res.text).name : res.status;
      }
      // Deno's server hands the app the path as sent, dot segments unresolved, and the path
      // guard refuses those too: stricter, never another series.
      const dotSegments = factory.name === "deno" ? 400 : "loss";
      expect(answers).toEqual({
        "val%252Floss": 400,
        "val%2F..%2Floss": 400,
        "val%2F.%2Floss": 400,
        "val%2F%2Floss": 400,
        "%2Fval%2Floss": 400,
        "val//loss": 400,
        "val/%2e%2e/loss": dotSegments,
        "val/../loss": dotSegments,
        "val/%2E%2E/%2e%2e/metrics/loss": dotSegments,
      });
    });
  });

  describe("downsampled reads", () => {
    test("points=N gives at most N buckets that agree with the raw points, and the spike survives", async () => {
      for (const n of [1, 2, 3, 7, 10, 64, 100, 999, 1000, 3500, 5000, 100_000]) {
        const read = await ok<SeriesRead>(`${long.url}&points=${n}`);
        expect(read.next_cursor).toBeNull();
        expectBucketsMatch(read.buckets!, long.raw, n, equalWidthPath(long.raw.length, n));
        expect(read.points).toEqual(read.buckets!.map(({ step, value, epoch, time }) => ({ step, value, epoch, time })));
        expect(
          read.buckets!.filter((b) => b.max === SPIKE).map((b) => b.max_step),
          `points=${n}`,
        ).toEqual([long.spikeStep]);
      }
    });

    test("with N at least the step span, every point is its own bucket", async () => {
      const { path } = await newRun("fine");
      const raw = [0, 1, 2, 5, 9].map((step) => ({ step, value: step * 1.5, epoch: null, time: 10 + step }));
      await ingest(
        path,
        raw.map((p) => ({ name: "m", ...p })),
      );
      const read = await ok<SeriesRead>(`${path}/metrics/m?points=10`);
      expect(read.points).toEqual(raw);
      expect(read.buckets!.map((b) => [b.start, b.end, b.count])).toEqual(raw.map((p) => [p.step, p.step, 1]));
    });

    test("points=N with from/to summarises only that range", async () => {
      const { raw } = long;
      for (const [from, to, n] of [
        [raw[100].step, raw[3100].step, 50],
        [raw[100].step + 1, raw[3100].step - 1, 7],
        [raw[1760].step, raw[1790].step, 3],
        [raw[2400].step, raw[2600].step, 1000],
        [raw[999].step + 1, raw[1000].step - 1, 5], // a gap: no buckets
      ]) {
        const inRange = raw.filter((p) => p.step >= from && p.step <= to);
        const read = await ok<SeriesRead>(`${long.url}&points=${n}&from=${from}&to=${to}`);
        // A range of 128·n points or more is bucketed by whole chunks (docs/api.md), so only
        // roughly equal in width; exact over its points either way.
        expectBucketsMatch(read.buckets!, inRange, n, inRange.length < 128 * n);
      }
    });

    test("points must be 1..100,000", async () => {
      for (const n of ["0", "100001", "-3", "2.5", "abc"]) {
        const body = await problem(`${long.url}&points=${n}`, 400);
        expect(body.errors?.map((e) => e.path)).toContain("points");
      }
    });

    test("steps near 2^53-1 downsample exactly", async () => {
      const { path } = await newRun("bigsteps");
      const max = Number.MAX_SAFE_INTEGER;
      const raw = [0, 1, 2 ** 52, max - 2, max - 1, max].map((step, i) => ({ step, value: i, epoch: null, time: 1 }));
      await ingest(
        path,
        raw.map((p) => ({ name: "m", ...p })),
      );
      for (const n of [1, 2, 3, 1000]) expectBucketsMatch((await ok<SeriesRead>(`${path}/metrics/m?points=${n}`)).buckets!, raw, n);
      expect((await ok<SeriesRead>(`${path}/metrics/m?from=${max - 1}`)).points.map((p) => p.step)).toEqual([max - 1, max]);
    });

    test("a long series read whole gives buckets of whole 64-point chunks, exact over their points", async () => {
      // 20,000 points appended in order, so blocks are full and chunk j holds raw[64j, 64j+64).
      const { path } = await newRun("chunks");
      const spike = 12_345;
      const raw: RawPoint[] = Array.from({ length: 20_000 }, (_, i) => ({
        step: i * 3,
        value: i === spike ? SPIKE : i === 777 ? "-Infinity" : (i >= 6400 && i < 6464) || i % 501 === 0 ? "NaN" : Math.sin(i / 300) + i / 1e4,
        epoch: i % 1000 === 999 ? null : Math.floor(i / 1000),
        time: 1_700_000_000 + i * 0.125,
      }));
      await ingest(
        path,
        raw.slice(0, 10_000).map((p) => ({ name: "m", ...p })),
      );
      await ingest(
        path,
        raw.slice(10_000).map((p) => ({ name: "m", ...p })),
      );
      const url = `${path}/metrics/m?points=50`;
      const read = await ok<SeriesRead>(url);
      const buckets = read.buckets!;
      expectBucketsMatch(buckets, raw, 50, false);
      const indexOf = new Map(raw.map((p, i) => [p.step, i]));
      for (const b of buckets) {
        expect(indexOf.get(b.start)! % 64, `bucket [${b.start}, ${b.end}] starts a chunk`).toBe(0);
        const end = indexOf.get(b.end)! + 1;
        expect(end % 64 === 0 || end === raw.length, `bucket [${b.start}, ${b.end}] ends a chunk`).toBe(true);
      }
      // 1,200-step buckets would hold 6.25 chunks: whole chunks make them 6 or 7 chunks wide.
      expect(new Set(buckets.slice(0, -1).map((b) => b.end - b.start + 1)).size).toBeGreaterThan(1);
      expect(buckets.filter((b) => b.max === SPIKE).map((b) => b.max_step)).toEqual([spike * 3]);
      expect(buckets.filter((b) => b.min === "-Infinity").map((b) => b.min_step)).toEqual([777 * 3]);
      expect(read.points).toEqual(buckets.map(({ step, value, epoch, time }) => ({ step, value, epoch, time })));
      expect(await ok<SeriesRead>(url)).toEqual(read); // served from the cached summaries
      // A range holding every step reads the same chunk summaries: the same buckets.
      const ranged = await ok<SeriesRead>(`${url}&from=0&to=${raw.at(-1)!.step}`);
      expect(ranged.buckets).toEqual(buckets);
      // A short range keeps equal-width buckets, from the blocks.
      const short = await ok<SeriesRead>(`${url}&from=${raw[100].step}&to=${raw[5000].step}`);
      expectBucketsMatch(short.buckets!, raw.slice(100, 5001), 50);
      // A write makes cached summaries stale: the next read sees the overwritten minimum.
      const low = { ...raw[100], value: -1e6 };
      await ingest(path, [{ name: "m", ...low }]);
      raw[100] = low;
      const after = (await ok<SeriesRead>(url)).buckets!;
      expectBucketsMatch(after, raw, 50, false);
      expect(after[0].min_step).toBe(300);
    });

    test("whole-chunk buckets stay exact with steps up to 2^53-1", async () => {
      const { path } = await newRun("chunkbig");
      const max = Number.MAX_SAFE_INTEGER;
      const raw: RawPoint[] = [
        ...Array.from({ length: 300 }, (_, i) => ({ step: i, value: i % 7, epoch: null, time: 1 })),
        ...Array.from({ length: 300 }, (_, i) => ({ step: max - 299 + i, value: -i, epoch: i, time: 2 })),
      ];
      await ingest(
        path,
        raw.map((p) => ({ name: "m", ...p })),
      );
      for (const n of [1, 2, 3, 4]) expectBucketsMatch((await ok<SeriesRead>(`${path}/metrics/m?points=${n}`)).buckets!, raw, n, equalWidthPath(raw.length, n));
      // One block of 600 points: its fifth chunk (points 256..319) spans the gap, whole.
      expect((await ok<SeriesRead>(`${path}/metrics/m?points=2`)).buckets!.map((b) => [b.start, b.end])).toEqual([
        [0, max - 280],
        [max - 279, max],
      ]);
    });
  });

  describe("series list", () => {
    test("GET .../metrics pages through many series, each exactly once, by name then context", async () => {
      const { path } = await newRun("list");
      const points = [];
      for (let i = 0; i < 9; i++) {
        for (const subset of ["train", "val", "test"]) points.push({ name: `m${i}`, context: { subset }, step: i, value: i });
      }
      points.push({ name: "m0", step: 0, value: 0 });
      await ingest(path, points);
      const seen: { name: string; context: Record<string, unknown> }[] = [];
      let cursor: string | null = null;
      let pagesRead = 0;
      do {
        const page: { items: { name: string; context: Record<string, unknown> }[]; next_cursor: string | null } = await ok(
          `${path}/metrics?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items);
        cursor = page.next_cursor;
        pagesRead++;
      } while (cursor);
      expect(pagesRead).toBe(7);
      // Ordered by name, then by the canonical context JSON (so '{}' after '{"subset":…}').
      const expected: { name: string; context: Record<string, unknown> }[] = [];
      for (let i = 0; i < 9; i++) {
        for (const subset of ["test", "train", "val"]) expected.push({ name: `m${i}`, context: { subset } });
        if (i === 0) expected.push({ name: "m0", context: {} });
      }
      expect(seen.map(({ name, context }) => ({ name, context }))).toEqual(expected);
      // Unpaginated, the list and the run's own summary list agree.
      const full = await ok<{ items: unknown[]; next_cursor: null }>(`${path}/metrics?limit=1000`);
      expect(full.items).toEqual(seen);
      expect(full.next_cursor).toBeNull();
      expect((await ok<{ metrics: unknown[] }>(path)).metrics).toEqual(seen);
      // The default page holds up to 100 series.
      expect((await ok<{ items: unknown[] }>(`${path}/metrics`)).items).toHaveLength(28);

      for (const limit of ["0", "1001", "x"]) await problem(`${path}/metrics?limit=${limit}`, 400);
      await problem(`${path}/metrics?cursor=garbage`, 400);
    });
  });

  describe("POST /metrics/query", () => {
    let repo: string;
    beforeAll(async () => {
      repo = uniqueRepo("mr-query");
      for (const id of ["a", "b", "c"]) expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id }))).status).toBe(201);
      const series = (name: string, context: Record<string, unknown> | undefined, scale: number) =>
        Array.from({ length: 200 }, (_, step) => ({ name, ...(context ? { context } : {}), step, value: step * scale, time: 5 }));
      await ingest(`/v1/repos/${repo}/runs/a`, [
        ...series("loss", { subset: "val" }, 1),
        ...series("loss", { subset: "train" }, 2),
        ...series("acc", undefined, 3),
      ]);
      await ingest(`/v1/repos/${repo}/runs/b`, series("loss", { subset: "val" }, 4));
      await ingest(`/v1/repos/${repo}/runs/c`, series("other", undefined, 5));
    });

    const query = (body: unknown) => json("POST", body);
    type Item = SeriesRead & { run: string };

    test("answers one downsampled item per existing (run, metric); runs lacking a series are absent", async () => {
      const body = await ok<{ items: Item[] }>(
        `/v1/repos/${repo}/metrics/query`,
        query({
          runs: ["a", "b", "c"],
          metrics: [{ name: "loss", context: { subset: "val" } }, { name: "acc" }],
          points: 10,
        }),
      );
      const key = (i: Item) => `${i.run} ${i.name} ${JSON.stringify(i.context)}`;
      expect(body.items.map(key).sort()).toEqual(["a acc {}", 'a loss {"subset":"val"}', 'b loss {"subset":"val"}']);
      const scales: Record<string, number> = { 'a loss {"subset":"val"}': 1, "a acc {}": 3, 'b loss {"subset":"val"}': 4 };
      for (const item of body.items) {
        const raw = Array.from({ length: 200 }, (_, step) => ({ step, value: step * scales[key(item)], epoch: null, time: 5 }));
        expectBucketsMatch(item.buckets!, raw, 10);
        expect(item.buckets).toHaveLength(10);
        expect(item.summary).toMatchObject({ count: 200, last_step: 199, last: 199 * scales[key(item)] });
        // The same as reading that series alone.
        const single = await ok<SeriesRead>(`/v1/repos/${repo}/runs/${item.run}/metrics/${item.name}?${ctxQuery(item.context)}&points=10`);
        expect(item).toEqual({ run: item.run, ...single });
      }
    });

    test("contexts match canonically; from/to bound the steps; points defaults to a plot's worth", async () => {
      const body = await ok<{ items: Item[] }>(
        `/v1/repos/${repo}/metrics/query`,
        query({ runs: ["b"], metrics: [{ name: "loss", context: { subset: "val" } }], from: 50, to: 59, points: 100 }),
      );
      expect(body.items).toHaveLength(1);
      expect(body.items[0].points.map((p) => p.step)).toEqual(Array.from({ length: 10 }, (_, i) => 50 + i));
      const wide = await ok<{ items: Item[] }>(
        `/v1/repos/${repo}/metrics/query`,
        query({ runs: ["a"], metrics: [{ name: "loss", context: { subset: "train" } }] }),
      );
      expect(wide.items[0].points).toHaveLength(200);
      const none = await ok<{ items: Item[] }>(`/v1/repos/${repo}/metrics/query`, query({ runs: ["c"], metrics: [{ name: "loss" }] }));
      expect(none.items).toEqual([]);
    });

    test("an unknown run or repo is a 404; empty lists, bad points and bad bodies are 400s", async () => {
      await problem(`/v1/repos/${repo}/metrics/query`, 404, query({ runs: ["a", "nope"], metrics: [{ name: "loss" }] }));
      await problem(`/v1/repos/${uniqueRepo("mr-ghost")}/metrics/query`, 404, query({ runs: ["a"], metrics: [{ name: "loss" }] }));
      const bad: unknown[] = [
        { runs: [], metrics: [{ name: "loss" }] },
        { runs: ["a"], metrics: [] },
        { runs: ["a"], metrics: [{ name: "loss" }], points: 0 },
        { runs: ["a"], metrics: [{ name: "loss" }], points: 100_001 },
        { runs: ["a"], metrics: [{ name: "loss" }], points: 2.5 },
        { runs: ["a"], metrics: [{ name: "" }] },
        { runs: ["a"], metrics: [{ name: "loss", context: { k: { nested: 1 } } }] },
        { runs: ["a"], metrics: [{ name: "loss" }], from: 9, to: 3 },
        { runs: ["not a valid id!"], metrics: [{ name: "loss" }] },
      ];
      for (const body of bad) await problem(`/v1/repos/${repo}/metrics/query`, 400, query(body));
      await problem(`/v1/repos/${repo}/metrics/query`, 400, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
      await problem(`/v1/repos/${repo}/metrics/query`, 415, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ runs: ["a"], metrics: [{ name: "loss" }] }),
      });
    });
  });

  describe("lifecycle", () => {
    test("deleting a run deletes its series; a new run with the same id starts empty", async () => {
      // The deleted run is the newest, so a reused key would surface leftover series.
      const { repo } = await newRun("delete", "keep");
      expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
      const path = `/v1/repos/${repo}/runs/r`;
      await ingest(
        path,
        Array.from({ length: 2500 }, (_, step) => ({ name: "loss", step, value: step })),
      );
      await ingest(`/v1/repos/${repo}/runs/keep`, [{ name: "loss", step: 0, value: 42 }]);
      expect((await call(path, { method: "DELETE" })).status).toBe(204);
      await problem(`${path}/metrics`, 404);
      await problem(`${path}/metrics/loss`, 404);

      expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
      expect((await ok<{ items: unknown[] }>(`${path}/metrics`)).items).toEqual([]);
      expect((await ok<{ metrics: unknown[] }>(path)).metrics).toEqual([]);
      await problem(`${path}/metrics/loss`, 404);
      // The re-created run's new points do not meet the old ones.
      await ingest(path, [{ name: "loss", step: 7, value: 1 }]);
      expect((await ok<SeriesRead>(`${path}/metrics/loss`)).points.map((p) => p.step)).toEqual([7]);
      expect((await ok<SeriesRead>(`${path}/metrics/loss?points=10`)).summary).toMatchObject({ count: 1, first_step: 7, last_step: 7 });
      // Another run's series are untouched.
      expect((await ok<SeriesRead>(`/v1/repos/${repo}/runs/keep/metrics/loss`)).points.map((p) => p.value)).toEqual([42]);
    });

    // Last in this block: it restarts the shared host.
    test("series read back identically after a restart", async () => {
      const { path } = await newRun("restart");
      await ingest(path, [
        ...Array.from({ length: 1500 }, (_, i) => ({
          name: "loss",
          context: { subset: "val" },
          step: i * 3,
          value: 1 / (i + 1),
          epoch: i >> 8,
          time: 1_764_147_000.5 + i,
        })),
        { name: "odd", step: 0, value: "NaN" },
        { name: "odd", step: 1, value: "Infinity" },
        { name: "odd", step: 2, value: "-Infinity" },
        { name: "odd", step: 3, value: -Number.MAX_VALUE },
        { name: "odd", step: Number.MAX_SAFE_INTEGER, value: 5e-324 },
      ]);
      const reads = async () => ({
        list: await ok(`${path}/metrics`),
        run: (await ok<{ metrics: unknown }>(path)).metrics,
        loss: await pages(`${path}/metrics/loss?${ctxQuery({ subset: "val" })}&limit=600`),
        lossDown: await ok(`${path}/metrics/loss?${ctxQuery({ subset: "val" })}&points=37`),
        odd: await ok(`${path}/metrics/odd?limit=10`),
        oddDown: await ok(`${path}/metrics/odd?points=2`),
        long: await ok(`${long.url}&points=300`),
      });
      const before = await reads();
      expect((before.odd as SeriesRead).points.map((p) => p.value)).toEqual(["NaN", "Infinity", "-Infinity", -Number.MAX_VALUE, 5e-324]);
      await api.host.restart();
      expect(await reads()).toEqual(before);
    });
  });
});

// The columnar ingest body ({"series": [{name, context, steps, values, epochs?, times?}]})
// writes exactly what the point form writes: random batches (NaN, ±Infinity, overwrites,
// out-of-order steps, a series split over several entries) sent both ways to two runs read
// back identical, raw and summarised. Then its bad inputs: every error names the item
// (series.3.values.17), nothing is written, the limits hold.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { defaultLimits } from "../src/config.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

type Wire = number | "NaN" | "Infinity" | "-Infinity";
interface PointIn {
  name: string;
  context?: Record<string, string>;
  step: number;
  value: Wire;
  epoch?: number | null;
  time: number;
}
interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom<Wire>("NaN", "Infinity", "-Infinity") },
);
const seriesId = fc.constantFrom<Pick<PointIn, "name" | "context">>(
  { name: "loss" },
  { name: "loss", context: { subset: "val" } },
  { name: "acc", context: { subset: "train", fold: "1" } },
);
const point = fc
  .record({
    series: seriesId,
    // A narrow step range makes overwrites and out-of-order writes common.
    step: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3000 })),
    value,
    epoch: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    time: fc.integer({ min: 0, max: 2_000_000_000_000 }).map((ms) => ms / 1000),
  })
  .map(({ series, ...p }): PointIn => ({ ...series, ...p }));

/**
 * The same points as columns: consecutive points of one series become one entry, so a series
 * interleaved with others is sent as several entries (the server merges them in order).
 */
function toColumns(points: PointIn[]) {
  const entries: { name: string; context?: Record<string, string>; steps: number[]; values: Wire[]; epochs: (number | null)[]; times: number[] }[] = [];
  let last: (typeof entries)[number] | undefined;
  let lastKey = "";
  for (const p of points) {
    const key = JSON.stringify([p.name, p.context ?? {}]);
    if (!last || key !== lastKey) {
      last = { name: p.name, ...(p.context ? { context: p.context } : {}), steps: [], values: [], epochs: [], times: [] };
      entries.push(last);
      lastKey = key;
    }
    last.steps.push(p.step);
    last.values.push(p.value);
    last.epochs.push(p.epoch ?? null);
    last.times.push(p.time);
  }
  // epochs are optional: leave them out where every epoch is null.
  return entries.map(({ epochs, ...e }) => (epochs.every((x) => x === null) ? e : { ...e, epochs }));
}

describe.each(apiHosts)("columnar ingest on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;

  async function newRun(repo: string, id: string) {
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id }))).status).toBe(201);
    return `/v1/repos/${repo}/runs/${id}`;
  }

  async function send(path: string, body: unknown) {
    const res = await call(`${path}/metrics`, json("POST", body));
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  }

  /** Every series of a run, summary and raw points, in a stable order. */
  async function contents(path: string) {
    const list = await (await call(`${path}/metrics?limit=1000`)).json();
    const out = [];
    for (const s of list.items) {
      const res = await call(`${path}/metrics/${s.name}?context=${encodeURIComponent(JSON.stringify(s.context))}&limit=100000`);
      out.push({ summary: s, points: (await res.json()).points });
    }
    return out;
  }

  async function problem(res: Response, status: number): Promise<Problem> {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return JSON.parse(text);
  }

  test("property: columns write exactly what points write (NaN/±Infinity, overwrites, out-of-order steps)", async () => {
    const repo = uniqueRepo("cols-prop");
    let seq = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(point, { minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 3 }), async (batches) => {
        const n = seq++;
        const byPoints = await newRun(repo, `p${n}`);
        const byColumns = await newRun(repo, `c${n}`);
        for (const batch of batches) {
          const a = await send(byPoints, { points: batch });
          const b = await send(byColumns, { series: toColumns(batch) });
          expect(b).toEqual(a);
        }
        expect(await contents(byColumns)).toEqual(await contents(byPoints));
      }),
      { numRuns: factory.name === "worker (miniflare)" ? 8 : 20 },
    );
  });

  test("times may be left out (the server's clock), and a series may hold one point", async () => {
    const path = await newRun(uniqueRepo("cols-time"), "r");
    const before = Date.now() / 1000;
    expect(await send(path, { series: [{ name: "m", steps: [7], values: ["NaN"] }] })).toEqual({ points: 1, series: 1 });
    const [m] = await contents(path);
    expect(m.points).toEqual([{ step: 7, value: "NaN", epoch: null, time: expect.any(Number) }]);
    expect(m.points[0].time).toBeGreaterThanOrEqual(Math.floor(before));
    expect(m.points[0].time).toBeLessThanOrEqual(Date.now() / 1000 + 1);
  });

  test("reopen works in the columnar body as in the point form", async () => {
    const path = await newRun(uniqueRepo("cols-reopen"), "r");
    expect((await call(path, json("PATCH", { status: "finished" }))).status).toBe(200);
    const body = { series: [{ name: "m", steps: [0], values: [1] }] };
    await problem(await call(`${path}/metrics`, json("POST", body)), 409);
    expect(await send(path, { ...body, reopen: true })).toEqual({ points: 1, series: 1 });
    expect((await (await call(path)).json()).status).toBe("running");
  });

  describe("bad input", () => {
    const good = { name: "ok", steps: [0, 1, 2], values: [1, 2, 3] };

    /** Sends [good, good, good, bad]; expects a 400 naming exactly `paths`, and nothing written. */
    async function reject(label: string, bad: unknown, paths: string[]) {
      const path = await newRun(uniqueRepo(label), "r");
      const res = await call(`${path}/metrics`, json("POST", { series: [good, { ...good, name: "ok2" }, { ...good, name: "ok3" }, bad] }));
      const body = await problem(res, 400);
      expect(
        body.errors?.map((e) => e.path),
        JSON.stringify(bad),
      ).toEqual(paths);
      for (const e of body.errors ?? []) expect(e.message).toEqual(expect.any(String));
      expect(JSON.stringify(body)).not.toContain("secret-ish");
      expect((await (await call(`${path}/metrics`)).json()).items).toEqual([]);
    }

    const values17 = Array.from({ length: 20 }, (_, i) => (i === 17 ? "secret-ish" : i));
    const steps20 = Array.from({ length: 20 }, (_, i) => i);
    test.each([
      ["a bad value", { name: "m", steps: steps20, values: values17 }, ["series.3.values.17"]],
      ["a lowercase nan", { name: "m", steps: [0, 1], values: [1, "nan"] }, ["series.3.values.1"]],
      ["a null value", { name: "m", steps: [0], values: [null] }, ["series.3.values.0"]],
      ["a negative step", { name: "m", steps: [0, -1], values: [1, 2] }, ["series.3.steps.1"]],
      ["a fractional step", { name: "m", steps: [0.5], values: [1] }, ["series.3.steps.0"]],
      ["step 2^53", { name: "m", steps: [2 ** 53], values: [1] }, ["series.3.steps.0"]],
      ["a string step", { name: "m", steps: ["3"], values: [1] }, ["series.3.steps.0"]],
      ["no steps", { name: "m", steps: [], values: [] }, ["series.3.steps"]],
      ["steps missing", { name: "m", values: [1] }, ["series.3.steps"]],
      ["steps not an array", { name: "m", steps: 3, values: [1] }, ["series.3.steps"]],
      ["values missing", { name: "m", steps: [0] }, ["series.3.values"]],
      ["fewer values than steps", { name: "m", steps: [0, 1], values: [1] }, ["series.3.values"]],
      ["more epochs than steps", { name: "m", steps: [0], values: [1], epochs: [0, 1] }, ["series.3.epochs"]],
      ["epochs null", { name: "m", steps: [0], values: [1], epochs: null }, ["series.3.epochs"]],
      ["a negative epoch", { name: "m", steps: [0, 1], values: [1, 2], epochs: [null, -1] }, ["series.3.epochs.1"]],
      ["a time beyond any date", { name: "m", steps: [0], values: [1], times: [1e20] }, ["series.3.times.0"]],
      ["times not an array", { name: "m", steps: [0], values: [1], times: 5 }, ["series.3.times"]],
      ["a missing name", { steps: [0], values: [1] }, ["series.3.name"]],
      ["an empty name", { name: "", steps: [0], values: [1] }, ["series.3.name"]],
      ["a control character in the name", { name: "a\u0001", steps: [0], values: [1] }, ["series.3.name"]],
      ["a nested context", { name: "m", context: { subset: { a: 1 } }, steps: [0], values: [1] }, ["series.3.context.subset"]],
      ["an array context", { name: "m", context: ["val"], steps: [0], values: [1] }, ["series.3.context"]],
      ["an unknown field", { name: "m", steps: [0], values: [1], unit: "s" }, ["series.3.unit"]],
      ["an entry not an object", [0, 1], ["series.3"]],
      ["several errors", { name: "", steps: [0, -1], values: [1, "x"] }, ["series.3.name", "series.3.steps.1", "series.3.values.1"]],
    ])("%s is a 400 naming the item, and nothing is written", async (label, bad, paths) => {
      await reject(label.replace(/[^a-z0-9]+/g, "-"), bad, paths);
    });

    test("the envelope: series not an array, both points and series, an unknown field", async () => {
      const path = await newRun(uniqueRepo("cols-envelope"), "r");
      const cases: [unknown, string][] = [
        [{ series: { name: "m" } }, "series"],
        [{ series: [good], points: [] }, "series"],
        [{ series: [good], extra: 1 }, "extra"],
        [{ series: [good], reopen: "yes" }, "reopen"],
      ];
      for (const [body, at] of cases) {
        const p = await problem(await call(`${path}/metrics`, json("POST", body)), 400);
        expect(p.errors?.map((e) => e.path)).toEqual([at]);
      }
      expect((await (await call(`${path}/metrics`)).json()).items).toEqual([]);
    });

    test("more than 100,000 points in all is a 413; exactly 100,000 is accepted", async () => {
      const path = await newRun(uniqueRepo("cols-413"), "r");
      const column = (n: number, from = 0) => ({ steps: Array.from({ length: n }, (_, i) => from + i), values: new Array(n).fill(0.5) });
      const over = {
        series: [
          { name: "a", ...column(60_000) },
          { name: "b", ...column(40_001) },
        ],
      };
      expect((await problem(await call(`${path}/metrics`, json("POST", over)), 413)).detail).toContain("100000");
      expect((await (await call(`${path}/metrics`)).json()).items).toEqual([]);
      expect(
        await send(path, {
          series: [
            { name: "a", ...column(60_000) },
            { name: "b", ...column(40_000) },
          ],
        }),
      ).toEqual({ points: 100_000, series: 2 });
    });

    test("one series written twice counts once, and the last occurrence of a step wins", async () => {
      const path = await newRun(uniqueRepo("cols-twice"), "r");
      const body = {
        series: [
          { name: "m", steps: [0, 1], values: [1, 2] },
          { name: "n", steps: [0], values: [9] },
          { name: "m", context: {}, steps: [1, 2], values: ["Infinity", 3] },
        ],
      };
      expect(await send(path, body)).toEqual({ points: 5, series: 2 });
      const [m] = (await contents(path)).filter((s) => s.summary.name === "m");
      expect(m.points.map((p: { value: Wire }) => p.value)).toEqual([1, "Infinity", 3]);
    });
  });
});

describe.each(apiHosts)("columnar ingest limits on $name", (factory) => {
  const api = useHost(factory, { limits: { ...defaultLimits, maxSeriesPerRequest: 3 } });

  test("more distinct series than maxSeriesPerRequest is a 413 and writes nothing; entries of one series count once", async () => {
    const repo = uniqueRepo("cols-limit");
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    const path = `/v1/repos/${repo}/runs/r/metrics`;
    const entry = (name: string) => ({ name, steps: [0], values: [1] });
    const res = await api.call(path, json("POST", { series: ["a", "b", "c", "d"].map(entry) }));
    expect(res.status).toBe(413);
    expect((await (await api.call(path)).json()).items).toEqual([]);
    const ok = await api.call(path, json("POST", { series: ["a", "b", "c", "a", "b"].map(entry) }));
    expect(await ok.json()).toEqual({ points: 5, series: 3 });
  });
});

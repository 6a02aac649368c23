// format=columnar reads return exactly what the row form returns, one array per field:
// random series (NaN, ±Infinity, overwrites, out-of-order steps), raw pages and downsampled
// reads, whole and ranged, for one series and for metrics/query.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

type Wire = number | "NaN" | "Infinity" | "-Infinity";
interface Row {
  step: number;
  value: Wire;
  epoch: number | null;
  time: number;
}
interface Bucket extends Row {
  start: number;
  end: number;
  count: number;
  min: Wire | null;
  max: Wire | null;
  min_step: number | null;
  max_step: number | null;
}

/** The row form transposed: what the columnar form must be. */
function transpose(points: Row[], buckets: Bucket[] | null) {
  const col = <T, K extends keyof T>(items: T[], key: K) => items.map((item) => item[key]);
  return {
    steps: col(points, "step"),
    values: col(points, "value"),
    epochs: col(points, "epoch"),
    times: col(points, "time"),
    buckets: buckets && {
      start: col(buckets, "start"),
      end: col(buckets, "end"),
      count: col(buckets, "count"),
      min: col(buckets, "min"),
      max: col(buckets, "max"),
      min_step: col(buckets, "min_step"),
      max_step: col(buckets, "max_step"),
    },
  };
}

const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.constantFrom<Wire>("NaN", "Infinity", "-Infinity") },
);
const point = fc.record({ step: fc.integer({ min: 0, max: 5000 }), value, epoch: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }) });

describe.each(apiHosts)("columnar reads on $name", (factory) => {
  const api = useHost(factory);
  const repo = uniqueRepo("columnar");
  let runSeq = 0;

  async function get(path: string) {
    const res = await api.call(path);
    expect(res.status, path).toBe(200);
    return res.json();
  }

  test("equal to the row form for random series, raw and downsampled, whole and ranged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(point, { minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 50 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })), { nil: undefined }),
        async (batches, points, range) => {
          const run = `r${runSeq++}`;
          const base = `/v1/repos/${repo}/runs/${run}`;
          expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: run }))).status).toBe(201);
          // Several requests: later ones overwrite earlier steps, in any order.
          for (const batch of batches)
            expect((await api.call(`${base}/metrics`, json("POST", { points: batch.map((p) => ({ name: "m", ...p })) }))).status).toBe(200);
          const window = range ? `&from=${Math.min(...range)}&to=${Math.max(...range)}` : "";
          for (const query of [`points=${points}${window}`, `limit=${points}${window}`]) {
            const rows = await get(`${base}/metrics/m?${query}`);
            const columns = await get(`${base}/metrics/m?${query}&format=columnar`);
            expect(columns).toEqual({ name: "m", context: {}, summary: rows.summary, ...transpose(rows.points, rows.buckets), next_cursor: rows.next_cursor });
          }
          const body = { runs: [run], metrics: [{ name: "m" }], points, ...(range ? { from: Math.min(...range), to: Math.max(...range) } : {}) };
          const q = await (await api.call(`/v1/repos/${repo}/metrics/query`, json("POST", body))).json();
          const qc = await (await api.call(`/v1/repos/${repo}/metrics/query`, json("POST", { ...body, format: "columnar" }))).json();
          expect(qc.items).toEqual(
            q.items.map((item: { run: string; summary: unknown; points: Row[]; buckets: Bucket[] | null }) => ({
              run: item.run,
              name: "m",
              context: {},
              summary: item.summary,
              ...transpose(item.points, item.buckets),
              next_cursor: null,
            })),
          );
        },
      ),
      { numRuns: 12 },
    );
  });

  test("an unknown format is a 400", async () => {
    const res = await api.call(`/v1/repos/${repo}/runs/none/metrics/m?format=csv`);
    expect(res.status).toBe(400);
    expect((await api.call(`/v1/repos/${repo}/metrics/query`, json("POST", { runs: ["x"], metrics: [{ name: "m" }], format: "csv" }))).status).toBe(400);
  });
});

// Summary levels through the API at the production fan-out (src/series/levels.ts): a series
// long enough for two levels is written in columnar requests, read downsampled through level 2
// and level 1, then overwritten in the middle and out of order, and read again. Every bucket
// must equal the raw points it covers; the level rows must be there and cover the series. So
// must every bucket of a ranged read, long (chunk summaries) or short (blocks).
import { beforeAll, describe, expect, test } from "vitest";
import { LEVEL_FANOUT } from "../src/series/levels.ts";
import { levelFor } from "../src/series/levels-read.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

type Wire = number | "NaN" | "Infinity" | "-Infinity";
const toWire = (x: number): Wire => (Number.isNaN(x) ? "NaN" : x === Infinity ? "Infinity" : x === -Infinity ? "-Infinity" : x);

interface Bucket {
  start: number;
  end: number;
  count: number;
  min: Wire | null;
  max: Wire | null;
  min_step: number | null;
  max_step: number | null;
  step: number;
  value: Wire;
}

// 16·16 sealed blocks make one level-2 row; a few thousand points more keep the end unsealed.
const POINTS = LEVEL_FANOUT * LEVEL_FANOUT * 1024 + 5_000;

/** The model's points in step order. */
const sorted = (model: Map<number, number>) => [...model.entries()].sort((a, b) => a[0] - b[0]);

/**
 * Buckets tile the points in order, at most n, each with the raw points' count, extremes (first
 * occurrence, NaN ignored) and last point. Buckets of whole chunks start at their first point
 * and end at their last; a ranged read from blocks has equal-width buckets, which start and
 * end where their width does.
 */
function expectBucketsExact(buckets: Bucket[], points: [number, number][], n: number, startsAtPoint = true) {
  expect(buckets.length).toBeGreaterThan(0);
  expect(buckets.length).toBeLessThanOrEqual(n);
  let i = 0;
  buckets.forEach((b, k) => {
    if (k > 0) expect(b.start).toBeGreaterThan(buckets[k - 1].end);
    if (startsAtPoint) expect(points[i][0], `bucket ${k} starts at the next point`).toBe(b.start);
    else expect(points[i][0], `bucket ${k} holds the next point`).toBeGreaterThanOrEqual(b.start);
    const inside: [number, number][] = [];
    for (; i < points.length && points[i][0] <= b.end; i++) inside.push(points[i]);
    let min: [number, number] | null = null;
    let max: [number, number] | null = null;
    for (const p of inside) {
      if (Number.isNaN(p[1])) continue;
      if (min === null || p[1] < min[1]) min = p;
      if (max === null || p[1] > max[1]) max = p;
    }
    const last = inside[inside.length - 1];
    expect(
      { start: b.start, end: b.end, count: b.count, min: b.min, max: b.max, min_step: b.min_step, max_step: b.max_step, step: b.step, value: b.value },
      `bucket ${k}`,
    ).toEqual({
      start: b.start,
      end: startsAtPoint ? last[0] : b.end,
      count: inside.length,
      min: min && toWire(min[1]),
      max: max && toWire(max[1]),
      min_step: min?.[0] ?? null,
      max_step: max?.[0] ?? null,
      step: last[0],
      value: toWire(last[1]),
    });
  });
  expect(i, "every point in a bucket").toBe(points.length);
}

describe.each(apiHosts)("summary levels on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const model = new Map<number, number>();
  let path: string;

  async function send(steps: number[], values: number[]) {
    const res = await call(`${path}/metrics`, json("POST", { series: [{ name: "m", steps, values: values.map(toWire) }] }));
    expect(res.status, await res.clone().text()).toBe(200);
    for (const [i, s] of steps.entries()) model.set(s, values[i]);
  }

  async function buckets(n: number): Promise<Bucket[]> {
    const res = await call(`${path}/metrics/m?points=${n}`);
    expect(res.status).toBe(200);
    return (await res.json()).buckets;
  }

  async function levelRows(): Promise<Record<number, number>> {
    const rows = await api.host.query(
      "SELECT level, count(*) AS n FROM series_levels WHERE series_pk = (SELECT s.pk FROM series s JOIN runs r ON r.pk = s.run_pk WHERE r.id = 'long' AND r.repo_pk = (SELECT pk FROM repos WHERE name = ?)) GROUP BY level",
      [path.split("/")[3]],
    );
    return Object.fromEntries(rows.map((r) => [Number(r.level), Number(r.n)]));
  }

  beforeAll(async () => {
    const repo = uniqueRepo("levels");
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: "long" }))).status).toBe(201);
    path = `/v1/repos/${repo}/runs/long`;
    // Steps with gaps, NaNs, a spike and a trough; 10,000-point requests as the SDKs batch.
    const value = (i: number) => (i % 997 === 0 ? NaN : i === 123_457 ? 1e9 : i === 200_003 ? -Infinity : Math.sin(i / 300) + (i % 7) / 100);
    for (let from = 0; from < POINTS; from += 10_000) {
      const count = Math.min(10_000, POINTS - from);
      const idx = Array.from({ length: count }, (_, k) => from + k);
      await send(
        idx.map((i) => i * 2 + (i > 100_000 ? 7 : 0)),
        idx.map(value),
      );
    }
  }, 120_000);

  test("appends build both levels, and reads through each are exact", async () => {
    const sealed = Math.ceil(POINTS / 1024) - 1;
    expect(await levelRows()).toEqual({ 1: Math.floor(sealed / LEVEL_FANOUT), 2: Math.floor(sealed / LEVEL_FANOUT ** 2) });
    // n = 4 reads through level 2, n = 60 through level 1, n = 1,000 from chunk summaries.
    expect([4, 60, 1000].map((n) => levelFor(POINTS, n))).toEqual([2, 1, 0]);
    for (const n of [4, 60, 1000]) expectBucketsExact(await buckets(n), sorted(model), n);
  });

  test("overwrites in the middle and out-of-order steps keep reads exact and levels rebuilt", async () => {
    // Into the gaps (odd steps) of blocks under level rows, overwriting a few stored steps too.
    const steps = Array.from({ length: 3000 }, (_, k) => 150_001 + 2 * k - (k % 500 === 0 ? 1 : 0)).reverse();
    await send(
      steps,
      steps.map((s) => (s === 150_001 ? 5e9 : -s / 1e6)),
    );
    await send([40_000, 7], [-7e9, NaN]);
    for (const n of [4, 60, 1000]) expectBucketsExact(await buckets(n), sorted(model), n);
    const rows = await levelRows();
    // The stretches the rewrites emptied are regrouped in the same writes: at most one group per level short.
    expect(rows[2]).toBe(1);
    expect(rows[1]).toBeGreaterThanOrEqual(Math.floor((Math.ceil(model.size / 1024) - 1) / LEVEL_FANOUT) - 2);
  });

  test("ranged reads are exact: a long range from chunk summaries with its end blocks cut, a short one from blocks", async () => {
    // ~195k points (read from summaries at n = 100 and 1,000), then ~5k points (from blocks).
    for (const [from, to, n, fromChunks] of [
      [10_001, 400_003, 100, true],
      [10_001, 400_003, 1000, true],
      [150_000, 160_000, 1000, false],
    ] as const) {
      const res = await call(`${path}/metrics/m?points=${n}&from=${from}&to=${to}`);
      expect(res.status).toBe(200);
      const inside = sorted(model).filter(([step]) => step >= from && step <= to);
      expectBucketsExact((await res.json()).buckets, inside, n, fromChunks);
    }
  });
});

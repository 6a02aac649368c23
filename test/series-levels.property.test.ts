// Summary levels (src/series/levels.ts) against a model of the raw points: after any sequence
// of writes (appends in random batch sizes, overwrites, out-of-order steps, NaN/±Inf/−0) every
// level row summarises exactly the points of the units it names, and a read through any level
// gives entries, and buckets, whose statistics equal a brute-force computation over the raw
// points, and so does a ranged read (a long range reads chunk summaries and cuts the blocks
// at its ends). A fan-out of 2 builds several levels from a few thousand points.

import { type Client, createClient, type InStatement, type Row } from "@libsql/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createRun, deleteRun } from "../src/api/runs/service.ts";
import { defaultLimits } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { migrateDatabase } from "../src/hosts/node.ts";
import type { SeriesRow } from "../src/series/catalog.ts";
import { findSeries } from "../src/series/catalog.ts";
import type { Point } from "../src/series/codec/block.ts";
import { ChunkSummaries, downsampleSummaries } from "../src/series/codec/chunk-summary.ts";
import { columnsOf } from "../src/series/codec/columns.ts";
import { decodeLevel, type LevelRowBounds } from "../src/series/codec/level-summary.ts";
import type { Bucket } from "../src/series/downsample.ts";
import { MAX_LEVEL } from "../src/series/levels.ts";
import { readLevelEntries } from "../src/series/levels-read.ts";
import { downsampleSeries } from "../src/series/read.ts";
import { writeSeries } from "../src/series/store.ts";
import { prng } from "./support/prng.ts";
import { expectSame, naiveBucket } from "./support/same.ts";

const FANOUT = 2;

let client: Client;
let deps: Deps;
beforeAll(async () => {
  client = createClient({ url: ":memory:" });
  await migrateDatabase(client);
  deps = { client, config: { limits: defaultLimits, corsOrigins: [] } };
});
afterAll(() => client.close());

const SPECIALS = [NaN, Infinity, -Infinity, -0, 0];

/**
 * A batch: appends past the end (with gaps), steps spread over the series and past it, a small
 * window (overwrites), steps just after stored ones (filling gaps), or one point just before a
 * block (which can change the block before a level row without touching the row).
 */
const batchSpec = fc.record({
  kind: fc.constantFrom("append", "append", "spread", "window", "between", "edge"),
  size: fc.integer({ min: 1, max: 2500 }),
  seed: fc.integer(),
});
type BatchSpec = typeof batchSpec extends fc.Arbitrary<infer T> ? T : never;

function makeBatch({ kind, size, seed }: BatchSpec, model: Map<number, Point>, blockStarts: number[]): Point[] {
  const r = prng(seed);
  const top = model.size ? Math.max(...model.keys()) : -1;
  const window = Math.floor(r() * (top + 2));
  const stored = [...model.keys()];
  let next = top + 1;
  const points: Point[] = [];
  if (kind === "edge") size = 1;
  for (let i = 0; i < size; i++) {
    let step: number;
    if (kind === "append") step = next += r() < 0.3 ? 1 + Math.floor(r() * (r() < 0.1 ? 40 : 3)) : 1;
    else if (kind === "spread") step = Math.floor(r() * (top + 3000));
    else if (kind === "between" && stored.length) step = stored[Math.floor(r() * stored.length)] + 1;
    else if (kind === "edge" && blockStarts.length) step = Math.max(0, blockStarts[Math.floor(r() * blockStarts.length)] - 1);
    else step = window + Math.floor(r() * 120);
    const value = r() < 0.08 ? SPECIALS[Math.floor(r() * SPECIALS.length)] : Math.round((r() - 0.5) * 1e6) / 8;
    points.push({ step, value, epoch: r() < 0.2 ? null : Math.floor(step / 100), time: 1_700_000_000 + Math.floor(step * 7 + r() * 5) / 1000 });
  }
  return points;
}

/** The raw points' bucket, its last point's time to the millisecond, as entries keep it. */
function naiveEntryBucket(start: number, end: number, points: Point[]): Bucket {
  const bucket = naiveBucket(start, end, points);
  const { step, value, epoch, time } = bucket.last;
  return { ...bucket, last: { step, value, epoch, time: Math.round(time * 1000) / 1000 } };
}

/** Entry `i` of `entries` as a bucket. */
const entryBucket = (e: ChunkSummaries, i: number): Bucket => ({
  start: e.firstStep[i],
  end: e.lastStep[i],
  count: e.count[i],
  min: e.minStep[i] < 0 ? null : e.min[i],
  max: e.maxStep[i] < 0 ? null : e.max[i],
  minStep: e.minStep[i] < 0 ? null : e.minStep[i],
  maxStep: e.maxStep[i] < 0 ? null : e.maxStep[i],
  last: { step: e.lastStep[i], value: e.lastValue[i], epoch: e.lastEpoch[i] < 0 ? null : e.lastEpoch[i], time: e.lastTime[i] / 1000 },
});

/** Consecutive ranges [start, end] over the sorted points: each the brute-force bucket of the points inside, and together every point. */
function expectTiling(ranges: Bucket[], all: Point[], what: string) {
  let i = 0;
  ranges.forEach((b, k) => {
    if (k > 0) expect(b.start, `${what}: disjoint and ordered`).toBeGreaterThan(ranges[k - 1].end);
    expect(i === all.length || all[i].step >= b.start, `${what}: no point before range ${k} left out`).toBe(true);
    const inside: Point[] = [];
    for (; i < all.length && all[i].step <= b.end; i++) inside.push(all[i]);
    expect(inside.length, `${what}: range ${k} holds points`).toBeGreaterThan(0);
    expectSame(b, naiveEntryBucket(b.start, b.end, inside), `${what}: range ${k}`);
  });
  expect(i, `${what}: every point covered`).toBe(all.length);
}

/** Every level row against the raw points and the units below it (see src/series/levels.ts). */
async function expectLevelsConsistent(pk: number, all: Point[]) {
  const blocks = (await client.execute({ sql: "SELECT first_step, last_step FROM series_blocks WHERE series_pk = ? ORDER BY first_step", args: [pk] })).rows;
  const rows = (await client.execute({ sql: "SELECT * FROM series_levels WHERE series_pk = ? ORDER BY level, first_step", args: [pk] })).rows;
  const unitsAt = new Map<number, Set<string>>([[0, new Set(blocks.map((b) => `${b.first_step}:${b.last_step}`))]]);
  const lastBlock = blocks.at(-1);
  const byLevel = new Map<number, Row[]>();
  for (const row of rows) byLevel.set(Number(row.level), [...(byLevel.get(Number(row.level)) ?? []), row]);
  for (let level = 1; level <= MAX_LEVEL; level++) {
    const units = unitsAt.get(level - 1)!;
    const mine = new Set<string>();
    let prevEnd = -Infinity;
    for (const row of byLevel.get(level) ?? []) {
      const what = `level ${level} row [${row.first_step}, ${row.last_step}]`;
      const bounds: LevelRowBounds = { start: [], prevLast: [] };
      const entries = decodeLevel(new Uint8Array(row.summary as ArrayBuffer), new ChunkSummaries(), bounds);
      expect(Number(row.first_step), `${what}: rows of a level do not overlap`).toBeGreaterThan(prevEnd);
      prevEnd = Number(row.last_step);
      expect(entries.length, `${what}: entries`).toBeLessThan(2 * FANOUT);
      expect([entries.firstStep[0], entries.lastStep[entries.length - 1]], what).toEqual([Number(row.first_step), Number(row.last_step)]);
      const before = blocks.filter((b) => Number(b.last_step) < Number(row.first_step)).at(-1);
      expect(bounds.prevLast, `${what}: prev_last in the summary`).toEqual([Number(row.prev_last)]);
      expect(Number(row.prev_last), `${what}: prev_last`).toBe(before ? Number(before.last_step) : -1);
      expect(Number(row.last_step), `${what}: never the last block`).toBeLessThan(Number(lastBlock?.last_step));
      const inside = all.filter((p) => p.step >= Number(row.first_step) && p.step <= Number(row.last_step));
      expect(Number(row.count), `${what}: count`).toBe(inside.length);
      const ranges: Bucket[] = [];
      for (let i = 0; i < entries.length; i++) {
        expect(units.has(`${entries.firstStep[i]}:${entries.lastStep[i]}`), `${what}: entry ${i} is a unit of level ${level - 1}`).toBe(true);
        ranges.push(entryBucket(entries, i));
      }
      expectTiling(ranges, inside, what);
      mine.add(`${row.first_step}:${row.last_step}`);
    }
    unitsAt.set(level, mine);
  }
}

async function expectReadsExact(series: SeriesRow, all: Point[], seed: number) {
  const r = prng(seed);
  for (let level = 1; level <= MAX_LEVEL; level++) {
    const entries = await readLevelEntries(client, series, level, 0);
    expect(entries, `level ${level} read`).not.toBeNull();
    const ranges = Array.from({ length: entries!.length }, (_, i) => entryBucket(entries!, i));
    expectTiling(ranges, all, `entries through level ${level}`);
    for (const n of [1 + Math.floor(r() * 4), 1 + Math.floor(r() * 60), 1000]) {
      const buckets = downsampleSummaries(entries!, n);
      expect(buckets.length).toBeLessThanOrEqual(n);
      expectTiling(buckets, all, `level ${level}, n=${n}`);
    }
  }
  // Through the read planner, which picks a level (n small enough for these short series).
  const buckets = await downsampleSeries({ client }, series, 1);
  expectTiling(buckets, all, "downsampleSeries, n=1");
  // Ranges: one holding 2·64·n points or more is read from chunk summaries, the blocks its
  // ends cut summarised on the spot; either way each bucket is exact over the points inside.
  const top = all[all.length - 1].step;
  for (let k = 0; k < 4; k++) {
    const from = Math.floor(r() * (top + 1)) - (k === 0 ? 5 : 0);
    const to = from + Math.floor(r() * (top + 3 - from));
    const n = 1 + Math.floor(r() * 3);
    const inside = all.filter((p) => p.step >= from && p.step <= to);
    const ranged = await downsampleSeries({ client }, series, n, { from, to });
    if (!inside.length) expect(ranged).toEqual([]);
    else expectTiling(ranged, inside, `range [${from}, ${to}], n=${n}`);
    expect(ranged.length).toBeLessThanOrEqual(n);
  }
}

let runNumber = 0;

describe("summary levels", () => {
  test("stay consistent with the blocks, and read back exactly, through random writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchSpec, { minLength: 1, maxLength: 8 }), fc.integer(), async (specs, readSeed) => {
        const runId = `r${runNumber++}`;
        await createRun(deps, "levels", { id: runId });
        const runPk = Number((await client.execute({ sql: "SELECT pk FROM runs WHERE id = ?", args: [runId] })).rows[0].pk);
        const model = new Map<number, Point>();
        for (const [i, spec] of specs.entries()) {
          const starts = await client.execute({
            sql: "SELECT b.first_step FROM series_blocks b JOIN series s ON s.pk = b.series_pk WHERE s.run_pk = ?",
            args: [runPk],
          });
          const points = makeBatch(
            spec,
            model,
            starts.rows.map((row) => Number(row.first_step)),
          );
          const tx = await client.transaction("write");
          await writeSeries(tx, runPk, [{ name: "m", context: "{}", columns: columnsOf(points) }], FANOUT);
          await tx.commit();
          for (const p of points) model.set(p.step, p);
          const all = [...model.values()].sort((a, b) => a.step - b.step);
          const [series] = await findSeries(client, [runPk], [{ name: "m", context: "{}" }]);
          await expectLevelsConsistent(series.pk, all);
          await expectReadsExact(series, all, readSeed + i);
        }
        const [series] = await findSeries(client, [runPk], [{ name: "m", context: "{}" }]);
        await deleteRun(deps, "levels", runId);
        const left = await client.execute({ sql: "SELECT count(*) AS n FROM series_levels WHERE series_pk = ?", args: [series.pk] });
        expect(Number(left.rows[0].n), "a deleted run leaves no level rows").toBe(0);
      }),
      { numRuns: 60 },
    );
  }, 300_000);

  test("a long range reads the chunk summaries of the blocks inside it and cuts the two at its ends", async () => {
    await createRun(deps, "levels", { id: "ranged" });
    const runPk = Number((await client.execute({ sql: "SELECT pk FROM runs WHERE id = 'ranged'" })).rows[0].pk);
    // 20 blocks with a gap, NaN and -0 inside, so cuts fall mid-chunk and mid-block.
    const all = Array.from({ length: 20 * 1024 }, (_, i) => {
      const step = i < 9000 ? i : i + 500;
      const value = i % 997 === 0 ? Number.NaN : i % 991 === 0 ? -0 : Math.sin(i / 50) * (1 + (i % 7));
      return { step, value, epoch: i % 5 === 0 ? null : i >> 10, time: 1_700_000_000 + i / 100 };
    });
    const tx = await client.transaction("write");
    await writeSeries(tx, runPk, [{ name: "m", context: "{}", columns: columnsOf(all) }], FANOUT);
    await tx.commit();
    const [series] = await findSeries(client, [runPk], [{ name: "m", context: "{}" }]);
    const statements: string[] = [];
    const spy = new Proxy(client, {
      get: (target, prop) =>
        prop === "execute"
          ? (stmt: InStatement) => {
              statements.push(typeof stmt === "string" ? stmt : stmt.sql);
              return target.execute(stmt);
            }
          : Reflect.get(target, prop),
    });
    for (const [from, to, n] of [
      [1500, 15_333, 50], // cuts two blocks mid-chunk
      [1024, 2047 + 3 * 1024, 10], // whole blocks only
      [100, 900, 6], // inside one block
      [8990, 9600, 2], // across the gap
      [-50, 40_000, 150], // past both ends
    ]) {
      statements.length = 0;
      const buckets = await downsampleSeries({ client: spy }, series, n, { from, to });
      const inside = all.filter((p) => p.step >= from && p.step <= to);
      expectTiling(buckets, inside, `range [${from}, ${to}]`);
      // Blocks are read only when the range holds too few points (the gap makes the series'
      // density promise more than [8990, 9600] has: the summaries are read, then the blocks).
      const fromSummaries = !statements.some((sql) => sql.includes("flags, data FROM series_blocks"));
      expect(fromSummaries, `[${from}, ${to}] n=${n}: from chunk summaries`).toBe(inside.length >= 128 * n);
      if (fromSummaries) expect(buckets.length, "buckets of whole chunks").toBeGreaterThan(n / 2);
    }
  });

  test("appends in order build every level, one row per FANOUT units, and reads use them", async () => {
    await createRun(deps, "levels", { id: "ordered" });
    const runPk = Number((await client.execute({ sql: "SELECT pk FROM runs WHERE id = 'ordered'" })).rows[0].pk);
    const all: Point[] = [];
    // 40 blocks and a bit, in batches that cross block boundaries at every offset.
    for (let from = 0; from < 40 * 1024 + 100; ) {
      const size = 1 + ((from * 7919) % 2900);
      const points = Array.from({ length: size }, (_, i) => ({ step: from + i, value: Math.sin(from + i), epoch: null, time: 1_700_000_000 }));
      const tx = await client.transaction("write");
      await writeSeries(tx, runPk, [{ name: "m", context: "{}", columns: columnsOf(points) }], FANOUT);
      await tx.commit();
      all.push(...points);
      from += size;
    }
    const [series] = await findSeries(client, [runPk], [{ name: "m", context: "{}" }]);
    await expectLevelsConsistent(series.pk, all);
    const perLevel = (await client.execute({ sql: "SELECT level, count(*) AS n FROM series_levels WHERE series_pk = ? GROUP BY level", args: [series.pk] }))
      .rows;
    const sealed = Math.ceil(all.length / 1024) - 1;
    // Every sealed block is in a level-1 row but for fewer than FANOUT at the end, and so on up.
    expect(perLevel.map((r) => [Number(r.level), Number(r.n)])).toEqual(
      [1, 2, 3, 4, 5].map((level) => [level, Math.floor(sealed / FANOUT ** level)]).filter(([, n]) => n > 0),
    );
    // The coarsest level's read fetches its rows and fills only the end no row covers yet:
    // under FANOUT rows of each finer level (FANOUT entries each), then under FANOUT sealed
    // blocks and the last one, as chunks. The series has 668 chunks.
    const entries = await readLevelEntries(client, series, MAX_LEVEL);
    expect(entries!.length).toBeLessThanOrEqual((MAX_LEVEL - 1) * (FANOUT - 1) * FANOUT + FANOUT + FANOUT * 16);
    expectTiling(
      Array.from({ length: entries!.length }, (_, i) => entryBucket(entries!, i)),
      all,
      "level 5 entries",
    );
  }, 60_000);
});

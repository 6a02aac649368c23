// Scaling curves, run by bench/run.ts at the end of `npm run bench` (or alone:
// `node bench/scaling.ts`, which prints its section). How cost grows with the work:
// - ingest rate and bytes per point vs the length of one series (10^4 … 10^8 points, capped
//   at 10^8 × BENCH_SCALE, at least 10^4), with the downsampled read (first and repeat) of it;
// - bytes per point on disk for a smooth, a noisy (float64 and float32) and a constant series,
//   with times as the SDK sends them;
// - search and campaign-summary latency vs runs per repo (10^3 … 10^5, capped likewise);
// - ingest rate vs distinct series per 10,000-point request.
// Each series-length point runs on a fresh server and database, so the file size is that
// series' alone. Writes bench/scaling.json; bench/plot-scaling.py draws bench/scaling.png.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { SEARCH_PATH, SUMMARY_PATH, seedBenchRuns, summaryRowCount } from "./search-summary.ts";
import { caller, fileBytes, firstReadInFreshProcess, reader, root, seriesBody, startServer, stopServer } from "./server.ts";
import { timeEach, timeGets } from "./timing.ts";

const PORT = 18789;
const base = `http://127.0.0.1:${PORT}`;
const call = caller(base);
const tmp = join(root, "bench", "tmp-scaling");

/** Powers of ten from 10^lo up to `cap` (at least 10^lo). */
function decades(lo: number, hi: number, cap: number): number[] {
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) if (10 ** e <= Math.max(cap, 10 ** lo)) out.push(10 ** e);
  return out;
}

async function withServer<T>(name: string, task: (dbFile: string) => Promise<T>, keep = false): Promise<T> {
  const dbFile = join(tmp, `${name}.db`);
  const server = await startServer(`file:${dbFile}`, PORT);
  try {
    return await task(dbFile);
  } finally {
    await stopServer(server);
    if (!keep) for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  }
}

/** Sends `total` points of one series in 10,000-point columnar requests, 4 in flight; points/s. */
async function ingestSeries(run: string, total: number, value: (step: number) => number, time?: (step: number) => number): Promise<number> {
  const perRequest = 10_000;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let from = next; from < total; from = next) {
        next += perRequest;
        await call("POST", `/v1/repos/bench/runs/${run}/metrics`, seriesBody("m", {}, from, Math.min(perRequest, total - from), value, time));
      }
    }),
  );
  return total / ((performance.now() - t0) / 1000);
}

async function checkpointedBytes(dbFile: string): Promise<number> {
  const sizer = createClient({ url: `file:${dbFile}` });
  await sizer.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  sizer.close();
  return fileBytes(dbFile);
}

const SHAPES: Record<string, (step: number) => number> = {
  smooth: (s) => Math.exp(-s / 1e5) * (1 + 0.1 * Math.sin(s / 500)),
  noisy: (s) => 1 / (1 + s / 1000) + Math.random() * 0.05,
  "noisy, logged from float32": (s) => Math.fround(1 / (1 + s / 1000) + Math.random() * 0.05),
  constant: () => 0.5,
};

/**
 * Times as the SDK sends them: time.time() when each point is logged, so a training loop's
 * points are a few µs to a few ms apart (gaps log-uniform in 3 µs..3 ms here).
 */
function sdkTimes(total: number): (step: number) => number {
  const times = new Float64Array(total);
  let t = 1764147000;
  for (let i = 0; i < total; i++) times[i] = t += 10 ** (-5.5 + 3 * Math.random());
  return (step) => times[step];
}

/** Bytes per point on disk of each shape, `points` points with SDK-like times, a fresh server and database each. */
export async function benchShapes(points: number): Promise<Scaling["shapes"]> {
  const out: Scaling["shapes"] = [];
  for (const [shape, value] of Object.entries(SHAPES)) {
    console.log(`scaling: bytes per point of a ${shape} series...`);
    out.push(
      await withServer(`shape-${out.length}`, async (dbFile) => {
        await call("POST", "/v1/repos/bench/runs", { id: "r" });
        await ingestSeries("r", points, value, sdkTimes(points));
        return { shape, points, bytesPerPoint: (await checkpointedBytes(dbFile)) / points };
      }),
    );
  }
  return out;
}

export interface Scaling {
  length: { points: number; rate: number; bytesPerPoint: number; firstReadMs: number; repeatReadMs: number; freshReadMs: number }[];
  shapes: { shape: string; points: number; bytesPerPoint: number }[];
  runs: { runs: number; searchMs: number; summaryMs: number }[];
  seriesPerRequest: { series: number; rate: number }[];
}

export async function benchScaling(scale: number): Promise<{ data: Scaling; section: string }> {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const data: Scaling = { length: [], shapes: [], runs: [], seriesPerRequest: [] };
  const read = "/v1/repos/bench/runs/r/metrics/m?points=1000&format=columnar";
  try {
    for (const points of decades(4, 8, 1e8 * scale)) {
      console.log(`scaling: one series of ${points.toLocaleString("en")} points...`);
      data.length.push(
        await withServer(`len-${points}`, async (dbFile) => {
          await call("POST", "/v1/repos/bench/runs", { id: "r" });
          const rate = await ingestSeries("r", points, SHAPES.noisy);
          const bytesPerPoint = (await checkpointedBytes(dbFile)) / points;
          const first = await timeEach(reader(base), [read]);
          const repeat = await timeGets(reader(base), read, 20);
          const freshReadMs = await firstReadInFreshProcess(`file:${dbFile}`, PORT + 1, read);
          return { points, rate, bytesPerPoint, firstReadMs: first.p50, repeatReadMs: repeat.p50, freshReadMs };
        }),
      );
    }
    data.shapes = await benchShapes(Math.max(10_000, Math.round(1e6 * Math.min(1, scale * 10))));
    // Each decade's runs are added in-process while no server holds the file (see
    // seedBenchRuns), then a fresh server times the search and the summary over all of them.
    const runsDb = join(tmp, "runs.db");
    let created = 0;
    for (const runs of decades(3, 5, 1e5 * scale)) {
      console.log(`scaling: ${runs.toLocaleString("en")} runs...`);
      await seedBenchRuns(`file:${runsDb}`, created, runs, Number.MAX_SAFE_INTEGER); // every run in the campaign
      created = runs;
      data.runs.push(
        await withServer(
          "runs",
          async () => {
            const search = await timeGets(call, SEARCH_PATH, 20);
            await summaryRowCount(call);
            const summary = await timeGets(call, SUMMARY_PATH, 10);
            return { runs, searchMs: search.p50, summaryMs: summary.p50 };
          },
          true,
        ),
      );
    }
    await withServer("series", async () => {
      const perRequest = 10_000;
      for (const series of [1, 10, 100, 1_000, 10_000]) {
        console.log(`scaling: ${series} series per request...`);
        const run = `s${series}`;
        await call("POST", "/v1/repos/bench/runs", { id: run });
        const each = perRequest / series;
        const requests = Math.max(4, Math.round(40 * Math.min(1, scale * 10)));
        const body = (r: number) =>
          JSON.stringify({
            series: Array.from({ length: series }, (_, k) => ({
              name: `m${k}`,
              steps: Array.from({ length: each }, (_, i) => r * each + i),
              values: Array.from({ length: each }, () => Math.random()),
            })),
          });
        await call("POST", `/v1/repos/bench/runs/${run}/metrics`, body(0)); // creates the series: appends are what is timed
        const bodies = Array.from({ length: requests }, (_, r) => body(r + 1));
        const t0 = performance.now();
        for (const b of bodies) await call("POST", `/v1/repos/bench/runs/${run}/metrics`, b);
        data.seriesPerRequest.push({ series, rate: (requests * perRequest) / ((performance.now() - t0) / 1000) });
      }
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(join(root, "bench", "scaling.json"), `${JSON.stringify(data, null, 2)}\n`);
  return { data, section: scalingSection(data) };
}

const n = (x: number) => Math.round(x).toLocaleString("en");

export function scalingSection(d: Scaling): string {
  return [
    "## Scaling curves",
    "",
    "Plotted in `bench/scaling.png` (`bench/plot-scaling.py`, from `bench/scaling.json`). Ingest in 10,000-point columnar requests, 4 in flight; reads `points=1000&format=columnar` (first read after the ingest, then the p50 of 20 repeats, then the first read of a fresh server process on the same file; reads by a keep-alive node:http client, gzip accepted, the body not inflated: targets ≤ 30 ms at 10^8 points, repeat ≤ 3 ms); search and summary p50 of 20 and 10 calls.",
    "",
    "| points in one series | ingest | bytes/point on disk | downsampled read, first | repeat | first, fresh process |",
    "|---|---|---|---|---|---|",
    ...d.length.map(
      (r) =>
        `| ${n(r.points)} | ${n(r.rate)} points/s | ${r.bytesPerPoint.toFixed(2)} | ${r.firstReadMs.toFixed(2)} ms | ${r.repeatReadMs.toFixed(2)} ms | ${r.freshReadMs.toFixed(2)} ms |`,
    ),
    "",
    "| series shape (times as the SDK sends them; targets: constant ≤ 1, float32-logged ≤ 5, float64 noise ≤ 9) | points | bytes/point on disk |",
    "|---|---|---|",
    ...d.shapes.map((r) => `| ${r.shape} | ${n(r.points)} | ${r.bytesPerPoint.toFixed(2)} |`),
    "",
    "| runs in the repo | search (param + series min, limit 100) | campaign summary (every run, group_by=aug,lr) |",
    "|---|---|---|",
    ...d.runs.map((r) => `| ${n(r.runs)} | ${r.searchMs.toFixed(2)} ms | ${r.summaryMs.toFixed(2)} ms |`),
    "",
    "| distinct series per 10,000-point request | ingest |",
    "|---|---|",
    ...d.seriesPerRequest.map((r) => `| ${n(r.series)} | ${n(r.rate)} points/s |`),
    "",
  ].join("\n");
}

/** bench/scaling.png from bench/scaling.json, with matplotlib in the repo's .venv (offline). */
export function plotScaling(note = ""): void {
  const python = join(root, ".venv", "bin", "python");
  const done = spawnSync(existsSync(python) ? python : "python3", [join(root, "bench", "plot-scaling.py"), note], { stdio: "inherit" });
  if (done.status !== 0) console.error("bench/plot-scaling.py failed: install the Python SDK's test extras in .venv (see README)");
}

if (import.meta.filename === process.argv[1]) {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const { section } = await benchScaling(scale);
  console.log(section);
  plotScaling(process.env.BENCH_NOTE ?? (scale === 1 ? "" : `BENCH_SCALE=${scale}`));
}

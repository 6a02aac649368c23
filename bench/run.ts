// `npm run bench`: starts the Node host (a child process, so client and server each get a
// core) on a fresh database, measures over HTTP against the performance targets, and writes
// bench/RESULTS.md. BENCH_SCALE=0.1 runs a tenth of the work (for a quick look); LOAD_SECONDS
// shortens the mixed-load section (default 60 s). Then the Python pieces: bench/export-import.py
// (the CLI's export/import) and bench/mlflow-client.py (the mlflow client against runcamp and
// a real `mlflow server`) each write their section of RESULTS.md; bench/sdk-python.py (the
// Python SDK's overhead) writes bench/SDK-RESULTS.md; with AIM_PYTHON set (an interpreter with
// AIM), bench/peers-first-read.py adds the first downsampled read beside AIM and MLflow.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import type { IncomingPoint } from "../src/api/metrics/parse-points.ts";
import { ingestPoints } from "../src/api/metrics/service.ts";
import { createRun } from "../src/api/runs/service.ts";
import { openDatabase } from "../src/hosts/node.ts";
import { benchArtifacts } from "./artifacts.ts";
import { benchLoad } from "./load.ts";
import { benchScaling, plotScaling } from "./scaling.ts";
import { benchSearchAndSummary, SEARCH_PATH } from "./search-summary.ts";
import {
  caller,
  fileBytes,
  firstReadInFreshProcess,
  inProcessDeps,
  pointsBody,
  reader,
  root,
  seriesBody,
  startServer as startHost,
  stopServer,
} from "./server.ts";
import { benchSqldReads } from "./sqld-reads.ts";
import { timeEach, timeGets } from "./timing.ts";
import { benchWebUi, writeWebUiSection } from "./ui.ts";

export interface Row {
  what: string;
  result: string;
  target: string;
  ok: boolean | null;
}

const scale = Number(process.env.BENCH_SCALE ?? 1);
const TOTAL_POINTS = Math.round(10_000_000 * scale);
// 100-point requests run at a few tens of thousands of points/s: 2,000,000 points (20,000
// requests) measure the rate without making the bench take many minutes.
const CHATTY_POINTS = Math.round(2_000_000 * scale);
const BIG_SERIES = 1_000_000;
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = 18787;
const base = `http://127.0.0.1:${PORT}`;

const tmp = join(root, "bench", "tmp");
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const startServer = (libsqlUrl: string) => startHost(libsqlUrl, PORT);
const call = caller(base);

/** Sends `total` points in requests of `perRequest`, `concurrency` requests in flight; returns points/s. */
async function ingestOverHttp(
  runId: string,
  series: number,
  total: number,
  perRequest: number,
  concurrency: number,
  body: typeof pointsBody = seriesBody,
): Promise<number> {
  const requests = Math.ceil(total / perRequest);
  const perSeries = total / series;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const r = next++;
        const s = r % series;
        const from = Math.floor(r / series) * perRequest;
        if (from >= perSeries) continue;
        await call("POST", `/v1/repos/bench/runs/${runId}/metrics`, body("loss", { subset: `s${s}` }, from, perRequest));
      }
    }),
  );
  return total / ((performance.now() - t0) / 1000);
}

/** The same storage path without HTTP or JSON: the ceiling for ingest. */
async function inProcessIngest(total: number): Promise<number> {
  const deps = await inProcessDeps(`file:${join(tmp, "inprocess.db")}`);
  await createRun(deps, "bench", { id: "inprocess" });
  const perRequest = 10_000;
  let elapsed = 0; // only the ingest calls: building the points is the client's work
  for (let from = 0; from < total; from += perRequest) {
    const points: IncomingPoint[] = new Array(perRequest);
    for (let i = 0; i < perRequest; i++) {
      const step = from + i;
      points[i] = { name: "loss", context: '{"subset":"train"}', step, value: 1 / (1 + step), epoch: Math.floor(step / 1000), time: 1764147000 + step * 0.01 };
    }
    const t0 = performance.now();
    await ingestPoints(deps, "bench", "inprocess", points, "refuse");
    elapsed += performance.now() - t0;
  }
  const rate = total / (elapsed / 1000);
  deps.client.close();
  return rate;
}

/** Plain SQLite, one row per point, in 10,000-row transactions: what a row-per-point design could reach. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function rowPerPointInsert(total: number): Promise<{ rate: number; bytesPerPoint: number }> {
  const file = join(tmp, "rows.db");
  const client = createClient({ url: `file:${file}` });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("CREATE TABLE points (series INTEGER, step INTEGER, value REAL, epoch INTEGER, time REAL, PRIMARY KEY (series, step))");
  const t0 = performance.now();
  for (let from = 0; from < total; from += 10_000) {
    const stmts = [];
    for (let step = from; step < from + 10_000; step++) {
      stmts.push({ sql: "INSERT INTO points VALUES (1, ?, ?, ?, ?)", args: [step, 1 / (1 + step), Math.floor(step / 1000), 1764147000 + step * 0.01] });
    }
    await client.batch(stmts, "write");
  }
  const rate = total / ((performance.now() - t0) / 1000);
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
  return { rate, bytesPerPoint: statSync(file).size / total };
}

/** The local libSQL HTTP endpoint over `file` in its own process, as sqld would run; resolves to its URL. */
async function startEndpoint(file: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(join(root, "node_modules/.bin/node"), [join(root, "tools/libsql-http/main.ts"), "--file", file, "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((ready, fail) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
      if (found) ready(found[0]);
    });
    child.on("exit", (code) => fail(new Error(`libSQL endpoint exited with ${code}`)));
  });
  return { child, url };
}

/**
 * Scale-out: the stateless API tier in front of a libSQL server over HTTP, as many Node or
 * Worker instances would use Turso/sqld. The local endpoint (tools/libsql-http) stands in for
 * the server: same protocol, one more process and a network hop per statement.
 */
async function scaleOut(): Promise<Row[]> {
  const rows: Row[] = [];
  const label = "Scale-out (Node host → libSQL server over HTTP):";
  const file = join(tmp, "scale-out.db");
  (await openDatabase(`file:${file}`)).close(); // migrations, as `npm run db:migrate` would
  const endpoint = await startEndpoint(file);
  const server = await startServer(endpoint.url);
  try {
    const points = Math.round(2_000_000 * scale);
    await call("POST", "/v1/repos/bench/runs", { id: "remote" });
    console.log(`scale-out: ingesting ${points} points...`);
    const rate = await ingestOverHttp("remote", Math.max(1, points / BIG_SERIES), points, 10_000, 4);
    rows.push({
      what: `${label} ingest, ${points.toLocaleString("en")} points in 10,000-point requests (4 in flight)`,
      result: `${Math.round(rate).toLocaleString("en")} points/s`,
      target: "(scale-out; no target)",
      ok: null,
    });
    const downsampled = (s: number) => `/v1/repos/bench/runs/remote/metrics/loss?context=${encodeURIComponent(`{"subset":"s${s}"}`)}&points=1000`;
    const seriesCount = Math.max(1, points / BIG_SERIES);
    const first = await timeEach(
      call,
      Array.from({ length: seriesCount }, (_, i) => downsampled(i)),
    );
    rows.push({
      what: `${label} first downsampled read of a ${Math.min(BIG_SERIES, points).toLocaleString("en")}-point series to 1,000 points (${first.n} series)`,
      result: `p50 ${first.p50.toFixed(2)} ms, p95 ${first.p95.toFixed(2)} ms`,
      target: "(scale-out; no target)",
      ok: null,
    });
    for (const row of await benchSearchAndSummary(call, scale / 5)) rows.push({ ...row, what: `${label} ${row.what}` });
    console.log("scale-out: artifacts...");
    rows.push(...(await benchArtifacts(base, server.pid!, `${label} `)));
  } finally {
    server.kill("SIGTERM");
    endpoint.child.kill("SIGTERM");
  }
  return rows;
}

async function main() {
  const rows: Row[] = [];
  const sections: string[] = [];
  // RESULTS.md is rewritten after every stage, so a run stopped part-way keeps what it measured.
  const save = () => writeResults(rows, sections);
  const dbFile = join(tmp, "bench.db");
  const server = await startServer(`file:${dbFile}`);
  console.log("in-process ingest (no HTTP)...");
  const ceiling = await inProcessIngest(TOTAL_POINTS / 2);
  try {
    await call("POST", "/v1/repos/bench/runs", { id: "big" });
    console.log(`ingesting ${TOTAL_POINTS} points in 10,000-point columnar requests...`);
    const bigRate = await ingestOverHttp("big", Math.max(1, TOTAL_POINTS / BIG_SERIES), TOTAL_POINTS, 10_000, 4);
    rows.push({
      what: `Ingest over HTTP, ${TOTAL_POINTS.toLocaleString("en")} points in 10,000-point columnar JSON requests (4 in flight)`,
      result: `${Math.round(bigRate).toLocaleString("en")} points/s (${Math.round((100 * bigRate) / ceiling)}% of the in-process ceiling below)`,
      target: "≥ 1,500,000 points/s, ≥ 85% of the ceiling",
      ok: bigRate >= 1_500_000 && bigRate >= 0.85 * ceiling,
    });
    rows.push({
      what: `Ceiling: the same block ingest in-process, no HTTP/JSON (${(TOTAL_POINTS / 2).toLocaleString("en")} points)`,
      result: `${Math.round(ceiling).toLocaleString("en")} points/s`,
      target: "(reference)",
      ok: null,
    });

    // Bytes per point: checkpoint the WAL so the file holds everything.
    const sizer = createClient({ url: `file:${dbFile}` });
    await sizer.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    sizer.close();
    const bpp = fileBytes(dbFile) / TOTAL_POINTS;
    rows.push({
      what: "Database size per point (file after checkpoint / points): a loss-like series, 10 ms-spaced times, epochs",
      result: `${bpp.toFixed(2)} bytes`,
      target: "(the targets are per shape: the scaling section's series-shape table)",
      ok: null,
    });

    const rowPoints = Math.round(TOTAL_POINTS / 5);
    await call("POST", "/v1/repos/bench/runs", { id: "rows" });
    console.log(`ingesting ${rowPoints} points in 10,000-point requests of point objects...`);
    const rowRate = await ingestOverHttp("rows", 1, rowPoints, 10_000, 4, pointsBody);
    rows.push({
      what: `Ingest over HTTP, ${rowPoints.toLocaleString("en")} points in 10,000-point requests of point objects (the older form; 4 in flight)`,
      result: `${Math.round(rowRate).toLocaleString("en")} points/s`,
      target: "(the point form; no target)",
      ok: null,
    });

    const bigSeries = Math.max(1, TOTAL_POINTS / BIG_SERIES);
    const downsampled = (s: number) => `/v1/repos/bench/runs/big/metrics/loss?context=${encodeURIComponent(`{"subset":"s${s}"}`)}&points=1000&format=columnar`;
    // On the wire, as a client asking for gzip gets it (fetch would count the inflated body).
    const responseBytes = await new Promise<number>((done, fail) => {
      get(base + downsampled(0), { headers: { "accept-encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on("end", () => done(bytes));
      }).on("error", fail);
    });
    const read = await timeGets(reader(base), downsampled(0), 50);
    const first = await timeEach(
      reader(base),
      Array.from({ length: bigSeries - 1 }, (_, i) => downsampled(i + 1)),
    );
    const seriesPoints = Math.min(BIG_SERIES, TOTAL_POINTS);
    rows.push({
      what: `Read a ${seriesPoints.toLocaleString("en")}-point series downsampled to 1,000 points over HTTP, format=columnar (repeat reads: served from the in-process cache; a keep-alive node:http client, gzip accepted, the body not inflated)`,
      result: `p50 ${read.p50.toFixed(2)} ms, p95 ${read.p95.toFixed(2)} ms; ${(responseBytes / 1000).toFixed(1)} KB gzipped`,
      target: "≤ 3 ms; ≤ 60 KB",
      ok: read.p50 <= 3 && responseBytes <= 60_000,
    });
    if (first.n) {
      rows.push({
        what: `The same read of a series not read before (${first.n} series; its chunk summaries fetched from the database)`,
        result: `p50 ${first.p50.toFixed(2)} ms, p95 ${first.p95.toFixed(2)} ms`,
        target: "≤ 8 ms",
        ok: first.p50 <= 8,
      });
    }

    // A fresh server process on the same file (beside the running one): the first read it serves.
    const fresh: number[] = [];
    for (let i = 0; i < 3; i++) fresh.push(await firstReadInFreshProcess(`file:${dbFile}`, PORT + 1, downsampled(0)));
    rows.push({
      what: `First downsampled read of a ${seriesPoints.toLocaleString("en")}-point series to 1,000 points in a fresh server process (median of ${fresh.length} restarts; gzip accepted)`,
      result: `${median(fresh).toFixed(2)} ms (each: ${fresh.map((t) => t.toFixed(1)).join(", ")} ms)`,
      target: "≤ 10 ms (AIM: 14 ms in-process)",
      ok: median(fresh) <= 10,
    });
    save();

    await call("POST", "/v1/repos/bench/runs", { id: "chatty" });
    console.log(`ingesting ${CHATTY_POINTS} points in 100-point requests...`);
    const chattyRate = await ingestOverHttp("chatty", 10, CHATTY_POINTS, 100, 16);
    rows.push({
      what: `Ingest over HTTP, ${CHATTY_POINTS.toLocaleString("en")} points in 100-point requests (16 in flight)`,
      result: `${Math.round(chattyRate).toLocaleString("en")} points/s`,
      target: "(chatty client; no target)",
      ok: null,
    });

    rows.push(...(await benchSearchAndSummary(call, scale)));

    await call("POST", "/v1/repos/bench/runs", { id: "load" });
    sections.push(
      await benchLoad({
        base,
        seconds: LOAD_SECONDS,
        writeRun: "/v1/repos/bench/runs/load",
        writers: 16,
        readPaths: Array.from({ length: bigSeries }, (_, i) => downsampled(i)),
        readers: 4,
        searchPath: SEARCH_PATH,
        searchers: 2,
        serverPid: server.pid,
      }),
    );
  } finally {
    await stopServer(server);
    save();
  }

  // Artifacts on a server of their own, so its memory is not the ingest's.
  const artifactServer = await startServer(`file:${join(tmp, "artifacts.db")}`);
  try {
    console.log("artifacts: 64 MiB up and down...");
    rows.push(...(await benchArtifacts(base, artifactServer.pid!)));
  } finally {
    await stopServer(artifactServer);
  }
  save();

  rows.push(...(await scaleOut()));
  save();
  const throughSqld = await benchSqldReads();
  if (throughSqld) sections.push(throughSqld);
  save();

  const plain = await rowPerPointInsert(Math.min(TOTAL_POINTS / 5, 2_000_000));
  rows.push({
    what: "Reference: plain SQLite, one row per point, 10,000-row batches in-process",
    result: `${Math.round(plain.rate).toLocaleString("en")} rows/s, ${plain.bytesPerPoint.toFixed(1)} bytes/point`,
    target: "(reference)",
    ok: null,
  });

  rmSync(tmp, { recursive: true, force: true });
  console.log("scaling curves...");
  sections.push((await benchScaling(scale)).section);
  save();
  plotScaling();
  console.log("web UI in Chromium...");
  writeWebUiSection(await benchWebUi(scale), scale);
  benchPython("export-import.py", "runcamp export/import (the CLI)");
  benchPython("mlflow-client.py", "the mlflow client against runcamp and mlflow server");
  benchPython("sdk-python.py", "Python SDK overhead");
  // AIM does not install beside runcamp's .venv: only when the one who runs the bench made it a venv of its own.
  if (process.env.AIM_PYTHON) benchPython("peers-first-read.py", "the first downsampled read beside AIM and MLflow");
}

/**
 * Runs one of the Python benchmarks (each writes its own part of RESULTS.md or SDK-RESULTS.md)
 * with the repo's .venv, which `pip install "./clients/python[test,mlflow-test]"` fills (see
 * README); skipped without it. A failure fails the bench.
 */
function benchPython(script: string, what: string) {
  const python = join(root, ".venv", "bin", "python");
  if (!existsSync(python)) {
    console.log(`${what}: skipped, no .venv (pip install "./clients/python[test,mlflow-test]" into .venv)`);
    return;
  }
  console.log(`${what}...`);
  const done = spawnSync(python, [join(root, "bench", script)], { stdio: "inherit", env: { ...process.env, BENCH_SCALE: String(scale) } });
  if (done.status !== 0) {
    console.error(`bench/${script} exited with ${done.status}`);
    process.exitCode = 1;
  }
}

/** The headings this file writes; any other section of RESULTS.md (web UI, export, MLflow, history) is kept. */
const OWN_SECTIONS = ["## Under load", "## Scaling curves", "## Long reads through the Node host", "## How to read these"];

function writeResults(rows: Row[], sections: string[]) {
  const file = join(root, "bench", "RESULTS.md");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const kept = old
    .split(/\n(?=## )/)
    .slice(1)
    .filter((section) => !OWN_SECTIONS.some((heading) => section.startsWith(heading)));
  const cpu = cpus();
  const lines = [
    "# Benchmark results",
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform} ${process.arch}`,
    `- Node.js ${process.version}; server and client in separate processes on loopback`,
    `- Command: \`npm run bench\`${scale !== 1 ? ` with BENCH_SCALE=${scale}` : ""}${LOAD_SECONDS !== 60 ? ` LOAD_SECONDS=${LOAD_SECONDS}` : ""}`,
    "",
    "| measurement | result | target | met |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.what} | ${r.result} | ${r.target} | ${r.ok === null ? "—" : r.ok ? "yes" : "**no**"} |`),
    "",
    ...sections,
  ];
  const text = lines.join("\n");
  writeFileSync(file, [text + NOTES, ...kept].join("\n"));
  console.log(text);
}

// Kept with the numbers so that every rewrite of RESULTS.md says how to read them.
const NOTES = `
## How to read these

- Ingest bodies are built by the client (JSON.stringify of 10,000 points per request, as
  columns: {"series":[{name, context, steps, values, epochs, times}]}), so the HTTP number
  includes client-side encoding on the same 2-core machine. The row of point objects is the
  older form, for comparison.
- Why columnar JSON and not a binary body: measured on this machine (node 22), JSON.parse of
  one 10,000-point body takes ~12.9 ms as point objects (116 bytes/point) and ~3.3 ms as
  columns (41 bytes/point); the columnar body is then checked a column at a time and turned
  into the engine's points once. A binary body would save most of the remaining ~3 ms per
  10,000 points but needs its own encoders in every client, and parsing is not what bounds
  ingest (next point), so it was not built.
- What bounds columnar ingest over HTTP (issue 31's target 1,500,000 points/s: met; the
  older "85% of the in-process ceiling": missed, as the ceiling rose with it): the columnar
  body is checked straight into four Float64Arrays that move to the writer thread and reach
  the block encoder as they are (src/series/codec/columns.ts); before, the points were built
  as objects, packed into columns for the thread and rebuilt there (701,251 points/s at
  2026-12-01). Ingests waiting are written in groups, one COMMIT each
  (src/api/metrics/ingest-groups.ts). What is left per 10,000-point request on the server's
  main thread is mostly JSON.parse (~1.6 ms); the client's JSON.stringify shares the cores.
- Writes run on a writer thread (src/hosts/node-writer.ts): the embedded driver is
  synchronous, and before it a write's statements and above all its COMMIT ran on the event
  loop. A --cpu-prof of the server under the mixed load showed ~36% of all samples inside
  libSQL's statement run/step called from the ingest transaction, most of it the COMMIT:
  every read waited for those. An ingest's whole write transaction now runs in the writer
  as one message (src/api/metrics/ingest-write.ts): with a round trip per statement, each
  waited for a turn of the main event loop, and with closed-loop readers ingest fell to 11%
  of writers alone (quiet machine, BENCH_SCALE=0.3, 20 s phases); one message a request
  brought it to 30–40%. The points travel as four transferred Float64Arrays per series: a
  structured clone of 10,000 point objects had halved ingest alone (2,000,000 points,
  10,000-point requests: 604,140 points/s with a round trip per statement, 296,029 with
  cloned objects, 774,428 with transferred columns; 598,988 with RUNCAMP_WRITER_THREAD=0,
  which turns the thread off).
- The load section's two phases: with readers and searchers in a closed loop, the server's
  main thread is saturated (~0.97 of a core in its CPU line, against ~0.35 with the writers
  alone): every request's HTTP and JSON and the reads' and searches' own work run on it,
  while the process as a whole uses ~1.15 of the two cores. That phase misses both targets;
  reads on threads of their own (a pool of read connections beside the writer) are the
  lever, not built. Readers paced like people looking at plots (a read every 200 ms each, a
  search every 500 ms) leave ingest at ~90% of the writers-alone rate and reads well under
  50 ms p99. Writers alone are bounded by the disk, not the CPU (server ~0.9 of two cores):
  one fsync'd transaction per 1,000-point request.
- Database size: block format v2 (src/series/codec/block.ts) XOR-codes values (Gorilla;
  bit patterns kept, so NaN payloads, ±Inf and -0 stay exact; stored once when constant, raw
  when XOR would not be smaller) and bit-packs millisecond time deltas; chunk summaries v2
  drop what repeats. The series-shape table (scaling section) has the issue 31 targets:
  constant ≤ 1, float32-logged ≤ 5, float64 noise ≤ 9 bytes/point, each met. The loss-like
  series of the table above (noisy values, 10 ms times) takes ~8.1.
- A downsampled read of a whole long series (at least 128 points per bucket) builds its
  buckets from stored summaries, never from the blocks: per-64-point-chunk summaries beside
  each block, and for longer series summary levels (src/series/levels.ts: rows rolling 16
  blocks, then 16 rows, up), the coarsest level giving ≥ 4 entries a bucket, so a 10^8-point
  read fetches a few thousand entries (scaling section). Repeat reads (a plot refreshing) use
  the decoded entries from the in-process cache, validated by the series' version column. A
  range holding at least 128 points a bucket (a zoom) is bucketed from the chunk summaries of
  the blocks inside it, the two blocks its ends cut decoded on the spot: a zoom over 800,000
  of a 1M-point series' steps took ~20 ms decoding every block, ~6-8 ms so (by hand).
  Reads here ask for format=columnar, as the web UI and both SDKs do, with gzip accepted;
  latencies are a lean keep-alive node:http client's (the body not inflated or parsed).
- The first read in a fresh process (1,000,000 points): the host pays the code's first use
  before it listens (src/series/warm-up.ts; ten rounds of requests to itself over its socket,
  then the read path's code once more and 50 ms for the compiler to finish:
  src/hosts/node-socket-warm-up.ts). What is left, timed by phase in the server (median of 9
  restarts, ~8 ms in all): ~2 ms of SQL reading 461 KB of chunk summaries through a connection
  whose page cache is empty, ~0.7 ms decoding 15,625 chunks, ~1 ms gzip and ~0.5 ms JSON of
  the 125 KB answer, ~1 ms from the client's connect to the server's accept, ~1 ms middleware
  and validation. A series written out of order has more, partly filled chunks (the scaling
  section's series, 4 requests in flight) and reads slower. A level finer than one entry per
  block would cut the bytes read; not built.
- Under load, the client process (16 writers building JSON bodies, readers parsing 1,000-bucket
  answers) shares the two cores with the server, so its latencies include waiting for the
  client's own event loop.
- Ingest falls with distinct series per request (scaling section): the cost is per series
  touched, not per point. In-process, a 10,000-point request over 1,000 series takes ~170 ms:
  ~89 ms in the write batch (each series' tail block deleted and rewritten, its summary row
  updated), ~27 ms finding the series and their tail blocks, ~8 ms COMMIT, the rest
  re-encoding each tail block with its new points. Appending new small blocks instead of
  rewriting the tail (compacting later) is the lever; not built.
- The Python SDK's own numbers (track() calls/s, end-to-end delivery) are in SDK-RESULTS.md.
`;

await main();

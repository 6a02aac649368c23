// Mixed load, run by bench/run.ts against its server after the other measurements: 16 writers
// send 1,000-point ingest requests in a closed loop while readers downsample long series and
// run searches, for LOAD_SECONDS (default 60). Per kind of request: how many, how many failed
// (any non-2xx or network error; must be 0), p50/p99 latency and throughput. Latencies are
// measured by the client, which shares the machine's cores with the server.

import { seriesBody } from "./server.ts";

export interface LoadOptions {
  base: string;
  seconds: number;
  /** Ingest target: `/v1/repos/{repo}/runs/{run}` of an existing run; each writer has its own series. */
  writeRun: string;
  writers: number;
  /** Downsampled reads to cycle through (GET paths with points=). */
  readPaths: string[];
  readers: number;
  /** Search to repeat (GET path of a run listing with a filter). */
  searchPath: string;
  searchers: number;
}

const POINTS_PER_REQUEST = 1_000;

interface Tally {
  ms: number[];
  errors: number;
  firstError?: string;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : Number.NaN;
}

/** A 1,000-point columnar body for `writer`'s series from `from` on: one series per writer. */
const ingestBody = (writer: number, from: number) => seriesBody("load", { writer }, from, POINTS_PER_REQUEST, (step) => 1 / (1 + step) + (step % 7) * 1e-4);

/** Runs `send` in a closed loop until `deadline`, timing each request into `tally`. */
async function loop(tally: Tally, deadline: number, send: (i: number) => Promise<Response>): Promise<void> {
  for (let i = 0; performance.now() < deadline; i++) {
    const t0 = performance.now();
    try {
      const res = await send(i);
      await res.arrayBuffer();
      if (!res.ok) {
        tally.errors++;
        tally.firstError ??= `${res.status}`;
      }
    } catch (err) {
      tally.errors++;
      tally.firstError ??= String(err);
    }
    tally.ms.push(performance.now() - t0);
  }
}

const newTally = (): Tally => ({ ms: [], errors: 0 });

/** `writers` in a closed loop for `seconds`, alone: the throughput the mixed load is held to. */
async function writersAlone(o: LoadOptions, seconds: number, offset: number): Promise<number> {
  const tally = newTally();
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const json = { "content-type": "application/json" };
  await Promise.all(
    Array.from({ length: o.writers }, (_, w) =>
      loop(tally, deadline, (i) =>
        fetch(`${o.base}${o.writeRun}/metrics`, { method: "POST", headers: json, body: ingestBody(w, offset + i * POINTS_PER_REQUEST) }),
      ),
    ),
  );
  return ((tally.ms.length - tally.errors) * POINTS_PER_REQUEST) / ((performance.now() - t0) / 1000);
}

/** Runs the mixed load (after the writers alone, for a third of the time) and returns its section of bench/RESULTS.md. */
export async function benchLoad(o: LoadOptions): Promise<string> {
  console.log(`load: ${o.writers} writers alone for ${Math.ceil(o.seconds / 3)} s...`);
  const alone = await writersAlone(o, Math.ceil(o.seconds / 3), 0);
  console.log(`load: ${o.writers} writers, ${o.readers} readers, ${o.searchers} searchers for ${o.seconds} s...`);
  const tallies = { ingest: newTally(), read: newTally(), search: newTally() };
  const t0 = performance.now();
  const deadline = t0 + o.seconds * 1000;
  const json = { "content-type": "application/json" };
  // Past the steps the writers-alone phase wrote: appends, as a training would.
  const offset = 1e9;
  await Promise.all([
    ...Array.from({ length: o.writers }, (_, w) =>
      loop(tallies.ingest, deadline, (i) =>
        fetch(`${o.base}${o.writeRun}/metrics`, { method: "POST", headers: json, body: ingestBody(w, offset + i * POINTS_PER_REQUEST) }),
      ),
    ),
    ...Array.from({ length: o.readers }, (_, r) => loop(tallies.read, deadline, (i) => fetch(o.base + o.readPaths[(r + i) % o.readPaths.length]))),
    ...Array.from({ length: o.searchers }, () => loop(tallies.search, deadline, () => fetch(o.base + o.searchPath))),
  ]);
  const elapsed = (performance.now() - t0) / 1000;

  const mixedRate = ((tallies.ingest.ms.length - tallies.ingest.errors) * POINTS_PER_REQUEST) / elapsed;
  const rows = [
    { kind: `ingest, ${POINTS_PER_REQUEST.toLocaleString("en")}-point columnar requests (${o.writers} writers)`, tally: tallies.ingest, target: null },
    { kind: `downsampled read of a long series to 1,000 buckets (${o.readers} readers)`, tally: tallies.read, target: 50 },
    { kind: `run search, filter on a param and a series min (${o.searchers} searchers)`, tally: tallies.search, target: 50 },
  ].map(({ kind, tally, target }) => {
    const sorted = [...tally.ms].sort((a, b) => a - b);
    const p99 = quantile(sorted, 0.99);
    const rate = tally.ms.length / elapsed;
    const isIngest = tally === tallies.ingest;
    const throughput = isIngest
      ? `${Math.round(rate).toLocaleString("en")} req/s = ${Math.round(mixedRate).toLocaleString("en")} points/s (${Math.round((100 * mixedRate) / alone)}% of ${Math.round(alone).toLocaleString("en")} points/s with writers alone)`
      : `${rate.toFixed(1)} req/s`;
    const ok = tally.errors === 0 && (isIngest ? mixedRate >= 0.8 * alone : p99 <= (target ?? Infinity));
    const goal = isIngest ? "0 errors, ≥ 80% of writers alone" : `0 errors, p99 ≤ ${target} ms`;
    return `| ${kind} | ${tally.ms.length.toLocaleString("en")} | ${tally.errors}${tally.firstError ? ` (first: ${tally.firstError.slice(0, 80)})` : ""} | ${quantile(sorted, 0.5).toFixed(2)} ms | ${p99.toFixed(2)} ms | ${throughput} | ${goal} | ${ok ? "yes" : "**no**"} |`;
  });
  const section = [
    "## Under load: writers and readers at once",
    "",
    `${o.seconds} s on loopback (\`LOAD_SECONDS\`), every client in a closed loop: ${o.writers} writers each ingesting into its own series, ${o.readers} readers cycling through ${o.readPaths.length} series of the bench's long run, ${o.searchers} searchers. Errors are non-2xx answers and failed connections.`,
    "",
    "| requests | sent | errors | p50 | p99 | throughput | target | met |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
  console.log(section);
  return section;
}

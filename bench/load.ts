// Mixed load, run by bench/run.ts against its server after the other measurements: 16 writers
// send 1,000-point ingest requests in a closed loop while readers downsample long series and
// run searches, for LOAD_SECONDS (default 60). Per kind of request: how many, how many failed
// (any non-2xx or network error; must be 0), p50/p99 latency and throughput. Latencies are
// measured by the client, which shares the machine's cores with the server.

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

/** A 1,000-point JSON body for `writer`'s series from `from` on: one series per writer. */
function ingestBody(writer: number, from: number): string {
  const parts = new Array(POINTS_PER_REQUEST);
  for (let i = 0; i < POINTS_PER_REQUEST; i++) {
    const step = from + i;
    parts[i] = `{"name":"load","context":{"writer":${writer}},"step":${step},"value":${1 / (1 + step) + (i % 7) * 1e-4},"epoch":${Math.floor(step / 1000)}}`;
  }
  return `{"points":[${parts.join(",")}]}`;
}

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

/** Runs the mixed load and returns its section of bench/RESULTS.md. */
export async function benchLoad(o: LoadOptions): Promise<string> {
  console.log(`load: ${o.writers} writers, ${o.readers} readers, ${o.searchers} searchers for ${o.seconds} s...`);
  const tallies = { ingest: { ms: [], errors: 0 } as Tally, read: { ms: [], errors: 0 } as Tally, search: { ms: [], errors: 0 } as Tally };
  const t0 = performance.now();
  const deadline = t0 + o.seconds * 1000;
  const json = { "content-type": "application/json" };
  await Promise.all([
    ...Array.from({ length: o.writers }, (_, w) =>
      loop(tallies.ingest, deadline, (i) =>
        fetch(`${o.base}${o.writeRun}/metrics`, { method: "POST", headers: json, body: ingestBody(w, i * POINTS_PER_REQUEST) }),
      ),
    ),
    ...Array.from({ length: o.readers }, (_, r) => loop(tallies.read, deadline, (i) => fetch(o.base + o.readPaths[(r + i) % o.readPaths.length]))),
    ...Array.from({ length: o.searchers }, () => loop(tallies.search, deadline, () => fetch(o.base + o.searchPath))),
  ]);
  const elapsed = (performance.now() - t0) / 1000;

  const rows = [
    { kind: `ingest, ${POINTS_PER_REQUEST.toLocaleString("en")}-point JSON requests (${o.writers} writers)`, tally: tallies.ingest, target: null },
    { kind: `downsampled read of a long series to 1,000 buckets (${o.readers} readers)`, tally: tallies.read, target: 50 },
    { kind: `run search, filter on a param and a series min (${o.searchers} searchers)`, tally: tallies.search, target: 50 },
  ].map(({ kind, tally, target }) => {
    const sorted = [...tally.ms].sort((a, b) => a - b);
    const p99 = quantile(sorted, 0.99);
    const rate = tally.ms.length / elapsed;
    const throughput =
      tally === tallies.ingest
        ? `${Math.round(rate).toLocaleString("en")} req/s = ${Math.round(((tally.ms.length - tally.errors) * POINTS_PER_REQUEST) / elapsed).toLocaleString("en")} points/s`
        : `${rate.toFixed(1)} req/s`;
    const ok = tally.errors === 0 && (target === null || p99 <= target);
    return `| ${kind} | ${tally.ms.length.toLocaleString("en")} | ${tally.errors}${tally.firstError ? ` (first: ${tally.firstError.slice(0, 80)})` : ""} | ${quantile(sorted, 0.5).toFixed(2)} ms | ${p99.toFixed(2)} ms | ${throughput} | 0 errors${target === null ? "" : `, p99 ≤ ${target} ms`} | ${ok ? "yes" : "**no**"} |`;
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

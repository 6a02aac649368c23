// Mixed load, run by bench/run.ts against its server after the other measurements: 16 writers
// send 1,000-point ingest requests in a closed loop (as fast as they can) while readers
// downsample long series and run searches, for LOAD_SECONDS (default 60) twice: once with the
// readers in a closed loop too (the worst case: they take every cycle they can get), once
// paced like people looking (each reader a read every 200 ms, each searcher a search every
// 500 ms). Per kind of request: how many, how many failed (any non-2xx or network error; must
// be 0), p50/p99 latency and throughput; per phase, the CPU the server and the client used
// (from /proc and process.cpuUsage), which says what bounds the closed loop on two cores.
// Latencies are measured by the client, which shares the machine's cores with the server.
import { readFileSync } from "node:fs";
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
  /** The server's process, for its CPU time (Linux /proc). */
  serverPid?: number;
}

/** Milliseconds between the starts of a paced reader's (and searcher's) requests. */
const READ_EVERY_MS = 200;
const SEARCH_EVERY_MS = 500;

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

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Runs `send` until `deadline`, timing each request into `tally`: back to back, or starting
 * one every `everyMs` (a request that takes longer delays the next, never overlaps it).
 */
async function loop(tally: Tally, deadline: number, send: (i: number) => Promise<Response>, everyMs = 0): Promise<void> {
  if (everyMs) await sleep(everyMs * Math.random()); // spread the paced clients over the period
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
    if (everyMs) await sleep(t0 + everyMs - performance.now());
  }
}

/** CPU seconds (user + system) of /proc/PID/stat or /proc/PID/task/TID/stat (fields 14, 15: clock ticks, 100/s). */
function procCpu(statFile: string): number | null {
  try {
    const fields = readFileSync(statFile, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by the server process, its main thread (its event loop), and this client. */
function cpuNow(serverPid?: number): [number | null, number | null, number] {
  const u = process.cpuUsage();
  if (serverPid === undefined) return [null, null, (u.user + u.system) / 1e6];
  return [procCpu(`/proc/${serverPid}/stat`), procCpu(`/proc/${serverPid}/task/${serverPid}/stat`), (u.user + u.system) / 1e6];
}

/** Cores' worth of CPU (1 = one core busy the whole time) between two cpuNow()s `seconds` apart. */
const cpuUse = (a: (number | null)[], b: (number | null)[], seconds: number): (number | null)[] =>
  a.map((x, i) => (x === null || b[i] === null ? null : (b[i]! - x) / seconds));

const newTally = (): Tally => ({ ms: [], errors: 0 });

/** The writers' loops until `deadline`, each appending to its own series from step `offset` on. */
function writerLoops(o: LoadOptions, tally: Tally, deadline: number, offset: number): Promise<void>[] {
  const json = { "content-type": "application/json" };
  return Array.from({ length: o.writers }, (_, w) =>
    loop(tally, deadline, (i) =>
      fetch(`${o.base}${o.writeRun}/metrics`, { method: "POST", headers: json, body: ingestBody(w, offset + i * POINTS_PER_REQUEST) }),
    ),
  );
}

/** Runs `task` for `seconds` (it gets the deadline); its wall time and the cores' worth of CPU used meanwhile. */
async function measured(o: LoadOptions, seconds: number, task: (deadline: number) => Promise<unknown>): Promise<{ elapsed: number; cpu: (number | null)[] }> {
  const cpu0 = cpuNow(o.serverPid);
  const t0 = performance.now();
  await task(t0 + seconds * 1000);
  const elapsed = (performance.now() - t0) / 1000;
  return { elapsed, cpu: cpuUse(cpu0, cpuNow(o.serverPid), elapsed) };
}

const pointsPerSecond = (tally: Tally, elapsed: number) => ((tally.ms.length - tally.errors) * POINTS_PER_REQUEST) / elapsed;

/** `writers` in a closed loop for `seconds`, alone: the throughput (points/s) the mixed load is held to, and its CPU. */
async function writersAlone(o: LoadOptions, seconds: number, offset: number): Promise<{ rate: number; cpu: (number | null)[] }> {
  const tally = newTally();
  const { elapsed, cpu } = await measured(o, seconds, (deadline) => Promise.all(writerLoops(o, tally, deadline, offset)));
  return { rate: pointsPerSecond(tally, elapsed), cpu };
}

interface Phase {
  name: string;
  tallies: { ingest: Tally; read: Tally; search: Tally };
  elapsed: number;
  /** Cores' worth of CPU used while it ran: the server, its main thread, the client. */
  cpu: (number | null)[];
}

/** The writers as fast as they can, beside readers and searchers closed-loop (`paced` false) or paced. */
async function mixed(o: LoadOptions, paced: boolean, offset: number): Promise<Phase> {
  const tallies = { ingest: newTally(), read: newTally(), search: newTally() };
  const { elapsed, cpu } = await measured(o, o.seconds, (deadline) =>
    Promise.all([
      ...writerLoops(o, tallies.ingest, deadline, offset),
      ...Array.from({ length: o.readers }, (_, r) =>
        loop(tallies.read, deadline, (i) => fetch(o.base + o.readPaths[(r + i) % o.readPaths.length]), paced ? READ_EVERY_MS : 0),
      ),
      ...Array.from({ length: o.searchers }, () => loop(tallies.search, deadline, () => fetch(o.base + o.searchPath), paced ? SEARCH_EVERY_MS : 0)),
    ]),
  );
  const name = paced
    ? `Readers paced: each reader a read every ${READ_EVERY_MS} ms, each searcher a search every ${SEARCH_EVERY_MS} ms`
    : "Readers closed-loop: every reader and searcher back to back";
  return { name, tallies, elapsed, cpu };
}

function phaseRows(o: LoadOptions, phase: Phase, alone: number): string[] {
  const { tallies, elapsed } = phase;
  const mixedRate = pointsPerSecond(tallies.ingest, elapsed);
  return [
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
}

const cores = (x: number | null) => (x === null ? "unknown" : `${x.toFixed(2)} cores`);
const cpuLine = ([server, main, client]: (number | null)[]) => `server ${cores(server)} (its main thread ${cores(main)}), client ${cores(client)}`;

/** Runs the writers alone (a third of the time), then both mixed phases; returns their section of bench/RESULTS.md. */
export async function benchLoad(o: LoadOptions): Promise<string> {
  console.log(`load: ${o.writers} writers alone for ${Math.ceil(o.seconds / 3)} s (after 3 s of warm-up)...`);
  // Untimed: the writers' series are created and the server's code is compiled before the
  // baseline, which would otherwise come out below the mixed phases'.
  await writersAlone(o, 3, 2e9);
  const { rate: alone, cpu: aloneCpu } = await writersAlone(o, Math.ceil(o.seconds / 3), 0);
  const phases: Phase[] = [];
  for (const paced of [false, true]) {
    console.log(
      `load: ${o.writers} writers, ${o.readers} readers, ${o.searchers} searchers for ${o.seconds} s (${paced ? "paced" : "closed-loop"} readers)...`,
    );
    // Past the steps earlier phases wrote: appends, as a training would.
    phases.push(await mixed(o, paced, (phases.length + 3) * 1e9));
  }
  const section = [
    "## Under load: writers and readers at once",
    "",
    `${o.seconds} s per phase on loopback (\`LOAD_SECONDS\`): ${o.writers} writers each ingesting into its own series as fast as they can (a closed loop), ${o.readers} readers cycling through ${o.readPaths.length} series of the bench's long run, ${o.searchers} searchers. Errors are non-2xx answers and failed connections. CPU of the writers alone (${Math.ceil(o.seconds / 3)} s): ${cpuLine(aloneCpu)}.`,
    "",
    ...phases.flatMap((phase) => [
      `### ${phase.name}`,
      "",
      `CPU while it ran: ${cpuLine(phase.cpu)}.`,
      "",
      "| requests | sent | errors | p50 | p99 | throughput | target | met |",
      "|---|---|---|---|---|---|---|---|",
      ...phaseRows(o, phase, alone),
      "",
    ]),
  ].join("\n");
  console.log(section);
  return section;
}

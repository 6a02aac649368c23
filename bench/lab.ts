// `node bench/lab.ts`: a lab on one server (issue 23). Closed-loop clients, each on its own
// keep-alive connection, against the Node host in a child process (client and server each get
// a core): 100-point ingest requests, each client on its own run, from 1 client and from 64;
// requests refused before writing (an unknown run: 404), GET of a run, and GET /health as the
// ceiling of the host itself; downsampled reads and searches beside 64 writers. Every
// acknowledged point is read back after each ingest phase (stored once, none missing).
// Run against the embedded file, and against a real sqld when ../shared/tools/sqld is there.
// LAB_SECONDS sets each phase's length (default 10); LAB_HOSTS picks the hosts (default
// "embedded,sqld"). Prints a markdown section and, when both hosts ran, writes it into
// bench/RESULTS.md ("The lab").
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Pool } from "undici";
import { caller, root, seriesBody, startServer, stopServer } from "./server.ts";

const SECONDS = Number(process.env.LAB_SECONDS ?? 10);
const HOSTS = (process.env.LAB_HOSTS ?? "embedded,sqld").split(",");
const POINTS = 100;
const SQLD = join(root, "..", "shared", "tools", "sqld", "sqld");

interface Tally {
  ok: number;
  errors: number;
  latencies: number[];
  firstError?: string;
  /** CPU of the host, sqld and this load client over the phase, % of one core. */
  cpu?: string;
}

// CPU of the processes a phase loads, from /proc (utime + stime, all threads), beside the load
// client's own: on two shared cores, where a phase's rate stops is where the CPU runs out.
const TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString());
const watched: { name: string; pid: number }[] = [];
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}
function cpuMeter(): () => string {
  const t0 = performance.now();
  const before = watched.map((w) => cpuSeconds(w.pid));
  const own = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const used = watched.map((w, i) => `${w.name} ${Math.round((100 * (cpuSeconds(w.pid) - before[i])) / seconds)}`);
    const mine = process.cpuUsage(own);
    used.push(`load client ${Math.round((mine.user + mine.system) / 1e4 / seconds)}`);
    return used.join(" / ");
  };
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN);

/** `clients` closed loops for `seconds`, each calling `send(client, i)` with its i-th request. */
async function closedLoop(
  base: string,
  clients: number,
  seconds: number,
  send: (pool: Pool, client: number, i: number) => Promise<{ status: number; ok: boolean; ms?: number }>,
): Promise<Tally & { rate: number }> {
  const pool = new Pool(base, { connections: clients, pipelining: 1 });
  const tally: Tally = { ok: 0, errors: 0, latencies: [] };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const cpu = cpuMeter();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        try {
          const r = await send(pool, c, i);
          // A paced client reports its request's own time, without its pause.
          tally.latencies.push(r.ms ?? performance.now() - t0);
          if (r.ok) tally.ok++;
          else {
            tally.errors++;
            tally.firstError ??= `status ${r.status}`;
          }
        } catch (err) {
          tally.errors++;
          tally.firstError ??= String(err);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  tally.cpu = cpu();
  await pool.close();
  tally.latencies.sort((a, b) => a - b);
  return { ...tally, rate: tally.ok / elapsed };
}

async function request(pool: Pool, method: "GET" | "POST", path: string, body?: string) {
  const res = await pool.request({ method, path, body, headers: body ? { "content-type": "application/json" } : {} });
  await res.body.dump();
  return res.statusCode;
}

interface Phase {
  what: string;
  clients: number;
  rate: number;
  errors: number;
  p50: number;
  p99: number;
  cpu?: string;
  note?: string;
}

const phaseOf = (what: string, clients: number, t: Tally & { rate: number }, note?: string): Phase => ({
  what,
  clients,
  rate: t.rate,
  errors: t.errors,
  p50: pct(t.latencies, 50),
  p99: pct(t.latencies, 99),
  cpu: t.cpu,
  note: note ?? t.firstError,
});

/** Ingest from `clients` clients, each into its own run, then checks every acknowledged point is stored once. */
async function ingestPhase(base: string, label: string, clients: number): Promise<Phase> {
  const call = caller(base);
  const repo = `lab-${label}-${clients}`;
  for (let c = 0; c < clients; c++) await call("POST", `/v1/repos/${repo}/runs`, { id: `r${c}` });
  const acked = new Array(clients).fill(0);
  const t = await closedLoop(base, clients, SECONDS, async (pool, c, i) => {
    const status = await request(pool, "POST", `/v1/repos/${repo}/runs/r${c}/metrics`, seriesBody("loss", { subset: "train" }, i * POINTS, POINTS));
    if (status === 200) acked[c]++;
    return { status, ok: status === 200 };
  });
  // Each request wrote its own 100 steps: a run holds exactly 100 × its acknowledged requests.
  let wrong = 0;
  for (let c = 0; c < clients; c++) {
    const series = (await call("GET", `/v1/repos/${repo}/runs/r${c}/metrics`)) as { items: { count: number }[] };
    const stored = series.items[0]?.count ?? 0;
    if (stored !== acked[c] * POINTS) wrong++;
  }
  return phaseOf(
    `ingest, ${POINTS}-point requests`,
    clients,
    t,
    wrong ? `${wrong} runs not holding exactly their acknowledged points` : "every acknowledged point stored once",
  );
}

async function requestPhase(
  base: string,
  what: string,
  clients: number,
  method: "GET" | "POST",
  path: string,
  expected: number,
  body?: string,
): Promise<Phase> {
  const t = await closedLoop(base, clients, SECONDS, async (pool) => {
    const status = await request(pool, method, path, body);
    return { status, ok: status === expected };
  });
  return phaseOf(what, clients, t);
}

/** Reads and searches (paced like people) beside 64 writers. */
async function readsUnderLoad(base: string, label: string): Promise<Phase[]> {
  const call = caller(base);
  const repo = `lab-${label}-mixed`;
  await call("POST", `/v1/repos/${repo}/runs`, { id: "long" });
  for (let from = 0; from < 200_000; from += 10_000)
    await call("POST", `/v1/repos/${repo}/runs/long/metrics`, seriesBody("loss", { subset: "val" }, from, 10_000));
  for (let c = 0; c < 64; c++) await call("POST", `/v1/repos/${repo}/runs`, { id: `w${c}` });
  const read = `/v1/repos/${repo}/runs/long/metrics/loss?context=${encodeURIComponent('{"subset":"val"}')}&points=1000&format=columnar`;
  const search = `/v1/repos/${repo}/runs?${new URLSearchParams({ filter: 'metrics.loss{subset:"train"}.last < 1', limit: "100" })}`;
  const paced = (every: number, path: string) =>
    closedLoop(base, 4, SECONDS, async (pool) => {
      const t0 = performance.now();
      const status = await request(pool, "GET", path);
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, Math.max(0, every - ms)));
      return { status, ok: status === 200, ms };
    });
  const [writes, reads, searches] = await Promise.all([
    closedLoop(base, 64, SECONDS, async (pool, c, i) => {
      const status = await request(pool, "POST", `/v1/repos/${repo}/runs/w${c}/metrics`, seriesBody("loss", { subset: "train" }, i * POINTS, POINTS));
      return { status, ok: status === 200 };
    }),
    paced(200, read),
    paced(500, search),
  ]);
  return [
    phaseOf("ingest beside readers", 64, writes),
    phaseOf("downsampled read (1,000 buckets of 200,000 points), a read/200 ms × 4", 4, reads),
    phaseOf("search, a search/500 ms × 4", 4, searches),
  ];
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function startSqld(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(SQLD, ["--http-listen-addr", `127.0.0.1:${port}`, "--db-path", join(dir, "sqld-data")], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  throw new Error("sqld did not start");
}

async function benchHost(label: string, libsqlUrl: string, port: number): Promise<Phase[]> {
  const server = await startServer(libsqlUrl, port);
  const base = `http://127.0.0.1:${port}`;
  watched.unshift({ name: "host", pid: server.pid! });
  try {
    const phases: Phase[] = [];
    for (const clients of [1, 64]) phases.push(await ingestPhase(base, label, clients));
    const call = caller(base);
    await call("POST", `/v1/repos/lab-${label}/runs`, { id: "known", params: { lr: 0.001 } });
    const body = seriesBody("loss", {}, 0, POINTS);
    phases.push(
      await requestPhase(base, "ingest refused before writing (unknown run: 404)", 64, "POST", `/v1/repos/lab-${label}/runs/nobody/metrics`, 404, body),
    );
    phases.push(await requestPhase(base, "GET a run", 64, "GET", `/v1/repos/lab-${label}/runs/known`, 200));
    phases.push(await requestPhase(base, "GET /health (the host's ceiling)", 64, "GET", "/health", 200));
    if (label === "embedded") phases.push(...(await readsUnderLoad(base, label)));
    return phases;
  } finally {
    watched.shift();
    await stopServer(server);
  }
}

function table(title: string, phases: Phase[]): string {
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits }) : "—");
  const rows = phases.map(
    (p) => `| ${p.what} | ${p.clients} | ${fmt(p.rate, 0)} | ${p.errors} | ${fmt(p.p50)} | ${fmt(p.p99)} | ${p.cpu ?? ""} | ${p.note ?? ""} |`,
  );
  const head = "| what | clients | requests/s | errors | p50 ms | p99 ms | CPU, % of a core: host / sqld / load client | checked |";
  return [`### ${title}`, "", head, "|---|---|---|---|---|---|---|---|", ...rows, ""].join("\n");
}

const tmp = join(root, "bench", "tmp-lab");
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const sections: string[] = [];
try {
  if (HOSTS.includes("embedded")) {
    sections.push(table("Node host, embedded file", await benchHost("embedded", `file:${join(tmp, "lab.db")}`, 18790)));
    console.log(sections.at(-1));
  }
  if (HOSTS.includes("sqld") && existsSync(SQLD)) {
    const sqld = await startSqld(tmp);
    watched.push({ name: "sqld", pid: sqld.child.pid! });
    try {
      sections.push(table("Node host → real sqld 0.24.33 (primary, same machine)", await benchHost("sqld", sqld.url, 18791)));
      console.log(sections.at(-1));
    } finally {
      sqld.child.kill("SIGTERM");
    }
  } else if (HOSTS.includes("sqld")) {
    console.warn(`sqld not found at ${SQLD}: the sqld rows are skipped`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const resultsFile = join(root, "bench", "RESULTS.md");
const heading = "## The lab: many clients at once (bench/lab.ts)";
const section = [
  heading,
  "",
  `${new Date().toISOString().slice(0, 10)}, \`node bench/lab.ts\` (LAB_SECONDS=${SECONDS}), closed-loop clients (undici, a keep-alive connection each) in one process, the server in another.`,
  "",
  ...sections,
].join("\n");
if (HOSTS.length < 2) process.exit(0); // a partial run leaves bench/RESULTS.md as it is
const text = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "";
const start = text.indexOf(heading);
const next = start === -1 ? -1 : text.indexOf("\n## ", start + heading.length);
const updated = start === -1 ? `${text.trimEnd()}\n\n${section}\n` : `${text.slice(0, start)}${section}\n${next === -1 ? "" : text.slice(next + 1)}`;
writeFileSync(resultsFile, updated);
console.log(`bench/RESULTS.md: "${heading}" written`);

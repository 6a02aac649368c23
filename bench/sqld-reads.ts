// Long reads through the Node host, embedded file vs a real sqld (../shared/tools/sqld): part of
// `npm run bench` where sqld is there, or alone with `node bench/sqld-reads.ts`. Writes two
// series (1,000,000 points, read from chunk summaries, and SQLD_READ_LONG_POINTS, default
// 5,000,000, long enough to be read from a summary level) and a 5 MiB artifact into each
// database, then times, in READ_ROUNDS rounds (default 5) on a freshly started host each: the
// zoomed-out chart read of each series (points=1000, columnar; the first request the host
// serves, then again with its caches warm), and the artifact's download. Chart reads by a
// lean node:http client with gzip accepted, the body not inflated (bench/server.ts), as in the
// embedded rows of `npm run bench`. DESIGN.md's target: through sqld within 3× of embedded.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Sqld, sqldAvailable, sqldPath, startSqld } from "../scripts/sqld-process.ts";
import { caller, root, seriesBody, startServer, stopServer, timeGet } from "./server.ts";

const SERIES = [1_000_000, Number(process.env.SQLD_READ_LONG_POINTS ?? 5_000_000)];
const ROUNDS = Number(process.env.READ_ROUNDS ?? 5);
const ARTIFACT_BYTES = 5 * 1024 * 1024;
const tmp = join(root, "bench", "tmp-sqld-reads");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const chartPath = (s: number) => `/v1/repos/bench/runs/big/metrics/loss?context=${encodeURIComponent(`{"subset":"s${s}"}`)}&points=1000&format=columnar`;

interface Times {
  /** Per series: the first request of a fresh host, then the same read again. */
  cold: number[][];
  warm: number[][];
  download: number[];
}

async function download(base: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}/v1/repos/bench/runs/big/artifacts/model.bin`);
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok || body.byteLength !== ARTIFACT_BYTES) throw new Error(`download: ${res.status}, ${body.byteLength} bytes`);
  return ms;
}

async function measure(label: string, libsqlUrl: string, port: number): Promise<Times> {
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(libsqlUrl, port);
  try {
    const call = caller(base);
    await call("POST", "/v1/repos/bench/runs", { id: "big" });
    for (const [s, points] of SERIES.entries()) {
      console.log(`${label}: writing ${points.toLocaleString("en")} points...`);
      for (let from = 0; from < points; from += 10_000)
        await call("POST", "/v1/repos/bench/runs/big/metrics", seriesBody("loss", { subset: `s${s}` }, from, Math.min(10_000, points - from)));
    }
    const put = await fetch(`${base}/v1/repos/bench/runs/big/artifacts/model.bin`, {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: randomBytes(ARTIFACT_BYTES),
    });
    if (!put.ok) throw new Error(`artifact upload: ${put.status} ${await put.text()}`);
    const times: Times = { cold: SERIES.map(() => []), warm: SERIES.map(() => []), download: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // A fresh host each round: its first chart read is cold (no block cache), as after a
      // restart. Rounds alternate which series is read first, so each gets the first request.
      await stopServer(server);
      server = await startServer(libsqlUrl, port);
      const order = SERIES.map((_, s) => (s + round) % SERIES.length);
      times.cold[order[0]].push(await timeGet(port, chartPath(order[0])));
      for (const s of order.slice(1)) times.cold[s].push(await timeGet(port, chartPath(s)));
      for (const s of order) times.warm[s].push(await timeGet(port, chartPath(s)));
      times.download.push(await download(base));
    }
    const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(", ");
    console.log(
      `${label}: ${SERIES.map((p, s) => `${p.toLocaleString("en")} points cold ${list(times.cold[s])}, warm ${list(times.warm[s])} ms`).join("; ")}; download ${list(times.download)} ms`,
    );
    return times;
  } finally {
    await stopServer(server);
  }
}

/** The section for bench/RESULTS.md; null when sqld is not there. */
export async function benchSqldReads(): Promise<string | null> {
  if (!sqldAvailable()) {
    console.log(`sqld not found at ${sqldPath}: long reads through sqld skipped (../shared/tools/sqld/README.md)`);
    return null;
  }
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let sqld: Sqld | undefined;
  try {
    const embedded = await measure("embedded", `file:${join(tmp, "embedded.db")}`, 18791);
    sqld = await startSqld({ dir: join(tmp, "sqld") });
    const remote = await measure("sqld", sqld.url, 18792);
    const row = (what: string, e: number[], r: number[]) =>
      `| ${what} | ${median(e).toFixed(1)} ms (worst ${Math.max(...e).toFixed(1)}) | ${median(r).toFixed(1)} ms (worst ${Math.max(...r).toFixed(1)}) | ${(median(r) / median(e)).toFixed(1)}× | ${median(r) <= 3 * median(e) ? "yes" : "**no**"} |`;
    return [
      "## Long reads through the Node host: embedded file vs sqld",
      "",
      `\`node bench/sqld-reads.ts\` (also run by \`npm run bench\`): a real sqld 0.24 on the same machine. Two series (${SERIES.map((p) => p.toLocaleString("en")).join(" and ")} points) and a 5 MiB artifact in each database; ${ROUNDS} rounds, each on a freshly started Node host: each chart read (points=1000, columnar) as the host's first requests, then again warm, then the download. Chart reads by a lean node:http client, gzip accepted. Median (worst). Target: sqld within 3× of embedded.`,
      "",
      "| read | embedded | sqld | sqld / embedded | within 3× |",
      "|---|---|---|---|---|",
      ...SERIES.flatMap((points, s) => [
        row(`chart read of a ${points.toLocaleString("en")}-point series, first after a restart`, embedded.cold[s], remote.cold[s]),
        row(`the same read again (block cache warm)`, embedded.warm[s], remote.warm[s]),
      ]),
      row("5 MiB artifact download (fetch, body read)", embedded.download, remote.download),
      "",
    ].join("\n");
  } finally {
    await sqld?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const section = await benchSqldReads();
  if (!section) process.exit(1);
  console.log(section);
}

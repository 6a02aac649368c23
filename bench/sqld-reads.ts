// `node bench/sqld-reads.ts`: long reads through the Node host, embedded file vs a real sqld
// (../shared/tools/sqld). Writes one series of SQLD_READ_POINTS points (default 1,000,000) and
// a 5 MiB artifact into each, then times, in READ_ROUNDS rounds (default 5) on a freshly started host
// each: the zoomed-out chart read (points=1000, columnar) cold and warm, and the artifact's download. Prints the section for
// bench/RESULTS.md (median and worst per read, and sqld's median over embedded's).
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Sqld, sqldAvailable, sqldPath, startSqld } from "../scripts/sqld-process.ts";
import { caller, root, seriesBody, startServer, stopServer } from "./server.ts";

const POINTS = Number(process.env.SQLD_READ_POINTS ?? 1_000_000);
const ROUNDS = Number(process.env.READ_ROUNDS ?? 5);
const ARTIFACT_BYTES = 5 * 1024 * 1024;
const tmp = join(root, "bench", "tmp-sqld-reads");

if (!sqldAvailable()) {
  console.error(`sqld not found at ${sqldPath}: this benchmark needs it (../shared/tools/sqld/README.md)`);
  process.exit(1);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds of each of `rounds` fetches of `url`, the body read whole (checked by `check`). */
async function timed(url: string, check: (body: ArrayBuffer) => void, rounds: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const body = await res.arrayBuffer();
    ms.push(performance.now() - t0);
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    check(body);
  }
  return ms;
}

async function measure(label: string, libsqlUrl: string, port: number) {
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(libsqlUrl, port);
  try {
    const call = caller(base);
    await call("POST", "/v1/repos/bench/runs", { id: "big" });
    for (let from = 0; from < POINTS; from += 10_000) {
      await call("POST", "/v1/repos/bench/runs/big/metrics", seriesBody("loss", { subset: "s0" }, from, Math.min(10_000, POINTS - from)));
    }
    const bytes = randomBytes(ARTIFACT_BYTES);
    const put = await fetch(`${base}/v1/repos/bench/runs/big/artifacts/model.bin`, {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
    });
    if (!put.ok) throw new Error(`artifact upload: ${put.status} ${await put.text()}`);
    const context = encodeURIComponent('{"subset":"s0"}');
    const chartUrl = `${base}/v1/repos/bench/runs/big/metrics/loss?context=${context}&points=1000&format=columnar`;
    const chartOk = (body: ArrayBuffer) => {
      if (body.byteLength < 1000) throw new Error("chart read: short body");
    };
    const times = { cold: [] as number[], warm: [] as number[], download: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // A fresh server each round: its first chart read is cold (no block cache), as after a restart.
      await stopServer(server);
      server = await startServer(libsqlUrl, port);
      times.cold.push(...(await timed(chartUrl, chartOk, 1)));
      times.warm.push(...(await timed(chartUrl, chartOk, 1)));
      times.download.push(
        ...(await timed(
          `${base}/v1/repos/bench/runs/big/artifacts/model.bin`,
          (body) => {
            if (body.byteLength !== ARTIFACT_BYTES) throw new Error(`download: ${body.byteLength} bytes`);
          },
          1,
        )),
      );
    }
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
    console.log(`${label}: chart cold ${list(times.cold)} ms, warm ${list(times.warm)} ms; download ${list(times.download)} ms`);
    return times;
  } finally {
    await stopServer(server);
  }
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
  console.log(
    [
      `## Long reads through the Node host: embedded file vs sqld (\`node bench/sqld-reads.ts\`)`,
      "",
      `One series of ${POINTS.toLocaleString("en")} points and a 5 MiB artifact in each; ${ROUNDS} rounds, each on a freshly started Node host: the chart read cold, again warm, then the download. Median (worst).`,
      "",
      "| read | embedded | sqld | sqld / embedded | within 3× |",
      "|---|---|---|---|---|",
      row("zoomed-out chart read (points=1000, columnar), first after a restart", embedded.cold, remote.cold),
      row("the same read again (block cache warm)", embedded.warm, remote.warm),
      row("5 MiB artifact download", embedded.download, remote.download),
      "",
    ].join("\n"),
  );
} finally {
  await sqld?.stop();
  rmSync(tmp, { recursive: true, force: true });
}

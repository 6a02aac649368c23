// `node bench/load-alone.ts`: the mixed-load section of `npm run bench` on its own server,
// for measuring the read-beside-write path without the rest of the bench. BENCH_SCALE sizes
// the long series read (1,000,000 points × scale, at least 100,000) and the search repo;
// LOAD_SECONDS the load (default 20 s). Prints the section; writes nothing.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { benchLoad } from "./load.ts";
import { benchSearchAndSummary, SEARCH_PATH } from "./search-summary.ts";
import { caller, root, seriesBody, startServer, stopServer } from "./server.ts";

const scale = Number(process.env.BENCH_SCALE ?? 1);
const seconds = Number(process.env.LOAD_SECONDS ?? 20);
const PORT = 18788;
const base = `http://127.0.0.1:${PORT}`;
const call = caller(base);
const tmp = join(root, "bench", "tmp-load");
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const server = await startServer(`file:${join(tmp, "load.db")}`, PORT);
try {
  const length = Math.max(100_000, Math.round(1_000_000 * scale));
  await call("POST", "/v1/repos/bench/runs", { id: "big" });
  for (let from = 0; from < length; from += 10_000) await call("POST", "/v1/repos/bench/runs/big/metrics", seriesBody("loss", { subset: "s0" }, from, 10_000));
  await benchSearchAndSummary(call, Math.min(scale, 0.1));
  await call("POST", "/v1/repos/bench/runs", { id: "load" });
  await benchLoad({
    base,
    seconds,
    writeRun: "/v1/repos/bench/runs/load",
    writers: 16,
    readPaths: [`/v1/repos/bench/runs/big/metrics/loss?context=${encodeURIComponent('{"subset":"s0"}')}&points=1000&format=columnar`],
    readers: 4,
    searchers: 2,
    searchPath: SEARCH_PATH,
    serverPid: server.pid,
  });
} finally {
  await stopServer(server);
  rmSync(tmp, { recursive: true, force: true });
}

// The Node host's HTTP path, used before the host says it is listening: the first request a
// fresh process served over its socket cost ~9 ms more than the same request through
// app.fetch (bench/RESULTS.md, "Cold start"): @hono/node-server's request and response
// conversion, the middleware, the validators and the socket's write of a large gzipped body
// run for the first time. Requests to itself pay that: a read of a run that cannot exist and
// the OpenAPI document (a large compressible answer), each with gzip accepted, ROUNDS times
// (with 3, the middleware took ~0.3 ms longer on the first real read than with 10). Best
// effort: a failure (a bind address the host cannot reach itself on) only leaves the first
// client to pay.
//
// Then the read path's code runs once more, last, and the compiler gets SETTLE_MS to finish:
// V8 throws away optimised code whose assumptions later work broke (an allocation site's
// tenuring after a GC, seen while the OpenAPI document was built), and code it is still
// compiling in the background is not used yet. Without both, a first read in a fresh process
// bucketed 15,625 chunk summaries in unoptimised code (1-5 ms instead of 0.2).

import { request } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { warmUpReadCode } from "../api/metrics/warm-up.ts";

const PATHS = ["/v1/repos/runcamp-warm-up/runs/warm-up/metrics/loss?points=1000&format=columnar", "/openapi.json"];
const ROUNDS = 10;
const SETTLE_MS = 50;
const TIMEOUT_MS = 2_000;

/** The address to reach a server bound to `host` from the same machine. */
export function selfAddress(host: string | undefined): string {
  if (!host || host === "0.0.0.0") return "127.0.0.1";
  if (host === "::" || host === "[::]") return "::1";
  return host.replace(/^\[(.*)\]$/, "$1");
}

function get(host: string, port: number, path: string): Promise<void> {
  return new Promise((done) => {
    const req = request({ host, port, path, headers: { "accept-encoding": "gzip" }, timeout: TIMEOUT_MS }, (res) => {
      res.on("data", () => {});
      res.on("end", done);
      res.on("error", () => done());
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => done());
    req.end();
  });
}

export async function warmUpOverSocket(host: string | undefined, port: number): Promise<void> {
  const address = selfAddress(host);
  for (let round = 0; round < ROUNDS; round++) for (const path of PATHS) await get(address, port, path);
  warmUpReadCode();
  await sleep(SETTLE_MS);
}

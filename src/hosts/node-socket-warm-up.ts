// The Node host's HTTP path, used once before the host says it is listening: the first request
// a fresh process served over its socket cost ~9 ms more than the same request through
// app.fetch (bench/RESULTS.md, "Cold start"): @hono/node-server's request and response
// conversion and the socket's write of a large gzipped body run for the first time. A few
// requests to itself pay that: a read of a run that cannot exist and the OpenAPI document (a
// large compressible answer), each with gzip accepted. Best effort: a failure (a bind address
// the host cannot reach itself on) only leaves the first client to pay.
import { request } from "node:http";

const PATHS = ["/v1/repos/runcamp-warm-up/runs/warm-up/metrics/loss?points=1000&format=columnar", "/openapi.json"];
const ROUNDS = 3;
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
}

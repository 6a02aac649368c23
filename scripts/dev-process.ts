// `npm run dev` (scripts/dev.ts: wrangler dev + the local libSQL endpoint) as a child process
// group, for the tests and benchmarks that need the runtime `npm run dev` runs: wrangler's own
// workerd, which is newer than the one the Miniflare test host loads.
import type { ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { spawnGroup } from "./process-group.ts";

const root = resolve(import.meta.dirname, "..");

export interface DevProcess {
  base: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `npm run dev` on 127.0.0.1:`port` over the database file `db`; resolves once /health answers. */
export async function startDev(port: number, db: string, timeoutMs = 60_000): Promise<DevProcess> {
  // Its own process group: stop() ends wrangler and workerd with it.
  const group = spawnGroup(join(root, "node_modules/.bin/node"), [join(root, "scripts/dev.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), RUNCAMP_DEV_DB: db },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { child } = group;
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const dev: DevProcess = {
    base,
    child,
    output: () => output,
    // SIGINT, as Ctrl-C: wrangler stops workerd and scripts/dev.ts its endpoint.
    stop: () => group.stop("SIGINT", 10_000),
  };
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm run dev exited: ${output}`);
      try {
        // Our own start-up line first: a Worker of a previous start may still be answering.
        if (output.includes("libSQL endpoint") && (await fetch(`${base}/health`)).ok) return dev;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`npm run dev did not answer within ${timeoutMs / 1000} s: ${output}`);
  } catch (err) {
    await dev.stop();
    throw err;
  }
}

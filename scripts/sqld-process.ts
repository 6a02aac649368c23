// A real sqld (the libSQL server Turso runs) as a child process: ../shared/tools/sqld/sqld beside
// this repository (see its README). Each call starts its own process on a free loopback port
// with its own --db-path (a temp dir unless given), in its own process group; stop() ends the
// group (scripts/process-group.ts). Used by the test hosts (test/support/sqld.ts) and the sqld
// benchmarks.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnGroup } from "./process-group.ts";

/** ../shared/tools/sqld/sqld, or RUNCAMP_TEST_SQLD: another sqld 0.24 binary (or a path that does not exist, to see the suites skip it). */
export const sqldPath = process.env.RUNCAMP_TEST_SQLD ?? resolve(import.meta.dirname, "../../shared/tools/sqld/sqld");

/** Whether sqld can be started here. */
export const sqldAvailable = () => existsSync(sqldPath);

export interface Sqld {
  /** `http://127.0.0.1:port`, for createClient({ url }). */
  url: string;
  /** The inter-node (gRPC) address replicas connect to, when started with `grpc: true`. */
  grpcUrl?: string;
  dir: string;
  /** Stops the process (its whole group) and keeps the dir. */
  stop(): Promise<void>;
  /** Stops it and removes its dir. */
  close(): Promise<void>;
}

/** A port free right now on 127.0.0.1 (sqld cannot report the one it picks for port 0). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface SqldOptions {
  /** Listen for replicas (--grpc-listen-addr). */
  grpc?: boolean;
  /** Run as a replica of this primary's gRPC URL (--primary-grpc-url). */
  primaryGrpcUrl?: string;
  /** Reuse a dir (a restart); by default a fresh temp dir. */
  dir?: string;
}

/** Starts sqld and resolves once it answers over HTTP. */
export async function startSqld(options: SqldOptions = {}): Promise<Sqld> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "runcamp-sqld-"));
  let lastError: Error | undefined;
  // A port found free may be taken before sqld binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const grpcPort = options.grpc ? await freePort() : undefined;
    const args = ["--http-listen-addr", `127.0.0.1:${port}`, "--db-path", join(dir, "data.sqld"), "--no-welcome"];
    if (grpcPort) args.push("--grpc-listen-addr", `127.0.0.1:${grpcPort}`);
    if (options.primaryGrpcUrl) args.push("--primary-grpc-url", options.primaryGrpcUrl);
    const group = spawnGroup(sqldPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    const { child } = group;
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const url = `http://127.0.0.1:${port}`;
    const started = Date.now();
    while (Date.now() - started < 30_000 && child.exitCode === null) {
      try {
        if ((await fetch(`${url}/health`)).ok) {
          const stop = () => group.stop();
          return {
            url,
            grpcUrl: grpcPort ? `http://127.0.0.1:${grpcPort}` : undefined,
            dir,
            stop,
            async close() {
              await stop();
              if (!options.dir) rmSync(dir, { recursive: true, force: true });
            },
          };
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await group.stop();
    lastError = new Error(`sqld did not answer on ${url} within 30 s (exit ${child.exitCode}): ${stderr}`);
  }
  if (!options.dir) rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

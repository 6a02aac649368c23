// The one way a test starts a process that keeps running: a server (`spawnServer`), sqld
// (`startSqld`), an S3-compatible server (`startS3Server`) or `npm run dev` (`startDev`), each in its own process group
// (scripts/process-group.ts) so that stopping it stops everything it started. A test stops what
// it started; what a failed test or a timed-out hook left running is stopped by the afterAll
// below (each test file imports this module afresh, so the hook is that file's), and what even
// that missed (the worker exiting first) by the exit handler of scripts/process-group.ts.
// Not for globalSetup files: afterAll needs a test file being collected.
import { afterAll } from "vitest";
import { type ProcessGroup, spawnGroup, stopAllGroups } from "../../scripts/process-group.ts";

export { type DevProcess, startDev } from "../../scripts/dev-process.ts";
export type { ProcessGroup as Server } from "../../scripts/process-group.ts";
export { type S3Server, s3ServerAvailable, s3ServerPath, startS3Server } from "../../scripts/s3-process.ts";
export { type Sqld, startSqld } from "../../scripts/sqld-process.ts";

afterAll(stopAllGroups);

/** Starts a long-running process for a test (detached: it leads its own group); `stop()` it, or the file's afterAll will. */
export const spawnServer = spawnGroup;

/** A runcamp host started as a process, listening at `base`. */
export interface ServerProcess {
  process: ProcessGroup;
  base: string;
}

/**
 * Starts a runcamp host (`command args`, e.g. node src/hosts/node.ts) and resolves once it
 * prints the address it listens on; its stderr goes to ours, prefixed.
 */
export async function startServerProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const started = spawnServer(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const { child } = started;
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${command.split("/").pop()}] ${chunk}`));
  const base = await new Promise<string>((ready, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/[^\s]+:\d+)/.exec(out);
      if (found) ready(found[1]);
    });
    child.on("exit", (code, signal) => fail(new Error(`${command} exited (${code ?? signal}) before listening`)));
  });
  return { process: started, base };
}

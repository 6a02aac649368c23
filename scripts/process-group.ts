// A child process as the leader of its own process group, stopped with everything it started:
// `npm run dev` starts wrangler which starts workerd, and killing only the leader would leave
// those running. Used by the test helper (test/support/processes.ts), scripts/dev-process.ts,
// scripts/sqld-process.ts and the benchmarks.
//
// Every group still running is remembered, so that a process which ends without stopping them
// (a failed test, a hook that timed out, an uncaught error) kills them on its way out: the
// 'exit' handler can only send signals (no waiting there), so it sends SIGKILL to each group.
// A process killed by a signal runs no handler at all; `npm test` (scripts/test-all.ts) looks
// for what is left after its suites for that case.
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

export interface ProcessGroup {
  child: ChildProcess;
  /** Whether the leader has exited (its group may still hold processes until stop()). */
  exited(): boolean;
  /**
   * Sends `signal` to the whole group, then SIGKILL after `graceMs` if the leader has not
   * exited by then; resolves when it has. When the leader had already exited, SIGKILL at once
   * to what is left of its group. Safe to call more than once.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const running = new Set<ProcessGroup>();

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

process.on("exit", () => {
  for (const group of running) if (group.child.pid) signalGroup(group.child.pid, "SIGKILL");
});

/** Spawns `command` leading a new process group (`detached: true`), remembered until stopped. */
export function spawnGroup(command: string, args: readonly string[], options: Omit<SpawnOptions, "detached"> = {}): ProcessGroup {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const group: ProcessGroup = {
    child,
    exited,
    async stop(signal = "SIGTERM", graceMs = 5_000) {
      running.delete(group);
      if (child.pid === undefined) return; // never started (spawn error)
      // The leader gone, what it started may still run in its group, with nothing to wait for.
      if (exited()) return void signalGroup(child.pid, "SIGKILL");
      const exit = new Promise<void>((done) => child.once("exit", () => done()));
      if (!signalGroup(child.pid, signal)) return;
      const killed = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
      await exit;
      clearTimeout(killed);
    },
  };
  running.add(group);
  // A leader that cannot start is not left in the set for the exit handler.
  child.once("error", () => running.delete(group));
  return group;
}

/** Stops every group this process started and has not stopped yet. */
export async function stopAllGroups(): Promise<void> {
  await Promise.all([...running].map((group) => group.stop()));
}

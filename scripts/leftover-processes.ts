// The processes a test run left behind: those still running that descend from the runner, or
// that carry its marker in their environment. The marker is needed because a process group
// started detached whose parent then died (a test worker killed while its server ran) is
// re-parented to init: only its environment, inherited from the runner, still tells where it
// came from. Linux only (/proc); elsewhere `available` is false.
import { existsSync, readdirSync, readFileSync } from "node:fs";

export interface LeftProcess {
  pid: number;
  ppid: number;
  command: string;
}

export const available = existsSync("/proc/self/stat");

/** Running processes (not zombies) other than `rootPid` that descend from it or have `marker` ("NAME=value") in their environment. */
export function leftProcesses(rootPid: number, marker: string): LeftProcess[] {
  const procs = new Map<number, LeftProcess & { marked: boolean }>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === rootPid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (state === "Z") continue;
      let marked = false;
      try {
        marked = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(marker);
      } catch {
        // another user's process
      }
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
      procs.set(pid, { pid, ppid: Number(ppid), command, marked });
    } catch {
      // it exited while we looked
    }
  }
  const descends = (proc: LeftProcess): boolean => {
    for (let p: LeftProcess | undefined = proc, hops = 0; p && hops < 64; p = procs.get(p.ppid), hops++) if (p.ppid === rootPid) return true;
    return false;
  };
  return [...procs.values()].filter((proc) => proc.marked || descends(proc)).map(({ pid, ppid, command }) => ({ pid, ppid, command }));
}

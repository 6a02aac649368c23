// The thread a scheduled backup runs on (./backup.ts): VACUUM INTO is synchronous, and on the
// host's own thread it would hold every request for as long as the copy takes.
import { parentPort, workerData } from "node:worker_threads";
import { backupDatabase } from "./backup.ts";

const { url, target } = workerData as { url: string; target: string };
try {
  parentPort!.postMessage({ ok: true, ...backupDatabase(url, target) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}

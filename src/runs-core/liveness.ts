// Run liveness, the recording side: every sign of life a run's process gives (ingest,
// values, logs, create/resume, the SDK heartbeat) stamps runs.last_activity_at, and a running run
// whose stamp is older than the configured staleness time is "stale": most likely its
// process died without saying so (SIGKILL, OOM, a lost machine). Runs from before the
// column have it NULL; their updated_at stands in (COALESCE in every query).
import { type Config, DEFAULT_STALE_AFTER_SECONDS } from "../config.ts";
import type { Executor } from "../series/index.ts";

/** Running runs last active before this instant (epoch ms) are stale. */
export const staleBefore = (deps: { config: Config }, now = Date.now()) => now - (deps.config.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS) * 1000;

/** Stamps the run's last activity (inside the caller's transaction or batch). */
export async function recordActivity(tx: Executor, runPk: number, now = Date.now()): Promise<void> {
  await tx.execute(activityStatement(runPk, now));
}

export const activityStatement = (runPk: number, now = Date.now()) => ({ sql: "UPDATE runs SET last_activity_at = ? WHERE pk = ?", args: [now, runPk] });

export interface Liveness {
  lastActivityAt: number;
  stale: boolean;
}

/** last_activity_at (or updated_at) of a run row, and whether that makes it stale. */
export function livenessOf(row: Record<string, unknown>, before: number): Liveness {
  const at = row.last_activity_at === null || row.last_activity_at === undefined ? Number(row.updated_at) : Number(row.last_activity_at);
  return { lastActivityAt: at, stale: row.status === "running" && at < before };
}

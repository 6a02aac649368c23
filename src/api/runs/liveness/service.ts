// Run liveness, the reading side: the SDK heartbeat, and closing the runs whose process
// went silent (see src/runs-core/liveness.ts for what counts as a sign of life).
import { DEFAULT_STALE_AFTER_SECONDS } from "../../../config.ts";
import type { Deps } from "../../../deps.ts";
import { staleSql } from "../../../filter/compile.ts";
import { activityStatement, staleBefore } from "../../../runs-core/liveness.ts";
import { findRepoPk } from "../../../runs-core/repo-lookup.ts";
import { findRunPk } from "../../../runs-core/run-lookup.ts";
import { compileRunSelection } from "../../../runs-core/run-selection.ts";
import { RUN_COLUMNS, RUN_FROM, runView } from "../../../runs-core/run-view.ts";
import type { ClosedStaleRunsView, RunLivenessView } from "./schemas.ts";

const staleAfterSeconds = (deps: Deps) => deps.config.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS;

/** Records that the run's process is alive. The status is left alone: a heartbeat never reopens a run. */
export async function heartbeat(deps: Deps, repo: string, runId: string): Promise<RunLivenessView> {
  const { runPk, status } = await findRunPk(deps, repo, runId);
  const now = Date.now();
  await deps.client.execute(activityStatement(runPk, now));
  return { id: runId, status, last_activity_at: new Date(now).toISOString(), stale: false, stale_after_seconds: staleAfterSeconds(deps) };
}

/**
 * Marks every stale run the filter selects as killed, its ended_at its last activity (about
 * when its process died). The UPDATE repeats the stale test, so a run that shows signs of
 * life meanwhile is left running.
 */
export async function closeStaleRuns(deps: Deps, repo: string, filter: string | undefined): Promise<ClosedStaleRunsView> {
  const repoPk = await findRepoPk(deps, repo);
  const search = compileRunSelection(deps, repoPk, { filter });
  const args = [...search.args];
  const stale = staleSql(args, search.options);
  const now = Date.now();
  const updated = await deps.client.execute({
    sql: `UPDATE runs SET status = 'killed', ended_at = COALESCE(last_activity_at, updated_at), updated_at = ?
          WHERE pk IN (SELECT r.pk FROM runs r WHERE ${search.where} AND ${stale}) RETURNING pk`,
    args: [now, ...args],
  });
  const pks = updated.rows.map((row) => Number(row.pk));
  let items: ClosedStaleRunsView["items"] = [];
  if (pks.length) {
    const rs = await deps.client.execute({
      sql: `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.pk IN (SELECT value FROM json_each(?)) ORDER BY r.created_at, r.pk`,
      args: [JSON.stringify(pks)],
    });
    const before = staleBefore(deps);
    items = rs.rows.map((row) => runView(repo, row as unknown as Record<string, unknown>, before));
  }
  return { items, stale_after_seconds: staleAfterSeconds(deps) };
}

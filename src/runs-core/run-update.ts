// One UPDATE of a run's row that stamps updated_at: what PATCH /runs/{run}, the MLflow
// dialect's run changes (update-run, tags, params, delete/restore) and an ingest's reopen write.
// Column names come from the callers' code, never from a request.
import type { InStatement } from "@libsql/client";
import type { Executor } from "../series/index.ts";

export type RunColumns = Record<string, string | number | null>;

/** The statement that sets `columns` (and updated_at) on run `runPk`, for a batch. */
export function updateRunStatement(runPk: number, columns: RunColumns): InStatement {
  const names = Object.keys(columns);
  return {
    sql: `UPDATE runs SET ${[...names, "updated_at"].map((name) => `${name} = ?`).join(", ")} WHERE pk = ?`,
    args: [...names.map((name) => columns[name]), Date.now(), runPk],
  };
}

/** Sets `columns` (and updated_at) on run `runPk`. */
export async function updateRun(db: Executor, runPk: number, columns: RunColumns): Promise<void> {
  await db.execute(updateRunStatement(runPk, columns));
}

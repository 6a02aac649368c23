// Deleting runs with everything they own (series, artifacts and their bytes, values, logs, inputs,
// MLflow logged models and their metrics): what DELETE of a run, of a campaign with its runs and
// of a repo write.
import type { InStatement } from "@libsql/client";
import { deleteSeriesOf } from "../series/index.ts";

/**
 * Statements deleting the bytes of the artifacts `pksSql` selects, to run in the batch that
 * deletes their rows (before it): their libSQL parts, and their objects queued for deletion
 * from their object store once the batch has committed (src/api/artifacts/object-deletes.ts).
 */
export const deleteArtifactBytesOf = (pksSql: string, args: (string | number)[]): InStatement[] => [
  {
    sql: `INSERT INTO artifact_object_deletes (store, key, unfinished, created_at) SELECT store, object_key, path IS NULL, ? FROM artifacts WHERE object_key IS NOT NULL AND pk IN (${pksSql})`,
    args: [Date.now(), ...args],
  },
  { sql: `DELETE FROM artifact_parts WHERE artifact_pk IN (${pksSql})`, args },
];

/** Statements deleting every artifact (rows and bytes) of the runs `runPksSql` selects. */
function deleteArtifactsOf(runPksSql: string, args: (string | number)[]): InStatement[] {
  return [
    ...deleteArtifactBytesOf(`SELECT pk FROM artifacts WHERE run_pk IN (${runPksSql})`, args),
    { sql: `DELETE FROM artifacts WHERE run_pk IN (${runPksSql})`, args },
  ];
}

/**
 * Statements deleting the runs `runPksSql` selects with everything they own. Children are
 * deleted explicitly (not by ON DELETE CASCADE) because a remote libSQL server may run with
 * foreign keys off; callers run them in one batch, all-or-nothing.
 */
export function deleteRunsOf(runPksSql: string, args: (string | number)[]): InStatement[] {
  return [
    ...deleteSeriesOf(runPksSql, args),
    ...deleteArtifactsOf(runPksSql, args),
    { sql: `DELETE FROM run_values WHERE run_pk IN (${runPksSql})`, args },
    { sql: `DELETE FROM run_logs WHERE run_pk IN (${runPksSql})`, args },
    { sql: `DELETE FROM run_inputs WHERE run_pk IN (${runPksSql})`, args },
    { sql: `DELETE FROM run_model_inputs WHERE run_pk IN (${runPksSql})`, args },
    { sql: `DELETE FROM mlflow_logged_model_metrics WHERE model_pk IN (SELECT pk FROM mlflow_logged_models WHERE run_pk IN (${runPksSql}))`, args },
    { sql: `DELETE FROM mlflow_logged_models WHERE run_pk IN (${runPksSql})`, args },
    { sql: `DELETE FROM runs WHERE pk IN (${runPksSql})`, args },
  ];
}

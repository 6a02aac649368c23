// A logged model's row as every reader of mlflow_logged_models sees it (logged-models.ts
// explains the model), apart from the service so the run and artifact code below it can
// find a model without importing the service.
import type { Deps } from "../../deps.ts";
import { excerpt } from "../../lib/text.ts";
import { doesNotExist } from "./errors.ts";
import { artifactRootOf, experimentIdOf } from "./experiments.ts";
import type { LoggedModelStatus } from "./model-schemas.ts";
import type { MetricIn } from "./schemas.ts";

/** Where a logged model's files live among its run's artifacts. */
export const MODEL_FILES = "mlflow-models";

export interface ModelRow {
  pk: number;
  id: string;
  repo: string;
  repoPk: number;
  runId: string;
  name: string;
  modelType: string;
  status: LoggedModelStatus;
  deleted: boolean;
  tags: Record<string, string>;
  params: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

export const MODEL_COLUMNS = `m.pk, m.id, p.name AS repo, m.repo_pk, r.id AS run_id, m.name, m.model_type, m.status, m.deleted, m.tags, m.params, m.created_at, m.updated_at`;
export const MODEL_FROM = "mlflow_logged_models m JOIN repos p ON p.pk = m.repo_pk JOIN runs r ON r.pk = m.run_pk";

export const modelRow = (row: Record<string, unknown>): ModelRow => ({
  pk: Number(row.pk),
  id: String(row.id),
  repo: String(row.repo),
  repoPk: Number(row.repo_pk),
  runId: String(row.run_id),
  name: String(row.name),
  modelType: String(row.model_type),
  status: String(row.status) as LoggedModelStatus,
  deleted: Number(row.deleted) === 1,
  tags: JSON.parse(String(row.tags)),
  params: JSON.parse(String(row.params)),
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

export const modelNotFound = (id: string) => doesNotExist(`Logged model with ID ${excerpt(id, 64)} not found.`);

/** The logged model with this id, deleted or not (MLflow's writes find deleted ones too). */
export async function findLoggedModel(deps: Deps, id: string): Promise<ModelRow> {
  const rs = await deps.client.execute({ sql: `SELECT ${MODEL_COLUMNS} FROM ${MODEL_FROM} WHERE m.id = ?`, args: [id] });
  if (!rs.rows.length) throw modelNotFound(id);
  return modelRow(rs.rows[0] as unknown as Record<string, unknown>);
}

export const modelArtifactUri = (m: { repo: string; repoPk: number; id: string }) =>
  `${artifactRootOf(experimentIdOf(m.repo, m.repoPk))}/models/${m.id}/artifacts`;

/** Checks that every model the points name exists, then the statements that link them (run in the caller's write). */
export async function modelMetricStatements(deps: Deps, runId: string, metrics: MetricIn[], now: number) {
  const linked = metrics.filter((m) => m.model_id !== undefined);
  const pks = new Map<string, number>();
  for (const id of new Set(linked.map((m) => m.model_id as string))) pks.set(id, (await findLoggedModel(deps, id)).pk);
  return linked.map((m) => {
    const value = typeof m.value === "number" ? m.value : /nan/i.test(m.value) ? null : m.value.startsWith("-") ? -Infinity : Infinity;
    return {
      sql: "INSERT OR IGNORE INTO mlflow_logged_model_metrics (model_pk, key, value, timestamp, step, run_id, dataset_name, dataset_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      args: [pks.get(m.model_id as string) as number, m.key, value, m.timestamp ?? now, m.step ?? 0, runId, m.dataset_name ?? null, m.dataset_digest ?? null],
    };
  });
}

// MLflow 3's logged models (/api/2.0/mlflow/logged-models...), kept in mlflow_logged_models:
// - id `m-<32 hex>`, made here; experiment = its repo; status PENDING until the client
//   finalizes it; delete is MLflow's soft delete (get answers RESOURCE_DOES_NOT_EXIST unless
//   allow_deleted, the other calls still find it, as in MLflow's own store).
// - A logged model belongs to the run that logged it (source_run_id): its files are that
//   run's artifacts below mlflow-models/<id>/ (artifacts.ts maps the model's
//   mlflow-artifacts:/<experiment>/models/<id>/artifacts URI there), so they show on the run
//   page and go with the run. A model without a run is refused: it would have nowhere to keep
//   its files.
// - Metrics logged with a model_id are the run's points and also the model's
//   (mlflow_logged_model_metrics, every point, as MLflow keeps them).
import type { Deps } from "../../deps.ts";
import { decodeCursor, encodeCursor } from "../../http/cursor.ts";
import { excerpt } from "../../lib/text.ts";
import { doesNotExist, invalidParameter } from "./errors.ts";
import { experimentIdOf, getExperiment } from "./experiments.ts";
import { findLoggedModel, MODEL_COLUMNS, MODEL_FROM, type ModelRow, modelArtifactUri, modelNotFound, modelRow } from "./logged-model-rows.ts";
import { modelFilter } from "./model-filter.ts";
import type {
  CreateLoggedModelInput,
  LoggedModelMetric,
  LoggedModelStatus,
  LoggedModelView,
  SearchLoggedModelsInput,
  SearchLoggedModelsView,
} from "./model-schemas.ts";
import { findMlflowRun } from "./runs.ts";
import type { ParamIn, TagIn } from "./schemas.ts";
import { wireFloat } from "./views.ts";

const sortedPairs = (o: Record<string, string>) =>
  Object.keys(o)
    .sort()
    .map((key) => ({ key, value: o[key] }));

async function metricsOf(deps: Deps, pks: number[]): Promise<Map<number, LoggedModelMetric[]>> {
  const out = new Map<number, LoggedModelMetric[]>();
  if (!pks.length) return out;
  const rs = await deps.client.execute({
    sql: `SELECT mm.model_pk, m.id AS model_id, mm.key, mm.value, mm.timestamp, mm.step, mm.run_id, mm.dataset_name, mm.dataset_digest
      FROM mlflow_logged_model_metrics mm JOIN mlflow_logged_models m ON m.pk = mm.model_pk
      WHERE mm.model_pk IN (${pks.map(() => "?").join(",")}) ORDER BY mm.rowid`,
    args: pks,
  });
  for (const row of rs.rows) {
    const metric: LoggedModelMetric = {
      key: String(row.key),
      value: row.value === null ? "NaN" : wireFloat(Number(row.value)),
      timestamp: Number(row.timestamp),
      step: Number(row.step),
      model_id: String(row.model_id),
      run_id: String(row.run_id),
      ...(row.dataset_name === null ? {} : { dataset_name: String(row.dataset_name) }),
      ...(row.dataset_digest === null ? {} : { dataset_digest: String(row.dataset_digest) }),
    };
    const pk = Number(row.model_pk);
    out.set(pk, [...(out.get(pk) ?? []), metric]);
  }
  return out;
}

function modelView(m: ModelRow, metrics: LoggedModelMetric[]): LoggedModelView {
  const tags = sortedPairs(m.tags);
  const params = sortedPairs(m.params);
  return {
    info: {
      model_id: m.id,
      experiment_id: experimentIdOf(m.repo, m.repoPk),
      name: m.name,
      creation_timestamp_ms: m.createdAt,
      last_updated_timestamp_ms: m.updatedAt,
      artifact_uri: modelArtifactUri(m),
      status: m.status,
      model_type: m.modelType,
      source_run_id: m.runId,
      ...(tags.length ? { tags } : {}),
    },
    data: { ...(params.length ? { params } : {}), ...(metrics.length ? { metrics } : {}) },
  };
}

async function viewOf(deps: Deps, m: ModelRow): Promise<LoggedModelView> {
  return modelView(m, (await metricsOf(deps, [m.pk])).get(m.pk) ?? []);
}

function withParams(params: Record<string, string>, incoming: ParamIn[]): Record<string, string> {
  const out = { ...params };
  for (const { key, value } of incoming) out[key] = value;
  return out;
}

const tagsOf = (tags: TagIn[]) => Object.fromEntries(tags.map((t) => [t.key, t.value]));

export async function createLoggedModel(deps: Deps, input: CreateLoggedModelInput): Promise<LoggedModelView> {
  const experiment = await getExperiment(deps, input.experiment_id);
  if (experiment.view.lifecycle_stage === "deleted") throw invalidParameter(`The experiment ${experiment.view.experiment_id} must be in the 'active' state.`);
  if (!input.source_run_id)
    throw invalidParameter("runcamp keeps a logged model's files with the run that logged it: log the model inside a run (source_run_id).");
  const run = await findMlflowRun(deps, input.source_run_id);
  if (experiment.pk !== Number(run.repo_pk))
    throw invalidParameter(`The source run ${run.id} is not in experiment ${experiment.view.experiment_id}: a logged model is kept in its run's experiment.`);
  const id = `m-${crypto.randomUUID().replaceAll("-", "")}`;
  const now = Date.now();
  await deps.client.execute({
    sql: `INSERT INTO mlflow_logged_models (id, repo_pk, run_pk, name, model_type, status, deleted, tags, params, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'LOGGED_MODEL_PENDING', 0, ?, ?, ?, ?)`,
    args: [
      id,
      Number(run.repo_pk),
      Number(run.pk),
      input.name || `model-${id.slice(2, 10)}`,
      input.model_type ?? "",
      JSON.stringify(tagsOf(input.tags ?? [])),
      JSON.stringify(withParams({}, input.params ?? [])),
      now,
      now,
    ],
  });
  return viewOf(deps, await findLoggedModel(deps, id));
}

export async function getLoggedModel(deps: Deps, id: string, allowDeleted: boolean): Promise<LoggedModelView> {
  const m = await findLoggedModel(deps, id);
  if (m.deleted && !allowDeleted) throw modelNotFound(id);
  return viewOf(deps, m);
}

async function update(deps: Deps, m: ModelRow, set: Record<string, string | number>): Promise<void> {
  const columns = Object.keys(set);
  await deps.client.execute({
    sql: `UPDATE mlflow_logged_models SET ${columns.map((c) => `${c} = ?`).join(", ")}, updated_at = ? WHERE pk = ?`,
    args: [...columns.map((c) => set[c]), Date.now(), m.pk],
  });
}

export async function finalizeLoggedModel(deps: Deps, id: string, status: LoggedModelStatus): Promise<LoggedModelView> {
  const m = await findLoggedModel(deps, id);
  await update(deps, m, { status });
  return viewOf(deps, await findLoggedModel(deps, id));
}

export async function deleteLoggedModel(deps: Deps, id: string): Promise<void> {
  await update(deps, await findLoggedModel(deps, id), { deleted: 1 });
}

export async function setLoggedModelTags(deps: Deps, id: string, tags: TagIn[]): Promise<void> {
  const m = await findLoggedModel(deps, id);
  await update(deps, m, { tags: JSON.stringify({ ...m.tags, ...tagsOf(tags) }) });
}

export async function deleteLoggedModelTag(deps: Deps, id: string, key: string): Promise<void> {
  const m = await findLoggedModel(deps, id);
  if (!Object.hasOwn(m.tags, key)) throw doesNotExist(`No tag with key ${excerpt(key, 60)} found for model with ID ${excerpt(id, 64)}.`);
  delete m.tags[key];
  await update(deps, m, { tags: JSON.stringify(m.tags) });
}

export async function logLoggedModelParams(deps: Deps, id: string, params: ParamIn[]): Promise<void> {
  const m = await findLoggedModel(deps, id);
  await update(deps, m, { params: JSON.stringify(withParams(m.params, params)) });
}

// What a filter and order_by may name (MLflow's attribute names and their aliases). status
// is the short name (READY, PENDING, UPLOAD_FAILED), as the client prints it.
function attributesOf(m: ModelRow): Record<string, string | number> {
  return {
    name: m.name,
    model_id: m.id,
    model_type: m.modelType,
    status: m.status.replace("LOGGED_MODEL_", ""),
    source_run_id: m.runId,
    creation_timestamp_ms: m.createdAt,
    creation_timestamp: m.createdAt,
    creation_time: m.createdAt,
    last_updated_timestamp_ms: m.updatedAt,
    last_updated_timestamp: m.updatedAt,
  };
}
const ATTRIBUTES = [
  "name",
  "model_id",
  "model_type",
  "status",
  "source_run_id",
  "creation_timestamp_ms",
  "creation_timestamp",
  "creation_time",
  "last_updated_timestamp_ms",
  "last_updated_timestamp",
];

/** The experiments' models the filter keeps (MLflow's order: newest first unless order_by says otherwise), one page. */
export async function searchLoggedModels(deps: Deps, input: SearchLoggedModelsInput): Promise<SearchLoggedModelsView> {
  const keep = modelFilter(input.filter, ATTRIBUTES);
  const repoPks: number[] = [];
  for (const id of input.experiment_ids) {
    const pk = (await getExperiment(deps, id)).pk;
    if (pk !== null) repoPks.push(pk);
  }
  const rows = repoPks.length
    ? (
        await deps.client.execute({
          sql: `SELECT ${MODEL_COLUMNS} FROM ${MODEL_FROM} WHERE m.deleted = 0 AND m.repo_pk IN (${repoPks.map(() => "?").join(",")}) ORDER BY m.created_at DESC, m.pk DESC`,
          args: repoPks,
        })
      ).rows.map((r) => modelRow(r as unknown as Record<string, unknown>))
    : [];
  const metrics = await metricsOf(
    deps,
    rows.map((m) => m.pk),
  );
  const latest = (m: ModelRow) => Object.fromEntries((metrics.get(m.pk) ?? []).map((x) => [x.key, Number(x.value)]));
  let found = rows.filter((m) => keep({ attributes: attributesOf(m), tags: m.tags, params: m.params, metrics: latest(m) }));
  // Sorted by the last order first, each sort stable: the first order wins. A model without
  // the metric sorts last, as in MLflow.
  for (const order of [...(input.order_by ?? [])].reverse()) {
    const metric = order.field_name.startsWith("metrics.") ? order.field_name.slice("metrics.".length) : undefined;
    if (metric === undefined && !ATTRIBUTES.includes(order.field_name))
      throw invalidParameter(`Invalid order by field name: ${excerpt(order.field_name, 60)}.`);
    const field = (m: ModelRow) => (metric === undefined ? attributesOf(m)[order.field_name] : latest(m)[metric]);
    const sign = order.ascending === false ? -1 : 1;
    found = [...found].sort((a, b) => {
      const [x, y] = [field(a), field(b)];
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
      return x < y ? -sign : x > y ? sign : 0;
    });
  }
  const offset = input.page_token ? Number(decodeCursor(input.page_token, ["integer"])[0]) : 0;
  const limit = input.max_results ?? 100;
  const page = found.slice(offset, offset + limit);
  return {
    models: page.map((m) => modelView(m, metrics.get(m.pk) ?? [])),
    ...(offset + limit < found.length ? { next_page_token: encodeCursor([offset + limit]) } : {}),
  };
}

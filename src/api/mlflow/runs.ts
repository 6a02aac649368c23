// MLflow's run endpoints onto runcamp runs (the mapping is at the top of views.ts; system
// metrics take runcamp's names, system-metrics.ts). A run is named by id alone in MLflow: runs
// created here get a 32-hex id (unique everywhere); a runcamp run whose id is in several repos
// is the oldest one for MLflow.

import * as v from "valibot";
import type { Deps } from "../../deps.ts";
import { storedJson } from "../../http/params-json.ts";
import { ApiError } from "../../http/problems.ts";
import { Tag } from "../../http/schemas.ts";
import type { RunStatus } from "../../lib/run-status.ts";
import { excerpt } from "../../lib/text.ts";
import { findCampaign, lookupCampaign } from "../../runs-core/campaign-lookup.ts";
import { type RunColumns, updateRun } from "../../runs-core/run-update.ts";
import { listRunSeries, MAX_TIME_MS } from "../../series/index.ts";
import { createCampaign } from "../campaigns/service.ts";
import { listInputs } from "../inputs/service.ts";
import type { IncomingPoint } from "../metrics/parse-points.ts";
import { ingestPoints } from "../metrics/service.ts";
import { invalidParameter, runDoesNotExist } from "./errors.ts";
import { experimentRepoForWrite } from "./experiments.ts";
import { datasetInputView, listModelInputs, logMlflowInputs } from "./inputs.ts";
import { modelMetricStatements } from "./logged-model-rows.ts";
import {
  type CreateRunInput,
  type LogBatchInput,
  type LogInputsInput,
  type MetricIn,
  MLFLOW_LIMITS,
  type ParamIn,
  type RunView,
  type TagIn,
  type UpdateRunInput,
} from "./schemas.ts";
import { runcampValue, systemSeriesOfKey } from "./system-metrics.ts";
import { MLFLOW_RUN_COLUMNS, MLFLOW_RUN_FROM, paramText, type RunRow, runInfoView, runView } from "./views.ts";

const STATUS_OF: Record<string, RunStatus> = { RUNNING: "running", SCHEDULED: "running", FINISHED: "finished", FAILED: "failed", KILLED: "killed" };

/** The run MLflow names (the oldest with that id), or RESOURCE_DOES_NOT_EXIST. */
export async function findMlflowRun(deps: Deps, runId: string | undefined): Promise<RunRow> {
  if (!runId) throw invalidParameter("Missing value for required parameter 'run_id'.");
  const rs = await deps.client.execute({ sql: `SELECT ${MLFLOW_RUN_COLUMNS} FROM ${MLFLOW_RUN_FROM} WHERE r.id = ? ORDER BY r.pk LIMIT 1`, args: [runId] });
  if (!rs.rows.length) throw runDoesNotExist(runId);
  return rs.rows[0] as unknown as RunRow;
}

export async function activeRun(deps: Deps, runId: string | undefined): Promise<RunRow> {
  const row = await findMlflowRun(deps, runId);
  if (Number(row.archived)) throw invalidParameter(`The run ${row.id} must be in the 'active' state. Current state is deleted.`);
  return row;
}

export async function getMlflowRun(deps: Deps, runId: string | undefined): Promise<RunView> {
  const row = await findMlflowRun(deps, runId);
  const runPk = Number(row.pk);
  const [series, inputs, models] = await Promise.all([listRunSeries(deps.client, runPk), listInputs(deps, runPk), listModelInputs(deps, runPk)]);
  return runView(
    row,
    series.map((s) => s.summary),
    { dataset_inputs: inputs.map(datasetInputView), model_inputs: models },
  );
}

export async function logInputs(deps: Deps, input: LogInputsInput): Promise<void> {
  const row = await activeRun(deps, input.run_id ?? input.run_uuid);
  await logMlflowInputs(deps, Number(row.pk), input);
}

/** What a run's MLflow writes change, applied in one UPDATE. */
interface RunChanges {
  name?: string;
  campaignPk?: number | null;
  labels: Set<string>;
  tagValues: Record<string, string>;
  params: Record<string, unknown>;
  paramTexts: Record<string, string>;
  touched: Set<"tags" | "params">;
}

function changesOf(row: RunRow): RunChanges {
  return {
    labels: new Set(JSON.parse(String(row.tags)) as string[]),
    tagValues: row.tag_values === null ? {} : JSON.parse(String(row.tag_values)),
    params: JSON.parse(String(row.params)),
    paramTexts: row.param_texts === null ? {} : JSON.parse(String(row.param_texts)),
    touched: new Set(),
  };
}

async function saveChanges(deps: Deps, row: RunRow, changes: RunChanges): Promise<void> {
  const columns: RunColumns = {};
  if (changes.name !== undefined) columns.name = changes.name;
  if (changes.campaignPk !== undefined) columns.campaign_pk = changes.campaignPk;
  if (changes.touched.has("tags")) {
    columns.tags = JSON.stringify([...changes.labels]);
    columns.tag_values = Object.keys(changes.tagValues).length ? JSON.stringify(changes.tagValues) : null;
  }
  if (changes.touched.has("params")) {
    columns.params = storedJson(changes.params, "params", deps.config.limits);
    columns.param_texts = JSON.stringify(changes.paramTexts);
  }
  if (Object.keys(columns).length) await updateRun(deps.client, Number(row.pk), columns);
}

const isLabel = (key: string) => v.is(Tag, key);

// The campaign a runcamp.campaign tag names (by id or name), created when it does not exist.
async function campaignFor(deps: Deps, row: RunRow, ref: string): Promise<number | null> {
  if (ref === "") return null;
  const found = await lookupCampaign(deps, Number(row.repo_pk), ref);
  if (found) return found.pk;
  const id = /^[A-Za-z0-9_-]{1,64}$/.test(ref) ? ref : undefined;
  const { campaign } = await createCampaign(deps, String(row.repo), { id, name: ref });
  return (await findCampaign(deps, Number(row.repo_pk), campaign.id)).pk;
}

async function applyTag(deps: Deps, row: RunRow, changes: RunChanges, tag: TagIn): Promise<void> {
  if (tag.key === "mlflow.runName") changes.name = tag.value;
  else if (tag.key === "runcamp.campaign") changes.campaignPk = await campaignFor(deps, row, tag.value);
  else {
    changes.touched.add("tags");
    // A tag without a value is a runcamp label, when it can be one.
    if (tag.value === "" && isLabel(tag.key)) {
      changes.labels.add(tag.key);
      delete changes.tagValues[tag.key];
    } else {
      changes.labels.delete(tag.key);
      changes.tagValues[tag.key] = tag.value;
    }
  }
}

// A param's typed value: a number when the text is a decimal number (exactly representable
// integers only), true/false for Python's and JSON's spellings, else the text.
export function typedParam(text: string): unknown {
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n) && (/[.eE]/.test(text) || Number.isSafeInteger(n))) return n;
  }
  if (text === "True" || text === "true") return true;
  if (text === "False" || text === "false") return false;
  return text;
}

function applyParams(row: RunRow, changes: RunChanges, params: ParamIn[]): void {
  const seen = new Map<string, string>();
  for (const { key, value } of params) {
    const before = seen.get(key);
    if (before !== undefined && before !== value)
      throw invalidParameter(`Duplicate parameter keys have been submitted: ${excerpt(key, 60)} with different values.`);
    seen.set(key, value);
    const logged = key in changes.paramTexts ? changes.paramTexts[key] : key in changes.params ? paramText(changes.params[key]) : undefined;
    if (logged !== undefined && logged !== value)
      throw invalidParameter(
        `Changing param values is not allowed. Param with key=${excerpt(key, 60)} was already logged with another value for run ID='${row.id}'.`,
      );
    changes.params[key] = typedParam(value);
    changes.paramTexts[key] = value;
  }
  if (params.length) changes.touched.add("params");
}

function parseMetrics(metrics: MetricIn[], now: number): IncomingPoint[] {
  return metrics.map((m, i) => {
    const step = m.step ?? 0;
    if (step < 0) throw invalidParameter(`Invalid metric step at metrics[${i}]: runcamp keeps steps from 0 to 2^53-1.`);
    const timestamp = m.timestamp ?? now;
    if (timestamp < 0 || timestamp > MAX_TIME_MS)
      throw invalidParameter(`Invalid metric timestamp at metrics[${i}]: epoch milliseconds from 0 to ${MAX_TIME_MS}.`);
    const value = typeof m.value === "number" ? m.value : m.value === "NaN" ? NaN : m.value === "Infinity" ? Infinity : -Infinity;
    const system = systemSeriesOfKey(m.key);
    if (system) return { name: system.name, context: system.context, step, value: runcampValue(system, value), epoch: null, time: timestamp / 1000 };
    return { name: m.key, context: "{}", step, value, epoch: null, time: timestamp / 1000 };
  });
}

export async function createMlflowRun(deps: Deps, input: CreateRunInput): Promise<RunView> {
  const { repoPk } = await experimentRepoForWrite(deps, input.experiment_id ?? "0");
  const id = crypto.randomUUID().replaceAll("-", "");
  const tags = input.tags ?? [];
  const name = input.run_name || tags.find((t) => t.key === "mlflow.runName")?.value || `run-${id.slice(0, 8)}`;
  const now = Date.now();
  const start = input.start_time ?? now;
  if (start < 0 || start > MAX_TIME_MS) throw invalidParameter("Invalid start_time: epoch milliseconds.");
  await deps.client.execute({
    sql: `INSERT INTO runs (repo_pk, id, name, status, archived, params, tags, created_at, updated_at, last_activity_at) VALUES (?, ?, ?, 'running', 0, '{}', '[]', ?, ?, ?)`,
    args: [repoPk, id, name, start, now, now],
  });
  const row = await findMlflowRun(deps, id);
  const changes = changesOf(row);
  const all = input.user_id && !tags.some((t) => t.key === "mlflow.user") ? [...tags, { key: "mlflow.user", value: input.user_id }] : tags;
  for (const tag of all) if (tag.key !== "mlflow.runName") await applyTag(deps, row, changes, tag);
  await saveChanges(deps, row, changes);
  return getMlflowRun(deps, id);
}

export async function updateMlflowRun(deps: Deps, input: UpdateRunInput) {
  const row = await findMlflowRun(deps, input.run_id ?? input.run_uuid);
  const columns: RunColumns = {};
  if (input.run_name) columns.name = input.run_name;
  if (input.status) {
    const status = STATUS_OF[input.status];
    columns.status = status;
    columns.ended_at = status === "running" ? null : (input.end_time ?? Date.now());
  } else if (input.end_time !== undefined) {
    columns.ended_at = input.end_time;
  }
  await updateRun(deps.client, Number(row.pk), columns); // stamps updated_at even with nothing else to set
  return { run_info: runInfoView(await findMlflowRun(deps, String(row.id))) };
}

/** delete-run / restore-run: MLflow's soft delete is runcamp's archive. */
export async function setRunDeleted(deps: Deps, runId: string | undefined, deleted: boolean): Promise<void> {
  const row = await findMlflowRun(deps, runId);
  await updateRun(deps.client, Number(row.pk), { archived: deleted ? 1 : 0 });
}

export async function setRunTags(deps: Deps, runId: string | undefined, tags: TagIn[]): Promise<void> {
  const row = await activeRun(deps, runId);
  const changes = changesOf(row);
  for (const tag of tags) await applyTag(deps, row, changes, tag);
  await saveChanges(deps, row, changes);
}

export async function deleteRunTag(deps: Deps, runId: string | undefined, key: string): Promise<void> {
  const row = await activeRun(deps, runId);
  const changes = changesOf(row);
  const missing = () => new ApiError(404, "not-found", "Not found", `No tag with name: ${excerpt(key, 60)} in run with id ${row.id}`);
  if (key === "mlflow.runName") changes.name = "";
  else if (key === "runcamp.campaign") {
    if (row.campaign_id === null) throw missing();
    changes.campaignPk = null;
  } else if (changes.labels.delete(key) || key in changes.tagValues) {
    delete changes.tagValues[key];
    changes.touched.add("tags");
  } else throw missing();
  await saveChanges(deps, row, changes);
}

export async function logParams(deps: Deps, runId: string | undefined, params: ParamIn[]): Promise<void> {
  const row = await activeRun(deps, runId);
  const changes = changesOf(row);
  applyParams(row, changes, params);
  await saveChanges(deps, row, changes);
}

/** Points land as runcamp series points; a finished run keeps its status (MLflow's rule). */
export async function logMetrics(deps: Deps, runId: string | undefined, metrics: MetricIn[]): Promise<void> {
  const row = await activeRun(deps, runId);
  if (!metrics.length) return;
  const now = Date.now();
  const points = parseMetrics(metrics, now);
  // A point naming a logged model is the model's too (logged-model-rows.ts).
  const linked = await modelMetricStatements(deps, String(row.id), metrics, now);
  if (linked.length) await deps.writeLock!(() => deps.client.batch(linked, "write"));
  await ingestPoints(deps, String(row.repo), String(row.id), points, "log");
}

export async function logBatch(deps: Deps, input: LogBatchInput): Promise<void> {
  const metrics = input.metrics ?? [];
  const params = input.params ?? [];
  const tags = input.tags ?? [];
  const L = MLFLOW_LIMITS;
  if (metrics.length > L.metricsPerBatch)
    throw invalidParameter(`A batch logging request can contain at most ${L.metricsPerBatch} metrics. Got ${metrics.length} metrics.`);
  if (params.length > L.paramsPerBatch)
    throw invalidParameter(`A batch logging request can contain at most ${L.paramsPerBatch} params. Got ${params.length} params.`);
  if (tags.length > L.tagsPerBatch) throw invalidParameter(`A batch logging request can contain at most ${L.tagsPerBatch} tags. Got ${tags.length} tags.`);
  const total = metrics.length + params.length + tags.length;
  if (total > L.entitiesPerBatch)
    throw invalidParameter(`A batch logging request can contain at most ${L.entitiesPerBatch} metrics, params and tags in total. Got ${total}.`);
  // Everything is checked before anything is written. The run's params and tags are read,
  // changed and saved under the write lock; the points then go to the group committer.
  const { row, points } = await deps.writeLock!(async () => {
    const row = await activeRun(deps, input.run_id ?? input.run_uuid);
    const now = Date.now();
    const points = parseMetrics(metrics, now);
    const linked = await modelMetricStatements(deps, String(row.id), metrics, now);
    const changes = changesOf(row);
    applyParams(row, changes, params);
    for (const tag of tags) await applyTag(deps, row, changes, tag);
    await saveChanges(deps, row, changes);
    if (linked.length) await deps.client.batch(linked, "write");
    return { row, points };
  });
  if (points.length) await ingestPoints(deps, String(row.repo), String(row.id), points, "log");
}

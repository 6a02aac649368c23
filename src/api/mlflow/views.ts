// runcamp runs as MLflow runs (mlflow/protos/service.proto Run, RunInfo, RunData):
// - info: run_id = run_uuid = the run's id; run_name = its name; start_time = created_at,
//   end_time = ended_at (epoch ms); status upper-cased; lifecycle_stage "deleted" when archived;
//   user_id = the mlflow.user tag; artifact_uri = mlflow-artifacts:/<experiment>/<run>/artifacts.
// - params: each logged through MLflow as the exact string it sent (runs.param_texts); other
//   params flattened to dotted keys, strings as they are, other JSON as JSON text.
// - tags: the key/value tags, each label as a tag with value "", mlflow.runName = the name,
//   runcamp.campaign = the campaign's id.
// - metrics: each series' last point; a series with a context has the key `name{context JSON}`;
//   a system series MLflow also records has MLflow's key and unit (system-metrics.ts).
// - inputs: the run's dataset inputs (inputs.ts).
import type { SeriesSummary } from "../../series/index.ts";
import { artifactRootOf, experimentIdOf } from "./experiments.ts";
import type { MetricView, RunView } from "./schemas.ts";
import { mlflowValue, systemSeriesOfName } from "./system-metrics.ts";

// Selected by every MLflow read of a run: `r` is runs, `c` its campaign, `p` its repo.
export const MLFLOW_RUN_COLUMNS =
  "r.pk, r.id, r.repo_pk, p.name AS repo, r.name, r.status, r.archived, c.id AS campaign_id, r.params, r.param_texts, r.tags, r.tag_values, r.created_at, r.ended_at";
export const MLFLOW_RUN_FROM = "runs r JOIN repos p ON p.pk = r.repo_pk LEFT JOIN campaigns c ON c.pk = r.campaign_pk";

export type RunRow = Record<string, unknown>;

export const metricKeyOf = (name: string, context: string) => (context === "{}" ? name : `${name}${context}`);

/** A float as MLflow's JSON carries it: NaN and ±Infinity as strings. */
export const wireFloat = (x: number): number | "NaN" | "Infinity" | "-Infinity" =>
  Number.isNaN(x) ? "NaN" : x === Infinity ? "Infinity" : x === -Infinity ? "-Infinity" : x;

export function latestMetric(s: SeriesSummary): MetricView | null {
  if (s.last === null || s.lastStep === null) return null;
  const system = systemSeriesOfName(s.name, s.context);
  return {
    key: system ? system.key : metricKeyOf(s.name, s.context),
    value: wireFloat(system ? mlflowValue(system, s.last) : s.last),
    timestamp: Math.round((s.lastTime ?? 0) * 1000),
    step: s.lastStep,
  };
}

/** A param value as MLflow text. */
export function paramText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function flatParams(params: Record<string, unknown>, texts: Record<string, string>): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length) {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
    } else out.push({ key: prefix, value: paramText(value) });
  };
  for (const [key, value] of Object.entries(params)) {
    if (key in texts) out.push({ key, value: texts[key] });
    else walk(key, value);
  }
  return out;
}

export function tagsOf(row: RunRow): { key: string; value: string }[] {
  const values = row.tag_values === null ? {} : (JSON.parse(String(row.tag_values)) as Record<string, string>);
  const tags = Object.entries(values).map(([key, value]) => ({ key, value }));
  for (const label of JSON.parse(String(row.tags)) as string[]) tags.push({ key: label, value: "" });
  if (row.name !== "") tags.push({ key: "mlflow.runName", value: String(row.name) });
  if (row.campaign_id !== null) tags.push({ key: "runcamp.campaign", value: String(row.campaign_id) });
  return tags;
}

export function runInfoView(row: RunRow) {
  const experimentId = experimentIdOf(String(row.repo), Number(row.repo_pk));
  const id = String(row.id);
  const values = row.tag_values === null ? {} : (JSON.parse(String(row.tag_values)) as Record<string, string>);
  return {
    run_id: id,
    run_uuid: id,
    run_name: String(row.name),
    experiment_id: experimentId,
    user_id: values["mlflow.user"] ?? "",
    status: String(row.status).toUpperCase() as RunView["info"]["status"],
    start_time: Number(row.created_at),
    ...(row.ended_at === null ? {} : { end_time: Number(row.ended_at) }),
    artifact_uri: `${artifactRootOf(experimentId)}/${id}/artifacts`,
    lifecycle_stage: Number(row.archived) ? ("deleted" as const) : ("active" as const),
  };
}

export function runView(row: RunRow, series: SeriesSummary[], inputs: RunView["inputs"]): RunView {
  const texts = row.param_texts === null ? {} : (JSON.parse(String(row.param_texts)) as Record<string, string>);
  return {
    info: runInfoView(row),
    data: {
      metrics: series.map(latestMetric).filter((m): m is MetricView => m !== null),
      params: flatParams(JSON.parse(String(row.params)), texts),
      tags: tagsOf(row),
    },
    inputs,
  };
}

// A run as the API shows it (the OpenAPI component `Run`) and the row it is read from: the
// runs resource, the campaigns' run lists and the liveness routes all answer with it.
import * as v from "valibot";
import { freeTextRule, JsonObject, nameRule, Status, StrictObject } from "../http/schemas.ts";
import { PARENT_TAG } from "../lib/parent-tag.ts";
import type { RunStatus } from "../lib/run-status.ts";
import { iso, isoOrNull } from "../lib/time.ts";
import { livenessOf } from "./liveness.ts";

const failureDescription = "Why the run failed, as the SDK saw it: the uncaught exception's type and message";
const failureFields = {
  type: v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(255, "must be at most 255 characters"), ...nameRule),
  message: v.pipe(v.string(), v.maxLength(4096, "must be at most 4,096 characters"), ...freeTextRule),
};
/** A run's failure as PATCH takes it (null clears it). */
export const RunFailureInput = v.pipe(v.nullable(StrictObject(failureFields)), v.description(`${failureDescription}; null clears it`));
export const RunFailure = v.pipe(v.object(failureFields), v.metadata({ ref: "RunFailure" }));
export type RunFailure = v.InferOutput<typeof RunFailure>;

export const RunView = v.pipe(
  v.object({
    id: v.string(),
    repo: v.string(),
    name: v.string(),
    experiment: v.string(),
    description: v.string(),
    status: Status,
    archived: v.boolean(),
    campaign: v.nullable(v.string()),
    params: JsonObject,
    tags: v.pipe(v.array(v.string()), v.description("Labels: a tag is present or absent")),
    tag_values: v.pipe(
      v.record(v.string(), v.string()),
      v.description("Key/value tags, as the MLflow dialect received them (mlflow.user, team: eco…); {} for runs logged through /v1"),
    ),
    parent: v.pipe(
      v.nullable(v.string()),
      v.description("The id of the run this one is nested in (MLflow's nested runs: the mlflow.parentRunId tag), null for a top-level run"),
    ),
    provenance: v.nullable(JsonObject),
    created_at: v.string(),
    updated_at: v.string(),
    ended_at: v.nullable(v.string()),
    failure: v.pipe(v.nullable(RunFailure), v.description(`${failureDescription} (null when none was reported)`)),
    last_activity_at: v.pipe(v.string(), v.description("The run's last sign of life: ingest, values, logs, create/resume or an SDK heartbeat")),
    stale: v.pipe(
      v.boolean(),
      v.description("Running, but silent for longer than the server's staleness time (RUNCAMP_STALE_AFTER_SECONDS): its process most likely died"),
    ),
  }),
  v.metadata({ ref: "Run" }),
);
export type RunView = v.InferOutput<typeof RunView>;

// The columns every run read selects; `r` is runs, `c` its campaign (left-joined).
export const RUN_COLUMNS =
  "r.pk, r.id, r.name, r.experiment, r.description, r.status, r.archived, c.id AS campaign_id, r.params, r.tags, r.tag_values, r.provenance, r.created_at, r.updated_at, r.ended_at, r.failure, r.last_activity_at";
export const RUN_FROM = "runs r LEFT JOIN campaigns c ON c.pk = r.campaign_pk";

/** A run row as the API shows it; `staleBefore` (liveness.ts) judges `stale`. */
export function runView(repo: string, row: Record<string, unknown>, staleBefore: number): RunView {
  const liveness = livenessOf(row, staleBefore);
  const tagValues: Record<string, string> = row.tag_values === null ? {} : JSON.parse(String(row.tag_values));
  return {
    id: String(row.id),
    repo,
    name: String(row.name),
    experiment: String(row.experiment),
    description: String(row.description),
    status: row.status as RunStatus,
    archived: Boolean(Number(row.archived)),
    campaign: row.campaign_id === null ? null : String(row.campaign_id),
    params: JSON.parse(String(row.params)),
    tags: JSON.parse(String(row.tags)),
    tag_values: tagValues,
    parent: tagValues[PARENT_TAG] ?? null,
    provenance: row.provenance === null ? null : JSON.parse(String(row.provenance)),
    created_at: iso(Number(row.created_at)),
    updated_at: iso(Number(row.updated_at)),
    ended_at: isoOrNull(row.ended_at === null ? null : Number(row.ended_at)),
    failure: row.failure === null || row.failure === undefined ? null : JSON.parse(String(row.failure)),
    last_activity_at: iso(liveness.lastActivityAt),
    stale: liveness.stale,
  };
}

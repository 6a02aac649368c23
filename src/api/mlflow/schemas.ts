// The MLflow REST dialect's requests and answers (mlflow/protos/service.proto, as the mlflow
// 3.x client sends and reads them; tools/mlflow/record.py shows the calls). Requests are
// read loosely, like protobuf JSON: unknown fields are ignored, an int64 may come as a number
// or a decimal string. Answers carry int64 as JSON numbers. These routes are not in
// openapi.yaml (see docs/mlflow.md), but each answer's shape is declared once
// here and the services return its InferOutput.
import * as v from "valibot";
import { freeTextRule, Name, nameRule, ShortText } from "../../http/schemas.ts";
import { INPUT_LIMITS, InputDigest, InputName, InputText } from "../inputs/schemas.ts";

/** MLflow's limits (mlflow/utils/validation.py). */
export const MLFLOW_LIMITS = {
  metricsPerBatch: 1000,
  paramsPerBatch: 100,
  tagsPerBatch: 100,
  entitiesPerBatch: 1000,
  keyLength: 250,
  paramValueLength: 6000,
  tagValueLength: 8000,
  maxResults: 50000,
  experimentNameLength: 500,
} as const;

export const Int64 = v.union([v.pipe(v.number(), v.safeInteger()), v.pipe(v.string(), v.regex(/^-?\d{1,16}$/), v.transform(Number), v.safeInteger())]);
// Names, keys and free text take runcamp's rules (src/http/schemas.ts) with MLflow's lengths:
// what the dialect stores, /v1 reads, and a NUL or a lone surrogate /v1 refuses must not
// come in through here.
export const Key = v.pipe(
  v.string(),
  v.minLength(1, "must not be empty"),
  v.maxLength(MLFLOW_LIMITS.keyLength, `must be at most ${MLFLOW_LIMITS.keyLength} characters`),
  ...nameRule,
);
export const Id = v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(256, "must be at most 256 characters"));
const Stringish = v.union([v.string(), v.pipe(v.number(), v.transform(String)), v.pipe(v.boolean(), v.transform(String))]);
// The client sends run_uuid beside run_id (legacy); either names the run.
const RunRef = { run_id: v.optional(Id), run_uuid: v.optional(Id) };
export const list = <S extends v.GenericSchema>(item: S) =>
  v.optional(
    v.union([
      v.array(item),
      v.pipe(
        item,
        v.transform((x) => [x]),
      ),
    ]),
  );

export const MetricValue = v.union([v.number(), v.picklist(["NaN", "Infinity", "-Infinity", "nan", "inf", "-inf"])]);
// model_id links the point to a logged model too (logged-models.ts); the dataset names the
// data it was measured on.
const MetricIn = v.object({
  key: Key,
  value: MetricValue,
  timestamp: v.optional(Int64),
  step: v.optional(Int64),
  model_id: v.optional(Id),
  dataset_name: v.optional(v.pipe(v.string(), ...freeTextRule)),
  dataset_digest: v.optional(v.pipe(v.string(), ...freeTextRule)),
});
export type MetricIn = v.InferOutput<typeof MetricIn>;
export const ParamIn = v.object({
  key: Key,
  value: v.pipe(Stringish, v.maxLength(MLFLOW_LIMITS.paramValueLength, `must be at most ${MLFLOW_LIMITS.paramValueLength} characters`)),
});
export type ParamIn = v.InferOutput<typeof ParamIn>;
export const TagIn = v.object({
  key: Key,
  value: v.pipe(Stringish, v.maxLength(MLFLOW_LIMITS.tagValueLength, `must be at most ${MLFLOW_LIMITS.tagValueLength} characters`), ...freeTextRule),
});
export type TagIn = v.InferOutput<typeof TagIn>;
// A run's tags whose values become runcamp fields take those fields' rules: mlflow.runName is
// the run's name, runcamp.campaign names its campaign ("" for none).
const RunTagValue: Record<string, v.GenericSchema> = { "mlflow.runName": ShortText, "runcamp.campaign": v.union([v.literal(""), Name]) };
const runTagValue = v.check(
  (tag: TagIn) => !Object.hasOwn(RunTagValue, tag.key) || v.is(RunTagValue[tag.key], tag.value),
  "is not a valid run name or campaign for this tag",
);
const RunTagIn = v.pipe(TagIn, v.forward(runTagValue, ["value"]));

export const RUN_STATUSES_MLFLOW = ["RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"] as const;
export const VIEW_TYPES = ["ACTIVE_ONLY", "DELETED_ONLY", "ALL"] as const;

export const CreateExperiment = v.object({
  name: v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(MLFLOW_LIMITS.experimentNameLength, "is too long"), ...nameRule),
  artifact_location: v.optional(v.string()),
  tags: v.optional(v.array(TagIn)),
});
export const ExperimentRef = v.object({ experiment_id: Id });
export const ExperimentByName = v.object({ experiment_name: v.pipe(v.string(), v.minLength(1, "must not be empty")) });
export const UpdateExperiment = v.object({ experiment_id: Id, new_name: CreateExperiment.entries.name });
export const SetExperimentTag = v.object({ experiment_id: Id, ...TagIn.entries });
export const SearchExperiments = v.object({
  max_results: v.optional(v.pipe(Int64, v.minValue(1), v.maxValue(MLFLOW_LIMITS.maxResults))),
  page_token: v.optional(v.string()),
  filter: v.optional(v.string()),
  order_by: list(v.string()),
  view_type: v.optional(v.picklist(VIEW_TYPES)),
});

export const CreateRun = v.object({
  experiment_id: v.optional(Id),
  user_id: v.optional(v.string()),
  run_name: v.optional(ShortText),
  start_time: v.optional(Int64),
  tags: v.optional(v.array(RunTagIn)),
});
export type CreateRunInput = v.InferOutput<typeof CreateRun>;
export const RunOnly = v.object(RunRef);
export const UpdateRun = v.object({
  ...RunRef,
  status: v.optional(v.picklist(RUN_STATUSES_MLFLOW)),
  end_time: v.optional(Int64),
  run_name: v.optional(ShortText),
});
export type UpdateRunInput = v.InferOutput<typeof UpdateRun>;
export const LogMetric = v.object({ ...RunRef, ...MetricIn.entries });
export const LogParam = v.object({ ...RunRef, ...ParamIn.entries });
const RunTagFields = v.object({ ...RunRef, ...TagIn.entries });
// Typed explicitly: inferred from the check, the pipe's output would narrow to TagIn.
export const SetTag = v.pipe(RunTagFields, v.forward<v.InferOutput<typeof RunTagFields>, v.CheckIssue<TagIn>, ["value"]>(runTagValue, ["value"]));
export const DeleteTag = v.object({ ...RunRef, key: Key });
// Sizes are checked by the service, so the error says MLflow's words ("at most 1000 metrics").
export const LogBatch = v.object({
  ...RunRef,
  metrics: v.optional(v.array(MetricIn)),
  params: v.optional(v.array(ParamIn)),
  tags: v.optional(v.array(RunTagIn)),
});
export type LogBatchInput = v.InferOutput<typeof LogBatch>;
// A dataset as service.proto's Dataset; runcamp's own limits for it are MLflow's (../inputs/schemas.ts).
const DatasetIn = v.object({
  name: InputName,
  digest: InputDigest,
  source_type: InputText(INPUT_LIMITS.sourceType),
  source: InputText(INPUT_LIMITS.source),
  schema: v.optional(InputText(INPUT_LIMITS.schema)),
  profile: v.optional(InputText(INPUT_LIMITS.profile)),
});
const InputTagIn = v.object({
  key: v.pipe(
    v.string(),
    v.minLength(1, "must not be empty"),
    v.maxLength(INPUT_LIMITS.tagKey, `must be at most ${INPUT_LIMITS.tagKey} characters`),
    ...nameRule,
  ),
  value: InputText(INPUT_LIMITS.tagValue),
});
const DatasetInputIn = v.object({ tags: v.optional(v.array(InputTagIn)), dataset: DatasetIn });
export const LogInputs = v.object({
  ...RunRef,
  datasets: v.optional(v.pipe(v.array(DatasetInputIn), v.maxLength(INPUT_LIMITS.perRequest, `at most ${INPUT_LIMITS.perRequest} datasets`))),
  models: v.optional(v.pipe(v.array(v.object({ model_id: Id })), v.maxLength(INPUT_LIMITS.perRequest, `at most ${INPUT_LIMITS.perRequest} models`))),
});
export type LogInputsInput = v.InferOutput<typeof LogInputs>;

export const SearchRuns = v.object({
  experiment_ids: list(Id),
  filter: v.optional(v.string()),
  run_view_type: v.optional(v.picklist(VIEW_TYPES)),
  max_results: v.optional(v.pipe(Int64, v.minValue(1), v.maxValue(MLFLOW_LIMITS.maxResults))),
  order_by: list(v.string()),
  page_token: v.optional(v.string()),
});
export type SearchRunsInput = v.InferOutput<typeof SearchRuns>;

export const GetHistory = v.object({
  ...RunRef,
  metric_key: Key,
  page_token: v.optional(v.string()),
  max_results: v.optional(v.pipe(Int64, v.minValue(1), v.maxValue(100000))),
});
export const GetHistoryBulkInterval = v.object({
  run_ids: v.pipe(
    list(Id),
    v.check((x) => !!x?.length, "must name at least one run"),
    v.check((x) => (x?.length ?? 0) <= 100, "at most 100 runs"),
  ),
  metric_key: Key,
  start_step: v.optional(v.pipe(Int64, v.minValue(0))),
  end_step: v.optional(v.pipe(Int64, v.minValue(0))),
  max_results: v.optional(v.pipe(Int64, v.minValue(1), v.maxValue(2500))),
});
export const ListArtifacts = v.object({ path: v.optional(v.string()) });
const LocalPath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));
const UploadId = v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "not an upload id runcamp gave"));
export const CreateMultipart = v.object({ path: LocalPath, num_parts: v.pipe(v.number(), v.integer()) });
export const CompleteMultipart = v.object({
  path: LocalPath,
  upload_id: UploadId,
  parts: v.pipe(
    v.array(v.object({ part_number: v.pipe(v.number(), v.integer()), etag: v.pipe(v.string(), v.maxLength(256)) })),
    v.minLength(1),
    v.maxLength(10_000),
  ),
});
export const AbortMultipart = v.object({ path: LocalPath, upload_id: UploadId });

// What the routes answer.

export const KeyValue = v.object({ key: v.string(), value: v.string() });
export const ExperimentView = v.object({
  experiment_id: v.string(),
  name: v.string(),
  artifact_location: v.string(),
  lifecycle_stage: v.picklist(["active", "deleted"]),
  creation_time: v.number(),
  last_update_time: v.number(),
  tags: v.array(KeyValue),
});
export type ExperimentView = v.InferOutput<typeof ExperimentView>;

const WireMetricValue = v.union([v.number(), v.picklist(["NaN", "Infinity", "-Infinity"])]);
export const MetricView = v.object({ key: v.string(), value: WireMetricValue, timestamp: v.number(), step: v.number() });
export type MetricView = v.InferOutput<typeof MetricView>;
export const RunInfoView = v.object({
  run_id: v.string(),
  run_uuid: v.string(),
  run_name: v.string(),
  experiment_id: v.string(),
  user_id: v.string(),
  status: v.picklist(RUN_STATUSES_MLFLOW),
  start_time: v.number(),
  end_time: v.optional(v.number()),
  artifact_uri: v.string(),
  lifecycle_stage: v.picklist(["active", "deleted"]),
});
export type RunInfoView = v.InferOutput<typeof RunInfoView>;
export const DatasetInputView = v.object({
  tags: v.array(KeyValue),
  dataset: v.object({
    name: v.string(),
    digest: v.string(),
    source_type: v.string(),
    source: v.string(),
    schema: v.optional(v.string()),
    profile: v.optional(v.string()),
  }),
});
export type DatasetInputView = v.InferOutput<typeof DatasetInputView>;
export const RunView = v.object({
  info: RunInfoView,
  data: v.object({ metrics: v.array(MetricView), params: v.array(KeyValue), tags: v.array(KeyValue) }),
  // model_inputs only on get-run, as the MLflow server answers.
  inputs: v.object({ dataset_inputs: v.array(DatasetInputView), model_inputs: v.optional(v.array(v.object({ model_id: v.string() }))) }),
});
export type RunView = v.InferOutput<typeof RunView>;
export const SearchRunsView = v.object({ runs: v.array(RunView), next_page_token: v.optional(v.string()) });
export type SearchRunsView = v.InferOutput<typeof SearchRunsView>;
export const SearchExperimentsView = v.object({ experiments: v.array(ExperimentView), next_page_token: v.optional(v.string()) });
export type SearchExperimentsView = v.InferOutput<typeof SearchExperimentsView>;
export const HistoryView = v.object({ metrics: v.array(MetricView), next_page_token: v.optional(v.string()) });
export type HistoryView = v.InferOutput<typeof HistoryView>;
export const BulkHistoryView = v.object({ metrics: v.array(v.object({ ...MetricView.entries, run_id: v.string() })) });
export type BulkHistoryView = v.InferOutput<typeof BulkHistoryView>;
export const FileInfoView = v.object({ path: v.string(), is_dir: v.boolean(), file_size: v.optional(v.number()) });
export const ListArtifactsView = v.object({ files: v.array(FileInfoView) });
export type ListArtifactsView = v.InferOutput<typeof ListArtifactsView>;

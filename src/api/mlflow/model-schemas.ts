// The requests and answers of MLflow 3's logged models and of the model registry
// (mlflow/protos/service.proto LoggedModel*, model_registry.proto), read loosely like the
// rest of the dialect (schemas.ts): unknown fields are ignored, int64 may come as text.
// Answers leave out empty lists and unset fields, as MLflow's protobuf JSON does.
import * as v from "valibot";
import { freeTextRule, nameRule } from "../../http/schemas.ts";
import { Id, Int64, Key, KeyValue, list, ParamIn, TagIn } from "./schemas.ts";

export const LOGGED_MODEL_STATUSES = ["LOGGED_MODEL_PENDING", "LOGGED_MODEL_READY", "LOGGED_MODEL_UPLOAD_FAILED"] as const;
export type LoggedModelStatus = (typeof LOGGED_MODEL_STATUSES)[number];
// MLflow's stages; "None" is a version without one.
export const STAGES = ["None", "Staging", "Production", "Archived"] as const;

// MLflow's rule for a logged model's name (mlflow/utils/validation.py), so the name can sit
// in a models:/ URI and a filter string.
const LoggedModelName = v.pipe(
  v.string(),
  v.minLength(1, "must not be empty"),
  v.maxLength(500, "must be at most 500 characters"),
  v.regex(/^[^/:.%"']*$/, `must not contain / : . % " or '`),
  ...nameRule,
);
const FreeText = v.pipe(v.string(), v.maxLength(65536, "must be at most 65,536 characters"), ...freeTextRule);

export const CreateLoggedModel = v.object({
  experiment_id: Id,
  name: v.optional(v.union([v.literal(""), LoggedModelName])),
  model_type: v.optional(v.pipe(v.string(), v.maxLength(500, "must be at most 500 characters"), ...nameRule)),
  source_run_id: v.optional(Id),
  params: v.optional(v.array(ParamIn)),
  tags: v.optional(v.array(TagIn)),
});
export type CreateLoggedModelInput = v.InferOutput<typeof CreateLoggedModel>;
export const LoggedModelParams = v.object({ params: v.optional(v.array(ParamIn)) });
export const LoggedModelTags = v.object({ tags: v.optional(v.array(TagIn)) });
export const GetLoggedModel = v.object({ allow_deleted: v.optional(v.picklist(["true", "false", "True", "False"])) });
// The status as the enum's name or its number (protobuf JSON takes both).
export const FinalizeLoggedModel = v.object({
  status: v.union([
    v.picklist(LOGGED_MODEL_STATUSES),
    v.pipe(
      v.picklist([1, 2, 3]),
      v.transform((n) => LOGGED_MODEL_STATUSES[n - 1]),
    ),
  ]),
});
const OrderBy = v.object({ field_name: v.pipe(v.string(), v.minLength(1, "must not be empty")), ascending: v.optional(v.boolean()) });
export const SearchLoggedModels = v.object({
  experiment_ids: v.pipe(v.array(Id), v.minLength(1, "must name at least one experiment")),
  filter: v.optional(v.string()),
  max_results: v.optional(v.pipe(Int64, v.minValue(1), v.maxValue(1000))),
  order_by: v.optional(v.array(OrderBy)),
  page_token: v.optional(v.string()),
});
export type SearchLoggedModelsInput = v.InferOutput<typeof SearchLoggedModels>;

const LoggedModelMetric = v.object({
  key: v.string(),
  value: v.union([v.number(), v.picklist(["NaN", "Infinity", "-Infinity"])]),
  timestamp: v.number(),
  step: v.number(),
  model_id: v.string(),
  run_id: v.string(),
  dataset_name: v.optional(v.string()),
  dataset_digest: v.optional(v.string()),
});
export type LoggedModelMetric = v.InferOutput<typeof LoggedModelMetric>;
export const LoggedModelView = v.object({
  info: v.object({
    model_id: v.string(),
    experiment_id: v.string(),
    name: v.string(),
    creation_timestamp_ms: v.number(),
    last_updated_timestamp_ms: v.number(),
    artifact_uri: v.string(),
    status: v.picklist(LOGGED_MODEL_STATUSES),
    model_type: v.string(),
    source_run_id: v.string(),
    tags: v.optional(v.array(KeyValue)),
  }),
  data: v.object({ params: v.optional(v.array(KeyValue)), metrics: v.optional(v.array(LoggedModelMetric)) }),
});
export type LoggedModelView = v.InferOutput<typeof LoggedModelView>;
export const SearchLoggedModelsView = v.object({ models: v.array(LoggedModelView), next_page_token: v.optional(v.string()) });
export type SearchLoggedModelsView = v.InferOutput<typeof SearchLoggedModelsView>;

// The registry. A registered model's name is a key (MLflow's 250 characters); a version
// number comes as text or a number.

// MLflow's rule (mlflow/utils/validation.py): no "/" or ":" (a name sits in models:/<name>/<version>).
const ModelName = v.pipe(
  Key,
  v.regex(/^[^/:]*$/, "must not contain '/' or ':'"),
  v.check((n) => n.trim() !== "", "must not be blank"),
);
const Version = v.pipe(
  v.union([v.pipe(v.string(), v.regex(/^\d{1,9}$/, "must be a version number")), v.pipe(v.number(), v.safeInteger(), v.minValue(1))]),
  v.transform(Number),
);
// MLflow's rule for aliases (mlflow/utils/validation.py): not "latest", not v<number> (those
// name versions in models:/ URIs).
const Alias = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,255}$/, "must be 1-255 characters of A-Z, a-z, 0-9, '_' or '-'"),
  v.check((a) => a.toLowerCase() !== "latest" && !/^v\d+$/i.test(a), "must not be 'latest' or 'v<number>' (reserved)"),
);

export const CreateRegisteredModel = v.object({ name: ModelName, tags: v.optional(v.array(TagIn)), description: v.optional(FreeText) });
export const RegisteredModelRef = v.object({ name: ModelName });
export const RenameRegisteredModel = v.object({ name: ModelName, new_name: ModelName });
export const UpdateRegisteredModel = v.object({ name: ModelName, description: v.optional(FreeText) });
export const RegisteredModelTag = v.object({ name: ModelName, ...TagIn.entries });
export const RegisteredModelTagRef = v.object({ name: ModelName, key: Key });
export const SearchRegistry = v.object({
  filter: v.optional(v.string()),
  max_results: v.optional(v.pipe(Int64, v.minValue(1), v.maxValue(200000))),
  order_by: list(v.string()),
  page_token: v.optional(v.string()),
});
export type SearchRegistryInput = v.InferOutput<typeof SearchRegistry>;
export const LatestVersions = v.object({ name: ModelName, stages: list(v.string()) });
export const CreateModelVersion = v.object({
  name: ModelName,
  source: v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(500, "must be at most 500 characters"), ...nameRule),
  run_id: v.optional(Id),
  model_id: v.optional(Id),
  tags: v.optional(v.array(TagIn)),
  description: v.optional(FreeText),
});
export type CreateModelVersionInput = v.InferOutput<typeof CreateModelVersion>;
export const ModelVersionRef = v.object({ name: ModelName, version: Version });
export const UpdateModelVersion = v.object({ name: ModelName, version: Version, description: v.optional(FreeText) });
export const TransitionStage = v.object({
  name: ModelName,
  version: Version,
  stage: v.string(),
  archive_existing_versions: v.optional(
    v.union([
      v.boolean(),
      v.pipe(
        v.picklist(["true", "false"]),
        v.transform((x) => x === "true"),
      ),
    ]),
  ),
});
export const ModelVersionTag = v.object({ name: ModelName, version: Version, ...TagIn.entries });
export const ModelVersionTagRef = v.object({ name: ModelName, version: Version, key: Key });
export const SetAlias = v.object({ name: ModelName, alias: Alias, version: Version });
export const AliasRef = v.object({ name: ModelName, alias: Alias });

export const ModelVersionView = v.object({
  name: v.string(),
  version: v.string(),
  creation_timestamp: v.number(),
  last_updated_timestamp: v.number(),
  current_stage: v.string(),
  description: v.string(),
  source: v.string(),
  run_id: v.string(),
  status: v.literal("READY"),
  run_link: v.string(),
  tags: v.optional(v.array(KeyValue)),
  aliases: v.optional(v.array(v.string())),
});
export type ModelVersionView = v.InferOutput<typeof ModelVersionView>;
export const RegisteredModelView = v.object({
  name: v.string(),
  creation_timestamp: v.number(),
  last_updated_timestamp: v.number(),
  description: v.optional(v.string()),
  latest_versions: v.optional(v.array(ModelVersionView)),
  tags: v.optional(v.array(KeyValue)),
  aliases: v.optional(v.array(v.object({ alias: v.string(), version: v.string() }))),
});
export type RegisteredModelView = v.InferOutput<typeof RegisteredModelView>;

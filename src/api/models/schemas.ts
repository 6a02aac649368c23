// /v1's read-only view of the models MLflow clients log (src/api/mlflow/logged-models.ts and
// registry.ts keep them): a repo's logged models, each with its run, and the registered
// models that have a version from one of the repo's runs.
import * as v from "valibot";
import { PageQuery, ResourceId, WireNumber } from "../../http/schemas.ts";

export const ListLoggedModelsQuery = v.object({
  ...PageQuery.entries,
  run: v.optional(v.pipe(ResourceId, v.description("Only the models this run logged"))),
});

const Pairs = v.record(v.string(), v.string());
export const LoggedModelInfo = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.description("MLflow's model id, m-<32 hex>; models:/<id> loads it")),
    name: v.string(),
    run: v.pipe(v.string(), v.description("The run that logged it")),
    status: v.picklist(["pending", "ready", "failed"]),
    model_type: v.string(),
    created_at: v.string(),
    updated_at: v.string(),
    tags: Pairs,
    params: Pairs,
    metrics: v.array(
      v.object({
        name: v.string(),
        value: WireNumber,
        step: v.number(),
        dataset: v.nullable(v.pipe(v.string(), v.description("The dataset it was measured on"))),
      }),
    ),
    files: v.pipe(v.string(), v.description("The folder of the run's artifacts holding the model's files")),
    versions: v.array(v.object({ name: v.string(), version: v.number() })),
  }),
  v.metadata({ ref: "LoggedModel" }),
);
export type LoggedModelInfo = v.InferOutput<typeof LoggedModelInfo>;

export const ModelVersionInfo = v.object({
  version: v.number(),
  stage: v.string(),
  description: v.string(),
  source: v.string(),
  run: v.nullable(v.object({ repo: v.string(), id: v.string() })),
  logged_model: v.nullable(v.string()),
  aliases: v.array(v.string()),
  tags: Pairs,
  created_at: v.string(),
});
export const RegisteredModelInfo = v.pipe(
  v.object({
    name: v.string(),
    description: v.string(),
    tags: Pairs,
    aliases: v.pipe(v.record(v.string(), v.number()), v.description("Alias → version")),
    created_at: v.string(),
    updated_at: v.string(),
    versions: v.pipe(v.array(ModelVersionInfo), v.description("Every version, newest first, from any repo")),
  }),
  v.metadata({ ref: "RegisteredModel" }),
);
export type RegisteredModelInfo = v.InferOutput<typeof RegisteredModelInfo>;

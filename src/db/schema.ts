// The drizzle schema: the single source for migrations (drizzle-kit generate).
// Times are integer milliseconds since the Unix epoch; the API renders them as ISO strings.
// Internal integer keys (`pk`) join tables; public ids are the (repo, id) pairs in URLs.
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { RUN_STATUSES } from "../lib/run-status.ts";
import { TOKEN_SCOPES } from "../lib/scopes.ts";

export const repos = sqliteTable("repos", {
  pk: integer("pk").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  createdAt: integer("created_at").notNull(),
});

export const campaigns = sqliteTable(
  "campaigns",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    repoPk: integer("repo_pk")
      .notNull()
      .references(() => repos.pk, { onDelete: "cascade" }),
    id: text("id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    params: text("params").notNull().default("{}"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("campaigns_repo_id").on(t.repoPk, t.id), uniqueIndex("campaigns_repo_name").on(t.repoPk, t.name)],
);

export const runs = sqliteTable(
  "runs",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    repoPk: integer("repo_pk")
      .notNull()
      .references(() => repos.pk, { onDelete: "cascade" }),
    id: text("id").notNull(),
    name: text("name").notNull().default(""),
    experiment: text("experiment").notNull().default(""),
    description: text("description").notNull().default(""),
    status: text("status", { enum: RUN_STATUSES }).notNull().default("running"),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    campaignPk: integer("campaign_pk").references(() => campaigns.pk, { onDelete: "set null" }),
    params: text("params").notNull().default("{}"),
    tags: text("tags").notNull().default("[]"),
    provenance: text("provenance"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    endedAt: integer("ended_at"),
    // The run's last sign of life: ingest, values, logs, create/resume, SDK heartbeat (see
    // src/api/runs/liveness.ts). NULL for runs older than the column: updated_at stands in.
    lastActivityAt: integer("last_activity_at"),
    // Params logged through the MLflow dialect, as the exact strings it sent (JSON object,
    // key -> text): `params` holds them typed (so `params.lr > 1e-3` works), this reads them
    // back as logged. NULL: none. See docs/mlflow.md.
    paramTexts: text("param_texts"),
    // Key/value tags (MLflow's), losslessly: JSON object key -> value. `tags` keeps the labels.
    tagValues: text("tag_values"),
    // Why the run failed, as the SDK saw it: JSON {"type", "message"} of the uncaught exception.
    // NULL: none reported.
    failure: text("failure"),
    // UTF-8 bytes of text the run's logs hold (run_logs), kept by each append for its limit.
    logBytes: integer("log_bytes").notNull().default(0),
  },
  (t) => [
    uniqueIndex("runs_repo_id").on(t.repoPk, t.id),
    index("runs_repo_created").on(t.repoPk, t.createdAt, t.pk),
    index("runs_campaign").on(t.campaignPk),
    // MLflow names a run by id alone, without its experiment.
    index("runs_id").on(t.id),
  ],
);

// What the MLflow dialect knows of a repo beyond the repo itself (src/api/mlflow/): its
// experiment name when that is not the repo's name, lifecycle stage and experiment tags.
// A repo without a row is an active experiment named like the repo.
export const mlflowExperiments = sqliteTable("mlflow_experiments", {
  repoPk: integer("repo_pk")
    .primaryKey()
    .references(() => repos.pk, { onDelete: "cascade" }),
  name: text("name").notNull().unique(),
  lifecycleStage: text("lifecycle_stage", { enum: ["active", "deleted"] })
    .notNull()
    .default("active"),
  tags: text("tags").notNull().default("{}"),
  updatedAt: integer("updated_at").notNull(),
});

// One result per (run, name, context). `value` is JSON text: a scalar or a small object.
export const runValues = sqliteTable(
  "run_values",
  {
    runPk: integer("run_pk")
      .notNull()
      .references(() => runs.pk, { onDelete: "cascade" }),
    name: text("name").notNull(),
    context: text("context").notNull().default("{}"),
    value: text("value").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runPk, t.name, t.context] })],
);

// A dataset a run trained or evaluated on (MLflow's log_input, the SDK's run.log_input), kept
// once per (run, name, digest) as MLflow keeps it: the first logging wins. `source`,
// `schema` and `profile` are the text the client sent (MLflow: JSON text); `context` is the
// mlflow.data.context input tag (train, eval, ...), `tags` the other input tags (JSON object).
export const runInputs = sqliteTable(
  "run_inputs",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    runPk: integer("run_pk")
      .notNull()
      .references(() => runs.pk, { onDelete: "cascade" }),
    name: text("name").notNull(),
    digest: text("digest").notNull(),
    sourceType: text("source_type").notNull().default(""),
    source: text("source").notNull().default(""),
    schema: text("schema"),
    profile: text("profile"),
    context: text("context"),
    tags: text("tags").notNull().default("{}"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("run_inputs_run_name_digest").on(t.runPk, t.name, t.digest)],
);

// MLflow 3's model inputs of a run (log-inputs' `models`: the logged models a run used), by
// model id: kept so get-run gives them back; runcamp does not model the models themselves.
export const runModelInputs = sqliteTable(
  "run_model_inputs",
  {
    runPk: integer("run_pk")
      .notNull()
      .references(() => runs.pk, { onDelete: "cascade" }),
    modelId: text("model_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runPk, t.modelId] })],
);

// A run's captured output (stdout, stderr), one row per line as the client numbered it (seq
// 0, 1, 2, ... in order): a re-sent line keeps the stored one. `time` is epoch seconds, like
// points' time; `text` is the line without its newline.
export const runLogs = sqliteTable(
  "run_logs",
  {
    runPk: integer("run_pk")
      .notNull()
      .references(() => runs.pk, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    stream: text("stream", { enum: ["stdout", "stderr"] }).notNull(),
    time: real("time").notNull(),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runPk, t.seq] })],
);

// Non-finite floats never reach a REAL column: SQLite turns NaN into NULL and libSQL's HTTP
// protocol (JSON) cannot carry ±Infinity. REAL columns hold NaN as NULL and ±Infinity clamped
// to ±Number.MAX_VALUE (so SQL comparisons still order them right); `flags` records which
// values were non-finite (and a last value of -0, which a REAL column stores as 0) so reads
// restore them exactly (see src/series/codec/float-columns.ts).

// A metric series and the summary kept current on every ingest. min/max ignore NaN
// (null when every point is NaN).
export const series = sqliteTable(
  "series",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    runPk: integer("run_pk")
      .notNull()
      .references(() => runs.pk, { onDelete: "cascade" }),
    name: text("name").notNull(),
    context: text("context").notNull().default("{}"),
    count: integer("count").notNull().default(0),
    firstStep: integer("first_step"),
    lastStep: integer("last_step"),
    lastValue: real("last_value"),
    flags: integer("flags").notNull().default(0),
    min: real("min"),
    max: real("max"),
    lastTime: real("last_time"),
    // Bumped by every write; readers compare it to decide whether cached blocks are current.
    version: integer("version").notNull().default(0),
  },
  (t) => [uniqueIndex("series_run_name_context").on(t.runPk, t.name, t.context), index("series_name").on(t.name, t.context)],
);

// Up to ~1,024 points of one series with consecutive steps, packed by src/series/codec/block.ts.
export const seriesBlocks = sqliteTable(
  "series_blocks",
  {
    seriesPk: integer("series_pk")
      .notNull()
      .references(() => series.pk, { onDelete: "cascade" }),
    firstStep: integer("first_step").notNull(),
    lastStep: integer("last_step").notNull(),
    count: integer("count").notNull(),
    min: real("min"),
    max: real("max"),
    flags: integer("flags").notNull().default(0),
    // Per-64-point-chunk summaries (src/series/codec/chunk-summary.ts) for long downsampled reads.
    // Before `data` so SQLite reads it without following data's overflow pages.
    summary: blob("summary", { mode: "buffer" }).notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
  },
  // Blocks never overlap, so last_step orders them like first_step; this index finds the
  // blocks a step range touches without visiting every block of a long series.
  (t) => [primaryKey({ columns: [t.seriesPk, t.firstStep] }), index("series_blocks_last").on(t.seriesPk, t.lastStep)],
);

// Summary levels (src/series/levels.ts): a level-1 row summarises a group of consecutive
// blocks, one entry per block; a level-L row a group of level-(L−1) rows, one entry each
// (src/series/codec/level-summary.ts). A whole-series downsampled read then fetches a few
// hundred rows however long the series is. Rows of one level never overlap.
export const seriesLevels = sqliteTable(
  "series_levels",
  {
    seriesPk: integer("series_pk")
      .notNull()
      .references(() => series.pk, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    firstStep: integer("first_step").notNull(),
    lastStep: integer("last_step").notNull(),
    // The last step of the block just before the row's first block (-1: none): a row whose
    // neighbour changes is found by it and rebuilt (src/series/levels.ts).
    prevLast: integer("prev_last").notNull(),
    count: integer("count").notNull(),
    summary: blob("summary", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesPk, t.level, t.firstStep] })],
);

// API tokens (RUNCAMP_ADMIN_TOKEN is the bootstrap admin and is not stored). Only the
// SHA-256 of a secret is kept: a leaked database reveals no usable token.
export const tokens = sqliteTable(
  "tokens",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    name: text("name").notNull().default(""),
    hash: text("hash").notNull(),
    scope: text("scope", { enum: TOKEN_SCOPES }).notNull(),
    // A repo name (not a key): a token may be issued for a repo its first write creates.
    repo: text("repo"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at"),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [uniqueIndex("tokens_id").on(t.id), uniqueIndex("tokens_hash").on(t.hash)],
);

// A file a run keeps beside its metrics (a report, a confusion matrix, a figure, a checkpoint).
// Its bytes live in the store `store` names (src/api/artifacts/store.ts): in artifact_parts
// ('libsql'), or as the object `object_key` of an object store ('s3', 'r2'). `path` is NULL
// while an upload is being written: the row is the upload's temporary id, invisible to reads,
// and the upload's last statement names it (replacing the previous version in the same
// transaction).
export const artifacts = sqliteTable(
  "artifacts",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    runPk: integer("run_pk")
      .notNull()
      .references(() => runs.pk, { onDelete: "cascade" }),
    path: text("path"),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull().default(0),
    // Lowercase hex SHA-256 of the bytes; '' while uploading.
    sha256: text("sha256").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    // Optional metadata of an artifact logged per step (an image per epoch): the step, and a
    // context stored canonically like a series' (src/lib/context.ts). The path stays the key.
    step: integer("step"),
    context: text("context").notNull().default("{}"),
    store: text("store").notNull().default("libsql"),
    // Unique per upload (never reused, not even for the same pk): a queued delete of an old
    // object can never remove a newer one.
    objectKey: text("object_key"),
    // A presigned multipart upload's path and its store's upload id, until it completes
    // (src/api/artifacts/presigned.ts).
    uploadPath: text("upload_path"),
    uploadId: text("upload_id"),
  },
  (t) => [uniqueIndex("artifacts_run_path").on(t.runPk, t.path)],
);

// Objects of an object store whose artifact rows are gone: queued in the transaction that
// deletes the rows (an object store cannot join it), removed from the store after the commit
// (src/api/artifacts/object-deletes.ts). `unfinished`: the row was an upload that never
// completed, whose multipart upload may still be open and must be aborted.
export const artifactObjectDeletes = sqliteTable("artifact_object_deletes", {
  pk: integer("pk").primaryKey({ autoIncrement: true }),
  store: text("store").notNull(),
  key: text("key").notNull(),
  unfinished: integer("unfinished").notNull().default(0),
  createdAt: integer("created_at").notNull(),
});

// An artifact's bytes in consecutive parts of at most PART_BYTES (the last one shorter).
export const artifactParts = sqliteTable(
  "artifact_parts",
  {
    artifactPk: integer("artifact_pk")
      .notNull()
      .references(() => artifacts.pk, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.artifactPk, t.seq] })],
);

// An MLflow 3 logged model (src/api/mlflow/logged-models.ts): a model a run logged, named
// `m-<32 hex>`. Its files are artifacts of that run, below mlflow-models/<id>/, so a logged
// model always has its run (deleting the run deletes it). `deleted` is MLflow's soft delete;
// tags and params are JSON objects of strings.
export const mlflowLoggedModels = sqliteTable(
  "mlflow_logged_models",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    repoPk: integer("repo_pk")
      .notNull()
      .references(() => repos.pk, { onDelete: "cascade" }),
    runPk: integer("run_pk")
      .notNull()
      .references(() => runs.pk, { onDelete: "cascade" }),
    name: text("name").notNull(),
    modelType: text("model_type").notNull().default(""),
    status: text("status", { enum: ["LOGGED_MODEL_PENDING", "LOGGED_MODEL_READY", "LOGGED_MODEL_UPLOAD_FAILED"] }).notNull(),
    deleted: integer("deleted").notNull().default(0),
    tags: text("tags").notNull().default("{}"),
    params: text("params").notNull().default("{}"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("mlflow_logged_models_id").on(t.id), index("mlflow_logged_models_repo").on(t.repoPk), index("mlflow_logged_models_run").on(t.runPk)],
);

// Every metric point logged with a model_id, as MLflow keeps them beside the run's own
// series: one per (model, key, timestamp, step, run), MLflow's key, so a re-sent point is
// kept once. `value` NULL is NaN (SQLite stores no NaN).
export const mlflowLoggedModelMetrics = sqliteTable(
  "mlflow_logged_model_metrics",
  {
    modelPk: integer("model_pk")
      .notNull()
      .references(() => mlflowLoggedModels.pk, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: real("value"),
    timestamp: integer("timestamp").notNull(),
    step: integer("step").notNull(),
    runId: text("run_id").notNull(),
    datasetName: text("dataset_name"),
    datasetDigest: text("dataset_digest"),
  },
  (t) => [uniqueIndex("mlflow_logged_model_metrics_point").on(t.modelPk, t.key, t.timestamp, t.step, t.runId)],
);

// MLflow's model registry (src/api/mlflow/registry.ts): names shared by every experiment,
// like MLflow's. `aliases` maps an alias to a version number; `last_version` is the highest
// version ever made, so a deleted version's number is never given again.
export const mlflowRegisteredModels = sqliteTable("mlflow_registered_models", {
  pk: integer("pk").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  tags: text("tags").notNull().default("{}"),
  aliases: text("aliases").notNull().default("{}"),
  lastVersion: integer("last_version").notNull().default(0),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

// A registered model's version: its source (models:/<logged model id> or a runs:/ URI), the
// run it came from ('' for none) and the logged model it names ('' for none).
export const mlflowModelVersions = sqliteTable(
  "mlflow_model_versions",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    registeredModelPk: integer("registered_model_pk")
      .notNull()
      .references(() => mlflowRegisteredModels.pk, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    source: text("source").notNull(),
    runId: text("run_id").notNull().default(""),
    modelId: text("model_id").notNull().default(""),
    stage: text("stage").notNull().default("None"),
    description: text("description").notNull().default(""),
    tags: text("tags").notNull().default("{}"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("mlflow_model_versions_version").on(t.registeredModelPk, t.version)],
);

// Named views of a repo's runs table, shared by everyone who uses the repo: a name and the
// table's state (filter, sort, columns, page size, archived shown) as JSON (src/api/views/).
export const savedViews = sqliteTable(
  "saved_views",
  {
    pk: integer("pk").primaryKey({ autoIncrement: true }),
    repoPk: integer("repo_pk")
      .notNull()
      .references(() => repos.pk, { onDelete: "cascade" }),
    name: text("name").notNull(),
    state: text("state").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("saved_views_repo_name").on(t.repoPk, t.name)],
);

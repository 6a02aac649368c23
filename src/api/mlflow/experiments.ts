// MLflow experiments are runcamp repos. The experiment id is the repo's key as text, except
// the repo "default", which is MLflow's Default experiment "0" (it exists for MLflow even
// before its repo does: the repo is made by the first run logged to it). An experiment
// created through MLflow gets a repo named after it (lower-cased, other characters as "-",
// a suffix when taken); mlflow_experiments keeps its MLflow name, lifecycle stage and tags.
// A repo without such a row is an active experiment named like the repo.
import type { Deps } from "../../deps.ts";
import { jsonPath, type SqlArg } from "../../filter/compile.ts";
import { decodeCursor, encodeCursor } from "../../http/cursor.ts";
import { excerpt } from "../../lib/text.ts";
import { DEFAULT_REPO, experimentIdOf } from "../../runs-core/mlflow-experiment-id.ts";
import { ensureRepo } from "../../runs-core/repo-lookup.ts";
import { doesNotExist, invalidParameter, MlflowError } from "./errors.ts";
import { parseMlflowFilter } from "./filter.ts";
import type { ExperimentView, SearchExperimentsView, TagIn } from "./schemas.ts";

export { DEFAULT_REPO, experimentIdOf };

const DEFAULT_NAME = "Default";

// One row per experiment (the Default one even without its repo), over which search filters.
const EXPERIMENTS = `(SELECT r.pk, r.name AS repo, CASE WHEN r.name = '${DEFAULT_REPO}' THEN '0' ELSE CAST(r.pk AS TEXT) END AS experiment_id,
    COALESCE(e.name, CASE WHEN r.name = '${DEFAULT_REPO}' THEN '${DEFAULT_NAME}' ELSE r.name END) AS name,
    COALESCE(e.lifecycle_stage, 'active') AS lifecycle_stage, r.created_at AS creation_time,
    COALESCE(e.updated_at, r.created_at) AS last_update_time, COALESCE(e.tags, '{}') AS tags
  FROM repos r LEFT JOIN mlflow_experiments e ON e.repo_pk = r.pk
  UNION ALL SELECT NULL, '${DEFAULT_REPO}', '0', '${DEFAULT_NAME}', 'active', 0, 0, '{}' WHERE NOT EXISTS (SELECT 1 FROM repos WHERE name = '${DEFAULT_REPO}')) x`;

export interface Experiment {
  /** null: the Default experiment before its repo exists. */
  pk: number | null;
  repo: string;
  view: ExperimentView;
}

export const artifactRootOf = (experimentId: string) => `mlflow-artifacts:/${experimentId}`;

function experimentOf(row: Record<string, unknown>): Experiment {
  const id = String(row.experiment_id);
  const tags = JSON.parse(String(row.tags)) as Record<string, string>;
  return {
    pk: row.pk === null ? null : Number(row.pk),
    repo: String(row.repo),
    view: {
      experiment_id: id,
      name: String(row.name),
      artifact_location: artifactRootOf(id),
      lifecycle_stage: row.lifecycle_stage === "deleted" ? "deleted" : "active",
      creation_time: Number(row.creation_time),
      last_update_time: Number(row.last_update_time),
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    },
  };
}

async function selectExperiment(deps: Deps, where: string, args: SqlArg[]): Promise<Experiment | undefined> {
  const rs = await deps.client.execute({ sql: `SELECT * FROM ${EXPERIMENTS} WHERE ${where} LIMIT 1`, args });
  return rs.rows.length ? experimentOf(rs.rows[0] as unknown as Record<string, unknown>) : undefined;
}

const noExperiment = (id: string) => doesNotExist(`No Experiment with id=${excerpt(id, 40)} exists`);

export async function getExperiment(deps: Deps, id: string): Promise<Experiment> {
  const found = /^\d{1,15}$/.test(id) ? await selectExperiment(deps, "x.experiment_id = ?", [id]) : undefined;
  if (!found) throw noExperiment(id);
  return found;
}

export async function getExperimentByName(deps: Deps, name: string): Promise<Experiment> {
  const found = await selectExperiment(deps, "x.name = ?", [name]);
  if (!found) throw doesNotExist(`Could not find experiment with name ${excerpt(name, 60)}`);
  return found;
}

/** The experiment's repo key for a write into it (creating the Default experiment's repo); a deleted one is refused. */
export async function experimentRepoForWrite(deps: Deps, id: string): Promise<{ repoPk: number; repo: string; experimentId: string }> {
  const experiment = await getExperiment(deps, id);
  if (experiment.view.lifecycle_stage === "deleted") throw invalidParameter(`The experiment ${experiment.view.experiment_id} must be in the 'active' state.`);
  const repoPk = experiment.pk ?? (await ensureRepo(deps, DEFAULT_REPO));
  return { repoPk, repo: experiment.repo, experimentId: experiment.view.experiment_id };
}

const REPO_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

// The repo an experiment name gets: the name itself when it is a repo name, else a slug of
// it; a number suffix when that repo exists already.
async function freeRepoName(deps: Deps, name: string): Promise<string> {
  let base = REPO_NAME.test(name)
    ? name
    : name
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-")
        .replace(/^[^a-z0-9]+/, "")
        .slice(0, 56);
  if (!base) base = "experiment";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 56)}-${n}`;
    const rs = await deps.client.execute({ sql: "SELECT 1 FROM repos WHERE name = ?", args: [candidate] });
    if (!rs.rows.length && candidate !== DEFAULT_REPO) return candidate;
  }
}

export async function createExperiment(deps: Deps, name: string, tags: TagIn[] = []): Promise<string> {
  if (await selectExperiment(deps, "x.name = ?", [name])) throw new MlflowError("RESOURCE_ALREADY_EXISTS", `Experiment ${excerpt(name, 60)} already exists.`);
  const repo = await freeRepoName(deps, name);
  const now = Date.now();
  const rs = await deps.client.execute({ sql: "INSERT INTO repos (name, description, created_at) VALUES (?, '', ?) RETURNING pk", args: [repo, now] });
  const pk = Number(rs.rows[0].pk);
  const tagObject = Object.fromEntries(tags.map((t) => [t.key, t.value]));
  await deps.client.execute({
    sql: "INSERT INTO mlflow_experiments (repo_pk, name, lifecycle_stage, tags, updated_at) VALUES (?, ?, 'active', ?, ?)",
    args: [pk, name, JSON.stringify(tagObject), now],
  });
  return experimentIdOf(repo, pk);
}

// Writes the experiment's MLflow row (created from what the repo shows when it has none).
async function updateExperimentRow(deps: Deps, id: string, change: { name?: string; stage?: "active" | "deleted"; tag?: TagIn }): Promise<void> {
  const experiment = await getExperiment(deps, id);
  const pk = experiment.pk ?? (await ensureRepo(deps, DEFAULT_REPO));
  const { view } = experiment;
  if (change.name !== undefined && change.name !== view.name && (await selectExperiment(deps, "x.name = ?", [change.name])))
    throw new MlflowError("RESOURCE_ALREADY_EXISTS", `Experiment ${excerpt(change.name, 60)} already exists.`);
  const tags = Object.fromEntries(view.tags.map((t) => [t.key, t.value]));
  if (change.tag) tags[change.tag.key] = change.tag.value;
  await deps.client.execute({
    sql: `INSERT INTO mlflow_experiments (repo_pk, name, lifecycle_stage, tags, updated_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (repo_pk) DO UPDATE SET name = excluded.name, lifecycle_stage = excluded.lifecycle_stage, tags = excluded.tags, updated_at = excluded.updated_at`,
    args: [pk, change.name ?? view.name, change.stage ?? view.lifecycle_stage, JSON.stringify(tags), Date.now()],
  });
}

export const renameExperiment = (deps: Deps, id: string, name: string) => updateExperimentRow(deps, id, { name });
export const setExperimentStage = (deps: Deps, id: string, stage: "active" | "deleted") => updateExperimentRow(deps, id, { stage });
export const setExperimentTag = (deps: Deps, id: string, tag: TagIn) => updateExperimentRow(deps, id, { tag });

const EXPERIMENT_ORDER: Record<string, string> = {
  name: "x.name",
  experiment_id: "CAST(x.experiment_id AS INTEGER)",
  creation_time: "x.creation_time",
  last_update_time: "x.last_update_time",
};

/** search-experiments: view type, a filter on name, tags and times (AND-ed), order_by, offset page tokens. */
export async function searchExperiments(
  deps: Deps,
  input: { max_results?: number; page_token?: string; filter?: string; order_by?: string[]; view_type?: string },
): Promise<SearchExperimentsView> {
  const where: string[] = [];
  const args: SqlArg[] = [];
  const view = input.view_type ?? "ACTIVE_ONLY";
  if (view !== "ALL") where.push(view === "DELETED_ONLY" ? "x.lifecycle_stage = 'deleted'" : "x.lifecycle_stage = 'active'");
  for (const clause of parseMlflowFilter(input.filter ?? "")) {
    const isText = typeof clause.value === "string";
    const column =
      clause.entity === "tags"
        ? "json_extract(x.tags, ?)"
        : clause.entity === "attributes" && clause.key in EXPERIMENT_ORDER && clause.key !== "experiment_id"
          ? `x.${clause.key}`
          : null;
    if (!column) throw invalidParameter("Experiment filters take attributes.name, attributes.creation_time, attributes.last_update_time and tags.<key>.");
    if (clause.entity === "tags") args.push(jsonPath([clause.key]));
    if (clause.op === "LIKE" || clause.op === "ILIKE") where.push(`${column} LIKE ?`);
    else if (["=", "!=", "<", "<=", ">", ">="].includes(clause.op) && (isText || typeof clause.value === "number"))
      where.push(`COALESCE(${column} ${clause.op} ?, 0)`);
    else throw invalidParameter(`Experiment filters do not take ${clause.op} here.`);
    args.push(clause.value as SqlArg);
  }
  const order = (input.order_by ?? []).map((item) => {
    const m = /^\s*(?:attributes\.|attribute\.|attr\.)?(\w+)\s*(ASC|DESC)?\s*$/i.exec(item);
    const column = m && EXPERIMENT_ORDER[m[1]];
    if (!column) throw invalidParameter(`Invalid order_by clause ${excerpt(item, 40)}.`);
    return `${column} ${m[2]?.toUpperCase() === "DESC" ? "DESC" : "ASC"}`;
  });
  order.push("x.creation_time DESC", "CAST(x.experiment_id AS INTEGER) DESC");
  const limit = input.max_results ?? 1000;
  const offset = input.page_token ? Number(decodeCursor(input.page_token, ["integer"])[0]) : 0;
  const rs = await deps.client.execute({
    sql: `SELECT * FROM ${EXPERIMENTS} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY ${order.join(", ")} LIMIT ? OFFSET ?`,
    args: [...args, limit + 1, offset],
  });
  const rows = rs.rows as unknown as Record<string, unknown>[];
  const experiments = rows.slice(0, limit).map((row) => experimentOf(row).view);
  return rows.length > limit ? { experiments, next_page_token: encodeCursor([offset + limit]) } : { experiments };
}

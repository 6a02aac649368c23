// MLflow's model registry (/api/2.0/mlflow/registered-models/..., /model-versions/...) in
// mlflow_registered_models and mlflow_model_versions, answering as MLflow's own store does
// (mlflow/store/model_registry/sqlalchemy_store.py):
// - Registered model names are global, like MLflow's (not per experiment).
// - A version's source is a logged model (models:/<model id>: its run becomes the version's
//   run, its artifact URI the download URI), another version (models:/<name>/<version>, which
//   must itself be a logged model's) or any other URI (runs:/..., kept and handed back as is;
//   the client resolves it).
// - Versions count up from 1 and a deleted version's number is never given again
//   (last_version). Deleting a version drops its aliases; deleting a model drops its versions.
// - Stages are MLflow's four (deprecated in MLflow 3, still in its API); archive_existing_versions
//   moves the model's other versions in that stage to Archived.
// - Aliases appear on a version read alone (get, get by alias, create, update, transition),
//   not in searches or latest_versions, as in MLflow.
import type { Deps } from "../../deps.ts";
import { decodeCursor, encodeCursor } from "../../http/cursor.ts";
import { excerpt } from "../../lib/text.ts";
import { doesNotExist, invalidParameter, MlflowError } from "./errors.ts";
import { findLoggedModel, modelArtifactUri } from "./logged-model-rows.ts";
import { modelFilter } from "./model-filter.ts";
import { type CreateModelVersionInput, type ModelVersionView, type RegisteredModelView, type SearchRegistryInput, STAGES } from "./model-schemas.ts";
import { findMlflowRun } from "./runs.ts";
import type { TagIn } from "./schemas.ts";

interface RegisteredRow {
  pk: number;
  name: string;
  description: string;
  tags: Record<string, string>;
  aliases: Record<string, number>;
  lastVersion: number;
  createdAt: number;
  updatedAt: number;
}

interface VersionRow {
  pk: number;
  name: string;
  version: number;
  source: string;
  runId: string;
  modelId: string;
  stage: string;
  description: string;
  tags: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

const registeredRow = (r: Record<string, unknown>): RegisteredRow => ({
  pk: Number(r.pk),
  name: String(r.name),
  description: String(r.description),
  tags: JSON.parse(String(r.tags)),
  aliases: JSON.parse(String(r.aliases)),
  lastVersion: Number(r.last_version),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const VERSION_COLUMNS = "v.pk, m.name, v.version, v.source, v.run_id, v.model_id, v.stage, v.description, v.tags, v.created_at, v.updated_at";
const VERSION_FROM = "mlflow_model_versions v JOIN mlflow_registered_models m ON m.pk = v.registered_model_pk";
const versionRow = (r: Record<string, unknown>): VersionRow => ({
  pk: Number(r.pk),
  name: String(r.name),
  version: Number(r.version),
  source: String(r.source),
  runId: String(r.run_id),
  modelId: String(r.model_id),
  stage: String(r.stage),
  description: String(r.description),
  tags: JSON.parse(String(r.tags)),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const pairs = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));
const tagsOf = (tags: TagIn[]) => Object.fromEntries(tags.map((t) => [t.key, t.value]));

async function findRegistered(deps: Deps, name: string): Promise<RegisteredRow> {
  const rs = await deps.client.execute({ sql: "SELECT * FROM mlflow_registered_models WHERE name = ?", args: [name] });
  if (!rs.rows.length) throw doesNotExist(`Registered Model with name=${excerpt(name, 80)} not found`);
  return registeredRow(rs.rows[0] as unknown as Record<string, unknown>);
}

async function findVersion(deps: Deps, name: string, version: number): Promise<VersionRow> {
  const rs = await deps.client.execute({ sql: `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE m.name = ? AND v.version = ?`, args: [name, version] });
  if (!rs.rows.length) throw doesNotExist(`Model Version (name=${excerpt(name, 80)}, version=${version}) not found`);
  return versionRow(rs.rows[0] as unknown as Record<string, unknown>);
}

async function versionsOf(deps: Deps, where: string, args: (string | number)[]): Promise<VersionRow[]> {
  const rs = await deps.client.execute({ sql: `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE ${where} ORDER BY m.name, v.version DESC`, args });
  return rs.rows.map((r) => versionRow(r as unknown as Record<string, unknown>));
}

function versionView(v: VersionRow, aliases?: Record<string, number>): ModelVersionView {
  const tags = pairs(v.tags);
  const own = aliases ? Object.keys(aliases).filter((a) => aliases[a] === v.version) : [];
  return {
    name: v.name,
    version: String(v.version),
    creation_timestamp: v.createdAt,
    last_updated_timestamp: v.updatedAt,
    current_stage: v.stage,
    description: v.description,
    source: v.source,
    run_id: v.runId,
    status: "READY",
    run_link: "",
    ...(tags.length ? { tags } : {}),
    ...(own.length ? { aliases: own } : {}),
  };
}

/** The highest version in each stage, as MLflow's latest_versions. */
function latestPerStage(versions: VersionRow[], stages: readonly string[] = STAGES): VersionRow[] {
  const best = new Map<string, VersionRow>();
  for (const v of versions) if (stages.includes(v.stage) && (best.get(v.stage)?.version ?? 0) < v.version) best.set(v.stage, v);
  return [...best.values()].sort((a, b) => a.version - b.version);
}

function registeredView(m: RegisteredRow, versions: VersionRow[]): RegisteredModelView {
  const tags = pairs(m.tags);
  const aliases = Object.entries(m.aliases).map(([alias, version]) => ({ alias, version: String(version) }));
  const latest = latestPerStage(versions).map((v) => versionView(v));
  return {
    name: m.name,
    creation_timestamp: m.createdAt,
    last_updated_timestamp: m.updatedAt,
    ...(m.description ? { description: m.description } : {}),
    ...(latest.length ? { latest_versions: latest } : {}),
    ...(tags.length ? { tags } : {}),
    ...(aliases.length ? { aliases } : {}),
  };
}

async function viewOfRegistered(deps: Deps, m: RegisteredRow): Promise<RegisteredModelView> {
  return registeredView(m, await versionsOf(deps, "v.registered_model_pk = ?", [m.pk]));
}

async function setRegistered(deps: Deps, m: RegisteredRow, set: Record<string, string | number>): Promise<void> {
  const columns = Object.keys(set);
  await deps.client.execute({
    sql: `UPDATE mlflow_registered_models SET ${columns.map((c) => `${c} = ?`).join(", ")}, updated_at = ? WHERE pk = ?`,
    args: [...columns.map((c) => set[c]), Date.now(), m.pk],
  });
}

async function setVersion(deps: Deps, v: VersionRow, set: Record<string, string | number>): Promise<void> {
  const columns = Object.keys(set);
  await deps.client.execute({
    sql: `UPDATE mlflow_model_versions SET ${columns.map((c) => `${c} = ?`).join(", ")}, updated_at = ? WHERE pk = ?`,
    args: [...columns.map((c) => set[c]), Date.now(), v.pk],
  });
}

// Registered models.

export async function createRegisteredModel(deps: Deps, name: string, tags: TagIn[], description: string): Promise<RegisteredModelView> {
  const taken = await deps.client.execute({ sql: "SELECT 1 FROM mlflow_registered_models WHERE name = ?", args: [name] });
  if (taken.rows.length) throw new MlflowError("RESOURCE_ALREADY_EXISTS", `Registered Model (name=${excerpt(name, 80)}) already exists.`);
  const now = Date.now();
  await deps.client.execute({
    sql: "INSERT INTO mlflow_registered_models (name, description, tags, aliases, last_version, created_at, updated_at) VALUES (?, ?, ?, '{}', 0, ?, ?)",
    args: [name, description, JSON.stringify(tagsOf(tags)), now, now],
  });
  return viewOfRegistered(deps, await findRegistered(deps, name));
}

export const getRegisteredModel = async (deps: Deps, name: string) => viewOfRegistered(deps, await findRegistered(deps, name));

export async function renameRegisteredModel(deps: Deps, name: string, newName: string): Promise<RegisteredModelView> {
  const m = await findRegistered(deps, name);
  const taken = await deps.client.execute({ sql: "SELECT 1 FROM mlflow_registered_models WHERE name = ?", args: [newName] });
  if (taken.rows.length) throw new MlflowError("RESOURCE_ALREADY_EXISTS", `Registered Model (name=${excerpt(newName, 80)}) already exists.`);
  await setRegistered(deps, m, { name: newName });
  return getRegisteredModel(deps, newName);
}

export async function updateRegisteredModel(deps: Deps, name: string, description: string): Promise<RegisteredModelView> {
  const m = await findRegistered(deps, name);
  await setRegistered(deps, m, { description });
  return getRegisteredModel(deps, name);
}

export async function deleteRegisteredModel(deps: Deps, name: string): Promise<void> {
  const m = await findRegistered(deps, name);
  await deps.client.execute({ sql: "DELETE FROM mlflow_registered_models WHERE pk = ?", args: [m.pk] });
}

export async function setRegisteredModelTag(deps: Deps, name: string, tag: TagIn): Promise<void> {
  const m = await findRegistered(deps, name);
  await setRegistered(deps, m, { tags: JSON.stringify({ ...m.tags, [tag.key]: tag.value }) });
}

/** Deleting a tag the model lacks is not an error (MLflow's rule). */
export async function deleteRegisteredModelTag(deps: Deps, name: string, key: string): Promise<void> {
  const m = await findRegistered(deps, name);
  if (!Object.hasOwn(m.tags, key)) return;
  delete m.tags[key];
  await setRegistered(deps, m, { tags: JSON.stringify(m.tags) });
}

export async function latestVersions(deps: Deps, name: string, stages: string[] | undefined): Promise<ModelVersionView[]> {
  const m = await findRegistered(deps, name);
  const wanted = stages?.length ? stages.map(canonicalStage) : STAGES;
  return latestPerStage(await versionsOf(deps, "v.registered_model_pk = ?", [m.pk]), wanted).map((v) => versionView(v));
}

// Versions.

function canonicalStage(stage: string): string {
  const found = STAGES.find((s) => s.toLowerCase() === stage.toLowerCase());
  if (!found) throw invalidParameter(`Invalid Model Version stage: ${excerpt(stage, 40)}. Value must be one of ${STAGES.join(", ")}.`);
  return found;
}

// The logged model and run a source names (see the top of the file).
async function sourceOf(deps: Deps, input: CreateModelVersionInput): Promise<{ modelId: string; runId: string }> {
  const uri = /^models:\/(.+)$/.exec(input.source);
  let modelId = input.model_id ?? "";
  if (uri && /^m-[0-9a-f]{32}$/.test(uri[1])) modelId = uri[1];
  else if (uri) {
    const named = /^(.+)\/(\d+)$/.exec(uri[1]);
    if (!named) throw invalidParameter("A models:/ source is models:/<model id> or models:/<name>/<version>.");
    const from = await findVersion(deps, named[1], Number(named[2]));
    if (!from.modelId) throw invalidParameter(`runcamp registers models:/<name>/<version> only when that version is a logged model.`);
    modelId = from.modelId;
  }
  if (modelId) {
    const model = await findLoggedModel(deps, modelId);
    return { modelId: model.id, runId: input.run_id ?? model.runId };
  }
  if (input.run_id) await findMlflowRun(deps, input.run_id);
  return { modelId: "", runId: input.run_id ?? "" };
}

export async function createModelVersion(deps: Deps, input: CreateModelVersionInput): Promise<ModelVersionView> {
  const m = await findRegistered(deps, input.name);
  const { modelId, runId } = await sourceOf(deps, input);
  const now = Date.now();
  const version = m.lastVersion + 1;
  await deps.client.batch(
    [
      {
        sql: `INSERT INTO mlflow_model_versions (registered_model_pk, version, source, run_id, model_id, stage, description, tags, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, 'None', ?, ?, ?, ?)`,
        args: [m.pk, version, input.source, runId, modelId, input.description ?? "", JSON.stringify(tagsOf(input.tags ?? [])), now, now],
      },
      { sql: "UPDATE mlflow_registered_models SET last_version = ?, updated_at = ? WHERE pk = ?", args: [version, now, m.pk] },
    ],
    "write",
  );
  return versionView(await findVersion(deps, m.name, version), m.aliases);
}

export async function getModelVersion(deps: Deps, name: string, version: number): Promise<ModelVersionView> {
  const v = await findVersion(deps, name, version);
  return versionView(v, (await findRegistered(deps, name)).aliases);
}

export async function updateModelVersion(deps: Deps, name: string, version: number, description: string): Promise<ModelVersionView> {
  await setVersion(deps, await findVersion(deps, name, version), { description });
  return getModelVersion(deps, name, version);
}

export async function transitionStage(deps: Deps, name: string, version: number, stage: string, archiveOthers: boolean): Promise<ModelVersionView> {
  const target = canonicalStage(stage);
  const v = await findVersion(deps, name, version);
  if (archiveOthers && (target === "Staging" || target === "Production")) {
    await deps.client.execute({
      sql: `UPDATE mlflow_model_versions SET stage = 'Archived', updated_at = ? WHERE registered_model_pk = (SELECT registered_model_pk FROM mlflow_model_versions WHERE pk = ?) AND stage = ? AND pk != ?`,
      args: [Date.now(), v.pk, target, v.pk],
    });
  }
  await setVersion(deps, v, { stage: target });
  return getModelVersion(deps, name, version);
}

export async function deleteModelVersion(deps: Deps, name: string, version: number): Promise<void> {
  const v = await findVersion(deps, name, version);
  const m = await findRegistered(deps, name);
  const aliases = Object.fromEntries(Object.entries(m.aliases).filter(([, n]) => n !== version));
  await deps.client.batch(
    [
      { sql: "DELETE FROM mlflow_model_versions WHERE pk = ?", args: [v.pk] },
      { sql: "UPDATE mlflow_registered_models SET aliases = ?, updated_at = ? WHERE pk = ?", args: [JSON.stringify(aliases), Date.now(), m.pk] },
    ],
    "write",
  );
}

export async function setModelVersionTag(deps: Deps, name: string, version: number, tag: TagIn): Promise<void> {
  const v = await findVersion(deps, name, version);
  await setVersion(deps, v, { tags: JSON.stringify({ ...v.tags, [tag.key]: tag.value }) });
}

export async function deleteModelVersionTag(deps: Deps, name: string, version: number, key: string): Promise<void> {
  const v = await findVersion(deps, name, version);
  if (!Object.hasOwn(v.tags, key)) return;
  delete v.tags[key];
  await setVersion(deps, v, { tags: JSON.stringify(v.tags) });
}

/** Where the client downloads a version from: its logged model's artifacts, else its source. */
export async function downloadUri(deps: Deps, name: string, version: number): Promise<string> {
  const v = await findVersion(deps, name, version);
  return v.modelId ? modelArtifactUri(await findLoggedModel(deps, v.modelId)) : v.source;
}

// Aliases.

export async function setAlias(deps: Deps, name: string, alias: string, version: number): Promise<void> {
  const m = await findRegistered(deps, name);
  await findVersion(deps, name, version);
  await setRegistered(deps, m, { aliases: JSON.stringify({ ...m.aliases, [alias]: version }) });
}

export async function deleteAlias(deps: Deps, name: string, alias: string): Promise<void> {
  const m = await findRegistered(deps, name);
  if (!Object.hasOwn(m.aliases, alias)) return;
  delete m.aliases[alias];
  await setRegistered(deps, m, { aliases: JSON.stringify(m.aliases) });
}

export async function versionByAlias(deps: Deps, name: string, alias: string): Promise<ModelVersionView> {
  const m = await findRegistered(deps, name);
  if (!Object.hasOwn(m.aliases, alias)) throw invalidParameter(`Registered model alias ${excerpt(alias, 80)} not found.`);
  return versionView(await findVersion(deps, name, m.aliases[alias]), m.aliases);
}

// Searches: filtered and ordered in memory (model-filter.ts), paged by offset.

type Orderable = Record<string, string | number>;

// "key [ASC|DESC]" items, the key one of `keys`; later items break ties of earlier ones.
function ordered<T>(items: T[], orderBy: string[] | undefined, keys: string[], fields: (x: T) => Orderable, fallback: string[]): T[] {
  const orders = (orderBy?.length ? orderBy : fallback).map((text) => {
    const m = /^\s*(?:attributes?\.|attr\.)?([A-Za-z_]+)\s*(ASC|DESC)?\s*$/i.exec(text);
    if (!m || !keys.includes(m[1])) throw invalidParameter(`Invalid order by key ${excerpt(text, 60)} specified. Valid keys are ${keys.join(", ")}.`);
    return { key: m[1], sign: m[2]?.toUpperCase() === "DESC" ? -1 : 1 };
  });
  return [...items].sort((a, b) => {
    for (const { key, sign } of orders) {
      const [x, y] = [fields(a)[key], fields(b)[key]];
      if (x !== y) return x < y ? -sign : sign;
    }
    return 0;
  });
}

function page<T>(items: T[], token: string | undefined, max: number): { items: T[]; next?: string } {
  const offset = token ? Number(decodeCursor(token, ["integer"])[0]) : 0;
  return { items: items.slice(offset, offset + max), ...(offset + max < items.length ? { next: encodeCursor([offset + max]) } : {}) };
}

const REGISTERED_FIELDS = (m: RegisteredRow): Orderable => ({
  name: m.name,
  timestamp: m.createdAt,
  creation_timestamp: m.createdAt,
  last_updated_timestamp: m.updatedAt,
});

export async function searchRegisteredModels(deps: Deps, input: SearchRegistryInput) {
  const keep = modelFilter(input.filter, ["name"]);
  const rs = await deps.client.execute("SELECT * FROM mlflow_registered_models");
  const models = rs.rows.map((r) => registeredRow(r as unknown as Record<string, unknown>)).filter((m) => keep({ attributes: { name: m.name }, tags: m.tags }));
  const { items, next } = page(
    ordered(models, input.order_by, ["name", "timestamp", "creation_timestamp", "last_updated_timestamp"], REGISTERED_FIELDS, ["name ASC"]),
    input.page_token,
    input.max_results ?? 100,
  );
  const versions = items.length
    ? await versionsOf(
        deps,
        `v.registered_model_pk IN (${items.map(() => "?").join(",")})`,
        items.map((m) => m.pk),
      )
    : [];
  return {
    registered_models: items.map((m) =>
      registeredView(
        m,
        versions.filter((v) => v.name === m.name),
      ),
    ),
    ...(next ? { next_page_token: next } : {}),
  };
}

const VERSION_FIELDS = (v: VersionRow): Orderable => ({
  name: v.name,
  version_number: v.version,
  run_id: v.runId,
  source_path: v.source,
  current_stage: v.stage,
  creation_timestamp: v.createdAt,
  last_updated_timestamp: v.updatedAt,
});

export async function searchModelVersions(deps: Deps, input: SearchRegistryInput) {
  const keys = ["name", "version_number", "run_id", "source_path", "current_stage", "creation_timestamp", "last_updated_timestamp"];
  const keep = modelFilter(input.filter, keys);
  const all = await versionsOf(deps, "1 = 1", []);
  const found = all.filter((v) => keep({ attributes: VERSION_FIELDS(v), tags: v.tags }));
  const { items, next } = page(
    ordered(found, input.order_by, keys, VERSION_FIELDS, ["name ASC", "version_number DESC"]),
    input.page_token,
    input.max_results ?? 10000,
  );
  return { model_versions: items.map((v) => versionView(v)), ...(next ? { next_page_token: next } : {}) };
}

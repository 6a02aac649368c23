import type { Deps } from "../deps.ts";
import { badRequest, notFound } from "../lib/errors.ts";
import { generateId } from "../lib/ids.ts";
import { mergePatch, type JsonObject } from "../lib/merge-patch.ts";
import { paramsJson } from "../lib/params-json.ts";
import { iso, isoOrNull } from "../lib/time.ts";
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";
import { compileFilter, compileSort, filterNamesArchived, type CompiledSort, type SqlArg } from "../lib/filter/compile.ts";
import { FilterError, parseFilter, parseSort, type Expr } from "../lib/filter/parse.ts";
import { ensureRepo, findRepoPk } from "./repos.ts";
import { resolveCampaignPk } from "./campaign-ref.ts";
import { listValues, type ValueView } from "./values.ts";
import { listSeriesSummaries, type SeriesSummaryView } from "./series-summaries.ts";

export type RunStatus = "running" | "finished" | "failed" | "killed";

export interface RunView {
  id: string;
  repo: string;
  name: string;
  experiment: string;
  description: string;
  status: RunStatus;
  archived: boolean;
  campaign: string | null;
  params: JsonObject;
  tags: string[];
  provenance: JsonObject | null;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
}

export interface RunDetailView extends RunView {
  values: ValueView[];
  metrics: SeriesSummaryView[];
}

export interface CreateRunInput {
  id?: string;
  name?: string;
  experiment?: string;
  description?: string;
  params?: JsonObject;
  tags?: string[];
  campaign?: string;
  provenance?: JsonObject;
}

export interface PatchRunInput {
  name?: string;
  experiment?: string;
  description?: string;
  status?: RunStatus;
  archived?: boolean;
  campaign?: string | null;
  params?: JsonObject;
  tags?: { add?: string[]; remove?: string[] };
}

// The columns every run read selects; `r` is runs, `c` its campaign (left-joined).
export const RUN_COLUMNS =
  "r.pk, r.id, r.name, r.experiment, r.description, r.status, r.archived, c.id AS campaign_id, r.params, r.tags, r.provenance, r.created_at, r.updated_at, r.ended_at";
export const RUN_FROM = "runs r LEFT JOIN campaigns c ON c.pk = r.campaign_pk";

export function runView(repo: string, row: Record<string, unknown>): RunView {
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
    provenance: row.provenance === null ? null : JSON.parse(String(row.provenance)),
    created_at: iso(Number(row.created_at)),
    updated_at: iso(Number(row.updated_at)),
    ended_at: isoOrNull(row.ended_at === null ? null : Number(row.ended_at)),
  };
}

async function selectRun(deps: Deps, repoPk: number, runId: string) {
  const rs = await deps.client.execute({ sql: `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.repo_pk = ? AND r.id = ?`, args: [repoPk, runId] });
  return rs.rows[0] as Record<string, unknown> | undefined;
}

/** The run's internal key, or a 404 naming what is missing (repo or run). */
export async function findRunPk(deps: Deps, repo: string, runId: string): Promise<{ repoPk: number; runPk: number; status: RunStatus }> {
  const repoPk = await findRepoPk(deps, repo);
  const rs = await deps.client.execute({ sql: "SELECT pk, status FROM runs WHERE repo_pk = ? AND id = ?", args: [repoPk, runId] });
  if (!rs.rows.length) throw notFound(`Run "${runId}" does not exist in repo "${repo}".`);
  return { repoPk, runPk: Number(rs.rows[0].pk), status: rs.rows[0].status as RunStatus };
}

/**
 * Creates a run, or returns the existing one unchanged when the client re-sends the same id:
 * a training script that restarts resumes its run instead of failing.
 */
export async function createRun(deps: Deps, repo: string, input: CreateRunInput): Promise<{ run: RunView; created: boolean }> {
  const params = paramsJson(input.params ?? {}, deps.config.limits);
  // A campaign can only exist in an existing repo: naming one must not create the repo
  // as a side effect of a request that then fails with 404.
  const repoPk = input.campaign ? await findRepoPk(deps, repo) : await ensureRepo(deps, repo);
  if (input.id) {
    const existing = await selectRun(deps, repoPk, input.id);
    if (existing) return { run: runView(repo, existing), created: false };
  }
  const campaignPk = input.campaign ? await resolveCampaignPk(deps, repoPk, input.campaign) : null;
  const id = input.id ?? generateId();
  const now = Date.now();
  const rs = await deps.client.execute({
    sql: `INSERT INTO runs (repo_pk, id, name, experiment, description, status, archived, campaign_pk, params, tags, provenance, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, 'running', 0, ?, ?, ?, ?, ?, ?) ON CONFLICT (repo_pk, id) DO NOTHING`,
    args: [
      repoPk,
      id,
      input.name ?? "",
      input.experiment ?? "",
      input.description ?? "",
      campaignPk,
      params,
      JSON.stringify([...new Set(input.tags ?? [])]),
      input.provenance ? JSON.stringify(input.provenance) : null,
      now,
      now,
    ],
  });
  // Lost a race with a concurrent create of the same id: that one won, answer as a resume.
  const row = await selectRun(deps, repoPk, id);
  if (!row) throw notFound(`Run "${id}" vanished while being created.`);
  return { run: runView(repo, row), created: rs.rowsAffected > 0 };
}

export async function getRun(deps: Deps, repo: string, runId: string): Promise<RunDetailView> {
  const repoPk = await findRepoPk(deps, repo);
  const row = await selectRun(deps, repoPk, runId);
  if (!row) throw notFound(`Run "${runId}" does not exist in repo "${repo}".`);
  const runPk = Number(row.pk);
  const [values, metrics] = await Promise.all([listValues(deps, runPk), listSeriesSummaries(deps, runPk)]);
  return { ...runView(repo, row), values, metrics };
}

export async function patchRun(deps: Deps, repo: string, runId: string, patch: PatchRunInput): Promise<RunView> {
  const repoPk = await findRepoPk(deps, repo);
  const row = await selectRun(deps, repoPk, runId);
  if (!row) throw notFound(`Run "${runId}" does not exist in repo "${repo}".`);

  const sets: string[] = [];
  const args: (string | number | null)[] = [];
  const set = (column: string, value: string | number | null) => {
    sets.push(`${column} = ?`);
    args.push(value);
  };
  if (patch.name !== undefined) set("name", patch.name);
  if (patch.experiment !== undefined) set("experiment", patch.experiment);
  if (patch.description !== undefined) set("description", patch.description);
  if (patch.archived !== undefined) set("archived", patch.archived ? 1 : 0);
  if (patch.status !== undefined && patch.status !== row.status) {
    set("status", patch.status);
    set("ended_at", patch.status === "running" ? null : Date.now());
  }
  if (patch.campaign !== undefined) set("campaign_pk", patch.campaign === null ? null : await resolveCampaignPk(deps, repoPk, patch.campaign));
  if (patch.params !== undefined) set("params", paramsJson(mergePatch(JSON.parse(String(row.params)), patch.params), deps.config.limits));
  if (patch.tags !== undefined) {
    const tags = new Set<string>(JSON.parse(String(row.tags)));
    for (const tag of patch.tags.add ?? []) tags.add(tag);
    for (const tag of patch.tags.remove ?? []) tags.delete(tag);
    set("tags", JSON.stringify([...tags]));
  }
  if (sets.length) {
    set("updated_at", Date.now());
    await deps.client.execute({ sql: `UPDATE runs SET ${sets.join(", ")} WHERE pk = ?`, args: [...args, Number(row.pk)] });
  }
  const updated = await selectRun(deps, repoPk, runId);
  return runView(repo, updated!);
}

export async function deleteRun(deps: Deps, repo: string, runId: string): Promise<void> {
  const { runPk } = await findRunPk(deps, repo, runId);
  await deps.client.batch(
    [
      { sql: "DELETE FROM series_blocks WHERE series_pk IN (SELECT pk FROM series WHERE run_pk = ?)", args: [runPk] },
      { sql: "DELETE FROM series WHERE run_pk = ?", args: [runPk] },
      { sql: "DELETE FROM run_values WHERE run_pk = ?", args: [runPk] },
      { sql: "DELETE FROM runs WHERE pk = ?", args: [runPk] },
    ],
    "write",
  );
}

export interface ListRunsOptions {
  limit: number;
  cursor?: string;
  /** Filter language text (src/lib/filter); empty or absent = every run. */
  filter?: string;
  /** `<field> [asc|desc]`; default `created_at asc`. */
  sort?: string;
}

/** A FilterError becomes a 400 naming the query parameter; its message carries the position. */
function filterProblem(err: unknown, path: "filter" | "sort"): never {
  if (err instanceof FilterError) throw badRequest(`The ${path} is invalid ${err.message}.`, [{ path, message: err.message }]);
  throw err;
}

interface RunSearch {
  /** `r.repo_pk = ? AND ...`: repo, archived rule and filter. */
  where: string;
  args: SqlArg[];
}

// Archived runs are hidden unless the filter names `archived` (filterNamesArchived), so
// `archived`, `not archived` or `archived in (true, false)` take over.
function compileSearch(repoPk: number, filter: string | undefined): RunSearch {
  const where = ["r.repo_pk = ?"];
  const args: SqlArg[] = [repoPk];
  let ast: Expr | undefined;
  if (filter !== undefined && filter.trim() !== "") {
    try {
      ast = parseFilter(filter);
    } catch (err) {
      filterProblem(err, "filter");
    }
  }
  if (!ast || !filterNamesArchived(ast)) where.push("r.archived = 0");
  if (ast) {
    const compiled = compileFilter(ast);
    where.push(compiled.sql);
    args.push(...compiled.args);
  }
  return { where: where.join(" AND "), args };
}

// Sort keys that are NOT NULL columns of runs: ordered by (key, pk) straight from the
// table (created_at uses the runs_repo_created index), no NULL handling needed.
const NOT_NULL_SORTS = new Set(["name", "experiment", "status", "archived", "created_at"]);

interface RunSort extends CompiledSort {
  nullable: boolean;
  /** Ties a cursor to the sort it was issued for. */
  fingerprint: string;
}

function compileRunSort(text: string | undefined): RunSort {
  const spec = text === undefined || text.trim() === "" ? "created_at asc" : text;
  try {
    const { field } = parseSort(spec);
    const sort = compileSort(spec);
    const nullable = !(field.kind === "builtin" && NOT_NULL_SORTS.has(field.name));
    return { ...sort, nullable, fingerprint: fnv1a(`${sort.sql}\u0000${JSON.stringify(sort.args)}\u0000${sort.direction}`) };
  } catch (err) {
    filterProblem(err, "sort");
  }
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

type SortValue = string | number | null;

// A cursor is [sort key of the last run served, its pk, the sort's fingerprint].
function decodeRunCursor(cursor: string, sort: RunSort): { value: SortValue; pk: number } {
  const key = decodeCursor(cursor);
  const [value, pk, fingerprint] = key;
  const valueOk = value === null ? sort.nullable : typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
  if (key.length !== 3 || !valueOk || !Number.isSafeInteger(pk)) {
    throw badRequest("The cursor is not one this server issued.", [{ path: "cursor", message: "invalid cursor" }]);
  }
  if (fingerprint !== sort.fingerprint) {
    throw badRequest("The cursor was issued for another sort; page with the sort it came from.", [{ path: "cursor", message: "belongs to another sort" }]);
  }
  return { value: value as SortValue, pk: pk as number };
}

/**
 * Searches runs: filter language, any sort field, stable keyset pagination. Ties on the
 * sort key are broken by pk (in the sort's direction); runs lacking the sort key (NULL)
 * come last in both directions. The cursor holds the last run's (key, pk), so a page
 * never skips or repeats a run, whatever the sort.
 */
export async function listRuns(deps: Deps, repo: string, { limit, cursor, filter, sort: sortText }: ListRunsOptions) {
  const repoPk = await findRepoPk(deps, repo);
  const search = compileSearch(repoPk, filter);
  const sort = compileRunSort(sortText);
  const after = cursor ? decodeRunCursor(cursor, sort) : undefined;
  const dir = sort.direction;
  const cmp = dir === "asc" ? ">" : "<";
  let sql: string;
  const args: SqlArg[] = [];
  if (!sort.nullable) {
    // The key is a plain column of runs: no subquery, so the index can serve the order.
    const key = sort.sql;
    const where = [search.where];
    args.push(...search.args);
    if (after) {
      where.push(`(${key} ${cmp} ? OR (${key} = ? AND r.pk ${cmp} ?))`);
      args.push(after.value, after.value, after.pk);
    }
    sql = `SELECT ${RUN_COLUMNS}, ${key} AS sort_key FROM ${RUN_FROM} WHERE ${where.join(" AND ")} ORDER BY ${key} ${dir}, r.pk ${dir} LIMIT ?`;
  } else {
    // The key is computed once per matching run into a materialized table (a flattened
    // subquery would evaluate it again in each cursor comparison). Integers beyond 2^53 are
    // ordered as their nearest double, so every key survives the trip through JavaScript
    // and the cursor compares exactly what the ORDER BY ordered.
    args.push(...sort.args, ...search.args);
    let cursorWhere = "";
    if (after && after.value === null) {
      cursorWhere = `WHERE k.sort_key IS NULL AND k.pk ${cmp} ?`;
      args.push(after.pk);
    } else if (after) {
      cursorWhere = `WHERE (k.sort_key ${cmp} ? OR (k.sort_key = ? AND k.pk ${cmp} ?) OR k.sort_key IS NULL)`;
      args.push(after.value, after.value, after.pk);
    }
    sql =
      `WITH raw AS MATERIALIZED (SELECT r.pk AS pk, ${sort.sql} AS key FROM runs r WHERE ${search.where}), ` +
      `k AS (SELECT pk, CASE WHEN typeof(key) = 'integer' AND key NOT BETWEEN -9007199254740991 AND 9007199254740991 THEN CAST(key AS REAL) ELSE key END AS sort_key FROM raw) ` +
      `SELECT ${RUN_COLUMNS}, k.sort_key FROM k JOIN runs r ON r.pk = k.pk LEFT JOIN campaigns c ON c.pk = r.campaign_pk ${cursorWhere} ` +
      `ORDER BY k.sort_key IS NULL, k.sort_key ${dir}, k.pk ${dir} LIMIT ?`;
  }
  args.push(limit + 1);
  const rs = await deps.client.execute({ sql, args });
  const rows = rs.rows.slice(0, limit) as unknown as Record<string, unknown>[];
  const last = rows[rows.length - 1];
  return {
    items: rows.map((row) => runView(repo, row)),
    next_cursor: rs.rows.length > limit ? encodeCursor([sortValue(last.sort_key), Number(last.pk), sort.fingerprint]) : null,
  };
}

function sortValue(x: unknown): SortValue {
  if (x === null || x === undefined) return null;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "number" || typeof x === "string") return x;
  // A BLOB cannot come out of a sort key (params are JSON text); be strict anyway.
  throw new Error("unexpected sort key type");
}

/**
 * The runs a filter selects (same archived rule as search), in creation order. More than
 * `max` is a 400 asking to narrow the filter: silently serving the first `max` would look
 * like a complete answer.
 */
export async function findRunsByFilter(deps: Deps, repo: string, filter: string, max: number): Promise<{ pk: number; id: string }[]> {
  const repoPk = await findRepoPk(deps, repo);
  const search = compileSearch(repoPk, filter);
  const rs = await deps.client.execute({
    sql: `SELECT r.pk, r.id FROM runs r WHERE ${search.where} ORDER BY r.created_at, r.pk LIMIT ?`,
    args: [...search.args, max + 1],
  });
  if (rs.rows.length > max) {
    throw badRequest(`The filter matches more than ${max.toLocaleString("en")} runs; narrow it (or name the runs).`, [
      { path: "filter", message: `matches more than ${max} runs` },
    ]);
  }
  return rs.rows.map((row) => ({ pk: Number(row.pk), id: String(row.id) }));
}

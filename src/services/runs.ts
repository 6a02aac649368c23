import type { Deps } from "../deps.ts";
import { notFound, tooLarge } from "../lib/errors.ts";
import { generateId } from "../lib/ids.ts";
import { mergePatch, type JsonObject } from "../lib/merge-patch.ts";
import { iso, isoOrNull } from "../lib/time.ts";
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";
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

function checkParamsSize(deps: Deps, params: JsonObject): string {
  const text = JSON.stringify(params);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > deps.config.limits.maxParamsBytes) {
    throw tooLarge(`params may hold at most ${deps.config.limits.maxParamsBytes} bytes of JSON.`);
  }
  return text;
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
  const params = checkParamsSize(deps, input.params ?? {});
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
  if (patch.params !== undefined) set("params", checkParamsSize(deps, mergePatch(JSON.parse(String(row.params)), patch.params)));
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
  order: "asc" | "desc";
}

/** Runs in creation order; the cursor is the (created_at, pk) of the last run served, so pages never skip or repeat. */
export async function listRuns(deps: Deps, repo: string, { limit, cursor, order }: ListRunsOptions) {
  const repoPk = await findRepoPk(deps, repo);
  const cmp = order === "asc" ? ">" : "<";
  const where = ["r.repo_pk = ?"];
  const args: (string | number)[] = [repoPk];
  if (cursor) {
    const [createdAt, pk] = decodeCursor(cursor, ["number", "number"]).map(Number);
    where.push(`(r.created_at ${cmp} ? OR (r.created_at = ? AND r.pk ${cmp} ?))`);
    args.push(createdAt, createdAt, pk);
  }
  const rs = await deps.client.execute({
    sql: `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE ${where.join(" AND ")} ORDER BY r.created_at ${order}, r.pk ${order} LIMIT ?`,
    args: [...args, limit + 1],
  });
  const rows = rs.rows.slice(0, limit) as unknown as Record<string, unknown>[];
  const last = rows[rows.length - 1];
  return {
    items: rows.map((row) => runView(repo, row)),
    next_cursor: rs.rows.length > limit ? encodeCursor([Number(last.created_at), Number(last.pk)]) : null,
  };
}

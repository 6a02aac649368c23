import type { Deps } from "../../deps.ts";
import { pageOf } from "../../http/cursor.ts";
import { storedJson } from "../../http/params-json.ts";
import { ApiError, badRequest } from "../../http/problems.ts";
import { generateId } from "../../lib/ids.ts";
import { mergePatch } from "../../lib/merge-patch.ts";
import { excerpt } from "../../lib/text.ts";
import { drainObjectDeletes } from "../../runs-core/artifact-object-deletes.ts";
import { lookupCampaign } from "../../runs-core/campaign-lookup.ts";
import { activityStatement, staleBefore } from "../../runs-core/liveness.ts";
import { ensureRepo, findRepoPk } from "../../runs-core/repo-lookup.ts";
import { deleteRunsOf } from "../../runs-core/run-delete.ts";
import { findRunPk, runNotFound } from "../../runs-core/run-lookup.ts";
import { type RunColumns, updateRun } from "../../runs-core/run-update.ts";
import { RUN_COLUMNS, RUN_FROM, type RunView, runView } from "../../runs-core/run-view.ts";
import { listRunSeries } from "../../series/index.ts";
import { listInputs } from "../inputs/service.ts";
import { seriesSummaryView } from "../metrics/views.ts";
import { listValues } from "../values/service.ts";
import type { CreateRunInput, PatchRunInput, RunDetailView } from "./schemas.ts";

async function selectRun(deps: Deps, repoPk: number, runId: string) {
  const rs = await deps.client.execute({ sql: `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.repo_pk = ? AND r.id = ?`, args: [repoPk, runId] });
  return rs.rows[0] as Record<string, unknown> | undefined;
}

// A run's campaign is a field of the body, not the resource the request addresses: one that
// does not exist is a 400 on `campaign`, which a client cannot mistake for "run not found".
const unknownCampaign = (ref: string, where: string) =>
  badRequest(`Campaign ${excerpt(ref)} does not exist in ${where}; create the campaign first.`, [
    { path: "campaign", message: "no campaign of this repo has this id or name" },
  ]);

async function campaignField(deps: Deps, repoPk: number, ref: string, repo: string): Promise<{ pk: number; id: string }> {
  const found = await lookupCampaign(deps, repoPk, ref);
  if (!found) throw unknownCampaign(ref, `repo "${repo}"`);
  return found;
}

/** The stored run row, or a 404 naming what is missing (repo or run). */
async function requireRun(deps: Deps, repo: string, runId: string) {
  const repoPk = await findRepoPk(deps, repo);
  const row = await selectRun(deps, repoPk, runId);
  if (!row) throw runNotFound(repo, runId);
  return { repoPk, row };
}

/**
 * Creates a run, or returns the existing one unchanged when the client re-sends the same id:
 * a training script that restarts resumes its run instead of failing.
 */
export async function createRun(deps: Deps, repo: string, input: CreateRunInput): Promise<{ run: RunView; created: boolean }> {
  const params = storedJson(input.params ?? {}, "params", deps.config.limits);
  const provenance = input.provenance ? storedJson(input.provenance, "provenance", deps.config.limits) : null;
  // A campaign can only exist in an existing repo: naming one must not create the repo
  // as a side effect of a request that then fails. The error names the campaign: that is
  // what the client has to create (creating it creates the repo too).
  let repoPk: number;
  try {
    repoPk = input.campaign ? await findRepoPk(deps, repo) : await ensureRepo(deps, repo);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && input.campaign) throw unknownCampaign(input.campaign, `repo "${repo}" (nor does the repo yet)`);
    throw err;
  }
  if (input.id) {
    const existing = await selectRun(deps, repoPk, input.id);
    if (existing) {
      // A resume is the run's process showing signs of life again.
      const now = Date.now();
      await deps.client.execute(activityStatement(Number(existing.pk), now));
      return { run: runView(repo, { ...existing, last_activity_at: now }, staleBefore(deps)), created: false };
    }
  }
  const campaign = input.campaign ? await campaignField(deps, repoPk, input.campaign, repo) : null;
  const id = input.id ?? generateId();
  const now = Date.now();
  const rs = await deps.client.execute({
    sql: `INSERT INTO runs (repo_pk, id, name, experiment, description, status, archived, campaign_pk, params, tags, provenance, created_at, updated_at, last_activity_at)
          VALUES (?, ?, ?, ?, ?, 'running', 0, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (repo_pk, id) DO NOTHING
          RETURNING pk, id, name, experiment, description, status, archived, params, tags, tag_values, provenance, created_at, updated_at, ended_at, failure, last_activity_at`,
    args: [
      repoPk,
      id,
      input.name ?? "",
      input.experiment ?? "",
      input.description ?? "",
      campaign?.pk ?? null,
      params,
      JSON.stringify([...new Set(input.tags ?? [])]),
      provenance,
      now,
      now,
      now,
    ],
  });
  // The new row comes back from the INSERT itself: a read after it may go to a replica that
  // has not seen the write yet (a plain sqld replica answered 404 for runs it had just created).
  const inserted = rs.rows[0] as Record<string, unknown> | undefined;
  if (inserted) return { run: runView(repo, { ...inserted, campaign_id: campaign?.id ?? null }, staleBefore(deps)), created: true };
  // Lost a race with a concurrent create of the same id: that one won, answer as a resume.
  const row = await selectRun(deps, repoPk, id);
  if (!row) throw runNotFound(repo, id);
  return { run: runView(repo, row, staleBefore(deps)), created: false };
}

/** The series summaries a run's GET carries; a run with more pages through GET .../metrics. */
export const RUN_SERIES_SHOWN = 1000;

export async function getRun(deps: Deps, repo: string, runId: string): Promise<RunDetailView> {
  const { row } = await requireRun(deps, repo, runId);
  const runPk = Number(row.pk);
  const [values, inputs, series] = await Promise.all([
    listValues(deps, runPk),
    listInputs(deps, runPk),
    listRunSeries(deps.client, runPk, { limit: RUN_SERIES_SHOWN + 1 }),
  ]);
  const page = pageOf(
    series,
    RUN_SERIES_SHOWN,
    (s) => seriesSummaryView(s.summary),
    (last) => [last.summary.name, last.summary.context],
  );
  return { ...runView(repo, row, staleBefore(deps)), values, inputs, metrics: page.items, metrics_next_cursor: page.next_cursor };
}

export async function patchRun(deps: Deps, repo: string, runId: string, patch: PatchRunInput): Promise<RunView> {
  const { repoPk, row } = await requireRun(deps, repo, runId);

  const columns: RunColumns = {};
  if (patch.name !== undefined) columns.name = patch.name;
  if (patch.experiment !== undefined) columns.experiment = patch.experiment;
  if (patch.description !== undefined) columns.description = patch.description;
  if (patch.archived !== undefined) columns.archived = patch.archived ? 1 : 0;
  if (patch.status !== undefined && patch.status !== row.status) {
    columns.status = patch.status;
    columns.ended_at = patch.status === "running" ? null : Date.now();
  }
  if (patch.campaign !== undefined) columns.campaign_pk = patch.campaign === null ? null : (await campaignField(deps, repoPk, patch.campaign, repo)).pk;
  if (patch.params !== undefined) {
    storedJson(patch.params, "params", deps.config.limits); // refused before the (recursive) merge walks it
    columns.params = storedJson(mergePatch(JSON.parse(String(row.params)), patch.params), "params", deps.config.limits);
  }
  if (patch.tags !== undefined) {
    const tags = new Set<string>(JSON.parse(String(row.tags)));
    for (const tag of patch.tags.add ?? []) tags.add(tag);
    for (const tag of patch.tags.remove ?? []) tags.delete(tag);
    columns.tags = JSON.stringify([...tags]);
  }
  if (patch.failure !== undefined)
    columns.failure = patch.failure === null ? null : JSON.stringify({ type: patch.failure.type, message: patch.failure.message });
  if (Object.keys(columns).length) await updateRun(deps.client, Number(row.pk), columns);
  const updated = await selectRun(deps, repoPk, runId);
  return runView(repo, updated!, staleBefore(deps));
}

export async function deleteRun(deps: Deps, repo: string, runId: string): Promise<void> {
  const { runPk } = await findRunPk(deps, repo, runId);
  await deps.client.batch(deleteRunsOf("?", [runPk]), "write");
  await drainObjectDeletes(deps);
}

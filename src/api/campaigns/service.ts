import type { Deps } from "../../deps.ts";
import { decodeCursor, pageOf } from "../../http/cursor.ts";
import { storedJson } from "../../http/params-json.ts";
import { conflict, notFound } from "../../http/problems.ts";
import { generateId } from "../../lib/ids.ts";
import { mergePatch } from "../../lib/merge-patch.ts";
import { excerpt } from "../../lib/text.ts";
import { iso } from "../../lib/time.ts";
import { staleBefore } from "../../runs-core/liveness.ts";
import { ensureRepo, findRepoPk } from "../../runs-core/repo-lookup.ts";
import { RUN_COLUMNS, RUN_FROM, runView } from "../../runs-core/run-view.ts";
import type { CampaignDetailView, CampaignView, CreateCampaignInput, PatchCampaignInput } from "./schemas.ts";

const COLUMNS = "k.pk, k.id, k.name, k.description, k.params, k.created_at, (SELECT count(*) FROM runs WHERE runs.campaign_pk = k.pk) AS run_count";

const view = (repo: string, row: Record<string, unknown>): CampaignView => ({
  id: String(row.id),
  repo,
  name: String(row.name),
  description: String(row.description),
  params: JSON.parse(String(row.params)),
  run_count: Number(row.run_count),
  created_at: iso(Number(row.created_at)),
});

async function selectCampaign({ client }: Deps, repoPk: number, id: string) {
  const rs = await client.execute({ sql: `SELECT ${COLUMNS} FROM campaigns k WHERE k.repo_pk = ? AND k.id = ?`, args: [repoPk, id] });
  return rs.rows[0] as Record<string, unknown> | undefined;
}

async function requireCampaign(deps: Deps, repo: string, id: string) {
  const repoPk = await findRepoPk(deps, repo);
  const row = await selectCampaign(deps, repoPk, id);
  if (!row) throw notFound(`Campaign "${id}" does not exist in repo "${repo}".`);
  return { repoPk, row };
}

async function nameTaken({ client }: Deps, repoPk: number, name: string, exceptPk?: number): Promise<boolean> {
  const rs = await client.execute({ sql: "SELECT pk FROM campaigns WHERE repo_pk = ? AND name = ?", args: [repoPk, name] });
  return rs.rows.some((r) => Number(r.pk) !== exceptPk);
}

/** Creates a campaign; re-sending the same id returns the stored one (200), a name in use by another id is a 409. */
export async function createCampaign(deps: Deps, repo: string, input: CreateCampaignInput) {
  const params = storedJson(input.params ?? {}, "params", deps.config.limits);
  const repoPk = await ensureRepo(deps, repo);
  if (input.id) {
    const existing = await selectCampaign(deps, repoPk, input.id);
    if (existing) return { campaign: view(repo, existing), created: false };
  }
  if (await nameTaken(deps, repoPk, input.name)) throw conflict(`A campaign named ${excerpt(input.name)} already exists in repo "${repo}".`);
  const id = input.id ?? generateId();
  let inserted: Record<string, unknown>;
  try {
    // The row comes back from the INSERT itself: a read after it may go to a replica that has
    // not seen the write yet (the row was undefined there, and view() threw a TypeError).
    const rs = await deps.client.execute({
      sql: "INSERT INTO campaigns (repo_pk, id, name, description, params, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING pk, id, name, description, params, created_at",
      args: [repoPk, id, input.name, input.description ?? "", params, Date.now()],
    });
    inserted = rs.rows[0] as Record<string, unknown>;
  } catch (err) {
    if (String(err).includes("UNIQUE")) throw conflict(`Campaign "${id}" or the name ${excerpt(input.name)} was taken concurrently.`);
    throw err;
  }
  return { campaign: view(repo, { ...inserted, run_count: 0 }), created: true };
}

export async function getCampaign(deps: Deps, repo: string, id: string): Promise<CampaignDetailView> {
  const { repoPk, row } = await requireCampaign(deps, repo, id);
  const rs = await deps.client.execute({
    sql: `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.repo_pk = ? AND r.campaign_pk = ? ORDER BY r.created_at, r.pk`,
    args: [repoPk, Number(row.pk)],
  });
  const before = staleBefore(deps);
  return { ...view(repo, row), runs: rs.rows.map((r) => runView(repo, r as unknown as Record<string, unknown>, before)) };
}

export async function listCampaigns(deps: Deps, repo: string, limit: number, cursor?: string) {
  const repoPk = await findRepoPk(deps, repo);
  const after = cursor ? String(decodeCursor(cursor, ["string"])[0]) : undefined;
  const rs = await deps.client.execute({
    sql: `SELECT ${COLUMNS} FROM campaigns k WHERE k.repo_pk = ? ${after === undefined ? "" : "AND k.name > ?"} ORDER BY k.name LIMIT ?`,
    args: after === undefined ? [repoPk, limit + 1] : [repoPk, after, limit + 1],
  });
  return pageOf(
    rs.rows as unknown as Record<string, unknown>[],
    limit,
    (row) => view(repo, row),
    (last) => [String(last.name)],
  );
}

export async function patchCampaign(deps: Deps, repo: string, id: string, patch: PatchCampaignInput): Promise<CampaignView> {
  const { repoPk, row } = await requireCampaign(deps, repo, id);
  const pk = Number(row.pk);
  if (patch.name !== undefined && (await nameTaken(deps, repoPk, patch.name, pk))) {
    throw conflict(`A campaign named ${excerpt(patch.name)} already exists in repo "${repo}".`);
  }
  if (patch.params !== undefined) storedJson(patch.params, "params", deps.config.limits); // refused before the (recursive) merge walks it
  const params =
    patch.params === undefined ? String(row.params) : storedJson(mergePatch(JSON.parse(String(row.params)), patch.params), "params", deps.config.limits);
  await deps.client.execute({
    sql: "UPDATE campaigns SET name = ?, description = ?, params = ? WHERE pk = ?",
    args: [patch.name ?? String(row.name), patch.description ?? String(row.description), params, pk],
  });
  return view(repo, (await selectCampaign(deps, repoPk, id))!);
}

/** Deleting a campaign keeps its runs: they just leave the campaign. */
export async function deleteCampaign(deps: Deps, repo: string, id: string): Promise<void> {
  const { row } = await requireCampaign(deps, repo, id);
  const pk = Number(row.pk);
  await deps.client.batch(
    [
      { sql: "UPDATE runs SET campaign_pk = NULL WHERE campaign_pk = ?", args: [pk] },
      { sql: "DELETE FROM campaigns WHERE pk = ?", args: [pk] },
    ],
    "write",
  );
}

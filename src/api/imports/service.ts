// Restoring campaigns and runs as an export holds them: every field and stored timestamp,
// the run's values and dataset inputs (each replaced as a whole) and its artifacts' creation times. Series points
// and artifact bytes travel through the ordinary ingest and upload routes first; this write
// then puts each run back exactly as exported (status, ended_at, updated_at and
// last_activity_at included, which those routes move). The whole request is one write batch:
// all of it lands or none does. Deciding whether an existing run may be replaced (the same
// content, or a conflict) is the importer's job: this route restores what it is given.
import type { InStatement } from "@libsql/client";
import type { Deps } from "../../deps.ts";
import { storedJson } from "../../http/params-json.ts";
import { badRequest, conflict, notFound } from "../../http/problems.ts";
import { excerpt } from "../../lib/text.ts";
import { insertInputs, storedInputs } from "../inputs/service.ts";
import { prepareValues } from "../values/service.ts";
import type { ImportInput, ImportResult } from "./schemas.ts";

const REPO_PK = "(SELECT pk FROM repos WHERE name = ?)";
const RUN_PK = `(SELECT pk FROM runs WHERE repo_pk = ${REPO_PK} AND id = ?)`;
const CAMPAIGN_PK = `(SELECT pk FROM campaigns WHERE repo_pk = ${REPO_PK} AND id = ?)`;

async function existingIds(deps: Deps, table: "runs" | "campaigns", repo: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rs = await deps.client.execute({
    sql: `SELECT id FROM ${table} WHERE repo_pk = ${REPO_PK} AND id IN (${ids.map(() => "?").join(",")})`,
    args: [repo, ...ids],
  });
  return new Set(rs.rows.map((r) => String(r.id)));
}

/**
 * A 400 on the first item whose key an earlier item has: two runs (or campaigns) with one id,
 * two campaigns with one name, two values of a run with one (name, context) would leave which
 * one wins to the order of writes.
 */
function noRepeats<T>(items: T[], keyOf: (item: T) => string, detail: string, path: (index: number) => string, message: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) throw badRequest(detail, [{ path: path(i), message }]);
    seen.add(key);
  });
}

/** Campaign names must stay unique in the repo: a name another campaign id holds is a 409. */
async function checkCampaignNames(deps: Deps, repo: string, campaigns: NonNullable<ImportInput["campaigns"]>): Promise<void> {
  if (!campaigns.length) return;
  const rs = await deps.client.execute({
    sql: `SELECT id, name FROM campaigns WHERE repo_pk = ${REPO_PK} AND name IN (${campaigns.map(() => "?").join(",")})`,
    args: [repo, ...campaigns.map((k) => k.name)],
  });
  for (const row of rs.rows) {
    const incoming = campaigns.find((k) => k.name === String(row.name));
    if (incoming && incoming.id !== String(row.id))
      throw conflict(`Campaign ${excerpt(incoming.name)} already exists in repo "${repo}" under another id ("${String(row.id)}").`);
  }
}

/** Artifacts whose creation time is restored must have been uploaded (to the run) first. */
async function checkArtifacts(deps: Deps, repo: string, runs: NonNullable<ImportInput["runs"]>): Promise<void> {
  for (const [i, run] of runs.entries()) {
    const paths = (run.artifacts ?? []).map((a) => a.path);
    if (!paths.length) continue;
    const rs = await deps.client.execute({
      sql: `SELECT path FROM artifacts WHERE run_pk = ${RUN_PK} AND path IN (${paths.map(() => "?").join(",")})`,
      args: [repo, run.id, ...paths],
    });
    const held = new Set(rs.rows.map((r) => String(r.path)));
    const missing = paths.findIndex((p) => !held.has(p));
    if (missing >= 0) throw notFound(`Run "${run.id}" has no artifact at runs.${i}.artifacts.${missing}.path; upload it before importing the run.`);
  }
}

export async function importRepoContent(deps: Deps, repo: string, input: ImportInput): Promise<ImportResult> {
  const limits = deps.config.limits;
  const campaigns = input.campaigns ?? [];
  const runs = input.runs ?? [];
  noRepeats(
    campaigns,
    (k) => k.id,
    "Two campaigns of the body share an id.",
    (i) => `campaigns.${i}.id`,
    "repeats an earlier campaign's id",
  );
  noRepeats(
    campaigns,
    (k) => k.name,
    "Two campaigns of the body share a name.",
    (i) => `campaigns.${i}.name`,
    "repeats an earlier campaign's name",
  );
  noRepeats(
    runs,
    (r) => r.id,
    "Two runs of the body share an id.",
    (i) => `runs.${i}.id`,
    "repeats an earlier run's id",
  );
  const campaignParams = campaigns.map((k, i) => storedJson(k.params ?? {}, `campaigns.${i}.params`, limits));
  const inputs = await Promise.all(runs.map((run) => storedInputs(run.inputs ?? [])));
  const prepared = runs.map((run, i) => {
    // Compared by the stored context key, in which the context's keys are ordered.
    const values = prepareValues(deps, run.values ?? [], `runs.${i}.values.`);
    const where = (j: number) => `runs.${i}.values.${j}`;
    noRepeats(
      values,
      (value) => `${value.name}\u0000${value.context}`,
      "A run's values repeat a name and context.",
      where,
      "repeats an earlier (name, context)",
    );
    return {
      params: storedJson(run.params ?? {}, `runs.${i}.params`, limits),
      provenance: run.provenance ? storedJson(run.provenance, `runs.${i}.provenance`, limits) : null,
      values,
    };
  });

  const repoExists = (await deps.client.execute({ sql: "SELECT 1 FROM repos WHERE name = ?", args: [repo] })).rows.length > 0;
  const heldCampaigns = await existingIds(deps, "campaigns", repo, [
    ...new Set([...campaigns.map((k) => k.id), ...runs.flatMap((r) => (r.campaign ? [r.campaign] : []))]),
  ]);
  const bodyCampaigns = new Set(campaigns.map((k) => k.id));
  runs.forEach((run, i) => {
    if (run.campaign && !bodyCampaigns.has(run.campaign) && !heldCampaigns.has(run.campaign))
      // As on PATCH /runs/{run}: a campaign named in the body is a field, not the resource the
      // request addresses, so its absence is a 400 on that field (a 404 reads as "no such repo").
      throw badRequest(`Campaign ${excerpt(run.campaign)} (runs.${i}.campaign) is neither in this import nor in repo "${repo}".`, [
        { path: `runs.${i}.campaign`, message: "no campaign of this import or repo has this id" },
      ]);
  });
  await checkCampaignNames(deps, repo, campaigns);
  await checkArtifacts(deps, repo, runs);
  const heldRuns = await existingIds(
    deps,
    "runs",
    repo,
    runs.map((r) => r.id),
  );

  const statements: InStatement[] = [
    {
      sql: "INSERT INTO repos (name, description, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
      args: [repo, input.repo?.description ?? "", input.repo?.created_at ?? Date.now()],
    },
  ];
  campaigns.forEach((k, i) => {
    statements.push({
      sql: `INSERT INTO campaigns (repo_pk, id, name, description, params, created_at) VALUES (${REPO_PK}, ?, ?, ?, ?, ?)
            ON CONFLICT (repo_pk, id) DO UPDATE SET name = excluded.name, description = excluded.description, params = excluded.params, created_at = excluded.created_at`,
      args: [repo, k.id, k.name, k.description ?? "", campaignParams[i], k.created_at],
    });
  });
  runs.forEach((run, i) => {
    const { params, provenance, values } = prepared[i];
    statements.push(
      {
        sql: `INSERT INTO runs (repo_pk, id, name, experiment, description, status, archived, campaign_pk, params, tags, provenance, created_at, updated_at, ended_at, last_activity_at, failure)
              VALUES (${REPO_PK}, ?, ?, ?, ?, ?, ?, ${run.campaign ? CAMPAIGN_PK : "NULL"}, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (repo_pk, id) DO UPDATE SET name = excluded.name, experiment = excluded.experiment, description = excluded.description,
                status = excluded.status, archived = excluded.archived, campaign_pk = excluded.campaign_pk, params = excluded.params, tags = excluded.tags,
                provenance = excluded.provenance, created_at = excluded.created_at, updated_at = excluded.updated_at, ended_at = excluded.ended_at,
                last_activity_at = excluded.last_activity_at, failure = excluded.failure`,
        args: [
          repo,
          run.id,
          run.name ?? "",
          run.experiment ?? "",
          run.description ?? "",
          run.status,
          run.archived ? 1 : 0,
          ...(run.campaign ? [repo, run.campaign] : []),
          params,
          JSON.stringify([...new Set(run.tags ?? [])]),
          provenance,
          run.created_at,
          run.updated_at,
          run.ended_at ?? null,
          run.last_activity_at ?? null,
          run.failure ? JSON.stringify({ type: run.failure.type, message: run.failure.message }) : null,
        ],
      },
      { sql: `DELETE FROM run_values WHERE run_pk = ${RUN_PK}`, args: [repo, run.id] },
      ...values.map((value, j) => ({
        sql: `INSERT INTO run_values (run_pk, name, context, value, updated_at) VALUES (${RUN_PK}, ?, ?, ?, ?)`,
        args: [repo, run.id, value.name, value.context, value.json, run.values![j].updated_at],
      })),
      { sql: `DELETE FROM run_inputs WHERE run_pk = ${RUN_PK}`, args: [repo, run.id] },
      ...insertInputs(RUN_PK, [repo, run.id], inputs[i], run.updated_at),
      ...(run.artifacts ?? []).map((a) => ({
        sql: `UPDATE artifacts SET created_at = ? WHERE run_pk = ${RUN_PK} AND path = ?`,
        args: [a.created_at, repo, run.id, a.path],
      })),
    );
  });
  await deps.client.batch(statements, "write");
  const createdCampaigns = campaigns.filter((k) => !heldCampaigns.has(k.id)).length;
  const createdRuns = runs.filter((r) => !heldRuns.has(r.id)).length;
  return {
    repo_created: !repoExists,
    campaigns: { created: createdCampaigns, replaced: campaigns.length - createdCampaigns },
    runs: { created: createdRuns, replaced: runs.length - createdRuns },
  };
}

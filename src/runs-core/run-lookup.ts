// Finding runs by id: what every resource below a run needs first.
import type { Deps } from "../deps.ts";
import { notFound } from "../http/problems.ts";
import type { RunStatus } from "../lib/run-status.ts";
import { findRepoPk, repoNotFound } from "./repo-lookup.ts";

export const runNotFound = (repo: string, runId: string) => notFound(`Run "${runId}" does not exist in repo "${repo}".`);

/** The run's internal key, or a 404 naming what is missing (repo or run). */
export async function findRunPk(deps: Deps, repo: string, runId: string): Promise<{ repoPk: number; runPk: number; status: RunStatus }> {
  // One statement for both: on a libSQL server each is a round trip, and every request below
  // a run (each ingest among them) starts here.
  const rs = await deps.client.execute({
    sql: "SELECT p.pk AS repo_pk, r.pk, r.status FROM repos p LEFT JOIN runs r ON r.repo_pk = p.pk AND r.id = ? WHERE p.name = ?",
    args: [runId, repo],
  });
  if (!rs.rows.length) throw repoNotFound(repo);
  const row = rs.rows[0];
  if (row.pk === null) throw runNotFound(repo, runId);
  return { repoPk: Number(row.repo_pk), runPk: Number(row.pk), status: row.status as RunStatus };
}

/** Resolves run ids of a repo to keys, 404 naming the first that does not exist. */
export async function resolveRunIds(deps: Deps, repo: string, ids: string[]): Promise<{ pk: number; id: string }[]> {
  const repoPk = await findRepoPk(deps, repo);
  if (!ids.length) return [];
  const rs = await deps.client.execute({
    sql: `SELECT pk, id FROM runs WHERE repo_pk = ? AND id IN (${ids.map(() => "?").join(",")})`,
    args: [repoPk, ...ids],
  });
  const byId = new Map(rs.rows.map((r) => [String(r.id), Number(r.pk)]));
  return ids.map((id) => {
    const pk = byId.get(id);
    if (pk === undefined) throw runNotFound(repo, id);
    return { pk, id };
  });
}

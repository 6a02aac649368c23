// Finding runs by id: what every resource below a run needs first.
import type { Deps } from "../deps.ts";
import { notFound } from "../http/problems.ts";
import type { RunStatus } from "../lib/run-status.ts";
import { findRepoPk } from "./repo-lookup.ts";

export const runNotFound = (repo: string, runId: string) => notFound(`Run "${runId}" does not exist in repo "${repo}".`);

/** The run's internal key, or a 404 naming what is missing (repo or run). */
export async function findRunPk(deps: Deps, repo: string, runId: string): Promise<{ repoPk: number; runPk: number; status: RunStatus }> {
  const repoPk = await findRepoPk(deps, repo);
  const rs = await deps.client.execute({ sql: "SELECT pk, status FROM runs WHERE repo_pk = ? AND id = ?", args: [repoPk, runId] });
  if (!rs.rows.length) throw runNotFound(repo, runId);
  return { repoPk, runPk: Number(rs.rows[0].pk), status: rs.rows[0].status as RunStatus };
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

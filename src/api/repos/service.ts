import type { Deps } from "../../deps.ts";
import { decodeCursor, pageOf } from "../../http/cursor.ts";
import { iso } from "../../lib/time.ts";
import { drainObjectDeletes } from "../../runs-core/artifact-object-deletes.ts";
import { experimentIdOf } from "../../runs-core/mlflow-experiment-id.ts";
import { findRepoPk, repoNotFound } from "../../runs-core/repo-lookup.ts";
import { deleteRunsOf } from "../../runs-core/run-delete.ts";
import type { RepoView } from "./schemas.ts";

const COLUMNS = `p.pk, p.name, p.description, p.created_at,
  (SELECT count(*) FROM runs WHERE runs.repo_pk = p.pk) AS run_count,
  (SELECT count(*) FROM campaigns WHERE campaigns.repo_pk = p.pk) AS campaign_count`;

const view = (row: Record<string, unknown>): RepoView => ({
  name: String(row.name),
  description: String(row.description),
  created_at: iso(Number(row.created_at)),
  run_count: Number(row.run_count),
  campaign_count: Number(row.campaign_count),
  mlflow_experiment_id: experimentIdOf(String(row.name), Number(row.pk)),
});

export async function getRepo({ client }: Deps, name: string): Promise<RepoView> {
  const rs = await client.execute({ sql: `SELECT ${COLUMNS} FROM repos p WHERE p.name = ?`, args: [name] });
  if (!rs.rows.length) throw repoNotFound(name);
  return view(rs.rows[0] as unknown as Record<string, unknown>);
}

/** Repos by name; `only` (a repo-limited token's repo) lists that one alone. */
export async function listRepos({ client }: Deps, limit: number, cursor?: string, only?: string | null) {
  const after = cursor ? String(decodeCursor(cursor, ["string"])[0]) : undefined;
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (after !== undefined) {
    where.push("p.name > ?");
    args.push(after);
  }
  if (only) {
    where.push("p.name = ?");
    args.push(only);
  }
  const rs = await client.execute({
    sql: `SELECT ${COLUMNS} FROM repos p ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY p.name LIMIT ?`,
    args: [...args, limit + 1],
  });
  return pageOf(rs.rows as unknown as Record<string, unknown>[], limit, view, (last) => [String(last.name)]);
}

export async function putRepo(deps: Deps, name: string, description: string | undefined) {
  const inserted = await deps.client.execute({
    sql: "INSERT INTO repos (name, description, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
    args: [name, description ?? "", Date.now()],
  });
  const created = inserted.rowsAffected > 0;
  if (!created && description !== undefined) await deps.client.execute({ sql: "UPDATE repos SET description = ? WHERE name = ?", args: [description, name] });
  return { repo: await getRepo(deps, name), created };
}

/** Deletes a repo with its runs (and all they own), campaigns and saved views, in one all-or-nothing batch. */
export async function deleteRepo(deps: Deps, name: string): Promise<void> {
  const pk = await findRepoPk(deps, name);
  await deps.client.batch(
    [
      ...deleteRunsOf("SELECT pk FROM runs WHERE repo_pk = ?", [pk]),
      { sql: "DELETE FROM campaigns WHERE repo_pk = ?", args: [pk] },
      { sql: "DELETE FROM mlflow_experiments WHERE repo_pk = ?", args: [pk] },
      { sql: "DELETE FROM saved_views WHERE repo_pk = ?", args: [pk] },
      { sql: "DELETE FROM repos WHERE pk = ?", args: [pk] },
    ],
    "write",
  );
  await drainObjectDeletes(deps);
}

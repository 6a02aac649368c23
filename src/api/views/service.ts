// Saved views: one row per (repo, name); PUT creates or replaces, so saving under a name
// that exists overwrites it, as saving a file does.
import type { Deps } from "../../deps.ts";
import { FilterError, parseColumns, parseFilter, parseSort } from "../../filter/parse.ts";
import { decodeCursor, pageOf } from "../../http/cursor.ts";
import { badRequest, notFound } from "../../http/problems.ts";
import { iso } from "../../lib/time.ts";
import { findRepoPk } from "../../runs-core/repo-lookup.ts";
import type { SavedView, ViewState } from "./schemas.ts";

const viewNotFound = (repo: string, name: string) => notFound(`Repo "${repo}" has no view named "${name}".`);

function checkSyntax(state: ViewState) {
  const checks: [string, string | undefined, (text: string) => unknown][] = [
    ["state.filter", state.filter, parseFilter],
    ["state.sort", state.sort?.trim() ? state.sort : undefined, parseSort],
    ["state.columns", state.columns?.length ? state.columns.join(",") : undefined, parseColumns],
  ];
  for (const [path, text, parse] of checks) {
    if (text === undefined || text.trim() === "") continue;
    try {
      parse(text);
    } catch (err) {
      if (err instanceof FilterError)
        throw badRequest(`The view's ${path.slice("state.".length)} is invalid ${err.message}.`, [{ path, message: err.message }]);
      throw err;
    }
  }
}

const viewOf = (row: Record<string, unknown>): SavedView => ({
  name: String(row.name),
  state: JSON.parse(String(row.state)),
  created_at: iso(Number(row.created_at)),
  updated_at: iso(Number(row.updated_at)),
});

export async function listViews(deps: Deps, repo: string, limit: number, cursor: string | undefined) {
  const repoPk = await findRepoPk(deps, repo);
  const after = cursor ? String(decodeCursor(cursor, ["string"])[0]) : null;
  const rs = await deps.client.execute({
    sql: `SELECT name, state, created_at, updated_at FROM saved_views WHERE repo_pk = ? ${after === null ? "" : "AND name > ?"} ORDER BY name LIMIT ?`,
    args: after === null ? [repoPk, limit + 1] : [repoPk, after, limit + 1],
  });
  return pageOf(rs.rows as unknown as Record<string, unknown>[], limit, viewOf, (last) => [String(last.name)]);
}

export async function getView(deps: Deps, repo: string, name: string): Promise<SavedView> {
  const repoPk = await findRepoPk(deps, repo);
  const rs = await deps.client.execute({
    sql: "SELECT name, state, created_at, updated_at FROM saved_views WHERE repo_pk = ? AND name = ?",
    args: [repoPk, name],
  });
  if (!rs.rows.length) throw viewNotFound(repo, name);
  return viewOf(rs.rows[0] as unknown as Record<string, unknown>);
}

export async function putView(deps: Deps, repo: string, name: string, state: ViewState): Promise<{ view: SavedView; created: boolean }> {
  checkSyntax(state);
  const repoPk = await findRepoPk(deps, repo);
  const now = Date.now();
  // One transaction: whether the name existed is judged on the state the upsert changes.
  const [existing, upserted] = await deps.client.batch(
    [
      { sql: "SELECT 1 FROM saved_views WHERE repo_pk = ? AND name = ?", args: [repoPk, name] },
      {
        sql: `INSERT INTO saved_views (repo_pk, name, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (repo_pk, name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
              RETURNING name, state, created_at, updated_at`,
        args: [repoPk, name, JSON.stringify(state), now, now],
      },
    ],
    "write",
  );
  return { view: viewOf(upserted.rows[0] as unknown as Record<string, unknown>), created: existing.rows.length === 0 };
}

export async function deleteView(deps: Deps, repo: string, name: string): Promise<void> {
  const repoPk = await findRepoPk(deps, repo);
  const rs = await deps.client.execute({ sql: "DELETE FROM saved_views WHERE repo_pk = ? AND name = ?", args: [repoPk, name] });
  if (!rs.rowsAffected) throw viewNotFound(repo, name);
}

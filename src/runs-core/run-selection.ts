// Run selection: which runs a request is about, by `filter` and/or `status` (the run
// search, the campaign summaries, the multi-run series reads). Archived runs only when the
// filter names `archived`; a default status only when the filter does not name `status`.
import type { Deps } from "../deps.ts";
import { compileFilter, type FilterOptions, filterNamesField, type SqlArg } from "../filter/compile.ts";
import { type Expr, FilterError, parseFilter } from "../filter/parse.ts";
import { badRequest } from "../http/problems.ts";
import type { RunStatus } from "../lib/run-status.ts";
import { staleBefore } from "./liveness.ts";
import { findRepoPk } from "./repo-lookup.ts";

/** A FilterError becomes a 400 naming the query parameter; its message carries the position. */
export function filterProblem(err: unknown, path: "filter" | "sort"): never {
  if (err instanceof FilterError) throw badRequest(`The ${path} is invalid ${err.message}.`, [{ path, message: err.message }]);
  throw err;
}

export interface RunSearch {
  /** `r.repo_pk = ? AND ...`: repo, archived rule, status and filter. */
  where: string;
  args: SqlArg[];
  /** The statuses kept (undefined: any). */
  status?: readonly RunStatus[];
  /** The instant `stale` was judged against: views of these runs use the same. */
  options: Required<FilterOptions>;
}

/** Which runs a request is about: a filter and/or a set of statuses. */
export interface RunSelection {
  filter?: string;
  /** Only runs in one of these statuses; undefined = any status (unless defaultStatus). */
  status?: readonly RunStatus[];
  /** Applies when `status` is not given and the filter does not name `status` itself. */
  defaultStatus?: readonly RunStatus[];
}

// Archived runs are hidden unless the filter names `archived` (filterNamesField), so
// `archived`, `not archived` or `archived in (true, false)` take over. A default status
// gives way the same way to a filter that names `status`.
export function compileRunSelection(deps: Deps, repoPk: number, selection: RunSelection): RunSearch {
  const where = ["r.repo_pk = ?"];
  const args: SqlArg[] = [repoPk];
  const options = { staleBefore: staleBefore(deps) };
  let ast: Expr | undefined;
  const { filter } = selection;
  if (filter !== undefined && filter.trim() !== "") {
    try {
      ast = parseFilter(filter);
    } catch (err) {
      filterProblem(err, "filter");
    }
  }
  if (!ast || !filterNamesField(ast, "archived")) where.push("r.archived = 0");
  const status = selection.status ?? (ast && filterNamesField(ast, "status") ? undefined : selection.defaultStatus);
  if (status) {
    where.push(`r.status IN (${status.map(() => "?").join(", ")})`);
    args.push(...status);
  }
  if (ast) {
    const compiled = compileFilter(ast, options);
    where.push(compiled.sql);
    args.push(...compiled.args);
  }
  return { where: where.join(" AND "), args, status, options };
}

/**
 * The runs a selection picks (same archived rule as search), in creation order. More than
 * `max` is a 400 asking to narrow the filter: silently serving the first `max` would look
 * like a complete answer.
 */
export async function findRunsBySelection(deps: Deps, repo: string, selection: RunSelection, max: number): Promise<{ pk: number; id: string }[]> {
  const repoPk = await findRepoPk(deps, repo);
  const search = compileRunSelection(deps, repoPk, selection);
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

// Run search: the filter language compiled to SQL, any sort field, keyset pagination.
import type { Deps } from "../../deps.ts";
import { type CompiledSort, compileSort, type FilterOptions, type SqlArg } from "../../filter/compile.ts";
import { parseSort } from "../../filter/parse.ts";
import { decodeCursor, invalidCursor, pageOf } from "../../http/cursor.ts";
import { badRequest } from "../../http/problems.ts";
import { findRepoPk } from "../../runs-core/repo-lookup.ts";
import { compileRunSelection, filterProblem } from "../../runs-core/run-selection.ts";
import { RUN_COLUMNS, RUN_FROM, runView } from "../../runs-core/run-view.ts";
import { columnValues, listColumnFields, parseColumnsParam } from "./columns.ts";
import type { ListRunsOptions, RunListItem, RunListPage } from "./schemas.ts";

// Sort keys that are NOT NULL columns of runs: ordered by (key, pk) straight from the
// table (created_at uses the runs_repo_created index), no NULL handling needed.
const NOT_NULL_SORTS = new Set(["name", "experiment", "status", "archived", "created_at"]);

interface RunSort extends CompiledSort {
  nullable: boolean;
  /** Ties a cursor to the sort it was issued for. */
  fingerprint: string;
}

function compileRunSort(text: string | undefined, options: FilterOptions): RunSort {
  const spec = text === undefined || text.trim() === "" ? "created_at asc" : text;
  try {
    const { field } = parseSort(spec);
    const sort = compileSort(spec, options);
    const nullable = !(field.kind === "builtin" && NOT_NULL_SORTS.has(field.name));
    // Judged at a fixed instant, so a `stale` sort keeps its fingerprint from page to page.
    const fixed = compileSort(spec, { staleBefore: 0 });
    return { ...sort, nullable, fingerprint: fnv1a(`${fixed.sql}\u0000${JSON.stringify(fixed.args)}\u0000${fixed.direction}`) };
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
  // Row keys (pk) start at 1.
  if (key.length !== 3 || !valueOk || !Number.isSafeInteger(pk) || (pk as number) < 1) throw invalidCursor();
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
export async function listRuns(
  deps: Deps,
  repo: string,
  { limit, cursor, filter, sort: sortText, columns: columnsText, provenance, total }: ListRunsOptions,
): Promise<RunListPage> {
  const columns = columnsText === undefined || columnsText.trim() === "" ? undefined : parseColumnsParam(columnsText);
  const repoPk = await findRepoPk(deps, repo);
  const search = compileRunSelection(deps, repoPk, { filter });
  const sort = compileRunSort(sortText, search.options);
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
  const [rs, count] = await Promise.all([
    deps.client.execute({ sql, args }),
    total === "true" ? deps.client.execute({ sql: `SELECT count(*) AS n FROM runs r WHERE ${search.where}`, args: search.args }) : undefined,
  ]);
  const rows = rs.rows as unknown as Record<string, unknown>[];
  const page = pageOf(
    rows,
    limit,
    (row) => ({ pk: Number(row.pk), view: runView(repo, row, search.options.staleBefore) }),
    (last) => [sortValue(last.sort_key), Number(last.pk), sort.fingerprint],
  );
  const values = columns ? await columnValues(deps, page.items, columns) : undefined;
  const items = page.items.map(({ view }, i): RunListItem => {
    const item: RunListItem = { ...view };
    if (provenance === "false") delete item.provenance;
    if (values) item.columns = values[i];
    return item;
  });
  return count ? { items, next_cursor: page.next_cursor, total: Number(count.rows[0].n) } : { items, next_cursor: page.next_cursor };
}

function sortValue(x: unknown): SortValue {
  if (x === null || x === undefined) return null;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "number" || typeof x === "string") return x;
  // A BLOB cannot come out of a sort key (params are JSON text); be strict anyway.
  throw new Error("unexpected sort key type");
}

export async function listColumns(deps: Deps, repo: string) {
  return listColumnFields(deps, await findRepoPk(deps, repo));
}

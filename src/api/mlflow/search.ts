// search-runs: experiment ids → repos, run_view_type → the archived rule, the filter through
// filter.ts onto src/filter/compile.ts, order_by onto the same compiler's sort keys, and
// offset page tokens (as MLflow's own server issues them).
import type { Deps } from "../../deps.ts";
import { compileFilter, compileSortField, type SqlArg } from "../../filter/compile.ts";
import type { Field } from "../../filter/parse.ts";
import { decodeCursor, encodeCursor } from "../../http/cursor.ts";
import { excerpt } from "../../lib/text.ts";
import { staleBefore } from "../../runs-core/liveness.ts";
import { listSeriesOfRuns, type SeriesSummary } from "../../series/index.ts";
import { listInputsOfRuns } from "../inputs/service.ts";
import { invalidParameter } from "./errors.ts";
import { DEFAULT_REPO } from "./experiments.ts";
import { mlflowFilterAst } from "./filter.ts";
import { datasetInputView } from "./inputs.ts";
import type { SearchRunsInput, SearchRunsView } from "./schemas.ts";
import { systemContextEntries, systemSeriesOfKey } from "./system-metrics.ts";
import { MLFLOW_RUN_COLUMNS, MLFLOW_RUN_FROM, type RunRow, runView } from "./views.ts";

const span = { start: 0, end: 0 };
const ATTRIBUTE_SORTS: Record<string, Field> = {
  start_time: { kind: "builtin", name: "created_at", ...span },
  created: { kind: "builtin", name: "created_at", ...span },
  end_time: { kind: "builtin", name: "ended_at", ...span },
  run_name: { kind: "builtin", name: "name", ...span },
  status: { kind: "builtin", name: "status", ...span },
  run_id: { kind: "runId", ...span },
};

// "metrics.`val loss` DESC", "attributes.start_time", "params.lr ASC", "tags.team"
function orderField(item: string): { field: Field; direction: "asc" | "desc" } {
  const m = /^\s*(?:(metrics?|params?|tags?|attributes?|attr|run)\.)?(?:`([^`]+)`|"([^"]+)"|([^\s`"]+))\s*(ASC|DESC)?\s*$/i.exec(item);
  if (!m) throw invalidParameter(`Invalid order_by clause ${excerpt(item, 40)}.`);
  const entity = (m[1] ?? "attributes").toLowerCase().replace(/s$/, "");
  const key = m[2] ?? m[3] ?? m[4];
  const direction = m[5]?.toUpperCase() === "DESC" ? "desc" : "asc";
  let field: Field | undefined;
  if (entity === "metric") {
    const system = systemSeriesOfKey(key);
    field = system
      ? { kind: "metric", name: system.name, context: systemContextEntries(system), agg: "last", ...span }
      : { kind: "metric", name: key, context: [], agg: "last", ...span };
  } else if (entity === "param") field = { kind: "paramText", path: [key], ...span };
  else if (entity === "tag") field = key === "mlflow.runName" ? ATTRIBUTE_SORTS.run_name : { kind: "tagValue", key, ...span };
  else field = ATTRIBUTE_SORTS[key];
  if (!field) throw invalidParameter(`Invalid order_by clause ${excerpt(item, 40)}: attributes sort by start_time, end_time, run_name, status or run_id.`);
  return { field, direction };
}

export async function searchMlflowRuns(deps: Deps, input: SearchRunsInput): Promise<SearchRunsView> {
  const where: string[] = [];
  const args: SqlArg[] = [];
  const ids = input.experiment_ids ?? [];
  if (ids.length) {
    // "0" is the repo named default; other ids are repo keys (unknown ones match nothing).
    const pks = ids.filter((id) => /^\d{1,15}$/.test(id) && id !== "0").map(Number);
    const parts = [];
    if (pks.length) {
      parts.push(`r.repo_pk IN (${pks.map(() => "?").join(", ")})`);
      args.push(...pks);
    }
    if (ids.includes("0")) {
      parts.push("p.name = ?");
      args.push(DEFAULT_REPO);
    }
    where.push(parts.length ? `(${parts.join(" OR ")})` : "0");
  }
  const view = input.run_view_type ?? "ACTIVE_ONLY";
  if (view !== "ALL") where.push(view === "DELETED_ONLY" ? "r.archived = 1" : "r.archived = 0");
  const options = { staleBefore: staleBefore(deps) };
  const ast = input.filter ? mlflowFilterAst(input.filter) : undefined;
  if (ast) {
    const compiled = compileFilter(ast, options);
    where.push(compiled.sql);
    args.push(...compiled.args);
  }
  const order: string[] = [];
  const orderArgs: SqlArg[] = [];
  for (const item of input.order_by ?? []) {
    const { field, direction } = orderField(item);
    const sort = compileSortField(field, direction, options);
    // Runs lacking the key come last either way, as in MLflow.
    order.push(`(${sort.sql}) IS NULL`, `(${sort.sql}) ${direction}`);
    orderArgs.push(...sort.args, ...sort.args);
  }
  order.push("r.created_at DESC", "r.pk DESC");
  const limit = input.max_results ?? 1000;
  const offset = input.page_token ? Number(decodeCursor(input.page_token, ["integer"])[0]) : 0;
  const rs = await deps.client.execute({
    sql: `SELECT ${MLFLOW_RUN_COLUMNS} FROM ${MLFLOW_RUN_FROM} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY ${order.join(", ")} LIMIT ? OFFSET ?`,
    args: [...args, ...orderArgs, limit + 1, offset],
  });
  const rows = (rs.rows as unknown as RunRow[]).slice(0, limit);
  const summaries = new Map<number, SeriesSummary[]>();
  for (const s of await listSeriesOfRuns(
    deps.client,
    rows.map((r) => Number(r.pk)),
  ))
    summaries.set(s.runPk, [...(summaries.get(s.runPk) ?? []), s.summary]);
  const inputs = await listInputsOfRuns(
    deps.client,
    rows.map((r) => Number(r.pk)),
  );
  const runs = rows.map((row) =>
    runView(row, summaries.get(Number(row.pk)) ?? ([] as SeriesSummary[]), { dataset_inputs: (inputs.get(Number(row.pk)) ?? []).map(datasetInputView) }),
  );
  return rs.rows.length > limit ? { runs, next_page_token: encodeCursor([offset + limit]) } : { runs };
}

// TEMPORARY: what the UI does until the API additions it is written against land (the
// `columns` run-listing parameter, GET /columns, columnar series reads). Everything here goes
// away with them; each flag says what to flip.
//
// - Runs listing `columns=`: detected per response (items carry `columns` or not); without it
//   the chosen values/metrics columns are read from each row's run detail, six at a time.
// - GET /repos/{repo}/columns: COLUMNS_ENDPOINT; without it the column chooser lists what the
//   runs on screen hold.
// - Columnar series: GET reads ask for format=columnar and parse either shape (series.ts);
//   POST metrics/query rejects unknown body keys today, so it asks only when QUERY_COLUMNAR.
import { getJson, path } from "./client.ts";
import type { Page, Run, RunDetail, WireNumber } from "./types.ts";
import { contextKey } from "./wire.ts";
import { FilterError, parseSort, type Field } from "../../../src/lib/filter/parse.ts";
import type { Aggregation } from "../columns.ts";
import { paramPaths } from "../params.ts";
import { pool } from "./pool.ts";

export type ColumnField =
  | { kind: "param"; path: string[] }
  | { kind: "value"; name: string; context: Record<string, unknown> }
  | { kind: "metric"; name: string; context: Record<string, unknown>; agg: Aggregation };

/**
 * The column's field, or null when the text is not a params/values/metrics field. The server's
 * own parser reads it, so the fallback means what `columns=` will.
 */
export function parseColumnField(text: string): ColumnField | null {
  let field: Field;
  try {
    field = parseSort(text).field;
  } catch (err) {
    if (err instanceof FilterError) return null;
    throw err;
  }
  const context = (entries: { key: string; value: unknown }[]) => Object.fromEntries(entries.map((e) => [e.key, e.value]));
  if (field.kind === "param") return { kind: "param", path: field.path };
  if (field.kind === "value") return { kind: "value", name: field.name, context: context(field.context) };
  if (field.kind === "metric") return { kind: "metric", name: field.name, context: context(field.context), agg: field.agg };
  return null;
}

export const COLUMNS_ENDPOINT = false;
export const QUERY_COLUMNAR = false;

export interface ColumnCatalog {
  params: string[];
  values: { name: string; context: Record<string, unknown> }[];
  metrics: { name: string; context: Record<string, unknown> }[];
}

function columnOf(field: ColumnField, run: Run, detail: RunDetail | undefined): unknown {
  if (field.kind === "param") return field.path.reduce<unknown>((x, key) => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>)[key] : undefined), run.params);
  if (!detail) return null;
  const ctx = contextKey(field.context);
  if (field.kind === "value") return detail.values.find((v) => v.name === field.name && contextKey(v.context) === ctx)?.value ?? null;
  const series = detail.metrics.find((m) => m.name === field.name && contextKey(m.context) === ctx);
  if (!series) return null;
  return field.agg === "count" ? series.count : field.agg === "last_step" ? series.last_step : (series[field.agg] as WireNumber | null);
}

/** Fills `columns` on runs the server listed without them. */
export async function fillColumns(repo: string, items: Run[], columns: string[], signal?: AbortSignal): Promise<void> {
  const fields = columns.map((text) => [text, parseColumnField(text)] as const);
  const needDetail = fields.some(([, f]) => f && f.kind !== "param");
  const details = new Map<string, RunDetail>();
  if (needDetail) await pool(items, 6, async (run) => void details.set(run.id, await getJson<RunDetail>(path("repos", repo, "runs", run.id), undefined, signal)));
  for (const run of items) {
    const values: Record<string, unknown> = {};
    for (const [text, field] of fields) values[text] = field ? columnOf(field, run, details.get(run.id)) ?? null : null;
    (run as Run & { columns?: Record<string, unknown> }).columns = values;
  }
}

/** The fields the column chooser offers. */
export async function columnCatalog(repo: string, runs: Run[], signal?: AbortSignal): Promise<ColumnCatalog> {
  if (COLUMNS_ENDPOINT) return getJson<ColumnCatalog>(path("repos", repo, "columns"), undefined, signal);
  // Param paths in filter syntax: keys that are not plain names quoted.
  const params = paramPaths(runs.map((r) => r.params)).map((p) => p.split(".").map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join("."));
  const values = new Map<string, { name: string; context: Record<string, unknown> }>();
  const metrics = new Map<string, { name: string; context: Record<string, unknown> }>();
  await pool(runs.slice(0, 10), 6, async (run) => {
    const detail = await getJson<RunDetail>(path("repos", repo, "runs", run.id), undefined, signal);
    for (const v of detail.values) values.set(v.name + contextKey(v.context), { name: v.name, context: v.context });
    for (const m of detail.metrics) metrics.set(m.name + contextKey(m.context), { name: m.name, context: m.context });
  });
  return { params, values: [...values.values()], metrics: [...metrics.values()] };
}

export type RunPage = Page<Run & { columns?: Record<string, unknown> }>;

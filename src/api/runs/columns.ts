// Columns of a run listing: fields in filter syntax (`params.lr`, `values.acc{subset:"test"}`,
// `metrics.loss{subset:"val"}.min`) evaluated for the runs of one page, so a table or a
// DataFrame needs one request, not one per run. Params, tags and run fields come from the
// page's own rows; values and series summaries take one query each for the whole page.
import type { Deps } from "../../deps.ts";
import { formatField } from "../../filter/format.ts";
import type { Column, ContextEntry, Field } from "../../filter/parse.ts";
import { FilterError, parseColumns } from "../../filter/parse.ts";
import { badRequest } from "../../http/problems.ts";
import { canonicalContext, parseContext } from "../../lib/context.ts";
import { toWire } from "../../lib/numbers.ts";
import type { RunView } from "../../runs-core/run-view.ts";
import { findSeries, type SeriesSummary } from "../../series/index.ts";
import type { ColumnFields } from "./schemas.ts";

export type ColumnValues = Record<string, unknown>;

/** The `columns` query parameter, or a 400 pointing at the offending position. */
export function parseColumnsParam(text: string): Column[] {
  try {
    return parseColumns(text);
  } catch (err) {
    if (err instanceof FilterError) throw badRequest(`The columns are invalid ${err.message}.`, [{ path: "columns", message: err.message }]);
    throw err;
  }
}

const contextOf = (entries: readonly ContextEntry[]) => canonicalContext(Object.fromEntries(entries.map((e) => [e.key, e.value])));
const keyOf = (name: string, context: string) => `${name}\u0000${context}`;
const wire = (x: number | null) => (x === null ? null : toWire(x));

function paramAt(params: unknown, path: readonly string[]): unknown {
  let at = params;
  for (const key of path) {
    if (at === null || typeof at !== "object" || Array.isArray(at) || !Object.hasOwn(at, key)) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function fromSummary(summary: SeriesSummary | undefined, agg: Extract<Field, { kind: "metric" }>["agg"]): unknown {
  if (!summary) return null;
  switch (agg) {
    case "last":
      return wire(summary.last);
    case "min":
      return wire(summary.min);
    case "max":
      return wire(summary.max);
    case "count":
      return summary.count;
    case "last_step":
      return summary.lastStep;
  }
}

function fromRun(run: RunView, field: Extract<Field, { kind: "builtin" }>): unknown {
  return run[field.name];
}

/** Each run's column values, keyed by the column text as written, in the page's order. */
export async function columnValues(deps: Deps, runs: { pk: number; view: RunView }[], columns: Column[]): Promise<ColumnValues[]> {
  if (!runs.length) return [];
  const pks = runs.map((r) => r.pk);
  const seriesKeys = new Map<string, { name: string; context: string }>();
  const valueKeys = new Map<string, { name: string; context: string }>();
  for (const { field } of columns) {
    if (field.kind === "metric") seriesKeys.set(keyOf(field.name, contextOf(field.context)), { name: field.name, context: contextOf(field.context) });
    if (field.kind === "value") valueKeys.set(keyOf(field.name, contextOf(field.context)), { name: field.name, context: contextOf(field.context) });
  }
  const [series, values] = await Promise.all([
    seriesKeys.size ? findSeries(deps.client, pks, [...seriesKeys.values()]) : [],
    valueKeys.size ? readValues(deps, pks, [...valueKeys.values()]) : new Map<string, unknown>(),
  ]);
  const summaries = new Map(series.map((s) => [`${s.runPk}\u0000${keyOf(s.summary.name, s.summary.context)}`, s.summary]));
  return runs.map(({ pk, view }) => {
    const out: ColumnValues = {};
    for (const { text, field } of columns) {
      switch (field.kind) {
        case "builtin":
          out[text] = fromRun(view, field);
          break;
        case "param":
          out[text] = paramAt(view.params, field.path);
          break;
        case "tag":
          out[text] = view.tags.includes(field.label);
          break;
        case "keyValueTag":
          out[text] = Object.hasOwn(view.tag_values, field.key) ? view.tag_values[field.key] : null;
          break;
        case "value":
          out[text] = values.get(`${pk}\u0000${keyOf(field.name, contextOf(field.context))}`) ?? null;
          break;
        case "metric":
          out[text] = fromSummary(summaries.get(`${pk}\u0000${keyOf(field.name, contextOf(field.context))}`), field.agg);
          break;
      }
    }
    return out;
  });
}

/** The values named by `keys` of the runs `pks`, by run pk, name and context. */
async function readValues(deps: Deps, pks: number[], keys: { name: string; context: string }[]): Promise<Map<string, unknown>> {
  const names = [...new Set(keys.map((k) => k.name))];
  const wanted = new Set(keys.map((k) => keyOf(k.name, k.context)));
  const rs = await deps.client.execute({
    sql: `SELECT run_pk, name, context, value FROM run_values WHERE run_pk IN (${pks.map(() => "?").join(", ")}) AND name IN (${names.map(() => "?").join(", ")})`,
    args: [...pks, ...names],
  });
  const out = new Map<string, unknown>();
  for (const row of rs.rows) {
    const key = keyOf(String(row.name), String(row.context));
    if (wanted.has(key)) out.set(`${Number(row.run_pk)}\u0000${key}`, JSON.parse(String(row.value)));
  }
  return out;
}

// The most column fields of each kind a repo lists: a chooser, not an export.
const MAX_FIELDS = 1000;

/** `$.opt."a b".lr` (json_tree's fullkey) as its keys; null for a path into an array. */
function jsonTreeKeys(fullkey: string): string[] | null {
  const keys: string[] = [];
  let at = 1; // after "$"
  while (at < fullkey.length) {
    if (fullkey[at] !== ".") return null; // "[n]": inside an array
    at++;
    if (fullkey[at] === '"') {
      const end = fullkey.indexOf('"', at + 1);
      if (end < 0) return null;
      keys.push(fullkey.slice(at + 1, end));
      at = end + 1;
    } else {
      let end = at;
      while (end < fullkey.length && fullkey[end] !== "." && fullkey[end] !== "[") end++;
      keys.push(fullkey.slice(at, end));
      at = end;
    }
  }
  return keys.length ? keys : null;
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** The column fields a repo's runs have: param paths (leaves; arrays whole), values, series and key/value tags. */
export async function listColumnFields(deps: Deps, repoPk: number): Promise<ColumnFields> {
  const [params, values, series, tagKeys] = await deps.client.batch(
    [
      {
        sql: `SELECT DISTINCT t.fullkey AS fullkey FROM runs r, json_tree(r.params) t WHERE r.repo_pk = ? AND r.archived = 0 AND t.type != 'object' ORDER BY t.fullkey LIMIT ?`,
        args: [repoPk, MAX_FIELDS * 4],
      },
      {
        sql: "SELECT DISTINCT v.name, v.context FROM run_values v JOIN runs r ON r.pk = v.run_pk WHERE r.repo_pk = ? ORDER BY v.name, v.context LIMIT ?",
        args: [repoPk, MAX_FIELDS],
      },
      {
        sql: "SELECT DISTINCT s.name, s.context FROM series s JOIN runs r ON r.pk = s.run_pk WHERE r.repo_pk = ? ORDER BY s.name, s.context LIMIT ?",
        args: [repoPk, MAX_FIELDS],
      },
      {
        sql: "SELECT DISTINCT t.key AS tag_key FROM runs r, json_each(r.tag_values) t WHERE r.repo_pk = ? AND r.archived = 0 AND r.tag_values IS NOT NULL ORDER BY tag_key LIMIT ?",
        args: [repoPk, MAX_FIELDS],
      },
    ],
    "read",
  );
  const paths = params.rows
    .map((row) => jsonTreeKeys(String(row.fullkey)))
    .filter((keys): keys is string[] => keys !== null)
    .sort((a, b) => compareKeys(a, b));
  const named = (rows: typeof values.rows, kind: "value" | "metric") =>
    rows.map((row) => {
      const context = parseContext(String(row.context));
      const entries = Object.entries(context).map(([key, value]) => ({ key, value }));
      const field: Field =
        kind === "value"
          ? { kind, name: String(row.name), context: entries, start: 0, end: 0 }
          : { kind, name: String(row.name), context: entries, agg: "last", start: 0, end: 0 };
      // A series' field names its summary: the text up to the aggregation.
      const text = formatField(field);
      return { name: String(row.name), context, field: kind === "metric" ? text.slice(0, -".last".length) : text };
    });
  return {
    params: paths.slice(0, MAX_FIELDS).map((path) => formatField({ kind: "param", path, start: 0, end: 0 })),
    values: named(values.rows, "value"),
    metrics: named(series.rows, "metric"),
    tag_values: tagKeys.rows.map((row) => formatField({ kind: "keyValueTag", key: String(row.tag_key), start: 0, end: 0 })),
  };
}

// Grouping runs by param values: canonical JSON keys, path lookup, the params that vary
// across runs (the default group_by), and the order groups are listed in. Shared by the
// campaign summary and the campaign confusion report.
import { canonicalJson, type Json } from "../../../lib/json.ts";

export const MISSING = Symbol("missing");

export function lookup(params: Json, path: readonly string[]): Json | typeof MISSING {
  let at: Json = params;
  for (const key of path) {
    if (at === null || typeof at !== "object" || Array.isArray(at) || !Object.hasOwn(at, key)) return MISSING;
    at = at[key];
  }
  return at;
}

function leafPaths(value: Json, prefix: string[], out: Map<string, string[]>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const key of Object.keys(value)) leafPaths(value[key], [...prefix, key], out);
  } else if (prefix.length > 0) {
    out.set(JSON.stringify(prefix), prefix);
  }
}

/** Leaf paths whose value is not the same in every run (a missing key is a value too). */
export function varyingPaths(paramsList: readonly Json[]): string[][] {
  const all = new Map<string, string[]>();
  for (const params of paramsList) leafPaths(params, [], all);
  const varying: string[][] = [];
  for (const path of all.values()) {
    const seen = new Set<string>();
    for (const params of paramsList) {
      const v = lookup(params, path);
      seen.add(v === MISSING ? "" : canonicalJson(v));
      if (seen.size > 1) break;
    }
    if (seen.size > 1) varying.push(path);
  }
  return varying.sort((a, b) => compareText(a.join("."), b.join(".")));
}

export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rank(v: Json): number {
  if (v === null) return 0;
  if (typeof v === "boolean") return 1;
  if (typeof v === "number") return 2;
  if (typeof v === "string") return 3;
  return 4;
}

export function compareJson(a: Json, b: Json): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (typeof a === "string" && typeof b === "string") return compareText(a, b);
  return a === null ? 0 : compareText(canonicalJson(a), canonicalJson(b as Json));
}

/** A group_by path as filters spell it (params.lr) or bare (lr), as a list of keys. */
export const paramPathKeys = (path: string) => (path.startsWith("params.") ? path.slice("params.".length) : path).split(".");

/** The group_by paths of a request as key lists, each once. */
export const groupByPaths = (paths: readonly string[]) => [...new Map(paths.map((path) => [paramPathKeys(path).join("."), paramPathKeys(path)])).values()];

/** The first path of `groupBy` that none of `runs` has (a 400 for the caller), if any. */
export function pathNoRunHas(runs: readonly { params: Json }[], groupBy: readonly string[][]): string[] | undefined {
  if (runs.length === 0) return undefined;
  return groupBy.find((path) => !runs.some((r) => lookup(r.params, path) !== MISSING));
}

export interface RunGroup<R> {
  /** The group's value at each group_by path; null where its runs lack the path. */
  values: Json[];
  runs: R[];
}

/** `runs` grouped by their values at `groupBy`, groups ordered by those values (see compareJson). */
export function groupRuns<R extends { params: Json }>(runs: readonly R[], groupBy: readonly string[][]): RunGroup<R>[] {
  const groups = new Map<string, RunGroup<R>>();
  for (const run of runs) {
    const values = groupBy.map((path) => {
      const v = lookup(run.params, path);
      return v === MISSING ? null : v;
    });
    const key = canonicalJson(values);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { values, runs: [] }));
    group.runs.push(run);
  }
  return [...groups.values()].sort((a, b) => {
    for (let i = 0; i < a.values.length; i++) {
      const c = compareJson(a.values[i], b.values[i]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

// Grouping runs by param values: canonical JSON keys, path lookup, the params that vary
// across runs (the default group_by), and the order groups are listed in.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with sorted object keys: equal values, equal text. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
}

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

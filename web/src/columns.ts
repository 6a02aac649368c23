// Run-table columns are written in the filter language's field syntax — `params.lr`,
// `values.acc{subset:"test"}`, `metrics.loss{subset:"val"}.min` — the same text the server
// takes in `columns=` and `sort=`, and the text kept in the page URL.

export type Aggregation = "last" | "min" | "max" | "count" | "last_step";
export const AGGREGATIONS: Aggregation[] = ["last", "min", "max", "count", "last_step"];

/** Splits a comma-separated column list; commas inside `{...}` or quotes do not split. */
export function splitColumnList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

const bareName = (name: string) => (/^[A-Za-z0-9_./-]+$/.test(name) && !name.startsWith(".") ? name : JSON.stringify(name));
const bareKey = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key));

/** `{subset:"val"}` in filter syntax; "" for the empty context. */
export function contextText(context: Record<string, unknown>): string {
  const entries = Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!entries.length) return "";
  return `{${entries.map(([k, v]) => `${bareKey(k)}:${JSON.stringify(v)}`).join(", ")}}`;
}

export const valueColumn = (name: string, context: Record<string, unknown>) => `values.${bareName(name)}${contextText(context)}`;

export function metricColumn(name: string, context: Record<string, unknown>, agg: Aggregation): string {
  // A dotted name without a context would read its last segment as the aggregation: quote it.
  const ctx = contextText(context);
  const n = !ctx && name.includes(".") ? JSON.stringify(name) : bareName(name);
  return `metrics.${n}${ctx}.${agg}`;
}

/** The inverse of contextText (for our own URL parameters): `{subset:"val"}` → {subset: "val"}. */
export function parseContextText(text: string): Record<string, unknown> | null {
  if (!text || text === "{}") return {};
  try {
    const value = JSON.parse(text.replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:/g, '$1"$2":'));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

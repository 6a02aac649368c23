// JSON values as the app handles them outside the schemas: the type, and canonical text
// (sorted keys) for grouping and display.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with sorted object keys: equal values, equal text. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
}

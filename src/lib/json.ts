// JSON values as the app handles them outside the schemas: the type, canonical text (sorted
// keys) for grouping and display, and text that keeps -0.
import { isNegativeZero } from "./numbers.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with sorted object keys: equal values, equal text. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
}

// JSON.stringify writes -0 as 0, so a stored -0.0 would read back as 0. JSON has the literal
// -0.0: JavaScript parses it as -0 and Python as -0.0 (Python reads a bare -0 as the integer
// 0). Answers that carry stored floats are scanned for a -0 (cheap: one comparison per
// number) and only an answer that holds one takes the slower path that writes it.

/** Whether a JSON value holds a -0 anywhere. */
export function holdsNegativeZero(value: unknown): boolean {
  if (typeof value === "number") return isNegativeZero(value);
  if (value === null || typeof value !== "object") return false;
  // Indexed loops: series answers are arrays of 10^5 numbers, and iterators cost several times more.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === "number" ? isNegativeZero(item) : holdsNegativeZero(item)) return true;
    }
    return false;
  }
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === "number" ? isNegativeZero(item) : holdsNegativeZero(item)) return true;
  }
  return false;
}

// JSON.rawJSON (V8: Node 22, workerd, Deno) puts text into JSON.stringify's output as is.
const rawJSON = (JSON as { rawJSON?: (text: string) => unknown }).rawJSON;

/** JSON text of `value` as JSON.stringify writes it, but every -0 as -0.0. */
export function jsonTextKeepingNegativeZero(value: unknown): string {
  if (rawJSON) {
    const minusZero = rawJSON("-0.0");
    const mark = (v: unknown): unknown => {
      if (typeof v === "number") return isNegativeZero(v) ? minusZero : v;
      if (v === null || typeof v !== "object") return v;
      if (Array.isArray(v)) {
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const item = v[i];
          out[i] = typeof item === "number" ? (isNegativeZero(item) ? minusZero : item) : mark(item);
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key in v) {
        const item = mark((v as Record<string, unknown>)[key]);
        // A "__proto__" key (JSON.parse makes it an own key) must stay a key, not set the prototype.
        if (key === "__proto__") Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
        else out[key] = item;
      }
      return out;
    };
    return JSON.stringify(mark(value));
  }
  return jsonTextWritten(value);
}

/** The same without JSON.rawJSON (other engines), writing the text itself: correct, slower. */
export function jsonTextWritten(value: unknown): string {
  if (typeof value === "number") return isNegativeZero(value) ? "-0.0" : JSON.stringify(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const absent = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";
  if (Array.isArray(value)) return `[${value.map((v) => (absent(v) ? "null" : jsonTextWritten(v))).join(",")}]`;
  const fields: string[] = [];
  for (const [key, v] of Object.entries(value)) if (!absent(v)) fields.push(`${JSON.stringify(key)}:${jsonTextWritten(v)}`);
  return `{${fields.join(",")}}`;
}

/** JSON text of a value that may hold a stored -0: JSON.stringify's, unless it holds one. */
export const jsonText = (value: unknown) => (holdsNegativeZero(value) ? jsonTextKeepingNegativeZero(value) : JSON.stringify(value));

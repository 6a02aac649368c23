// Contexts ({"subset":"val"}) identify series and values, so two spellings of the same
// object must be one key: we store them as JSON with sorted keys.
import { badRequest } from "./errors.ts";
import type { Limits } from "../config.ts";

export type ContextValue = string | number | boolean;
export type Context = Record<string, ContextValue>;

export function canonicalContext(context: Context | undefined | null, limits: Pick<Limits, "maxContextKeys">, path = "context"): string {
  if (context === undefined || context === null) return "{}";
  const keys = Object.keys(context);
  if (keys.length > limits.maxContextKeys) {
    throw badRequest(`A context may have at most ${limits.maxContextKeys} keys.`, [
      { path, message: `has ${keys.length} keys, the limit is ${limits.maxContextKeys}` },
    ]);
  }
  keys.sort();
  // A null-prototype object, so a key named "__proto__" is kept as data like any other.
  const sorted: Context = Object.create(null);
  for (const key of keys) {
    const value = context[key];
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw badRequest("Context values must be finite numbers, strings or booleans.", [{ path: `${path}.${key}`, message: "must be finite" }]);
    }
    sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

export function parseContext(text: string): Context {
  return JSON.parse(text) as Context;
}

// Contexts ({"subset":"val"}) identify series and values, so two spellings of the same
// object must be one key: we store them as JSON with sorted keys. Pure: the HTTP layer
// (src/http/context-key.ts) turns contextIssue into a problem.
export type ContextValue = string | number | boolean;
export type Context = Record<string, ContextValue>;

/** What makes `context` unusable as a key, or null when it is fine. */
export function contextIssue(context: Context, maxKeys: number): { key: string | null; message: string } | null {
  const keys = Object.keys(context);
  if (keys.length > maxKeys) return { key: null, message: `has ${keys.length} keys, the limit is ${maxKeys}` };
  for (const key of keys) {
    const value = context[key];
    if (typeof value === "number" && !Number.isFinite(value)) return { key, message: "must be finite" };
  }
  return null;
}

/** The stored spelling of a context that passed contextIssue: JSON with sorted keys. */
export function canonicalContext(context: Context | undefined | null): string {
  if (context === undefined || context === null) return "{}";
  // A null-prototype object, so a key named "__proto__" is kept as data like any other.
  const sorted: Context = Object.create(null);
  for (const key of Object.keys(context).sort()) sorted[key] = context[key];
  return JSON.stringify(sorted);
}

export function parseContext(text: string): Context {
  return JSON.parse(text) as Context;
}

// Contexts ({"subset":"val"}) identify series and values, so two spellings of the same
// object must be one key: we store them as JSON with sorted keys. Pure: the HTTP layer
// (src/http/context-key.ts) turns contextIssue into a problem.
import { nameIssue } from "./text.ts";

export type ContextValue = string | number | boolean;
export type Context = Record<string, ContextValue>;

export interface ContextLimits {
  maxContextKeys: number;
  /** Longest key, and longest string value: a context is part of a series' key. */
  maxContextLength: number;
}

/**
 * What makes `context` unusable as a key, or null when it is fine. `key` names the entry at
 * fault (null: the whole context); the message never quotes the key or value.
 */
export function contextIssue(context: Context, limits: ContextLimits): { key: string | null; message: string } | null {
  const keys = Object.keys(context);
  if (keys.length > limits.maxContextKeys) return { key: null, message: `has ${keys.length} keys, the limit is ${limits.maxContextKeys}` };
  for (const key of keys) {
    if (key.length > limits.maxContextLength) return { key: null, message: `has a key longer than ${limits.maxContextLength} characters` };
    const keyIssue = nameIssue(key);
    if (keyIssue) return { key: null, message: `has a key that ${keyIssue}` };
    const value = context[key];
    if (typeof value === "number" && !Number.isFinite(value)) return { key, message: "must be finite" };
    if (typeof value === "string") {
      if (value.length > limits.maxContextLength) return { key, message: `must be at most ${limits.maxContextLength} characters` };
      const valueIssue = nameIssue(value);
      if (valueIssue) return { key, message: valueIssue };
    }
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

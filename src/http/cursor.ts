import { badRequest } from "./problems.ts";

// Cursors are opaque to clients: base64url of the JSON sort key of the last item served.
export function encodeCursor(key: unknown[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A part of a cursor's key: text, or a non-negative safe integer (every number a shaped cursor holds is a step or an offset). */
export type CursorPart = "string" | "integer";

const fits = (part: unknown, type: CursorPart) => (type === "integer" ? Number.isSafeInteger(part) && (part as number) >= 0 : typeof part === "string");

/**
 * The key a cursor holds, if this server could have issued it: base64url of a JSON array
 * exactly as encodeCursor writes it (re-encoding the key gives the same text, so no padding,
 * spaces or other spellings of a number), whose parts are of the types `shape` lists. Anything
 * else (a forged `[-5]`, a tampered or foreign cursor) is a 400, never a query with NaN,
 * negative or undefined arguments. Without `shape` the caller checks the parts itself.
 */
export function decodeCursor(cursor: string, shape?: readonly CursorPart[]): unknown[] {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const key = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (Array.isArray(key) && encodeCursor(key) === cursor && (!shape || (key.length === shape.length && shape.every((type, i) => fits(key[i], type)))))
      return key;
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

export const invalidCursor = () => badRequest("The cursor is not one this server issued.", [{ path: "cursor", message: "invalid cursor" }]);

/**
 * One page of a list read with `LIMIT limit + 1`: the extra row only says another page
 * exists, and the cursor is the key of the last row served.
 */
export function pageOf<Row, Item>(rows: readonly Row[], limit: number, view: (row: Row) => Item, keyOf: (last: Row) => unknown[]) {
  const served = rows.slice(0, limit);
  return { items: served.map(view), next_cursor: rows.length > limit ? encodeCursor(keyOf(served[served.length - 1])) : null };
}

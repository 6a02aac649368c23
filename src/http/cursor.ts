import { badRequest } from "./problems.ts";

// Cursors are opaque to clients: base64url of the JSON sort key of the last item served.
export function encodeCursor(key: unknown[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// `shape` lists the type of each key part: a cursor that decodes to anything else (a tampered or
// foreign cursor) is a 400, never a query with NaN or undefined arguments.
export function decodeCursor(cursor: string, shape?: readonly ("string" | "number")[]): unknown[] {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const key = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    const fits = (part: unknown, type: "string" | "number") => (type === "number" ? Number.isSafeInteger(part) : typeof part === "string");
    if (Array.isArray(key) && (!shape || (key.length === shape.length && shape.every((type, i) => fits(key[i], type))))) return key;
  } catch {
    // fall through to the error below
  }
  throw badRequest("The cursor is not one this server issued.", [{ path: "cursor", message: "invalid cursor" }]);
}

/**
 * One page of a list read with `LIMIT limit + 1`: the extra row only says another page
 * exists, and the cursor is the key of the last row served.
 */
export function pageOf<Row, Item>(rows: readonly Row[], limit: number, view: (row: Row) => Item, keyOf: (last: Row) => unknown[]) {
  const served = rows.slice(0, limit);
  return { items: served.map(view), next_cursor: rows.length > limit ? encodeCursor(keyOf(served[served.length - 1])) : null };
}

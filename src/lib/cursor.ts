import { badRequest } from "./errors.ts";

// Cursors are opaque to clients: base64url of the JSON sort key of the last item served.
export function encodeCursor(key: unknown[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const key = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (Array.isArray(key)) return key;
  } catch {
    // fall through to the error below
  }
  throw badRequest("The cursor is not one this server issued.", [{ path: "cursor", message: "invalid cursor" }]);
}

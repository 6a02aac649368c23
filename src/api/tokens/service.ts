import type { Deps } from "../../deps.ts";
import { decodeCursor, pageOf } from "../../http/cursor.ts";
import { badRequest, notFound } from "../../http/problems.ts";
import { generateId } from "../../lib/ids.ts";
import type { TokenScope } from "../../lib/scopes.ts";
import { iso, isoOrNull } from "../../lib/time.ts";
import type { CreateTokenInput, IssuedTokenView, TokenView } from "./schemas.ts";

const COLUMNS = "id, name, scope, repo, created_at, expires_at, last_used_at";

const view = (row: Record<string, unknown>): TokenView => ({
  id: String(row.id),
  name: String(row.name),
  scope: row.scope as TokenScope,
  repo: row.repo === null ? null : String(row.repo),
  created_at: iso(Number(row.created_at)),
  expires_at: isoOrNull(row.expires_at === null ? null : Number(row.expires_at)),
  last_used_at: isoOrNull(row.last_used_at === null ? null : Number(row.last_used_at)),
});

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** 256 random bits, base64url, behind a prefix that says what the string is (and lets secret scanners find it). */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `rc_${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

export async function issueToken({ client }: Deps, input: CreateTokenInput): Promise<IssuedTokenView> {
  const now = Date.now();
  const expiresAt = input.expires_at === undefined ? null : Date.parse(input.expires_at);
  if (expiresAt !== null && expiresAt <= now)
    throw badRequest("A token cannot expire in the past.", [{ path: "expires_at", message: "must be in the future" }]);
  const secret = newSecret();
  const id = generateId();
  await client.execute({
    sql: "INSERT INTO tokens (id, name, hash, scope, repo, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    args: [id, input.name ?? "", await sha256Hex(secret), input.scope, input.repo ?? null, now, expiresAt],
  });
  const rs = await client.execute({ sql: `SELECT ${COLUMNS} FROM tokens WHERE id = ?`, args: [id] });
  return { ...view(rs.rows[0] as unknown as Record<string, unknown>), token: secret };
}

export async function listTokens({ client }: Deps, limit: number, cursor?: string) {
  const after = cursor ? String(decodeCursor(cursor, ["string"])[0]) : undefined;
  const rs = await client.execute({
    sql: `SELECT ${COLUMNS} FROM tokens ${after === undefined ? "" : "WHERE id > ?"} ORDER BY id LIMIT ?`,
    args: after === undefined ? [limit + 1] : [after, limit + 1],
  });
  return pageOf(rs.rows as unknown as Record<string, unknown>[], limit, view, (last) => [String(last.id)]);
}

/** Revocation deletes the row: the next request with the secret finds nothing, on every host. */
export async function revokeToken({ client }: Deps, id: string): Promise<void> {
  const rs = await client.execute({ sql: "DELETE FROM tokens WHERE id = ?", args: [id] });
  if (rs.rowsAffected === 0) throw notFound(`Token "${id}" does not exist.`);
}

export interface StoredToken {
  id: string;
  scope: TokenScope;
  repo: string | null;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

/** The token whose secret hashes to `hash`, if any. */
export async function findTokenByHash({ client }: Deps, hash: string): Promise<StoredToken | null> {
  const rs = await client.execute({ sql: "SELECT id, scope, repo, expires_at, last_used_at FROM tokens WHERE hash = ?", args: [hash] });
  const row = rs.rows[0];
  if (!row) return null;
  return {
    id: String(row.id),
    scope: row.scope as TokenScope,
    repo: row.repo === null ? null : String(row.repo),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
  };
}

export async function touchToken({ client }: Deps, id: string, at: number): Promise<void> {
  await client.execute({ sql: "UPDATE tokens SET last_used_at = ? WHERE id = ?", args: [at, id] });
}

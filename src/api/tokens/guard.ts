// Who may do what: the bearer token of each /v1 request, checked against the bootstrap admin
// token (RUNCAMP_ADMIN_TOKEN) and the issued tokens, and what the request needs:
//   GET, HEAD               read
//   other methods           write
//   DELETE /v1/repos/{repo} admin (a repo and everything in it)
//   /v1/tokens              admin, not limited to a repo
// A token limited to a repo gets 403 on any other repo, whether it exists or not (the same
// answer either way, so it learns nothing about other repos); GET /v1/repos lists only its
// repo. Without RUNCAMP_ADMIN_TOKEN there is no auth at all: the hosts then serve loopback only.
import type { Context, MiddlewareHandler } from "hono";
import type { Deps } from "../../deps.ts";
import { ApiError } from "../../http/problems.ts";
import { scopeAllows, type TokenScope } from "../../lib/scopes.ts";
import { findTokenByHash, sha256Hex, touchToken } from "./service.ts";

export interface Auth {
  scope: TokenScope;
  /** The one repo the token may use; null: every repo. */
  repo: string | null;
}

declare module "hono" {
  interface ContextVariableMap {
    auth: Auth;
  }
}

const OPEN: Auth = { scope: "admin", repo: null };
// last_used_at is a write: at most one a minute per token.
const TOUCH_EVERY_MS = 60_000;

const unauthorized = (c: Context, detail: string, invalid: boolean) => {
  c.header("www-authenticate", invalid ? 'Bearer realm="runcamp", error="invalid_token"' : 'Bearer realm="runcamp"');
  return new ApiError(401, "unauthorized", "Unauthorized", detail);
};
const forbidden = (detail: string) => new ApiError(403, "forbidden", "Forbidden", detail);

// Digests of equal length compared in full: the time taken does not depend on where the
// secrets differ.
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([sha256Hex(a), sha256Hex(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x.charCodeAt(i) ^ y.charCodeAt(i);
  return diff === 0;
}

/** The scope a request needs, and the repo it addresses (null: none, or the repo list). */
function needs(method: string, path: string): { scope: TokenScope; repo: string | null; unrestricted: boolean } {
  if (path === "/v1/tokens" || path.startsWith("/v1/tokens/")) return { scope: "admin", repo: null, unrestricted: true };
  const match = /^\/v1\/repos\/([^/]+)(\/.*)?$/.exec(path);
  const repo = match ? decodeURIComponent(match[1]) : null;
  if (method === "DELETE" && match && !match[2]) return { scope: "admin", repo, unrestricted: false };
  return { scope: method === "GET" || method === "HEAD" || method === "OPTIONS" ? "read" : "write", repo, unrestricted: false };
}

/**
 * Who sends the request: the rights of its bearer token (every right when the server has no
 * RUNCAMP_ADMIN_TOKEN), or a 401. Authorising is the caller's part (requireToken for /v1,
 * the MLflow dialect for its own routes).
 */
export async function authenticate(deps: Deps, c: Context, serialize: (task: () => Promise<void>) => Promise<void>): Promise<Auth> {
  const admin = deps.config.adminToken;
  if (!admin) return OPEN;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
  if (!match) throw unauthorized(c, "Send an API token as `Authorization: Bearer <token>`.", false);
  const secret = match[1];
  if (await sameSecret(secret, admin)) return OPEN;
  const token = await findTokenByHash(deps, await sha256Hex(secret));
  const now = Date.now();
  if (!token) throw unauthorized(c, "The token is not valid (unknown or revoked).", true);
  if (token.expiresAt !== null && token.expiresAt <= now) throw unauthorized(c, "The token has expired.", true);
  if (token.lastUsedAt === null || now - token.lastUsedAt >= TOUCH_EVERY_MS) await serialize(() => touchToken(deps, token.id, now));
  return { scope: token.scope, repo: token.repo };
}

/**
 * Authenticates and authorises every request it guards, and leaves the caller's rights in
 * c.get("auth"). `serialize` runs the last-used update with the app's other writes. It is
 * awaited, not left in the background: a Worker may drop work still pending after its
 * response, which would leave the write queue waiting forever.
 */
export function requireToken(deps: Deps, serialize: (task: () => Promise<void>) => Promise<void>): MiddlewareHandler {
  return async (c, next) => {
    const auth = await authenticate(deps, c, serialize);
    const need = needs(c.req.method, new URL(c.req.url).pathname);
    if (need.unrestricted && auth.repo !== null)
      throw forbidden(`This token is limited to repo "${auth.repo}"; managing tokens needs an admin token for every repo.`);
    if (auth.repo !== null && need.repo !== null && need.repo !== auth.repo) throw forbidden(`This token is limited to repo "${auth.repo}".`);
    if (!scopeAllows(auth.scope, need.scope)) throw forbidden(`This needs a token with the ${need.scope} scope; this one has ${auth.scope}.`);
    c.set("auth", auth);
    await next();
  };
}

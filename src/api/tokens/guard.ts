// Who may do what: the bearer token of each /v1 request, checked against the bootstrap admin
// token (RUNCAMP_ADMIN_TOKEN) and the issued tokens, and what the request needs:
//   GET, HEAD, OPTIONS      read
//   POST …/metrics/query    read (a query whose selection is too big for a URL; it writes nothing)
//   other methods           write
//   DELETE /v1/repos/{repo} admin (a repo and everything in it)
//   /v1/tokens              admin, not limited to a repo
// It decides on c.req.path, the path the router matches (src/http/request-path.ts), never on
// the URL as sent: `/v1/%74okens` is /v1/tokens to both.
// A token limited to a repo gets 403 on any other repo, whether it exists or not (the same
// answer either way, so it learns nothing about other repos); GET /v1/repos lists only its
// repo. Without RUNCAMP_ADMIN_TOKEN there is no auth at all: the hosts then serve loopback only.
import type { Context, MiddlewareHandler } from "hono";
import { tryDecodeURIComponent } from "hono/utils/url";
import type { Deps } from "../../deps.ts";
import { ApiError } from "../../http/problems.ts";
import { scopeAllows, type TokenScope } from "../../lib/scopes.ts";
import { isSeriesQuery } from "../metrics/routes.ts";
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

export interface Need {
  scope: TokenScope;
  /** The repo the request addresses, decoded as the router decodes it; null: none, or the repo list. */
  repo: string | null;
  /** Only a token for every repo may do it (managing tokens). */
  unrestricted: boolean;
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The scope a request needs and the repo it addresses, from the routed path (c.req.path). */
export function needs(method: string, routedPath: string): Need {
  if (routedPath === "/v1/tokens" || routedPath.startsWith("/v1/tokens/")) return { scope: "admin", repo: null, unrestricted: true };
  const match = /^\/v1\/repos\/([^/]+)(\/.*)?$/.exec(routedPath);
  // The router keeps reserved characters encoded and decodes a parameter once more: the same call here.
  const repo = match ? tryDecodeURIComponent(match[1]) : null;
  if (method === "DELETE" && match && !match[2]) return { scope: "admin", repo, unrestricted: false };
  const reads = READ_METHODS.has(method) || isSeriesQuery(method, routedPath);
  return { scope: reads ? "read" : "write", repo, unrestricted: false };
}

/** Why `auth` may not make this request, decided on the path the router matches; null: it may. */
export const accessRefusal = (auth: Auth, c: Context) => refusal(auth, needs(c.req.method, c.req.path));

/** Why `auth` may not do what `need` asks, or null when it may. */
export function refusal(auth: Auth, need: Need): string | null {
  if (need.unrestricted && auth.repo !== null) return `This token is limited to repo "${auth.repo}"; managing tokens needs an admin token for every repo.`;
  if (auth.repo !== null && need.repo !== null && need.repo !== auth.repo) return `This token is limited to repo "${auth.repo}".`;
  if (!scopeAllows(auth.scope, need.scope)) return `This needs a token with the ${need.scope} scope; this one has ${auth.scope}.`;
  return null;
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
    const why = accessRefusal(auth, c);
    if (why) throw forbidden(why);
    c.set("auth", auth);
    await next();
  };
}

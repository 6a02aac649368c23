// Bearer-token check for the admin token (RUNCAMP_ADMIN_TOKEN): when it is configured it
// guards every /v1 route. Scoped tokens (read/write/admin, per repo) are not built yet.
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./problems.ts";

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

// Comparing digests of equal length in full keeps the check's timing independent of where
// the strings differ.
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([sha256(a), sha256(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

export function requireAdminToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) {
      c.header("www-authenticate", 'Bearer realm="runcamp"');
      throw new ApiError(401, "unauthorized", "Unauthorized", "Send an API token as `Authorization: Bearer <token>`.");
    }
    if (!(await sameSecret(match[1].trim(), token))) {
      c.header("www-authenticate", 'Bearer realm="runcamp", error="invalid_token"');
      throw new ApiError(401, "unauthorized", "Unauthorized", "The token is not valid.");
    }
    await next();
  };
}

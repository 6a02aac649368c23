// A JSON body that may write NaN and ±Infinity as bare tokens (src/lib/nonfinite-json.ts):
// for the routes whose validator and handler read the body through Hono (c.req.json()), the
// cached text is replaced by its strict form, so both read the string forms the API accepts.
// A body that does not mention NaN or Infinity is not parsed here at all.
import type { MiddlewareHandler } from "hono";
import { quoteBareNonFinite } from "../lib/nonfinite-json.ts";

const MENTIONS_NON_FINITE = /NaN|Infinity/;

export function bareNonFiniteJson(): MiddlewareHandler {
  return async (c, next) => {
    const text = await c.req.text();
    if (MENTIONS_NON_FINITE.test(text) && !parses(text)) {
      const quoted = quoteBareNonFinite(text);
      // Hono keeps promises in its body cache (typed as the values they resolve to).
      if (quoted !== null && parses(quoted)) c.req.bodyCache.text = Promise.resolve(quoted) as unknown as string;
    }
    await next();
  };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// Text bodies (JSON, NDJSON) must be valid UTF-8. The default decoding replaces invalid bytes
// with U+FFFD, so two different byte strings would silently store as one name; here they are
// refused. The decoded text is left in Hono's body cache, so handlers do not decode again.
import type { MiddlewareHandler } from "hono";
import { badRequest } from "./problems.ts";

const TEXT_TYPES = /^(application\/([\w.-]+\+)?json|application\/(x-)?ndjson|application\/jsonl|application\/x-jsonlines|text\/[\w.+-]+)$/i;
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function strictUtf8Bodies(): MiddlewareHandler {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return async (c, next) => {
    const mediaType = (c.req.header("content-type") ?? "").split(";")[0].trim();
    if (!READ_METHODS.has(c.req.method) && TEXT_TYPES.test(mediaType)) {
      let text: string;
      try {
        text = decoder.decode(await c.req.arrayBuffer());
      } catch (err) {
        if (err instanceof TypeError) throw badRequest("The request body is not valid UTF-8.", [{ path: "body", message: "must be valid UTF-8" }]);
        throw err;
      }
      // Hono keeps promises in its body cache (typed as the values they resolve to).
      c.req.bodyCache.text = Promise.resolve(text) as unknown as string;
    }
    await next();
  };
}

import type { Limits } from "../config.ts";
import { type Context, canonicalContext, contextIssue } from "../lib/context.ts";
import { badRequest } from "./problems.ts";

/** The stored key of a context from a request, or a 400 naming `path` (e.g. `3.context`). */
export function contextKey(context: Context | undefined | null, limits: Pick<Limits, "maxContextKeys">, path = "context"): string {
  if (context) {
    const issue = contextIssue(context, limits.maxContextKeys);
    if (issue?.key === null) throw badRequest(`A context may have at most ${limits.maxContextKeys} keys.`, [{ path, message: issue.message }]);
    if (issue) throw badRequest("Context values must be finite numbers, strings or booleans.", [{ path: `${path}.${issue.key}`, message: issue.message }]);
  }
  return canonicalContext(context);
}

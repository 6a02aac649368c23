import type { Limits } from "../config.ts";
import { type Context, canonicalContext, contextIssue } from "../lib/context.ts";
import { badRequest } from "./problems.ts";

/** The stored key of a context from a request, or a 400 naming `path` (e.g. `3.context`). */
export function contextKey(context: Context | undefined | null, limits: Pick<Limits, "maxContextKeys" | "maxContextLength">, path = "context"): string {
  if (context) {
    const issue = contextIssue(context, limits);
    if (issue) throw badRequest("A context is invalid.", [{ path: issue.key === null ? path : `${path}.${issue.key}`, message: issue.message }]);
  }
  return canonicalContext(context);
}

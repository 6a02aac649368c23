// One error type for the whole API, rendered once (in app.onError) as RFC 9457 problem+json.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { resolver } from "hono-openapi";
import * as v from "valibot";

const FieldError = v.object({ path: v.string(), message: v.string() });
export const ProblemSchema = v.pipe(
  v.object({ type: v.string(), title: v.string(), status: v.number(), detail: v.string(), errors: v.optional(v.array(FieldError)) }),
  v.metadata({ ref: "Problem" }),
);
export type ProblemFieldError = v.InferOutput<typeof FieldError>;
export type Problem = v.InferOutput<typeof ProblemSchema>;

// A field path is built from the request's own keys (`points.3.context.<key>`): a hostile
// key must not come back whole, nor as control characters or unpaired surrogates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_PATH = 120;
function safePath(path: string): string {
  const clean = path.replace(UNSAFE, "\uFFFD");
  return clean.length > MAX_PATH ? `${clean.slice(0, MAX_PATH)}…` : clean;
}

// `kind` becomes the problem type URI's last segment, so clients can branch on it.
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly kind: string;
  readonly title: string;
  readonly errors?: ProblemFieldError[];
  /** Response headers the status calls for (e.g. Content-Range on a 416). */
  readonly headers?: Record<string, string>;

  constructor(status: ContentfulStatusCode, kind: string, title: string, detail: string, errors?: ProblemFieldError[], headers?: Record<string, string>) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.title = title;
    this.errors = errors?.map((e) => ({ path: safePath(e.path), message: e.message }));
    this.headers = headers;
  }

  toProblem(): Problem {
    const problem: Problem = { type: `https://runcamp.dev/problems/${this.kind}`, title: this.title, status: this.status, detail: this.message };
    if (this.errors?.length) problem.errors = this.errors;
    return problem;
  }
}

export const badRequest = (detail: string, errors?: ProblemFieldError[]) => new ApiError(400, "invalid-request", "Invalid request", detail, errors);
export const notFound = (detail: string) => new ApiError(404, "not-found", "Not found", detail);
export const conflict = (detail: string) => new ApiError(409, "conflict", "Conflict", detail);
export const tooLarge = (detail: string) => new ApiError(413, "payload-too-large", "Payload too large", detail);
export const unsupportedMediaType = (detail: string) => new ApiError(415, "unsupported-media-type", "Unsupported media type", detail);
/** A Range none of whose bytes exist; Content-Range tells the client the size. */
export const rangeNotSatisfiable = (size: number) =>
  new ApiError(416, "range-not-satisfiable", "Range not satisfiable", `The range starts past the end of the ${size}-byte content.`, undefined, {
    "content-range": `bytes */${size}`,
  });

export function problemResponse(c: Context, error: ApiError): Response {
  return c.body(JSON.stringify(error.toProblem()), error.status, { ...error.headers, "content-type": "application/problem+json" });
}

// Maps anything thrown by a handler to problem+json. Unknown errors become a bare 500:
// the message and stack stay in the server log, never in the response.
export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return problemResponse(c, err);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const kind = status === 413 ? "payload-too-large" : status === 401 ? "unauthorized" : "invalid-request";
    return problemResponse(c, new ApiError(status, kind, err.status === 413 ? "Payload too large" : "Invalid request", err.message || "Bad request"));
  }
  console.error(err);
  return problemResponse(c, new ApiError(500, "internal", "Internal server error", "The server failed to handle the request."));
}

/**
 * The answer when no route matched: 405 with an Allow header when the path exists under
 * other methods (RFC 9110 §15.5.6), else 404. `routes` is the app's live list (app.routes),
 * compiled on the first miss, after every route has been added. Where several paths match, the
 * ones with the most literal segments speak for it: /runs/close-stale is its own resource, not
 * a run named "close-stale", so it allows POST only.
 */
export function notFoundRoute(routes: readonly { method: string; path: string }[]) {
  type Entry = { pattern: RegExp; literals: number; methods: Set<string> };
  let byPattern: Map<string, Entry> | undefined;
  const compile = () => {
    const map = new Map<string, Entry>();
    for (const { method, path } of routes) {
      if (method === "ALL") continue; // middleware
      const source = `^${path
        .replace(/[.+?^$()|[\]\\]/g, "\\$&")
        .replace(/:[^/]+/g, "[^/]+")
        .replace(/\*/g, ".*")}$`;
      const literals = path.split("/").filter((segment) => segment && !segment.startsWith(":") && segment !== "*").length;
      const entry = map.get(source) ?? { pattern: new RegExp(source), literals, methods: new Set<string>() };
      entry.methods.add(method);
      if (method === "GET") entry.methods.add("HEAD"); // Hono answers HEAD with the GET route
      map.set(source, entry);
    }
    return map;
  };
  return (c: Context): Response => {
    const path = c.req.path;
    const matches = [...(byPattern ??= compile()).values()].filter(({ pattern }) => pattern.test(path));
    const mostLiteral = Math.max(0, ...matches.map((entry) => entry.literals));
    const allowed = new Set(matches.filter((entry) => entry.literals === mostLiteral).flatMap((entry) => [...entry.methods]));
    // A route of this very method that found nothing (a missing asset) is a plain 404 too.
    if (allowed.size === 0 || allowed.has(c.req.method)) return problemResponse(c, notFound(`No route for ${c.req.method} ${path}.`));
    c.header("allow", [...allowed].join(", "));
    return problemResponse(c, new ApiError(405, "method-not-allowed", "Method not allowed", `${path} answers ${[...allowed].join(", ")}.`));
  };
}

const problemDescriptions: Record<number, string> = {
  400: "Invalid request: the problem lists each field error",
  401: "Missing or invalid token",
  403: "The token's scope does not allow this",
  404: "Not found",
  409: "Conflict with the stored state",
  413: "Payload too large",
  415: "Unsupported media type",
  416: "Range not satisfiable: Content-Range gives the size",
  431: "The request line and headers exceed the host's limit (16 KiB on the Node host)",
};

/**
 * The problem responses of a /v1 route, spread into its OpenAPI entry. 401 and 403 are
 * listed on every one (any request may lack the token or the scope it needs), and so are 400
 * (an ambiguous request path is refused before routing: src/http/request-path.ts) and 431
 * (the host refuses oversized headers, or a query string past its limit, before routing).
 */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    [...new Set([...statuses, 400, 401, 403, 431])]
      .sort()
      .map((s) => [s, { description: problemDescriptions[s], content: { "application/problem+json": { schema: resolver(ProblemSchema) } } }]),
  );
}

// The field rules every ingest body shares, point by point (./parse-points.ts) or a column
// at a time (./parse-series.ts): one rule per field, so the two forms accept and refuse the
// same values with the same messages. Hot path: plain functions over unknown values, no
// schema library, no per-value allocation. Messages never quote the value.
import type { Limits } from "../../config.ts";
import { badRequest, type ProblemFieldError, tooLarge } from "../../http/problems.ts";
import { type Context, canonicalContext, contextIssue } from "../../lib/context.ts";
import { nameIssue } from "../../lib/text.ts";
import { MAX_TIME_MS } from "../../series/index.ts";

const MAX_REPORTED_ERRORS = 20;

export const STEP_MESSAGE = "must be a non-negative integer";
export const VALUE_MESSAGE = 'must be a number or one of "NaN", "Infinity", "-Infinity"';
export const EPOCH_MESSAGE = "must be a non-negative integer or null";
export const TIME_MESSAGE = "must be a non-negative number of Unix seconds within the block format's range";

export class ErrorCollector {
  readonly errors: ProblemFieldError[] = [];
  add(path: string, message: string) {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ path, message });
  }
  get count() {
    return this.errors.length;
  }
  throwIfAny(what: string) {
    if (this.errors.length) throw badRequest(`${what} has invalid points (first ${this.errors.length} errors listed).`, this.errors);
  }
}

export const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** What one request has already checked: canonical contexts by their JSON spelling, and series names. */
export class SeenInRequest {
  readonly contexts = new Map<string, string>();
  previous: { raw: Record<string, unknown>; key: string } | undefined;
  readonly names = new Set<string>();
}

// Same keys with identical values, so the same canonical context (`b` was already checked).
function sameFlatObject(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in a) {
    if (a[key] !== b[key] || !Object.hasOwn(b, key)) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

/** Adds an error for a bad series name; true when it is a valid one. */
export function checkName(name: unknown, path: string, limits: Limits, seen: SeenInRequest, errors: ErrorCollector): name is string {
  if (typeof name !== "string") errors.add(path, name === undefined ? "is required" : "must be a string");
  else if (name.length === 0 || name.length > limits.maxNameLength) errors.add(path, `must be 1-${limits.maxNameLength} characters`);
  else if (!seen.names.has(name)) {
    const issue = nameIssue(name);
    if (issue) errors.add(path, issue);
    else seen.names.add(name);
    return issue === null;
  } else return true;
  return false;
}

/** The canonical key of a context (undefined and null are {}); null after adding its errors. */
export function checkContext(context: unknown, path: string, limits: Limits, seen: SeenInRequest, errors: ErrorCollector): string | null {
  if (context === undefined || context === null) return "{}";
  if (!isPlainObject(context)) {
    errors.add(path, "must be an object of string, number or boolean values");
    return null;
  }
  // Clients send the same few contexts over and over: canonicalise each spelling once, and
  // skip even the lookup when a point repeats the previous point's context.
  const previous = seen.previous;
  if (previous && sameFlatObject(context, previous.raw)) {
    seen.previous = { raw: context, key: previous.key };
    return previous.key;
  }
  const spelled = JSON.stringify(context);
  const known = seen.contexts.get(spelled);
  if (known !== undefined) {
    seen.previous = { raw: context, key: known };
    return known;
  }
  let flat = true;
  for (const key in context) {
    const v = context[key];
    if (typeof v !== "string" && typeof v !== "boolean" && !(typeof v === "number" && Number.isFinite(v))) {
      errors.add(`${path}.${key}`, "must be a string, finite number or boolean");
      flat = false;
    }
  }
  if (!flat) return null;
  const issue = contextIssue(context as Context, limits);
  if (issue) {
    errors.add(issue.key === null ? path : `${path}.${issue.key}`, issue.message);
    return null;
  }
  const key = canonicalContext(context as Context);
  seen.contexts.set(spelled, key);
  seen.previous = { raw: context, key };
  return key;
}

/** Why `step` cannot be a step; null when it can. */
export function stepIssue(step: unknown): string | null {
  if (typeof step !== "number" || !Number.isInteger(step) || step < 0) return STEP_MESSAGE;
  if (step > Number.MAX_SAFE_INTEGER) return "must be at most 2^53 - 1";
  return null;
}

/** The value as a float (the non-finite spellings decoded); undefined when it is not one. */
export function wireValue(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (value === "NaN") return NaN;
  if (value === "Infinity") return Infinity;
  if (value === "-Infinity") return -Infinity;
  return undefined;
}

export const isEpoch = (epoch: unknown): epoch is number | null => epoch === null || (typeof epoch === "number" && Number.isSafeInteger(epoch) && epoch >= 0);

export const isTime = (time: unknown): time is number => typeof time === "number" && time >= 0 && time * 1000 <= MAX_TIME_MS;

export function checkCount(count: number, limits: Limits) {
  if (count > limits.maxPointsPerRequest) {
    throw tooLarge(`At most ${limits.maxPointsPerRequest} points per request (got ${count}); split the batch.`);
  }
}

/** The checks every JSON body passes first: an object of known fields, `points` or `series`, `reopen` a boolean. */
export function ingestEnvelope(body: unknown): { body: Record<string, unknown>; reopen: boolean } {
  if (!isPlainObject(body))
    throw badRequest('The body must be an object {"points": [...]} or {"series": [...]}.', [{ path: "body", message: "must be an object" }]);
  for (const key in body) {
    if (key !== "points" && key !== "series" && key !== "reopen")
      throw badRequest("The body has an unknown field.", [{ path: key, message: "is not a known field" }]);
  }
  if ("series" in body && "points" in body)
    throw badRequest('Send "points" or "series", not both.', [{ path: "series", message: "cannot be sent with points" }]);
  if (body.reopen !== undefined && typeof body.reopen !== "boolean")
    throw badRequest("reopen must be a boolean.", [{ path: "reopen", message: "must be a boolean" }]);
  return { body, reopen: body.reopen === true };
}

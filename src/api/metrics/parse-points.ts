// Parsing and validation of ingest bodies. This is the hot path of the tracker (100,000 points
// per request), so it is a hand-written loop rather than a schema library: one pass, no
// per-point allocations beyond the point itself. Errors name the point (JSON path or NDJSON
// line) and never quote the value.
import type { Limits } from "../../config.ts";
import { badRequest, type ProblemFieldError, tooLarge } from "../../http/problems.ts";
import { type Context, canonicalContext, contextIssue } from "../../lib/context.ts";
import { nameIssue } from "../../lib/text.ts";
import { MAX_TIME_MS } from "../../series/index.ts";

export interface IncomingPoint {
  name: string;
  /** Canonical context JSON (sorted keys). */
  context: string;
  step: number;
  value: number;
  epoch: number | null;
  /** Unix seconds. */
  time: number;
}

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };
const POINT_KEYS = new Set(["name", "context", "step", "value", "epoch", "time"]);
const MAX_REPORTED_ERRORS = 20;

class ErrorCollector {
  readonly errors: ProblemFieldError[] = [];
  add(path: string, message: string) {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ path, message });
  }
  throwIfAny(what: string) {
    if (this.errors.length) throw badRequest(`${what} has invalid points (first ${this.errors.length} errors listed).`, this.errors);
  }
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Canonical keys of the contexts seen in one request, by their JSON spelling. */
class ContextKeys extends Map<string, string> {
  previous: { raw: Record<string, unknown>; key: string } | undefined;
  /** Series names already found valid in this request. */
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

function validatePoint(raw: unknown, path: string, limits: Limits, now: number, contexts: ContextKeys, errors: ErrorCollector): IncomingPoint | null {
  if (!isPlainObject(raw)) {
    errors.add(path, "must be an object");
    return null;
  }
  const before = errors.errors.length;
  for (const key in raw) if (!POINT_KEYS.has(key)) errors.add(`${path}.${key}`, "is not a known field");

  const { name, step, value, epoch, time, context } = raw;
  if (typeof name !== "string") errors.add(`${path}.name`, name === undefined ? "is required" : "must be a string");
  else if (name.length === 0 || name.length > limits.maxNameLength) errors.add(`${path}.name`, `must be 1-${limits.maxNameLength} characters`);
  else if (!contexts.names.has(name)) {
    const issue = nameIssue(name);
    if (issue) errors.add(`${path}.name`, issue);
    else contexts.names.add(name);
  }

  if (step === undefined) errors.add(`${path}.step`, "is required");
  else if (typeof step !== "number" || !Number.isInteger(step) || step < 0) errors.add(`${path}.step`, "must be a non-negative integer");
  else if (step > Number.MAX_SAFE_INTEGER) errors.add(`${path}.step`, "must be at most 2^53 - 1");

  let numeric: number | undefined;
  if (typeof value === "number") numeric = value;
  else if (typeof value === "string" && value in NON_FINITE) numeric = NON_FINITE[value];
  else errors.add(`${path}.value`, value === undefined ? "is required" : 'must be a number or one of "NaN", "Infinity", "-Infinity"');

  if (epoch !== undefined && epoch !== null && (typeof epoch !== "number" || !Number.isSafeInteger(epoch) || epoch < 0)) {
    errors.add(`${path}.epoch`, "must be a non-negative integer or null");
  }
  if (time !== undefined && (typeof time !== "number" || time < 0 || time * 1000 > MAX_TIME_MS)) {
    errors.add(`${path}.time`, "must be a non-negative number of Unix seconds within the block format's range");
  }

  let contextKey = "{}";
  if (context !== undefined && context !== null) {
    if (!isPlainObject(context)) errors.add(`${path}.context`, "must be an object of string, number or boolean values");
    else {
      // Clients send the same few contexts over and over: canonicalise each spelling once,
      // and skip even the lookup when a point repeats the previous point's context.
      const previous = contexts.previous;
      const spelled = previous && sameFlatObject(context, previous.raw) ? null : JSON.stringify(context);
      const known = spelled === null ? previous!.key : contexts.get(spelled);
      if (known !== undefined) {
        contextKey = known;
        contexts.previous = { raw: context, key: known };
      } else {
        let flat = true;
        for (const key in context) {
          const v = context[key];
          if (typeof v !== "string" && typeof v !== "boolean" && !(typeof v === "number" && Number.isFinite(v))) {
            errors.add(`${path}.context.${key}`, "must be a string, finite number or boolean");
            flat = false;
          }
        }
        const issue = flat ? contextIssue(context as Context, limits) : null;
        if (issue) errors.add(issue.key === null ? `${path}.context` : `${path}.context.${issue.key}`, issue.message);
        else if (flat) {
          contextKey = canonicalContext(context as Context);
          contexts.set(spelled!, contextKey);
          contexts.previous = { raw: context, key: contextKey };
        }
      }
    }
  }
  if (errors.errors.length > before) return null;
  return {
    name: name as string,
    context: contextKey,
    step: step as number,
    value: numeric as number,
    epoch: (epoch as number | null | undefined) ?? null,
    time: (time as number | undefined) ?? now,
  };
}

function checkCount(count: number, limits: Limits) {
  if (count > limits.maxPointsPerRequest) {
    throw tooLarge(`At most ${limits.maxPointsPerRequest} points per request (got ${count}); split the batch.`);
  }
}

/** `{"points": [...], "reopen"?: boolean}` */
export function parsePointsJson(body: unknown, limits: Limits, now: number): { points: IncomingPoint[]; reopen: boolean } {
  if (!isPlainObject(body)) throw badRequest('The body must be an object {"points": [...]}.', [{ path: "body", message: "must be an object" }]);
  for (const key in body) {
    if (key !== "points" && key !== "reopen") throw badRequest("The body has an unknown field.", [{ path: key, message: "is not a known field" }]);
  }
  if (!Array.isArray(body.points)) throw badRequest('The body must hold a "points" array.', [{ path: "points", message: "must be an array" }]);
  if (body.reopen !== undefined && typeof body.reopen !== "boolean")
    throw badRequest("reopen must be a boolean.", [{ path: "reopen", message: "must be a boolean" }]);
  checkCount(body.points.length, limits);
  const errors = new ErrorCollector();
  const contexts = new ContextKeys();
  const points: IncomingPoint[] = new Array(body.points.length);
  for (let i = 0; i < body.points.length; i++) {
    points[i] = validatePoint(body.points[i], `points.${i}`, limits, now, contexts, errors)!;
  }
  errors.throwIfAny("The request");
  return { points, reopen: body.reopen === true };
}

/** One JSON point per line; blank lines are skipped. Errors name the 1-based line number. */
export function parsePointsNdjson(text: string, limits: Limits, now: number): IncomingPoint[] {
  const errors = new ErrorCollector();
  const contexts = new ContextKeys();
  const points: IncomingPoint[] = [];
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lineNumber++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    checkCount(points.length + 1, limits);
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      errors.add(`line ${lineNumber}`, "is not valid JSON");
      continue;
    }
    const point = validatePoint(raw, `line ${lineNumber}`, limits, now, contexts, errors);
    if (point) points.push(point);
  }
  errors.throwIfAny("The NDJSON body");
  return points;
}

// Parsing and validation of the point forms of an ingest body (JSON {"points": [...]} and
// NDJSON). This is the hot path of the tracker (100,000 points per request), so it is a
// hand-written loop rather than a schema library: one pass, no per-point allocations beyond
// the point itself. Errors name the point (JSON path or NDJSON line) and never quote the
// value. The field rules are shared with the columnar form (./ingest-fields.ts).
import type { Limits } from "../../config.ts";
import { badRequest } from "../../http/problems.ts";
import { parseJsonAllowingNonFinite } from "../../lib/nonfinite-json.ts";
import { columnsOf } from "../../series/index.ts";
import {
  checkContext,
  checkCount,
  checkName,
  EPOCH_MESSAGE,
  ErrorCollector,
  ingestEnvelope,
  isEpoch,
  isPlainObject,
  isTime,
  SeenInRequest,
  stepIssue,
  TIME_MESSAGE,
  VALUE_MESSAGE,
  wireValue,
} from "./ingest-fields.ts";
import type { IncomingSeries } from "./parse-series.ts";

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

const POINT_KEYS = new Set(["name", "context", "step", "value", "epoch", "time"]);

function validatePoint(raw: unknown, path: string, limits: Limits, now: number, seen: SeenInRequest, errors: ErrorCollector): IncomingPoint | null {
  if (!isPlainObject(raw)) {
    errors.add(path, "must be an object");
    return null;
  }
  const before = errors.count;
  for (const key in raw) if (!POINT_KEYS.has(key)) errors.add(`${path}.${key}`, "is not a known field");

  const { name, step, value, epoch, time, context } = raw;
  checkName(name, `${path}.name`, limits, seen, errors);
  if (step === undefined) errors.add(`${path}.step`, "is required");
  else {
    const issue = stepIssue(step);
    if (issue) errors.add(`${path}.step`, issue);
  }
  const numeric = wireValue(value);
  if (numeric === undefined) errors.add(`${path}.value`, value === undefined ? "is required" : VALUE_MESSAGE);
  if (epoch !== undefined && !isEpoch(epoch)) errors.add(`${path}.epoch`, EPOCH_MESSAGE);
  if (time !== undefined && !isTime(time)) errors.add(`${path}.time`, TIME_MESSAGE);
  const contextKey = checkContext(context, `${path}.context`, limits, seen, errors);
  if (errors.count > before) return null;
  return {
    name: name as string,
    context: contextKey as string,
    step: step as number,
    value: numeric as number,
    epoch: (epoch as number | null | undefined) ?? null,
    time: (time as number | undefined) ?? now,
  };
}

/** The points of a JSON body whose envelope passed (./ingest-fields.ts, ingestEnvelope). */
export function pointsOf(body: Record<string, unknown>, limits: Limits, now: number): IncomingPoint[] {
  if (!Array.isArray(body.points)) throw badRequest('The body must hold a "points" array.', [{ path: "points", message: "must be an array" }]);
  checkCount(body.points.length, limits);
  const errors = new ErrorCollector();
  const seen = new SeenInRequest();
  const points: IncomingPoint[] = new Array(body.points.length);
  for (let i = 0; i < body.points.length; i++) {
    points[i] = validatePoint(body.points[i], `points.${i}`, limits, now, seen, errors)!;
  }
  errors.throwIfAny("The request");
  return points;
}

/** `{"points": [...], "reopen"?: boolean}`, already JSON-parsed. */
export function parsePointsJson(raw: unknown, limits: Limits, now: number): { points: IncomingPoint[]; reopen: boolean } {
  const { body, reopen } = ingestEnvelope(raw);
  return { points: pointsOf(body, limits, now), reopen };
}

/** One JSON point per line; blank lines are skipped. Errors name the 1-based line number. */
export function parsePointsNdjson(text: string, limits: Limits, now: number): IncomingPoint[] {
  const errors = new ErrorCollector();
  const seen = new SeenInRequest();
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
      raw = parseJsonAllowingNonFinite(line);
    } catch {
      errors.add(`line ${lineNumber}`, "is not valid JSON");
      continue;
    }
    const point = validatePoint(raw, `line ${lineNumber}`, limits, now, seen, errors);
    if (point) points.push(point);
  }
  errors.throwIfAny("The NDJSON body");
  return points;
}

/** Points grouped by series, each series' points in request order (the last of a step wins). */
export function groupPoints(points: readonly IncomingPoint[]): IncomingSeries[] {
  const groups = new Map<string, { name: string; context: string; points: IncomingPoint[] }>();
  for (const p of points) {
    const key = `${p.name}\u0000${p.context}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: p.name, context: p.context, points: [] }));
    group.points.push(p);
  }
  return [...groups.values()].map(({ name, context, points }) => ({ name, context, columns: columnsOf(points) }));
}

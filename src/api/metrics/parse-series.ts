// Parsing and validation of the columnar ingest body: one object per series with an array
// per field, {"series": [{"name", "context"?, "steps": [...], "values": [...], "epochs"?: [...],
// "times"?: [...]}]}. A series' name and context are sent and checked once, and JSON.parse
// of number arrays costs a fraction of parsing one object per point (bench/RESULTS.md).
// Each column is checked in one tight loop into a Float64Array: the engine takes the columns
// as they are (no object per point on the way to the block encoder). Same rules and messages
// as the point form (./ingest-fields.ts); errors name the item, e.g. `series.3.values.17`,
// and never quote it.
import type { Limits } from "../../config.ts";
import { badRequest } from "../../http/problems.ts";
import { allocColumns, concatColumns, type PointColumns } from "../../series/index.ts";
import * as rule from "./ingest-fields.ts";

/** The points of one series of a request; `context` is canonical JSON. */
export interface IncomingSeries {
  name: string;
  context: string;
  columns: PointColumns;
}

const SERIES_KEYS = new Set(["name", "context", "steps", "values", "epochs", "times"]);

/** A column of `n` items (`optional` ones may be absent); false after adding an error. */
function isColumn(column: unknown, path: string, n: number, optional: boolean, errors: rule.ErrorCollector): column is unknown[] {
  if (column === undefined && optional) return false;
  if (!Array.isArray(column)) errors.add(path, column === undefined ? "is required" : "must be an array");
  else if (column.length !== n) errors.add(path, `must have as many items as steps (${n})`);
  else return true;
  return false;
}

function validateSeries(raw: unknown, path: string, limits: Limits, now: number, seen: rule.SeenInRequest, errors: rule.ErrorCollector): IncomingSeries | null {
  if (!rule.isPlainObject(raw)) {
    errors.add(path, "must be an object");
    return null;
  }
  const before = errors.count;
  for (const key in raw) if (!SERIES_KEYS.has(key)) errors.add(`${path}.${key}`, "is not a known field");
  const { name, context, steps, values, epochs, times } = raw;
  rule.checkName(name, `${path}.name`, limits, seen, errors);
  const contextKey = rule.checkContext(context, `${path}.context`, limits, seen, errors);

  if (!Array.isArray(steps)) {
    errors.add(`${path}.steps`, steps === undefined ? "is required" : "must be an array");
    return null;
  }
  const n = steps.length;
  if (n === 0) errors.add(`${path}.steps`, "must hold at least one step");
  const columns = allocColumns(n);
  for (let i = 0; i < n; i++) {
    const step = steps[i];
    const issue = rule.stepIssue(step);
    if (issue) errors.add(`${path}.steps.${i}`, issue);
    else columns.steps[i] = step as number;
  }
  if (isColumn(values, `${path}.values`, n, false, errors)) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const x = typeof v === "number" ? v : rule.wireValue(v);
      if (x === undefined) errors.add(`${path}.values.${i}`, rule.VALUE_MESSAGE);
      else columns.values[i] = x;
    }
  }
  if (isColumn(epochs, `${path}.epochs`, n, true, errors)) {
    for (let i = 0; i < n; i++) {
      const epoch = epochs[i];
      if (!rule.isEpoch(epoch)) errors.add(`${path}.epochs.${i}`, rule.EPOCH_MESSAGE);
      else columns.epochs[i] = epoch ?? Number.NaN; // NaN: no epoch
    }
  } else columns.epochs.fill(Number.NaN);
  if (isColumn(times, `${path}.times`, n, true, errors)) {
    for (let i = 0; i < n; i++) {
      const time = times[i];
      if (!rule.isTime(time)) errors.add(`${path}.times.${i}`, rule.TIME_MESSAGE);
      else columns.times[i] = time as number;
    }
  } else columns.times.fill(now);
  if (errors.count > before) return null;
  return { name: name as string, context: contextKey as string, columns };
}

/**
 * `{"series": [...], "reopen"?: boolean}`, already JSON-parsed: one entry per series with the
 * same (name, context) written twice merged in order, so the last occurrence of a step wins
 * as in the point form.
 */
export function parseSeriesJson(body: Record<string, unknown>, limits: Limits, now: number): { series: IncomingSeries[]; points: number } {
  const list = body.series;
  if (!Array.isArray(list)) throw badRequest('The body must hold a "series" array.', [{ path: "series", message: "must be an array" }]);
  // Every entry holds at least one point: the point limit bounds the entries too.
  rule.checkCount(list.length, limits);
  let total = 0;
  for (const item of list) if (rule.isPlainObject(item) && Array.isArray(item.steps)) total += item.steps.length;
  rule.checkCount(total, limits);
  const errors = new rule.ErrorCollector();
  const seen = new rule.SeenInRequest();
  // Entries of the same series, in request order: concatenated, so the last occurrence of a step wins.
  const byKey = new Map<string, { name: string; context: string; parts: PointColumns[] }>();
  for (let i = 0; i < list.length; i++) {
    const one = validateSeries(list[i], `series.${i}`, limits, now, seen, errors);
    if (!one) continue;
    const key = `${one.name}\u0000${one.context}`;
    const earlier = byKey.get(key);
    if (earlier) earlier.parts.push(one.columns);
    else byKey.set(key, { name: one.name, context: one.context, parts: [one.columns] });
  }
  errors.throwIfAny("The request");
  const series = [...byKey.values()].map(({ name, context, parts }) => ({ name, context, columns: concatColumns(parts) }));
  return { series, points: total };
}

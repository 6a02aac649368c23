// Metric histories. runcamp keeps one point per step (a re-sent step overwrites), where MLflow
// appends every logged (timestamp, value) even at the same step: get-history therefore
// returns one point per step, the last one logged at it, in step order.
import type { Deps } from "../../deps.ts";
import { decodeCursor, encodeCursor } from "../../http/cursor.ts";
import { canonicalContext } from "../../lib/context.ts";
import { findSeries, type Point, readPoints, type SeriesRow } from "../../series/index.ts";
import { findMlflowRun } from "./runs.ts";
import type { BulkHistoryView, HistoryView, MetricView } from "./schemas.ts";
import { mlflowValue, type SystemSeries, systemSeriesOfKey } from "./system-metrics.ts";
import { wireFloat } from "./views.ts";

// Without max_results the client expects the whole history in one answer (it does not page).
const WHOLE_HISTORY = 1_000_000;

/** A series found for an MLflow metric key, and its system mapping when the key went through one. */
interface KeyedSeries {
  series: SeriesRow;
  system: SystemSeries | null;
}

// A metric key names the series with that name and the empty context (also a system metric
// logged before runcamp mapped MLflow's names); else the runcamp system series an MLflow system
// metric key lands in (system-metrics.ts); else (for runs logged with
// contexts through runcamp's API) `name{context JSON}` as views.ts writes it.
async function seriesOfKey(deps: Deps, runPk: number, key: string): Promise<KeyedSeries | undefined> {
  const [plain] = await findSeries(deps.client, [runPk], [{ name: key, context: "{}" }]);
  if (plain) return { series: plain, system: null };
  const system = systemSeriesOfKey(key);
  if (system) {
    const [row] = await findSeries(deps.client, [runPk], [{ name: system.name, context: system.context }]);
    return row && { series: row, system };
  }
  const m = /^(.+?)(\{.*\})$/s.exec(key);
  if (!m) return undefined;
  try {
    const [row] = await findSeries(deps.client, [runPk], [{ name: m[1], context: canonicalContext(JSON.parse(m[2])) }]);
    return row && { series: row, system: null };
  } catch {
    return undefined;
  }
}

const metricOf = (key: string, found: KeyedSeries, p: Point): MetricView => ({
  key,
  value: wireFloat(found.system ? mlflowValue(found.system, p.value) : p.value),
  timestamp: Math.round(p.time * 1000),
  step: p.step,
});

export async function metricHistory(
  deps: Deps,
  input: { run_id?: string; run_uuid?: string; metric_key: string; page_token?: string; max_results?: number },
): Promise<HistoryView> {
  const row = await findMlflowRun(deps, input.run_id ?? input.run_uuid);
  const found = await seriesOfKey(deps, Number(row.pk), input.metric_key);
  if (!found) return { metrics: [] };
  const from = input.page_token ? Number(decodeCursor(input.page_token, ["integer"])[0]) : 0;
  const page = await readPoints(deps, found.series, from, Number.MAX_SAFE_INTEGER, input.max_results ?? WHOLE_HISTORY);
  const metrics = page.points.map((p) => metricOf(input.metric_key, found, p));
  return page.nextStep === null ? { metrics } : { metrics, next_page_token: encodeCursor([page.nextStep]) };
}

/**
 * get-history-bulk-interval (the MLflow UI's charts): per run, the points in [start_step,
 * end_step], at most max_results of them, evenly spaced by position, first and last kept.
 */
export async function metricHistoryBulk(
  deps: Deps,
  input: { run_ids?: string[]; metric_key: string; start_step?: number; end_step?: number; max_results?: number },
): Promise<BulkHistoryView> {
  const max = input.max_results ?? 320;
  const out: BulkHistoryView["metrics"] = [];
  for (const runId of input.run_ids ?? []) {
    const row = await findMlflowRun(deps, runId);
    const found = await seriesOfKey(deps, Number(row.pk), input.metric_key);
    if (!found) continue;
    const { points } = await readPoints(deps, found.series, input.start_step ?? 0, input.end_step ?? Number.MAX_SAFE_INTEGER, WHOLE_HISTORY);
    const picked = points.length <= max ? points : Array.from({ length: max }, (_, i) => points[Math.round((i * (points.length - 1)) / Math.max(1, max - 1))]);
    for (const p of picked) out.push({ ...metricOf(input.metric_key, found, p), run_id: String(row.id) });
  }
  return { metrics: out };
}

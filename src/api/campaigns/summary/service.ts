// The campaign summary (tcbench's campaign report): for each group of runs × metric ×
// context, n, mean, sample std, min, max and the t-based 95% confidence half-width.
//
// Semantics:
// - The runs are the campaign's runs that are not archived and that the selection keeps:
//   its statuses (default finished: see DEFAULT_REPORT_STATUS) and its filter.
// - A metric name resolves, per run and context, to a series (its last, min or max summary,
//   per `select`) or, when the run has no such series, to a value (run_values; `select` does
//   not apply). Values count only when they are JSON numbers or one of the wire strings
//   "NaN", "Infinity", "-Infinity"; any other value is skipped.
// - A NaN (a NaN last point, a series whose every point is NaN, a "NaN" value) is left out of
//   the statistics and counted in `nan`. ±Infinity stays in: mean becomes ±Infinity (NaN
//   when both signs occur), std and ci95 NaN.
// - std is the sample standard deviation (n − 1); std and ci95 are null for n < 2, and mean,
//   min and max are null for n = 0 (a row whose every run was NaN).
// - Groups are keyed by param paths (dotted; an object-valued path groups by the whole
//   object). By default: every leaf path (scalars, arrays, empty objects) whose value is not
//   the same in all the runs, a missing key counting as a value of its own, except the
//   repetition params (seed, split, fold: see repetition-params.ts), which are pooled and
//   listed in `pooled`. A run lacking a path has null for it. An explicit empty group_by puts
//   every run in one group.
// - Rows are ordered by group values (null < booleans < numbers < strings < arrays and
//   objects), then metric name, then context (canonical JSON).
import type { Deps } from "../../../deps.ts";
import { contextKey } from "../../../http/context-key.ts";
import { badRequest } from "../../../http/problems.ts";
import type { Context } from "../../../lib/context.ts";
import { parseContext } from "../../../lib/context.ts";
import type { Json } from "../../../lib/json.ts";
import { toWire } from "../../../lib/numbers.ts";
import { excerpt } from "../../../lib/text.ts";
import { findCampaign } from "../../../runs-core/campaign-lookup.ts";
import { findRepoPk } from "../../../runs-core/repo-lookup.ts";
import { compileRunSelection, type RunSelection } from "../../../runs-core/run-selection.ts";
import { decodeSummaryColumn, SUMMARY_SQL } from "../../../series/index.ts";
import { selectionUsed } from "../selection.ts";
import { compareText, groupRuns, pathNoRunHas, varyingPaths } from "./param-groups.ts";
import { isRepetitionParam } from "./repetition-params.ts";
import type { CampaignSummary, SummaryRow, SummarySelect } from "./schemas.ts";
import { describeSample } from "./stats.ts";

export interface SummaryOptions {
  /** Metric (series or value) names; undefined or empty = every name present. */
  metrics?: string[];
  /** Contexts to include; undefined = every context present. */
  contexts?: Context[];
  /** Param paths, each a list of keys; undefined = the params that vary across the runs, repetitions pooled. */
  groupBy?: string[][];
  select: SummarySelect;
  /** Which of the campaign's runs count (status default: the caller's). */
  selection: RunSelection;
}

interface Cell {
  metric: string;
  context: string;
  values: number[];
  nan: number;
}

interface Group {
  values: Json[];
  cells: Map<string, Cell>;
}

export async function summarizeCampaign(deps: Deps, repo: string, campaignRef: string, options: SummaryOptions): Promise<CampaignSummary> {
  const repoPk = await findRepoPk(deps, repo);
  const { pk: campaignPk, id: campaignId } = await findCampaign(deps, repoPk, campaignRef, repo);

  const metrics = options.metrics?.length ? [...new Set(options.metrics)] : undefined;
  const contexts = options.contexts ? [...new Set(options.contexts.map((ctx, i) => contextKey(ctx, deps.config.limits, `contexts.${i}`)))] : undefined;
  const filters = (alias: string) => {
    const sql: string[] = [];
    const args: string[] = [];
    if (metrics) {
      sql.push(`AND ${alias}.name IN (${metrics.map(() => "?").join(", ")})`);
      args.push(...metrics);
    }
    if (contexts) {
      sql.push(`AND ${alias}.context IN (${contexts.map(() => "?").join(", ")})`);
      args.push(...contexts);
    }
    return { sql: sql.join(" "), args };
  };
  const search = compileRunSelection(deps, repoPk, options.selection);
  const inCampaign = `r.campaign_pk = ? AND ${search.where}`;
  const runArgs = [campaignPk, ...search.args];
  const seriesFilter = filters("s");
  const valueFilter = filters("v");
  // One round trip, one read transaction, three rows: each query folds its rows into one
  // JSON array, because building a row object per result row costs the client ~4 µs, 4× the
  // query itself. Numbers travel as printf('%!.17g') text: SQLite's JSON writes reals with
  // 15 digits, 17 round-trip exactly. NULL (NaN in a summary) stays null; the values' wire
  // strings ("NaN", "Infinity", "-Infinity") come through as written, and Number() reads all.
  const real = (x: string) => `CASE WHEN ${x} IS NULL THEN NULL ELSE printf('%!.17g', ${x}) END`;
  const [runRs, seriesRs, valueRs] = await deps.client.batch(
    [
      { sql: `SELECT json_group_array(json_array(r.pk, r.params)) AS j FROM runs r WHERE ${inCampaign}`, args: runArgs },
      {
        sql: `SELECT json_group_array(json_array(s.run_pk, s.name, s.context, s.count, s.flags, ${real(SUMMARY_SQL[options.select])})) AS j
              FROM series s JOIN runs r ON r.pk = s.run_pk WHERE ${inCampaign} ${seriesFilter.sql}`,
        args: [...runArgs, ...seriesFilter.args],
      },
      {
        sql: `SELECT json_group_array(json_array(v.run_pk, v.name, v.context,
                CASE WHEN json_type(v.value) = 'text' THEN json_extract(v.value, '$') ELSE ${real("CAST(json_extract(v.value, '$') AS REAL)")} END)) AS j
              FROM run_values v JOIN runs r ON r.pk = v.run_pk
              WHERE ${inCampaign} ${valueFilter.sql}
                AND (json_type(v.value) IN ('integer', 'real') OR v.value IN ('"NaN"', '"Infinity"', '"-Infinity"'))`,
        args: [...runArgs, ...valueFilter.args],
      },
    ],
    "read",
  );
  const jsonRows = <T>(rs: { rows: ArrayLike<Record<string, unknown>> }) => JSON.parse(String(rs.rows[0].j)) as T[];

  const runs = jsonRows<[number, string]>(runRs).map(([pk, params]) => ({ pk, params: JSON.parse(params) as Json }));
  const varying = options.groupBy === undefined ? varyingPaths(runs.map((r) => r.params)) : [];
  const pooled = varying.filter(isRepetitionParam);
  const groupBy = options.groupBy ?? varying.filter((path) => !isRepetitionParam(path));
  const missing = options.groupBy === undefined ? undefined : pathNoRunHas(runs, groupBy);
  if (missing) {
    throw badRequest(`No run of the campaign has the param ${excerpt(missing.join("."))} named in group_by.`, [
      { path: "group_by", message: `no run has ${excerpt(`params.${missing.join(".")}`, 60)}` },
    ]);
  }

  // Each run's group, the groups in the order rows are listed.
  const groups: Group[] = [];
  const groupOfRun = new Map<number, Group>();
  for (const runGroup of groupRuns(runs, groupBy)) {
    const group: Group = { values: runGroup.values, cells: new Map() };
    groups.push(group);
    for (const run of runGroup.runs) groupOfRun.set(run.pk, group);
  }

  // A series wins over a value of the same name and context in the same run.
  const fromSeries = new Set<string>();
  const add = (runPk: number, metric: string, context: string, x: number) => {
    const group = groupOfRun.get(runPk);
    if (!group) return;
    const key = `${metric}\u0000${context}`;
    let cell = group.cells.get(key);
    if (!cell) group.cells.set(key, (cell = { metric, context, values: [], nan: 0 }));
    if (Number.isNaN(x)) cell.nan++;
    else cell.values.push(x);
  };
  for (const [runPk, name, context, count, flags, text] of jsonRows<[number, string, string, number, number, string | null]>(seriesRs)) {
    if (count === 0) continue;
    const column = text === null ? null : Number(text);
    const x = decodeSummaryColumn(options.select, column, flags);
    fromSeries.add(`${runPk}\u0000${name}\u0000${context}`);
    // A null min/max: every point was NaN; a null last without the NaN flag cannot happen
    // with points, but would mean NaN too.
    add(runPk, name, context, x === null ? NaN : x);
  }
  for (const [runPk, name, context, text] of jsonRows<[number, string, string, string]>(valueRs)) {
    if (fromSeries.has(`${runPk}\u0000${name}\u0000${context}`)) continue;
    add(runPk, name, context, Number(text));
  }

  const wire = (x: number | null) => (x === null ? null : toWire(x));
  const groupNames = groupBy.map((path) => path.join("."));
  const rows: SummaryRow[] = [];
  for (const group of groups) {
    const cells = [...group.cells.values()].sort((a, b) => compareText(a.metric, b.metric) || compareText(a.context, b.context));
    // fromEntries, not assignment: a param named "__proto__" stays a plain key.
    const groupObject: Record<string, Json> = Object.fromEntries(groupNames.map((name, i) => [name, group.values[i]]));
    for (const cell of cells) {
      const s = describeSample(cell.values);
      rows.push({
        group: groupObject,
        metric: cell.metric,
        context: parseContext(cell.context),
        n: s.n,
        nan: cell.nan,
        mean: wire(s.mean),
        std: wire(s.std),
        min: wire(s.min),
        max: wire(s.max),
        ci95: wire(s.ci95),
      });
    }
  }
  const selection = selectionUsed(search, options.selection, runs.length);
  return { campaign: campaignId, group_by: groupNames, pooled: pooled.map((path) => path.join(".")), select: options.select, selection, rows };
}

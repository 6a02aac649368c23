// The campaign summary (tcbench's campaign report): for each group of runs × metric ×
// context, n, mean, sample std, min, max and the t-based 95% confidence half-width.
//
// Semantics:
// - The runs and their results per metric and context: see ../run-results.ts (status
//   default finished: see DEFAULT_REPORT_STATUS).
// - A NaN (a NaN last point, a series whose every point is NaN, a "NaN" value) is left out of
//   the statistics and counted in `nan`. ±Infinity stays in: mean becomes ±Infinity (NaN
//   when both signs occur), std and ci95 NaN.
// - std is the sample standard deviation (n − 1); std and ci95 are null for n < 2, and mean,
//   min and max are null for n = 0 (a row whose every run was NaN).
// - Groups are keyed by param paths (dotted; an object-valued path groups by the whole
//   object). By default: every leaf path (scalars, arrays, empty objects) whose value is not
//   the same in all the runs, a missing key counting as a value of its own, except the
//   repetition params (seed, split, fold: see src/lib/repetition-params.ts), which are pooled and
//   listed in `pooled`. A run lacking a path has null for it. An explicit empty group_by puts
//   every run in one group.
// - Rows are ordered by group values (null < booleans < numbers < strings < arrays and
//   objects), then metric name, then context (canonical JSON).
import type { Deps } from "../../../deps.ts";
import { badRequest } from "../../../http/problems.ts";
import { parseContext } from "../../../lib/context.ts";
import type { Json } from "../../../lib/json.ts";
import { toWire } from "../../../lib/numbers.ts";
import { isRepetitionParam } from "../../../lib/repetition-params.ts";
import { excerpt } from "../../../lib/text.ts";
import { loadRunResults, type ResultOptions } from "../run-results.ts";
import { compareText, groupRuns, pathNoRunHas, varyingPaths } from "./param-groups.ts";
import type { CampaignSummary, SummaryRow } from "./schemas.ts";
import { describeSample } from "./stats.ts";

export interface SummaryOptions extends ResultOptions {
  /** Param paths, each a list of keys; undefined = the params that vary across the runs, repetitions pooled. */
  groupBy?: string[][];
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
  const { campaignId, selection, runs, results } = await loadRunResults(deps, repo, campaignRef, options);
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

  for (const { runPk, metric, context, x } of results) {
    const group = groupOfRun.get(runPk);
    if (!group) continue;
    const key = `${metric}\u0000${context}`;
    let cell = group.cells.get(key);
    if (!cell) group.cells.set(key, (cell = { metric, context, values: [], nan: 0 }));
    if (Number.isNaN(x)) cell.nan++;
    else cell.values.push(x);
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
  return { campaign: campaignId, group_by: groupNames, pooled: pooled.map((path) => path.join(".")), select: options.select, selection, rows };
}

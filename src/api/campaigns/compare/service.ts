// The paired comparison of a campaign: does group B beat the baseline A across splits and
// seeds? Runs are grouped by the values of one param (`by`) and paired across groups by the
// values of others (`pair_on`); each group is compared with the baseline on the differences
// of its pairs (paired t, signed-rank, Holm over the rows, d_z), and with three or more
// groups all are compared at once (Friedman, average ranks, Nemenyi CD).
//
// Semantics:
// - Runs and their results: ../run-results.ts, as the summary (status default finished).
// - A run's result is its value for the one metric and context. Runs without one are counted
//   in `missing`; NaN results in `nan`; neither pairs. ±Infinity pairs, but a pair whose
//   difference is not finite leaves the row's tests null (said in `reason`).
// - Two runs of one group with the same pair_on values and a result are a 400: which two
//   form the pair would be a guess.
// - A run of the group or the baseline left without a partner is listed in the row's
//   `unpaired`, never dropped unseen.
// - Friedman's blocks are the pair_on values with a (non-NaN) result in every group.
import type { Deps } from "../../../deps.ts";
import { contextKey } from "../../../http/context-key.ts";
import { badRequest } from "../../../http/problems.ts";
import { type Context, parseContext } from "../../../lib/context.ts";
import { canonicalJson, type Json } from "../../../lib/json.ts";
import { toWire } from "../../../lib/numbers.ts";
import { isRepetitionParam } from "../../../lib/repetition-params.ts";
import { excerpt } from "../../../lib/text.ts";
import { loadRunResults, type ResultOptions, type SelectedRun } from "../run-results.ts";
import { compareText, groupRuns, lookup, MISSING, paramPathKeys, varyingPaths } from "../summary/param-groups.ts";
import { friedmanTest } from "./friedman.ts";
import { holm, pairedT } from "./paired-t.ts";
import type { CampaignComparison, CompareRow } from "./schemas.ts";
import { signedRankTest } from "./signed-rank.ts";

export interface CompareOptions extends Omit<ResultOptions, "metrics" | "contexts"> {
  metric: string;
  context?: Context;
  by: string;
  /** The baseline as the query spells it; undefined = the first group. */
  baseline?: string;
  pairOn?: string[];
  better: "higher" | "lower";
}

const dotted = (path: readonly string[]) => path.join(".");
const shown = (path: readonly string[]) => excerpt(`params.${dotted(path)}`, 80);
/** A group's value in a message: a string quoted and cut, a number or boolean as written. */
const shownValue = (value: Json) =>
  value === null || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : excerpt(typeof value === "string" ? value : canonicalJson(value), 40);

interface Member {
  run: SelectedRun;
  key: string;
  pair: Record<string, Json>;
  x: number;
}

/** The group whose value the query names: as JSON, or for a bare word a string. */
function findBaseline(values: readonly Json[], text: string): number {
  const matches = values.flatMap((value, i) => (canonicalJson(value) === text.trim() || value === text ? [i] : []));
  if (matches.length === 1) return matches[0];
  const listed = values.map(shownValue).join(", ");
  if (matches.length === 0)
    throw badRequest(`No group has the baseline ${excerpt(text, 80)}; the groups are ${listed}.`, [{ path: "baseline", message: "matches no group" }]);
  throw badRequest(`The baseline ${excerpt(text, 80)} matches more than one group (${listed}); write it as JSON, e.g. "1" for the string.`, [
    { path: "baseline", message: "matches more than one group" },
  ]);
}

export async function compareCampaign(deps: Deps, repo: string, campaignRef: string, options: CompareOptions): Promise<CampaignComparison> {
  const { campaignId, selection, runs, results } = await loadRunResults(deps, repo, campaignRef, { ...options, metrics: [options.metric] });
  if (runs.length === 0)
    throw badRequest("The selection keeps no run of the campaign: there is nothing to compare.", [{ path: "filter", message: "no run selected" }]);

  const by = paramPathKeys(options.by);
  const varying = varyingPaths(runs.map((r) => r.params));
  const varies = (path: readonly string[]) => varying.some((p) => dotted(p) === dotted(path));
  if (!varies(by)) {
    throw badRequest(`The param ${shown(by)} named in by has one value in every selected run: there is nothing to compare.`, [
      { path: "by", message: "does not vary across the selected runs" },
    ]);
  }
  const pairOn = options.pairOn
    ? [...new Map(options.pairOn.map((p) => [dotted(paramPathKeys(p)), paramPathKeys(p)])).values()]
    : varying.filter((p) => isRepetitionParam(p) && dotted(p) !== dotted(by));
  if (pairOn.length === 0) {
    throw badRequest("No varying param names a repetition (seed, split, fold): name the params that pair runs in pair_on.", [
      { path: "pair_on", message: "required here" },
    ]);
  }
  for (const path of pairOn) {
    if (dotted(path) === dotted(by))
      throw badRequest(`pair_on names ${shown(by)}, the param compared by: runs of different groups could never pair.`, [
        { path: "pair_on", message: "names the by param" },
      ]);
    if (!varies(path)) {
      throw badRequest(
        `pair_on names ${shown(path)}, which has one value in every selected run: it tells no repetition from another. Varying params: ${varying.map(dotted).join(", ") || "none"}.`,
        [{ path: "pair_on", message: `does not vary across the selected runs: ${shown(path)}` }],
      );
    }
  }

  // The context: the one asked for, or the only one the metric has.
  const contexts = [...new Set(results.map((r) => r.context))].sort(compareText);
  let context: string;
  if (options.context) context = contextKey(options.context, deps.config.limits, "context");
  else if (contexts.length === 1) context = contexts[0];
  else if (contexts.length === 0)
    throw badRequest(`No selected run has the metric ${excerpt(options.metric, 80)}.`, [{ path: "metric", message: "no run has it" }]);
  else
    throw badRequest(
      `The metric ${excerpt(options.metric, 80)} has several contexts (${contexts.map((c) => excerpt(c, 40)).join(", ")}): name one in context.`,
      [{ path: "context", message: "required here" }],
    );
  const resultOf = new Map(results.filter((r) => r.context === context).map((r) => [r.runPk, r.x]));

  const groupsOfRuns = groupRuns(runs, [by]);
  const values = groupsOfRuns.map((g) => g.values[0]);
  const baselineIndex = options.baseline === undefined ? 0 : findBaseline(values, options.baseline);
  const groupCounts = groupsOfRuns.map((g) => ({ value: g.values[0], runs: g.runs.length, nan: 0, missing: 0 }));
  // Per group: pair key → member (runs with a non-NaN result).
  const members = groupsOfRuns.map((g, gi) => {
    const byKey = new Map<string, Member>();
    const nanKeys = new Set<string>();
    for (const run of g.runs) {
      const x = resultOf.get(run.pk);
      if (x === undefined) {
        groupCounts[gi].missing++;
        continue;
      }
      const pair: Record<string, Json> = Object.fromEntries(
        pairOn.map((path) => {
          const v = lookup(run.params, path);
          return [dotted(path), v === MISSING ? null : v];
        }),
      );
      const key = canonicalJson(pairOn.map((path) => pair[dotted(path)]));
      const twin = byKey.get(key)?.run.id ?? (nanKeys.has(key) ? "another run" : undefined);
      if (twin !== undefined) {
        throw badRequest(
          `Runs ${excerpt(twin, 64)} and ${excerpt(run.id, 64)} of the group ${shownValue(g.values[0])} have the same pair_on values ${excerpt(canonicalJson(pair), 120)}: a pair needs one run per group. Add the param that tells them apart to pair_on, or narrow the selection.`,
          [{ path: "pair_on", message: "two runs of one group have the same values" }],
        );
      }
      if (Number.isNaN(x)) {
        groupCounts[gi].nan++;
        nanKeys.add(key);
        continue;
      }
      byKey.set(key, { run, key, pair, x });
    }
    return byKey;
  });

  const base = members[baselineIndex];
  const wire = (x: number | null) => (x === null ? null : toWire(x));
  const rows: CompareRow[] = [];
  for (let gi = 0; gi < members.length; gi++) {
    if (gi === baselineIndex) continue;
    const group = members[gi];
    const d: number[] = [];
    const unpaired: CompareRow["unpaired"] = [];
    for (const m of group.values()) {
      const partner = base.get(m.key);
      if (partner) d.push(m.x - partner.x);
      else unpaired.push({ run: m.run.id, side: "group", pair: m.pair });
    }
    for (const m of base.values()) if (!group.has(m.key)) unpaired.push({ run: m.run.id, side: "baseline", pair: m.pair });
    rows.push({ group: values[gi], ...pairedStatistics(d), unpaired });
  }
  const adjusted = holm(rows.map((r) => (typeof r.p_ttest === "number" ? r.p_ttest : null)));
  rows.forEach((r, i) => {
    r.p_holm = wire(adjusted[i]);
  });

  return {
    campaign: campaignId,
    metric: options.metric,
    context: parseContext(context),
    select: options.select,
    by: dotted(by),
    baseline: values[baselineIndex],
    pair_on: pairOn.map(dotted),
    better: options.better,
    selection,
    groups: groupCounts,
    rows,
    friedman: members.length >= 3 ? friedmanOver(members, values, options.better) : null,
  };

  function pairedStatistics(d: number[]): Omit<CompareRow, "group" | "unpaired" | "p_holm"> & { p_holm: null } {
    const none = { ci95_low: null, ci95_high: null, p_ttest: null, p_wilcoxon: null, wilcoxon_method: null, p_holm: null, effect_size: null };
    if (d.length === 0) return { n_pairs: 0, mean_diff: null, ...none, reason: "no pairs: no run of the group has a partner in the baseline" };
    const t = pairedT(d);
    if (d.length < 2) return { n_pairs: 1, mean_diff: wire(t.mean), ...none, reason: "fewer than 2 pairs: no interval or test" };
    if (!d.every(Number.isFinite))
      return { n_pairs: d.length, mean_diff: wire(t.mean), ...none, reason: "a difference is not finite (an infinite result): no interval or test" };
    const w = signedRankTest(d);
    const reasons = [
      t.p === null ? "every difference is zero: the t-test is undefined" : null,
      w.p === null ? "every difference is zero: the signed-rank test is undefined" : null,
    ].filter((r) => r !== null);
    return {
      n_pairs: d.length,
      mean_diff: wire(t.mean),
      ci95_low: wire(t.ciLow),
      ci95_high: wire(t.ciHigh),
      p_ttest: wire(t.p),
      p_wilcoxon: wire(w.p),
      wilcoxon_method: w.method,
      p_holm: null,
      effect_size: wire(t.effectSize),
      reason: reasons.length ? reasons.join("; ") : null,
    };
  }
}

function friedmanOver(
  members: readonly Map<string, Member>[],
  values: readonly Json[],
  better: "higher" | "lower",
): NonNullable<CampaignComparison["friedman"]> {
  const keys = [...members[0].keys()].filter((key) => members.every((m) => m.has(key))).sort(compareText);
  const blocks = keys.map((key) => members.map((m) => (m.get(key) as Member).x));
  if (blocks.length < 2)
    return {
      n_blocks: blocks.length,
      statistic: null,
      p: null,
      ranks: [],
      critical_difference: null,
      reason: "fewer than 2 complete blocks (pair_on values with a result in every group)",
    };
  if (!blocks.every((b) => b.every(Number.isFinite)))
    return { n_blocks: blocks.length, statistic: null, p: null, ranks: [], critical_difference: null, reason: "an infinite result: no ranks" };
  const f = friedmanTest(blocks, better);
  return {
    n_blocks: blocks.length,
    statistic: f.statistic === null ? null : toWire(f.statistic),
    p: f.p === null ? null : toWire(f.p),
    ranks: f.ranks.map((rank, i) => ({ group: values[i], rank })),
    critical_difference: toWire(f.criticalDifference),
    reason: f.statistic === null ? "every block is one tie: the statistic is undefined" : null,
  };
}

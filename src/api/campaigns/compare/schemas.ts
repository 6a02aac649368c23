// Request and response shapes of the paired campaign comparison. Types come from these schemas.
import * as v from "valibot";
import { Context, Name, WireNumber } from "../../../http/schemas.ts";
import { commaList, encodedQuery, jsonQuery } from "../../../http/validation.ts";
import { RunSelectionQuery, SelectionView } from "../selection.ts";
import { ParamPath, SELECTS } from "../summary/schemas.ts";

export const PairOnParam = encodedQuery(
  v.pipe(v.array(ParamPath), v.minLength(1, "name at least one param"), v.maxLength(32, "at most 32 paths")),
  commaList,
  "Comma-separated param paths (params.split,params.seed or bare) whose values pair runs across groups: a group's run and a baseline run with equal values there form a pair. Default: the params that vary across the selected runs and name a repetition, as the summary pools them: the last key is seed, split or fold, or ends in one of them after _ or - (random_seed, cv-fold).",
);
export const ContextParam = jsonQuery(
  Context,
  'JSON: the metric\'s context, e.g. {"subset":"test"}. Default: the one context the metric has in the selected runs.',
);

export const BETTER = ["higher", "lower"] as const;

export const CompareQuery = v.object({
  metric: v.pipe(Name, v.description("The metric (series or value) compared, resolved per run as in the summary")),
  context: v.optional(ContextParam.schema),
  select: v.optional(v.pipe(v.picklist(SELECTS), v.description("Which series summary counts for a run (values ignore it)")), "last"),
  by: v.pipe(ParamPath, v.description("The param whose values are compared, e.g. params.aug")),
  baseline: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(1024),
      v.description(
        'The value of `by` every other group is compared with, written as JSON (0.1, true, "x") or, for a string, bare (none). Default: the first group in order (null < booleans < numbers < strings < arrays and objects).',
      ),
    ),
  ),
  pair_on: v.optional(PairOnParam.schema),
  better: v.optional(
    v.pipe(v.picklist(BETTER), v.description("Which direction ranks first in the Friedman average ranks (rank 1 = best); the tests do not depend on it")),
    "higher",
  ),
  ...RunSelectionQuery.entries,
});

const Nullable = (description: string) => v.pipe(v.nullable(WireNumber), v.description(description));

const UnpairedRunView = v.object({
  run: v.pipe(v.string(), v.description("The run's id")),
  side: v.pipe(v.picklist(["group", "baseline"]), v.description("Whether the run is of the compared group or of the baseline")),
  pair: v.pipe(v.record(v.string(), v.unknown()), v.description("Its values at the pair_on paths (null: the run lacks the param)")),
});

const CompareRowView = v.object({
  group: v.pipe(v.unknown(), v.description("The compared value of `by`")),
  n_pairs: v.pipe(v.number(), v.description("Pairs counted (a pair with a NaN result on either side is left out)")),
  mean_diff: Nullable("Mean of group − baseline over the pairs; null without pairs"),
  ci95_low: Nullable("Lower end of the paired t 95% interval of the mean difference; null for n_pairs < 2"),
  ci95_high: Nullable("Upper end of the paired t 95% interval of the mean difference; null for n_pairs < 2"),
  p_ttest: Nullable("Two-sided paired t-test p-value (scipy.stats.ttest_rel); null when the test is undefined (see reason)"),
  p_wilcoxon: Nullable(
    "Two-sided Wilcoxon signed-rank p-value as scipy.stats.wilcoxon's defaults compute it: zeros dropped; exact for n ≤ 50 without ties or zeros; with ties or zeros, every sign flip for n ≤ 13, else the tie-corrected normal approximation without continuity correction",
  ),
  wilcoxon_method: v.nullable(v.picklist(["exact", "permutation", "normal"])),
  p_holm: Nullable("p_ttest adjusted by Holm's step-down method over the rows with a p_ttest"),
  effect_size: Nullable("Cohen's d_z: mean difference / sample standard deviation of the differences"),
  reason: v.pipe(v.nullable(v.string()), v.description("Why a statistic is null, if one is")),
  unpaired: v.pipe(v.array(UnpairedRunView), v.description("The group's and the baseline's runs with a result that found no partner")),
});
export type CompareRow = v.InferOutput<typeof CompareRowView>;

const GroupCountView = v.object({
  value: v.pipe(v.unknown(), v.description("The value of `by`")),
  runs: v.pipe(v.number(), v.description("Selected runs with this value")),
  nan: v.pipe(v.number(), v.description("Of them, runs whose result was NaN: counted here, left out of the pairs")),
  missing: v.pipe(v.number(), v.description("Of them, runs without a result for the metric and context")),
});

const FriedmanView = v.pipe(
  v.object({
    n_blocks: v.pipe(v.number(), v.description("Complete blocks: pair_on values with a result in every group")),
    statistic: Nullable("Friedman's χ² (tie-corrected, as scipy.stats.friedmanchisquare)"),
    p: Nullable("P(χ²(k − 1) ≥ statistic)"),
    ranks: v.pipe(
      v.array(v.object({ group: v.unknown(), rank: v.number() })),
      v.description("Average rank per group over the blocks, 1 = best (see better), in the groups' order"),
    ),
    critical_difference: Nullable("Nemenyi critical difference at α = 0.05: q(0.95, k, ∞)/√2 · √(k(k+1)/(6·n_blocks))"),
    reason: v.nullable(v.string()),
  }),
  v.description("With three or more groups: the Friedman test over the complete blocks, average ranks and the Nemenyi critical difference; else null"),
);

export const CampaignComparisonView = v.pipe(
  v.object({
    campaign: v.string(),
    metric: v.string(),
    context: Context,
    select: v.picklist(SELECTS),
    by: v.string(),
    baseline: v.pipe(v.unknown(), v.description("The baseline value of `by`")),
    pair_on: v.array(v.string()),
    better: v.picklist(BETTER),
    selection: SelectionView,
    groups: v.array(GroupCountView),
    rows: v.pipe(v.array(CompareRowView), v.description("One per group other than the baseline, in the groups' order")),
    friedman: v.nullable(FriedmanView),
  }),
  v.metadata({ ref: "CampaignComparison" }),
);
export type CampaignComparison = v.InferOutput<typeof CampaignComparisonView>;

// Request and response shapes of the campaign summary. Types come from these schemas.
import * as v from "valibot";
import { Context, JsonObject, Name, WireNumber } from "../../../http/schemas.ts";
import { commaList, encodedQuery, jsonQuery } from "../../../http/validation.ts";
import { RunSelectionQuery, SelectionView } from "../selection.ts";

export const SELECTS = ["last", "min", "max"] as const;
export type SummarySelect = (typeof SELECTS)[number];

// A param path as the filter language spells it (`params.optimizer.lr`), or bare (`optimizer.lr`).
export const ParamPath = v.pipe(v.string(), v.regex(/^[^.]+(\.[^.]+)*$/, "must be a dotted param path such as params.optimizer.lr"), v.maxLength(1024));

export const MetricsParam = encodedQuery(
  v.pipe(v.array(Name), v.maxLength(100, "at most 100 metrics")),
  commaList,
  "Comma-separated metric names: series or values. Default: every name present in the campaign's runs.",
);
export const ContextsParam = jsonQuery(
  v.union(
    [Context, v.pipe(v.array(Context), v.minLength(1, "name at least one context"), v.maxLength(100, "at most 100 contexts"))],
    "must be a context object or an array of them",
  ),
  'JSON: one context object or an array of them, e.g. [{"subset":"val"},{"subset":"test"}]; contexts match exactly ({} is the empty context). Default: every context present.',
);
export const GroupByParam = encodedQuery(
  v.pipe(v.array(ParamPath), v.maxLength(32, "at most 32 paths")),
  commaList,
  "Comma-separated param paths, written as in filters (params.optimizer.lr) or bare (optimizer.lr), e.g. params.aug,params.lr. Default: every param whose value differs across the runs, except repetition params, which are pooled (the last key is seed, split or fold, or ends in _seed, -seed, _split, -split, _fold or -fold, case-insensitively: seed, random_seed, cv_fold). Empty: one group of all runs.",
);

export const SummaryQuery = v.object({
  metrics: v.optional(MetricsParam.schema),
  contexts: v.optional(ContextsParam.schema),
  group_by: v.optional(GroupByParam.schema),
  select: v.optional(v.pipe(v.picklist(SELECTS), v.description("Which series summary counts for a run (values ignore it)")), "last"),
  ...RunSelectionQuery.entries,
});

const SummaryRowView = v.object({
  group: v.pipe(JsonObject, v.description("The group's param values by path; null where a run lacks the param")),
  metric: v.string(),
  context: Context,
  n: v.pipe(v.number(), v.description("Runs counted (NaN excluded)")),
  nan: v.pipe(v.number(), v.description("Runs whose selected value was NaN, left out of the statistics")),
  mean: v.nullable(WireNumber),
  std: v.pipe(v.nullable(WireNumber), v.description("Sample standard deviation (n - 1); null for n < 2")),
  min: v.nullable(WireNumber),
  max: v.nullable(WireNumber),
  ci95: v.pipe(v.nullable(WireNumber), v.description("Half-width of the 95% confidence interval of the mean, t(0.975, n-1)·std/√n; null for n < 2")),
});
export type SummaryRow = v.InferOutput<typeof SummaryRowView>;
export const CampaignSummaryView = v.pipe(
  v.object({
    campaign: v.string(),
    group_by: v.array(v.string()),
    pooled: v.pipe(
      v.array(v.string()),
      v.description(
        "Repetition params (seed, split, fold) that vary but were left out of the default group_by: each group pools their runs. Empty when group_by was given.",
      ),
    ),
    select: v.picklist(SELECTS),
    selection: SelectionView,
    rows: v.array(SummaryRowView),
  }),
  v.metadata({ ref: "CampaignSummary" }),
);
export type CampaignSummary = v.InferOutput<typeof CampaignSummaryView>;

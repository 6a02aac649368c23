// Request and response shapes of the campaign summary. Types come from these schemas.
import * as v from "valibot";
import { Context, JsonObject, Name, Status, WireNumber } from "../../../http/schemas.ts";
import { commaList, encodedQuery, jsonQuery } from "../../../http/validation.ts";
import { RUN_STATUSES, type RunStatus } from "../../../lib/run-status.ts";

export const SELECTS = ["last", "min", "max"] as const;
export type SummarySelect = (typeof SELECTS)[number];

// A param path as the filter language spells it (`params.optimizer.lr`), or bare (`optimizer.lr`).
const ParamPath = v.pipe(v.string(), v.regex(/^[^.]+(\.[^.]+)*$/, "must be a dotted param path such as params.optimizer.lr"), v.maxLength(1024));

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
  "Comma-separated param paths, written as in filters (params.optimizer.lr) or bare (optimizer.lr), e.g. params.aug,params.lr. Default: every param whose value differs across the runs. Empty: one group of all runs.",
);

// Statistics are over results: a run still running, or one that failed or was killed
// halfway, has a last value that is not a result. So by default only finished runs count.
export const DEFAULT_SUMMARY_STATUS: readonly RunStatus[] = ["finished"];
export const StatusParam = encodedQuery(
  v.pipe(
    v.array(v.picklist([...RUN_STATUSES, "any"], `each must be a status (${RUN_STATUSES.join(", ")}) or any`)),
    v.minLength(1, "name at least one status, or any"),
    v.check((list) => !list.includes("any") || list.length === 1, "any stands alone"),
  ),
  commaList,
  "Comma-separated run statuses the summary counts, or any. Default: finished (a run still running, or one that failed or was killed halfway, has no final result), unless filter names status itself.",
);

export const SummaryQuery = v.object({
  metrics: v.optional(MetricsParam.schema),
  contexts: v.optional(ContextsParam.schema),
  group_by: v.optional(GroupByParam.schema),
  select: v.optional(v.pipe(v.picklist(SELECTS), v.description("Which series summary counts for a run (values ignore it)")), "last"),
  status: v.optional(StatusParam.schema),
  filter: v.optional(
    v.pipe(
      v.string(),
      v.description(
        "Run filter language: only the campaign's runs it matches count (archived runs only when it names archived), e.g. `params.lr > 1e-3`. With status (or its default) both must hold.",
      ),
    ),
  ),
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
    select: v.picklist(SELECTS),
    selection: v.pipe(
      v.object({
        status: v.pipe(v.nullable(v.array(Status)), v.description("The statuses counted; null: any")),
        filter: v.nullable(v.string()),
        runs: v.pipe(v.number(), v.description("How many of the campaign's runs the selection kept")),
      }),
      v.description("The runs the statistics are over"),
    ),
    rows: v.array(SummaryRowView),
  }),
  v.metadata({ ref: "CampaignSummary" }),
);
export type CampaignSummary = v.InferOutput<typeof CampaignSummaryView>;

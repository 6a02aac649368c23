// Request and response shapes of the runs routes. Types come from these schemas.
import * as v from "valibot";
import { Context, JsonObject, PageQuery, ResourceId, ShortText, Status, StrictObject, Tag, Text } from "../../http/schemas.ts";
import { RunFailureInput, RunView } from "../../runs-core/run-view.ts";
import { InputView } from "../inputs/schemas.ts";
import { SeriesSummaryView } from "../metrics/schemas.ts";
import { ValueView } from "../values/schemas.ts";

export const RunListItem = v.pipe(
  v.object({
    ...RunView.entries,
    provenance: v.optional(v.nullable(JsonObject)),
    columns: v.optional(
      v.pipe(
        v.record(v.string(), v.unknown()),
        v.description("With columns=: each requested column's value by its text as requested (null where the run lacks it); non-finite numbers as strings"),
      ),
    ),
  }),
  v.metadata({ ref: "RunListItem" }),
);
export type RunListItem = v.InferOutput<typeof RunListItem>;
export const RunListPage = v.pipe(
  v.object({
    items: v.array(RunListItem),
    next_cursor: v.nullable(v.string()),
    total: v.optional(v.pipe(v.number(), v.description("With total=true: how many runs the filter matches in all (every page, not this one)"))),
  }),
  v.metadata({ ref: "RunListPage" }),
);
export type RunListPage = v.InferOutput<typeof RunListPage>;

export const RunDetailView = v.pipe(
  v.object({
    ...RunView.entries,
    values: v.array(ValueView),
    inputs: v.pipe(v.array(InputView), v.description("The datasets the run used (POST .../inputs, MLflow's log_input), in the order first logged")),
    metrics: v.pipe(v.array(SeriesSummaryView), v.description("The run's first 1,000 series in (name, context) order")),
    metrics_next_cursor: v.pipe(
      v.nullable(v.string()),
      v.description("When the run has more series: the cursor for GET /v1/repos/{repo}/runs/{run}/metrics?cursor=… (which pages through the rest)"),
    ),
  }),
  v.metadata({ ref: "RunDetail" }),
);
export type RunDetailView = v.InferOutput<typeof RunDetailView>;

const CampaignRef = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(255),
  v.description("Campaign id or name, of a campaign of this repo: one that does not exist is a 400 on campaign"),
);
const Tags = v.pipe(v.array(Tag), v.maxLength(256, "at most 256 tags"));

export const CreateRunBody = StrictObject({
  id: v.optional(v.pipe(ResourceId, v.description("Client-chosen id: re-sending it resumes the run instead of creating another"))),
  name: v.optional(ShortText),
  experiment: v.optional(ShortText),
  description: v.optional(Text),
  params: v.optional(JsonObject),
  tags: v.optional(Tags),
  campaign: v.optional(CampaignRef),
  provenance: v.optional(JsonObject),
});
export type CreateRunInput = v.InferOutput<typeof CreateRunBody>;

export const PatchRunBody = StrictObject({
  name: v.optional(ShortText),
  experiment: v.optional(ShortText),
  description: v.optional(Text),
  status: v.optional(Status),
  archived: v.optional(v.boolean()),
  campaign: v.optional(v.nullable(CampaignRef)),
  params: v.optional(v.pipe(JsonObject, v.description("JSON merge patch (RFC 7396): objects merge, null deletes a key"))),
  tags: v.optional(StrictObject({ add: v.optional(Tags), remove: v.optional(Tags) })),
  failure: v.optional(RunFailureInput),
});
export type PatchRunInput = v.InferOutput<typeof PatchRunBody>;

export const ListRunsQuery = v.object({
  ...PageQuery.entries,
  filter: v.optional(
    v.pipe(
      v.string(),
      v.description(
        'Run filter language (at most 4 KiB), e.g. `params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2`. Empty = every run. Archived runs are hidden unless the filter names `archived`.',
      ),
    ),
  ),
  sort: v.optional(
    v.pipe(
      v.string(),
      v.description(
        'Any field the filter language names except tags, optionally followed by asc (default) or desc, e.g. `metrics.acc{subset:"test"}.last desc`. Default `created_at asc`. Runs without the field come last.',
      ),
    ),
  ),
  columns: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(4096, "must be at most 4,096 characters"),
      v.description(
        'Comma-separated fields in filter syntax to evaluate for each run of the page, e.g. `params.lr,values.acc{subset:"test"},metrics.loss{subset:"val"}.min,tags.baseline`; each item then has `columns` keyed by the text of each field. At most 100.',
      ),
    ),
  ),
  provenance: v.optional(v.pipe(v.picklist(["true", "false"]), v.description("false leaves provenance out of the items")), "true"),
  total: v.optional(v.pipe(v.picklist(["true", "false"]), v.description("true adds total: how many runs match, counted over every page")), "false"),
});
export type ListRunsOptions = v.InferOutput<typeof ListRunsQuery>;

const NamedField = v.object({
  name: v.string(),
  context: Context,
  field: v.pipe(v.string(), v.description("The field in filter syntax; for a series, append an aggregation (.last, .min, .max, .count, .last_step)")),
});
export const ColumnFields = v.pipe(
  v.object({
    params: v.pipe(v.array(v.string()), v.description("Param paths of the repo's runs (leaves; arrays whole), as fields: params.optimizer.lr")),
    values: v.array(NamedField),
    metrics: v.array(NamedField),
    tag_values: v.pipe(v.array(v.string()), v.description("Keys of the repo's key/value tags (MLflow's), as fields: tag_values.team")),
  }),
  v.metadata({ ref: "ColumnFields" }),
);
export type ColumnFields = v.InferOutput<typeof ColumnFields>;

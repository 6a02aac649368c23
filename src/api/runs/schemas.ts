// Request and response shapes of the runs routes. Types come from these schemas.
import * as v from "valibot";
import { JsonObject, PageQuery, ResourceId, ShortText, Status, StrictObject, Tag, Text } from "../../http/schemas.ts";
import { SeriesSummaryView } from "../metrics/schemas.ts";
import { ValueView } from "../values/schemas.ts";

export const RunView = v.pipe(
  v.object({
    id: v.string(),
    repo: v.string(),
    name: v.string(),
    experiment: v.string(),
    description: v.string(),
    status: Status,
    archived: v.boolean(),
    campaign: v.nullable(v.string()),
    params: JsonObject,
    tags: v.array(v.string()),
    provenance: v.nullable(JsonObject),
    created_at: v.string(),
    updated_at: v.string(),
    ended_at: v.nullable(v.string()),
    last_activity_at: v.pipe(v.string(), v.description("The run's last sign of life: ingest, values, create/resume or an SDK heartbeat")),
    stale: v.pipe(
      v.boolean(),
      v.description("Running, but silent for longer than the server's staleness time (RUNCAMP_STALE_AFTER_SECONDS): its process most likely died"),
    ),
  }),
  v.metadata({ ref: "Run" }),
);
export type RunView = v.InferOutput<typeof RunView>;

export const RunDetailView = v.pipe(
  v.object({ ...RunView.entries, values: v.array(ValueView), metrics: v.array(SeriesSummaryView) }),
  v.metadata({ ref: "RunDetail" }),
);
export type RunDetailView = v.InferOutput<typeof RunDetailView>;

const CampaignRef = v.pipe(v.string(), v.minLength(1), v.maxLength(255), v.description("Campaign id or name"));
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
});
export type ListRunsOptions = v.InferOutput<typeof ListRunsQuery>;

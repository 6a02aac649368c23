// Request and response shapes of the import route: a repo's campaigns and runs as an export
// file holds them, with their stored timestamps. Types come from these schemas.
import * as v from "valibot";
import { Context, JsonObject, Name, ResourceId, ShortText, Status, StrictObject, Tag, Text } from "../../http/schemas.ts";
import { RunFailureInput } from "../../runs-core/run-view.ts";
import { MAX_TIME_MS } from "../../series/index.ts";
import { ArtifactPath } from "../artifacts/schemas.ts";
import { PostInputsBody } from "../inputs/schemas.ts";
import { Value } from "../values/schemas.ts";

export const MAX_IMPORT_RUNS = 100;
export const MAX_IMPORT_CAMPAIGNS = 1000;

// The form the API writes instants in (toISOString: UTC, milliseconds), so an exported
// instant comes back as the same text.
const Instant = v.pipe(
  v.string(),
  // The pattern states what a pattern can (years from 1970, months 01-12, days 01-31, a
  // 24-hour clock); the check after it, what only a calendar knows (no 31 April).
  v.regex(
    /^(?:19[7-9]\d|[2-9]\d{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/,
    "must be an instant as the API writes them: YYYY-MM-DDTHH:MM:SS.sssZ, from 1970 on",
  ),
  v.check((text) => {
    const ms = Date.parse(text);
    return Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME_MS && new Date(ms).toISOString() === text;
  }, "must be a real instant from 1970 on"),
  v.transform((text) => Date.parse(text)),
);

const ImportValue = StrictObject({ name: Name, context: v.optional(Context), value: Value, updated_at: Instant });
const ImportArtifact = StrictObject({
  path: ArtifactPath,
  created_at: v.pipe(Instant, v.description("The artifact (uploaded before this import) gets this creation time")),
});

const ImportRun = StrictObject({
  id: ResourceId,
  name: v.optional(ShortText),
  experiment: v.optional(ShortText),
  description: v.optional(Text),
  status: Status,
  archived: v.optional(v.boolean()),
  campaign: v.optional(v.nullable(v.pipe(ResourceId, v.description("A campaign id: one of this body's campaigns or one the repo has")))),
  params: v.optional(JsonObject),
  tags: v.optional(v.pipe(v.array(Tag), v.maxLength(256, "at most 256 tags"))),
  provenance: v.optional(v.nullable(JsonObject)),
  created_at: Instant,
  updated_at: Instant,
  ended_at: v.optional(v.nullable(Instant)),
  last_activity_at: v.optional(Instant),
  failure: v.optional(RunFailureInput),
  values: v.optional(v.pipe(v.array(ImportValue), v.maxLength(10_000, "at most 10,000 values per run"))),
  inputs: v.optional(v.pipe(PostInputsBody, v.description("The run's dataset inputs in the order first logged; replaced as a whole"))),
  artifacts: v.optional(v.pipe(v.array(ImportArtifact), v.maxLength(10_000, "at most 10,000 artifacts per run"))),
});
export type ImportRunInput = v.InferOutput<typeof ImportRun>;

const ImportCampaign = StrictObject({ id: ResourceId, name: Name, description: v.optional(Text), params: v.optional(JsonObject), created_at: Instant });
export type ImportCampaignInput = v.InferOutput<typeof ImportCampaign>;

// Items that must not repeat (run ids, campaign ids and names, a run's values) are checked by
// the service, which names the repeating item's path.
export const ImportBody = StrictObject({
  repo: v.optional(
    v.pipe(
      StrictObject({ description: v.optional(Text), created_at: Instant }),
      v.description("Used only when this import creates the repo; an existing repo is left as it is"),
    ),
  ),
  campaigns: v.optional(v.pipe(v.array(ImportCampaign), v.maxLength(MAX_IMPORT_CAMPAIGNS, `at most ${MAX_IMPORT_CAMPAIGNS} campaigns per request`))),
  runs: v.optional(v.pipe(v.array(ImportRun), v.maxLength(MAX_IMPORT_RUNS, `at most ${MAX_IMPORT_RUNS} runs per request`))),
});
export type ImportInput = v.InferOutput<typeof ImportBody>;

export const ImportResult = v.pipe(
  v.object({
    repo_created: v.boolean(),
    campaigns: v.object({ created: v.number(), replaced: v.number() }),
    runs: v.object({ created: v.number(), replaced: v.number() }),
  }),
  v.metadata({ ref: "ImportResult" }),
);
export type ImportResult = v.InferOutput<typeof ImportResult>;

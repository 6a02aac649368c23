// Request and response shapes of the campaigns routes. Types come from these schemas.
import * as v from "valibot";
import { JsonObject, Name, ResourceId, StrictObject, Text } from "../../http/schemas.ts";
import { RunView } from "../../runs-core/run-view.ts";

export const CampaignView = v.pipe(
  v.object({
    id: v.string(),
    repo: v.string(),
    name: v.string(),
    description: v.string(),
    params: JsonObject,
    run_count: v.number(),
    created_at: v.string(),
  }),
  v.metadata({ ref: "Campaign" }),
);
export type CampaignView = v.InferOutput<typeof CampaignView>;

export const CampaignDetailView = v.pipe(v.object({ ...CampaignView.entries, runs: v.array(RunView) }), v.metadata({ ref: "CampaignDetail" }));
export type CampaignDetailView = v.InferOutput<typeof CampaignDetailView>;

export const CreateCampaignBody = StrictObject({
  id: v.optional(v.pipe(ResourceId, v.description("Client-chosen id: re-sending it returns the stored campaign"))),
  name: Name,
  description: v.optional(Text),
  params: v.optional(v.pipe(JsonObject, v.description("e.g. the grid the campaign runs over"))),
});
export type CreateCampaignInput = v.InferOutput<typeof CreateCampaignBody>;

export const PatchCampaignBody = StrictObject({
  name: v.optional(Name),
  description: v.optional(Text),
  params: v.optional(v.pipe(JsonObject, v.description("JSON merge patch (RFC 7396)"))),
});
export type PatchCampaignInput = v.InferOutput<typeof PatchCampaignBody>;

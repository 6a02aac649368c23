// Response schemas: they document the API (openapi.yaml) and type the generated clients.
import * as v from "valibot";
import { Context, JsonObject } from "./common.ts";

export const WireNumber = v.union([v.number(), v.picklist(["NaN", "Infinity", "-Infinity"])]);
export const Status = v.picklist(["running", "finished", "failed", "killed"]);
export const Value = v.union([v.string(), v.number(), v.boolean(), v.null(), JsonObject]);

export const RepoView = v.object({
  name: v.string(),
  description: v.string(),
  created_at: v.string(),
  run_count: v.number(),
  campaign_count: v.number(),
});

export const RunView = v.object({
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
});

export const ValueView = v.object({ name: v.string(), context: Context, value: Value, updated_at: v.string() });

export const SeriesSummaryView = v.object({
  name: v.string(),
  context: Context,
  count: v.number(),
  first_step: v.nullable(v.number()),
  last_step: v.nullable(v.number()),
  last: v.nullable(WireNumber),
  min: v.nullable(WireNumber),
  max: v.nullable(WireNumber),
  last_time: v.nullable(v.number()),
});

export const RunDetailView = v.object({ ...RunView.entries, values: v.array(ValueView), metrics: v.array(SeriesSummaryView) });

export const CampaignView = v.object({
  id: v.string(),
  repo: v.string(),
  name: v.string(),
  description: v.string(),
  params: JsonObject,
  run_count: v.number(),
  created_at: v.string(),
});

export const CampaignDetailView = v.object({ ...CampaignView.entries, runs: v.array(RunView) });

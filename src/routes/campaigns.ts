import { Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import * as v from "valibot";
import type { Deps } from "../deps.ts";
import { accepts } from "hono/accepts";
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, patchCampaign } from "../services/campaigns.ts";
import { summarizeCampaign, summaryCsv } from "../services/campaign-summary.ts";
import { CampaignParams, commaList, Context, encodedQuery, JsonObject, jsonBody, jsonResponse, Name, Page, PageQuery, params, problems, query, RepoParams, requireJson, ResourceId, Text, StrictObject, keepFreeFormJson } from "./common.ts";
import { CampaignDetailView, CampaignView, WireNumber } from "./views.ts";

const CreateCampaignBody = StrictObject({
  id: v.optional(v.pipe(ResourceId, v.description("Client-chosen id: re-sending it returns the stored campaign"))),
  name: Name,
  description: v.optional(Text),
  params: v.optional(v.pipe(JsonObject, v.description("e.g. the grid the campaign runs over"))),
});

const PatchCampaignBody = StrictObject({
  name: v.optional(Name),
  description: v.optional(Text),
  params: v.optional(v.pipe(JsonObject, v.description("JSON merge patch (RFC 7396)"))),
});

const ParamPath = v.pipe(v.string(), v.regex(/^[^.]+(\.[^.]+)*$/, "must be a dotted param path such as optimizer.lr"), v.maxLength(1024));

const MetricsParam = encodedQuery(
  v.pipe(v.array(Name), v.maxLength(100, "at most 100 metrics")),
  commaList,
  "Comma-separated metric names: series or values. Default: every name present in the campaign's runs.",
);
const ContextsParam = encodedQuery(
  v.pipe(v.array(Context), v.minLength(1, "name at least one context"), v.maxLength(100, "at most 100 contexts")),
  (text) => {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [value];
  },
  'JSON: one context object or an array of them, e.g. [{"subset":"val"},{"subset":"test"}]; contexts match exactly ({} is the empty context). Default: every context present.',
);
const GroupByParam = encodedQuery(
  v.pipe(v.array(ParamPath), v.maxLength(32, "at most 32 paths")),
  commaList,
  "Comma-separated dotted param paths, e.g. optimizer.lr,aug. Default: every param whose value differs across the runs. Empty: one group of all runs.",
);

const SummaryQuery = v.object({
  metrics: v.optional(MetricsParam.schema),
  contexts: v.optional(ContextsParam.schema),
  group_by: v.optional(GroupByParam.schema),
  select: v.optional(v.pipe(v.picklist(["last", "min", "max"]), v.description("Which series summary counts for a run (values ignore it)")), "last"),
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
const CampaignSummaryView = v.object({
  campaign: v.string(),
  group_by: v.array(v.string()),
  select: v.picklist(["last", "min", "max"]),
  rows: v.array(SummaryRowView),
});

export function campaignRoutes(deps: Deps) {
  return new Hono()
    .post(
      "/repos/:repo/campaigns",
      describeRoute({ operationId: "createCampaign",
        tags: ["campaigns"],
        summary: "Create a campaign (a group of runs summarised together)",
        responses: { 201: jsonResponse("Created", CampaignView), 200: jsonResponse("A campaign with this id exists: returned unchanged", CampaignView), ...problems(400, 409, 413, 415) },
      }),
      params(RepoParams),
      requireJson(),
      jsonBody(CreateCampaignBody),
      async (c) => {
        const body = await keepFreeFormJson(c, c.req.valid("json"), ["params"]);
        const { campaign, created } = await createCampaign(deps, c.req.valid("param").repo, body);
        return c.json(campaign, created ? 201 : 200);
      },
    )
    .get(
      "/repos/:repo/campaigns",
      describeRoute({ operationId: "listCampaigns", tags: ["campaigns"], summary: "List campaigns", responses: { 200: jsonResponse("A page of campaigns", Page(CampaignView)), ...problems(400, 404) } }),
      params(RepoParams),
      query(PageQuery),
      async (c) => {
        const { limit, cursor } = c.req.valid("query");
        return c.json(await listCampaigns(deps, c.req.valid("param").repo, limit, cursor));
      },
    )
    .get(
      "/repos/:repo/campaigns/:campaign",
      describeRoute({ operationId: "getCampaign", tags: ["campaigns"], summary: "Get a campaign with its runs", responses: { 200: jsonResponse("The campaign", CampaignDetailView), ...problems(400, 404) } }),
      params(CampaignParams),
      async (c) => {
        const { repo, campaign } = c.req.valid("param");
        return c.json(await getCampaign(deps, repo, campaign));
      },
    )
    .get(
      "/repos/:repo/campaigns/:campaign/summary",
      describeRoute({
        operationId: "summarizeCampaign",
        tags: ["campaigns"],
        summary: "Summarise a campaign: n, mean, std, min, max and 95% CI per group × metric × context",
        description:
          "Over the campaign's runs that are not archived. A metric resolves per run to a series (its last/min/max per select) or, lacking one, to a numeric value. NaN values are counted in nan and left out. Rows are ordered by group, metric, context. With Accept: text/csv the same rows as CSV: one column per group_by path (named params.<path>), then metric, context (JSON), n, nan, mean, std, min, max, ci95.",
        responses: {
          200: {
            description: "The summary",
            content: {
              "application/json": { schema: resolver(CampaignSummaryView) },
              "text/csv": { schema: { type: "string" as const, description: "RFC 4180 CSV with a header line" } },
            },
          },
          ...problems(400, 404),
        },
      }),
      params(CampaignParams),
      query(SummaryQuery),
      async (c) => {
        const { repo, campaign } = c.req.valid("param");
        const q = c.req.valid("query");
        const groupBy = GroupByParam.decode(q.group_by);
        const summary = await summarizeCampaign(deps, repo, campaign, {
          metrics: MetricsParam.decode(q.metrics),
          contexts: ContextsParam.decode(q.contexts),
          groupBy: groupBy && [...new Set(groupBy)].map((path) => path.split(".")),
          select: q.select,
        });
        const type = accepts(c, { header: "Accept", supports: ["application/json", "text/csv"], default: "application/json" });
        if (type === "text/csv") return c.body(summaryCsv(summary), 200, { "content-type": "text/csv; charset=utf-8; header=present" });
        return c.json(summary);
      },
    )
    .patch(
      "/repos/:repo/campaigns/:campaign",
      describeRoute({ operationId: "patchCampaign", tags: ["campaigns"], summary: "Update a campaign's name, description or params", responses: { 200: jsonResponse("The updated campaign", CampaignView), ...problems(400, 404, 409, 413, 415) } }),
      params(CampaignParams),
      requireJson(),
      jsonBody(PatchCampaignBody),
      async (c) => {
        const { repo, campaign } = c.req.valid("param");
        return c.json(await patchCampaign(deps, repo, campaign, await keepFreeFormJson(c, c.req.valid("json"), ["params"])));
      },
    )
    .delete(
      "/repos/:repo/campaigns/:campaign",
      describeRoute({ operationId: "deleteCampaign", tags: ["campaigns"], summary: "Delete a campaign; its runs stay, outside any campaign", responses: { 204: { description: "Deleted" }, ...problems(400, 404) } }),
      params(CampaignParams),
      async (c) => {
        const { repo, campaign } = c.req.valid("param");
        await deleteCampaign(deps, repo, campaign);
        return c.body(null, 204);
      },
    );
}

import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import type { Deps } from "../deps.ts";
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, patchCampaign } from "../services/campaigns.ts";
import { CampaignParams, JsonObject, jsonBody, jsonResponse, Name, Page, PageQuery, params, problems, query, RepoParams, requireJson, ResourceId, Text, StrictObject } from "./common.ts";
import { CampaignDetailView, CampaignView } from "./views.ts";

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
        const { campaign, created } = await createCampaign(deps, c.req.valid("param").repo, c.req.valid("json"));
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
    .patch(
      "/repos/:repo/campaigns/:campaign",
      describeRoute({ operationId: "patchCampaign", tags: ["campaigns"], summary: "Update a campaign's name, description or params", responses: { 200: jsonResponse("The updated campaign", CampaignView), ...problems(400, 404, 409, 413, 415) } }),
      params(CampaignParams),
      requireJson(),
      jsonBody(PatchCampaignBody),
      async (c) => {
        const { repo, campaign } = c.req.valid("param");
        return c.json(await patchCampaign(deps, repo, campaign, c.req.valid("json")));
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

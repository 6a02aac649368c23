import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { CampaignParams, Page, PageQuery, RepoParams } from "../../http/schemas.ts";
import { jsonBody, keepFreeFormJson, params, query, requireJson } from "../../http/validation.ts";
import { CampaignDetailView, CampaignView, CreateCampaignBody, PatchCampaignBody } from "./schemas.ts";
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, patchCampaign } from "./service.ts";

export function campaignRoutes(deps: Deps) {
  return new Hono()
    .post(
      "/repos/:repo/campaigns",
      describeRoute({
        operationId: "createCampaign",
        tags: ["campaigns"],
        summary: "Create a campaign (a group of runs summarised together)",
        responses: {
          201: jsonResponse("Created", CampaignView),
          200: jsonResponse("A campaign with this id exists: returned unchanged", CampaignView),
          ...problems(400, 409, 413, 415),
        },
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
      describeRoute({
        operationId: "listCampaigns",
        tags: ["campaigns"],
        summary: "List campaigns",
        responses: { 200: jsonResponse("A page of campaigns", Page(CampaignView, "CampaignPage")), ...problems(400, 404) },
      }),
      params(RepoParams),
      query(PageQuery),
      async (c) => {
        const { limit, cursor } = c.req.valid("query");
        return c.json(await listCampaigns(deps, c.req.valid("param").repo, limit, cursor));
      },
    )
    .get(
      "/repos/:repo/campaigns/:campaign",
      describeRoute({
        operationId: "getCampaign",
        tags: ["campaigns"],
        summary: "Get a campaign with its runs",
        responses: { 200: jsonResponse("The campaign", CampaignDetailView), ...problems(400, 404) },
      }),
      params(CampaignParams),
      async (c) => {
        const { repo, campaign } = c.req.valid("param");
        return c.json(await getCampaign(deps, repo, campaign));
      },
    )
    .patch(
      "/repos/:repo/campaigns/:campaign",
      describeRoute({
        operationId: "patchCampaign",
        tags: ["campaigns"],
        summary: "Update a campaign's name, description or params",
        responses: { 200: jsonResponse("The updated campaign", CampaignView), ...problems(400, 404, 409, 413, 415) },
      }),
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
      describeRoute({
        operationId: "deleteCampaign",
        tags: ["campaigns"],
        summary: "Delete a campaign; its runs stay, outside any campaign",
        responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
      }),
      params(CampaignParams),
      async (c) => {
        const { repo, campaign } = c.req.valid("param");
        await deleteCampaign(deps, repo, campaign);
        return c.body(null, 204);
      },
    );
}

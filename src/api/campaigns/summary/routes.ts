import { Hono } from "hono";
import { accepts } from "hono/accepts";
import { describeRoute, resolver } from "hono-openapi";
import type { Deps } from "../../../deps.ts";
import { csvContent } from "../../../http/openapi.ts";
import { problems } from "../../../http/problems.ts";
import { CampaignParams } from "../../../http/schemas.ts";
import { params, query } from "../../../http/validation.ts";
import { selectionOf } from "../selection.ts";
import { summaryCsv } from "./csv.ts";
import { groupByPaths } from "./param-groups.ts";
import { CampaignSummaryView, ContextsParam, GroupByParam, MetricsParam, SummaryQuery } from "./schemas.ts";
import { summarizeCampaign } from "./service.ts";

export function campaignSummaryRoutes(deps: Deps) {
  return new Hono().get(
    "/repos/:repo/campaigns/:campaign/summary",
    describeRoute({
      operationId: "summarizeCampaign",
      tags: ["campaigns"],
      summary: "Summarise a campaign: n, mean, std, min, max and 95% CI per group × metric × context",
      description:
        "Over the campaign's runs that are not archived and that the selection keeps: status (default finished: a run still running, or one that failed or was killed halfway, has no final result; any counts every run) and filter (run filter language). A filter naming status replaces the default. selection in the answer says which runs were counted. A metric resolves per run to a series (its last/min/max per select) or, lacking one, to a numeric value. NaN values are counted in nan and left out. Rows are ordered by group, metric, context. With Accept: text/csv the same rows as CSV: one column per group_by path (named params.<path>), then metric, context (JSON), n, nan, mean, std, min, max, ci95.",
      responses: {
        200: {
          description: "The summary",
          content: {
            "application/json": { schema: resolver(CampaignSummaryView) },
            "text/csv": csvContent,
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
      const contexts = ContextsParam.decode(q.contexts);
      const summary = await summarizeCampaign(deps, repo, campaign, {
        metrics: MetricsParam.decode(q.metrics),
        contexts: contexts && (Array.isArray(contexts) ? contexts : [contexts]),
        groupBy: groupBy && groupByPaths(groupBy),
        select: q.select,
        selection: selectionOf(q),
      });
      const type = accepts(c, { header: "Accept", supports: ["application/json", "text/csv"], default: "application/json" });
      if (type === "text/csv") return c.body(summaryCsv(summary), 200, { "content-type": "text/csv; charset=utf-8; header=present" });
      return c.json(summary);
    },
  );
}

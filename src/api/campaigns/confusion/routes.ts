import { Hono } from "hono";
import { accepts } from "hono/accepts";
import { describeRoute, resolver } from "hono-openapi";
import type { Deps } from "../../../deps.ts";
import { csvContent } from "../../../http/openapi.ts";
import { problems } from "../../../http/problems.ts";
import { CampaignParams } from "../../../http/schemas.ts";
import { params, query } from "../../../http/validation.ts";
import { selectionOf } from "../selection.ts";
import { groupByPaths } from "../summary/param-groups.ts";
import { GroupByParam } from "../summary/schemas.ts";
import { confusionCsv } from "./csv.ts";
import { CampaignConfusionView, ConfusionQuery } from "./schemas.ts";
import { campaignConfusion } from "./service.ts";

export function campaignConfusionRoutes(deps: Deps) {
  return new Hono().get(
    "/repos/:repo/campaigns/:campaign/confusion",
    describeRoute({
      operationId: "campaignConfusion",
      tags: ["campaigns"],
      summary: "Sum the confusion matrices of a campaign's runs: the summed matrix, its metrics, and each metric's mean ± 95% CI across runs",
      description:
        "Over the campaign's runs that are not archived, that the selection keeps (status, default finished, and filter: as in the summary) and that have a confusion matrix artifact at path (the selected runs without one are listed in missing); selection in the answer says which runs were selected. Matrices are aligned by label. One group of all runs unless group_by names param paths (as in the summary). With Accept: text/csv the report as RFC 4180 CSV, one line per number: group columns (params.<path>), row (count, class, accuracy, macro_avg, weighted_avg), label, predicted, metric, value, then n, mean, std, min, max, ci95 across runs.",
      responses: {
        200: {
          description: "The report",
          content: {
            "application/json": { schema: resolver(CampaignConfusionView) },
            "text/csv": csvContent,
          },
        },
        ...problems(400, 404),
      },
    }),
    params(CampaignParams),
    query(ConfusionQuery),
    async (c) => {
      const { repo, campaign } = c.req.valid("param");
      const q = c.req.valid("query");
      const report = await campaignConfusion(deps, repo, campaign, {
        path: q.path,
        groupBy: groupByPaths(GroupByParam.decode(q.group_by) ?? []),
        selection: selectionOf(q),
      });
      const type = accepts(c, { header: "Accept", supports: ["application/json", "text/csv"], default: "application/json" });
      if (type === "text/csv") return c.body(confusionCsv(report), 200, { "content-type": "text/csv; charset=utf-8; header=present" });
      return c.json(report);
    },
  );
}

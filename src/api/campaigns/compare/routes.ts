import { Hono } from "hono";
import { accepts } from "hono/accepts";
import { describeRoute, resolver } from "hono-openapi";
import type { Deps } from "../../../deps.ts";
import { csvContent } from "../../../http/openapi.ts";
import { problems } from "../../../http/problems.ts";
import { CampaignParams } from "../../../http/schemas.ts";
import { params, query } from "../../../http/validation.ts";
import { selectionOf } from "../selection.ts";
import { comparisonCsv } from "./csv.ts";
import { CampaignComparisonView, CompareQuery, ContextParam, PairOnParam } from "./schemas.ts";
import { compareCampaign } from "./service.ts";

export function campaignCompareRoutes(deps: Deps) {
  return new Hono().get(
    "/repos/:repo/campaigns/:campaign/compare",
    describeRoute({
      operationId: "compareCampaign",
      tags: ["campaigns"],
      summary: "Paired comparison of a campaign's groups with a baseline, across splits and seeds",
      description:
        "Groups the selected runs (as in the summary: status default finished, filter) by the value of `by` and pairs each group's runs with the baseline's runs of equal `pair_on` values. Per group other than the baseline: the pairs' mean difference (group − baseline) with its paired t 95% interval, the paired t-test and Wilcoxon signed-rank p-values (two-sided, as scipy computes them), the t p-values Holm-adjusted over the rows, Cohen's d_z, and the runs left without a partner. With three or more groups also the Friedman test over the complete blocks, the average ranks and the Nemenyi critical difference. NaN results are counted per group and left out. Two runs of one group with the same pair_on values are a 400. With Accept: text/csv the rows as CSV: params.<by>, n_pairs, mean_diff, ci95_low, ci95_high, p_ttest, p_wilcoxon, p_holm, effect_size, unpaired (a count), reason.",
      responses: {
        200: {
          description: "The comparison",
          content: {
            "application/json": { schema: resolver(CampaignComparisonView) },
            "text/csv": csvContent,
          },
        },
        ...problems(400, 404),
      },
    }),
    params(CampaignParams),
    query(CompareQuery),
    async (c) => {
      const { repo, campaign } = c.req.valid("param");
      const q = c.req.valid("query");
      const comparison = await compareCampaign(deps, repo, campaign, {
        metric: q.metric,
        context: ContextParam.decode(q.context),
        select: q.select,
        by: q.by,
        baseline: q.baseline,
        pairOn: PairOnParam.decode(q.pair_on),
        better: q.better,
        selection: selectionOf(q),
      });
      const type = accepts(c, { header: "Accept", supports: ["application/json", "text/csv"], default: "application/json" });
      if (type === "text/csv") return c.body(comparisonCsv(comparison), 200, { "content-type": "text/csv; charset=utf-8; header=present" });
      return c.json(comparison);
    },
  );
}

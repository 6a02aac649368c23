// Request and response shapes of the campaign confusion report. Types come from these schemas.
import * as v from "valibot";
import { JsonObject } from "../../../http/schemas.ts";
import { ArtifactPath, ConfusionMetricsView } from "../../artifacts/schemas.ts";
import { RunSelectionQuery, SelectionView } from "../selection.ts";
import { GroupByParam } from "../summary/schemas.ts";

export const ConfusionQuery = v.object({
  path: v.pipe(ArtifactPath, v.description("The path of the confusion matrix artifact in each run, e.g. confusion.json")),
  group_by: v.optional(
    v.pipe(
      GroupByParam.schema,
      v.description(
        "Comma-separated param paths, written as in filters (params.aug) or bare (aug): one summed matrix per group of runs with equal values there. Default: one group of all runs.",
      ),
    ),
  ),
  ...RunSelectionQuery.entries,
});

const AcrossRuns = v.pipe(
  v.object({
    n: v.pipe(v.number(), v.description("Runs counted")),
    mean: v.nullable(v.number()),
    std: v.pipe(v.nullable(v.number()), v.description("Sample standard deviation (n - 1); null for n < 2")),
    min: v.nullable(v.number()),
    max: v.nullable(v.number()),
    ci95: v.pipe(v.nullable(v.number()), v.description("Half-width of the 95% confidence interval of the mean, t(0.975, n-1)·std/√n; null for n < 2")),
  }),
  v.description("A metric computed on each run's own matrix, summarised across the runs"),
  v.metadata({ ref: "AcrossRuns" }),
);
export type AcrossRuns = v.InferOutput<typeof AcrossRuns>;

const ScoresAcrossRuns = v.object({ precision: AcrossRuns, recall: AcrossRuns, f1: AcrossRuns });

const ConfusionGroupView = v.object({
  group: v.pipe(JsonObject, v.description("The group's param values by path; null where a run lacks the param")),
  runs: v.pipe(v.array(v.string()), v.description("Ids of the runs summed, oldest first")),
  labels: v.pipe(v.array(v.union([v.string(), v.number()])), v.description("Every label of the runs' matrices, in order of first appearance")),
  matrix: v.pipe(v.array(v.array(v.number())), v.description("The runs' matrices summed, aligned by label (a label a run lacks counts 0 there)")),
  metrics: v.pipe(ConfusionMetricsView, v.description("The classification report of the summed matrix")),
  across_runs: v.object({
    accuracy: AcrossRuns,
    classes: v.pipe(
      v.array(v.object({ label: v.union([v.string(), v.number()]), ...ScoresAcrossRuns.entries })),
      v.description("Per label, over the runs whose matrix has it"),
    ),
    macro_avg: ScoresAcrossRuns,
    weighted_avg: ScoresAcrossRuns,
  }),
});
export type ConfusionGroupView = v.InferOutput<typeof ConfusionGroupView>;

export const CampaignConfusionView = v.pipe(
  v.object({
    campaign: v.string(),
    path: v.string(),
    group_by: v.array(v.string()),
    selection: SelectionView,
    missing: v.pipe(v.array(v.string()), v.description("Ids of the selected runs without a confusion matrix at path")),
    groups: v.array(ConfusionGroupView),
  }),
  v.metadata({ ref: "CampaignConfusion" }),
);
export type CampaignConfusion = v.InferOutput<typeof CampaignConfusionView>;

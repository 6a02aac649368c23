// The campaign confusion report as CSV, one line per number so that it pivots easily: group
// columns first (params.<path>), then
//   row        count | class | accuracy | macro_avg | weighted_avg
//   label      the true class (count, class rows)
//   predicted  the predicted class (count rows)
//   metric     count | precision | recall | f1 | support | accuracy
//   value      of the summed matrix
//   n, mean, std, min, max, ci95   the metric across the runs (empty for counts and support)
// Cells by src/lib/csv.ts (quoting, and text that a spreadsheet would run as a formula
// neutralised: labels are user text).
import { csvFile, csvJson, csvNumber, csvText } from "../../../lib/csv.ts";
import type { Json } from "../../../lib/json.ts";
import type { AcrossRuns, CampaignConfusion } from "./schemas.ts";

const STAT_KEYS = ["n", "mean", "std", "min", "max", "ci95"] as const;

export function confusionCsv(report: CampaignConfusion): string {
  const header = [...report.group_by.map((p) => `params.${p}`), "row", "label", "predicted", "metric", "value", ...STAT_KEYS];
  const lines = [header.map(csvText)];
  for (const group of report.groups) {
    const groupCells = report.group_by.map((p) => csvJson(group.group[p] as Json));
    const line = (row: string, label: Json, predicted: Json, metric: string, value: number, stats?: AcrossRuns) => {
      const statCells = STAT_KEYS.map((k) => (stats ? csvNumber(stats[k]) : ""));
      lines.push([...groupCells, csvText(row), csvJson(label), csvJson(predicted), csvText(metric), csvNumber(value), ...statCells]);
    };
    group.labels.forEach((label, i) => {
      group.labels.forEach((predicted, j) => {
        line("count", label, predicted, "count", group.matrix[i][j]);
      });
    });
    group.metrics.classes.forEach((scores, i) => {
      const spread = group.across_runs.classes[i];
      for (const metric of ["precision", "recall", "f1"] as const) line("class", scores.label, null, metric, scores[metric], spread[metric]);
      line("class", scores.label, null, "support", scores.support);
    });
    line("accuracy", null, null, "accuracy", group.metrics.accuracy, group.across_runs.accuracy);
    for (const avg of ["macro_avg", "weighted_avg"] as const) {
      for (const metric of ["precision", "recall", "f1"] as const) line(avg, null, null, metric, group.metrics[avg][metric], group.across_runs[avg][metric]);
      line(avg, null, null, "support", group.metrics[avg].support);
    }
  }
  return csvFile(lines);
}

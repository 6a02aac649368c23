// The paired comparison as CSV: one line per compared group. The group column is named
// params.<by>; `unpaired` is the count of the row's runs without a partner (the JSON lists
// them). Cells by src/lib/csv.ts (quoting, and text a spreadsheet would run as a formula
// neutralised).
import { csvFile, csvJson, csvNumber, csvText } from "../../../lib/csv.ts";
import type { Json } from "../../../lib/json.ts";
import type { CampaignComparison } from "./schemas.ts";

export function comparisonCsv(comparison: CampaignComparison): string {
  const header = [
    `params.${comparison.by}`,
    "n_pairs",
    "mean_diff",
    "ci95_low",
    "ci95_high",
    "p_ttest",
    "p_wilcoxon",
    "p_holm",
    "effect_size",
    "unpaired",
    "reason",
  ];
  const lines = [header.map(csvText)];
  for (const row of comparison.rows) {
    lines.push([
      csvJson(row.group as Json),
      csvNumber(row.n_pairs),
      csvNumber(row.mean_diff),
      csvNumber(row.ci95_low),
      csvNumber(row.ci95_high),
      csvNumber(row.p_ttest),
      csvNumber(row.p_wilcoxon),
      csvNumber(row.p_holm),
      csvNumber(row.effect_size),
      csvNumber(row.unpaired.length),
      row.reason === null ? "" : csvText(row.reason),
    ]);
  }
  return csvFile(lines);
}

// The campaign summary as CSV: a header line, group columns first (named params.<path>, so
// a param named like a fixed column cannot collide with it). Cells by src/lib/csv.ts
// (quoting, and text that a spreadsheet would run as a formula neutralised).
import { csvFile, csvJson, csvNumber, csvText } from "../../../lib/csv.ts";
import { canonicalJson, type Json } from "../../../lib/json.ts";
import type { CampaignSummary } from "./schemas.ts";

export function summaryCsv(summary: CampaignSummary): string {
  const header = [...summary.group_by.map((p) => `params.${p}`), "metric", "context", "n", "nan", "mean", "std", "min", "max", "ci95"];
  const lines = [header.map(csvText)];
  for (const row of summary.rows) {
    lines.push([
      ...summary.group_by.map((p) => csvJson(row.group[p] as Json)),
      csvText(row.metric),
      csvText(canonicalJson(row.context)),
      csvNumber(row.n),
      csvNumber(row.nan),
      csvNumber(row.mean),
      csvNumber(row.std),
      csvNumber(row.min),
      csvNumber(row.max),
      csvNumber(row.ci95),
    ]);
  }
  return csvFile(lines);
}

// The campaign summary as CSV (RFC 4180): a header line, group columns first (named
// params.<path>, so a param named like a fixed column cannot collide with it), CRLF line
// ends, fields quoted when needed.
import type { WireNumber } from "../../../lib/numbers.ts";
import { canonicalJson, type Json } from "./param-groups.ts";
import type { CampaignSummary } from "./schemas.ts";

export const csvField = (text: string) => (/[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text);

export function csvValue(v: Json | WireNumber | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return canonicalJson(v);
}

export function summaryCsv(summary: CampaignSummary): string {
  const header = [...summary.group_by.map((p) => `params.${p}`), "metric", "context", "n", "nan", "mean", "std", "min", "max", "ci95"];
  const lines = [header.map(csvField).join(",")];
  for (const row of summary.rows) {
    const fields = [
      ...summary.group_by.map((p) => csvValue(row.group[p] as Json)),
      row.metric,
      canonicalJson(row.context),
      String(row.n),
      String(row.nan),
      csvValue(row.mean),
      csvValue(row.std),
      csvValue(row.min),
      csvValue(row.max),
      csvValue(row.ci95),
    ];
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

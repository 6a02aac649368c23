// The selected runs of a campaign with their result per metric and context: what the summary
// and the paired comparison compute on. One rule for both, so a number in the comparison is
// the number the summary counted.
//
// - The runs are the campaign's runs that are not archived and that the selection keeps.
// - A metric name resolves, per run and context, to a series (its last, min or max summary,
//   per `select`) or, when the run has no such series, to a value (run_values; `select` does
//   not apply). Values count only when they are JSON numbers or one of the wire strings
//   "NaN", "Infinity", "-Infinity"; any other value is skipped. A series whose every point
//   is NaN (null min/max) resolves to NaN.
import type { Deps } from "../../deps.ts";
import { contextKey } from "../../http/context-key.ts";
import type { Context } from "../../lib/context.ts";
import type { Json } from "../../lib/json.ts";
import { findCampaign } from "../../runs-core/campaign-lookup.ts";
import { findRepoPk } from "../../runs-core/repo-lookup.ts";
import { compileRunSelection, type RunSelection } from "../../runs-core/run-selection.ts";
import { decodeSummaryColumn, SUMMARY_SQL } from "../../series/index.ts";
import { type SelectionView, selectionUsed } from "./selection.ts";
import type { SummarySelect } from "./summary/schemas.ts";

export interface ResultOptions {
  /** Metric (series or value) names; undefined or empty = every name present. */
  metrics?: string[];
  /** Contexts to include; undefined = every context present. */
  contexts?: Context[];
  select: SummarySelect;
  /** Which of the campaign's runs count (status default: the caller's). */
  selection: RunSelection;
}

export interface SelectedRun {
  pk: number;
  id: string;
  params: Json;
}

/** One run's result for one metric and context (context as stored: canonical JSON). */
export interface RunResult {
  runPk: number;
  metric: string;
  context: string;
  x: number;
}

export interface CampaignResults {
  campaignId: string;
  selection: SelectionView;
  runs: SelectedRun[];
  /** At most one per (run, metric, context): a series wins over a value. */
  results: RunResult[];
}

export async function loadRunResults(deps: Deps, repo: string, campaignRef: string, options: ResultOptions): Promise<CampaignResults> {
  const repoPk = await findRepoPk(deps, repo);
  const { pk: campaignPk, id: campaignId } = await findCampaign(deps, repoPk, campaignRef, repo);

  const metrics = options.metrics?.length ? [...new Set(options.metrics)] : undefined;
  const contexts = options.contexts ? [...new Set(options.contexts.map((ctx, i) => contextKey(ctx, deps.config.limits, `contexts.${i}`)))] : undefined;
  const filters = (alias: string) => {
    const sql: string[] = [];
    const args: string[] = [];
    if (metrics) {
      sql.push(`AND ${alias}.name IN (${metrics.map(() => "?").join(", ")})`);
      args.push(...metrics);
    }
    if (contexts) {
      sql.push(`AND ${alias}.context IN (${contexts.map(() => "?").join(", ")})`);
      args.push(...contexts);
    }
    return { sql: sql.join(" "), args };
  };
  const search = compileRunSelection(deps, repoPk, options.selection);
  const inCampaign = `r.campaign_pk = ? AND ${search.where}`;
  const runArgs = [campaignPk, ...search.args];
  const seriesFilter = filters("s");
  const valueFilter = filters("v");
  // One round trip, one read transaction, three rows: each query folds its rows into one
  // JSON array, because building a row object per result row costs the client ~4 µs, 4× the
  // query itself. Series numbers travel as printf('%!.17g') text: SQLite's JSON writes reals
  // with 15 digits, 17 round-trip exactly. NULL (NaN in a summary) stays null. A value travels
  // as its stored JSON text, never through SQLite's REAL: SQLite's text-to-double conversion is
  // not correctly rounded (0.658908844347389 became 0.65890884434738894, one ulp off, which
  // turned a near-tie into a tie in the paired tests). The wire strings ("NaN", "Infinity",
  // "-Infinity") come through as written, and Number() reads all.
  const real = (x: string) => `CASE WHEN ${x} IS NULL THEN NULL ELSE printf('%!.17g', ${x}) END`;
  const [runRs, seriesRs, valueRs] = await deps.client.batch(
    [
      { sql: `SELECT json_group_array(json_array(r.pk, r.id, r.params)) AS j FROM runs r WHERE ${inCampaign}`, args: runArgs },
      {
        sql: `SELECT json_group_array(json_array(s.run_pk, s.name, s.context, s.count, s.flags, ${real(SUMMARY_SQL[options.select])})) AS j
              FROM series s JOIN runs r ON r.pk = s.run_pk WHERE ${inCampaign} ${seriesFilter.sql}`,
        args: [...runArgs, ...seriesFilter.args],
      },
      {
        sql: `SELECT json_group_array(json_array(v.run_pk, v.name, v.context,
                CASE WHEN json_type(v.value) = 'text' THEN json_extract(v.value, '$') ELSE v.value END)) AS j
              FROM run_values v JOIN runs r ON r.pk = v.run_pk
              WHERE ${inCampaign} ${valueFilter.sql}
                AND (json_type(v.value) IN ('integer', 'real') OR v.value IN ('"NaN"', '"Infinity"', '"-Infinity"'))`,
        args: [...runArgs, ...valueFilter.args],
      },
    ],
    "read",
  );
  const jsonRows = <T>(rs: { rows: ArrayLike<Record<string, unknown>> }) => JSON.parse(String(rs.rows[0].j)) as T[];

  const runs = jsonRows<[number, string, string]>(runRs).map(([pk, id, params]) => ({ pk, id, params: JSON.parse(params) as Json }));
  const results: RunResult[] = [];
  const fromSeries = new Set<string>();
  for (const [runPk, metric, context, count, flags, text] of jsonRows<[number, string, string, number, number, string | null]>(seriesRs)) {
    if (count === 0) continue;
    const x = decodeSummaryColumn(options.select, text === null ? null : Number(text), flags);
    fromSeries.add(`${runPk}\u0000${metric}\u0000${context}`);
    // A null min/max: every point was NaN; a null last without the NaN flag cannot happen
    // with points, but would mean NaN too.
    results.push({ runPk, metric, context, x: x === null ? NaN : x });
  }
  for (const [runPk, metric, context, text] of jsonRows<[number, string, string, string]>(valueRs)) {
    if (fromSeries.has(`${runPk}\u0000${metric}\u0000${context}`)) continue;
    results.push({ runPk, metric, context, x: Number(text) });
  }
  return { campaignId, selection: selectionUsed(search, options.selection, runs.length), runs, results };
}

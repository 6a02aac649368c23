// The campaign's confusion report: the confusion matrices at one artifact path of the
// campaign's runs that the selection keeps (as in the summary: archived runs left out, status
// default finished, an optional filter), summed per group of runs, with
// the summed matrix's classification report and, per metric, its mean ± 95% CI across the
// runs (each run's metrics computed on its own matrix). Matrices are aligned by label: a label
// one run lacks counts 0 in that run's row and column.
import type { Deps } from "../../../deps.ts";
import { badRequest } from "../../../http/problems.ts";
import type { Json } from "../../../lib/json.ts";
import { excerpt } from "../../../lib/text.ts";
import { findCampaign } from "../../../runs-core/campaign-lookup.ts";
import { findRepoPk } from "../../../runs-core/repo-lookup.ts";
import { compileRunSelection, type RunSelection } from "../../../runs-core/run-selection.ts";
import { type Confusion, confusionMetrics, isConfusionType, type Label, labelKey, parseConfusion } from "../../artifacts/confusion.ts";
import type { ConfusionMetricsView } from "../../artifacts/schemas.ts";
import { readArtifactBytes } from "../../artifacts/service.ts";
import { selectionUsed } from "../selection.ts";
import { groupRuns, pathNoRunHas } from "../summary/param-groups.ts";
import { describeSample } from "../summary/stats.ts";
import type { AcrossRuns, CampaignConfusion, ConfusionGroupView } from "./schemas.ts";

export interface ConfusionOptions {
  path: string;
  /** Param paths, each a list of keys; empty = one group of all runs. */
  groupBy: string[][];
  /** Which of the campaign's runs count. */
  selection: RunSelection;
}

interface RunMatrix {
  id: string;
  params: Json;
  confusion: Confusion;
  metrics: ConfusionMetricsView;
}

const across = (xs: number[]): AcrossRuns => describeSample(xs);

/** The runs' matrices summed over the union of their labels. */
function sumMatrices(runs: readonly RunMatrix[]): Confusion {
  const labels: Label[] = [];
  const index = new Map<string, number>();
  for (const run of runs) {
    for (const label of run.confusion.labels) {
      if (!index.has(labelKey(label))) {
        index.set(labelKey(label), labels.length);
        labels.push(label);
      }
    }
  }
  const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
  for (const { confusion } of runs) {
    const at = confusion.labels.map((label) => index.get(labelKey(label))!);
    confusion.matrix.forEach((row, i) => {
      row.forEach((count, j) => {
        matrix[at[i]][at[j]] += count;
      });
    });
  }
  return { labels, matrix };
}

function groupView(values: Record<string, Json>, runs: RunMatrix[]): ConfusionGroupView {
  const summed = sumMatrices(runs);
  const scores = (pick: (m: ConfusionMetricsView) => { precision: number; recall: number; f1: number }) => ({
    precision: across(runs.map((r) => pick(r.metrics).precision)),
    recall: across(runs.map((r) => pick(r.metrics).recall)),
    f1: across(runs.map((r) => pick(r.metrics).f1)),
  });
  const classes = summed.labels.map((label) => {
    const key = labelKey(label);
    const per = runs.flatMap((r) => r.metrics.classes.filter((c) => labelKey(c.label) === key));
    return {
      label,
      precision: across(per.map((c) => c.precision)),
      recall: across(per.map((c) => c.recall)),
      f1: across(per.map((c) => c.f1)),
    };
  });
  return {
    group: values,
    runs: runs.map((r) => r.id),
    labels: summed.labels,
    matrix: summed.matrix,
    metrics: confusionMetrics(summed),
    across_runs: {
      accuracy: across(runs.map((r) => r.metrics.accuracy)),
      classes,
      macro_avg: scores((m) => m.macro_avg),
      weighted_avg: scores((m) => m.weighted_avg),
    },
  };
}

export async function campaignConfusion(deps: Deps, repo: string, campaignRef: string, options: ConfusionOptions): Promise<CampaignConfusion> {
  const repoPk = await findRepoPk(deps, repo);
  const { pk: campaignPk, id: campaignId } = await findCampaign(deps, repoPk, campaignRef, repo);
  const search = compileRunSelection(deps, repoPk, options.selection);
  const rs = await deps.client.execute({
    sql: `SELECT r.id, r.params, a.pk AS artifact_pk, a.size, a.content_type, a.store, a.object_key
          FROM runs r LEFT JOIN artifacts a ON a.run_pk = r.pk AND a.path = ?
          WHERE r.campaign_pk = ? AND ${search.where} ORDER BY r.created_at, r.pk`,
    args: [options.path, campaignPk, ...search.args],
  });
  const runs = rs.rows.map((row) => ({ id: String(row.id), params: JSON.parse(String(row.params)) as Json, row }));
  const missingPath = pathNoRunHas(runs, options.groupBy);
  if (missingPath) {
    throw badRequest(`No run of the campaign has the param ${excerpt(missingPath.join("."))} named in group_by.`, [
      { path: "group_by", message: `no run has ${excerpt(`params.${missingPath.join(".")}`, 60)}` },
    ]);
  }

  const withMatrix: RunMatrix[] = [];
  const missing: string[] = [];
  // One run at a time: only one matrix's bytes are in memory beside the parsed ones.
  for (const { id, params, row } of runs) {
    if (row.artifact_pk === null || !isConfusionType(String(row.content_type))) {
      missing.push(id);
      continue;
    }
    const bytes = await readArtifactBytes(deps, {
      pk: Number(row.artifact_pk),
      size: Number(row.size),
      store: String(row.store),
      objectKey: row.object_key === null ? null : String(row.object_key),
    });
    const confusion = parseConfusion(bytes);
    withMatrix.push({ id, params, confusion, metrics: confusionMetrics(confusion) });
  }

  const groupNames = options.groupBy.map((path) => path.join("."));
  const groups = groupRuns(withMatrix, options.groupBy).map((group) =>
    // fromEntries, not assignment: a param named "__proto__" stays a plain key.
    groupView(Object.fromEntries(groupNames.map((name, i) => [name, group.values[i]])), group.runs),
  );
  const selection = selectionUsed(search, options.selection, runs.length);
  return { campaign: campaignId, path: options.path, group_by: groupNames, selection, missing, groups };
}

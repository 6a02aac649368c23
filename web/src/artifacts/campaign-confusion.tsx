// The campaign page's confusion report: the matrices at one artifact path of the campaign's
// runs, summed (per group of runs when group_by names params), as a heatmap with the summed
// matrix's classification report and each score's mean ± ci95 across the runs. The paths
// offered are the confusion matrix artifacts found in the campaign's runs (their artifact
// lists, read a few at a time); path and group_by live in the URL (cm, cm_group).
import { useMemo } from "preact/hooks";
import { campaignConfusion, isConfusion, listArtifacts } from "../api/artifacts.ts";
import { pool } from "../api/pool.ts";
import type { ConfusionGroup } from "../api/types.ts";
import { PathPicker } from "../components/path-picker.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { paramText } from "../params.ts";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { ConfusionHeatmap } from "./confusion-heatmap.tsx";
import { ConfusionMetricsTable } from "./confusion-metrics.tsx";

/** Runs whose artifact lists are read to find the paths (a campaign's matrices share paths). */
export const SCANNED_RUNS = 200;

/** Confusion matrix paths of these runs, each with how many runs have it, most common first. */
async function confusionPaths(repo: string, runs: string[], signal: AbortSignal): Promise<[string, number][]> {
  const counts = new Map<string, number>();
  await pool(runs.slice(0, SCANNED_RUNS), 4, async (run) => {
    const page = await listArtifacts(repo, run, { limit: 1000 }, signal);
    for (const a of page.items) if (isConfusion(a.content_type)) counts.set(a.path, (counts.get(a.path) ?? 0) + 1);
  });
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export function CampaignConfusion({ repo, campaign, runs, params }: { repo: string; campaign: string; runs: string[]; params: string[] }) {
  const [query, setQuery] = useQueryState();
  const runKey = runs.join(",");
  const found = useAsync((signal) => confusionPaths(repo, runs, signal), [repo, runKey]);
  const paths = found.data ?? [];
  const chosen = query.cm ?? paths[0]?.[0];
  const groupBy = listParam(query.cm_group);
  const report = useAsync(
    async (signal) => (chosen ? campaignConfusion(repo, campaign, chosen, groupBy, signal) : null),
    [repo, campaign, chosen, query.cm_group],
  );
  const offered = useMemo(() => (chosen && !paths.some(([p]) => p === chosen) ? [...paths, [chosen, 0] as [string, number]] : paths), [paths, chosen]);

  return (
    <section aria-labelledby="confusion-title">
      <h2 id="confusion-title">Confusion matrix</h2>
      <ProblemNote error={found.error} />
      {found.data && !offered.length && (
        <p class="empty">
          No run of this campaign has a confusion matrix artifact (content type <code>application/vnd.runcamp.confusion+json</code>)
          {runs.length > SCANNED_RUNS ? ` among the first ${SCANNED_RUNS} runs` : ""}.
        </p>
      )}
      {offered.length > 0 && (
        <div class="toolbar">
          <label>
            matrix{" "}
            <select name="cm" value={chosen} onChange={(e) => setQuery({ cm: e.currentTarget.value }, { push: false })}>
              {offered.map(([p, n]) => (
                <option key={p} value={p}>
                  {p} ({n} run{n === 1 ? "" : "s"})
                </option>
              ))}
            </select>
          </label>
          <PathPicker label="group by" paths={params} chosen={groupBy} onChange={(p) => setQuery({ cm_group: p.join(",") })} />
          {report.loading && <span class="muted">Loading…</span>}
        </div>
      )}
      <ProblemNote error={report.error} />
      {report.data && (
        <>
          {report.data.missing.length > 0 && (
            <p class="muted hint confusion-missing">
              {report.data.missing.length} run{report.data.missing.length === 1 ? " has" : "s have"} no confusion matrix at <code>{report.data.path}</code> and
              {report.data.missing.length === 1 ? " is" : " are"} left out: {report.data.missing.slice(0, 10).join(", ")}
              {report.data.missing.length > 10 ? ", …" : ""}
            </p>
          )}
          {!report.data.groups.length && <p class="empty">No run of the campaign (archived ones left out) has a confusion matrix at this path.</p>}
          <div class="confusion-groups">
            {report.data.groups.map((g) => (
              <GroupReport key={JSON.stringify(g.group)} group={g} paths={report.data!.group_by} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function GroupReport({ group, paths }: { group: ConfusionGroup; paths: string[] }) {
  const title = paths.length ? paths.map((p) => `${p}=${paramText(group.group[p])}`).join(" · ") : "all runs";
  const n = group.runs.length;
  return (
    <article class="chart-card confusion-group" aria-label={`Confusion matrix of ${title}`}>
      <header>
        <h3>
          {title} <span class="context">{`${n} run${n === 1 ? "" : "s"} summed`}</span>
        </h3>
      </header>
      <div class="confusion">
        <ConfusionHeatmap
          labels={group.labels}
          matrix={group.matrix}
          caption={`Confusion matrix summed over ${n} runs: rows are the true class, columns the predicted class`}
        />
        <ConfusionMetricsTable metrics={group.metrics} across={group.across_runs} />
      </div>
    </article>
  );
}

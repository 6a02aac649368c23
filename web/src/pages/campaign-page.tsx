// `/repos/{repo}/campaigns/{campaign}`: a campaign, its runs and its report — the summary per
// group × metric × context (mean ± ci95, n, nan) with status, group_by, select, metric and
// context controls (in the URL), a CSV download and a chart of the group means with their 95%
// CIs; then the paired comparison with a baseline (campaign-compare.tsx), the campaign's summed
// confusion matrix for a chosen artifact path, and its per-step images and texts across runs.
import { useMemo, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { campaignSummary, campaignSummaryCsv, getCampaign, type SummaryQuery } from "../api/endpoints.ts";
import type { SummaryRow } from "../api/types.ts";
import { contextKey, fromWire } from "../api/wire.ts";
import { AcrossRuns } from "../artifacts/across-runs.tsx";
import { CampaignConfusion } from "../artifacts/campaign-confusion.tsx";
import { ErrorBarChart } from "../charts/error-bar-chart.tsx";
import { contextText, parseContextText, splitColumnList } from "../columns.ts";
import { Layout, repoCrumb } from "../components/layout.tsx";
import { PathPicker } from "../components/path-picker.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { contextLabel, formatDate, formatNumber } from "../format.ts";
import { paramAt, paramText, varyingParamPaths } from "../params.ts";
import { saveBlob } from "../save-file.ts";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { CampaignCompare } from "./campaign-compare.tsx";
import { CampaignScope, statusChoice } from "./campaign-scope.tsx";

const rowKey = (r: { metric: string; context: Record<string, unknown> }) => `${r.metric}${contextText(r.context)}`;
// Chart labels carry the values only (the table names the params): they must fit under a point.
const groupLabel = (group: Record<string, unknown>, paths: string[]) => (paths.length ? paths.map((p) => paramText(group[p])).join(" · ") : "all runs");

export function CampaignPage() {
  const { params } = useRoute();
  const { repo, campaign } = params;
  const [query, setQuery] = useQueryState();
  const detail = useAsync((signal) => getCampaign(repo, campaign, signal), [repo, campaign]);
  // No group_by in the URL: the server's default (every param that varies, repetitions such
  // as seed pooled); pool=1: one group.
  const groupBy = query.pool === "1" ? [] : query.group !== undefined ? listParam(query.group) : undefined;
  const select = query.select === "min" || query.select === "max" ? query.select : "last";
  const status = statusChoice(query.status);
  const metrics = listParam(query.metrics);
  const contexts = splitColumnList(query.contexts ?? "");
  const base: SummaryQuery = { groupBy, select, status: status === "finished" ? undefined : status };
  const full = useAsync((signal) => campaignSummary(repo, campaign, base, signal), [repo, campaign, query.group, query.pool, select, status]);
  const filtered: SummaryQuery = { ...base, metrics, contexts: contexts.map((c) => parseContextText(c) ?? {}) };
  const narrowed = metrics.length > 0 || contexts.length > 0;
  const shown = useAsync(
    async (signal) => (narrowed ? campaignSummary(repo, campaign, filtered, signal) : null),
    [repo, campaign, query.group, query.pool, select, status, query.metrics, query.contexts],
  );
  // Bumped by the header's "change": opens the group-by control.
  const [groupPickerRequest, setGroupPickerRequest] = useState(0);
  const summary = narrowed ? shown.data : full.data;
  const rows = summary?.rows ?? [];
  const paths = summary?.group_by ?? [];
  const names = useMemo(() => [...new Set((full.data?.rows ?? []).map((r) => r.metric))], [full.data]);
  const contextTexts = useMemo(() => [...new Set((full.data?.rows ?? []).map((r) => contextText(r.context) || "{}"))], [full.data]);
  const runs = detail.data?.runs ?? [];
  const varying = useMemo(() => varyingParamPaths(runs.map((r) => r.params)), [detail.data]);
  const stripRuns = useMemo(() => runs.filter((r) => !r.archived).map((r) => ({ id: r.id, name: r.name || r.id })), [detail.data]);
  const pairs = useMemo(() => [...new Set(rows.map(rowKey))], [summary]);
  const chartPair = query.chart && pairs.includes(query.chart) ? query.chart : pairs[0];
  const bars = useMemo(
    () => rows.filter((r) => rowKey(r) === chartPair).map((r) => ({ label: groupLabel(r.group, paths), mean: fromWire(r.mean), ci95: fromWire(r.ci95) })),
    [summary, chartPair],
  );
  const repoBase = `/repos/${encodeURIComponent(repo)}`;

  const download = async () => {
    saveBlob(await campaignSummaryCsv(repo, campaign, narrowed ? filtered : base), `${campaign}-summary.csv`);
  };

  const c = detail.data;
  return (
    <Layout crumbs={[repoCrumb(repo), { label: c?.name ?? campaign }]} title={[`campaign ${c?.name ?? campaign}`, repo]}>
      <div class="page-head">
        <h1>{c?.name ?? campaign}</h1>
        {c && (
          <span class="muted">
            campaign · {c.run_count} runs · created {formatDate(c.created_at)}
          </span>
        )}
        <span class="spacer" />
        {c && (
          <a class="button" href={`${repoBase}?filter=${encodeURIComponent(`campaign = ${JSON.stringify(c.id)}`)}`}>
            Runs in the table
          </a>
        )}
        {c && runs.length > 0 && (
          <a
            class="button"
            href={`${repoBase}/compare?filter=${encodeURIComponent(`campaign = ${JSON.stringify(c.id)}`)}${paths.length ? `&group=${paths.join(",")}` : ""}`}
          >
            Compare curves
          </a>
        )}
      </div>
      {c?.description && <p>{c.description}</p>}
      <ProblemNote error={detail.error} />

      <h2>Summary</h2>
      <CampaignScope
        summary={full.data}
        runCount={c?.run_count ?? 0}
        archived={runs.filter((r) => r.archived).length}
        status={status}
        onStatus={(s) => setQuery({ status: s === "finished" ? null : s })}
        onChangeGrouping={() => setGroupPickerRequest((n) => n + 1)}
      />
      <div class="toolbar">
        <PathPicker
          label="group by"
          paths={varying}
          chosen={groupBy ?? paths}
          onChange={(p) => setQuery({ group: p.join(","), pool: null })}
          openRequest={groupPickerRequest}
        />
        <label class="check">
          <input type="checkbox" checked={query.pool === "1"} onChange={(e) => setQuery({ pool: e.currentTarget.checked, group: null })} /> one group of all
          runs
        </label>
        <label>
          select{" "}
          <select value={select} onChange={(e) => setQuery({ select: e.currentTarget.value === "last" ? null : e.currentTarget.value })}>
            <option value="last">last</option>
            <option value="min">min</option>
            <option value="max">max</option>
          </select>
        </label>
        <PathPicker label="metrics" paths={names} chosen={metrics} onChange={(m) => setQuery({ metrics: m.join(",") })} />
        <PathPicker label="contexts" paths={contextTexts} chosen={contexts} onChange={(x) => setQuery({ contexts: x.join(",") })} />
        <span class="spacer" />
        <button type="button" onClick={download} disabled={!summary}>
          Download CSV
        </button>
      </div>
      <ProblemNote error={narrowed ? shown.error : full.error} />
      {summary && !rows.length && (
        <p class="empty">No numbers to summarise: the campaign has no runs with series or numeric values (archived runs are left out).</p>
      )}
      {rows.length > 0 && (
        <>
          <div class="table-scroll">
            <SummaryTable rows={rows} paths={paths} />
          </div>
          <div class="chart-card">
            <header>
              <h3>Group means with 95% CI {paths.length > 0 && <span class="context">by {paths.join(" · ")}</span>}</h3>
              <select aria-label="Metric and context to chart" value={chartPair} onChange={(e) => setQuery({ chart: e.currentTarget.value }, { push: false })}>
                {pairs.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </header>
            <ErrorBarChart title={`${c?.name ?? campaign} ${chartPair} group means`} bars={bars} />
          </div>
        </>
      )}

      {c && <CampaignCompare repo={repo} campaign={campaign} params={varying} metrics={full.data?.rows ?? []} />}

      {c && <CampaignConfusion repo={repo} campaign={campaign} runs={runs.filter((r) => !r.archived).map((r) => r.id)} params={varying} />}
      {c && <AcrossRuns repo={repo} runs={stripRuns} />}

      <h2>Runs</h2>
      <div class="table-scroll">
        <table class="data runs">
          <thead>
            <tr>
              <th>Run</th>
              <th>Status</th>
              {varying.map((p) => (
                <th key={p}>params.{p}</th>
              ))}
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td class="run-name">
                  <a href={`${repoBase}/runs/${encodeURIComponent(r.id)}`}>{r.name || r.id}</a>
                  {r.archived && <span class="badge archived">archived</span>}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                {varying.map((p) => (
                  <td key={p}>{paramText(paramAt(r.params, p))}</td>
                ))}
                <td class="date">{formatDate(r.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

const num = (x: SummaryRow["mean"]) => (x === null ? "—" : formatNumber(fromWire(x)));

function SummaryTable({ rows, paths }: { rows: SummaryRow[]; paths: string[] }) {
  return (
    <table class="data summary">
      <thead>
        <tr>
          {paths.map((p) => (
            <th key={p}>params.{p}</th>
          ))}
          <th>Metric</th>
          <th>Context</th>
          <th class="num">n</th>
          <th class="num">NaN</th>
          <th class="num">mean ± ci95</th>
          <th class="num">std</th>
          <th class="num">min</th>
          <th class="num">max</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={JSON.stringify(r.group) + r.metric + contextKey(r.context)}>
            {paths.map((p) => (
              <td key={p}>{paramText(r.group[p])}</td>
            ))}
            <td>{r.metric}</td>
            <td class="muted">{contextLabel(r.context)}</td>
            <td class="num">{r.n}</td>
            <td class="num">{r.nan}</td>
            <td class="num mean">
              {num(r.mean)}
              {r.ci95 !== null && <span class="ci"> ± {num(r.ci95)}</span>}
            </td>
            <td class="num">{num(r.std)}</td>
            <td class="num">{num(r.min)}</td>
            <td class="num">{num(r.max)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

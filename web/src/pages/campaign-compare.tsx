// The campaign page's "compare to baseline" section: by, baseline, pair_on, metric and
// context controls (in the URL: cmp_by, cmp_base, cmp_pair, cmp_metric, cmp_ctx), the paired
// comparison table, and with three or more groups the Friedman test with its
// critical-difference diagram. Without cmp_by, the first varying param that does not name a
// repetition; without cmp_pair, every other varying param.
import { isRepetitionParam } from "../../../src/lib/repetition-params.ts";
import { compareCampaign } from "../api/endpoints.ts";
import { CriticalDifference } from "../charts/critical-difference.tsx";
import { contextText, parseContextText } from "../columns.ts";
import { PathPicker } from "../components/path-picker.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { formatNumber } from "../format.ts";
import { paramText } from "../params.ts";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { CompareTable } from "./compare-table.tsx";

export interface MetricContext {
  metric: string;
  context: Record<string, unknown>;
}

export function CampaignCompare({ repo, campaign, params, metrics }: { repo: string; campaign: string; params: string[]; metrics: MetricContext[] }) {
  const [query, setQuery] = useQueryState();
  const names = [...new Set(metrics.map((m) => m.metric))];
  const by = query.cmp_by ?? params.find((p) => !isRepetitionParam(p.split("."))) ?? params[0];
  const metric = query.cmp_metric && names.includes(query.cmp_metric) ? query.cmp_metric : names[0];
  const contexts = [...new Set(metrics.filter((m) => m.metric === metric).map((m) => contextText(m.context) || "{}"))];
  const ctx = query.cmp_ctx && contexts.includes(query.cmp_ctx) ? query.cmp_ctx : contexts[0];
  // Pairs are runs alike in every other varying param (seed and split, and the learning rate
  // too when it varies): the API's default, the repetition params alone, leaves two runs of a
  // group per pair when another param varies, which it refuses.
  const pairOn = query.cmp_pair !== undefined ? listParam(query.cmp_pair) : params.filter((p) => p !== by);
  const canPair = pairOn.length > 0;
  const ready = by !== undefined && metric !== undefined && canPair;
  const result = useAsync(
    async (signal) =>
      ready ? compareCampaign(repo, campaign, { metric, context: parseContextText(ctx ?? "") ?? {}, by, baseline: query.cmp_base, pairOn }, signal) : null,
    [repo, campaign, by, metric, ctx, query.cmp_base, pairOn.join(",")],
  );
  const body = result.data;
  const friedman = body?.friedman;

  return (
    <section class="campaign-compare">
      <h2>Compare to baseline</h2>
      <div class="toolbar">
        <label>
          by{" "}
          <select value={by} onChange={(e) => setQuery({ cmp_by: e.currentTarget.value, cmp_base: null })}>
            {params.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          baseline{" "}
          <select value={body ? JSON.stringify(body.baseline) : ""} onChange={(e) => setQuery({ cmp_base: e.currentTarget.value })}>
            {(body?.groups ?? []).map((g) => (
              <option key={JSON.stringify(g.value)} value={JSON.stringify(g.value)}>
                {paramText(g.value)}
              </option>
            ))}
          </select>
        </label>
        <PathPicker label="pair on" paths={params.filter((p) => p !== by)} chosen={pairOn} onChange={(p) => setQuery({ cmp_pair: p.join(",") })} />
        <label>
          metric{" "}
          <select value={metric} onChange={(e) => setQuery({ cmp_metric: e.currentTarget.value, cmp_ctx: null })}>
            {names.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {contexts.length > 1 && (
          <label>
            context{" "}
            <select value={ctx} onChange={(e) => setQuery({ cmp_ctx: e.currentTarget.value })}>
              {contexts.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ProblemNote error={result.error} />
      {(by === undefined || metric === undefined) && <p class="empty">Nothing to compare: the campaign's runs need a param that varies and a metric.</p>}
      {by !== undefined && metric !== undefined && !canPair && (
        <p class="empty">Nothing to pair on: choose in “pair on” the params whose values pair one group's runs with another's.</p>
      )}
      {body && (
        <>
          <p class="muted">
            {body.metric} ({body.select}) of each run, group − {paramText(body.baseline)}, paired on {body.pair_on.join(", ")} · {body.selection.runs} runs
          </p>
          <div class="table-scroll">
            <CompareTable rows={body.rows} by={body.by} />
          </div>
        </>
      )}
      {friedman && (
        <div class="chart-card friedman">
          <header>
            <h3>
              Average ranks (1 = best), Friedman over {friedman.n_blocks} blocks: χ² ={" "}
              {friedman.statistic === null ? "—" : formatNumber(Number(friedman.statistic))}, p = {friedman.p === null ? "—" : formatNumber(Number(friedman.p))}
            </h3>
          </header>
          {friedman.reason && <p class="muted">{friedman.reason}</p>}
          {friedman.critical_difference !== null && (
            <CriticalDifference
              groups={friedman.ranks.map((r) => ({ label: paramText(r.group), rank: r.rank }))}
              cd={Number(friedman.critical_difference)}
              title={`${campaign}: average ranks of ${body?.by ?? "the groups"} on ${body?.metric ?? metric}`}
            />
          )}
        </div>
      )}
    </section>
  );
}

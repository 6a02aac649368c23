// `/repos/{repo}/compare?runs=a,b,c` or `?filter=...`: the curves of many runs, one chart per
// series (name + context). Color or stroke by a param; group by params (one mean or median line
// per group with a band); facet by a param (a small chart per value). State: ./compare-state.ts.
import { useMemo } from "preact/hooks";
import { useRoute } from "preact-iso";
import { AGGREGATES, BANDS } from "../charts/aggregate.ts";
import type { LineSpec } from "../charts/chart-model.ts";
import { ChartOptionsBar } from "../components/chart-options.tsx";
import { Layout, repoCrumb } from "../components/layout.tsx";
import { DashSwatch, Legend } from "../components/legend.tsx";
import { PathPicker } from "../components/path-picker.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { paramPaths, varyingParamPaths } from "../params.ts";
import { CompareChart } from "./compare-chart.tsx";
import { seriesKeyText } from "./compare-data.ts";
import { DASHES, valuesOf } from "./compare-lines.ts";
import { LIVE_MS, useCompareState } from "./compare-state.ts";

const compareTitle = (n: number | undefined) => (n === undefined ? "compare" : `compare ${n} run${n === 1 ? "" : "s"}`);

export function ComparePage() {
  const repo = useRoute().params.repo;
  const s = useCompareState(repo);
  const { setQuery, choice, runList } = s;
  const allPaths = useMemo(() => paramPaths(runList.map((r) => r.params)), [s.runs.data]);
  const varying = useMemo(() => varyingParamPaths(runList.map((r) => r.params)), [s.runs.data]);
  const legendSpecs: LineSpec[] = s.lines.kind === "groups" ? s.lines.groups : (runList.length ? runList.map((r) => r.id) : s.ids).map(s.lines.specOf);
  const strokes = choice.strokeBy ? valuesOf(runList, choice.strokeBy).values : [];
  const base = `/repos/${encodeURIComponent(repo)}`;
  const what = "filter" in s.asked ? `runs matching ${s.asked.filter}` : `${s.ids.length} selected run${s.ids.length === 1 ? "" : "s"}`;
  const paramSelect = (label: string, value: string, key: string, none: string) => (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => setQuery({ [key]: e.currentTarget.value })}>
        <option value="">{none}</option>
        {allPaths.map((p) => (
          <option key={p} value={p}>
            params.{p}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Layout crumbs={[repoCrumb(repo), { label: "compare" }]} title={[compareTitle(s.runs.data?.runs.length ?? (s.ids.length || undefined)), repo]}>
      <div class="page-head">
        <h1>Compare</h1>
        <span class="muted">{what}</span>
        {s.live && (
          <span class="live" title={`refreshes every ${LIVE_MS / 1000} s while a run is running`}>
            live
          </span>
        )}
      </div>
      {!("filter" in s.asked) && !s.ids.length && (
        <p class="empty">
          No runs chosen: select runs in the <a href={base}>runs table</a> and press Compare.
        </p>
      )}
      {s.missing.length > 0 && (
        <p class="missing-runs">
          {s.missing.length} run{s.missing.length === 1 ? "" : "s"} not found: {s.missing.join(", ")}
        </p>
      )}
      <ProblemNote error={s.runs.error ?? s.catalog.error} />
      <div class="toolbar">
        {paramSelect("color by", choice.colorBy, "color", "run")}
        {paramSelect("stroke by", choice.strokeBy, "stroke", "none")}
        <PathPicker
          label="group by"
          paths={varying.length ? varying : allPaths}
          chosen={choice.groupBy}
          onChange={(paths) => setQuery({ group: paths.join(",") })}
        />
        {choice.groupBy.length > 0 && (
          <>
            <label>
              aggregate{" "}
              <select value={choice.aggregate} onChange={(e) => setQuery({ agg: e.currentTarget.value === "mean" ? null : e.currentTarget.value })}>
                {Object.entries(AGGREGATES).map(([k, text]) => (
                  <option key={k} value={k}>
                    {text}
                  </option>
                ))}
              </select>
            </label>
            <label>
              band{" "}
              <select value={choice.band} onChange={(e) => setQuery({ band: e.currentTarget.value === "minmax" ? null : e.currentTarget.value })}>
                {Object.entries(BANDS).map(([k, text]) => (
                  <option key={k} value={k}>
                    {text}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {paramSelect("facet by", choice.facetBy, "facet", "none")}
        {choice.facetBy && (
          <label>
            <input type="checkbox" checked={choice.sameAxes} onChange={(e) => setQuery({ facetaxes: e.currentTarget.checked ? null : "free" })} /> same axes
          </label>
        )}
        {s.catalog.data && s.catalog.data.length > 1 && (
          <PathPicker label="series" paths={s.catalog.data.map(seriesKeyText)} chosen={s.chosen} onChange={(texts) => setQuery({ metrics: texts.join(",") })} />
        )}
      </div>
      <ChartOptionsBar
        options={s.options}
        xMetrics={[...new Set((s.catalog.data ?? []).map((k) => k.name))]}
        onChange={(patch, push) => setQuery(patch, { push })}
      >
        {s.zoom.from !== undefined && (
          <button type="button" onClick={() => setQuery({ from: null, to: null })}>
            Reset zoom
          </button>
        )}
      </ChartOptionsBar>
      {legendSpecs.length > 0 && <Legend specs={legendSpecs} hidden={s.hidden} onToggle={s.toggle} />}
      {strokes.length > 0 && (
        <ul class="legend stroke-key" aria-label={`stroke by ${choice.strokeBy}`}>
          {strokes.map((value, i) => (
            <li key={value}>
              <DashSwatch color="currentColor" dash={DASHES[i % DASHES.length]} />
              {choice.strokeBy}={value}
            </li>
          ))}
        </ul>
      )}
      <div class="chart-grid">
        {s.charts.map((k) => (
          <CompareChart
            key={seriesKeyText(k)}
            repo={repo}
            selection={s.selection}
            series={k}
            lines={s.lines}
            facets={s.facets}
            sameAxes={choice.sameAxes}
            hidden={s.hidden}
            options={s.options}
            zoom={s.zoom}
            version={s.tick}
            onZoom={(z) => setQuery({ from: z?.from ?? null, to: z?.to ?? null })}
            onLoaded={s.curvesLoaded}
            onMissingRun={s.runMissing}
          />
        ))}
      </div>
    </Layout>
  );
}

// `/repos/{repo}/compare?runs=a,b,c` or `?filter=...`: the curves of many runs, one chart per
// series (name + context). Color by a param; group by params (one mean line per group with a
// min–max or ±std band). Everything but the legend toggles is in the URL.
import { useMemo, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { LineSpec } from "../charts/chart-model.ts";
import { colorAt } from "../charts/palette.ts";
import { splitColumnList } from "../columns.ts";
import { ChartOptionsBar, chartOptionsOf } from "../components/chart-options.tsx";
import { Layout, repoCrumb } from "../components/layout.tsx";
import { Legend } from "../components/legend.tsx";
import { PathPicker } from "../components/path-picker.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { paramAt, paramPaths, paramText, varyingParamPaths } from "../params.ts";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { CompareChart, type Lines } from "./compare-chart.tsx";
import { type CompareRun, detailCache, loadRuns, loadSeriesKeys, parseSeriesKey, type Selection, seriesKeyText } from "./compare-data.ts";
import type { Zoom } from "./run-charts.tsx";

const compareTitle = (n: number | undefined) => (n === undefined ? "compare" : `compare ${n} run${n === 1 ? "" : "s"}`);
const sortedDistinct = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

export function ComparePage() {
  const { params } = useRoute();
  const repo = params.repo;
  const [query, setQuery] = useQueryState();
  const ids = listParam(query.runs);
  const selection: Selection = query.filter ? { filter: query.filter } : { runs: ids };
  const selectionKey = JSON.stringify(selection);
  const detail = useMemo(() => detailCache(repo), [repo]);
  const colorBy = query.color ?? "";
  const groupBy = listParam(query.group);
  // Runs chosen by id are read one request each: without a color or group param they only
  // name the lines, so they wait until the curves are in rather than compete with them.
  const [curvesIn, setCurvesIn] = useState(false);
  const runsNow = "filter" in selection || Boolean(colorBy) || groupBy.length > 0 || curvesIn;
  const runs = useAsync(async (signal) => (runsNow ? loadRuns(repo, selection, detail, signal) : undefined), [repo, selectionKey, runsNow]);
  const chosen = splitColumnList(query.metrics ?? "");
  // Which series exist (for the picker); the charts are the chosen ones, or all of them.
  const catalog = useAsync((signal) => loadSeriesKeys(repo, selection, detail, signal), [repo, selectionKey]);
  const charts = chosen.length ? chosen.map(parseSeriesKey).filter((k) => k !== null) : (catalog.data ?? []);
  const options = chartOptionsOf(query);
  const zoom: Zoom = query.from !== undefined && query.to !== undefined ? { from: Number(query.from), to: Number(query.to) } : {};
  const band = query.band === "std" ? "std" : "minmax";
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());

  const runList = runs.data ?? [];
  const allPaths = useMemo(() => paramPaths(runList.map((r) => r.params)), [runs.data]);
  const varying = useMemo(() => varyingParamPaths(runList.map((r) => r.params)), [runs.data]);
  const lines = useMemo(() => linesFor(runList, ids, colorBy, groupBy, band), [runs.data, query.runs, colorBy, query.group, band]);
  const legendSpecs = lines.kind === "groups" ? lines.groups : (runs.data ? runList.map((r) => r.id) : ids).map(lines.specOf);
  const toggle = (key: string) => {
    const next = new Set(hidden);
    if (!next.delete(key)) next.add(key);
    setHidden(next);
  };
  const base = `/repos/${encodeURIComponent(repo)}`;
  const what = "filter" in selection ? `runs matching ${selection.filter}` : `${ids.length} selected run${ids.length === 1 ? "" : "s"}`;

  return (
    <Layout crumbs={[repoCrumb(repo), { label: "compare" }]} title={[compareTitle(runs.data?.length ?? (ids.length || undefined)), repo]}>
      <div class="page-head">
        <h1>Compare</h1>
        <span class="muted">{what}</span>
      </div>
      {!("filter" in selection) && !ids.length && (
        <p class="empty">
          No runs chosen: select runs in the <a href={base}>runs table</a> and press Compare.
        </p>
      )}
      <ProblemNote error={runs.error ?? catalog.error} />
      <div class="toolbar">
        <label>
          color by{" "}
          <select value={colorBy} onChange={(e) => setQuery({ color: e.currentTarget.value })}>
            <option value="">run</option>
            {allPaths.map((p) => (
              <option key={p} value={p}>
                params.{p}
              </option>
            ))}
          </select>
        </label>
        <PathPicker label="group by" paths={varying.length ? varying : allPaths} chosen={groupBy} onChange={(paths) => setQuery({ group: paths.join(",") })} />
        {groupBy.length > 0 && (
          <label>
            band{" "}
            <select value={band} onChange={(e) => setQuery({ band: e.currentTarget.value === "std" ? "std" : null })}>
              <option value="minmax">min–max</option>
              <option value="std">±1 std</option>
            </select>
          </label>
        )}
        {catalog.data && catalog.data.length > 1 && (
          <PathPicker label="series" paths={catalog.data.map(seriesKeyText)} chosen={chosen} onChange={(texts) => setQuery({ metrics: texts.join(",") })} />
        )}
      </div>
      <ChartOptionsBar options={options} onChange={(patch, push) => setQuery(patch, { push })}>
        {zoom.from !== undefined && (
          <button type="button" onClick={() => setQuery({ from: null, to: null })}>
            Reset zoom
          </button>
        )}
      </ChartOptionsBar>
      {legendSpecs.length > 0 && <Legend specs={legendSpecs} hidden={hidden} onToggle={toggle} />}
      <div class="chart-grid">
        {charts.map((k) => (
          <CompareChart
            key={seriesKeyText(k)}
            repo={repo}
            selection={selection}
            series={k}
            lines={lines}
            hidden={hidden}
            options={options}
            zoom={zoom}
            onZoom={(z) => setQuery({ from: z?.from ?? null, to: z?.to ?? null })}
            onLoaded={() => setCurvesIn(true)}
          />
        ))}
      </div>
    </Layout>
  );
}

/**
 * Line specs: per run (colored by its index, or by its value of the color param), or per group
 * of runs sharing their values of the group params. `ids` gives the colors before the runs'
 * params have loaded.
 */
function linesFor(runs: CompareRun[], ids: string[], colorBy: string, groupBy: string[], band: "minmax" | "std"): Lines {
  const byId = new Map(runs.map((r) => [r.id, r]));
  if (groupBy.length) {
    const keyOf = (r: CompareRun | undefined) => JSON.stringify(groupBy.map((p) => (r ? (paramAt(r.params, p) ?? null) : null)));
    const keys = sortedDistinct(runs.map(keyOf));
    const groups: LineSpec[] = keys.map((key, i) => {
      const values = JSON.parse(key) as unknown[];
      const n = runs.filter((r) => keyOf(r) === key).length;
      return { key: `group:${key}`, label: `${groupBy.map((p, j) => `${p}=${paramText(values[j])}`).join(", ")} (${n})`, color: colorAt(i), band: true };
    });
    return { kind: "groups", groups, groupOf: (id) => `group:${keyOf(byId.get(id))}`, band };
  }
  const order = runs.length ? runs.map((r) => r.id) : ids;
  const index = new Map(order.map((id, i) => [id, i]));
  const values = colorBy ? sortedDistinct(runs.map((r) => paramText(paramAt(r.params, colorBy)))) : [];
  return {
    kind: "runs",
    specOf: (id) => {
      const run = byId.get(id);
      const value = colorBy && run ? paramText(paramAt(run.params, colorBy)) : null;
      const label = (run?.name || id) + (value !== null ? ` · ${colorBy}=${value}` : "");
      return { key: `run:${id}`, label, color: colorAt(value !== null ? values.indexOf(value) : (index.get(id) ?? 0)), band: false };
    },
  };
}

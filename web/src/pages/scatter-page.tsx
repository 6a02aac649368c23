// `/repos/{repo}/scatter`: one column against another over the runs of the table's filter (or
// its selection), a dot per run, coloured by a third column and sized by a fourth; log scale
// per axis, an optional least-squares trend line with its r². All of it in the URL (`x`, `y`,
// `color`, `size`, `logx`, `logy`, `trend`); by default the first param against the first
// value (or series).
import { useMemo } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { listColumns } from "../api/endpoints.ts";
import { axisFor } from "../charts/field-axis.ts";
import { ScatterChart } from "../charts/scatter-chart.tsx";
import { trendOf } from "../charts/trend.ts";
import { ColorLegend } from "../components/color-legend.tsx";
import { FieldSelect, fieldGroups } from "../components/field-select.tsx";
import { Layout } from "../components/layout.tsx";
import { formatNumber } from "../format.ts";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { loadExplorerRuns, NO_RUNS } from "./explorer-data.ts";
import { ExplorerScope } from "./explorer-scope.tsx";

export function ScatterPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const repo = params.repo;
  const [query, setQuery] = useQueryState();
  const catalog = useAsync((signal) => listColumns(repo, signal), [repo]);
  const groups = fieldGroups(catalog.data);
  const xField = query.x ?? groups.params[0] ?? "";
  const yField = query.y ?? groups.values[0] ?? groups.metrics[0] ?? "";
  const colorField = query.color ?? "";
  const sizeField = query.size ?? "";
  const wanted = [...new Set([xField, yField, colorField, sizeField].filter(Boolean))];
  const ready = Boolean(xField && yField);
  const state = useAsync(
    async (signal) => (ready ? loadExplorerRuns(repo, query.filter ?? "", listParam(query.runs), wanted, signal) : undefined),
    [repo, query.filter, query.runs, wanted.join("\n"), ready],
  );
  const runs = state.data?.runs ?? NO_RUNS;
  const column = (f: string) => runs.map((r) => r.columns[f]);
  const x = useMemo(() => axisFor(xField, column(xField), query.logx === "1"), [state.data, xField, query.logx]);
  const y = useMemo(() => axisFor(yField, column(yField), query.logy === "1"), [state.data, yField, query.logy]);
  const color = useMemo(() => (colorField ? axisFor(colorField, column(colorField)) : null), [state.data, colorField]);
  const size = useMemo(() => (sizeField ? axisFor(sizeField, column(sizeField)) : null), [state.data, sizeField]);
  const trend = useMemo(() => (query.trend === "1" ? trendOf(runs, x, y) : null), [x, y, query.trend]);
  const placed = runs.filter((r) => x.pos(r.columns[xField]) !== null && y.pos(r.columns[yField]) !== null).length;
  const base = `/repos/${encodeURIComponent(repo)}`;

  return (
    <Layout crumbs={[{ label: repo, href: base }, { label: "scatter" }]}>
      <ExplorerScope repo={repo} view="scatter" query={query} setQuery={setQuery} state={state} />
      <div class="toolbar">
        <FieldSelect label="x" groups={groups} value={xField} onChange={(f) => setQuery({ x: f })} />
        <label>
          <input type="checkbox" checked={query.logx === "1"} onChange={(e) => setQuery({ logx: e.currentTarget.checked })} /> log x
        </label>
        <FieldSelect label="y" groups={groups} value={yField} onChange={(f) => setQuery({ y: f })} />
        <label>
          <input type="checkbox" checked={query.logy === "1"} onChange={(e) => setQuery({ logy: e.currentTarget.checked })} /> log y
        </label>
        <FieldSelect label="colour by" groups={groups} value={colorField} optional onChange={(f) => setQuery({ color: f })} />
        <FieldSelect label="size by" groups={groups} value={sizeField} optional onChange={(f) => setQuery({ size: f })} />
        <label>
          <input type="checkbox" checked={query.trend === "1"} onChange={(e) => setQuery({ trend: e.currentTarget.checked })} /> trend line
        </label>
      </div>
      <div class="toolbar scatter-notes">
        {state.data && placed < runs.length && (
          <span class="muted">
            {runs.length - placed} run{runs.length - placed === 1 ? "" : "s"} without a place on x or y (missing, non-finite, or ≤ 0 on a log axis) left out
          </span>
        )}
        {query.trend === "1" &&
          (trend ? (
            <span class="trend-note">
              trend: r² = {formatNumber(trend.r2)}
              {(x.kind === "numeric" && x.log) || (y.kind === "numeric" && y.log) ? " (fitted on the log axes)" : ""}
            </span>
          ) : (
            <span class="muted trend-note">no trend line: it needs numeric x and y and two runs with different x</span>
          ))}
        {size && <span class="muted">size by {size.field}: larger is higher</span>}
      </div>
      {color && <ColorLegend axis={color} />}
      {catalog.data && !ready && <p class="empty">No params, values or series in this repo yet: nothing to draw.</p>}
      {/* Laid out before the runs arrive, so its width is known when they do. */}
      {ready && (
        <ScatterChart runs={runs} x={x} y={y} color={color} size={size} trend={trend} onOpen={(r) => route(`${base}/runs/${encodeURIComponent(r.id)}`)} />
      )}
    </Layout>
  );
}

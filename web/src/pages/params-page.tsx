// `/repos/{repo}/params`: parallel coordinates over the runs of the table's filter (or its
// selection): an axis per chosen column (`cols=`, the runs table's column names; by default the
// repo's params and first values), brushes (`brush=`, JSON by column) that AND together, colour
// by a column (`color=`), and the runs inside the brushes listed below.
import { useMemo } from "preact/hooks";
import { useRoute } from "preact-iso";
import { listColumns } from "../api/endpoints.ts";
import { type Brush, brushesText, matchesAll, parseBrushes } from "../charts/brushes.ts";
import { axisFor } from "../charts/field-axis.ts";
import { ParallelCoordinates } from "../charts/parallel-coordinates.tsx";
import { splitColumnList } from "../columns.ts";
import { ColorLegend } from "../components/color-legend.tsx";
import { ColumnChooser } from "../components/column-chooser.tsx";
import { type FieldGroups, FieldSelect, fieldGroups } from "../components/field-select.tsx";
import { Layout } from "../components/layout.tsx";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { loadExplorerRuns, NO_RUNS } from "./explorer-data.ts";
import { ExplorerScope } from "./explorer-scope.tsx";
import { MatchingRuns } from "./matching-runs.tsx";

const DEFAULT_PARAMS = 8;
const DEFAULT_VALUES = 2;

const defaultAxes = (g: FieldGroups) => [...g.params.slice(0, DEFAULT_PARAMS), ...g.values.slice(0, DEFAULT_VALUES)];

export function ParamsPage() {
  const { params } = useRoute();
  const repo = params.repo;
  const [query, setQuery] = useQueryState();
  const catalog = useAsync((signal) => listColumns(repo, signal), [repo]);
  const groups = fieldGroups(catalog.data);
  const chosen = splitColumnList(query.cols ?? "");
  const fields = chosen.length ? chosen : defaultAxes(groups);
  const colorField = query.color ?? "";
  const wanted = [...new Set([...fields, ...(colorField ? [colorField] : [])])];
  const ready = wanted.length > 0 || catalog.data !== undefined;
  const state = useAsync(
    async (signal) => (ready ? loadExplorerRuns(repo, query.filter ?? "", listParam(query.runs), wanted, signal) : undefined),
    [repo, query.filter, query.runs, wanted.join("\n"), ready],
  );
  const runs = state.data?.runs ?? NO_RUNS;
  const axes = useMemo(
    () =>
      fields.map((f) =>
        axisFor(
          f,
          runs.map((r) => r.columns[f]),
        ),
      ),
    [state.data, fields.join("\n")],
  );
  const color = useMemo(
    () =>
      colorField
        ? axisFor(
            colorField,
            runs.map((r) => r.columns[colorField]),
          )
        : null,
    [state.data, colorField],
  );
  const brushes = parseBrushes(query.brush);
  const matching = useMemo(() => runs.filter((r) => matchesAll(axes, brushes, r.columns)), [axes, query.brush]);

  const setBrush = (field: string, brush: Brush | null) => {
    const next = { ...brushes };
    if (brush) next[field] = brush;
    else delete next[field];
    setQuery({ brush: brushesText(next) }, { push: false });
  };
  const setAxes = (cols: string[]) => {
    // A brush on an axis taken away would filter by what is no longer shown.
    const kept = Object.fromEntries(Object.entries(brushes).filter(([f]) => cols.includes(f)));
    setQuery({ cols: cols.join(","), brush: brushesText(kept) });
  };
  const base = `/repos/${encodeURIComponent(repo)}`;

  return (
    <Layout crumbs={[{ label: repo, href: base }, { label: "params" }]}>
      <ExplorerScope repo={repo} view="params" query={query} setQuery={setQuery} state={state} />
      <div class="toolbar">
        <ColumnChooser repo={repo} label="Axes" columns={fields} onChange={setAxes} />
        <FieldSelect label="colour by" groups={groups} value={colorField} optional onChange={(f) => setQuery({ color: f })} />
        {Object.keys(brushes).length > 0 && (
          <button type="button" class="link" onClick={() => setQuery({ brush: null }, { push: false })}>
            clear brushes
          </button>
        )}
        <span class="spacer" />
        <span class="muted">drag along an axis to brush it; click the axis to clear its brush</span>
      </div>
      {color && <ColorLegend axis={color} />}
      {!fields.length && catalog.data && <p class="empty">No params, values or series in this repo yet: nothing to draw.</p>}
      {/* Laid out before the runs arrive, so its width is known when they do. */}
      {fields.length > 0 && <ParallelCoordinates runs={runs} axes={axes} brushes={brushes} color={color} onBrush={setBrush} />}
      {state.data && fields.length > 0 && <MatchingRuns repo={repo} runs={matching} total={runs.length} fields={fields} />}
    </Layout>
  );
}

// One chart card of the compare page: one series (name + context) of every compared run, read in
// one metrics/query request (with the x metric's series when another metric is on x), each
// downsampled to the card's width; drawn as one line per run or, grouped, one line per group
// with its band; faceted, as one small chart per value of the facet param.
import { useEffect, useMemo, useRef } from "preact/hooks";
import { querySeries, type SeriesData } from "../api/series.ts";
import { ApiProblem } from "../api/types.ts";
import { type ChartModel, type Grid, gridOf, type LineSpec, runLinesModel } from "../charts/chart-model.ts";
import { groupLinesModel } from "../charts/group-lines.ts";
import { SeriesChart } from "../charts/series-chart.tsx";
import { useWidth } from "../charts/use-width.ts";
import { pairedWith, relativeTo, stepRange, type XSeries } from "../charts/x-axis.ts";
import type { ChartOptions } from "../components/chart-options.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { contextLabel } from "../format.ts";
import { useAsync } from "../use-async.ts";
import type { Selection, SeriesKey } from "./compare-data.ts";
import type { Facets, Lines } from "./compare-lines.ts";
import type { Zoom } from "./run-charts.tsx";

interface Props {
  repo: string;
  selection: Selection;
  series: SeriesKey;
  lines: Lines;
  facets: Facets | null;
  /** Facets share their x and y ranges. */
  sameAxes: boolean;
  hidden: ReadonlySet<string>;
  options: ChartOptions;
  zoom: Zoom;
  /** Changes when a live refresh should re-read the series. */
  version: number;
  onZoom(zoom: Zoom | null): void;
  onLoaded(): void;
  /** The read named a run that does not exist: the page finds which and leaves it out. */
  onMissingRun(): void;
}

// Bands around single runs help with a few runs; with many they only cover each other.
const RUN_BANDS_UP_TO = 5;

export function CompareChart({ repo, selection, series, lines, facets, sameAxes, hidden, options, zoom, version, onZoom, onLoaded, onMissingRun }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const selectionKey = JSON.stringify(selection);
  // Relative time counts from each run's first point, taken from an unzoomed read and kept, so a
  // zoomed re-read (which starts later) keeps the same origin.
  const origins = useRef(new Map<string, number>());
  const relative = options.axis === "relative";
  const xMetric = options.axis === "metric" ? options.xMetric : "";
  const reads = useAsync(
    async (signal) => {
      if (!width) return null;
      const metrics = xMetric ? [series, { name: xMetric, context: series.context }] : [series];
      const read = (range: Zoom) => querySeries(repo, { ...selection, metrics, points: width, from: range.from, to: range.to }, signal);
      const items = await read(zoom);
      const own = items.filter((s) => s.name === series.name);
      if (relative) {
        const zoomed = zoom.from !== undefined || zoom.to !== undefined;
        const base = zoomed && own.some((s) => !origins.current.has(s.run)) ? (await read({})).filter((s) => s.name === series.name) : zoomed ? [] : own;
        for (const s of base) if (s.times.length) origins.current.set(s.run, s.times[0]);
      }
      return { own, partners: xMetric ? items.filter((s) => s.name === xMetric) : [] };
    },
    [repo, selectionKey, series.name, JSON.stringify(series.context), width, zoom.from, zoom.to, relative, xMetric, version],
  );
  const data = reads.data?.own;
  useEffect(() => {
    if (data) onLoaded();
  }, [data]);
  const missingRun = reads.error instanceof ApiProblem && reads.error.status === 404;
  useEffect(() => {
    if (missingRun) onMissingRun();
  }, [reads.error]);

  const plotted = useMemo<XSeries[] | undefined>(() => {
    if (!reads.data) return undefined;
    const { own, partners } = reads.data;
    return relative ? relativeTo(own, origins.current) : xMetric ? pairedWith(own, partners) : own;
  }, [reads.data, relative, xMetric]);
  const panels = useMemo(
    () => plotted && panelsOf(plotted, facets, sameAxes, options, width),
    [plotted, facets, sameAxes, options.axis, options.smoothing, options.log],
  );
  // Drawn lines, then their labels: run names that arrive after the curves only relabel them.
  const looks = lines.kind === "runs" && data ? data.map((s) => JSON.stringify(lines.specOf(s.run), ["color", "dash"])).join() : lines;
  const drawn = useMemo(() => panels?.map((p) => ({ ...p, model: modelOf(p.grid, p.members, data!, lines, options) })), [panels, looks]);
  const shown = useMemo(
    () =>
      drawn?.map((p) =>
        lines.kind === "runs"
          ? {
              ...p,
              model: { ...p.model, lines: p.model.lines.map((l, i) => ({ ...l, spec: { ...l.spec, label: lines.specOf(data![p.members[i]].run).label } })) },
            }
          : p,
      ),
    [drawn, lines],
  );
  const yRange = useMemo(
    () =>
      facets && sameAxes && shown
        ? sharedY(
            shown.map((p) => p.model),
            options.log,
          )
        : null,
    [shown, facets, sameAxes, options.log],
  );
  const xRange = useMemo<[number, number] | null>(
    () => (options.axis === "step" && zoom.from !== undefined && zoom.to !== undefined ? [zoom.from, zoom.to] : null),
    [options.axis, zoom.from, zoom.to],
  );
  const label = contextLabel(series.context);
  const zoomTo = (range: [number, number] | null) => {
    if (!range) return onZoom(null);
    const steps = plotted && stepRange(plotted, options.axis, range[0], range[1]);
    if (steps) onZoom(steps);
  };

  return (
    <section class={`chart-card${facets ? " faceted" : ""}`} data-metric={series.name} data-context={JSON.stringify(series.context)}>
      <header>
        <h3>
          {series.name} {label && <span class="context">{label}</span>}
          {xMetric && <span class="muted"> against {xMetric}</span>}
        </h3>
        <span class="muted">{data ? `${data.length} run${data.length === 1 ? "" : "s"}` : ""}</span>
      </header>
      <div ref={box} class="chart-box">
        {!missingRun && <ProblemNote error={reads.error} />}
        {data && !data.length && <p class="muted">None of these runs logged this series.</p>}
        {shown && data && data.length > 0 && (
          <div class={facets ? "facet-grid" : undefined}>
            {shown.map((p) => (
              <div key={p.facet ?? ""} class={facets ? "facet" : undefined} data-facet={p.facet ?? undefined}>
                {facets && (
                  <h4>
                    {facets.path}={p.facet} <span class="muted">({p.members.length})</span>
                  </h4>
                )}
                <SeriesChart
                  title={[series.name, label, p.facet !== null && facets ? `${facets.path}=${p.facet}` : ""].filter(Boolean).join(" ")}
                  model={p.model}
                  log={options.log}
                  hidden={hidden}
                  xRange={xRange}
                  yRange={yRange}
                  height={facets ? 200 : 280}
                  onZoom={zoomTo}
                />
              </div>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

interface Panel {
  /** The facet's value; null when not faceted. */
  facet: string | null;
  grid: Grid;
  /** Indices into the read series of the runs this panel draws, in grid column order. */
  members: number[];
}

/**
 * The read series split by facet, each panel on its grid: one grid for all (x shared) when the
 * facets share their axes, else one per facet. Facets no run falls in are left out.
 */
function panelsOf(series: XSeries[], facets: Facets | null, sameAxes: boolean, options: ChartOptions, width: number): Panel[] {
  const all = series.map((_, i) => i);
  if (!facets) return [{ facet: null, grid: gridOf(series, options, width), members: all }];
  const whole = sameAxes ? gridOf(series, options, width) : null;
  const panels: Panel[] = [];
  for (const value of facets.values) {
    const members = all.filter((i) => facets.of(series[i].run) === value);
    if (!members.length) continue;
    const grid = whole
      ? { xs: whole.xs, columns: members.map((i) => whole.columns[i]) }
      : gridOf(
          members.map((i) => series[i]),
          options,
          width,
        );
    panels.push({ facet: value, grid, members });
  }
  return panels;
}

function modelOf(grid: Grid, members: number[], data: SeriesData[], lines: Lines, options: ChartOptions): ChartModel {
  if (lines.kind === "runs") {
    const specs: LineSpec[] = members.map((i) => ({ ...lines.specOf(data[i].run), band: members.length <= RUN_BANDS_UP_TO }));
    return runLinesModel(grid, specs, options.axis);
  }
  const groups = lines.groups.map((spec) => ({ spec, members: [] as number[] }));
  const index = new Map(groups.map((g, i) => [g.spec.key, i]));
  members.forEach((m, column) => {
    const g = index.get(lines.groupOf(data[m].run));
    if (g !== undefined) groups[g].members.push(column);
  });
  return groupLinesModel(
    grid,
    groups.filter((g) => g.members.length),
    lines.style,
    options.axis,
  );
}

/** The y range covering every panel's lines and bands, so facets compare at a glance. */
function sharedY(models: ChartModel[], log: boolean): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const m of models) {
    for (let k = 1; k < m.data.length; k++) {
      for (const v of m.data[k]) {
        if (v == null || !Number.isFinite(v)) continue;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  if (min > max) return null;
  if (log) return [min / 1.1, max * 1.1];
  const pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1;
  return [min - pad, max + pad];
}

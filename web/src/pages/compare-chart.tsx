// One chart of the compare page: one series (name + context) of every compared run, read in one
// metrics/query request, each downsampled to the chart's width; drawn as one line per run or,
// grouped, one mean line per group with its band.
import { useEffect, useMemo, useRef } from "preact/hooks";
import { querySeries, type SeriesData } from "../api/series.ts";
import { gridOf, type LineSpec, runLinesModel } from "../charts/chart-model.ts";
import { type GroupBand, groupLinesModel } from "../charts/group-lines.ts";
import { SeriesChart } from "../charts/series-chart.tsx";
import { useWidth } from "../charts/use-width.ts";
import { stepRange } from "../charts/x-axis.ts";
import type { ChartOptions } from "../components/chart-options.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { contextLabel } from "../format.ts";
import { useAsync } from "../use-async.ts";
import type { Selection, SeriesKey } from "./compare-data.ts";
import type { Zoom } from "./run-charts.tsx";

/** How the page draws runs: each run's line, or the groups they fall in. */
export type Lines = { kind: "runs"; specOf(run: string): LineSpec } | { kind: "groups"; groups: LineSpec[]; groupOf(run: string): string; band: GroupBand };

interface Props {
  repo: string;
  selection: Selection;
  series: SeriesKey;
  lines: Lines;
  hidden: ReadonlySet<string>;
  options: ChartOptions;
  zoom: Zoom;
  onZoom(zoom: Zoom | null): void;
  onLoaded(): void;
}

// Bands around single runs help with a few runs; with many they only cover each other.
const RUN_BANDS_UP_TO = 5;

export function CompareChart({ repo, selection, series, lines, hidden, options, zoom, onZoom, onLoaded }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const selectionKey = JSON.stringify(selection);
  const reads = useAsync(
    async (signal) => (width ? querySeries(repo, { ...selection, metrics: [series], points: width, from: zoom.from, to: zoom.to }, signal) : null),
    [repo, selectionKey, series.name, JSON.stringify(series.context), width, zoom.from, zoom.to],
  );
  const data = reads.data;
  useEffect(() => {
    if (data) onLoaded();
  }, [data]);
  const grid = useMemo(() => data && gridOf(data, options, width), [data, options.axis, options.smoothing, options.log]);
  // Drawn lines, then their labels: run names that arrive after the curves only relabel them.
  const colors = lines.kind === "runs" && data ? data.map((s) => lines.specOf(s.run).color).join() : lines;
  const drawn = useMemo(() => {
    if (!grid || !data) return undefined;
    if (lines.kind === "runs") {
      const specs = data.map((s) => ({ ...lines.specOf(s.run), band: data.length <= RUN_BANDS_UP_TO }));
      return runLinesModel(grid, specs, options.axis);
    }
    const groups = lines.groups.map((spec) => ({ spec, members: [] as number[] }));
    const index = new Map(groups.map((g, i) => [g.spec.key, i]));
    for (let i = 0; i < data.length; i++) groups[index.get(lines.groupOf(data[i].run))!]?.members.push(i);
    return groupLinesModel(
      grid,
      groups.filter((g) => g.members.length),
      lines.band,
      options.axis,
    );
  }, [grid, colors]);
  const model = useMemo(
    () =>
      drawn && lines.kind === "runs" && data
        ? { ...drawn, lines: drawn.lines.map((l, i) => ({ ...l, spec: { ...l.spec, label: lines.specOf(data[i].run).label } })) }
        : drawn,
    [drawn, lines],
  );
  const xRange = useMemo<[number, number] | null>(
    () => (options.axis === "step" && zoom.from !== undefined && zoom.to !== undefined ? [zoom.from, zoom.to] : null),
    [options.axis, zoom.from, zoom.to],
  );
  const label = contextLabel(series.context);

  return (
    <section class="chart-card" data-metric={series.name} data-context={JSON.stringify(series.context)}>
      <header>
        <h3>
          {series.name} {label && <span class="context">{label}</span>}
        </h3>
        <span class="muted">{data ? `${data.length} run${data.length === 1 ? "" : "s"}` : ""}</span>
      </header>
      <div ref={box} class="chart-box">
        <ProblemNote error={reads.error} />
        {data && !data.length && <p class="muted">None of these runs logged this series.</p>}
        {model && data && data.length > 0 && (
          <SeriesChart
            title={label ? `${series.name} ${label}` : series.name}
            model={model}
            log={options.log}
            hidden={hidden}
            xRange={xRange}
            height={280}
            onZoom={(range) => {
              if (!range) return onZoom(null);
              const steps = stepRange(data as SeriesData[], options.axis, range[0], range[1]);
              if (steps) onZoom(steps);
            }}
          />
        )}
      </div>
    </section>
  );
}

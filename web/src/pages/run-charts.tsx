// The run page's charts: one per metric name, its contexts overlaid, each series downsampled to
// the chart's width with its min–max band. A metric whose series hold one point each (a final
// score such as sklearn's training_accuracy_score) is no line: it shows as its value and step. A zoom (shared by every chart, kept in the URL as
// from/to steps) re-fetches that step range, at full resolution once it spans fewer points than
// pixels.
import { useMemo, useRef, useState } from "preact/hooks";
import { readSeries, type SeriesData } from "../api/series.ts";
import type { SeriesSummary } from "../api/types.ts";
import { contextKey } from "../api/wire.ts";
import { joinedModel, type LineSpec } from "../charts/chart-model.ts";
import { colorAt } from "../charts/palette.ts";
import { SeriesChart } from "../charts/series-chart.tsx";
import { useWidth } from "../charts/use-width.ts";
import { stepRange } from "../charts/x-axis.ts";
import type { ChartOptions } from "../components/chart-options.tsx";
import { Legend } from "../components/legend.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { contextLabel, formatNumber } from "../format.ts";
import { useAsync } from "../use-async.ts";

export interface Zoom {
  from?: number;
  to?: number;
}

/** System metrics (CPU, memory, GPU…) are series named `system/…`: shown in their own view. */
export const isSystemSeries = (s: SeriesSummary) => s.name.startsWith("system/");

function byMetricName(series: SeriesSummary[]): SeriesSummary[][] {
  const groups = new Map<string, SeriesSummary[]>();
  for (const s of series) {
    const list = groups.get(s.name) ?? [];
    list.push(s);
    groups.set(s.name, list);
  }
  return [...groups.values()];
}

/** A chart per metric name of `series`, sharing the options and the zoom; single points as values. */
export function MetricChartGrid({ series, ...rest }: Props) {
  const groups = byMetricName(series);
  const single = groups.filter((named) => named.every((s) => s.count <= 1));
  const charted = groups.filter((named) => named.some((s) => s.count > 1));
  return (
    <>
      {single.length > 0 && (
        <div class="single-points">
          {single.map((named) => (
            <SinglePoints key={named[0].name} series={named} />
          ))}
        </div>
      )}
      <div class="chart-grid">
        {charted.map((named) => (
          <MetricChart key={named[0].name} series={named} {...rest} />
        ))}
      </div>
    </>
  );
}

/** A metric of one point per series: each context's value and the step it was logged at. */
function SinglePoints({ series }: { series: SeriesSummary[] }) {
  return (
    <section class="single-point" data-metric={series[0].name}>
      <h3>{series[0].name}</h3>
      {series.map((s) => (
        <p key={contextKey(s.context)}>
          {contextLabel(s.context) && <span class="context">{contextLabel(s.context)}</span>}
          <span class="value">{s.last === null ? "—" : formatNumber(typeof s.last === "number" ? s.last : Number(s.last))}</span>
          {s.last_step !== null && <span class="muted step">step {s.last_step.toLocaleString("en")}</span>}
        </p>
      ))}
    </section>
  );
}

interface Props {
  repo: string;
  run: string;
  /** All the series of one metric name (one per context). */
  series: SeriesSummary[];
  options: ChartOptions;
  zoom: Zoom;
  onZoom(zoom: Zoom | null): void;
}

export function MetricChart({ repo, run, series, options, zoom, onZoom }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const name = series[0].name;
  // Changes when a live run logs more points, so its chart refreshes.
  const version = series.map((s) => `${s.count}:${s.last_step}`).join(",");
  const reads = useAsync(
    async (signal) => (width ? Promise.all(series.map((s) => readSeries(repo, run, s.name, s.context, width, zoom, signal))) : null),
    [repo, run, name, width, zoom.from, zoom.to, version],
  );
  const specs = useMemo<LineSpec[]>(
    () => series.map((s, i) => ({ key: contextKey(s.context), label: contextLabel(s.context) || name, color: colorAt(i), band: true })),
    [series.map((s) => contextKey(s.context)).join("|")],
  );
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const data = reads.data;
  const model = useMemo(() => data && joinedModel(data, specs, options), [data, specs, options.axis, options.smoothing, options.log]);
  const xRange = useMemo<[number, number] | null>(
    () => (options.axis === "step" && zoom.from !== undefined && zoom.to !== undefined ? [zoom.from, zoom.to] : null),
    [options.axis, zoom.from, zoom.to],
  );

  return (
    <section class="chart-card" data-metric={name}>
      <header>
        <h3>
          {name} {series.length === 1 && contextLabel(series[0].context) && <span class="context">{contextLabel(series[0].context)}</span>}
        </h3>
        <span class="muted">{summaryLine(series)}</span>
      </header>
      {series.length > 1 && (
        <Legend
          specs={specs}
          hidden={hidden}
          onToggle={(key) => {
            const next = new Set(hidden);
            if (!next.delete(key)) next.add(key);
            setHidden(next);
          }}
        />
      )}
      <div ref={box} class="chart-box">
        <ProblemNote error={reads.error} />
        {model && (
          <SeriesChart
            title={series.length === 1 && contextLabel(series[0].context) ? `${name} ${contextLabel(series[0].context)}` : name}
            model={model}
            log={options.log}
            hidden={hidden}
            xRange={xRange}
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

function summaryLine(series: SeriesSummary[]): string {
  const points = series.reduce((n, s) => n + s.count, 0);
  const last =
    series.length === 1 && series[0].last !== null
      ? ` · last ${formatNumber(typeof series[0].last === "number" ? series[0].last : Number(series[0].last))}`
      : "";
  return `${points.toLocaleString("en")} points${last}`;
}

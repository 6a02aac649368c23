// The controls every chart page shares: what is on x, log scale, smoothing. All in the URL.
// The compare page also offers relative time (`x=relative`) and another metric
// (`x=metric:<name>`): both need what only it reads (each run's first point, a second series).
import type { XAxis } from "../charts/x-axis.ts";
import type { QueryPatch } from "../url-state.ts";

export interface ChartOptions {
  axis: XAxis;
  /** The metric on x when `axis` is "metric". */
  xMetric: string;
  log: boolean;
  smoothing: number;
}

const METRIC_X = "metric:";

export function chartOptionsOf(query: Record<string, string>, compare = false): ChartOptions {
  const x = query.x ?? "";
  const xMetric = compare && x.startsWith(METRIC_X) ? x.slice(METRIC_X.length) : "";
  const axis = xMetric ? "metric" : x === "epoch" || x === "time" || (compare && x === "relative") ? x : "step";
  const smoothing = Math.min(0.99, Math.max(0, Number(query.smooth) || 0));
  return { axis, xMetric, log: query.log === "1", smoothing };
}

export function ChartOptionsBar({
  options,
  onChange,
  xMetrics,
  children,
}: {
  options: ChartOptions;
  onChange(patch: QueryPatch, push?: boolean): void;
  /** The compare page's metrics offered as x; absent offers step, epoch and time only. */
  xMetrics?: string[];
  children?: preact.ComponentChildren;
}) {
  const current = options.axis === "metric" ? METRIC_X + options.xMetric : options.axis;
  const metrics = xMetrics && options.xMetric && !xMetrics.includes(options.xMetric) ? [options.xMetric, ...xMetrics] : xMetrics;
  return (
    <div class="toolbar chart-options">
      <label>
        x-axis{" "}
        <select value={current} onChange={(e) => onChange({ x: e.currentTarget.value === "step" ? null : e.currentTarget.value, from: null, to: null })}>
          <option value="step">step</option>
          <option value="epoch">epoch</option>
          <option value="time">time</option>
          {metrics && <option value="relative">relative time</option>}
          {metrics?.map((m) => (
            <option key={m} value={METRIC_X + m}>
              metric {m}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={options.log} onChange={(e) => onChange({ log: e.currentTarget.checked })} /> log scale
      </label>
      <label class="smoothing">
        smoothing
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={options.smoothing}
          onInput={(e) => onChange({ smooth: Number(e.currentTarget.value) || null }, false)}
        />
        <output>{options.smoothing.toFixed(2)}</output>
      </label>
      {children}
    </div>
  );
}

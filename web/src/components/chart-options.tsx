// The controls every chart page shares: what is on x, log scale, smoothing. All in the URL.
import type { XAxis } from "../charts/x-axis.ts";
import type { QueryPatch } from "../url-state.ts";

export interface ChartOptions {
  axis: XAxis;
  log: boolean;
  smoothing: number;
}

export function chartOptionsOf(query: Record<string, string>): ChartOptions {
  const axis = query.x === "epoch" || query.x === "time" ? query.x : "step";
  const smoothing = Math.min(0.99, Math.max(0, Number(query.smooth) || 0));
  return { axis, log: query.log === "1", smoothing };
}

export function ChartOptionsBar({
  options,
  onChange,
  children,
}: {
  options: ChartOptions;
  onChange(patch: QueryPatch, push?: boolean): void;
  children?: preact.ComponentChildren;
}) {
  return (
    <div class="toolbar chart-options">
      <label>
        x-axis{" "}
        <select value={options.axis} onChange={(e) => onChange({ x: e.currentTarget.value === "step" ? null : e.currentTarget.value, from: null, to: null })}>
          <option value="step">step</option>
          <option value="epoch">epoch</option>
          <option value="time">time</option>
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

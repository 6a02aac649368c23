import type { LineSpec } from "../charts/chart-model.ts";

/** A short line in a colour and dash, as the chart strokes it. */
export function DashSwatch({ color, dash }: { color: string; dash?: readonly number[] }) {
  return (
    <svg class="dash-swatch" width="22" height="6" aria-hidden="true" data-dash={dash?.join(" ") ?? ""}>
      <line x1="0" y1="3" x2="22" y2="3" stroke={color} stroke-width="2" stroke-dasharray={dash?.length ? dash.join(" ") : undefined} />
    </svg>
  );
}

/** The lines of a chart (or of every chart on a page); a click switches one off or on. */
export function Legend({ specs, hidden, onToggle }: { specs: LineSpec[]; hidden: ReadonlySet<string>; onToggle(key: string): void }) {
  return (
    <ul class="legend">
      {specs.map((s) => (
        <li key={s.key}>
          <button
            type="button"
            class={hidden.has(s.key) ? "off" : ""}
            aria-pressed={!hidden.has(s.key)}
            onClick={() => onToggle(s.key)}
            title={hidden.has(s.key) ? "show" : "hide"}
          >
            {s.dash ? <DashSwatch color={s.color} dash={s.dash} /> : <i style={{ background: s.color }} />}
            {s.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

import type { LineSpec } from "../charts/chart-model.ts";

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
            <i style={{ background: s.color }} />
            {s.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

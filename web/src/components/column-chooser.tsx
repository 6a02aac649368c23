// Chooses the runs table's extra columns from what the repo holds: params, values, series
// summaries (each series by aggregation) and key/value tags, or any field typed in filter syntax.
import { useRef, useState } from "preact/hooks";
import { listColumns } from "../api/endpoints.ts";
import { AGGREGATIONS, metricColumn, valueColumn } from "../columns.ts";
import { contextLabel } from "../format.ts";
import { useAsync } from "../use-async.ts";
import { ProblemNote } from "./problem-note.tsx";
import { useEscape } from "./use-escape.ts";

interface Props {
  repo: string;
  columns: string[];
  onChange(columns: string[]): void;
  /** The button's name: "Columns" in the runs table, "Axes" in the parallel coordinates. */
  label?: string;
}

export function ColumnChooser(props: Props) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useEscape(open, () => setOpen(false), opener);
  return (
    <div class="popover-anchor">
      <button ref={opener} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {props.label ?? "Columns"} ▾
      </button>
      {open && <ColumnPanel {...props} onClose={() => setOpen(false)} />}
    </div>
  );
}

function ColumnPanel({ repo, columns, onChange, onClose }: Props & { onClose(): void }) {
  const catalog = useAsync((signal) => listColumns(repo, signal), [repo]);
  const [typed, setTyped] = useState("");
  const chosen = new Set(columns);
  const toggle = (text: string) => onChange(chosen.has(text) ? columns.filter((c) => c !== text) : [...columns, text]);
  const check = (text: string, label: string) => (
    <label key={text} class="check">
      <input type="checkbox" checked={chosen.has(text)} onChange={() => toggle(text)} /> {label}
    </label>
  );
  const c = catalog.data;
  return (
    <div class="popover column-panel" role="dialog" aria-label="Columns">
      <div class="popover-head">
        <strong>Columns</strong>
        <button type="button" class="link" onClick={onClose}>
          close
        </button>
      </div>
      <form
        class="column-add"
        onSubmit={(e) => {
          e.preventDefault();
          const text = typed.trim();
          if (text && !chosen.has(text)) onChange([...columns, text]);
          setTyped("");
        }}
      >
        <input
          placeholder={'any field, e.g. metrics.acc{subset:"val"}.max'}
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
          spellcheck={false}
        />
        <button type="submit">Add</button>
      </form>
      <ProblemNote error={catalog.error} />
      {!c && catalog.loading && <p class="muted">Loading…</p>}
      {c && (
        <div class="column-groups">
          <section>
            <h4>Params</h4>
            {c.params.length ? c.params.map((p) => check(p, p.slice("params.".length))) : <p class="muted">none</p>}
          </section>
          <section>
            <h4>Values</h4>
            {c.values.length ? c.values.map((v) => check(valueColumn(v.name, v.context), `${v.name} ${contextLabel(v.context)}`)) : <p class="muted">none</p>}
          </section>
          <section>
            <h4>Series</h4>
            {c.metrics.length ? (
              c.metrics.map((m) => (
                <div key={m.name + JSON.stringify(m.context)} class="metric-choice">
                  <span>
                    {m.name} <span class="muted">{contextLabel(m.context)}</span>
                  </span>
                  <span class="aggs">
                    {AGGREGATIONS.map((agg) => {
                      const text = metricColumn(m.name, m.context, agg);
                      return (
                        <button
                          type="button"
                          key={agg}
                          class={chosen.has(text) ? "chip on" : "chip"}
                          aria-pressed={chosen.has(text)}
                          onClick={() => toggle(text)}
                        >
                          {agg}
                        </button>
                      );
                    })}
                  </span>
                </div>
              ))
            ) : (
              <p class="muted">none</p>
            )}
          </section>
          {c.tag_values.length > 0 && (
            <section>
              <h4>Key/value tags</h4>
              {c.tag_values.map((t) => check(t, t.slice("tag_values.".length)))}
            </section>
          )}
        </div>
      )}
    </div>
  );
}

import { useEffect, useRef, useState } from "preact/hooks";
import { useEscape } from "./use-escape.ts";

interface Props {
  label: string;
  paths: string[];
  chosen: string[];
  onChange(paths: string[]): void;
  /** Opens the list each time it changes (a link elsewhere on the page, e.g. "change"); 0: never. */
  openRequest?: number;
}

/** A button opening a checkbox list: which params to group by, which series to chart. */
export function PathPicker({ label, paths, chosen, onChange, openRequest = 0 }: Props) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useEscape(open, () => setOpen(false), opener);
  useEffect(() => {
    if (openRequest) setOpen(true);
  }, [openRequest]);
  const set = new Set(chosen);
  return (
    <div class="popover-anchor">
      <button ref={opener} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label}
        {chosen.length ? `: ${chosen.length === 1 ? chosen[0] : `${chosen.length} chosen`}` : ""} ▾
      </button>
      {open && (
        <div class="popover path-panel" role="dialog" aria-label={label}>
          <div class="popover-head">
            <strong>{label}</strong>
            <button type="button" class="link" onClick={() => setOpen(false)}>
              close
            </button>
          </div>
          {paths.length ? (
            paths.map((p) => (
              <label key={p} class="check">
                <input type="checkbox" checked={set.has(p)} onChange={() => onChange(set.has(p) ? chosen.filter((x) => x !== p) : [...chosen, p])} /> {p}
              </label>
            ))
          ) : (
            <p class="muted">nothing to choose</p>
          )}
        </div>
      )}
    </div>
  );
}

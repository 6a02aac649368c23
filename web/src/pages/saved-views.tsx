// The repo's saved views of the runs table, kept by the server and shared by everyone using
// the repo: apply one, save the table's current state under a name (a name in use is
// replaced), delete one.
import { useRef, useState } from "preact/hooks";
import { deleteView, listViews, putView } from "../api/endpoints.ts";
import type { ViewState } from "../api/types.ts";
import { ProblemNote } from "../components/problem-note.tsx";
import { useEscape } from "../components/use-escape.ts";
import { useAsync } from "../use-async.ts";

interface Props {
  repo: string;
  current: ViewState;
  onApply(state: ViewState): void;
}

export function SavedViews({ repo, current, onApply }: Props) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useEscape(open, () => setOpen(false), opener);
  const [version, setVersion] = useState(0);
  const [name, setName] = useState("");
  const [error, setError] = useState<unknown>(null);
  const views = useAsync((signal) => listViews(repo, signal), [repo, version]);
  const act = async (request: () => Promise<unknown>) => {
    setError(null);
    try {
      await request();
      setVersion((v) => v + 1);
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const items = views.data?.items ?? [];
  return (
    <div class="popover-anchor">
      <button type="button" ref={opener} aria-expanded={open} onClick={() => setOpen(!open)}>
        Views ▾
      </button>
      {open && (
        <div class="popover views-panel" role="dialog" aria-label="Saved views">
          <div class="popover-head">
            <strong>Saved views</strong>
            <button type="button" class="link" onClick={() => setOpen(false)}>
              close
            </button>
          </div>
          <ProblemNote error={views.error} />
          {views.data && !items.length && <p class="muted">No saved views in this repo yet.</p>}
          <ul class="view-list">
            {items.map((v) => (
              <li key={v.name}>
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    onApply(v.state);
                    setOpen(false);
                  }}
                >
                  {v.name}
                </button>
                <button type="button" class="remove-col" aria-label={`Delete view ${v.name}`} onClick={() => act(() => deleteView(repo, v.name))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <form
            class="view-save"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await act(() => putView(repo, name.trim(), current))) setName("");
            }}
          >
            <input placeholder="name" aria-label="View name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit" disabled={!name.trim()}>
              Save current view
            </button>
          </form>
          <ProblemNote error={error} />
        </div>
      )}
    </div>
  );
}

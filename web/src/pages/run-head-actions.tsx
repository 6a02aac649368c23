// The run page's title and what its head offers beyond archiving: rename (the run's `name`;
// an empty name shows the id) and delete, after a confirmation, then back to the runs table as
// it was left (table-link.ts).
import { useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { deleteRun } from "../api/endpoints.ts";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { useEscape } from "../components/use-escape.ts";
import { tableHref } from "../table-link.ts";

interface TitleProps {
  name: string;
  id: string;
  /** Saves the name; false when the server refused it (the field stays open). */
  onRename(name: string): Promise<boolean>;
}

export function RunTitle({ name, id, onRename }: TitleProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEscape(draft !== null, () => setDraft(null), opener);
  if (draft === null) {
    return (
      <>
        <h1>{name || id}</h1>
        <button type="button" class="link" ref={opener} onClick={() => setDraft(name)}>
          Rename
        </button>
      </>
    );
  }
  return (
    <form
      class="rename"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onRename(draft.trim())) setDraft(null);
      }}
    >
      {/* biome-ignore lint/a11y/noAutofocus: the field the Rename click asked for */}
      <input aria-label="Run name" placeholder={id} value={draft} autoFocus onInput={(e) => setDraft(e.currentTarget.value)} />
      <button type="submit" class="primary">
        Save
      </button>
      <button type="button" onClick={() => setDraft(null)}>
        Cancel
      </button>
    </form>
  );
}

export function DeleteRunButton({ repo, id, title }: { repo: string; id: string; title: string }) {
  const location = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button type="button" class="danger" onClick={() => setConfirming(true)}>
        Delete…
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete run ${title}?`}
          confirmLabel="Delete run"
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              await deleteRun(repo, id);
              location.route(tableHref(repo));
            } catch (err) {
              setConfirming(false);
              setError(err);
            }
          }}
        >
          <p>Its params, values, series, logs and artifacts are deleted with it. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      <ProblemNote error={error} />
    </>
  );
}

// Acting on the runs selected in the runs table: archive, unarchive, add or remove a tag, and
// delete after a confirmation naming how many. One request per run (the PATCH and DELETE a
// single run takes), a few at a time; a run that fails is reported by id with the server's
// reason, and the others are still done.
import { useState } from "preact/hooks";
import { deleteRun, patchRun } from "../api/endpoints.ts";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";

// Requests in flight at once: enough to make a 200-run action quick, few enough to leave the
// server's other users room.
const PARALLEL = 4;

interface Failure {
  id: string;
  message: string;
}

/** Runs `act` on every id, PARALLEL at a time; the ids it failed on, with why. */
async function eachRun(ids: string[], act: (id: string) => Promise<unknown>): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      try {
        await act(id);
      } catch (err) {
        failures.push({ id, message: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, ids.length) }, worker));
  return failures;
}

const runs = (n: number) => `${n} run${n === 1 ? "" : "s"}`;

interface Props {
  repo: string;
  selected: string[];
  /** After an action: the ids it deleted (to leave the selection), and the list needs reading again. */
  onDone(deleted: string[]): void;
}

export function BulkActions({ repo, selected, onDone }: Props) {
  const [tag, setTag] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ done: string; failures: Failure[] } | null>(null);

  const apply = async (verb: string, act: (id: string) => Promise<unknown>, deletes = false) => {
    const ids = [...selected];
    setBusy(true);
    setReport(null);
    const failures = await eachRun(ids, act);
    const failed = new Set(failures.map((f) => f.id));
    const done = ids.filter((id) => !failed.has(id));
    setBusy(false);
    setReport({ done: `${verb} ${runs(done.length)}.`, failures });
    onDone(deletes ? done : []);
  };
  const tagged = tag.trim();
  const reported = report && (
    <div class={report.failures.length ? "problem" : "bulk-report"} role="status">
      {report.done}
      {report.failures.length > 0 && (
        <>
          {` ${runs(report.failures.length)} failed:`}
          <ul>
            {report.failures.map((f) => (
              <li key={f.id}>
                <code>{f.id}</code>: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
  // With nothing selected (after a delete) only the last report stays.
  if (!selected.length) return reported || null;

  return (
    <fieldset class="bulk-actions" aria-label="Selected runs">
      <span class="muted">{runs(selected.length)} selected:</span>
      <button type="button" disabled={busy} onClick={() => apply("Archived", (id) => patchRun(repo, id, { archived: true }))}>
        Archive
      </button>
      <button type="button" disabled={busy} onClick={() => apply("Unarchived", (id) => patchRun(repo, id, { archived: false }))}>
        Unarchive
      </button>
      <input class="bulk-tag" placeholder="tag" aria-label="Tag for the selected runs" value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
      <button type="button" disabled={busy || !tagged} onClick={() => apply(`Tagged "${tagged}" on`, (id) => patchRun(repo, id, { tags: { add: [tagged] } }))}>
        Add tag
      </button>
      <button
        type="button"
        disabled={busy || !tagged}
        onClick={() => apply(`Removed "${tagged}" from`, (id) => patchRun(repo, id, { tags: { remove: [tagged] } }))}
      >
        Remove tag
      </button>
      <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
        Delete…
      </button>
      {busy && <span class="muted">Working…</span>}
      {reported}
      {confirming && (
        <ConfirmDialog
          title={`Delete ${runs(selected.length)}?`}
          confirmLabel={`Delete ${runs(selected.length)}`}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            apply("Deleted", (id) => deleteRun(repo, id), true);
          }}
        >
          <p>Their params, values, series, logs and artifacts are deleted with them. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </fieldset>
  );
}

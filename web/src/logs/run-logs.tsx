// The run page's Logs view: the run's captured stdout/stderr, the last lines first with
// "earlier" above them, a search (the server's `q`, hits marked), a stream choice, following
// while the run is running (scrolled along while the reader is at the bottom), a jump to the
// first error and a download of the selection as text. Search and stream live in the URL.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { fetchLogsText, type LogQuery, logsTextUrl } from "../api/logs.ts";
import { ProblemNote } from "../components/problem-note.tsx";
import { saveBlob } from "../save-file.ts";
import { isErrorLine, LogLineView } from "./log-line.tsx";
import { FOLLOW_MS, useLogs } from "./use-logs.ts";

interface Props {
  repo: string;
  run: string;
  running: boolean;
  /** The search text and stream (`logq`, `stream` in the URL). */
  q: string;
  stream: string;
  onSelect(patch: { logq?: string | null; stream?: string | null }): void;
}

const asStream = (s: string): LogQuery["stream"] => (s === "stdout" || s === "stderr" ? s : undefined);

export function RunLogs({ repo, run, running, q, stream, onSelect }: Props) {
  const selection = { q: q || undefined, stream: asStream(stream) };
  const [followOn, setFollowOn] = useState(true);
  const logs = useLogs(repo, run, selection, running && followOn);
  const box = useRef<HTMLDivElement>(null);
  // Whether the reader is at the bottom (then new lines scroll into view), and the height
  // before earlier lines are put above (then the view stays on the same lines).
  const atBottom = useRef(true);
  const heightBeforeEarlier = useRef<number | null>(null);
  const [jumped, setJumped] = useState<number | null>(null);
  const [draft, setDraft] = useState(q);
  const [saving, setSaving] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (heightBeforeEarlier.current !== null) {
      el.scrollTop += el.scrollHeight - heightBeforeEarlier.current;
      heightBeforeEarlier.current = null;
    } else if (atBottom.current) el.scrollTop = el.scrollHeight;
  }, [logs.lines]);

  const jumpToError = () => {
    const first = logs.lines.find(isErrorLine);
    if (!first) return setJumped(-1);
    setJumped(first.seq);
    atBottom.current = false;
    box.current?.querySelector(`[data-seq="${first.seq}"]`)?.scrollIntoView({ block: "center" });
  };

  const download = async (e: Event) => {
    e.preventDefault();
    if (saving.busy) return;
    setSaving({ busy: true, error: null });
    try {
      saveBlob(await fetchLogsText(repo, run, selection), `${run}-logs.txt`);
      setSaving({ busy: false, error: null });
    } catch (error) {
      setSaving({ busy: false, error });
    }
  };

  return (
    <section class="run-logs">
      <div class="toolbar log-toolbar">
        <form
          class="log-search"
          onSubmit={(e) => {
            e.preventDefault();
            onSelect({ logq: draft || null });
          }}
        >
          <input
            type="search"
            name="logq"
            placeholder="Search the logs"
            aria-label="Search the logs"
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit">Search</button>
          {q && (
            <button
              type="button"
              class="link"
              onClick={() => {
                setDraft("");
                onSelect({ logq: null });
              }}
            >
              clear
            </button>
          )}
        </form>
        <label>
          stream{" "}
          <select value={stream || "all"} onChange={(e) => onSelect({ stream: e.currentTarget.value === "all" ? null : e.currentTarget.value })}>
            <option value="all">both</option>
            <option value="stdout">stdout</option>
            <option value="stderr">stderr</option>
          </select>
        </label>
        {running && (
          <label class="check" title={`polls every ${FOLLOW_MS / 1000} s`}>
            <input type="checkbox" checked={followOn} onChange={(e) => setFollowOn(e.currentTarget.checked)} /> follow
          </label>
        )}
        <span class="spacer" />
        <button type="button" onClick={jumpToError} disabled={!logs.lines.length}>
          Jump to first error
        </button>
        <a class="button download" href={logsTextUrl(repo, run, selection)} download={`${run}-logs.txt`} aria-busy={saving.busy} onClick={download}>
          {saving.busy ? "Downloading…" : "Download"}
        </a>
      </div>
      <ProblemNote error={logs.error ?? saving.error} />
      {jumped === -1 && <p class="muted">No error among the lines shown{logs.hasEarlier ? " (earlier lines are not loaded)" : ""}.</p>}
      {logs.hasEarlier && (
        <button
          type="button"
          class="log-earlier"
          onClick={() => {
            heightBeforeEarlier.current = box.current?.scrollHeight ?? null;
            void logs.loadEarlier();
          }}
        >
          Load earlier lines
        </button>
      )}
      <div
        ref={box}
        class="log-box"
        aria-busy={logs.loading}
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
        }}
      >
        {logs.lines.map((line) => (
          <LogLineView key={line.seq} line={line} q={q} jumped={line.seq === jumped} />
        ))}
        {!logs.loading && !logs.lines.length && <p class="empty">{q || stream ? "No line matches." : "This run has no captured output."}</p>}
      </div>
      <p class="muted hint">
        {logs.lines.length.toLocaleString("en")} line{logs.lines.length === 1 ? "" : "s"} shown
        {running && followOn ? " · following" : ""}
      </p>
    </section>
  );
}

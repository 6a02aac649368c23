// The lines a run's Logs view holds, and how they grow: first the last TAIL lines of the
// selection (stream, substring), then "earlier" reads the first TAIL of a tail TAIL longer and
// keeps what comes before the first line held (the API has `after=` and `tail=`, no "before"),
// and while following, every FOLLOW_MS the lines after the last one held are appended (a page
// at a time until the server says there are none after).
import { useEffect, useRef, useState } from "preact/hooks";
import { type LogLine, type LogQuery, readLogs } from "../api/logs.ts";

export const TAIL = 1000;
export const FOLLOW_MS = 2000;
const FOLLOW_LIMIT = 10_000;

export interface LogsState {
  lines: LogLine[];
  error: unknown;
  loading: boolean;
  /** The selection may hold lines before the first one held. */
  hasEarlier: boolean;
  loadEarlier(): Promise<void>;
}

type Selection = Pick<LogQuery, "stream" | "q">;

export function useLogs(repo: string, run: string, selection: Selection, follow: boolean): LogsState {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [hasEarlier, setHasEarlier] = useState(false);
  // What the pollers read: the lines as last set, and whether the first read has come back.
  const held = useRef<{ lines: LogLine[]; ready: boolean }>({ lines: [], ready: false });
  const [generation, setGeneration] = useState(0);
  const hold = (next: LogLine[]) => {
    held.current.lines = next;
    setLines(next);
  };

  useEffect(() => {
    const abort = new AbortController();
    held.current = { lines: [], ready: false };
    setLoading(true);
    setError(null);
    readLogs(repo, run, { ...selection, tail: TAIL }, abort.signal).then(
      (page) => {
        if (abort.signal.aborted) return;
        hold(page.items);
        setHasEarlier(page.items.length >= TAIL && page.items[0].seq > 0);
        held.current.ready = true;
        setLoading(false);
        setGeneration((g) => g + 1);
      },
      (err) => {
        if (abort.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => abort.abort();
  }, [repo, run, selection.stream, selection.q]);

  // Each change of `follow` (and each fresh first read) catches up once: a run that has just
  // ended gets the lines it wrote after the last poll.
  useEffect(() => {
    const abort = new AbortController();
    let busy = false;
    const poll = async () => {
      const h = held.current;
      if (!h.ready || busy) return;
      busy = true;
      try {
        for (;;) {
          const after = h.lines.at(-1)?.seq;
          const page = await readLogs(repo, run, { ...selection, after, limit: FOLLOW_LIMIT }, abort.signal);
          if (abort.signal.aborted || held.current !== h) return;
          const fresh = page.items.filter((l) => after === undefined || l.seq > after);
          if (fresh.length) hold([...h.lines, ...fresh]);
          if (page.next_after === null || !fresh.length) break;
        }
        setError(null);
      } catch (err) {
        if (!abort.signal.aborted) setError(err);
      } finally {
        busy = false;
      }
    };
    if (generation === 0) return;
    void poll();
    if (!follow) return () => abort.abort();
    const id = setInterval(poll, FOLLOW_MS);
    return () => {
      clearInterval(id);
      abort.abort();
    };
  }, [follow, generation]);

  const loadEarlier = async () => {
    const h = held.current;
    const first = h.lines[0];
    if (!first) return;
    try {
      // The first TAIL of a tail TAIL longer than what is held: the lines just before it (fewer
      // when the run has written more since, never a gap).
      const page = await readLogs(repo, run, { ...selection, tail: h.lines.length + TAIL, limit: TAIL });
      if (held.current !== h) return;
      const before = page.items.filter((l) => l.seq < first.seq);
      hold([...before, ...held.current.lines]);
      // Lines are numbered from 0: a window starting there, or bringing nothing, is the start.
      setHasEarlier(before.length > 0 && before[0].seq > 0);
    } catch (err) {
      setError(err);
    }
  };

  return { lines, error, loading, hasEarlier, loadEarlier };
}

import { useEffect, useState } from "preact/hooks";

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * Runs `load` whenever `deps` change, aborting the previous run. The last data stays shown
 * while the next loads, so a refresh never blanks the page.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(abort.signal).then(
      (data) => !abort.signal.aborted && setState({ data, error: undefined, loading: false }),
      (error) => !abort.signal.aborted && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => abort.abort();
  }, deps);
  return state;
}

/** Calls `tick` every `ms` while `enabled`. */
export function useInterval(tick: () => void, ms: number, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  }, [enabled, ms]);
}

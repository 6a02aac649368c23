// The head both explorers (params, scatter) share: which runs they draw — the runs table's
// filter box and `filter` parameter, or the runs selected in the table (`runs=`) — how many
// were read, and the way to the other explorer and back to the table, keeping the scope.
import { FilterBox, filterErrorPosition } from "../components/filter-box.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import type { QueryPatch } from "../url-state.ts";
import type { AsyncState } from "../use-async.ts";
import { type ExplorerRuns, RUN_CAP } from "./explorer-data.ts";

type View = "params" | "scatter";
const TITLES: Record<View, string> = { params: "Parallel coordinates", scatter: "Scatter" };

/** `?filter=…&runs=…` of the current scope, for links between the views. */
export function scopeQuery(query: Record<string, string>): string {
  const qs = new URLSearchParams();
  if (query.filter) qs.set("filter", query.filter);
  if (query.runs) qs.set("runs", query.runs);
  const text = qs.toString();
  return text ? `?${text}` : "";
}

export function ExplorerScope({
  repo,
  view,
  query,
  setQuery,
  state,
}: {
  repo: string;
  view: View;
  query: Record<string, string>;
  setQuery(patch: QueryPatch): void;
  state: AsyncState<ExplorerRuns | undefined>;
}) {
  const base = `/repos/${encodeURIComponent(repo)}`;
  const filterError = filterErrorPosition(state.error);
  const data = state.data;
  const selected = (query.runs ?? "").split(",").filter(Boolean).length;
  return (
    <>
      <div class="page-head">
        <h1>{TITLES[view]}</h1>
        {(Object.keys(TITLES) as View[]).map((v) => (
          <a key={v} class={v === view ? "chip on" : "chip"} aria-current={v === view ? "page" : undefined} href={`${base}/${v}${scopeQuery(query)}`}>
            {TITLES[v]}
          </a>
        ))}
        <a class="chip" href={`${base}${query.filter ? `?filter=${encodeURIComponent(query.filter)}` : ""}`}>
          Runs table
        </a>
      </div>
      <FilterBox value={query.filter ?? ""} error={filterError} onSubmit={(text) => setQuery({ filter: text })} />
      <div class="toolbar explorer-scope">
        {state.loading && <span class="muted">Loading…</span>}
        {data && !filterError && (
          <span class="run-count">
            {data.capped
              ? `the first ${RUN_CAP.toLocaleString("en")} matching runs (more match: narrow the filter)`
              : `${data.runs.length.toLocaleString("en")} run${data.runs.length === 1 ? "" : "s"}`}
          </span>
        )}
        {selected > 0 && (
          <>
            <span class="muted">selected in the runs table</span>
            <button type="button" class="link" onClick={() => setQuery({ runs: null })}>
              show every matching run
            </button>
          </>
        )}
      </div>
      {data && data.notFound.length > 0 && (
        <p class="problem" role="alert">
          {data.notFound.length} selected run{data.notFound.length === 1 ? "" : "s"} not found among the first {RUN_CAP.toLocaleString("en")} matching:{" "}
          {data.notFound.join(", ")}
        </p>
      )}
      {!filterError && <ProblemNote error={state.error} />}
    </>
  );
}

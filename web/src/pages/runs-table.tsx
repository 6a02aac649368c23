// `/repos/{repo}`: the runs table. Filter (the filter language), sort by any column, extra
// columns from params, values and series summaries, archived toggle, cursor pages with the
// total count and a page size, a selection to compare or act on (runs-bulk-actions.tsx), the
// matching runs as CSV, saved views (saved-views.tsx), and nested runs (MLflow's) as a tree
// under their parent, opened one parent at a time (run-tree.ts). All of it is in the URL.
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { listCampaigns, listRuns, runsCsv } from "../api/endpoints.ts";
import type { Run, ViewState } from "../api/types.ts";
import { splitColumnList } from "../columns.ts";
import { ColumnChooser } from "../components/column-chooser.tsx";
import { FilterBox, filterErrorPosition } from "../components/filter-box.tsx";
import { Layout } from "../components/layout.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { failureText, formatDate, formatValue } from "../format.ts";
import { saveBlob } from "../save-file.ts";
import { useRememberedTable } from "../table-link.ts";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { treeRows } from "./run-tree.ts";
import { BulkActions } from "./runs-bulk-actions.tsx";
import { RunsPager } from "./runs-pager.tsx";
import { SavedViews } from "./saved-views.tsx";

const PAGE_SIZE = 100;
const pageSize = (text: string | undefined) => Math.min(1000, Math.max(1, Number(text) || PAGE_SIZE));
const SHOW_ARCHIVED = "archived in (true, false)";

const BUILTIN_COLUMNS: { label: string; sort?: string; cell(run: Run, repo: string): preact.ComponentChildren }[] = [
  { label: "Status", sort: "status", cell: (r) => <StatusBadge status={r.status} /> },
  { label: "Experiment", sort: "experiment", cell: (r) => r.experiment },
  {
    label: "Campaign",
    sort: "campaign",
    cell: (r, repo) => r.campaign && <a href={`/repos/${encodeURIComponent(repo)}/campaigns/${encodeURIComponent(r.campaign)}`}>{r.campaign}</a>,
  },
  {
    label: "Tags",
    cell: (r) =>
      r.tags.map((t) => (
        <span key={t} class="tag small">
          {t}
        </span>
      )),
  },
  { label: "Created", sort: "created_at", cell: (r) => <span class="date">{formatDate(r.created_at)}</span> },
  { label: "Ended", sort: "ended_at", cell: (r) => <span class="date">{formatDate(r.ended_at)}</span> },
  { label: "Failure", cell: (r) => <FailureCell text={failureText(r)} /> },
];

const FAILURE_CHARS = 60;

/** The failure cut to FAILURE_CHARS, the whole of it in the title. */
function FailureCell({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <span class="failure" title={text}>
      {text.length > FAILURE_CHARS ? `${text.slice(0, FAILURE_CHARS - 1)}…` : text}
    </span>
  );
}

function parseSort(sort: string | undefined): { field: string; desc: boolean } {
  const text = (sort ?? "").trim();
  const m = /^(.*?)\s+(asc|desc)$/i.exec(text);
  return m ? { field: m[1], desc: m[2].toLowerCase() === "desc" } : { field: text || "created_at", desc: false };
}

/** A field name that may wrap after its dots and before its context (long headers stay narrow). */
const breakable = (field: string) => field.split(/(?<=\.)|(?=\{)/).flatMap((part, i) => (i ? [<wbr key={i} />, part] : [part]));

export function RunsTable() {
  const { params } = useRoute();
  const repo = params.repo;
  const [query, setQuery] = useQueryState();
  useRememberedTable(repo);
  const filter = query.filter ?? "";
  const archived = query.archived === "1";
  const columns = splitColumnList(query.cols ?? "");
  const selected = new Set(listParam(query.sel));
  const open = new Set(listParam(query.open));
  const sort = parseSort(query.sort);
  // Archived runs are hidden unless the filter names `archived`; the toggle names it.
  const effectiveFilter = archived ? (filter ? `(${filter}) and ${SHOW_ARCHIVED}` : SHOW_ARCHIVED) : filter;
  const size = pageSize(query.limit);
  // Bumped after a bulk action, to read the page again.
  const [version, setVersion] = useState(0);
  const [csvError, setCsvError] = useState<unknown>(null);

  const runs = useAsync(
    (signal) => listRuns(repo, { filter: effectiveFilter, sort: query.sort, cursor: query.cursor, limit: size, columns }, signal),
    [repo, effectiveFilter, query.sort, query.cursor, query.cols, size, version],
  );
  const campaigns = useAsync((signal) => listCampaigns(repo, signal), [repo]);
  const filterError = filterErrorPosition(runs.error);
  // The wrapped filter puts one "(" before the person's text.
  if (filterError?.position != null && archived && filter) filterError.position = Math.max(0, Math.min(filter.length, filterError.position - 1));
  const items = filterError ? [] : (runs.data?.items ?? []);
  // Pages already seen under the current filter and sort, for "Previous": cursors only go
  // forward. A trail kept for another repo, filter, sort or page size reads as empty.
  const trailKey = `${repo}\u0000${effectiveFilter}\u0000${query.sort ?? ""}\u0000${size}`;
  const [trail, setTrail] = useState<{ key: string; cursors: string[] }>({ key: trailKey, cursors: [] });
  const cursors = trail.key === trailKey ? trail.cursors : [];

  // Where the page starts among all matching runs: kept in the URL (at=) beside the cursor.
  const start = Math.max(0, Number(query.at) || 0);

  const setSort = (field: string) => {
    const desc = sort.field === field ? !sort.desc : false;
    setQuery({ sort: `${field} ${desc ? "desc" : "asc"}`, cursor: null, at: null });
  };
  const sortMark = (field: string) => (sort.field === field ? (sort.desc ? " ▼" : " ▲") : "");
  const toggleRun = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setQuery({ sel: [...next].join(",") }, { push: false });
  };
  const toggleOpen = (id: string) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setQuery({ open: [...next].join(",") }, { push: false });
  };
  const rows = treeRows(items, open);
  const allOnPage = items.length > 0 && items.every((r) => selected.has(r.id));
  const togglePage = () => {
    const next = new Set(selected);
    for (const r of items)
      if (allOnPage) next.delete(r.id);
      else next.add(r.id);
    setQuery({ sel: [...next].join(",") }, { push: false });
  };
  const base = `/repos/${encodeURIComponent(repo)}`;
  // The explorers draw what the table shows: its filter (archived toggle included), or its selection.
  const scope = new URLSearchParams();
  if (effectiveFilter) scope.set("filter", effectiveFilter);
  if (selected.size) scope.set("runs", [...selected].join(","));
  const explorerScope = scope.size ? `?${scope}` : "";
  const view: ViewState = {
    ...(filter && { filter }),
    ...(query.sort && { sort: query.sort }),
    ...(columns.length && { columns }),
    ...([25, 50, 100, 200].includes(size) && size !== PAGE_SIZE && { page_size: size as ViewState["page_size"] }),
    ...(archived && { archived }),
  };
  const applyView = (state: ViewState) =>
    setQuery({
      filter: state.filter ?? null,
      sort: state.sort ?? null,
      cols: state.columns?.join(",") ?? null,
      limit: state.page_size ?? null,
      archived: state.archived ?? null,
      cursor: null,
      at: null,
    });
  const downloadCsv = async () => {
    setCsvError(null);
    try {
      saveBlob(await runsCsv(repo, { filter: effectiveFilter, sort: query.sort, columns }), `${repo}-runs.csv`);
    } catch (err) {
      setCsvError(err);
    }
  };

  return (
    <Layout crumbs={[{ label: repo }]} title={["runs", repo]}>
      <div class="page-head">
        <h1>{repo}</h1>
        <a class="chip" href={`${base}/models`}>
          Models
        </a>
        <a class="chip" href={`${base}/params${explorerScope}`}>
          Params
        </a>
        <a class="chip" href={`${base}/scatter${explorerScope}`}>
          Scatter
        </a>
        {campaigns.data && campaigns.data.items.length > 0 && (
          <div class="campaign-links">
            <span class="muted">Campaigns:</span>
            {campaigns.data.items.map((c) => (
              <a key={c.id} class="chip" href={`${base}/campaigns/${encodeURIComponent(c.id)}`}>
                {c.name} <span class="muted">{c.run_count}</span>
              </a>
            ))}
          </div>
        )}
      </div>
      <FilterBox value={filter} error={filterError} onSubmit={(text) => setQuery({ filter: text, cursor: null, at: null })} />
      <div class="toolbar">
        <SavedViews repo={repo} current={view} onApply={applyView} />
        <ColumnChooser repo={repo} columns={columns} onChange={(cols) => setQuery({ cols: cols.join(",") })} />
        <label class="check">
          <input type="checkbox" checked={archived} onChange={(e) => setQuery({ archived: e.currentTarget.checked, cursor: null, at: null })} /> show archived
        </label>
        <span class="spacer" />
        {runs.loading && <span class="muted">Loading…</span>}
        {selected.size > 0 && (
          <>
            <button type="button" class="link" onClick={() => setQuery({ sel: null }, { push: false })}>
              clear selection
            </button>
            <a class="button primary" href={`${base}/compare?runs=${[...selected].map(encodeURIComponent).join(",")}`}>
              Compare {selected.size} selected
            </a>
          </>
        )}
        {effectiveFilter && items.length > 0 && (
          <a class="button" href={`${base}/compare?filter=${encodeURIComponent(effectiveFilter)}`}>
            Compare all matching
          </a>
        )}
        <button type="button" disabled={!items.length} onClick={downloadCsv}>
          Download CSV
        </button>
      </div>
      <BulkActions
        repo={repo}
        selected={[...selected]}
        onDone={(deleted) => {
          if (deleted.length) setQuery({ sel: [...selected].filter((id) => !deleted.includes(id)).join(",") }, { push: false });
          setVersion((v) => v + 1);
        }}
      />
      <ProblemNote error={csvError} />
      {!filterError && <ProblemNote error={runs.error} />}
      <div class="table-scroll">
        <table class="data runs" aria-busy={runs.loading}>
          <thead>
            <tr>
              <th class="select">
                <input type="checkbox" aria-label="Select all runs on this page" checked={allOnPage} onChange={togglePage} />
              </th>
              <th>
                <button type="button" class="sort" onClick={() => setSort("name")}>
                  Run{sortMark("name")}
                </button>
              </th>
              {BUILTIN_COLUMNS.map((c) => (
                <th key={c.label}>
                  {c.sort ? (
                    <button type="button" class="sort" onClick={() => setSort(c.sort!)}>
                      {c.label}
                      {sortMark(c.sort)}
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
              {columns.map((c) => (
                <th key={c} class="num field">
                  <button type="button" class="sort" title={`Sort by ${c}`} onClick={() => setSort(c)}>
                    {breakable(c)}
                    {sortMark(c)}
                  </button>
                  <button
                    type="button"
                    class="remove-col"
                    aria-label={`Remove column ${c}`}
                    onClick={() => setQuery({ cols: columns.filter((x) => x !== c).join(",") })}
                  >
                    ×
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ run, depth, children }) => (
              <tr key={run.id} class={selected.has(run.id) ? "selected" : ""} data-depth={depth}>
                <td class="select">
                  <input type="checkbox" aria-label={`Select run ${run.name || run.id}`} checked={selected.has(run.id)} onChange={() => toggleRun(run.id)} />
                </td>
                <td class="run-name" style={depth ? { paddingLeft: `${0.5 + depth * 1.5}em` } : undefined}>
                  {children > 0 && (
                    <button
                      type="button"
                      class="tree-toggle"
                      aria-expanded={open.has(run.id)}
                      aria-label={`${open.has(run.id) ? "Hide" : "Show"} the ${children} nested run${children === 1 ? "" : "s"} of ${run.name || run.id}`}
                      onClick={() => toggleOpen(run.id)}
                    >
                      {open.has(run.id) ? "▾" : "▸"} {children}
                    </button>
                  )}
                  <a href={`${base}/runs/${encodeURIComponent(run.id)}`}>{run.name || run.id}</a>
                  {run.archived && <span class="badge archived">archived</span>}
                  {run.name && <div class="run-id">{run.id}</div>}
                  {depth === 0 && run.parent !== null && (
                    <div class="run-parent">
                      nested in <a href={`${base}/runs/${encodeURIComponent(run.parent)}`}>{run.parent}</a>
                    </div>
                  )}
                </td>
                {BUILTIN_COLUMNS.map((c) => (
                  <td key={c.label} class={c.label === "Tags" ? "tags" : undefined}>
                    {c.cell(run, repo)}
                  </td>
                ))}
                {columns.map((c) => (
                  <td key={c} class="num">
                    {formatValue(run.columns?.[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {runs.data && !filterError && !items.length && <p class="empty">{filter ? "No run matches this filter." : "No runs in this repo yet."}</p>}
      <RunsPager
        start={start}
        shown={items.length}
        total={filterError ? undefined : runs.data?.total}
        size={size}
        hasPrevious={Boolean(query.cursor)}
        hasNext={Boolean(runs.data?.next_cursor) && !filterError}
        onPrevious={() => {
          setTrail({ key: trailKey, cursors: cursors.slice(0, -1) });
          // Without the trail (after a reload) Previous goes back to the first page.
          setQuery({ cursor: cursors.at(-1) ?? null, at: cursors.length ? Math.max(0, start - size) || null : null });
        }}
        onNext={() => {
          setTrail({ key: trailKey, cursors: [...cursors, query.cursor ?? ""] });
          setQuery({ cursor: runs.data!.next_cursor, at: start + items.length });
        }}
        onSize={(n) => setQuery({ limit: n === PAGE_SIZE ? null : n, cursor: null, at: null })}
      />
    </Layout>
  );
}

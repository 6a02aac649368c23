// The run page's artifacts: first the strips of those logged per step (run-strips.tsx), then
// a page of them (the API's cursor; a prefix filter once there is more than a page), each with
// its download link, and below, the previews of those that have one (images, CSV, confusion
// matrices, text). The first few previews of artifacts without a step open by themselves (the
// strips show the others); the rest open from their row.
import { useEffect, useState } from "preact/hooks";
import { listArtifacts } from "../api/artifacts.ts";
import type { Artifact } from "../api/types.ts";
import { ProblemNote } from "../components/problem-note.tsx";
import { formatBytes, formatDate } from "../format.ts";
import { useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { DownloadLink } from "./download-link.tsx";
import { ArtifactPreview, previewKind } from "./previews.tsx";
import { RunStrips } from "./run-strips.tsx";

export const ARTIFACT_PAGE = 50;
const OPEN_BY_DEFAULT = 6;

export function RunArtifacts({ repo, run, refresh }: { repo: string; run: string; refresh: number }) {
  const [query, setQuery] = useQueryState();
  const prefix = query.aprefix ?? "";
  const cursor = query.acursor;
  // Pages seen before this one, for "Previous" (cursors only go forward).
  const [trail, setTrail] = useState<string[]>([]);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState(prefix);
  // Back and forward change the URL's prefix: the box follows.
  useEffect(() => setDraft(prefix), [prefix]);
  const page = useAsync((signal) => listArtifacts(repo, run, { prefix, cursor, limit: ARTIFACT_PAGE }, signal), [repo, run, prefix, cursor, refresh]);
  const items = page.data?.items ?? [];
  const previewable = items.filter((a) => previewKind(a));
  const openByDefault = new Set(
    previewable
      .filter((a) => a.step === null)
      .slice(0, OPEN_BY_DEFAULT)
      .map((a) => a.path),
  );
  const isOpen = (a: Artifact) => openByDefault.has(a.path) !== toggled.has(a.path);
  const toggle = (path: string) => setToggled((t) => (t.has(path) ? new Set([...t].filter((p) => p !== path)) : new Set([...t, path])));
  const many = Boolean(page.data?.next_cursor || prefix || cursor);

  const filter = (text: string) => {
    setTrail([]);
    setQuery({ aprefix: text, acursor: null }, { push: false });
  };

  return (
    <section class="artifacts" aria-labelledby="artifacts-title">
      <h2 id="artifacts-title">Artifacts</h2>
      <RunStrips repo={repo} run={run} refresh={refresh} />
      {many && (
        <form
          class="toolbar artifact-filter"
          onSubmit={(e) => {
            e.preventDefault();
            filter(draft.trim());
          }}
        >
          <label>
            path starts with <input name="aprefix" value={draft} placeholder="e.g. reports/" onInput={(e) => setDraft(e.currentTarget.value)} />
          </label>
          <button type="submit">Filter</button>
          {prefix && (
            <button
              type="button"
              onClick={() => {
                setDraft("");
                filter("");
              }}
            >
              Clear
            </button>
          )}
        </form>
      )}
      <ProblemNote error={page.error} />
      {page.data && !items.length && (
        <p class="empty">{prefix ? `No artifact path starts with “${prefix}”.` : "This run has no artifacts (files, figures, reports, confusion matrices)."}</p>
      )}
      {items.length > 0 && (
        <div class="table-scroll">
          <table class="data artifacts-table">
            <thead>
              <tr>
                <th>Path</th>
                <th>Content type</th>
                <th class="num">Size</th>
                <th>Created</th>
                <th>
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.path} data-path={a.path}>
                  <td class="artifact-path">
                    <code>{a.path}</code>
                  </td>
                  <td class="muted">{a.content_type}</td>
                  <td class="num" title={`${a.size.toLocaleString("en")} bytes`}>
                    {formatBytes(a.size)}
                  </td>
                  <td class="date">{formatDate(a.created_at)}</td>
                  <td class="actions">
                    <DownloadLink repo={repo} run={run} path={a.path} />
                    {previewKind(a) && (
                      <button type="button" class="link" aria-expanded={isOpen(a)} aria-controls={previewId(a.path)} onClick={() => toggle(a.path)}>
                        {isOpen(a) ? "Hide" : "Show"}
                        <span class="visually-hidden"> {a.path}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(cursor || page.data?.next_cursor) && (
        <div class="pager">
          {cursor && (
            <button
              type="button"
              onClick={() => {
                setQuery({ acursor: trail[trail.length - 1] || null }, { push: false });
                setTrail(trail.slice(0, -1));
              }}
            >
              ‹ Previous
            </button>
          )}
          <span class="muted">{items.length} artifacts on this page</span>
          {page.data?.next_cursor && (
            <button
              type="button"
              onClick={() => {
                setTrail([...trail, cursor ?? ""]);
                setQuery({ acursor: page.data!.next_cursor }, { push: false });
              }}
            >
              Next ›
            </button>
          )}
        </div>
      )}
      <div class="artifact-previews">
        {previewable.filter(isOpen).map((a) => (
          <article key={a.path} id={previewId(a.path)} class="chart-card artifact-card" data-path={a.path} aria-label={a.path}>
            <header>
              <h3>
                <code>{a.path}</code> <span class="context">{a.content_type}</span>
              </h3>
            </header>
            <ArtifactPreview repo={repo} run={run} artifact={a} />
          </article>
        ))}
      </div>
    </section>
  );
}

const previewId = (path: string) => `artifact-${encodeURIComponent(path)}`;

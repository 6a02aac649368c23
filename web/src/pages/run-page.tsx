// `/repos/{repo}/runs/{run}`: one run — status, failure, its parent run (MLflow's nested runs),
// name, tags, description and archived (editable), delete (run-head-actions.tsx), key/value tags (MLflow's), params, values, dataset inputs, provenance; its series as charts (the `system/…` ones in a view
// of their own) or its logs, one view at a time (`view=` in the URL); and its artifacts (images, CSV tables,
// confusion matrices shown; every one downloadable). A running run refreshes itself.
import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { getRun, patchRun, type RunPatch } from "../api/endpoints.ts";
import type { RunDetail } from "../api/types.ts";
import { RunArtifacts } from "../artifacts/run-artifacts.tsx";
import { ChartOptionsBar, chartOptionsOf } from "../components/chart-options.tsx";
import { JsonTree } from "../components/json-tree.tsx";
import { Layout, repoCrumb } from "../components/layout.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { TagsEditor } from "../components/tags-editor.tsx";
import { contextLabel, failureText, formatDate, formatDuration, formatValue } from "../format.ts";
import { RunLogs } from "../logs/run-logs.tsx";
import { useQueryState } from "../url-state.ts";
import { useAsync, useInterval } from "../use-async.ts";
import { isSystemSeries, MetricChartGrid, type Zoom } from "./run-charts.tsx";
import { DeleteRunButton, RunTitle } from "./run-head-actions.tsx";
import { RunInputs } from "./run-inputs.tsx";
import { RunModels } from "./run-models.tsx";
import { asRunView, RunViewTabs } from "./run-view-tabs.tsx";

const POLL_MS = 3000;

export function RunPage() {
  const { params } = useRoute();
  const { repo, run } = params;
  const [query, setQuery] = useQueryState();
  const [tick, setTick] = useState(0);
  const loaded = useAsync((signal) => getRun(repo, run, signal), [repo, run, tick]);
  const [detail, setDetail] = useState<RunDetail | undefined>();
  useEffect(() => setDetail(loaded.data), [loaded.data]);
  useInterval(() => setTick((t) => t + 1), POLL_MS, detail?.status === "running");
  const [saveError, setSaveError] = useState<unknown>(null);
  const options = chartOptionsOf(query);
  const zoom: Zoom = query.from !== undefined && query.to !== undefined ? { from: Number(query.from), to: Number(query.to) } : {};
  const base = `/repos/${encodeURIComponent(repo)}`;
  const view = asRunView(query.view);

  const save = async (patch: RunPatch) => {
    try {
      setSaveError(null);
      const updated = await patchRun(repo, run, patch);
      setDetail((d) => d && { ...d, ...updated });
      return true;
    } catch (err) {
      setSaveError(err);
      return false;
    }
  };

  if (!detail) {
    return (
      <Layout crumbs={[repoCrumb(repo), { label: run }]}>
        <ProblemNote error={loaded.error} />
        {loaded.loading && <p class="muted">Loading…</p>}
      </Layout>
    );
  }
  const title = detail.name || detail.id;
  const failure = failureText(detail);
  const systemSeries = detail.metrics.filter(isSystemSeries);
  const shownSeries = view === "system" ? systemSeries : detail.metrics.filter((s) => !isSystemSeries(s));
  return (
    <Layout crumbs={[repoCrumb(repo), { label: title }]}>
      <div class="page-head run-head">
        <RunTitle name={detail.name} id={detail.id} onRename={(name) => save({ name })} />
        <StatusBadge status={detail.status} />
        {detail.archived && <span class="badge archived">archived</span>}
        {detail.status === "running" && (
          <span class="live" title={`refreshes every ${POLL_MS / 1000} s`}>
            live
          </span>
        )}
        <span class="spacer" />
        <button type="button" onClick={() => save({ archived: !detail.archived })}>
          {detail.archived ? "Unarchive" : "Archive"}
        </button>
        <DeleteRunButton repo={repo} id={detail.id} title={title} />
      </div>
      {failure && (
        <p class="run-failure">
          {/* A run that did not fail can hold one too: the Python SDK's report of a thread that died. */}
          <span class="field-label">{detail.status === "failed" ? "failed with" : "failure"}</span> <code>{failure}</code>
        </p>
      )}
      <dl class="facts">
        <dt>id</dt>
        <dd>
          <code>{detail.id}</code>
        </dd>
        {detail.experiment && (
          <>
            <dt>experiment</dt>
            <dd>{detail.experiment}</dd>
          </>
        )}
        {detail.parent !== null && (
          <>
            <dt>parent</dt>
            <dd>
              <a href={`${base}/runs/${encodeURIComponent(detail.parent)}`}>
                <code>{detail.parent}</code>
              </a>
            </dd>
          </>
        )}
        {detail.campaign && (
          <>
            <dt>campaign</dt>
            <dd>
              <a href={`${base}/campaigns/${encodeURIComponent(detail.campaign)}`}>{detail.campaign}</a>
            </dd>
          </>
        )}
        <dt>created</dt>
        <dd>{formatDate(detail.created_at)}</dd>
        <dt>{detail.ended_at ? "ended" : "running for"}</dt>
        <dd>
          {detail.ended_at ? `${formatDate(detail.ended_at)} (${formatDuration(detail.created_at, detail.ended_at)})` : formatDuration(detail.created_at, null)}
        </dd>
      </dl>
      <ProblemNote error={saveError} />
      <div class="run-edit">
        <span class="field-label">Tags</span>
        <TagsEditor tags={detail.tags} onAdd={(t) => save({ tags: { add: [t] } })} onRemove={(t) => save({ tags: { remove: [t] } })} />
        <span class="field-label">Description</span>
        <Description text={detail.description} onSave={(description) => save({ description })} />
      </div>

      <RunViewTabs view={view} systemCount={systemSeries.length} onChange={(v) => setQuery({ view: v === "charts" ? null : v })} />
      {view === "logs" ? (
        <RunLogs
          repo={repo}
          run={run}
          running={detail.status === "running"}
          q={query.logq ?? ""}
          stream={query.stream ?? ""}
          onSelect={(patch) => setQuery(patch)}
        />
      ) : shownSeries.length ? (
        <>
          <ChartOptionsBar options={options} onChange={(patch, push) => setQuery(patch, { push })}>
            {zoom.from !== undefined && (
              <button type="button" onClick={() => setQuery({ from: null, to: null })}>
                Reset zoom (steps {zoom.from.toLocaleString("en")}–{zoom.to!.toLocaleString("en")})
              </button>
            )}
            <span class="muted hint">drag across a chart to zoom, double-click to reset</span>
          </ChartOptionsBar>
          <MetricChartGrid
            repo={repo}
            run={run}
            series={shownSeries}
            options={options}
            zoom={zoom}
            onZoom={(z) => setQuery({ from: z?.from ?? null, to: z?.to ?? null })}
          />
        </>
      ) : (
        <p class="empty">{view === "system" ? "This run has logged no system metrics (series named system/…)." : "This run has logged no series."}</p>
      )}

      <RunArtifacts repo={repo} run={run} refresh={tick} />
      <RunModels repo={repo} run={run} refresh={tick} />

      <RunInputs inputs={detail.inputs} />

      <div class="columns-2">
        <section>
          <h2>Params</h2>
          <JsonTree value={detail.params} />
        </section>
        <section>
          <h2>Values</h2>
          {detail.values.length ? (
            <table class="data values">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Context</th>
                  <th class="num">Value</th>
                </tr>
              </thead>
              <tbody>
                {detail.values.map((v) => (
                  <tr key={v.name + JSON.stringify(v.context)}>
                    <td>{v.name}</td>
                    <td class="muted">{contextLabel(v.context)}</td>
                    <td class="num">{formatValue(v.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">none</p>
          )}
          {Object.keys(detail.tag_values).length > 0 && <KeyValueTags tags={detail.tag_values} />}
          <h2>Provenance</h2>
          {detail.provenance ? <JsonTree value={detail.provenance} /> : <p class="muted">none recorded</p>}
        </section>
      </div>
    </Layout>
  );
}

/** MLflow's key/value tags, by key (the labels are the editable Tags above). */
function KeyValueTags({ tags }: { tags: Record<string, string> }) {
  return (
    <>
      <h2>Key/value tags</h2>
      <table class="data key-value-tags">
        <thead>
          <tr>
            <th>Key</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(tags)
            .sort()
            .map((key) => (
              <tr key={key}>
                <td>{key}</td>
                <td class="tag-value">{tags[key]}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}

function Description({ text, onSave }: { text: string; onSave(text: string): Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  if (!editing) {
    return (
      <div class="description">
        {text ? <p>{text}</p> : <p class="muted">No description.</p>}
        <button
          type="button"
          class="link"
          onClick={() => {
            setDraft(text);
            setEditing(true);
          }}
        >
          Edit description
        </button>
      </div>
    );
  }
  return (
    <form
      class="description editing"
      onSubmit={async (e) => {
        e.preventDefault();
        await onSave(draft);
        setEditing(false);
      }}
    >
      <textarea name="description" rows={3} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
      <div>
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

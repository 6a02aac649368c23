// The /v1 calls the pages make, typed by the generated client's shapes.
import { apiFetch, apiUrl, getJson, path, sendJson } from "./client.ts";
import type {
  Campaign,
  CampaignComparison,
  CampaignDetail,
  CampaignSummary,
  ColumnFields,
  LoggedModel,
  Page,
  RegisteredModel,
  Repo,
  RunDetail,
  RunFields,
  RunPage,
  SavedView,
  ViewState,
} from "./types.ts";

export const listRepos = (signal?: AbortSignal) => getJson<Page<Repo>>("/repos", { limit: 1000 }, signal);

export interface RunSearch {
  filter?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
  /** Column fields (filter syntax) whose values each run should carry in `columns`. */
  columns?: string[];
}

/** A page of runs with `total`, how many match in all. */
export const listRuns = (repo: string, search: RunSearch, signal?: AbortSignal) =>
  getJson<RunPage>(
    path("repos", repo, "runs"),
    {
      filter: search.filter,
      sort: search.sort,
      limit: search.limit,
      cursor: search.cursor,
      columns: search.columns?.join(","),
      provenance: "false",
      total: "true",
    },
    signal,
  );

/** Every run the search matches as the server's CSV (fixed columns, then `columns`). */
export async function runsCsv(repo: string, search: Omit<RunSearch, "limit" | "cursor">): Promise<Blob> {
  const url = apiUrl(path("repos", repo, "runs"), { filter: search.filter, sort: search.sort, columns: search.columns?.join(",") });
  return (await apiFetch(url, { headers: { accept: "text/csv" } })).blob();
}

export const deleteRun = async (repo: string, run: string) => {
  await apiFetch(apiUrl(path("repos", repo, "runs", run)), { method: "DELETE" });
};

export const listViews = (repo: string, signal?: AbortSignal) => getJson<Page<SavedView>>(path("repos", repo, "views"), { limit: 1000 }, signal);

export const putView = (repo: string, name: string, state: ViewState) => sendJson<SavedView>("PUT", path("repos", repo, "views", name), { state });

export const deleteView = async (repo: string, name: string) => {
  await apiFetch(apiUrl(path("repos", repo, "views", name)), { method: "DELETE" });
};

/** The fields the repo's runs have, for the column chooser. */
export const listColumns = (repo: string, signal?: AbortSignal) => getJson<ColumnFields>(path("repos", repo, "columns"), undefined, signal);

export const getRun = (repo: string, run: string, signal?: AbortSignal) => getJson<RunDetail>(path("repos", repo, "runs", run), undefined, signal);

export interface RunPatch {
  name?: string;
  description?: string;
  archived?: boolean;
  tags?: { add?: string[]; remove?: string[] };
}

export const patchRun = (repo: string, run: string, patch: RunPatch) => sendJson<RunFields>("PATCH", path("repos", repo, "runs", run), patch);

export const listCampaigns = (repo: string, signal?: AbortSignal) => getJson<Page<Campaign>>(path("repos", repo, "campaigns"), { limit: 1000 }, signal);

export const getCampaign = (repo: string, campaign: string, signal?: AbortSignal) =>
  getJson<CampaignDetail>(path("repos", repo, "campaigns", campaign), undefined, signal);

export interface SummaryQuery {
  metrics?: string[];
  contexts?: Record<string, unknown>[];
  /** Param paths; [] makes one group of all runs, undefined lets the server choose (every param that varies, repetitions pooled). */
  groupBy?: string[];
  select?: "last" | "min" | "max";
  /** Run statuses that count, comma-separated, or any; undefined: the server's default (finished). */
  status?: string;
}

function summaryParams(q: SummaryQuery) {
  return {
    metrics: q.metrics?.length ? q.metrics.join(",") : undefined,
    contexts: q.contexts?.length ? JSON.stringify(q.contexts) : undefined,
    select: q.select,
    status: q.status,
  };
}

// group_by= (empty) means one group, so it is added by hand: apiUrl drops empty values.
function summaryUrl(repo: string, campaign: string, q: SummaryQuery) {
  const url = apiUrl(path("repos", repo, "campaigns", campaign, "summary"), summaryParams(q));
  if (q.groupBy === undefined) return url;
  return `${url}${url.includes("?") ? "&" : "?"}group_by=${encodeURIComponent(q.groupBy.join(","))}`;
}

export async function campaignSummary(repo: string, campaign: string, q: SummaryQuery, signal?: AbortSignal): Promise<CampaignSummary> {
  return (await apiFetch(summaryUrl(repo, campaign, q), { signal })).json();
}

export async function campaignSummaryCsv(repo: string, campaign: string, q: SummaryQuery): Promise<Blob> {
  return (await apiFetch(summaryUrl(repo, campaign, q), { headers: { accept: "text/csv" } })).blob();
}

export interface CompareQuery {
  metric: string;
  context?: Record<string, unknown>;
  by: string;
  baseline?: string;
  pairOn?: string[];
  select?: "last" | "min" | "max";
}

/** The campaign's paired comparison with a baseline (the server's default pair_on without pairOn). */
export const compareCampaign = (repo: string, campaign: string, q: CompareQuery, signal?: AbortSignal) =>
  getJson<CampaignComparison>(
    path("repos", repo, "campaigns", campaign, "compare"),
    {
      metric: q.metric,
      context: q.context && JSON.stringify(q.context),
      by: q.by,
      baseline: q.baseline,
      pair_on: q.pairOn?.length ? q.pairOn.join(",") : undefined,
      select: q.select,
    },
    signal,
  );

/** The repo's logged models (MLflow's), newest first; only one run's with `run`. */
export const listLoggedModels = (repo: string, run?: string, signal?: AbortSignal) =>
  getJson<Page<LoggedModel>>(path("repos", repo, "logged-models"), { limit: 1000, run }, signal);

export const listRegisteredModels = (repo: string, signal?: AbortSignal) =>
  getJson<Page<RegisteredModel>>(path("repos", repo, "registered-models"), { limit: 1000 }, signal);

// What the compare page loads besides the series: the runs (names and params, for labels,
// colors and groups) and which series exist among them (one chart each).
import { getRun, listRuns } from "../api/endpoints.ts";
import { pool } from "../api/pool.ts";
import { ApiProblem, type Context, type RunDetail } from "../api/types.ts";
import { contextKey } from "../api/wire.ts";
import { contextText, parseContextText } from "../columns.ts";

export type Selection = { runs: string[] } | { filter: string };

export interface CompareRun {
  id: string;
  name: string;
  status: RunDetail["status"];
  params: Record<string, unknown>;
}

/** The selection's runs, and the ids asked for that name no run (reported and skipped). */
export interface CompareRuns {
  runs: CompareRun[];
  missing: string[];
}

export interface SeriesKey {
  name: string;
  context: Context;
}

/** `loss{subset:"val"}`: how a chart's series is written in the page URL. */
export const seriesKeyText = (k: SeriesKey) => `${k.name}${contextText(k.context)}`;

export function parseSeriesKey(text: string): SeriesKey | null {
  const brace = text.indexOf("{");
  if (brace < 0) return { name: text, context: {} };
  const context = parseContextText(text.slice(brace));
  return context && { name: text.slice(0, brace), context: context as Context };
}

/**
 * Run details, each fetched once per page however many parts of it ask (so never aborted by one
 * of them); `forget` drops the ones a live refresh must read again. A run that does not exist
 * reads as null.
 */
export function detailCache(repo: string) {
  const cache = new Map<string, Promise<RunDetail | null>>();
  const read = (id: string) => {
    let p = cache.get(id);
    if (!p) cache.set(id, (p = getRun(repo, id).catch((err) => (err instanceof ApiProblem && err.status === 404 ? null : Promise.reject(err)))));
    return p;
  };
  read.forget = (ids: string[]) => {
    for (const id of ids) cache.delete(id);
  };
  return read;
}
export type DetailCache = ReturnType<typeof detailCache>;

// The runs of a filter can be listed at once; runs chosen by id are read one by one (there is
// no batch read by id), six at a time.
export async function loadRuns(repo: string, selection: Selection, detail: DetailCache, signal: AbortSignal): Promise<CompareRuns> {
  if ("filter" in selection) {
    const page = await listRuns(repo, { filter: selection.filter, limit: 1000 }, signal);
    return { runs: page.items.map((r) => ({ id: r.id, name: r.name, status: r.status, params: r.params })), missing: [] };
  }
  const out = new Map<string, CompareRun | null>();
  await pool(selection.runs, 6, async (id) => {
    const d = await detail(id);
    out.set(id, d && { id, name: d.name, status: d.status, params: d.params });
  });
  const runs = selection.runs.map((id) => out.get(id)).filter((r) => r != null);
  return { runs, missing: selection.runs.filter((id) => out.get(id) === null) };
}

/**
 * The series found in the first few runs (reading every run's detail would cost a request
 * each; five fit in one round of the browser's six connections): the usual case, runs of one
 * experiment, log the same series. `found` hears the series known so far after each run read,
 * so the charts can start on the first answer rather than wait for the slowest of five.
 */
export async function loadSeriesKeys(
  repo: string,
  selection: Selection,
  detail: DetailCache,
  signal: AbortSignal,
  found: (keys: SeriesKey[]) => void,
): Promise<SeriesKey[]> {
  const ids = "runs" in selection ? selection.runs.slice(0, 5) : (await listRuns(repo, { filter: selection.filter, limit: 5 }, signal)).items.map((r) => r.id);
  const keys = new Map<string, SeriesKey>();
  const sorted = () => [...keys.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : contextKey(a.context) < contextKey(b.context) ? -1 : 1));
  await pool(ids, 6, async (id) => {
    const before = keys.size;
    for (const m of (await detail(id))?.metrics ?? []) keys.set(m.name + contextKey(m.context), { name: m.name, context: m.context });
    if (keys.size > before && !signal.aborted) found(sorted());
  });
  return sorted();
}

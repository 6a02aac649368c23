// The runs the explorers (params, scatter) draw: every run matching the runs table's filter, or
// the runs selected there (`runs=`), each with the chosen columns — read with the runs list's
// `columns=`, a page of 1,000 at a time, up to RUN_CAP runs. There is no read by run id, so
// a selection is looked for among the filter's first RUN_CAP runs.
import { listRuns } from "../api/endpoints.ts";

export const RUN_CAP = 5000;
const PAGE = 1000;

export interface ExplorerRun {
  id: string;
  name: string;
  columns: Record<string, unknown>;
}

/** The runs while none are read yet: one array, so what depends on the runs does not redo itself each render. */
export const NO_RUNS: ExplorerRun[] = [];

export interface ExplorerRuns {
  runs: ExplorerRun[];
  /** More runs match than RUN_CAP: only the first RUN_CAP are shown. */
  capped: boolean;
  /** Selected run ids not found. */
  notFound: string[];
}

export async function loadExplorerRuns(repo: string, filter: string, ids: string[], columns: string[], signal: AbortSignal): Promise<ExplorerRuns> {
  const runs: ExplorerRun[] = [];
  let cursor: string | undefined;
  let capped = false;
  do {
    const page = await listRuns(repo, { filter, cursor, limit: Math.min(PAGE, RUN_CAP - runs.length), columns }, signal);
    for (const r of page.items) runs.push({ id: r.id, name: r.name, columns: r.columns ?? {} });
    cursor = page.next_cursor ?? undefined;
    capped = cursor !== undefined && runs.length >= RUN_CAP;
  } while (cursor && !capped);
  if (!ids.length) return { runs, capped, notFound: [] };
  const chosen = new Set(ids);
  const found = runs.filter((r) => chosen.has(r.id));
  const seen = new Set(found.map((r) => r.id));
  return { runs: found, capped: false, notFound: ids.filter((id) => !seen.has(id)) };
}

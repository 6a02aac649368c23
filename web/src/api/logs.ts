// A run's captured output (GET /v1/repos/{repo}/runs/{run}/logs): lines in seq order, read a
// window at a time — the last N (`tail`), the ones after a seq (`after`, for following a
// live run and for paging forward), filtered by stream and substring (`q`). The download
// saves the whole selection as the server's text/plain gives it (each line's text and a
// newline), read page by page (at most 10,000 lines a request) with the token like every read.
import { apiUrl, getJson, path } from "./client.ts";
import type { LogLine, LogPage } from "./types.ts";

export type { LogLine, LogPage };

export interface LogQuery {
  stream?: "stdout" | "stderr";
  /** A substring the line must contain. */
  q?: string;
  /** The last N lines of the selection. */
  tail?: number;
  /** Lines with a seq above this one. */
  after?: number;
  /** At most this many (the server caps it at 10,000). */
  limit?: number;
}

const logsPath = (repo: string, run: string) => path("repos", repo, "runs", run, "logs");

export const readLogs = (repo: string, run: string, query: LogQuery, signal?: AbortSignal) => getJson<LogPage>(logsPath(repo, run), { ...query }, signal);

const MAX_PAGE = 10_000;

/** The API URL of the selection's first page as text (for people to copy; a click reads it all with the token). */
export const logsTextUrl = (repo: string, run: string, query: LogQuery) => apiUrl(logsPath(repo, run), { ...query, limit: MAX_PAGE });

/** Every line of the selection, as text/plain has them: the pages' `after=` needs their seqs, so they are read as JSON. */
export async function fetchLogsText(repo: string, run: string, query: Pick<LogQuery, "stream" | "q">, signal?: AbortSignal): Promise<Blob> {
  const parts: string[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await readLogs(repo, run, { ...query, after, limit: MAX_PAGE }, signal);
    for (const line of page.items) parts.push(`${line.text}\n`);
    if (page.next_after === null) break;
    after = page.next_after;
  }
  return new Blob(parts, { type: "text/plain;charset=utf-8" });
}

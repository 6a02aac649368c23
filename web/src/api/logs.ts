// A run's captured output (GET /v1/repos/{repo}/runs/{run}/logs): lines in seq order, read a
// window at a time — the last N (`tail`), the ones after a seq (`after`, for following a
// live run and for paging forward), filtered by stream and substring (`q`). The download
// saves the whole selection as the server's text/plain gives it (each line's text and a
// newline): one request, with the token like every read, which the server streams whole.
import { apiFetch, apiUrl, getJson, path } from "./client.ts";
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

/** The API URL of the selection as text (for people to copy; a click reads it with the token). */
export const logsTextUrl = (repo: string, run: string, query: LogQuery) => apiUrl(logsPath(repo, run), { ...query });

/** Every line of the selection as the server's text/plain has them. */
export async function fetchLogsText(repo: string, run: string, query: Pick<LogQuery, "stream" | "q">, signal?: AbortSignal): Promise<Blob> {
  const res = await apiFetch(logsTextUrl(repo, run, query), { headers: { accept: "text/plain" }, signal });
  return res.blob();
}

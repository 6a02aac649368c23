// A run's logs as text/plain: every line the query selects, each line's text and a newline,
// streamed a page at a time from the database so a log of any length leaves memory bounded
// by one page. Web streams only (no node: imports): the Node host and the Worker both send it.
import type { Deps } from "../../deps.ts";
import { findRunPk } from "../../runs-core/run-lookup.ts";
import type { ReadLogsOptions } from "./schemas.ts";
import { lineFilter } from "./service.ts";

// Lines read per query. The stream pulls the next page only once the reader has taken the
// last, so one page (at most this many lines, and never more than the run's byte limit) is
// what the answer holds in memory.
const TEXT_PAGE = 5000;
const utf8 = new TextEncoder();

/**
 * The lines that stream, q, tail and after select, in seq order, as a byte stream; limit, if
 * given, caps how many. tail is resolved once, before the first page, to the seq range its
 * lines span, so lines appended while the answer streams can neither shift the window (lines
 * skipped) nor lengthen it. An unknown run, and any failure reading the first page, throws
 * before the answer starts (a problem response); a failure on a later page errors the stream,
 * which ends the response without its last chunk, so the reader sees a broken transfer, never
 * a log that looks whole.
 */
export async function streamLogText(deps: Deps, repo: string, runId: string, options: ReadLogsOptions): Promise<ReadableStream<Uint8Array>> {
  const { runPk } = await findRunPk(deps, repo, runId);
  const { where, args } = lineFilter(runPk, options);
  const filter = where.join(" AND ");
  let after = options.after ?? -1;
  let last = Number.MAX_SAFE_INTEGER;
  let left = options.limit ?? Number.POSITIVE_INFINITY;
  if (options.tail !== undefined) {
    const rs = await deps.client.execute({
      sql: `SELECT min(seq) AS from_seq, max(seq) AS to_seq FROM (SELECT seq FROM run_logs WHERE ${filter} ORDER BY seq DESC LIMIT ?)`,
      args: [...args, options.tail],
    });
    const span = rs.rows[0];
    if (span?.from_seq === null || span?.from_seq === undefined) left = 0;
    else {
      after = Math.max(after, Number(span.from_seq) - 1);
      last = Number(span.to_seq);
    }
  }

  const readPage = async (): Promise<Uint8Array> => {
    const size = Math.min(TEXT_PAGE, left);
    if (size <= 0) return new Uint8Array();
    const rs = await deps.client.execute({
      sql: `SELECT seq, text FROM run_logs WHERE ${filter} AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
      args: [...args, after, last, size],
    });
    left = rs.rows.length < size ? 0 : left - rs.rows.length;
    if (rs.rows.length) after = Number(rs.rows[rs.rows.length - 1].seq);
    return utf8.encode(rs.rows.map((row) => `${String(row.text)}\n`).join(""));
  };

  const first = await readPage();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.length) controller.enqueue(first);
      if (left <= 0) controller.close();
    },
    async pull(controller) {
      const page = await readPage();
      if (page.length) controller.enqueue(page);
      if (left <= 0) controller.close();
    },
  });
}

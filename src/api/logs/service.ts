// A run's logs: appending captured lines (idempotent per seq, all or none, within the run's
// byte limit) and reading them back filtered and paged by seq.
import type { InStatement } from "@libsql/client";
import type { Deps } from "../../deps.ts";
import { tooLarge } from "../../http/problems.ts";
import { activityStatement } from "../../runs-core/liveness.ts";
import { findRunPk } from "../../runs-core/run-lookup.ts";
import {
  type AppendLogsInput,
  type AppendLogsResult,
  DEFAULT_LOG_PAGE,
  type LogLine,
  type LogLineInput,
  type LogPage,
  type ReadLogsOptions,
} from "./schemas.ts";

// Rows per INSERT: 5 parameters each stays far below SQLite's parameter limit.
const ROWS_PER_INSERT = 500;
const utf8 = new TextEncoder();

/**
 * Appends a body's lines (those of `lines`, then each chunk's) to a run's logs, whatever the
 * run's status (a crashed process's last lines arrive after its run is marked failed). A seq
 * already stored keeps its line (a retry changes nothing, whichever form sent it); of one seq
 * repeated in a request the first occurrence counts. The run's byte count (runs.log_bytes)
 * grows by the lines actually new; past maxLogBytesPerRun the request is a 413 and stores
 * nothing. The inserts, the count and the activity stamp are one batch. Write requests queue on the write lock (src/http/write-lock.ts), so on a host with one
 * (Node) the seqs and the count read here are still current when the batch runs. Where
 * appends to one run can race (Workers in several isolates; the SDKs send a run's lines one
 * request at a time), the count still adds each request's own bytes; two racing requests can
 * pass the limit by what they carry, and a line both send is counted twice (a count too high
 * only makes the limit stricter).
 */
export async function appendLogs(deps: Deps, repo: string, runId: string, body: AppendLogsInput): Promise<AppendLogsResult> {
  const { runPk } = await findRunPk(deps, repo, runId);
  const lines = linesOf(body);
  const seqs = lines.map((line) => line.seq);
  const [held, existing] = await deps.client.batch(
    [
      { sql: "SELECT log_bytes FROM runs WHERE pk = ?", args: [runPk] },
      { sql: "SELECT seq FROM run_logs WHERE run_pk = ? AND seq IN (SELECT value FROM json_each(?))", args: [runPk, JSON.stringify(seqs)] },
    ],
    "read",
  );
  const heldBytes = Number(held.rows[0]?.log_bytes ?? 0);
  const seen = new Set(existing.rows.map((row) => Number(row.seq)));
  const now = Date.now();
  const fresh: LogLineInput[] = [];
  let newBytes = 0;
  for (const line of lines) {
    if (seen.has(line.seq)) continue;
    seen.add(line.seq);
    fresh.push(line);
    newBytes += utf8.encode(line.text).length;
  }
  const limit = deps.config.limits.maxLogBytesPerRun;
  if (heldBytes + newBytes > limit) {
    throw tooLarge(
      `A run's logs may hold at most ${limit} bytes of text; run "${runId}" holds ${heldBytes} bytes and these lines would add ${newBytes}. Nothing was stored.`,
    );
  }
  const statements: InStatement[] = [];
  for (let i = 0; i < fresh.length; i += ROWS_PER_INSERT) {
    const rows = fresh.slice(i, i + ROWS_PER_INSERT);
    statements.push({
      sql: `INSERT INTO run_logs (run_pk, seq, stream, time, text) VALUES ${rows.map(() => "(?, ?, ?, ?, ?)").join(", ")} ON CONFLICT (run_pk, seq) DO NOTHING`,
      args: rows.flatMap((line) => [runPk, line.seq, line.stream, line.time ?? now / 1000, line.text]),
    });
  }
  if (newBytes) statements.push({ sql: "UPDATE runs SET log_bytes = log_bytes + ? WHERE pk = ?", args: [newBytes, runPk] });
  statements.push(activityStatement(runPk, now));
  await deps.client.batch(statements, "write");
  return { lines: fresh.length, bytes: heldBytes + newBytes };
}

/** A checked body's lines in order: `lines`, then each chunk's text split on "\n" (./chunks.ts). */
function linesOf(body: AppendLogsInput): LogLineInput[] {
  const lines = body.lines ? [...body.lines] : [];
  for (const { stream, first_seq, time, text } of body.chunks ?? []) {
    text.split("\n").forEach((line, i) => {
      lines.push({ seq: first_seq + i, stream, time, text: line });
    });
  }
  return lines;
}

/** The WHERE terms that stream and q add to a run's lines (q by instr(): no pattern characters to escape). */
export function lineFilter(runPk: number, options: Pick<ReadLogsOptions, "stream" | "q">) {
  const where = ["run_pk = ?"];
  const args: (string | number)[] = [runPk];
  if (options.stream) {
    where.push("stream = ?");
    args.push(options.stream);
  }
  if (options.q !== undefined) {
    where.push("instr(text, ?) > 0");
    args.push(options.q);
  }
  return { where, args };
}

/**
 * A page of a run's log lines in seq order. stream and q (a case-sensitive substring) filter;
 * tail keeps the last N lines of those; after and limit page through what is left.
 */
export async function readLogs(deps: Deps, repo: string, runId: string, options: ReadLogsOptions): Promise<LogPage> {
  const { runPk } = await findRunPk(deps, repo, runId);
  const { where, args } = lineFilter(runPk, options);
  const limit = options.limit ?? DEFAULT_LOG_PAGE;
  let from = "run_logs";
  if (options.tail !== undefined) {
    from = `(SELECT seq, stream, time, text FROM run_logs WHERE ${where.join(" AND ")} ORDER BY seq DESC LIMIT ?)`;
    args.push(options.tail);
    where.length = 0;
  }
  if (options.after !== undefined) {
    where.push("seq > ?");
    args.push(options.after);
  }
  const rs = await deps.client.execute({
    sql: `SELECT seq, stream, time, text FROM ${from} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq LIMIT ?`,
    args: [...args, limit + 1],
  });
  const items: LogLine[] = rs.rows.slice(0, limit).map((row) => ({
    seq: Number(row.seq),
    stream: row.stream as LogLine["stream"],
    time: Number(row.time),
    text: String(row.text),
  }));
  const more = rs.rows.length > limit;
  return { items, next_after: more ? items[items.length - 1].seq : null };
}

// The write half of an ingest, kept apart from the request's checks (./service.ts) so that a
// host can run it where its database connection lives (the Node host's writer thread,
// src/hosts/node-writer.ts). Ingests are written in groups (./ingest-groups.ts): one
// transaction, and so one COMMIT (one fsync, or one round trip to a libSQL server), for every
// ingest waiting, each inside a savepoint of its own so that a refused one rolls back alone.
// A request is answered only after the COMMIT that holds it has returned.
import type { Client, Row } from "@libsql/client";
import type { RunStatus } from "../../lib/run-status.ts";
import { activityStatement } from "../../runs-core/liveness.ts";
import { updateRun } from "../../runs-core/run-update.ts";
import { type Executor, type SeriesWrite, writeSeries } from "../../series/index.ts";

/**
 * What ingest does to a run that is not running: refuse (409), reopen it (status running
 * again), or log and leave its status (the MLflow dialect: MLflow logs to finished runs).
 */
export type NotRunning = "refuse" | "reopen" | "log";

/** An ingest whose run the request has found. */
export interface FoundIngest {
  runPk: number;
  /** Make a finished run running again, in the same transaction. */
  reopen: boolean;
  series: readonly SeriesWrite[];
  maxSeriesPerRun: number;
}

/**
 * An ingest whose run is found by its group, inside the group's transaction. On a libSQL server
 * each statement a request sends on its own is an HTTP request that sqld serves at about the CPU
 * cost of a whole ingest in a group (bench/RESULTS.md, "The lab"); the group finds all its runs in
 * one batch instead.
 */
export interface IngestToFind {
  find: { repo: string; runId: string; notRunning: NotRunning };
  series: readonly SeriesWrite[];
  maxSeriesPerRun: number;
}

export type IngestWrite = FoundIngest | IngestToFind;

/**
 * `held`: the series count the run would have reached, past its limit; `gone`: the run does not
 * exist (deleted after the request found it, or not found by the group); `noRepo`: nor does its
 * repo; `status`: the run is not running and the request does not reopen it. Whichever, nothing
 * of the request was written.
 */
export type IngestWriteResult =
  | { written: true }
  | { written: false; held: number }
  | { written: false; gone: true }
  | { written: false; noRepo: true }
  | { written: false; status: RunStatus };

/** The statement that finds an IngestToFind's run: no row when the repo is missing, a null pk when the run is. */
export const findRunStatement = ({ find }: IngestToFind) => ({
  sql: "SELECT p.pk AS repo_pk, r.pk, r.status FROM repos p LEFT JOIN runs r ON r.repo_pk = p.pk AND r.id = ? WHERE p.name = ?",
  args: [find.runId, find.repo],
});

/** The ingest for the run findRunStatement found (`rows`), or why there is none (the rules of src/api/metrics/service.ts). */
export function foundIngest(w: IngestToFind, rows: readonly Row[]): FoundIngest | IngestWriteResult {
  if (!rows.length) return { written: false, noRepo: true };
  const row = rows[0];
  if (row.pk === null) return { written: false, gone: true };
  const status = row.status as RunStatus;
  if (status !== "running" && w.find.notRunning === "refuse") return { written: false, status };
  return { runPk: Number(row.pk), reopen: status !== "running" && w.find.notRunning === "reopen", series: w.series, maxSeriesPerRun: w.maxSeriesPerRun };
}

export const isResult = (x: FoundIngest | IngestWriteResult): x is IngestWriteResult => "written" in x;

/** One ingest's statements, inside the caller's transaction (and savepoint). */
async function writeOne(tx: Executor, write: IngestWrite): Promise<IngestWriteResult> {
  const w = "find" in write ? foundIngest(write, (await tx.execute(findRunStatement(write))).rows) : write;
  if (isResult(w)) return w;
  // Found before the request queued for its group: a delete may have come in between.
  const run = await tx.execute({ sql: "SELECT status FROM runs WHERE pk = ?", args: [w.runPk] });
  if (!run.rows.length) return { written: false, gone: true };
  if (w.reopen && run.rows[0].status !== "running") await updateRun(tx, w.runPk, { status: "running", ended_at: null });
  const { created } = await writeSeries(tx, w.runPk, w.series);
  // Counted after the write, inside the transaction, and only when the request added series:
  // appends to known series cannot pass the limit.
  if (created > 0) {
    const held = Number((await tx.execute({ sql: "SELECT count(*) AS n FROM series WHERE run_pk = ?", args: [w.runPk] })).rows[0].n);
    if (held > w.maxSeriesPerRun) return { written: false, held };
  }
  await tx.execute(activityStatement(w.runPk));
  return { written: true };
}

/** What became of one ingest of a group: its result, or the error that refused it alone. */
export type IngestOutcome = { ok: true; value: IngestWriteResult } | { ok: false; error: unknown };

/**
 * Writes `writes` in one transaction, each in a savepoint: an ingest that throws or is not
 * written is rolled back to its savepoint and the others stay. Resolves after the COMMIT;
 * rejects (nothing written) when the transaction itself fails.
 */
export async function writeIngestGroup(client: Pick<Client, "transaction">, writes: readonly IngestWrite[]): Promise<IngestOutcome[]> {
  const tx = await client.transaction("write");
  try {
    const outcomes: IngestOutcome[] = [];
    for (const w of writes) {
      await tx.execute("SAVEPOINT ingest");
      let outcome: IngestOutcome;
      try {
        outcome = { ok: true, value: await writeOne(tx, w) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      if (!outcome.ok || !outcome.value.written) await tx.execute("ROLLBACK TO ingest");
      await tx.execute("RELEASE ingest");
      outcomes.push(outcome);
    }
    await tx.commit();
    return outcomes;
  } finally {
    tx.close();
  }
}

/**
 * The buffers to move with an IngestWrite sent to another thread: its series' columns. A
 * structured clone of 10,000 point objects cost more than the write itself (with it, ingest
 * alone ran at half the rate of writes made statement by statement); moved Float64Arrays cost
 * nothing. The sender must not touch the columns afterwards.
 */
export function ingestTransferList(w: IngestWrite): ArrayBuffer[] {
  const transfer = new Set<ArrayBuffer>(); // a buffer listed twice is a DataCloneError
  for (const { columns } of w.series) {
    for (const column of [columns.steps, columns.values, columns.epochs, columns.times]) transfer.add(column.buffer as ArrayBuffer);
  }
  return [...transfer];
}

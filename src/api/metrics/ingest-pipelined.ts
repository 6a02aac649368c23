// A group of ingests on a libSQL server (sqld, Turso), in a fixed number of round trips
// whatever the group's size. Through ./ingest-write.ts each ingest pays its own round trips
// (savepoint, run, series, writes, activity, release: six, each a request to the server), so a
// group of 64 took ~400 sequential requests. Here the group is one transaction of three or
// four: every ingest's reads in one batch (its run, its run's series count, its stored series
// with their last blocks), the blocks that overwrites touch in a second when there are any,
// every ingest's writes in one more (then, when blocks were sealed, one or two for the
// summary levels: src/series/levels.ts), then COMMIT. Ingests that come with their run still to
// find (IngestToFind: the request did not look it up, which would have been a round trip of
// its own) have it found first, all in one batch: the transaction's first, sent with its BEGIN.
//
// A savepoint per ingest is not needed for the refusals decided in the reads (the run deleted
// meanwhile, the series limit): a refused ingest simply sends no statement. A statement that
// fails anyway (which no check foresaw) fails the whole batch; the transaction is then rolled
// back and the group written again the savepoint way, where that ingest fails alone.
//
// The plans are made from the reads, so no two ingests of one batch may write the same run:
// a run named twice goes to the next round, inside the same transaction.
import type { Client, InStatement, Transaction } from "@libsql/client";
import { activityStatement } from "../../runs-core/liveness.ts";
import { updateRunStatement } from "../../runs-core/run-update.ts";
import {
  type LevelSeal,
  readTouchedBlocks,
  type StoredSeries,
  sealLevels,
  seriesWriteStatements,
  storedSeriesFromRows,
  storedSeriesStatements,
  touchedBlocksStatements,
} from "../../series/index.ts";
import {
  type FoundIngest,
  findRunStatement,
  foundIngest,
  type IngestOutcome,
  type IngestToFind,
  type IngestWrite,
  type IngestWriteResult,
  isResult,
  writeIngestGroup,
} from "./ingest-write.ts";

/** Each write with its run found (one batch for those that come to be found), or why it will not be written. */
async function findRuns(tx: Transaction, writes: readonly IngestWrite[]): Promise<(FoundIngest | IngestWriteResult)[]> {
  const toFind = writes.filter((w): w is IngestToFind => "find" in w);
  if (!toFind.length) return writes as FoundIngest[];
  const found = await tx.batch(toFind.map(findRunStatement));
  let next = 0;
  return writes.map((w) => ("find" in w ? foundIngest(w, found[next++].rows) : w));
}

/** Indices of `writes` in rounds in which no run appears twice, in arrival order. */
function rounds(writes: readonly FoundIngest[]): number[][] {
  const out: { runs: Set<number>; members: number[] }[] = [];
  writes.forEach((w, i) => {
    let round = out.find((r) => !r.runs.has(w.runPk));
    if (!round) out.push((round = { runs: new Set(), members: [] }));
    round.runs.add(w.runPk);
    round.members.push(i);
  });
  return out.map((r) => r.members);
}

/** One round: reads, then writes, each a batch; the outcome of each write. */
async function writeRound(tx: Transaction, writes: readonly FoundIngest[]): Promise<IngestOutcome[]> {
  const runPks = writes.map((w) => w.runPk);
  const allSeries = writes.flatMap((w) => w.series);
  const [runs, ...found] = await tx.batch([
    {
      sql: `SELECT pk, status, (SELECT count(*) FROM series WHERE run_pk = runs.pk) AS n FROM runs WHERE pk IN (${runPks.map(() => "?").join(", ")})`,
      args: runPks,
    },
    ...storedSeriesStatements(runPks, allSeries),
  ]);
  const runOf = new Map(runs.rows.map((r) => [Number(r.pk), { status: String(r.status), seriesCount: Number(r.n) }]));
  const stored = storedSeriesFromRows(found.flatMap((rs) => rs.rows));
  const storedOf = (w: FoundIngest) => stored.get(w.runPk) ?? new Map<string, StoredSeries>();

  // Every write's touched blocks in one batch, read back per write.
  const touched = await readTouchedBlocks(
    tx,
    writes.map((w) => touchedBlocksStatements(w.series, storedOf(w))),
  );

  const statements: InStatement[] = [];
  const seals: LevelSeal[] = [];
  const outcomes = writes.map((w, i): IngestOutcome => {
    const run = runOf.get(w.runPk);
    // Found before the request queued for its group: a delete may have come in between.
    if (!run) return { ok: true, value: { written: false, gone: true } };
    try {
      const { statements: seriesWrites, created, seals: written } = seriesWriteStatements(w.runPk, w.series, storedOf(w), touched[i]);
      // Appends to known series cannot pass the limit; new ones are counted on top of the stored.
      if (created > 0 && run.seriesCount + created > w.maxSeriesPerRun) return { ok: true, value: { written: false, held: run.seriesCount + created } };
      if (w.reopen && run.status !== "running") statements.push(updateRunStatement(w.runPk, { status: "running", ended_at: null }));
      statements.push(...seriesWrites, activityStatement(w.runPk));
      seals.push(...written);
      return { ok: true, value: { written: true } };
    } catch (error) {
      return { ok: false, error };
    }
  });
  if (statements.length) await tx.batch(statements);
  // Summary levels of the series whose sealed blocks changed: a read (and an INSERT when rows
  // are due) after the writes, in rounds that seal blocks only.
  await sealLevels(tx, seals);
  return outcomes;
}

/**
 * Writes `writes` in one transaction of a few round trips (see the file's header); resolves
 * after the COMMIT with each ingest's outcome, or rejects (nothing written) when the
 * transaction itself fails.
 */
export async function writeIngestGroupPipelined(client: Pick<Client, "transaction">, writes: readonly IngestWrite[]): Promise<IngestOutcome[]> {
  const tx = await client.transaction("write");
  let outcomes: IngestOutcome[];
  try {
    const found = await findRuns(tx, writes);
    // A refusal found with the run is its outcome; the others' outcomes come from their rounds.
    outcomes = found.map((f) => (isResult(f) ? { ok: true, value: f } : { ok: true, value: { written: true } }));
    const toWrite = found.flatMap((f, i) => (isResult(f) ? [] : [{ i, write: f }]));
    for (const round of rounds(toWrite.map((t) => t.write))) {
      const results = await writeRound(
        tx,
        round.map((k) => toWrite[k].write),
      );
      round.forEach((k, j) => {
        outcomes[toWrite[k].i] = results[j];
      });
    }
  } catch {
    // A statement failed that no check foresaw: nothing of the group is kept; the savepoint
    // way finds which ingest it was and refuses that one alone.
    tx.close();
    return writeIngestGroup(client, writes);
  }
  try {
    await tx.commit();
    return outcomes;
  } finally {
    tx.close();
  }
}

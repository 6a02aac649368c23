// The block store on libSQL: series rows with their summaries, and series_blocks rows each
// holding up to BLOCK_SIZE points packed by ./codec/block.ts. Only the blocks a write
// touches are rewritten; summaries are kept up to date from the blocks swapped, or
// recounted from block metadata in SQL; summary levels by ./levels.ts.
import type { Client, InStatement, Row, Transaction } from "@libsql/client";
import { BLOCK_SIZE, type Block, decodeBlockColumns, timeToMs } from "./codec/block.ts";
import { ChunkSummaries, decodeSummary, encodeSummaryColumns } from "./codec/chunk-summary.ts";
import { allocColumns, type PointColumns } from "./codec/columns.ts";
import { FLAG, maxFromColumn, minFromColumn, summaryFlags, toColumn } from "./codec/float-columns.ts";
import { invalidateLevelsStatement, LEVEL_FANOUT, type LevelSeal, type SeriesKey, sealLevels } from "./levels.ts";
import { type BlockWithSummary, planWrite, type WritePlan } from "./plan.ts";

export type Executor = Pick<Transaction, "execute" | "batch"> | Client;

const BLOCK_COLUMNS = "first_step, last_step, count, min, max, flags, data";

function blockFromRow(row: Row): Block {
  const flags = Number(row.flags);
  const data = row.data as ArrayBuffer;
  return {
    firstStep: Number(row.first_step),
    lastStep: Number(row.last_step),
    count: Number(row.count),
    min: minFromColumn(row.min === null ? null : Number(row.min), flags),
    max: maxFromColumn(row.max === null ? null : Number(row.max), flags),
    data: new Uint8Array(data),
  };
}

interface StoredSummary {
  pk: number;
  count: number;
  firstStep: number | null;
  lastStep: number | null;
  min: number | null;
  max: number | null;
}

const numOrNull = (x: unknown) => (x === null || x === undefined ? null : Number(x));

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * The series summary after a write, from the stored one and the blocks swapped, so a write
 * costs the same however long the series is. Removed blocks' points reappear in the inserted
 * ones except the steps the write overwrote. A pure append (every step past the old last
 * step) overwrites nothing; otherwise, when a removed block held the old min or max, that
 * extreme may have been overwritten away, and null asks for a recount in SQL.
 */
function updatedSummary(old: StoredSummary, removed: Block[], inserted: Block[], pureAppend: boolean) {
  for (const b of pureAppend ? [] : removed) {
    if ((b.min !== null && old.min !== null && b.min <= old.min) || (b.max !== null && old.max !== null && b.max >= old.max)) return null;
  }
  let { count, firstStep, lastStep, min, max } = old;
  for (const b of removed) count -= b.count;
  for (const b of inserted) {
    count += b.count;
    firstStep = minOf(firstStep, b.firstStep);
    lastStep = maxOf(lastStep, b.lastStep);
    min = minOf(min, b.min);
    max = maxOf(max, b.max);
  }
  return { count, firstStep, lastStep, min, max };
}

/** Blocks a write of steps [lo, hi] touches: those overlapping it, plus the one just before (to fill it up). */
function touchedBlocksStatement(seriesPk: number, lo: number, hi: number): InStatement {
  return {
    sql: `SELECT ${BLOCK_COLUMNS} FROM series_blocks WHERE series_pk = ? AND last_step >= ? AND first_step <= ?
          UNION ALL
          SELECT * FROM (SELECT ${BLOCK_COLUMNS} FROM series_blocks WHERE series_pk = ? AND last_step < ? ORDER BY last_step DESC LIMIT 1)`,
    args: [seriesPk, lo, hi, seriesPk, lo],
  };
}

export interface SeriesWrite {
  name: string;
  /** Canonical context JSON. */
  context: string;
  /** The points, in any order; the last occurrence of a step wins. */
  columns: PointColumns;
}

const keyOf = (name: string, context: string) => `${name}\u0000${context}`;
// Rows per multi-row statement: well under SQLite's 32,766 bound parameters.
const ROWS_PER_STATEMENT = 200;

function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function stepRange({ steps }: PointColumns): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step < lo) lo = step;
    if (step > hi) hi = step;
  }
  return { lo, hi };
}

/** A stored series as a write needs it: its summary and its last block (what an append touches). */
export interface StoredSeries {
  series: StoredSummary;
  tail: Block | null;
}

const TAIL_COLUMNS = BLOCK_COLUMNS.split(", ")
  .map((c) => `b.${c} AS b_${c}`)
  .join(", ");

/**
 * The statements that find which of the series named in `writes` exist in runs `runPks`, with
 * their summaries and last blocks: one per 500 names (parsed by storedSeriesFromRows).
 */
export function storedSeriesStatements(runPks: readonly number[], writes: readonly SeriesWrite[]): InStatement[] {
  return chunks([...new Set(writes.map((w) => w.name))], 500).map((names) => ({
    sql: `SELECT s.run_pk, s.pk, s.name, s.context, s.count, s.first_step, s.last_step, s.min, s.max, s.flags, ${TAIL_COLUMNS}
          FROM series s LEFT JOIN series_blocks b ON b.series_pk = s.pk AND b.last_step = s.last_step
          WHERE s.run_pk IN (${runPks.map(() => "?").join(", ")}) AND s.name IN (${names.map(() => "?").join(", ")})`,
    args: [...runPks, ...names],
  }));
}

/** The rows of storedSeriesStatements, by run and then by series key (name and context). */
export function storedSeriesFromRows(rows: readonly Row[]): Map<number, Map<string, StoredSeries>> {
  const found = new Map<number, Map<string, StoredSeries>>();
  for (const row of rows) {
    const flags = Number(row.flags);
    const series = {
      pk: Number(row.pk),
      count: Number(row.count),
      firstStep: numOrNull(row.first_step),
      lastStep: numOrNull(row.last_step),
      min: minFromColumn(numOrNull(row.min), flags),
      max: maxFromColumn(numOrNull(row.max), flags),
    };
    const tail = row.b_data === null ? null : blockFromRow(Object.fromEntries(BLOCK_COLUMNS.split(", ").map((c) => [c, row[`b_${c}`]])) as unknown as Row);
    const runPk = Number(row.run_pk);
    let ofRun = found.get(runPk);
    if (!ofRun) found.set(runPk, (ofRun = new Map()));
    ofRun.set(keyOf(String(row.name), String(row.context)), { series, tail });
  }
  return found;
}

function insertBlocks(rows: readonly [SeriesKey, BlockWithSummary][]): InStatement[] {
  const pkOf = (ref: SeriesKey) => (typeof ref === "number" ? "?" : "(SELECT pk FROM series WHERE run_pk = ? AND name = ? AND context = ?)");
  const refArgs = (ref: SeriesKey) => (typeof ref === "number" ? [ref] : [ref.runPk, ref.name, ref.context]);
  return chunks(rows).map((part) => ({
    sql: `INSERT INTO series_blocks (series_pk, ${BLOCK_COLUMNS}, summary) VALUES ${part.map(([ref]) => `(${pkOf(ref)}, ?, ?, ?, ?, ?, ?, ?, ?)`).join(", ")}`,
    args: part.flatMap(([ref, block]) => [
      ...refArgs(ref),
      block.firstStep,
      block.lastStep,
      block.count,
      toColumn(block.min),
      toColumn(block.max),
      summaryFlags(null, block.min, block.max),
      block.data,
      block.summary,
    ]),
  }));
}

function deleteBlocks(rows: readonly [number, number][]): InStatement[] {
  return chunks(rows).map((part) => ({
    sql: `DELETE FROM series_blocks WHERE ${part.map(() => "(series_pk = ? AND first_step = ?)").join(" OR ")}`,
    args: part.flat(),
  }));
}

/** The statement that brings an existing series' summary up to date after `plan`. */
function summaryUpdate(series: StoredSummary, touched: Block[], plan: WritePlan, lo: number): InStatement {
  // Blocks only ever grow the series' step range, so when the written points reach past the
  // old last step they hold the new last point; otherwise the stored last point still stands.
  const newLast = plan.last && (series.lastStep === null || plan.last.step >= series.lastStep) ? plan.last : null;
  const lastFlags = newLast ? summaryFlags(newLast.value, null, null) : 0;
  // The time as the block keeps it: to the millisecond.
  const lastArgs = [newLast ? 1 : 0, newLast ? toColumn(newLast.value) : null, newLast ? timeToMs(newLast.time) / 1000 : null, lastFlags];
  const setLast = `last_value = CASE WHEN ?2 THEN ?3 ELSE last_value END,
            last_time = CASE WHEN ?2 THEN ?4 ELSE last_time END,
            version = version + 1`;
  const keptLastFlags = `(CASE WHEN ?2 THEN ?5 ELSE flags & ${FLAG.lastNaN | FLAG.lastPosInf | FLAG.lastNegInf | FLAG.lastNegZero} END)`;
  const removedSet = new Set(plan.remove);
  const pureAppend = series.lastStep === null || lo > series.lastStep;
  const summary = updatedSummary(
    series,
    touched.filter((b) => removedSet.has(b.firstStep)),
    plan.insert,
    pureAppend,
  );
  if (summary) {
    return {
      sql: `UPDATE series SET count = ?6, first_step = ?7, last_step = ?8, min = ?9, max = ?10, ${setLast},
              flags = ${keptLastFlags} | ?11
            WHERE pk = ?1`,
      args: [
        series.pk,
        ...lastArgs,
        summary.count,
        summary.firstStep,
        summary.lastStep,
        toColumn(summary.min),
        toColumn(summary.max),
        summaryFlags(null, summary.min, summary.max),
      ],
    };
  } else {
    const blocksOf = "FROM series_blocks WHERE series_pk = ?1";
    return {
      sql: `UPDATE series SET
              count = (SELECT coalesce(sum(count), 0) ${blocksOf}),
              first_step = (SELECT min(first_step) ${blocksOf}),
              last_step = (SELECT max(last_step) ${blocksOf}),
              min = (SELECT min(min) ${blocksOf}),
              max = (SELECT max(max) ${blocksOf}),
              ${setLast},
              flags = ${keptLastFlags}
                      | (SELECT coalesce(max(flags & ${FLAG.minNegInf}), 0) ${blocksOf})
                      | (SELECT coalesce(max(flags & ${FLAG.maxPosInf}), 0) ${blocksOf})
                      -- the min is +Infinity only if every block's (non-NaN) min is
                      | (SELECT coalesce(min(flags & ${FLAG.minPosInf}), 0) ${blocksOf} AND min IS NOT NULL)
                      | (SELECT coalesce(min(flags & ${FLAG.maxNegInf}), 0) ${blocksOf} AND max IS NOT NULL)
            WHERE pk = ?1`,
      args: [series.pk, ...lastArgs],
    };
  }
}

/** A new series' row, with the summary of the blocks planned for it. */
function freshSeriesRow(runPk: number, write: SeriesWrite, plan: WritePlan): (string | number | null)[] {
  let count = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const b of plan.insert) {
    count += b.count;
    min = minOf(min, b.min);
    max = maxOf(max, b.max);
  }
  const last = plan.last!;
  return [
    runPk,
    write.name,
    write.context,
    count,
    plan.insert[0].firstStep,
    last.step,
    toColumn(last.value),
    summaryFlags(last.value, min, max),
    toColumn(min),
    toColumn(max),
    timeToMs(last.time) / 1000,
  ];
}

/** Where a write of `stored` series meets stored blocks other than their last: the blocks to read first. */
export function touchedBlocksStatements(writes: readonly SeriesWrite[], stored: ReadonlyMap<string, StoredSeries>): Map<string, InStatement> {
  const statements = new Map<string, InStatement>();
  for (const write of writes) {
    const key = keyOf(write.name, write.context);
    const found = stored.get(key);
    if (!found) continue;
    const { lo, hi } = stepRange(write.columns);
    // An append past the last step touches only the series' last block, already fetched.
    if (found.series.lastStep !== null && lo > found.series.lastStep) continue;
    statements.set(key, touchedBlocksStatement(found.series.pk, lo, hi));
  }
  return statements;
}

export const blocksFromRows = (rows: readonly Row[]): Block[] => rows.map(blockFromRow).sort((a, b) => a.firstStep - b.firstStep);

/**
 * The statements that write `writes` (series of run `runPk`), given what is stored of them
 * (`stored`, by series key) and the blocks read for those that do not just append
 * (`touched`, by series key): new series rows with their summaries, blocks deleted and
 * inserted (multi-row statements), each existing series' summary update, and the summary
 * level rows a rewrite makes stale deleted. To be run in order, in one transaction, before
 * anything else changes these series, followed by sealLevels(`seals`). Re-sent steps
 * overwrite (the last occurrence in a series' points wins), so retrying a request never
 * duplicates a point.
 */
export function seriesWriteStatements(
  runPk: number,
  writes: readonly SeriesWrite[],
  stored: ReadonlyMap<string, StoredSeries>,
  touched: ReadonlyMap<string, Block[]>,
  fanout = LEVEL_FANOUT,
): { statements: InStatement[]; created: number; seals: LevelSeal[] } {
  // Appends seal a level row each `fanout` sealed blocks: the seal pass runs when the count of
  // sealed blocks (all full while a series is appended in order) passes a multiple of it.
  // Skipping it otherwise loses nothing: the next pass starts where the last row ends.
  const groupsOf = (count: number) => Math.floor(Math.floor(Math.max(0, count - 1) / BLOCK_SIZE) / fanout);
  const removed: [number, number][] = [];
  const inserted: [SeriesKey, BlockWithSummary][] = [];
  const updates: InStatement[] = [];
  const fresh: { write: SeriesWrite; plan: WritePlan }[] = [];
  const seals: LevelSeal[] = [];
  for (const write of writes) {
    const key = keyOf(write.name, write.context);
    const found = stored.get(key);
    const { lo, hi } = stepRange(write.columns);
    if (!found) {
      const plan = planWrite([], write.columns);
      fresh.push({ write, plan });
      const series = { runPk, name: write.name, context: write.context };
      for (const block of plan.insert) inserted.push([series, block]);
      if (groupsOf(write.columns.steps.length) > 0) seals.push({ series, lo, hi });
      continue;
    }
    const pk = found.series.pk;
    const blocks = touched.get(key) ?? (found.tail ? [found.tail] : []);
    const plan = planWrite(blocks, write.columns);
    for (const firstStep of plan.remove) removed.push([pk, firstStep]);
    for (const block of plan.insert) inserted.push([pk, block]);
    updates.push(summaryUpdate(found.series, blocks, plan, lo));
    // An append rewrites only the last block, which no level covers. Any other write may
    // rewrite covered blocks (see ./levels.ts).
    const pureAppend = found.series.lastStep === null || lo > found.series.lastStep;
    const removedSet = new Set(plan.remove);
    let count = found.series.count;
    for (const b of blocks) if (removedSet.has(b.firstStep)) count -= b.count;
    for (const b of plan.insert) count += b.count;
    if (!pureAppend) {
      // `blocks` are those overlapping [lo, hi] and the one before lo, if any.
      const from = blocks.length && blocks[0].lastStep < lo ? blocks[0].firstStep : -1;
      let to = hi;
      for (const b of [...blocks, ...plan.insert]) to = Math.max(to, b.lastStep);
      updates.push(invalidateLevelsStatement(pk, from, to));
    }
    if (!pureAppend || groupsOf(count) > groupsOf(found.series.count)) seals.push({ series: pk, lo, hi });
  }
  const freshRows: InStatement[] = chunks(fresh).map((part) => ({
    sql: `INSERT INTO series (run_pk, name, context, count, first_step, last_step, last_value, flags, min, max, last_time, version)
          VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)").join(", ")}`,
    args: part.flatMap(({ write, plan }) => freshSeriesRow(runPk, write, plan)),
  }));
  // New series' rows before the blocks that refer to them; deletes before inserts: a
  // rewritten block may keep its first step (the primary key).
  return { statements: [...freshRows, ...deleteBlocks(removed), ...insertBlocks(inserted), ...updates], created: fresh.length, seals };
}

/**
 * Writes the points of many series of one run inside the caller's transaction, in few round
 * trips however many series there are: one query per 500 names finds the existing series
 * with their last blocks, one batch reads the blocks of writes that do not just append, one
 * batch writes, and, when blocks were sealed or rewritten, the summary levels are kept
 * (`fanout`: units per level row, small in tests).
 */
export async function writeSeries(tx: Executor, runPk: number, writes: readonly SeriesWrite[], fanout = LEVEL_FANOUT): Promise<{ created: number }> {
  const found = await tx.batch(storedSeriesStatements([runPk], writes));
  const stored = storedSeriesFromRows(found.flatMap((rs) => rs.rows)).get(runPk) ?? new Map<string, StoredSeries>();
  const [touched] = await readTouchedBlocks(tx, [touchedBlocksStatements(writes, stored)]);
  const { statements, created, seals } = seriesWriteStatements(runPk, writes, stored, touched, fanout);
  if (statements.length) await tx.batch(statements);
  await sealLevels(tx, seals, fanout);
  return { created };
}

/**
 * Runs touchedBlocksStatements of one or more writes (one map each) in one batch: for each
 * map, the blocks by series key.
 */
export async function readTouchedBlocks(tx: Executor, reads: readonly ReadonlyMap<string, InStatement>[]): Promise<Map<string, Block[]>[]> {
  const statements = reads.flatMap((read) => [...read.values()]);
  const results = statements.length ? await tx.batch(statements) : [];
  let next = 0;
  return reads.map((read) => new Map([...read.keys()].map((key) => [key, blocksFromRows(results[next++].rows)])));
}

/** Blocks of a series overlapping [from, to], in step order. */
export async function readBlocks(db: Executor, seriesPk: number, from = 0, to = Number.MAX_SAFE_INTEGER, limit?: number): Promise<Block[]> {
  const rs = await db.execute({
    sql: `SELECT ${BLOCK_COLUMNS} FROM series_blocks WHERE series_pk = ? AND last_step >= ? AND first_step <= ? ORDER BY last_step${limit ? " LIMIT ?" : ""}`,
    args: limit ? [seriesPk, from, to, limit] : [seriesPk, from, to],
  });
  return rs.rows.map(blockFromRow);
}

/**
 * The points of steps from..to as chunk summaries, in step order: the stored summaries of the
 * blocks inside the range, and of the in-range part of the (at most two) blocks its ends cut,
 * summarised from their decoded points. One statement, so one snapshot of the series.
 */
export async function readRangeSummaries(db: Executor, seriesPk: number, from: number, to: number): Promise<ChunkSummaries> {
  const rs = await db.execute({
    // Blocks never overlap: at most one holds `from` past its first step (the head), one `to`
    // before its last (the tail, unless that block is the head). `first_step <= :to` bounds the
    // scan of the primary key (implied by last_step).
    sql: `SELECT
            (SELECT data FROM series_blocks WHERE series_pk = :pk AND last_step >= :from AND first_step < :from ORDER BY last_step LIMIT 1) AS head,
            (SELECT data FROM series_blocks WHERE series_pk = :pk AND first_step <= :to AND last_step > :to AND first_step >= :from ORDER BY first_step DESC LIMIT 1) AS tail,
            (SELECT CAST(group_concat(summary, '') AS BLOB) FROM
              (SELECT summary FROM series_blocks WHERE series_pk = :pk AND first_step >= :from AND first_step <= :to AND last_step <= :to ORDER BY first_step)) AS inside`,
    args: { pk: seriesPk, from, to },
  });
  const row = rs.rows[0];
  const chunks = new ChunkSummaries();
  const cut = (data: unknown) => {
    const bytes = new Uint8Array(data as ArrayBuffer);
    const cols = allocColumns(BLOCK_SIZE);
    const n = decodeBlockColumns(bytes, cols, 0);
    let i = 0;
    while (i < n && cols.steps[i] < from) i++;
    let j = i;
    while (j < n && cols.steps[j] <= to) j++;
    if (j > i) decodeSummary(encodeSummaryColumns(cols, i, j), chunks);
  };
  if (row?.head) cut(row.head);
  const inside = row?.inside as ArrayBuffer | null | undefined;
  if (inside) {
    chunks.reserve(Math.ceil(inside.byteLength / 30));
    decodeSummary(new Uint8Array(inside), chunks);
  }
  if (row?.tail) cut(row.tail);
  return chunks;
}

/**
 * The chunk summaries of every block of a series, in step order, without touching `data`
 * (~500 bytes a block instead of ~10 KB). SQLite concatenates them into one value: the
 * driver's cost is per row, ~4 µs, so 1,000 rows cost more than everything else in the read.
 * group_concat goes BLOB → text → BLOB, which keeps every byte in a UTF-8 database, and
 * decodeSummary checks that the chunks follow each other.
 */
export async function readChunkSummaries(db: Executor, seriesPk: number): Promise<ChunkSummaries> {
  const rs = await db.execute({
    // Ordered by a subquery, not group_concat(... ORDER BY ...): sqld's parser refuses that
    // (SQLite 3.44) syntax. decodeSummary would notice chunks out of order.
    sql: "SELECT CAST(group_concat(summary, '') AS BLOB) AS summaries FROM (SELECT summary FROM series_blocks WHERE series_pk = ? ORDER BY last_step)",
    args: [seriesPk],
  });
  const bytes = rs.rows[0]?.summaries as ArrayBuffer | null | undefined;
  const chunks = new ChunkSummaries();
  // ~530 bytes a full block of 16 chunks: reserving up front saves regrowing ten arrays.
  chunks.reserve(Math.ceil((bytes?.byteLength ?? 0) / 30));
  return bytes ? decodeSummary(new Uint8Array(bytes), chunks) : chunks;
}

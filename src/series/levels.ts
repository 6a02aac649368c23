// Summary levels, kept by writes: rows of `series_levels` that summarise groups of
// consecutive blocks, so a whole-series downsampled read fetches O(buckets) entries instead
// of every 64-point chunk (./levels-read.ts reads them; ./codec/level-summary.ts is the
// format). A level-1 row holds one entry per block of a group of LEVEL_FANOUT consecutive
// blocks; a level-L row one entry per level-(L−1) row of a group of LEVEL_FANOUT
// consecutive ones, up to MAX_LEVEL.
//
// Rules, each kept inside the write's transaction so that no read sees a half-kept level:
// - Only sealed blocks are grouped: never the series' last block, which the next append
//   rewrites. An append runs the seal pass only when its series' sealed blocks pass a
//   multiple of LEVEL_FANOUT (./store.ts): one more read, and one INSERT when a row is due.
// - A write that rewrites blocks other than the last first deletes, at every level, the
//   rows over the step range of the blocks it touched, and the first row after that range
//   when the block before it was among them (its prev_last would be stale); then the seal
//   pass below regroups the stretch left uncovered.
// - The seal pass, after the write's statements: for each level L from 1 up, the units of
//   the level below (blocks, or level-(L−1) rows) in the stretch between the level-L rows
//   around the written steps are grouped from the left, LEVEL_FANOUT adjacent units a row
//   (adjacent: no block between them, told by prev_last). At the series' open end the
//   remainder waits for later blocks; a stretch with a row after it (one a rewrite emptied)
//   is grouped whole, the remainder joining the last group (so a row holds 1 to
//   2·LEVEL_FANOUT − 1 entries), or the level above could never group across it again. At
//   most SEAL_READ_ROWS·LEVEL_FANOUT units a level are read per write, so a series stored
//   before levels existed gains them a stretch per append.
// Invariant: every row's units exist, and rows of one level never overlap, so a unit is
// either inside one row of the level above or outside all of them.
import type { InStatement, InValue, Row, Transaction } from "@libsql/client";
import { ChunkSummaries, decodeSummary } from "./codec/chunk-summary.ts";
import { appendCollapsed, decodeLevel, encodeLevel } from "./codec/level-summary.ts";

/** Units per row: measured in bench/RESULTS.md ("Summary levels"). */
export const LEVEL_FANOUT = 16;
/** With 1,024-point blocks and a fan-out of 16, a level-5 row covers ~10^12 points' worth. */
export const MAX_LEVEL = 5;
const SEAL_READ_ROWS = 4;

/** A series by pk, or by run and key when its row is written in the same batch. */
export type SeriesKey = number | { runPk: number; name: string; context: string };

/** A write that changed which blocks are sealed, over steps [lo, hi]: its levels are brought up to date after it. */
export interface LevelSeal {
  series: SeriesKey;
  lo: number;
  hi: number;
}

const NO_STEP = Number.MAX_SAFE_INTEGER;

/**
 * Deletes series `pk`'s level rows whose units may change when the blocks over steps
 * [lo, hi] are rewritten: those overlapping it, and at each level the first row after it
 * when the block just before that row lies in it. `lo` is -1 when no block precedes the
 * write, so that a row starting the series counts as following it.
 */
export function invalidateLevelsStatement(pk: number, lo: number, hi: number): InStatement {
  const perLevel = [];
  for (let level = 1; level <= MAX_LEVEL; level++) {
    perLevel.push(
      `SELECT rowid FROM series_levels WHERE series_pk = ?1 AND level = ${level} AND last_step >= ?2 AND first_step <= ?3
         AND first_step >= coalesce((SELECT first_step FROM series_levels WHERE series_pk = ?1 AND level = ${level} AND first_step <= ?2 ORDER BY first_step DESC LIMIT 1), ?2)`,
      `SELECT rowid FROM (SELECT rowid, prev_last FROM series_levels WHERE series_pk = ?1 AND level = ${level} AND first_step > ?3 ORDER BY first_step LIMIT 1)
         WHERE prev_last BETWEEN ?2 AND ?3`,
    );
  }
  return { sql: `DELETE FROM series_levels WHERE rowid IN (${perLevel.join(" UNION ALL ")})`, args: [pk, lo, hi] };
}

/** The statement reading, for each level, the units of the level below in the stretch around [lo, hi] that no row of it covers. */
function sealReadStatement(seal: LevelSeal, fanout: number): InStatement {
  const byKey = typeof seal.series !== "number";
  const pkSql = byKey ? "(SELECT pk FROM series WHERE run_pk = :run AND name = :name AND context = :context)" : ":pk";
  const args: Record<string, InValue> =
    typeof seal.series === "number"
      ? { pk: seal.series, lo: seal.lo, hi: seal.hi }
      : { run: seal.series.runPk, name: seal.series.name, context: seal.series.context, lo: seal.lo, hi: seal.hi };
  const limit = SEAL_READ_ROWS * fanout;
  // The level-L rows just before and after the written steps bound the stretch.
  const after = (level: number) =>
    `coalesce((SELECT last_step FROM series_levels WHERE series_pk = (SELECT pk FROM s) AND level = ${level} AND first_step < :lo ORDER BY first_step DESC LIMIT 1), -1)`;
  const before = (level: number) =>
    `coalesce((SELECT first_step FROM series_levels WHERE series_pk = (SELECT pk FROM s) AND level = ${level} AND first_step > :hi ORDER BY first_step LIMIT 1), ${NO_STEP})`;
  const parts = [
    `SELECT * FROM (SELECT b.series_pk AS pk, 0 AS unit, b.first_step, b.last_step, b.count, b.summary,
       coalesce((SELECT last_step FROM series_blocks WHERE series_pk = b.series_pk AND first_step < b.first_step ORDER BY first_step DESC LIMIT 1), -1) AS prev_last
     FROM series_blocks b
     WHERE b.series_pk = (SELECT pk FROM s) AND b.first_step > ${after(1)} AND +b.last_step < ${before(1)} AND +b.last_step < (SELECT top FROM s)
     ORDER BY b.first_step LIMIT ${limit})`,
  ];
  for (let level = 2; level <= MAX_LEVEL; level++) {
    parts.push(
      `SELECT * FROM (SELECT u.series_pk AS pk, ${level - 1} AS unit, u.first_step, u.last_step, u.count, u.summary, u.prev_last
       FROM series_levels u
       WHERE u.series_pk = (SELECT pk FROM s) AND u.level = ${level - 1} AND u.first_step > ${after(level)} AND +u.last_step < ${before(level)}
       ORDER BY u.first_step LIMIT ${limit})`,
    );
  }
  // Per level, the first row after the stretch (rows with unit −level): is the stretch's end known?
  for (let level = 1; level <= MAX_LEVEL; level++) parts.push(`SELECT s.pk, ${-level}, ${before(level)}, NULL, NULL, NULL, NULL FROM s`);
  return {
    sql: `WITH s(pk, top) AS (SELECT p.pk, (SELECT max(last_step) FROM series_blocks WHERE series_pk = p.pk) FROM (SELECT ${pkSql} AS pk) p)
          ${parts.join(" UNION ALL ")}`,
    args,
  };
}

/** A unit of some level: its step range, the last step before its first block, and where its points summed up as one entry are in the pool. */
interface Unit {
  firstStep: number;
  lastStep: number;
  prevLast: number;
  at: number;
}

/** Adds the unit of `row` (a block or a level row) to `pool`, decoding it through `scratch`. */
function storedUnit(row: Row, pool: ChunkSummaries, scratch: ChunkSummaries): Unit {
  const bytes = new Uint8Array(row.summary as ArrayBuffer);
  scratch.length = 0;
  if (Number(row.unit) === 0) decodeSummary(bytes, scratch);
  else decodeLevel(bytes, scratch);
  appendCollapsed(pool, scratch);
  return { firstStep: Number(row.first_step), lastStep: Number(row.last_step), prevLast: Number(row.prev_last), at: pool.length - 1 };
}

/** A new level row: `series_levels` values but the series pk. */
interface NewRow {
  level: number;
  firstStep: number;
  lastStep: number;
  prevLast: number;
  count: number;
  summary: Uint8Array;
}

/** Splits `units` (in step order) into runs of adjacent ones: no block between one and the next. */
function adjacentRuns(units: Unit[]): Unit[][] {
  const runs: Unit[][] = [];
  for (const unit of units) {
    const run = runs[runs.length - 1];
    if (run && unit.prevLast === run[run.length - 1].lastStep) run.push(unit);
    else runs.push([unit]);
  }
  return runs;
}

/**
 * Where a run of units is cut into groups: `fanout` units a group from the left. A run with a
 * known end (more follows it in the series: a stretch between two rows a rewrite emptied) is
 * grouped whole, its remainder joining the last group (a run shorter than `fanout`: one
 * group), so that no unit stays uncovered between rows and the level above can group them;
 * the open end of the series keeps its remainder for later appends.
 */
function groupBounds(length: number, fanout: number, open: boolean): [number, number][] {
  const groups = open ? Math.floor(length / fanout) : Math.max(1, Math.floor(length / fanout));
  return Array.from({ length: groups }, (_, g) => [g * fanout, g === groups - 1 && !open ? length : (g + 1) * fanout]);
}

/**
 * The rows the seal pass adds to one series, from what sealReadStatement read (`rows`):
 * bottom-up, each level's groups made of the stored units and those built one level below.
 */
export function sealedRows(rows: readonly Row[], fanout: number): NewRow[] {
  const limit = SEAL_READ_ROWS * fanout;
  const storedAt: Unit[][] = Array.from({ length: MAX_LEVEL }, () => []);
  const boundedAt: boolean[] = [];
  // Every unit's entry in one pool: a ChunkSummaries each costs ten arrays.
  const pool = new ChunkSummaries();
  const scratch = new ChunkSummaries();
  for (const row of rows) {
    const unit = Number(row.unit);
    if (unit < 0) boundedAt[-unit] = Number(row.first_step) < NO_STEP;
    else storedAt[unit].push(storedUnit(row, pool, scratch));
  }
  const out: NewRow[] = [];
  let built: Unit[] = [];
  for (let level = 1; level <= MAX_LEVEL; level++) {
    const stored = storedAt[level - 1];
    let units = [...stored, ...built].sort((a, b) => a.firstStep - b.firstStep);
    // The read stopped at `limit`: what lies past its last unit is not known here.
    const cut = stored.length === limit;
    if (cut) units = units.filter((u) => u.lastStep <= stored[limit - 1].lastStep);
    built = [];
    const runs = adjacentRuns(units);
    runs.forEach((run, r) => {
      const open = r === runs.length - 1 && (cut || !boundedAt[level]);
      for (const [from, to] of groupBounds(run.length, fanout, open)) {
        const group = run.slice(from, to);
        const entries = new ChunkSummaries();
        entries.reserve(group.length);
        for (const u of group) appendCollapsed(entries, pool, u.at, u.at + 1);
        const prevLast = group[0].prevLast;
        const row: NewRow = {
          level,
          firstStep: group[0].firstStep,
          lastStep: group[group.length - 1].lastStep,
          prevLast,
          count: entries.count.subarray(0, group.length).reduce((a, b) => a + b, 0),
          summary: encodeLevel(entries, prevLast),
        };
        out.push(row);
        appendCollapsed(pool, entries);
        built.push({ firstStep: row.firstStep, lastStep: row.lastStep, prevLast, at: pool.length - 1 });
      }
    });
  }
  return out;
}

/**
 * Brings the summary levels of the series `seals` name up to date inside the caller's
 * transaction, after the statements that wrote their blocks: one batch of reads, then one
 * INSERT when rows are due.
 */
export async function sealLevels(tx: Pick<Transaction, "batch">, seals: readonly LevelSeal[], fanout = LEVEL_FANOUT): Promise<void> {
  if (!seals.length) return;
  const results = await tx.batch(seals.map((seal) => sealReadStatement(seal, fanout)));
  const rows: InValue[][] = [];
  for (const rs of results) {
    if (!rs.rows.length) continue;
    const pk = Number(rs.rows[0].pk);
    for (const r of sealedRows(rs.rows, fanout)) rows.push([pk, r.level, r.firstStep, r.lastStep, r.prevLast, r.count, r.summary]);
  }
  if (!rows.length) return;
  // 200 rows a statement: well under SQLite's 32,766 bound parameters.
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const part = rows.slice(i, i + 200);
    statements.push({
      sql: `INSERT INTO series_levels (series_pk, level, first_step, last_step, prev_last, count, summary) VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      args: part.flat(),
    });
  }
  await tx.batch(statements);
}

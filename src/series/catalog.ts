// The `series` table: which series a run has, and each one's summary (count, first/last
// step, last value, min, max, last time), kept up to date by ./store.ts on every write.
// Float summaries sit in REAL columns with flag bits for NaN and ±Infinity
// (./codec/float-columns.ts); nothing outside this folder decodes them.
import type { InStatement } from "@libsql/client";
import { lastFromColumn, maxFromColumn, minFromColumn } from "./codec/float-columns.ts";
import type { Executor } from "./store.ts";

export interface SeriesSummary {
  name: string;
  /** Canonical context JSON. */
  context: string;
  count: number;
  firstStep: number | null;
  lastStep: number | null;
  /** null: no points. NaN and ±Infinity are exact. */
  last: number | null;
  /** null: no points, or every point NaN. */
  min: number | null;
  max: number | null;
  lastTime: number | null;
}

/** A series as found: its key and version (for the block cache) with its summary. */
export interface SeriesRow {
  pk: number;
  runPk: number;
  version: number;
  summary: SeriesSummary;
}

export type SummaryColumn = "last" | "min" | "max";

const COLUMNS = "s.pk, s.run_pk, s.version, s.name, s.context, s.count, s.first_step, s.last_step, s.last_value, s.flags, s.min, s.max, s.last_time";

const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));

/** A summary column as stored (REAL or NULL, plus the flags) back to the exact float. */
export function decodeSummaryColumn(column: SummaryColumn, value: number | null, flags: number): number | null {
  return column === "last" ? lastFromColumn(value, flags) : column === "min" ? minFromColumn(value, flags) : maxFromColumn(value, flags);
}

/** The SQL column holding a summary (over `series s`), for queries that read it in bulk. */
export const SUMMARY_SQL: Record<SummaryColumn, string> = { last: "s.last_value", min: "s.min", max: "s.max" };

function rowOf(row: Record<string, unknown>): SeriesRow {
  const flags = Number(row.flags);
  return {
    pk: Number(row.pk),
    runPk: Number(row.run_pk),
    version: Number(row.version),
    summary: {
      name: String(row.name),
      context: String(row.context),
      count: Number(row.count),
      firstStep: num(row.first_step),
      lastStep: num(row.last_step),
      last: decodeSummaryColumn("last", num(row.last_value), flags),
      min: decodeSummaryColumn("min", num(row.min), flags),
      max: decodeSummaryColumn("max", num(row.max), flags),
      lastTime: num(row.last_time),
    },
  };
}

/** A run's series in (name, context) order, `limit` of them after `after` (a (name, context) pair). */
export async function listRunSeries(db: Executor, runPk: number, options: { limit?: number; after?: [string, string] } = {}): Promise<SeriesRow[]> {
  const { limit, after } = options;
  const rs = await db.execute({
    sql: `SELECT ${COLUMNS} FROM series s WHERE s.run_pk = ? ${after ? "AND (s.name, s.context) > (?, ?)" : ""} ORDER BY s.name, s.context${limit === undefined ? "" : " LIMIT ?"}`,
    args: [runPk, ...(after ?? []), ...(limit === undefined ? [] : [limit])],
  });
  return rs.rows.map((row) => rowOf(row as unknown as Record<string, unknown>));
}

/** Every series of each of `runPks`, in one query, by run then (name, context). */
export async function listSeriesOfRuns(db: Executor, runPks: readonly number[]): Promise<SeriesRow[]> {
  if (!runPks.length) return [];
  const rs = await db.execute({
    sql: `SELECT ${COLUMNS} FROM series s WHERE s.run_pk IN (${runPks.map(() => "?").join(", ")}) ORDER BY s.run_pk, s.name, s.context`,
    args: [...runPks],
  });
  return rs.rows.map((row) => rowOf(row as unknown as Record<string, unknown>));
}

/**
 * The series named by (name, context) keys in each of `runPks`, in one query; a run lacking
 * one simply has no row for it. Rows come in run order as given, then key order.
 */
export async function findSeries(db: Executor, runPks: readonly number[], keys: readonly { name: string; context: string }[]): Promise<SeriesRow[]> {
  if (!runPks.length || !keys.length) return [];
  const rs = await db.execute({
    sql: `WITH wanted(name, context, k) AS (VALUES ${keys.map(() => "(?, ?, ?)").join(", ")}),
               chosen(run_pk, r) AS (VALUES ${runPks.map(() => "(?, ?)").join(", ")})
          SELECT ${COLUMNS} FROM chosen JOIN wanted JOIN series s ON s.run_pk = chosen.run_pk AND s.name = wanted.name AND s.context = wanted.context
          ORDER BY chosen.r, wanted.k`,
    args: [...keys.flatMap((key, k) => [key.name, key.context, k]), ...runPks.flatMap((pk, r) => [pk, r])],
  });
  return rs.rows.map((row) => rowOf(row as unknown as Record<string, unknown>));
}

/** Statements deleting every series (blocks and summary levels first) of the runs `runPksSql` selects. */
export function deleteSeriesOf(runPksSql: string, args: (string | number)[]): InStatement[] {
  return [
    { sql: `DELETE FROM series_levels WHERE series_pk IN (SELECT pk FROM series WHERE run_pk IN (${runPksSql}))`, args },
    { sql: `DELETE FROM series_blocks WHERE series_pk IN (SELECT pk FROM series WHERE run_pk IN (${runPksSql}))`, args },
    { sql: `DELETE FROM series WHERE run_pk IN (${runPksSql})`, args },
  ];
}

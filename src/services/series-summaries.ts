import type { Deps } from "../deps.ts";
import { parseContext, type Context } from "../lib/context.ts";
import { toWire, type WireNumber } from "../lib/numbers.ts";

export interface SeriesSummaryView {
  name: string;
  context: Context;
  count: number;
  first_step: number | null;
  last_step: number | null;
  last: WireNumber | null;
  min: WireNumber | null;
  max: WireNumber | null;
  last_time: number | null;
}

const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
const wire = (x: unknown) => (x === null || x === undefined ? null : toWire(Number(x)));

export function seriesSummaryView(row: Record<string, unknown>): SeriesSummaryView {
  return {
    name: String(row.name),
    context: parseContext(String(row.context)),
    count: Number(row.count),
    first_step: num(row.first_step),
    last_step: num(row.last_step),
    // SQLite stores NaN as NULL, so the NaN-ness of the last value lives in its own column.
    last: Number(row.last_nan) ? "NaN" : wire(row.last_value),
    min: wire(row.min),
    max: wire(row.max),
    last_time: num(row.last_time),
  };
}

export const SERIES_SUMMARY_COLUMNS = "name, context, count, first_step, last_step, last_value, last_nan, min, max, last_time";

export async function listSeriesSummaries({ client }: Deps, runPk: number): Promise<SeriesSummaryView[]> {
  const rs = await client.execute({
    sql: `SELECT ${SERIES_SUMMARY_COLUMNS} FROM series WHERE run_pk = ? ORDER BY name, context`,
    args: [runPk],
  });
  return rs.rows.map((row) => seriesSummaryView(row as unknown as Record<string, unknown>));
}

import type { Deps } from "../deps.ts";
import { parseContext, type Context } from "../lib/context.ts";
import { toWire, type WireNumber } from "../lib/numbers.ts";
import { lastFromColumn, maxFromColumn, minFromColumn } from "../lib/float-columns.ts";

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
const wire = (x: number | null) => (x === null ? null : toWire(x));

export function seriesSummaryView(row: Record<string, unknown>): SeriesSummaryView {
  const flags = Number(row.flags);
  return {
    name: String(row.name),
    context: parseContext(String(row.context)),
    count: Number(row.count),
    first_step: num(row.first_step),
    last_step: num(row.last_step),
    last: wire(lastFromColumn(num(row.last_value), flags)),
    min: wire(minFromColumn(num(row.min), flags)),
    max: wire(maxFromColumn(num(row.max), flags)),
    last_time: num(row.last_time),
  };
}

export const SERIES_SUMMARY_COLUMNS = "name, context, count, first_step, last_step, last_value, flags, min, max, last_time";

export async function listSeriesSummaries({ client }: Deps, runPk: number): Promise<SeriesSummaryView[]> {
  const rs = await client.execute({
    sql: `SELECT ${SERIES_SUMMARY_COLUMNS} FROM series WHERE run_pk = ? ORDER BY name, context`,
    args: [runPk],
  });
  return rs.rows.map((row) => seriesSummaryView(row as unknown as Record<string, unknown>));
}

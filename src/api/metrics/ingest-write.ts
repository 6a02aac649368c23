// The write half of an ingest: one transaction over every series of a batch, so either all
// its points land or none do. Kept apart from the request's checks (./service.ts) so that a
// host can run it where its database connection lives: the Node host's writer thread runs it
// as one message (src/hosts/node-writer.ts) instead of one round trip per statement, each of
// which would wait for a turn of the main event loop that readers keep busy.
import type { Client } from "@libsql/client";
import { type Point, type SeriesWrite, writeSeries } from "../../series/index.ts";
import { recordActivity } from "../runs/liveness/activity.ts";

export interface IngestWrite {
  runPk: number;
  /** Make a finished run running again, in the same transaction. */
  reopen: boolean;
  series: readonly SeriesWrite[];
  maxSeriesPerRun: number;
}

/** `held` is the series count the run would have reached when that passes the limit: then nothing was written. */
export type IngestWriteResult = { written: true } | { written: false; held: number };

export async function writeIngest(client: Pick<Client, "transaction">, w: IngestWrite): Promise<IngestWriteResult> {
  const tx = await client.transaction("write");
  try {
    if (w.reopen) {
      await tx.execute({ sql: "UPDATE runs SET status = 'running', ended_at = NULL, updated_at = ? WHERE pk = ?", args: [Date.now(), w.runPk] });
    }
    const { created } = await writeSeries(tx, w.runPk, w.series);
    // Counted after the write, inside the transaction (closing it unsettled rolls all of it
    // back), and only when the request added series: appends to known series cannot pass it.
    if (created > 0) {
      const held = Number((await tx.execute({ sql: "SELECT count(*) AS n FROM series WHERE run_pk = ?", args: [w.runPk] })).rows[0].n);
      if (held > w.maxSeriesPerRun) return { written: false, held };
    }
    await recordActivity(tx, w.runPk);
    await tx.commit();
    return { written: true };
  } finally {
    tx.close();
  }
}

/**
 * An IngestWrite for another thread: each series' points as four Float64Arrays (a null epoch
 * as NaN, which no stored epoch is), whose buffers move instead of being copied. A structured
 * clone of 10,000 point objects cost more than the write itself: with it, ingest alone ran at
 * half the rate of writes made statement by statement.
 */
export interface PackedIngestWrite extends Omit<IngestWrite, "series"> {
  series: { name: string; context: string; steps: Float64Array; values: Float64Array; epochs: Float64Array; times: Float64Array }[];
}

export function packIngestWrite(w: IngestWrite): { packed: PackedIngestWrite; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const series = w.series.map(({ name, context, points }) => {
    const n = points.length;
    const columns = { steps: new Float64Array(n), values: new Float64Array(n), epochs: new Float64Array(n), times: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      const p = points[i];
      columns.steps[i] = p.step;
      columns.values[i] = p.value;
      columns.epochs[i] = p.epoch ?? Number.NaN;
      columns.times[i] = p.time;
    }
    transfer.push(columns.steps.buffer, columns.values.buffer, columns.epochs.buffer, columns.times.buffer);
    return { name, context, ...columns };
  });
  return { packed: { ...w, series }, transfer };
}

export function unpackIngestWrite(p: PackedIngestWrite): IngestWrite {
  const series = p.series.map(({ name, context, steps, values, epochs, times }) => {
    const points: Point[] = new Array(steps.length);
    for (let i = 0; i < steps.length; i++) {
      const epoch = epochs[i];
      points[i] = { step: steps[i], value: values[i], epoch: Number.isNaN(epoch) ? null : epoch, time: times[i] };
    }
    return { name, context, points };
  });
  return { ...p, series };
}

// The write half of an ingest: one transaction over every series of a batch, so either all
// its points land or none do. Kept apart from the request's checks (./service.ts) so that a
// host can run it where its database connection lives: the Node host's writer thread runs it
// as one message (src/hosts/node-writer.ts) instead of one round trip per statement, each of
// which would wait for a turn of the main event loop that readers keep busy.
import type { Client } from "@libsql/client";
import { type SeriesWrite, writeSeries } from "../../series/index.ts";
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

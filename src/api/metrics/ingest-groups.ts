// Group commit for ingest. Every ingest request paid a COMMIT of its own — an fsync on the
// embedded file, a transaction of several round trips on a libSQL server — so 64 clients were
// served no faster than one. Here, ingests that arrive while a group is being written wait for
// it to finish, then go together in the next one: a transaction with a savepoint per request
// (./ingest-write.ts), answered after its COMMIT. Nothing ever waits for a group to fill: the
// first ingest on an idle writer starts a group at the next turn of the event loop, with
// whatever has arrived by then, so a lone client pays one turn of the loop and no more.
//
// What happens to each request:
//   written             answered after the COMMIT of its group returned (durable)
//   refused (throws, or past the series limit, or its run deleted meanwhile)
//                       rolled back to its savepoint; the others of its group land
//   the COMMIT fails    every request of the group gets that error; none was written
//
// On a local file a group is written statement by statement, a savepoint per ingest
// (./ingest-write.ts); on a libSQL server, where each statement is a round trip, in a few
// batches for the whole group (./ingest-pipelined.ts).
import type { Client } from "@libsql/client";
import { writeIngestGroupPipelined } from "./ingest-pipelined.ts";
import type { IngestOutcome, IngestWrite, IngestWriteResult } from "./ingest-write.ts";
import { writeIngestGroup } from "./ingest-write.ts";

type GroupClient = Pick<Client, "transaction" | "protocol">;
export type GroupWriter = (client: Pick<Client, "transaction">, writes: readonly IngestWrite[]) => Promise<IngestOutcome[]>;

/** How groups are written on `client`: statement by statement on a file, batched on a server. */
export const groupWriterFor = (client: GroupClient): GroupWriter => (client.protocol === "file" ? writeIngestGroup : writeIngestGroupPipelined);

/** One ingest in a transaction of its own (a group of one), written the way `client` suits. */
export async function writeIngestAlone(client: GroupClient, write: IngestWrite): Promise<IngestWriteResult> {
  const [outcome] = await groupWriterFor(client)(client, [write]);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

export interface IngestGroupOptions {
  /** Runs a group exclusively among the host's other writes (the app's write lock), if it must. */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
  /**
   * Calls `start` once what has arrived meanwhile has been queued: the next macrotask, so the
   * messages or requests that came in together form one group (setImmediate on Node).
   */
  defer?: (start: () => void) => void;
  /** Points in one group at most: a larger backlog is written as several groups. */
  maxGroupPoints?: number;
  /** How a group is written; by default the way the client suits (groupWriterFor). */
  writeGroup?: GroupWriter;
}

interface Pending {
  write: IngestWrite;
  points: number;
  resolve: (result: IngestWriteResult) => void;
  reject: (error: unknown) => void;
}

const DEFAULT_MAX_GROUP_POINTS = 1_000_000;

const pointsOf = (w: IngestWrite) => w.series.reduce((n, s) => n + s.columns.steps.length, 0);

/** A writer of ingests in groups; call it for each ingest, as often and as concurrently as requests come. */
export function ingestGroups(client: GroupClient, options: IngestGroupOptions = {}) {
  const writeGroup = options.writeGroup ?? groupWriterFor(client);
  const exclusive = options.exclusive ?? ((task) => task());
  const defer = options.defer ?? ((start) => setTimeout(start, 0));
  const maxPoints = options.maxGroupPoints ?? DEFAULT_MAX_GROUP_POINTS;
  let queue: Pending[] = [];
  let running = false;

  /** Takes the next group off the queue: at least one ingest, then up to maxPoints. */
  function nextGroup(): Pending[] {
    let points = 0;
    let n = 0;
    while (n < queue.length && (n === 0 || points + queue[n].points <= maxPoints)) points += queue[n++].points;
    const group = queue.slice(0, n);
    queue = queue.slice(n);
    return group;
  }

  async function drain(): Promise<void> {
    while (queue.length) {
      const group = nextGroup();
      try {
        const outcomes = await exclusive(() =>
          writeGroup(
            client,
            group.map((p) => p.write),
          ),
        );
        outcomes.forEach((outcome, i) => {
          if (outcome.ok) group[i].resolve(outcome.value);
          else group[i].reject(outcome.error);
        });
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
    running = false;
  }

  return (write: IngestWrite): Promise<IngestWriteResult> =>
    new Promise<IngestWriteResult>((resolve, reject) => {
      queue.push({ write, points: pointsOf(write), resolve, reject });
      if (running) return;
      running = true;
      defer(() => void drain());
    });
}

// The Node host's writer thread. The embedded libSQL driver is synchronous: a write
// transaction's statements, and above all its COMMIT (an fsync of the WAL), run on the
// thread that calls them. On the event loop that stalls every request, reads included, for
// as long as the disk takes (bench/RESULTS.md, "Reads beside writes"). So the host keeps
// reads on the main thread and gives writes to this worker: one connection of its own on the
// same file, in WAL mode, so readers never wait for it; durability is unchanged
// (synchronous=FULL, the default: a transaction is acknowledged after its COMMIT returned).
//
// What goes over the message channel (structured clone):
//   main → worker  {id, op: "execute", tx, mode, stmt} | {id, op: "batch", tx?, stmts, mode?}
//                  | {id, op: "commit" | "rollback" | "close-tx", tx}
//                  | {id, op: "ingest", write}: an ingest, its points in transferred
//                    columns, written here with every other ingest waiting in one
//                    transaction (group commit: src/api/metrics/ingest-groups.ts); the reply
//                    (its IngestWriteResult) comes after the COMMIT that holds it.
// The embedded driver is synchronous, so a group runs start to COMMIT without yielding to
// this thread's event loop: the messages that arrive meanwhile are queued and form the next
// group. An interactive transaction (execute ops with a tx id) spans several messages, so
// groups wait for it (and it for them) on `gate`.
// Transaction ids are chosen by the main thread, and a transaction begins with its first
// statement: every round trip waits for a turn of the main event loop, so none is spent on
// BEGIN alone (a commit or rollback also closes it).
//   worker → main  {ready: true} once, first (or {ready: false, error}), then per request
//                  {id, ok: true, value} | {id, ok: false, error: {name, message, code?, extendedCode?, rawCode?, statementIndex?}}
// A result set travels as {columns, columnTypes, rows: values[][], rowsAffected, lastInsertRowid}:
// the driver's row objects (indexed and named properties) do not survive cloning, so the main
// thread rebuilds them (src/hosts/node.ts, writerClient).
import { parentPort, workerData } from "node:worker_threads";
import { type Client, createClient, type InStatement, type ResultSet, type Transaction, type TransactionMode } from "@libsql/client";
import { ingestGroups } from "../api/metrics/ingest-groups.ts";
import type { IngestWrite } from "../api/metrics/ingest-write.ts";
import { createWriteLock } from "../http/write-lock.ts";

export type WriterRequest =
  | { id: number; op: "execute"; tx: number; mode: TransactionMode; stmt: InStatement }
  | { id: number; op: "batch"; tx?: number; stmts: InStatement[]; mode?: TransactionMode }
  | { id: number; op: "commit" | "rollback" | "close-tx"; tx: number }
  | { id: number; op: "ingest"; write: IngestWrite };

export interface WireResultSet {
  columns: string[];
  columnTypes: string[];
  rows: unknown[][];
  rowsAffected: number;
  lastInsertRowid: bigint | undefined;
}

export interface WireError {
  name: string;
  message: string;
  code?: string;
  extendedCode?: string;
  rawCode?: number;
  statementIndex?: number;
}

export type WriterReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

const toWire = (rs: ResultSet): WireResultSet => ({
  columns: rs.columns,
  columnTypes: rs.columnTypes,
  rows: rs.rows.map((row) => Array.from({ length: rs.columns.length }, (_, i) => row[i])),
  rowsAffected: rs.rowsAffected,
  lastInsertRowid: rs.lastInsertRowid,
});

function errorToWire(err: unknown): WireError {
  const e = err as Partial<WireError> & Error;
  return {
    name: e?.name ?? "Error",
    message: e?.message ?? String(err),
    code: e?.code,
    extendedCode: e?.extendedCode,
    rawCode: e?.rawCode,
    statementIndex: e?.statementIndex,
  };
}

function serve(client: Client) {
  const gate = createWriteLock();
  const writeIngest = ingestGroups(client, { exclusive: gate, defer: setImmediate });
  const transactions = new Map<number, { tx: Transaction; release: () => void }>();
  /** The open transaction `id`, begun now in `mode` (once the gate is ours) if it is new. */
  async function txOf(id: number, mode: TransactionMode = "write"): Promise<Transaction> {
    const open = transactions.get(id);
    if (open) return open.tx;
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await new Promise<void>((entered) => {
      void gate(() => {
        entered();
        return held;
      });
    });
    try {
      const tx = await client.transaction(mode);
      transactions.set(id, { tx, release });
      return tx;
    } catch (err) {
      release();
      throw err;
    }
  }
  async function settle(id: number, how: "commit" | "rollback"): Promise<null> {
    const open = transactions.get(id);
    transactions.delete(id);
    if (!open) return null; // nothing was executed in it
    try {
      await open.tx[how]();
    } finally {
      open.tx.close();
      open.release();
    }
    return null;
  }
  async function handle(req: WriterRequest): Promise<unknown> {
    switch (req.op) {
      case "execute":
        return toWire(await (await txOf(req.tx, req.mode)).execute(req.stmt));
      case "batch":
        return (req.tx === undefined ? await client.batch(req.stmts, req.mode) : await (await txOf(req.tx, req.mode)).batch(req.stmts)).map(toWire);
      case "commit":
      case "rollback":
        return settle(req.tx, req.op);
      case "close-tx":
        return settle(req.tx, "rollback");
      case "ingest":
        return writeIngest(req.write);
    }
  }
  parentPort!.on("message", (req: WriterRequest) => {
    handle(req).then(
      (value) => parentPort!.postMessage({ id: req.id, ok: true, value } satisfies WriterReply),
      (err) => parentPort!.postMessage({ id: req.id, ok: false, error: errorToWire(err) } satisfies WriterReply),
    );
  });
}

if (parentPort && workerData?.runcampWriter) {
  const { url, timeout } = workerData as { url: string; timeout: number };
  const client = createClient({ url, timeout });
  serve(client);
  // Ready once the connection answers: the host listens only after this.
  client.execute("SELECT 1").then(
    () => parentPort!.postMessage({ ready: true }),
    (err) => parentPort!.postMessage({ ready: false, error: errorToWire(err) }),
  );
}

// Serialises write requests within one process. The embedded libSQL driver is synchronous:
// while one request holds an open write transaction across awaits, another request's write
// would block the whole event loop in SQLite's busy handler — including the first request,
// which then cannot commit. Queueing writes here avoids that deadlock. (Remote libSQL servers
// lock on their side. The Worker host runs without this lock: in workerd a promise chained
// across requests breaks when one of them is cancelled, see src/hosts/worker.ts.)
//
// Some requests are exempt from the middleware (`exempt`): a streamed upload (an artifact)
// cannot wait for its whole body before taking the lock, and must not hold it while its
// client sends, so it takes the lock itself, once per batch of parts it writes
// (src/api/artifacts/libsql-store.ts); an ingest's write waits in the group committer, which takes
// the lock (or runs on the host's writer thread) per group of ingests
// (src/api/metrics/ingest-groups.ts); a POST that only reads takes no lock.
import type { Context, MiddlewareHandler } from "hono";

/** Runs `task` after every task queued before it has settled. */
export type WriteLock = <T>(task: () => Promise<T>) => Promise<T>;

export function createWriteLock(): WriteLock {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs every non-read request under `lock`, after its body has been received in full,
 * except those `exempt` picks.
 */
export function serializeWrites(lock: WriteLock, exempt: (c: Context) => boolean = () => false): MiddlewareHandler {
  return async (c, next) => {
    if (READ_METHODS.has(c.req.method) || exempt(c)) return next();
    // Read the body first (Hono caches it for the handler) so a slow upload never holds the lock.
    await c.req.arrayBuffer();
    await lock(next);
  };
}

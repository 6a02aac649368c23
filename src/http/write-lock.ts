// Serialises write requests within one process. The embedded libSQL driver is synchronous:
// while one request holds an open write transaction across awaits, another request's write
// would block the whole event loop in SQLite's busy handler — including the first request,
// which then cannot commit. Queueing writes here avoids that deadlock. (Remote libSQL servers
// lock on their side; serialising per isolate there only costs a little concurrency.)
import type { MiddlewareHandler } from "hono";

export function createWriteLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type WriteLock = ReturnType<typeof createWriteLock>;

/** Runs every non-read request under the lock, after its body has been received in full. */
export function serializeWrites(run: WriteLock): MiddlewareHandler {
  return async (c, next) => {
    if (READ_METHODS.has(c.req.method)) return next();
    // Read the body first (Hono caches it for the handler) so a slow upload never holds the lock.
    await c.req.arrayBuffer();
    await run(next);
  };
}

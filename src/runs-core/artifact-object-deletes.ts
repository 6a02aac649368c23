// The queue of objects to remove from object stores (table artifact_object_deletes). A batch
// that deletes artifact rows queues their objects (deleteArtifactBytesOf in ./run-delete.ts),
// since an object store cannot join the transaction; the request drains the queue after its
// commit. A drain that fails (the store down) or never runs (the server stopped first) leaves
// the rows queued, and the next drain (after any later artifact upload or delete, or
// `npm run artifacts:move`) removes them; until then the objects only cost storage, as no row
// refers to them. A queued key of an upload that never finished also has its open multipart
// uploads aborted.
import type { Deps } from "../deps.ts";
import type { WriteLock } from "../http/write-lock.ts";

/** Queue rows taken per round. */
const DRAIN_BATCH = 500;

/** Never throws: the deletes it follows are committed; what fails stays queued (and is logged). */
export async function drainObjectDeletes(deps: Deps, lock: WriteLock = (task) => task()): Promise<void> {
  for (const store of deps.artifactStores?.objectStores ?? []) {
    try {
      for (;;) {
        const rs = await deps.client.execute({
          sql: "SELECT pk, key, unfinished FROM artifact_object_deletes WHERE store = ? ORDER BY pk LIMIT ?",
          args: [store.name, DRAIN_BATCH],
        });
        const rows = rs.rows.map((r) => ({ pk: Number(r.pk), key: String(r.key), unfinished: Number(r.unfinished) === 1 }));
        if (!rows.length) break;
        for (const row of rows) if (row.unfinished) await store.bucket.abortUploadsOf(row.key);
        await store.bucket.delete(rows.map((r) => r.key));
        await lock(() =>
          deps.client.execute({ sql: `DELETE FROM artifact_object_deletes WHERE pk IN (${rows.map(() => "?").join(",")})`, args: rows.map((r) => r.pk) }),
        );
        if (rows.length < DRAIN_BATCH) break;
      }
    } catch (error) {
      console.error(`deleting objects from the ${store.name} artifact store failed; they stay queued`, error);
    }
  }
}

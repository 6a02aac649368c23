// Moving a repo's artifacts from store to store (`npm run artifacts:move`, scripts/artifacts-move.ts).
// One artifact at a time: its bytes are streamed from the store its row names into the target
// under a new key, their size and SHA-256 checked against the row, and then one batch switches
// the row to the copy, only if the row still names the bytes that were copied (a replacement
// or a delete meanwhile wins, and the copy is dropped), and in the same batch drops the old
// bytes (libSQL parts at once, an object by way of the delete queue). Readers see the old copy
// or the new one, never neither. An artifact already in the target is skipped, so running it
// again after an interruption goes on where it stopped; what an interrupted copy left is
// removed then (parts) or queued (objects).
import type { InStatement } from "@libsql/client";
import type { ArtifactStoreName } from "../../config.ts";
import type { Deps } from "../../deps.ts";
import { drainObjectDeletes } from "../../runs-core/artifact-object-deletes.ts";
import { findRepoPk } from "../../runs-core/repo-lookup.ts";
import { storesOf } from "./service.ts";
import { storeNamed } from "./stores.ts";

export interface MoveProgress {
  index: number;
  total: number;
  run: string;
  path: string;
  size: number;
  outcome: "moved" | "changed meanwhile" | { error: string };
}

export interface MoveSummary {
  moved: number;
  movedBytes: number;
  alreadyThere: number;
  skipped: number;
  failed: number;
}

/** Deletes parts of `pk` that no row in libSQL owns (what an interrupted copy into libSQL left). */
const strayParts = (pk: number): InStatement => ({
  sql: "DELETE FROM artifact_parts WHERE artifact_pk = ? AND NOT EXISTS (SELECT 1 FROM artifacts WHERE pk = ? AND store = 'libsql')",
  args: [pk, pk],
});

export async function moveRepoArtifacts(deps: Deps, repo: string, to: ArtifactStoreName, onProgress: (p: MoveProgress) => void): Promise<MoveSummary> {
  const stores = storesOf(deps);
  const target = storeNamed(stores, to);
  const repoPk = await findRepoPk(deps, repo);
  const summary: MoveSummary = { moved: 0, movedBytes: 0, alreadyThere: 0, skipped: 0, failed: 0 };
  const inRepo = "FROM artifacts a JOIN runs r ON r.pk = a.run_pk WHERE r.repo_pk = ? AND a.path IS NOT NULL";
  summary.alreadyThere = Number((await deps.client.execute({ sql: `SELECT count(*) AS n ${inRepo} AND a.store = ?`, args: [repoPk, to] })).rows[0].n);
  const rs = await deps.client.execute({
    sql: `SELECT a.pk, r.id AS run, a.path, a.size, a.sha256, a.store, a.object_key ${inRepo} AND a.store <> ? ORDER BY a.pk`,
    args: [repoPk, to],
  });
  const rows = rs.rows.map((r) => ({
    pk: Number(r.pk),
    run: String(r.run),
    path: String(r.path),
    size: Number(r.size),
    sha256: String(r.sha256),
    store: String(r.store),
    key: r.object_key === null ? null : String(r.object_key),
  }));
  for (const [i, row] of rows.entries()) {
    const report = (outcome: MoveProgress["outcome"]) =>
      onProgress({ index: i + 1, total: rows.length, run: row.run, path: row.path, size: row.size, outcome });
    const key = target.newKey();
    // The copy's own bytes, whatever happens to the row: parts no libSQL row owns, or its object queued.
    const dropCopy: InStatement[] =
      key === null
        ? [strayParts(row.pk)]
        : [{ sql: "INSERT INTO artifact_object_deletes (store, key, unfinished, created_at) VALUES (?, ?, 1, ?)", args: [to, key, Date.now()] }];
    try {
      if (key === null) await deps.client.execute(strayParts(row.pk));
      const source = storeNamed(stores, row.store);
      const copied = await target.write({ pk: row.pk, key }, source.read({ pk: row.pk, key: row.key }, 0, row.size), Number.POSITIVE_INFINITY);
      if (copied.size !== row.size || copied.sha256 !== row.sha256) {
        await deps.client.batch(dropCopy, "write");
        summary.failed++;
        report({ error: `the copy has ${copied.size} bytes with SHA-256 ${copied.sha256}, the artifact ${row.size} with ${row.sha256}` });
        continue;
      }
      // The switch, then the old bytes dropped only where it took place, else the copy.
      const switched = `EXISTS (SELECT 1 FROM artifacts WHERE pk = ? AND store = ? AND object_key IS ?)`;
      const results = await deps.client.batch(
        [
          {
            sql: "UPDATE artifacts SET store = ?, object_key = ? WHERE pk = ? AND store = ? AND object_key IS ? AND sha256 = ? AND path IS NOT NULL",
            args: [to, key, row.pk, row.store, row.key, row.sha256],
          },
          { sql: `DELETE FROM artifact_parts WHERE artifact_pk = ? AND ? = 'libsql' AND ${switched}`, args: [row.pk, row.store, row.pk, to, key] },
          {
            sql: `INSERT INTO artifact_object_deletes (store, key, unfinished, created_at) SELECT ?, ?, 0, ? WHERE ? IS NOT NULL AND ${switched}`,
            args: [row.store, row.key, Date.now(), row.key, row.pk, to, key],
          },
        ],
        "write",
      );
      if (results[0].rowsAffected === 0) {
        await deps.client.batch(dropCopy, "write");
        summary.skipped++;
        report("changed meanwhile");
        continue;
      }
      summary.moved++;
      summary.movedBytes += row.size;
      report("moved");
    } catch (error) {
      await deps.client.batch(dropCopy, "write").catch(() => {});
      summary.failed++;
      report({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  await drainObjectDeletes(deps);
  return summary;
}

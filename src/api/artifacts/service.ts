import type { Deps } from "../../deps.ts";
import { contextKey } from "../../http/context-key.ts";
import { decodeCursor, pageOf } from "../../http/cursor.ts";
import { badRequest, notFound } from "../../http/problems.ts";
import { type Context, parseContext } from "../../lib/context.ts";
import { iso } from "../../lib/time.ts";
import { drainObjectDeletes } from "../../runs-core/artifact-object-deletes.ts";
import { deleteArtifactBytesOf } from "../../runs-core/run-delete.ts";
import { findRunPk, runNotFound } from "../../runs-core/run-lookup.ts";
import { confusionMetrics, isConfusionType, parseConfusion } from "./confusion.ts";
import type { ArtifactView, ConfusionMetricsView } from "./schemas.ts";
import { bytesStream, readAllBytes } from "./store.ts";
import { type ArtifactStores, storeNamed } from "./stores.ts";

/** An upload still unfinished after this long was abandoned (its server stopped). */
const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

export interface StoredArtifact {
  pk: number;
  path: string;
  size: number;
  contentType: string;
  sha256: string;
  createdAt: number;
  step: number | null;
  /** Canonical JSON (src/lib/context.ts). */
  context: string;
  /** The store holding its bytes, and their object key there (null in libSQL). */
  store: string;
  objectKey: string | null;
}

/** What an upload says of itself besides its bytes: the step and context it was logged at. */
export interface ArtifactMeta {
  step: number | null;
  context: Context | undefined;
}

export const artifactView = (a: Omit<StoredArtifact, "pk" | "store" | "objectKey">): ArtifactView => ({
  path: a.path,
  size: a.size,
  content_type: a.contentType,
  sha256: a.sha256,
  created_at: iso(a.createdAt),
  step: a.step,
  context: parseContext(a.context),
});

const storedArtifact = (row: Record<string, unknown>): StoredArtifact => ({
  pk: Number(row.pk),
  path: String(row.path),
  size: Number(row.size),
  contentType: String(row.content_type),
  sha256: String(row.sha256),
  createdAt: Number(row.created_at),
  step: row.step === null ? null : Number(row.step),
  context: String(row.context),
  store: String(row.store),
  objectKey: row.object_key === null ? null : String(row.object_key),
});

const COLUMNS = "pk, path, size, content_type, sha256, created_at, step, context, store, object_key";

export function storesOf(deps: Deps): ArtifactStores {
  if (!deps.artifactStores || !deps.writeLock) throw new Error("createApp fills in artifactStores and writeLock");
  return deps.artifactStores;
}

// The path is not repeated back: it is free text from the request.
const artifactNotFound = (runId: string) => notFound(`Run "${runId}" has no artifact at this path.`);

/**
 * Stores `body` at `path`, replacing what was there in one step. A confusion matrix is read
 * whole and checked first (400 with the reason); anything else streams through.
 */
export async function putArtifact(
  deps: Deps,
  repo: string,
  runId: string,
  path: string,
  contentType: string,
  meta: ArtifactMeta,
  body: ReadableStream<Uint8Array>,
): Promise<{ artifact: ArtifactView; created: boolean }> {
  const store = storesOf(deps).uploads;
  const limits = deps.config.limits;
  // Checked before the run lookup and the body: a bad context stores nothing.
  const context = contextKey(meta.context, limits);
  const { runPk } = await findRunPk(deps, repo, runId);
  if (isConfusionType(contentType)) {
    const bytes = await readAllBytes(body, Math.min(limits.maxArtifactBytes, limits.maxBodyBytes));
    parseConfusion(bytes);
    body = bytesStream(bytes);
  }

  const started = Date.now();
  const key = store.newKey();
  const pk = await beginUpload(deps, runPk, contentType, store.name, key, started);
  let stored: { size: number; sha256: string };
  try {
    stored = await store.write({ pk, key }, body, limits.maxArtifactBytes);
  } catch (error) {
    await discardUpload(deps, pk).catch((e) => console.error(e));
    throw error;
  }
  return finishUpload(deps, { repo, runId, runPk, pk, path, contentType, step: meta.step, context, ...stored });
}

/**
 * The upload's invisible row (path NULL), in a batch that also drops the run's uploads
 * abandoned for a day (their server stopped mid-upload); its pk.
 */
export async function beginUpload(deps: Deps, runPk: number, contentType: string, store: string, key: string | null, now: number): Promise<number> {
  const abandoned = "SELECT pk FROM artifacts WHERE run_pk = ? AND path IS NULL AND created_at < ?";
  const [, , , inserted] = await deps.writeLock!(() =>
    deps.client.batch(
      [
        ...deleteArtifactBytesOf(abandoned, [runPk, now - ABANDONED_UPLOAD_MS]),
        { sql: "DELETE FROM artifacts WHERE run_pk = ? AND path IS NULL AND created_at < ?", args: [runPk, now - ABANDONED_UPLOAD_MS] },
        {
          sql: "INSERT INTO artifacts (run_pk, path, content_type, created_at, store, object_key) VALUES (?, NULL, ?, ?, ?, ?) RETURNING pk",
          args: [runPk, contentType, now, store, key],
        },
      ],
      "write",
    ),
  );
  return Number(inserted.rows[0].pk);
}

/** Drops an upload that failed, with whatever bytes it had written. */
export async function discardUpload(deps: Deps, pk: number): Promise<void> {
  const lock = deps.writeLock!;
  await lock(() => deps.client.batch([...deleteArtifactBytesOf("?", [pk]), { sql: "DELETE FROM artifacts WHERE pk = ?", args: [pk] }], "write"));
  await drainObjectDeletes(deps, lock);
}

/** Names a written upload `path`, replacing the previous version in the same batch. */
export async function finishUpload(
  deps: Deps,
  u: {
    repo: string;
    runId: string;
    runPk: number;
    pk: number;
    path: string;
    contentType: string;
    step: number | null;
    context: string;
    size: number;
    sha256: string;
  },
): Promise<{ artifact: ArtifactView; created: boolean }> {
  const lock = deps.writeLock!;
  const now = Date.now();
  const { runPk, pk, path } = u;
  // Each statement runs only while the upload's row still exists (the run was not deleted
  // meanwhile), so a lost race never removes the old version without placing the new one.
  const mine = "EXISTS (SELECT 1 FROM artifacts WHERE pk = ?)";
  const previous = "SELECT pk FROM artifacts WHERE run_pk = ? AND path = ?";
  const results = await lock(() =>
    deps.client.batch(
      [
        ...deleteArtifactBytesOf(`${previous} AND ${mine}`, [runPk, path, pk]),
        { sql: `DELETE FROM artifacts WHERE run_pk = ? AND path = ? AND ${mine}`, args: [runPk, path, pk] },
        {
          sql: "UPDATE artifacts SET path = ?, size = ?, sha256 = ?, created_at = ?, step = ?, context = ?, upload_path = NULL, upload_id = NULL WHERE pk = ?",
          args: [path, u.size, u.sha256, now, u.step, u.context, pk],
        },
      ],
      "write",
    ),
  );
  // What this batch queued (the previous version's object) or beginUpload did (abandoned
  // uploads'), or a run delete meanwhile (this upload's object with it).
  await drainObjectDeletes(deps, lock);
  if (results[results.length - 1].rowsAffected === 0) throw runNotFound(u.repo, u.runId);
  const replaced = results[results.length - 2].rowsAffected > 0;
  return {
    artifact: artifactView({ path, size: u.size, contentType: u.contentType, sha256: u.sha256, createdAt: now, step: u.step, context: u.context }),
    created: !replaced,
  };
}

export async function findArtifact(deps: Deps, repo: string, runId: string, path: string): Promise<StoredArtifact> {
  const { runPk } = await findRunPk(deps, repo, runId);
  const rs = await deps.client.execute({ sql: `SELECT ${COLUMNS} FROM artifacts WHERE run_pk = ? AND path = ?`, args: [runPk, path] });
  if (!rs.rows.length) throw artifactNotFound(runId);
  return storedArtifact(rs.rows[0] as unknown as Record<string, unknown>);
}

/** What names a stored artifact's bytes. */
export type StoredBytesOf = Pick<StoredArtifact, "pk" | "size" | "store" | "objectKey">;

/** Bytes [start, end) of a stored artifact, streamed. */
export function readArtifact(deps: Deps, artifact: StoredBytesOf, start = 0, end = artifact.size): ReadableStream<Uint8Array> {
  return storeNamed(storesOf(deps), artifact.store).read({ pk: artifact.pk, key: artifact.objectKey }, start, end);
}

/** All bytes at once: for confusion matrices, which are parsed whole. */
export function readArtifactBytes(deps: Deps, artifact: StoredBytesOf): Promise<Uint8Array> {
  return readAllBytes(readArtifact(deps, artifact), artifact.size);
}

export async function artifactMetrics(deps: Deps, artifact: StoredArtifact): Promise<ConfusionMetricsView> {
  if (!isConfusionType(artifact.contentType)) {
    throw badRequest("view=metrics needs a confusion matrix artifact (content type application/vnd.runcamp.confusion+json).", [
      { path: "view", message: "the artifact is not a confusion matrix" },
    ]);
  }
  return confusionMetrics(parseConfusion(await readArtifactBytes(deps, artifact)));
}

export async function listArtifacts(deps: Deps, repo: string, runId: string, options: { limit: number; cursor?: string; prefix?: string }) {
  const { runPk } = await findRunPk(deps, repo, runId);
  const after = options.cursor ? String(decodeCursor(options.cursor, ["string"])[0]) : undefined;
  const where = ["run_pk = ?", "path IS NOT NULL"];
  const args: (string | number)[] = [runPk];
  if (options.prefix) {
    // substr and length count characters alike, so this is an exact prefix test.
    where.push("substr(path, 1, length(?)) = ?");
    args.push(options.prefix, options.prefix);
  }
  if (after !== undefined) {
    where.push("path > ?");
    args.push(after);
  }
  const rs = await deps.client.execute({
    sql: `SELECT ${COLUMNS} FROM artifacts WHERE ${where.join(" AND ")} ORDER BY path LIMIT ?`,
    args: [...args, options.limit + 1],
  });
  return pageOf(
    rs.rows.map((row) => storedArtifact(row as unknown as Record<string, unknown>)),
    options.limit,
    artifactView,
    (last) => [last.path],
  );
}

export async function deleteArtifact(deps: Deps, repo: string, runId: string, path: string): Promise<void> {
  const { runPk } = await findRunPk(deps, repo, runId);
  const results = await deps.client.batch(
    [
      ...deleteArtifactBytesOf("SELECT pk FROM artifacts WHERE run_pk = ? AND path = ?", [runPk, path]),
      { sql: "DELETE FROM artifacts WHERE run_pk = ? AND path = ?", args: [runPk, path] },
    ],
    "write",
  );
  if (results[results.length - 1].rowsAffected === 0) throw artifactNotFound(runId);
  // The request holds the write lock (app.ts): the drain's own write runs under it.
  await drainObjectDeletes(deps);
}

// Presigned multipart uploads: an artifact too large for one request body (≥ 5 GiB, or past a
// proxy's limit) goes from the client straight to the object store. Three steps:
//   create    the invisible row (path NULL, the path kept in upload_path) and a multipart
//             upload in the store; answers one presigned PUT URL per part (PRESIGN_SECONDS)
//   PUT       the client sends each part to its URL (never through this server)
//   complete  the store assembles the parts; the server reads the object back to check the
//             declared size and SHA-256 (it never saw the bytes), then names the row as a
//             normal upload does, replacing the previous version in one batch
// or abort, which drops both. Only a store with credentials can sign URLs: S3 (RUNCAMP_S3,
// R2's S3 endpoint included); with libSQL or an R2 binding, create answers 409 and clients PUT
// the body instead. An upload neither completed nor aborted stays invisible and is dropped,
// its multipart upload aborted, by the run's first upload a day later (./service.ts).
import type { Deps } from "../../deps.ts";
import { badRequest, conflict, notFound, tooLarge } from "../../http/problems.ts";
import { canonicalContext } from "../../lib/context.ts";
import { iso } from "../../lib/time.ts";
import { findRunPk } from "../../runs-core/run-lookup.ts";
import { ObjectArtifactStore, PART_BYTES } from "./object-store.ts";
import type { UploadView } from "./schemas.ts";
import { beginUpload, discardUpload, finishUpload, storesOf } from "./service.ts";
import { defaultSha256, hex } from "./store.ts";
import { storeNamed } from "./stores.ts";

/** The URLs' lifetime: 6 hours, well inside the day after which an unfinished upload is dropped. */
const PRESIGN_SECONDS = 6 * 60 * 60;
const MAX_PARTS = 10_000;
const MiB = 1024 * 1024;

/** Parts of PART_BYTES, or larger (whole MiB) where 10,000 of those would not hold `size`. */
export const partSizeFor = (size: number) => Math.max(PART_BYTES, Math.ceil(size / MAX_PARTS / MiB) * MiB);

export async function createUpload(
  deps: Deps,
  repo: string,
  runId: string,
  body: { path: string; size: number; sha256: string; content_type?: string },
): Promise<UploadView> {
  const limit = deps.config.limits.maxArtifactBytes;
  if (body.size > limit) throw tooLarge(`The artifact exceeds the limit of ${limit} bytes.`);
  const partSize = partSizeFor(body.size);
  const started = await startPresigned(deps, repo, runId, {
    path: body.path,
    contentType: body.content_type ?? "application/octet-stream",
    parts: Math.ceil(body.size / partSize),
    declared: { size: body.size, sha256: body.sha256 },
  });
  return { upload_id: started.uploadId, part_size: partSize, parts: started.urls.map((url, i) => ({ number: i + 1, url })), expires_at: started.expiresAt };
}

/** Whether new uploads go to a store that signs part URLs. */
export function presignedUploadsOffered(deps: Deps): boolean {
  const uploads = storesOf(deps).uploads;
  return uploads instanceof ObjectArtifactStore && uploads.bucket.presignPart !== undefined;
}

/**
 * Starts a presigned upload of `parts` parts; `declared` is the size and SHA-256 completion
 * must find (without it, as for MLflow's client, which declares neither, what arrives is
 * taken, measured and hashed). A store that signs no URLs is a 409.
 */
export async function startPresigned(
  deps: Deps,
  repo: string,
  runId: string,
  upload: { path: string; contentType: string; parts: number; declared?: { size: number; sha256: string } },
): Promise<{ uploadId: string; urls: string[]; expiresAt: string }> {
  const uploads = storesOf(deps).uploads;
  const store = uploads instanceof ObjectArtifactStore && uploads.bucket.presignPart ? uploads : undefined;
  if (!store) throw conflict(`This server's artifact store (${uploads.name}) takes no presigned uploads: send the artifact as the body of a PUT to its path.`);
  const { bucket } = store;
  const presignPart = bucket.presignPart!.bind(bucket);
  const { runPk } = await findRunPk(deps, repo, runId);
  const key = store.newKey();
  const now = Date.now();
  const pk = await beginUpload(deps, runPk, upload.contentType, store.name, key, now);
  try {
    const uploadId = await bucket.createMultipart(key);
    await deps.writeLock!(() =>
      deps.client.execute({
        sql: "UPDATE artifacts SET upload_path = ?, upload_id = ?, size = ?, sha256 = ? WHERE pk = ?",
        args: [upload.path, uploadId, upload.declared?.size ?? 0, upload.declared?.sha256 ?? "", pk],
      }),
    );
    const urls = [];
    for (let number = 1; number <= upload.parts; number++) urls.push(await presignPart(key, uploadId, number, PRESIGN_SECONDS));
    return { uploadId: String(pk), urls, expiresAt: iso(now + PRESIGN_SECONDS * 1000) };
  } catch (error) {
    await discardUpload(deps, pk).catch((e) => console.error(e));
    throw error;
  }
}

interface OpenUpload {
  pk: number;
  runPk: number;
  store: ObjectArtifactStore;
  key: string;
  uploadId: string;
  path: string;
  contentType: string;
  size: number;
  sha256: string;
}

async function openUpload(deps: Deps, repo: string, runId: string, upload: string): Promise<OpenUpload> {
  const { runPk } = await findRunPk(deps, repo, runId);
  const rs = await deps.client.execute({
    sql: "SELECT pk, store, object_key, upload_id, upload_path, content_type, size, sha256 FROM artifacts WHERE pk = ? AND run_pk = ? AND path IS NULL AND upload_id IS NOT NULL",
    args: [Number(upload), runPk],
  });
  const row = rs.rows[0];
  if (!row) throw notFound(`Run "${runId}" has no upload in progress with this id.`);
  const store = storeNamed(storesOf(deps), String(row.store));
  if (!(store instanceof ObjectArtifactStore)) throw new Error(`upload ${upload} names the ${store.name} store, which takes no presigned uploads`);
  return {
    pk: Number(row.pk),
    runPk,
    store,
    key: String(row.object_key),
    uploadId: String(row.upload_id),
    path: String(row.upload_path),
    contentType: String(row.content_type),
    size: Number(row.size),
    sha256: String(row.sha256),
  };
}

export async function completeUpload(deps: Deps, repo: string, runId: string, upload: string, parts: { number: number; etag: string }[]) {
  const u = await openUpload(deps, repo, runId, upload);
  // Declared: the part count follows from the size. Undeclared: parts 1 to n, as sent.
  const declared = u.sha256 !== "";
  const expected = declared ? Math.ceil(u.size / partSizeFor(u.size)) : parts.length;
  if (parts.length !== expected || parts.some((p, i) => p.number !== i + 1))
    throw badRequest(`The upload has ${expected} parts: list each once, numbered 1 to ${expected} in order, with its ETag.`, [
      { path: "parts", message: `must be parts 1 to ${expected} in order` },
    ]);
  try {
    await u.store.bucket.completeMultipart(u.key, u.uploadId, parts);
  } catch (error) {
    // Left open: the client may send a missing part again and complete, or abort.
    console.error(error);
    throw badRequest(
      "The store refused to assemble the parts (a part missing, an ETag that is not the part's, or a part but the last smaller than part_size).",
      [{ path: "parts", message: "not the parts the store holds" }],
    );
  }
  // The server never saw the bytes: it reads them back once to vouch for the size and SHA-256.
  const stored = (await u.store.bucket.size(u.key)) ?? 0;
  const limit = deps.config.limits.maxArtifactBytes;
  if (!declared && stored > limit) {
    await discardUpload(deps, u.pk);
    throw tooLarge(`The artifact exceeds the limit of ${limit} bytes; the upload is discarded.`);
  }
  const hash = (deps.sha256 ?? defaultSha256)();
  let size = 0;
  const reader = u.store.read({ pk: u.pk, key: u.key }, 0, stored).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    await hash.update(value);
  }
  const sha256 = hex(await hash.digest());
  if (size !== stored || (declared && (size !== u.size || sha256 !== u.sha256))) {
    await discardUpload(deps, u.pk);
    throw badRequest(
      `The uploaded bytes (${size} bytes, SHA-256 ${sha256}) are not the declared ones (${u.size} bytes, ${u.sha256}); the upload is discarded.`,
      [{ path: "parts", message: "the bytes do not match the declared size and sha256" }],
    );
  }
  // A presigned upload carries no step or context: the artifact is logged at none.
  return finishUpload(deps, {
    repo,
    runId,
    runPk: u.runPk,
    pk: u.pk,
    path: u.path,
    contentType: u.contentType,
    step: null,
    context: canonicalContext(undefined),
    size,
    sha256,
  });
}

export async function abortUpload(deps: Deps, repo: string, runId: string, upload: string): Promise<void> {
  const u = await openUpload(deps, repo, runId, upload);
  await u.store.bucket.abortMultipart(u.key, u.uploadId);
  await discardUpload(deps, u.pk);
}

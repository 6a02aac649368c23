// MLflow's artifact proxy (`mlflow-artifacts:/` URIs, served under
// /api/2.0/mlflow-artifacts/artifacts/...) onto runcamp's artifacts. A run's artifact URI is
// mlflow-artifacts:/<experiment>/<run>/artifacts, so a proxied path is
// <experiment>/<run>/artifacts/<artifact path>; the run is found by its id, the artifact path
// is a runcamp artifact path (the same rules: no empty, "." or ".." segment). A logged model's
// artifact URI is mlflow-artifacts:/<experiment>/models/<model id>/artifacts: its files are its
// run's, below mlflow-models/<model id>/ (logged-model-rows.ts), a folder the run's own MLflow
// listing leaves out, as MLflow's run listing has no model files.
import * as v from "valibot";
import type { Deps } from "../../deps.ts";
import { abortUpload, completeUpload, presignedUploadsOffered, startPresigned } from "../artifacts/presigned.ts";
import { ArtifactPath } from "../artifacts/schemas.ts";
import { findArtifact, listArtifacts, putArtifact, type StoredArtifact } from "../artifacts/service.ts";
import { invalidParameter, MlflowError } from "./errors.ts";
import { findLoggedModel, MODEL_FILES } from "./logged-model-rows.ts";
import { findMlflowRun } from "./runs.ts";
import type { ListArtifactsView } from "./schemas.ts";

const ROOT = /^[^/]+\/([A-Za-z0-9_-]{1,64})\/artifacts(?:\/(.*))?$/;
const MODEL_ROOT = /^[^/]+\/models\/(m-[0-9a-f]{32})\/artifacts(?:\/(.*))?$/;

// The route's path arrives URL-encoded; each segment is decoded here, so an encoded ".."
// (%2e%2e) is a ".." segment and refused like a literal one.
function decoded(path: string): string {
  try {
    return path.split("/").map(decodeURIComponent).join("/");
  } catch {
    throw invalidParameter("The artifact path is not valid URL encoding.");
  }
}

/** The run, and the path below its artifacts (undefined: their root) a proxied path names. */
function locate(encoded: string): { runId?: string; modelId?: string; path: string | undefined } {
  const path = decoded(encoded);
  const model = MODEL_ROOT.exec(path);
  const m = model ?? ROOT.exec(path);
  if (!m) throw invalidParameter("An artifact path is <experiment id>/<run id>/artifacts/<path> or <experiment id>/models/<model id>/artifacts/<path>.");
  const rest = m[2] === undefined || m[2] === "" ? undefined : m[2].replace(/\/+$/, "");
  if (rest !== undefined && !v.is(ArtifactPath, rest))
    throw invalidParameter("Invalid artifact path: no empty, '.' or '..' segments, control characters or backslashes.");
  return model ? { modelId: m[1], path: rest } : { runId: m[1], path: rest };
}

// The run whose artifacts hold a proxied path: `stored` is the runcamp path it names
// (undefined: the run's root), `below` the part of it below the run's or the model's root.
async function runOf(deps: Deps, proxied: string): Promise<{ repo: string; runId: string; stored: string | undefined; below: string | undefined }> {
  const { runId, modelId, path } = locate(proxied);
  if (modelId !== undefined) {
    const model = await findLoggedModel(deps, modelId);
    const row = await findMlflowRun(deps, model.runId);
    const root = `${MODEL_FILES}/${model.id}`;
    return { repo: String(row.repo), runId: String(row.id), stored: path === undefined ? root : `${root}/${path}`, below: path };
  }
  const row = await findMlflowRun(deps, runId);
  return { repo: String(row.repo), runId: String(row.id), stored: path, below: path };
}

export async function uploadMlflowArtifact(deps: Deps, proxied: string, contentType: string, body: ReadableStream<Uint8Array>): Promise<void> {
  const { repo, runId, stored, below } = await runOf(deps, proxied);
  if (!stored || !below) throw invalidParameter("An upload names a file below the run's or the model's artifacts.");
  await putArtifact(deps, repo, runId, stored, contentType, { step: null, context: undefined }, body);
}

export async function findMlflowArtifact(deps: Deps, proxied: string): Promise<StoredArtifact> {
  const { repo, runId, stored, below } = await runOf(deps, proxied);
  if (!stored || !below) throw invalidParameter("A download names a file below the run's or the model's artifacts.");
  return findArtifact(deps, repo, runId, stored);
}

/** The files and folders directly below a folder of the run's (or the model's) artifacts (MLflow lists one level). */
export async function listMlflowArtifacts(deps: Deps, proxied: string): Promise<ListArtifactsView> {
  const { repo, runId, stored } = await runOf(deps, proxied);
  const prefix = stored ? `${stored}/` : "";
  const files: ListArtifactsView["files"] = [];
  const dirs = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await listArtifacts(deps, repo, runId, { limit: 1000, cursor, prefix: prefix || undefined });
    for (const item of page.items) {
      const rest = item.path.slice(prefix.length);
      const slash = rest.indexOf("/");
      if (slash < 0) files.push({ path: item.path.slice(prefix.length), is_dir: false, file_size: item.size });
      else dirs.add(rest.slice(0, slash));
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  if (!stored) dirs.delete(MODEL_FILES);
  for (const dir of dirs) files.push({ path: dir, is_dir: true });
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files };
}

// MLflow's proxied multipart upload (MLflow ≥ 2.9, `MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD=true`):
// the client names a folder in the URL and its local file in `path` (the artifact is the file's
// name in that folder), chooses the part size and count, PUTs the parts to the URLs given and
// completes with their ETags. runcamp's presigned uploads (../artifacts/presigned.ts) without a
// declared size and SHA-256: completion measures and hashes what arrived.

/** The client's cue to fall back to a plain PUT (mlflow's _UnsupportedMultipartUploadException.MESSAGE). */
const UNSUPPORTED = "Multipart upload is not supported for the current artifact repository";

async function multipartTarget(deps: Deps, proxiedFolder: string, localPath: string) {
  const name = localPath.split(/[\\/]/).pop() ?? "";
  const folder = proxiedFolder.replace(/\/+$/, "");
  const { repo, runId, stored, below } = await runOf(deps, `${folder}/${encodeURIComponent(name)}`);
  if (!stored || !below) throw invalidParameter("A multipart upload names a file below the run's or the model's artifacts.");
  return { repo, runId, stored };
}

export async function createMlflowMultipart(deps: Deps, proxiedFolder: string, localPath: string, parts: number) {
  if (!presignedUploadsOffered(deps)) throw new MlflowError("NOT_IMPLEMENTED", `${UNSUPPORTED}: runcamp's artifact store signs no part URLs.`);
  if (!Number.isSafeInteger(parts) || parts < 1 || parts > 10_000) throw invalidParameter("num_parts must be between 1 and 10000.");
  const { repo, runId, stored } = await multipartTarget(deps, proxiedFolder, localPath);
  const started = await startPresigned(deps, repo, runId, { path: stored, contentType: "application/octet-stream", parts });
  return { upload_id: started.uploadId, credentials: started.urls.map((url, i) => ({ part_number: i + 1, url, headers: {} })) };
}

export async function completeMlflowMultipart(
  deps: Deps,
  proxiedFolder: string,
  localPath: string,
  uploadId: string,
  parts: { part_number: number; etag: string }[],
) {
  const { repo, runId } = await multipartTarget(deps, proxiedFolder, localPath);
  await completeUpload(
    deps,
    repo,
    runId,
    uploadId,
    parts.map((p) => ({ number: p.part_number, etag: p.etag })),
  );
}

export async function abortMlflowMultipart(deps: Deps, proxiedFolder: string, localPath: string, uploadId: string) {
  const { repo, runId } = await multipartTarget(deps, proxiedFolder, localPath);
  await abortUpload(deps, repo, runId, uploadId);
}

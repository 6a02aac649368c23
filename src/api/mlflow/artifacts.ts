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
import { ArtifactPath } from "../artifacts/schemas.ts";
import { findArtifact, listArtifacts, putArtifact, type StoredArtifact } from "../artifacts/service.ts";
import { invalidParameter } from "./errors.ts";
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

// MLflow's artifact proxy (`mlflow-artifacts:/` URIs, served under
// /api/2.0/mlflow-artifacts/artifacts/...) onto runcamp's artifacts. A run's artifact URI is
// mlflow-artifacts:/<experiment>/<run>/artifacts, so a proxied path is
// <experiment>/<run>/artifacts/<artifact path>; the run is found by its id, the artifact path
// is a runcamp artifact path (the same rules: no empty, "." or ".." segment).
import * as v from "valibot";
import type { Deps } from "../../deps.ts";
import { ArtifactPath } from "../artifacts/schemas.ts";
import { findArtifact, listArtifacts, putArtifact, type StoredArtifact } from "../artifacts/service.ts";
import { invalidParameter } from "./errors.ts";
import { findMlflowRun } from "./runs.ts";
import type { ListArtifactsView } from "./schemas.ts";

const ROOT = /^[^/]+\/([A-Za-z0-9_-]{1,64})\/artifacts(?:\/(.*))?$/;

// The route's path arrives URL-encoded; each segment is decoded here, so an encoded ".."
// (%2e%2e) is a ".." segment and refused like a literal one.
function decoded(path: string): string {
  try {
    return path.split("/").map(decodeURIComponent).join("/");
  } catch {
    throw invalidParameter("The artifact path is not valid URL encoding.");
  }
}

function locate(encoded: string): { runId: string; path: string | undefined } {
  const m = ROOT.exec(decoded(encoded));
  if (!m) throw invalidParameter("An artifact path is <experiment id>/<run id>/artifacts/<path>.");
  const rest = m[2] === undefined || m[2] === "" ? undefined : m[2].replace(/\/+$/, "");
  if (rest !== undefined && !v.is(ArtifactPath, rest))
    throw invalidParameter("Invalid artifact path: no empty, '.' or '..' segments, control characters or backslashes.");
  return { runId: m[1], path: rest };
}

async function runOf(deps: Deps, proxied: string) {
  const { runId, path } = locate(proxied);
  const row = await findMlflowRun(deps, runId);
  return { repo: String(row.repo), runId: String(row.id), path };
}

export async function uploadMlflowArtifact(deps: Deps, proxied: string, contentType: string, body: ReadableStream<Uint8Array>): Promise<void> {
  const { repo, runId, path } = await runOf(deps, proxied);
  if (!path) throw invalidParameter("An upload names a file below the run's artifacts.");
  await putArtifact(deps, repo, runId, path, contentType, body);
}

export async function findMlflowArtifact(deps: Deps, proxied: string): Promise<StoredArtifact> {
  const { repo, runId, path } = await runOf(deps, proxied);
  if (!path) throw invalidParameter("A download names a file below the run's artifacts.");
  return findArtifact(deps, repo, runId, path);
}

/** The files and folders directly below a folder of the run's artifacts (MLflow lists one level). */
export async function listMlflowArtifacts(deps: Deps, proxied: string): Promise<ListArtifactsView> {
  const { repo, runId, path } = await runOf(deps, proxied);
  const prefix = path ? `${path}/` : "";
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
  for (const dir of dirs) files.push({ path: dir, is_dir: true });
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files };
}

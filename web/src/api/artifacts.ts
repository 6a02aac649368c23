// A run's artifacts and the confusion reports over them. Every read goes through apiFetch, so
// it carries the token: artifact bytes are fetched as blobs and shown or saved from there,
// never by pointing an <img> or <a href> at /v1 (neither can send the Authorization header).
import { apiFetch, apiUrl, getJson, path, type Query } from "./client.ts";
import type { ArtifactPage, CampaignConfusion, ConfusionMatrix, ConfusionMetrics } from "./types.ts";

export const CONFUSION_TYPE = "application/vnd.runcamp.confusion+json";

/** The media type without parameters, lowercased: `text/csv; charset=utf-8` → `text/csv`. */
export const mediaType = (contentType: string) => contentType.split(";")[0].trim().toLowerCase();

export const isConfusion = (contentType: string) => mediaType(contentType) === CONFUSION_TYPE;

// The artifact path keeps its '/' literal; each segment is encoded on its own.
const artifactPath = (repo: string, run: string, artifact: string) => `${path("repos", repo, "runs", run, "artifacts")}${path(...artifact.split("/"))}`;

/** The artifact's API URL (for people to copy; the page itself fetches it with the token). */
export const artifactUrl = (repo: string, run: string, artifact: string) => apiUrl(artifactPath(repo, run, artifact));

export interface ArtifactListing {
  prefix?: string;
  cursor?: string;
  limit?: number;
}

export const listArtifacts = (repo: string, run: string, q: ArtifactListing, signal?: AbortSignal) =>
  getJson<ArtifactPage>(path("repos", repo, "runs", run, "artifacts"), { prefix: q.prefix, cursor: q.cursor, limit: q.limit } satisfies Query, signal);

export async function fetchArtifact(repo: string, run: string, artifact: string, signal?: AbortSignal): Promise<Blob> {
  return (await apiFetch(artifactUrl(repo, run, artifact), { signal })).blob();
}

/**
 * The first `bytes` of an artifact (a Range request), and whether that is all of it. A range
 * past an empty artifact's end is a 416, so an empty one is read whole.
 */
export async function fetchArtifactHead(repo: string, run: string, artifact: string, size: number, bytes: number, signal?: AbortSignal) {
  const ranged = size > bytes;
  const headers = ranged ? { range: `bytes=0-${bytes - 1}` } : undefined;
  const res = await apiFetch(artifactUrl(repo, run, artifact), { headers, signal });
  return { data: new Uint8Array(await res.arrayBuffer()), complete: !ranged || res.status === 200 };
}

export const fetchConfusion = (repo: string, run: string, artifact: string, signal?: AbortSignal) =>
  getJson<ConfusionMatrix>(artifactPath(repo, run, artifact), undefined, signal);

export const fetchConfusionMetrics = (repo: string, run: string, artifact: string, signal?: AbortSignal) =>
  getJson<ConfusionMetrics>(artifactPath(repo, run, artifact), { view: "metrics" }, signal);

/** The campaign's confusion report; `groupBy` [] is one group of all runs. */
export const campaignConfusion = (repo: string, campaign: string, artifact: string, groupBy: string[], signal?: AbortSignal) =>
  getJson<CampaignConfusion>(path("repos", repo, "campaigns", campaign, "confusion"), { path: artifact, group_by: groupBy.join(",") }, signal);

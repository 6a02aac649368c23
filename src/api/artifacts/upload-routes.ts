// Presigned multipart uploads (./presigned.ts): create, complete, abort.
import { type Context, Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";
import { RunParams } from "../../http/schemas.ts";
import { jsonBody, params } from "../../http/validation.ts";
import { abortUpload, completeUpload, createUpload } from "./presigned.ts";
import { ArtifactView, CompleteUploadBody, CreateUploadBody, UploadParams, UploadView } from "./schemas.ts";

/**
 * Completing reads the whole object back, and every step talks to the store: app.ts runs them
 * outside the write lock, and the service takes it for its own writes.
 */
export const isPresignedUploadStep = (c: Context) => c.req.method !== "GET" && /^\/v1\/repos\/[^/]+\/runs\/[^/]+\/artifact-uploads(\/|$)/.test(c.req.path);

const UPLOADS = "/repos/:repo/runs/:run/artifact-uploads";

export function uploadRoutes(deps: Deps) {
  return new Hono()
    .post(
      UPLOADS,
      describeRoute({
        operationId: "createArtifactUpload",
        tags: ["artifacts"],
        summary: "Start a presigned multipart upload: the artifact's parts go straight to the object store",
        description:
          "For artifacts too large for one request body. Answers one presigned URL per part: PUT each part (part_size bytes, the last one the rest) to its URL, keep each answer's ETag header, then complete. The size and SHA-256 are declared here and checked on completion. 409 when this server's artifact store cannot sign URLs (libSQL, an R2 binding): PUT the body to the artifact's path instead. 413 past RUNCAMP_MAX_ARTIFACT_BYTES.",
        responses: { 201: jsonResponse("Upload started", UploadView), ...problems(400, 404, 409, 413) },
      }),
      params(RunParams),
      jsonBody(CreateUploadBody),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        return c.json(await createUpload(deps, repo, run, c.req.valid("json")), 201);
      },
    )
    .post(
      `${UPLOADS}/:upload/complete`,
      describeRoute({
        operationId: "completeArtifactUpload",
        tags: ["artifacts"],
        summary: "Complete a presigned upload: the artifact appears at its path, replacing the previous version",
        description:
          "The store assembles the parts; the server reads the object back and checks the declared size and SHA-256 (400, and the upload discarded, when they differ). A refused assembly (a part missing, a wrong ETag) is a 400 that leaves the upload open to retry.",
        responses: {
          201: jsonResponse("Stored", ArtifactView),
          200: jsonResponse("Stored, replacing the previous version", ArtifactView),
          ...problems(400, 404),
        },
      }),
      params(UploadParams),
      jsonBody(CompleteUploadBody),
      async (c) => {
        const { repo, run, upload } = c.req.valid("param");
        const { artifact, created } = await completeUpload(deps, repo, run, upload, c.req.valid("json").parts);
        c.header("etag", `"${artifact.sha256}"`);
        return c.json(artifact, created ? 201 : 200);
      },
    )
    .delete(
      `${UPLOADS}/:upload`,
      describeRoute({
        operationId: "abortArtifactUpload",
        tags: ["artifacts"],
        summary: "Abort a presigned upload: its parts are dropped, nothing appears",
        responses: { 204: { description: "Aborted" }, ...problems(400, 404) },
      }),
      params(UploadParams),
      async (c) => {
        const { repo, run, upload } = c.req.valid("param");
        await abortUpload(deps, repo, run, upload);
        return c.body(null, 204);
      },
    );
}

import { type Context, Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { badRequest, problems, rangeNotSatisfiable, tooLarge } from "../../http/problems.ts";
import { Page, RunParams } from "../../http/schemas.ts";
import { params, query } from "../../http/validation.ts";
import { CONFUSION_TYPE } from "./confusion.ts";
import { chooseRange, noneMatch } from "./ranges.ts";
import {
  ArtifactContextParam,
  ArtifactJson,
  ArtifactParams,
  ArtifactView,
  ConfusionBody,
  ListArtifactsQuery,
  PutArtifactQuery,
  ReadArtifactQuery,
} from "./schemas.ts";
import { artifactMetrics, deleteArtifact, findArtifact, listArtifacts, putArtifact, readArtifact, type StoredArtifact } from "./service.ts";
import { bytesStream } from "./store.ts";

/** The upload route streams its body: app.ts exempts it from the body limit and the write lock. */
export const isArtifactUpload = (c: Context) => c.req.method === "PUT" && /^\/v1\/repos\/[^/]+\/runs\/[^/]+\/artifacts\/./.test(c.req.path);

const ARTIFACT = "/repos/:repo/runs/:run/artifacts/:path{.+}";
const DEFAULT_TYPE = "application/octet-stream";
const mediaType = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;[\u0020-\u007e\t]*)?$/;

function uploadContentType(header: string | undefined): string {
  const value = header?.trim();
  if (!value) return DEFAULT_TYPE;
  if (value.length > 255 || !mediaType.test(value))
    throw badRequest("The Content-Type header is not a media type.", [
      { path: "content-type", message: "must be type/subtype, optionally with parameters, at most 255 characters" },
    ]);
  return value;
}

const binary = { schema: { type: "string" as const, format: "binary" } };

/** The artifact's bytes (or the part Range asks for) with its ETag; 304 when If-None-Match matches. */
export function download(c: Context, deps: Deps, artifact: StoredArtifact): Response {
  const etag = `"${artifact.sha256}"`;
  const headers = new Headers({
    etag,
    "accept-ranges": "bytes",
    "last-modified": new Date(artifact.createdAt).toUTCString(),
    "cache-control": "no-cache",
    // Stored content is the user's, served from the API's origin: never sniffed, never
    // allowed to run script with the origin's rights (an uploaded HTML page stays inert).
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox",
  });
  if (noneMatch(c.req.header("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("content-type", artifact.contentType);
  const range = chooseRange(c.req.header("range"), c.req.header("if-range"), etag, artifact.size);
  if (range.kind === "unsatisfiable") throw rangeNotSatisfiable(artifact.size);
  const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, artifact.size];
  headers.set("content-length", String(end - start));
  if (range.kind === "partial") headers.set("content-range", `bytes ${start}-${end - 1}/${artifact.size}`);
  const status = range.kind === "partial" ? 206 : 200;
  // HEAD runs this GET handler (Hono drops the body); a body stream is then never opened.
  if (c.req.method === "HEAD") return new Response(null, { status, headers });
  return new Response(withLength(readArtifact(deps, artifact, start, end), end - start), { status, headers });
}

// Workers send a streamed body chunked, dropping Content-Length, unless it flows through
// their FixedLengthStream (which also errors if the byte count comes out different).
// Elsewhere the header is sent as set.
type FixedLength = new (length: number) => TransformStream<Uint8Array, Uint8Array>;
const FixedLengthStream = (globalThis as { FixedLengthStream?: FixedLength }).FixedLengthStream;

function withLength(body: ReadableStream<Uint8Array>, length: number): ReadableStream<Uint8Array> {
  return FixedLengthStream ? body.pipeThrough(new FixedLengthStream(length)) : body;
}

export function artifactRoutes(deps: Deps) {
  return new Hono()
    .put(
      ARTIFACT,
      describeRoute({
        operationId: "putArtifact",
        tags: ["artifacts"],
        summary: "Upload an artifact: the raw body, stored with its content type; re-uploading a path replaces it",
        description: `The body is streamed into storage (RUNCAMP_MAX_ARTIFACT_BYTES, default 64 MiB; 413 beyond, with nothing stored). The replacement is atomic: readers see the old version or the new one. Content type ${CONFUSION_TYPE} marks a confusion matrix (the ConfusionMatrix schema), checked on upload: 400 with the reason when it is not one. Without a Content-Type the artifact is application/octet-stream. A path's segments are sent URL-encoded; its '/' stay literal. step and context (query) record an artifact logged per step, e.g. an image per epoch in the context {"subset":"val"}: the web UI shows those of one name and context as a strip in step order.`,
        // No body is an empty artifact (a marker file, an empty log), as with any file upload.
        requestBody: {
          required: false,
          content: { "application/octet-stream": binary, [CONFUSION_TYPE]: { schema: resolver(ConfusionBody) }, "*/*": binary },
        },
        responses: {
          201: jsonResponse("Stored", ArtifactView),
          200: jsonResponse("Stored, replacing the previous version", ArtifactView),
          ...problems(400, 404, 413),
        },
      }),
      params(ArtifactParams),
      query(PutArtifactQuery),
      async (c) => {
        const { repo, run, path } = c.req.valid("param");
        const { step, context } = c.req.valid("query");
        const meta = { step: step ?? null, context: ArtifactContextParam.decode(context) };
        const contentType = uploadContentType(c.req.header("content-type"));
        const limit = deps.config.limits.maxArtifactBytes;
        const declared = c.req.header("content-length");
        if (declared !== undefined && Number(declared) > limit) throw tooLarge(`The artifact exceeds the limit of ${limit} bytes.`);
        const body = c.req.raw.body ?? bytesStream(new Uint8Array(0));
        const { artifact, created } = await putArtifact(deps, repo, run, path, contentType, meta, body);
        c.header("etag", `"${artifact.sha256}"`);
        return c.json(artifact, created ? 201 : 200);
      },
    )
    .get(
      "/repos/:repo/runs/:run/artifacts",
      describeRoute({
        operationId: "listArtifacts",
        tags: ["artifacts"],
        summary: "List a run's artifacts, by path",
        responses: { 200: jsonResponse("A page of artifacts, ordered by path", Page(ArtifactView, "ArtifactPage")), ...problems(400, 404) },
      }),
      params(RunParams),
      query(ListArtifactsQuery),
      async (c) => {
        const { repo, run } = c.req.valid("param");
        return c.json(await listArtifacts(deps, repo, run, c.req.valid("query")));
      },
    )
    .get(
      ARTIFACT,
      describeRoute({
        operationId: "getArtifact",
        tags: ["artifacts"],
        summary: "Download an artifact (also HEAD), or with view=metrics a confusion matrix's classification report",
        description:
          "Streams the bytes with their content type and ETag (the SHA-256, quoted). If-None-Match with that ETag answers 304. A single byte range (Range: bytes=0-99, bytes=100-, bytes=-100) answers 206 with Content-Range, one past the end 416; If-Range with an old ETag, several ranges or another unit get the whole artifact (200). HEAD answers the same headers without the body. view=metrics (confusion matrices only, 400 otherwise) answers ConfusionMetrics as JSON.",
        parameters: [
          { name: "range", in: "header", required: false, schema: { type: "string" }, description: "A single byte range, e.g. bytes=0-1023" },
          { name: "if-none-match", in: "header", required: false, schema: { type: "string" }, description: "ETags the client holds" },
          { name: "if-range", in: "header", required: false, schema: { type: "string" }, description: "Honour Range only while the ETag is this one" },
        ],
        responses: {
          200: {
            description: "The artifact (a JSON artifact as uploaded), or with view=metrics its ConfusionMetrics",
            content: { "application/json": { schema: resolver(ArtifactJson) }, "*/*": binary },
          },
          206: { description: "The requested byte range", content: { "*/*": binary } },
          304: { description: "Not modified: If-None-Match holds the current ETag" },
          ...problems(400, 404, 416),
        },
      }),
      params(ArtifactParams),
      query(ReadArtifactQuery),
      async (c) => {
        const { repo, run, path } = c.req.valid("param");
        const artifact = await findArtifact(deps, repo, run, path);
        if (c.req.valid("query").view === "metrics") return c.json(await artifactMetrics(deps, artifact));
        return download(c, deps, artifact);
      },
    )
    .delete(
      ARTIFACT,
      describeRoute({
        operationId: "deleteArtifact",
        tags: ["artifacts"],
        summary: "Delete an artifact",
        responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
      }),
      params(ArtifactParams),
      async (c) => {
        const { repo, run, path } = c.req.valid("param");
        await deleteArtifact(deps, repo, run, path);
        return c.body(null, 204);
      },
    );
}

// The app factory: runtime-agnostic (no node:* imports). Hosts in src/hosts/ inject the
// database client and config; everything else — routes, validation, errors — lives here.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { artifactRoutes, isArtifactUpload } from "./api/artifacts/routes.ts";
import { artifactStores } from "./api/artifacts/stores.ts";
import { isPresignedUploadStep, uploadRoutes } from "./api/artifacts/upload-routes.ts";
import { campaignCompareRoutes } from "./api/campaigns/compare/routes.ts";
import { campaignConfusionRoutes } from "./api/campaigns/confusion/routes.ts";
import { campaignRoutes } from "./api/campaigns/routes.ts";
import { campaignSummaryRoutes } from "./api/campaigns/summary/routes.ts";
import { healthRoutes } from "./api/health/routes.ts";
import { importRoutes } from "./api/imports/routes.ts";
import { inputRoutes } from "./api/inputs/routes.ts";
import { logRoutes } from "./api/logs/routes.ts";
import { ingestGroups } from "./api/metrics/ingest-groups.ts";
import { isIngest, isSeriesQuery, metricRoutes } from "./api/metrics/routes.ts";
import { mlflowErrorResponse } from "./api/mlflow/errors.ts";
import { isMlflowPath, mlflowRoutes } from "./api/mlflow/routes.ts";
import { modelRoutes } from "./api/models/routes.ts";
import { repoRoutes } from "./api/repos/routes.ts";
import { livenessRoutes } from "./api/runs/liveness/routes.ts";
import { runRoutes } from "./api/runs/routes.ts";
import { requireToken } from "./api/tokens/guard.ts";
import { tokenRoutes } from "./api/tokens/routes.ts";
import { valueRoutes } from "./api/values/routes.ts";
import { viewRoutes } from "./api/views/routes.ts";
import { DEFAULT_SERIES_CACHE_BYTES } from "./config.ts";
import type { Deps } from "./deps.ts";
import { mountApiReference } from "./http/api-reference.ts";
import { compressResponses, webGzip } from "./http/compression.ts";
import { openApiSpec } from "./http/openapi.ts";
import { notFoundRoute, onError, tooLarge } from "./http/problems.ts";
import { refuseAmbiguousPaths } from "./http/request-path.ts";
import { strictUtf8Bodies } from "./http/strict-body.ts";
import { mountWebUi } from "./http/web-ui.ts";
import { createWriteLock, serializeWrites } from "./http/write-lock.ts";
import { BlockCache } from "./series/index.ts";

export function createApp(hostDeps: Deps) {
  const cacheBytes = hostDeps.config.seriesCacheBytes ?? DEFAULT_SERIES_CACHE_BYTES;
  const writeLock = hostDeps.writeLock ?? createWriteLock();
  const deps: Deps = {
    ...hostDeps,
    blockCache: hostDeps.blockCache ?? (cacheBytes > 0 ? new BlockCache(cacheBytes) : undefined),
    writeLock,
    // Ingests are committed in groups; without a writer thread of the host's, each group takes
    // the write lock, as a write request would.
    writeIngest: hostDeps.writeIngest ?? ingestGroups(hostDeps.client, { exclusive: writeLock }),
    artifactStores: hostDeps.artifactStores ?? artifactStores(hostDeps.client, writeLock, hostDeps.config, hostDeps.sha256, hostDeps.r2),
  };
  const api = new Hono()
    .route("/", repoRoutes(deps))
    .route("/", livenessRoutes(deps))
    .route("/", runRoutes(deps))
    .route("/", valueRoutes(deps))
    .route("/", inputRoutes(deps))
    .route("/", logRoutes(deps))
    .route("/", campaignRoutes(deps))
    .route("/", campaignSummaryRoutes(deps))
    .route("/", campaignConfusionRoutes(deps))
    .route("/", campaignCompareRoutes(deps))
    .route("/", metricRoutes(deps))
    .route("/", artifactRoutes(deps))
    .route("/", uploadRoutes(deps))
    .route("/", importRoutes(deps))
    .route("/", tokenRoutes(deps))
    .route("/", modelRoutes(deps))
    .route("/", viewRoutes(deps));

  const app = new Hono();
  // The MLflow dialect answers in its own error body, also what is refused before routing.
  app.onError((err, c) => (isMlflowPath(c.req.path) ? mlflowErrorResponse(err, c) : onError(err, c)));
  app.notFound(notFoundRoute(app.routes));
  // Outermost, so that every answer passes through it, errors included.
  app.use("*", compressResponses(deps.gzip ?? webGzip));
  // On every response, errors included: nosniff, no Referer sent on, no framing by other sites.
  // Headers a handler set stay (artifacts carry their own sandbox CSP); HSTS is the TLS
  // proxy's to send, the Node host speaks plain HTTP.
  app.use("*", secureHeaders({ overwrite: false, strictTransportSecurity: false }));
  // Before any guard: the guard and the router must read one path (src/http/request-path.ts).
  app.use("*", refuseAmbiguousPaths());
  if (deps.config.corsOrigins.length) {
    const origins = deps.config.corsOrigins;
    // Beyond content-type, what a browser needs to read artifact downloads (ETag, ranges).
    const exposeHeaders = ["content-type", "content-length", "etag", "content-range", "accept-ranges"];
    app.use("*", cors({ origin: origins.includes("*") ? "*" : origins, exposeHeaders }));
  }
  // One lock per app: write requests queue on it, and so does the token's last-used update.
  app.use("/v1/*", requireToken(deps, writeLock));
  // Artifact uploads stream: their own limit (maxArtifactBytes) is enforced as the bytes arrive,
  // and they take the write lock per batch of parts they store. Ingests do not hold the lock
  // either: their writes wait in the group committer, which takes it per group.
  const limitBody = bodyLimit({
    maxSize: deps.config.limits.maxBodyBytes,
    onError: () => {
      throw tooLarge(`The request body exceeds the limit of ${deps.config.limits.maxBodyBytes} bytes.`);
    },
  });
  app.use("/v1/*", (c, next) => (isArtifactUpload(c) ? next() : limitBody(c, next)));
  // An artifact is bytes, whatever its content type says (a Latin-1 CSV is still a CSV).
  const utf8Bodies = strictUtf8Bodies();
  app.use("/v1/*", (c, next) => (isArtifactUpload(c) ? next() : utf8Bodies(c, next)));
  // A series query only reads, though it is a POST: it waits for no write. A presigned
  // upload's steps talk to the object store and take the lock for their own writes.
  app.use(
    "/v1/*",
    serializeWrites(writeLock, (c) => isArtifactUpload(c) || isPresignedUploadStep(c) || isIngest(c) || isSeriesQuery(c.req.method, c.req.path)),
  );
  app.route("/", healthRoutes(deps));
  app.route("/v1", api);
  // The MLflow dialect (src/api/mlflow/): its own auth, limits and error body; not in the spec.
  app.route("/", mlflowRoutes(deps));

  let spec: Promise<unknown> | undefined;
  app.get("/openapi.json", async (c) => c.json(await (spec ??= openApiSpec(app))));
  mountApiReference(app);
  if (deps.webAssets) mountWebUi(app, deps.webAssets);
  return app;
}

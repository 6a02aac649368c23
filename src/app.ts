// The app factory: runtime-agnostic (no node:* imports). Hosts in src/hosts/ inject the
// database client and config; everything else — routes, validation, errors — lives here.
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { artifactRoutes, isArtifactUpload } from "./api/artifacts/routes.ts";
import { LibsqlArtifactStore } from "./api/artifacts/store.ts";
import { campaignConfusionRoutes } from "./api/campaigns/confusion/routes.ts";
import { campaignRoutes } from "./api/campaigns/routes.ts";
import { campaignSummaryRoutes } from "./api/campaigns/summary/routes.ts";
import { healthRoutes } from "./api/health/routes.ts";
import { importRoutes } from "./api/imports/routes.ts";
import { metricRoutes } from "./api/metrics/routes.ts";
import { repoRoutes } from "./api/repos/routes.ts";
import { livenessRoutes } from "./api/runs/liveness/routes.ts";
import { runRoutes } from "./api/runs/routes.ts";
import { requireToken } from "./api/tokens/guard.ts";
import { tokenRoutes } from "./api/tokens/routes.ts";
import { valueRoutes } from "./api/values/routes.ts";
import { DEFAULT_SERIES_CACHE_BYTES } from "./config.ts";
import type { Deps } from "./deps.ts";
import { openApiSpec } from "./http/openapi.ts";
import { notFoundRoute, onError, tooLarge } from "./http/problems.ts";
import { strictUtf8Bodies } from "./http/strict-body.ts";
import { API_REFERENCE_SCRIPT, mountWebUi } from "./http/web-ui.ts";
import { createWriteLock, serializeWrites } from "./http/write-lock.ts";
import { BlockCache } from "./series/index.ts";

export function createApp(hostDeps: Deps) {
  const cacheBytes = hostDeps.config.seriesCacheBytes ?? DEFAULT_SERIES_CACHE_BYTES;
  const writeLock = hostDeps.writeLock ?? createWriteLock();
  const deps: Deps = {
    ...hostDeps,
    blockCache: hostDeps.blockCache ?? (cacheBytes > 0 ? new BlockCache(cacheBytes) : undefined),
    writeLock,
    artifactStore: hostDeps.artifactStore ?? new LibsqlArtifactStore(hostDeps.client, writeLock, hostDeps.sha256),
  };
  const api = new Hono()
    .route("/", repoRoutes(deps))
    .route("/", livenessRoutes(deps))
    .route("/", runRoutes(deps))
    .route("/", valueRoutes(deps))
    .route("/", campaignRoutes(deps))
    .route("/", campaignSummaryRoutes(deps))
    .route("/", campaignConfusionRoutes(deps))
    .route("/", metricRoutes(deps))
    .route("/", artifactRoutes(deps))
    .route("/", importRoutes(deps))
    .route("/", tokenRoutes(deps));

  const app = new Hono();
  app.onError(onError);
  app.notFound(notFoundRoute(app.routes));
  if (deps.config.corsOrigins.length) {
    const origins = deps.config.corsOrigins;
    // Beyond content-type, what a browser needs to read artifact downloads (ETag, ranges).
    const exposeHeaders = ["content-type", "content-length", "etag", "content-range", "accept-ranges"];
    app.use("*", cors({ origin: origins.includes("*") ? "*" : origins, exposeHeaders }));
  }
  // One lock per app: write requests queue on it, and so does the token's last-used update.
  app.use("/v1/*", requireToken(deps, writeLock));
  // Artifact uploads stream: their own limit (maxArtifactBytes) is enforced as the bytes arrive,
  // and they take the write lock per batch of parts they store.
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
  app.use("/v1/*", serializeWrites(writeLock, isArtifactUpload));
  app.route("/", healthRoutes(deps));
  app.route("/v1", api);

  let spec: Promise<unknown> | undefined;
  app.get("/openapi.json", async (c) => c.json(await (spec ??= openApiSpec(app))));
  // The reference's script is served by the app itself (and its default web fonts are off):
  // the page loads nothing from outside.
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "runcamp API", cdn: API_REFERENCE_SCRIPT, withDefaultFonts: false, agent: { disabled: true } }));
  if (deps.webAssets) mountWebUi(app, deps.webAssets);
  return app;
}

// The app factory: runtime-agnostic (no node:* imports). Hosts in src/hosts/ inject the
// database client and config; everything else — routes, validation, errors — lives here.
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { campaignRoutes } from "./api/campaigns/routes.ts";
import { campaignSummaryRoutes } from "./api/campaigns/summary/routes.ts";
import { healthRoutes } from "./api/health/routes.ts";
import { metricRoutes } from "./api/metrics/routes.ts";
import { repoRoutes } from "./api/repos/routes.ts";
import { runRoutes } from "./api/runs/routes.ts";
import { valueRoutes } from "./api/values/routes.ts";
import { DEFAULT_SERIES_CACHE_BYTES } from "./config.ts";
import type { Deps } from "./deps.ts";
import { requireAdminToken } from "./http/auth.ts";
import { openApiSpec } from "./http/openapi.ts";
import { notFoundRoute, onError, tooLarge } from "./http/problems.ts";
import { serializeWrites } from "./http/write-lock.ts";
import { BlockCache } from "./series/index.ts";

export function createApp(hostDeps: Deps) {
  const cacheBytes = hostDeps.config.seriesCacheBytes ?? DEFAULT_SERIES_CACHE_BYTES;
  const deps: Deps = { ...hostDeps, blockCache: hostDeps.blockCache ?? (cacheBytes > 0 ? new BlockCache(cacheBytes) : undefined) };
  const api = new Hono()
    .route("/", repoRoutes(deps))
    .route("/", runRoutes(deps))
    .route("/", valueRoutes(deps))
    .route("/", campaignRoutes(deps))
    .route("/", campaignSummaryRoutes(deps))
    .route("/", metricRoutes(deps));

  const app = new Hono();
  app.onError(onError);
  app.notFound(notFoundRoute(app.routes));
  if (deps.config.corsOrigins.length) {
    const origins = deps.config.corsOrigins;
    app.use("*", cors({ origin: origins.includes("*") ? "*" : origins, exposeHeaders: ["content-type"] }));
  }
  if (deps.config.adminToken) app.use("/v1/*", requireAdminToken(deps.config.adminToken));
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: deps.config.limits.maxBodyBytes,
      onError: () => {
        throw tooLarge(`The request body exceeds the limit of ${deps.config.limits.maxBodyBytes} bytes.`);
      },
    }),
  );
  app.use("/v1/*", serializeWrites());
  app.route("/", healthRoutes(deps));
  app.route("/v1", api);

  let spec: Promise<unknown> | undefined;
  app.get("/openapi.json", async (c) => c.json(await (spec ??= openApiSpec(app))));
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "runcamp API" }));
  return app;
}

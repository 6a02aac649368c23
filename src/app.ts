// The app factory: runtime-agnostic (no node:* imports). Hosts in src/runtime/ inject the
// database and config; everything else — routes, validation, errors — lives here.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { Scalar } from "@scalar/hono-api-reference";
import { generateSpecs } from "hono-openapi";
import type { Deps } from "./deps.ts";
import { DEFAULT_SERIES_CACHE_BYTES } from "./config.ts";
import { BlockCache } from "./lib/block-cache.ts";
import { notFoundRoute, onError, tooLarge } from "./lib/errors.ts";
import { requireAdminToken } from "./lib/auth.ts";
import { serializeWrites } from "./lib/write-lock.ts";
import { healthRoutes } from "./routes/health.ts";
import { repoRoutes } from "./routes/repos.ts";
import { runRoutes } from "./routes/runs.ts";
import { valueRoutes } from "./routes/values.ts";
import { campaignRoutes } from "./routes/campaigns.ts";
import { metricRoutes } from "./routes/metrics.ts";
import { API_REFERENCE_SCRIPT, mountWebUi } from "./web-ui.ts";

export const openApiDocumentation = {
  info: {
    title: "runcamp",
    version: "1.0.0",
    description: "Self-hosted experiment tracking: runs, params, values, metric series and campaigns over HTTP.",
  },
  servers: [{ url: "http://127.0.0.1:8787", description: "Local runcamp (npm start)" }],
  components: {
    securitySchemes: {
      bearer: { type: "http" as const, scheme: "bearer", description: "RUNCAMP_ADMIN_TOKEN; required whenever the server is configured with one" },
    },
  },
  // `{}` keeps auth optional: a loopback server without a token serves open.
  security: [{ bearer: [] as string[] }, {} as Record<string, string[]>],
};

export function createApp(hostDeps: Deps) {
  const cacheBytes = hostDeps.config.seriesCacheBytes ?? DEFAULT_SERIES_CACHE_BYTES;
  const deps: Deps = { ...hostDeps, blockCache: hostDeps.blockCache ?? (cacheBytes > 0 ? new BlockCache(cacheBytes) : undefined) };
  const api = new Hono()
    .route("/", repoRoutes(deps))
    .route("/", runRoutes(deps))
    .route("/", valueRoutes(deps))
    .route("/", campaignRoutes(deps))
    .route("/", metricRoutes(deps));

  const app = new Hono();
  app.onError(onError);
  app.notFound(notFoundRoute);
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
  // The reference's script is served by the app itself (and its default web fonts are off):
  // the page loads nothing from outside.
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "runcamp API", cdn: API_REFERENCE_SCRIPT, withDefaultFonts: false, agent: { disabled: true } }));
  if (deps.webAssets) mountWebUi(app, deps.webAssets);
  return app;
}

export function openApiSpec(app: Hono) {
  return generateSpecs(app, { documentation: openApiDocumentation, exclude: ["/openapi.json", "/docs"] });
}

// The web UI's routes: the single-page app owns `/` and the paths below, the API stays under
// /v1. The files themselves come from the build (scripts/build-web.ts → web/dist) through an
// asset loader the host injects (Node reads web/dist, the Worker asks its static-assets
// binding), so this file stays runtime-agnostic.
import type { Context, Hono } from "hono";

/** Returns the built file at `path` (relative, e.g. "index.html"), or null when it does not exist. */
export type AssetLoader = (path: string) => Promise<Response | null>;

/** Where /docs loads the API reference's script from (copied from @scalar/api-reference by the build). */
export const API_REFERENCE_SCRIPT = "/docs/api-reference.js";

// Every path the UI renders; each is a shareable URL restored from its path and query.
// `/experiments/…` are MLflow's UI paths: the page follows them to the repo's (mlflow-redirect.tsx).
const PAGES = [
  "/",
  "/repos/:repo",
  "/repos/:repo/runs/:run",
  "/repos/:repo/compare",
  "/repos/:repo/campaigns/:campaign",
  "/repos/:repo/models",
  "/repos/:repo/params",
  "/repos/:repo/scatter",
  "/experiments/:experiment",
  "/experiments/:experiment/runs/:run",
];

// Only the server's own origin: the page can load nothing from elsewhere, even by mistake.
// uPlot and Preact set element styles, hence 'unsafe-inline' for styles (not for scripts).
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const notBuilt = (c: Context) => c.text("The web UI is not built: run `npm run build:web` (npm start and npm run dev build it first).", 503);

export function mountWebUi(app: Hono, loadAsset: AssetLoader) {
  const page = async (c: Context) => {
    const file = await loadAsset("index.html");
    if (!file) return notBuilt(c);
    const headers = new Headers(file.headers);
    headers.set("content-type", "text/html; charset=utf-8");
    // The page names hashed bundles: it must be revalidated so a new build is picked up.
    headers.set("cache-control", "no-cache");
    headers.set("content-security-policy", PAGE_CSP);
    headers.set("x-content-type-options", "nosniff");
    return new Response(file.body, { status: 200, headers });
  };
  for (const path of PAGES) app.get(path, page);

  // Hashed bundles (immutable) and the API reference's script for /docs (its name does not change).
  const asset = (cacheControl: string) => async (c: Context) => {
    const file = await loadAsset(c.req.path.slice(1));
    if (!file) return c.notFound();
    const headers = new Headers(file.headers);
    headers.set("cache-control", cacheControl);
    headers.set("x-content-type-options", "nosniff");
    return new Response(file.body, { status: 200, headers });
  };
  app.get("/assets/*", asset("public, max-age=31536000, immutable"));
  app.get(API_REFERENCE_SCRIPT, asset("no-cache"));
  app.get("/favicon.svg", asset("public, max-age=86400"));
  // Browsers ask for /favicon.ico on pages that name no icon (/docs): the same picture.
  app.get("/favicon.ico", async (c) => {
    const file = await loadAsset("favicon.svg");
    return file ? new Response(file.body, { headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" } }) : c.notFound();
  });
}

// The UI's routes in the app (src/web-ui.ts) with an in-memory asset loader: which paths get
// the page, what headers it carries, and that the API and its errors are untouched.

import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../src/app.ts";
import { defaultLimits } from "../src/config.ts";
import { openDatabase } from "../src/hosts/node.ts";

const files: Record<string, string> = {
  "index.html": "<!doctype html><title>runcamp</title>",
  "assets/app-abc.js": "console.log(1)",
  "docs/api-reference.js": "/* scalar */",
  "favicon.svg": "<svg/>",
};
const loader = async (path: string) =>
  path in files ? new Response(files[path], { headers: { "content-type": path.endsWith(".js") ? "text/javascript" : "text/html" } }) : null;

describe("web UI routes", () => {
  let client: Client;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    client = await openDatabase("file::memory:");
    app = createApp({ client, config: { limits: defaultLimits, corsOrigins: [] }, webAssets: loader });
  });
  afterAll(() => client.close());

  test.each([
    "/",
    "/repos/cifar",
    "/repos/cifar/runs/r1",
    "/repos/cifar/compare?runs=a,b",
    "/repos/cifar/campaigns/grid",
    "/repos/cifar/models",
    "/repos/cifar/params",
    "/repos/cifar/scatter",
  ])("%s answers the page, revalidated, allowing only its own origin", async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(files["index.html"]);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("content-security-policy")).toContain("connect-src 'self'");
  });

  test("hashed bundles are cached for good; the /docs script is served by the app", async () => {
    const bundle = await app.request("/assets/app-abc.js");
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/docs/api-reference.js")).status).toBe(200);
    expect((await app.request("/favicon.ico")).headers.get("content-type")).toBe("image/svg+xml");
    expect((await app.request("/assets/missing.js")).status).toBe(404);
  });

  test("the API, the docs page and unknown paths are as without the UI", async () => {
    expect((await app.request("/v1/repos")).status).toBe(200);
    const docs = await app.request("/docs");
    expect(await docs.text()).toContain('src="/docs/api-reference.js"');
    const unknown = await app.request("/nothing/here");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  });

  test("without a build the pages say how to make one", async () => {
    const bare = createApp({ client, config: { limits: defaultLimits, corsOrigins: [] }, webAssets: async () => null });
    const res = await bare.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build:web");
  });
});

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiHosts, type Host } from "./support/hosts.ts";

describe.each(apiHosts)("health and docs on $name", (factory) => {
  let host: Host;
  beforeAll(async () => {
    host = await factory.start();
  });
  afterAll(() => host.close());

  test("GET /health reports the database reachable", async () => {
    const res = await host.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  test("GET /openapi.json serves the spec and /docs renders it", async () => {
    const spec = await (await host.request("/openapi.json")).json();
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toContain("/v1/repos/{repo}/runs/{run}");
    const docs = await host.request("/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/openapi.json");
  });

  test("an unknown route is a problem+json 404", async () => {
    const res = await host.request("/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).status).toBe(404);
  });
});

// The admin token: when configured, every /v1 request needs it; the Node host refuses to
// serve beyond loopback without one.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiHosts, type Host, json } from "./support/hosts.ts";

const TOKEN = "s3cret-admin-token-for-tests";

describe.each(apiHosts)("admin token on $name", (factory) => {
  let host: Host;
  beforeAll(async () => {
    host = await factory.start({ adminToken: TOKEN });
  });
  afterAll(() => host.close());

  test("a request without a token is a 401 problem with a Bearer challenge", async () => {
    const res = await host.request("/v1/repos");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await res.json()).status).toBe(401);
  });

  test("a wrong token is a 401 and writes nothing", async () => {
    const res = await host.request("/v1/repos/guarded/runs", json("POST", { id: "r1" }, { authorization: "Bearer wrong" }));
    expect(res.status).toBe(401);
    const check = await host.request("/v1/repos/guarded", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(check.status).toBe(404);
  });

  test("the right token is served", async () => {
    const created = await host.request("/v1/repos/guarded/runs", json("POST", { id: "r1" }, { authorization: `Bearer ${TOKEN}` }));
    expect(created.status).toBe(201);
    const read = await host.request("/v1/repos/guarded/runs/r1", { headers: { authorization: `bearer ${TOKEN}` } });
    expect(read.status).toBe(200);
  });

  test("/health stays open for liveness probes", async () => {
    expect((await host.request("/health")).status).toBe(200);
  });
});

test("the Node host refuses to bind a non-loopback address without RUNCAMP_ADMIN_TOKEN", () => {
  const root = resolve(import.meta.dirname, "..");
  const result = spawnSync(resolve(root, "node_modules/.bin/node"), [resolve(root, "src/hosts/node.ts")], {
    env: { ...process.env, HOST: "0.0.0.0", PORT: "0", RUNCAMP_ADMIN_TOKEN: "", LIBSQL_URL: "file::memory:" },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("RUNCAMP_ADMIN_TOKEN");
});

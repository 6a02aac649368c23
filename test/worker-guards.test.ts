// What the Worker does before it serves: it needs a database URL, a token unless addressed
// on loopback, and a database migrated to the schema it was built for.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../src/hosts/node.ts";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "../tools/libsql-http/server.ts";
import { workerBundleDir } from "./support/worker-bundle.ts";

const compatibilityDate = /compatibility_date\s*=\s*"([^"]+)"/.exec(readFileSync(new URL("../wrangler.toml", import.meta.url), "utf8"))![1];

function worker(bindings: Record<string, string>) {
  const path = join(workerBundleDir, "worker.js");
  return new Miniflare({ modules: [{ type: "ESModule", path, contents: readFileSync(path, "utf8") }], compatibilityDate, bindings });
}

describe("Worker guards", () => {
  let dir: string;
  let fresh: LibsqlHttpServer;
  let migrated: LibsqlHttpServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "runcamp-worker-"));
    fresh = await startLibsqlHttpServer({ file: join(dir, "fresh.db"), port: 0 });
    (await openDatabase(`file:${join(dir, "migrated.db")}`)).close();
    migrated = await startLibsqlHttpServer({ file: join(dir, "migrated.db"), port: 0 });
  });
  afterAll(async () => {
    await fresh.close();
    await migrated.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function send(bindings: Record<string, string>, url: string, init?: RequestInit) {
    const mf = worker(bindings);
    try {
      const res = await mf.dispatchFetch(url, init as never);
      return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as { detail: string } };
    } finally {
      await mf.dispose();
    }
  }

  test("an unmigrated database is a 503 problem telling to run db:migrate", async () => {
    const res = await send({ LIBSQL_URL: fresh.url, RUNCAMP_DEV: "true" }, "http://127.0.0.1/v1/repos/x/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(503);
    expect(res.type).toContain("application/problem+json");
    expect(res.body.detail).toContain("npm run db:migrate");
  });

  test("without LIBSQL_URL the Worker answers 503 saying so", async () => {
    const res = await send({}, "http://127.0.0.1/v1/repos");
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain("LIBSQL_URL");
  });

  test("without RUNCAMP_ADMIN_TOKEN nothing is served, even on loopback, unless under npm run dev (RUNCAMP_DEV)", async () => {
    for (const url of ["https://runcamp.example.workers.dev/v1/repos", "http://127.0.0.1/v1/repos"]) {
      const res = await send({ LIBSQL_URL: migrated.url }, url);
      expect(res.status, url).toBe(503);
      expect(res.body.detail).toContain("RUNCAMP_ADMIN_TOKEN");
    }
    const dev = { LIBSQL_URL: migrated.url, RUNCAMP_DEV: "true" };
    expect((await send(dev, "http://127.0.0.1/v1/repos")).status).toBe(200);
    expect((await send(dev, "http://localhost/v1/repos")).status).toBe(200);
    // Dev mode is still loopback only, and a Host that merely starts like one is not loopback.
    for (const url of ["https://runcamp.example.workers.dev/v1/repos", "http://127.evil.example/v1/repos", "http://127.0.0.1.evil.example/v1/repos"]) {
      expect((await send(dev, url)).status, url).toBe(503);
    }
  });

  test("with a token, a remote request must carry it", async () => {
    const bindings = { LIBSQL_URL: migrated.url, RUNCAMP_ADMIN_TOKEN: "tok" };
    expect((await send(bindings, "https://runcamp.example.workers.dev/v1/repos")).status).toBe(401);
    expect((await send(bindings, "https://runcamp.example.workers.dev/v1/repos", { headers: { authorization: "Bearer tok" } })).status).toBe(200);
  });
});

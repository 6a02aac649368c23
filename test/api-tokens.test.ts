// Scoped API tokens: the auth matrix on every host (app.request, Node socket, the Worker
// under Miniflare). No token, a wrong, revoked or expired one → 401; a scope too low → 403;
// a token limited to a repo → 403 on any other repo (existing or not); secrets shown once,
// never listed, never logged.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { apiHosts, json, useHost } from "./support/hosts.ts";

const ADMIN = "bootstrap-admin-token-for-the-tests";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(apiHosts)("tokens on $name", (factory) => {
  const api = useHost(factory, { adminToken: ADMIN });
  const secrets: string[] = [];
  const logged: string[] = [];
  let spies: ReturnType<typeof vi.spyOn>[] = [];
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
    for (const secret of secrets) expect(logged.join("\n")).not.toContain(secret);
  });

  async function as(token: string | null, path: string, init: RequestInit = {}) {
    return api.call(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...(token ? bearer(token) : {}) } });
  }
  async function issue(body: Record<string, unknown>): Promise<{ id: string; token: string; scope: string; repo: string | null }> {
    const res = await as(ADMIN, "/v1/tokens", json("POST", body));
    expect(res.status).toBe(201);
    const issued = await res.json();
    secrets.push(issued.token);
    return issued;
  }

  let read: { id: string; token: string };
  let write: { id: string; token: string };
  let admin: { id: string; token: string };
  let mine: { id: string; token: string };
  beforeAll(async () => {
    // What the server logs (in-process hosts) must never hold a secret.
    spies = (["log", "error", "warn", "info"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args) => void logged.push(args.map(String).join(" "))),
    );
    expect((await as(ADMIN, "/v1/repos/shared/runs", json("POST", { id: "r1" }))).status).toBe(201);
    expect((await as(ADMIN, "/v1/repos/other", { method: "PUT" })).status).toBe(201);
    read = await issue({ name: "reader", scope: "read" });
    write = await issue({ name: "writer", scope: "write" });
    admin = await issue({ name: "second admin", scope: "admin" });
    mine = await issue({ name: "lab A", scope: "write", repo: "mine" });
  });

  test("a secret is 256 random bits, returned once; listings carry no secret and no hash", async () => {
    expect(read.token).toMatch(/^rc_[A-Za-z0-9_-]{43}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
    const list = await (await as(ADMIN, "/v1/tokens?limit=1000")).json();
    expect(list.items.map((t: { name: string }) => t.name).sort()).toEqual(expect.arrayContaining(["lab A", "reader", "second admin", "writer"]));
    const text = JSON.stringify(list);
    for (const secret of secrets) expect(text).not.toContain(secret.slice(3));
    expect(Object.keys(list.items[0]).sort()).toEqual(["created_at", "expires_at", "id", "last_used_at", "name", "repo", "scope"]);
  });

  test("no token, a malformed header or an unknown token: 401 with a Bearer challenge, nothing written", async () => {
    for (const headers of [{}, { authorization: "Basic abc" }, { authorization: "Bearer" }, bearer("rc_not-a-real-token"), bearer(`${read.token}x`)]) {
      const res = await api.call("/v1/repos/shared/runs", { ...json("POST", { id: "intruder" }), headers: { ...json("POST", {}).headers, ...headers } });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="runcamp"/);
      expect((await res.json()).type).toBe("https://runcamp.dev/problems/unauthorized");
    }
    expect((await as(ADMIN, "/v1/repos/shared/runs/intruder")).status).toBe(404);
  });

  test("read: GET anything; writing anything is a 403", async () => {
    expect((await as(read.token, "/v1/repos")).status).toBe(200);
    expect((await as(read.token, "/v1/repos/shared/runs/r1")).status).toBe(200);
    for (const [path, init] of [
      ["/v1/repos/shared/runs", json("POST", { id: "r2" })],
      ["/v1/repos/shared/runs/r1", json("PATCH", { name: "x" })],
      ["/v1/repos/shared/runs/r1/metrics", json("POST", { points: [{ name: "m", step: 0, value: 1 }] })],
      ["/v1/repos/new-repo", { method: "PUT" }],
    ] as [string, RequestInit][]) {
      const res = await as(read.token, path, init);
      expect(res.status, path).toBe(403);
      expect((await res.json()).detail).toMatch(/write scope/);
    }
    expect((await as(ADMIN, "/v1/repos/shared/runs/r1/metrics")).status).toBe(200);
    expect((await (await as(ADMIN, "/v1/repos/shared/runs/r1/metrics")).json()).items).toEqual([]);
  });

  test("read: POST metrics/query is a query (its body is a selection), served to a read token", async () => {
    const res = await as(read.token, "/v1/repos/shared/metrics/query", json("POST", { metrics: [{ name: "m" }] }));
    expect(res.status).toBe(200);
    expect((await res.json()).items).toEqual(expect.any(Array));
    // A repo token stays in its repo for queries too.
    expect((await as(mine.token, "/v1/repos/shared/metrics/query", json("POST", { metrics: [{ name: "m" }] }))).status).toBe(403);
  });

  test("write: runs, values, series and campaigns; tokens and deleting a repo need admin", async () => {
    expect((await as(write.token, "/v1/repos/shared/runs", json("POST", { id: "w1" }))).status).toBe(201);
    expect((await as(write.token, "/v1/repos/shared/runs/w1/metrics", json("POST", { points: [{ name: "m", step: 0, value: 1 }] }))).status).toBe(200);
    expect((await as(write.token, "/v1/repos/shared/runs/w1", { method: "DELETE" })).status).toBe(204);
    for (const [path, init] of [
      ["/v1/tokens", { method: "GET" }],
      ["/v1/tokens", json("POST", { scope: "admin" })],
      [`/v1/tokens/${read.id}`, { method: "DELETE" }],
      ["/v1/repos/other", { method: "DELETE" }],
    ] as [string, RequestInit][]) {
      expect((await as(write.token, path, init)).status, `${init.method} ${path}`).toBe(403);
    }
    expect((await as(ADMIN, "/v1/repos/other")).status).toBe(200);
  });

  test("an issued admin token manages tokens and may delete a repo", async () => {
    expect((await as(admin.token, "/v1/tokens")).status).toBe(200);
    expect((await as(admin.token, "/v1/repos/doomed", { method: "PUT" })).status).toBe(201);
    expect((await as(admin.token, "/v1/repos/doomed", { method: "DELETE" })).status).toBe(204);
  });

  test("a repo token: its repo only; any other repo is a 403, existing or not, and the repo list shows its own", async () => {
    expect((await as(mine.token, "/v1/repos/mine/runs", json("POST", { id: "m1" }))).status).toBe(201);
    expect((await as(mine.token, "/v1/repos/mine/runs/m1")).status).toBe(200);
    const bodies = [];
    for (const repo of ["shared", "no-such-repo"]) {
      const res = await as(mine.token, `/v1/repos/${repo}/runs`);
      expect(res.status).toBe(403);
      bodies.push((await res.json()).detail);
    }
    expect(bodies[0]).toBe(bodies[1]);
    expect((await as(mine.token, "/v1/repos/shared/runs", json("POST", { id: "x" }))).status).toBe(403);
    const repos = await (await as(mine.token, "/v1/repos")).json();
    expect(repos.items.map((r: { name: string }) => r.name)).toEqual(["mine"]);
    expect((await as(mine.token, "/v1/tokens")).status).toBe(403);
  });

  test("revoking takes effect on the next request", async () => {
    const doomed = await issue({ scope: "read" });
    expect((await as(doomed.token, "/v1/repos")).status).toBe(200);
    expect((await as(ADMIN, `/v1/tokens/${doomed.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await as(doomed.token, "/v1/repos")).status).toBe(401);
    expect((await as(ADMIN, `/v1/tokens/${doomed.id}`, { method: "DELETE" })).status).toBe(404);
  });

  test("an expired token is a 401", async () => {
    const soon = await issue({ scope: "read", expires_at: new Date(Date.now() + 1200).toISOString() });
    expect((await as(soon.token, "/v1/repos")).status).toBe(200);
    await new Promise((done) => setTimeout(done, 1300));
    const res = await as(soon.token, "/v1/repos");
    expect(res.status).toBe(401);
    expect((await res.json()).detail).toMatch(/expired/);
  });

  test("last_used_at records use", async () => {
    const list = await (await as(ADMIN, "/v1/tokens?limit=1000")).json();
    const used = list.items.find((t: { id: string }) => t.id === read.id);
    expect(used.last_used_at).not.toBeNull();
    expect(list.items.find((t: { id: string }) => t.id === mine.id).repo).toBe("mine");
  });

  test("bad token requests are 400s that store nothing", async () => {
    const before = (await (await as(ADMIN, "/v1/tokens?limit=1000")).json()).items.length;
    for (const body of [
      { scope: "root" },
      {},
      { scope: "read", repo: "Bad Repo" },
      { scope: "read", expires_at: "2001-01-01T00:00:00Z" },
      { scope: "read", expires_at: "tomorrow" },
      { scope: "read", extra: 1 },
    ]) {
      const res = await as(ADMIN, "/v1/tokens", json("POST", body));
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await as(ADMIN, "/v1/tokens/not-an-id", { method: "DELETE" })).status).toBe(400);
    expect((await (await as(ADMIN, "/v1/tokens?limit=1000")).json()).items.length).toBe(before);
  });
  test("artifacts follow the scopes: read lists and downloads, write uploads and deletes, a repo token stays in its repo", async () => {
    const url = "/v1/repos/shared/runs/r1/artifacts/reports/scoped.txt";
    const put = (token: string) => as(token, url, { method: "PUT", headers: { "content-type": "text/plain" }, body: "scoped" });
    const denied = await put(read.token);
    expect(denied.status).toBe(403);
    expect((await denied.json()).detail).toMatch(/write scope/);
    expect((await as(null, url, { method: "PUT", body: "x" })).status).toBe(401);
    expect((await put(mine.token)).status).toBe(403);
    expect((await put(write.token)).status).toBe(201);
    expect(await (await as(read.token, url)).text()).toBe("scoped");
    expect((await (await as(read.token, "/v1/repos/shared/runs/r1/artifacts")).json()).items.map((a: { path: string }) => a.path)).toContain(
      "reports/scoped.txt",
    );
    expect((await as(read.token, url, { method: "DELETE" })).status).toBe(403);
    expect((await as(write.token, url, { method: "DELETE" })).status).toBe(204);
  });
});

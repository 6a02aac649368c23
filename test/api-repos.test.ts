import { describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

describe.each(apiHosts)("repos on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  // Every response in this suite must be a deliberate answer, never a server failure.
  async function expectNotFound(path: string, init?: RequestInit) {
    const res = await call(path, init);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 404, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
  }

  async function allRepos(limit?: number) {
    const names: string[] = [];
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const qs = new URLSearchParams();
      if (limit) qs.set("limit", String(limit));
      if (cursor) qs.set("cursor", cursor);
      const res = await call(`/v1/repos?${qs}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      if (limit) expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items);
      names.push(...body.items.map((r: { name: string }) => r.name));
      cursor = body.next_cursor;
      if (cursor === null) break;
    }
    return { names, items };
  }

  test("GET /health answers ok with the database reachable", async () => {
    const res = await call("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  test("PUT creates a repo (201), a second PUT updates its description (200) and keeps created_at", async () => {
    const name = uniqueRepo("repos-put");
    const created = await call(`/v1/repos/${name}`, json("PUT", { description: "first" }));
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toContain("application/json");
    const first = await created.json();
    expect(first).toEqual({
      name,
      description: "first",
      created_at: expect.any(String),
      run_count: 0,
      campaign_count: 0,
      mlflow_experiment_id: expect.stringMatching(/^[1-9]\d*$/),
    });
    expect(new Date(first.created_at).toISOString()).toBe(first.created_at);

    const updated = await call(`/v1/repos/${name}`, json("PUT", { description: "second" }));
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({ ...first, description: "second" });

    const read = await call(`/v1/repos/${name}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ ...first, description: "second" });
  });

  test("PUT with no body and no content type creates the repo; repeating it changes nothing", async () => {
    const name = uniqueRepo("repos-empty");
    const created = await call(`/v1/repos/${name}`, { method: "PUT" });
    expect(created.status).toBe(201);
    const repo = await created.json();
    expect(repo).toMatchObject({ name, description: "", run_count: 0, campaign_count: 0 });

    await call(`/v1/repos/${name}`, json("PUT", { description: "kept" }));
    const again = await call(`/v1/repos/${name}`, { method: "PUT" });
    expect(again.status).toBe(200);
    // An empty PUT is "make sure it exists", not "clear the description".
    expect(await again.json()).toEqual({ ...repo, description: "kept" });
  });

  test("PUT with an empty JSON object creates the repo with an empty description", async () => {
    const name = uniqueRepo("repos-emptyobj");
    const res = await call(`/v1/repos/${name}`, json("PUT", {}));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name, description: "" });
  });

  test("names at the edges of the slug rule are accepted", async () => {
    for (const name of ["a", "0", `z${"9".repeat(63)}`, "a.b_c-d", "x..y"]) {
      const res = await call(`/v1/repos/${name}`, { method: "PUT" });
      expect([200, 201], name).toContain(res.status);
      expect((await res.json()).name).toBe(name);
    }
  });

  test("GET of a repo that does not exist is a 404 problem", async () => {
    await expectNotFound(`/v1/repos/${uniqueRepo("repos-missing")}`);
  });

  test("the list shows each repo with its run and campaign counts", async () => {
    const busy = uniqueRepo("repos-busy");
    const quiet = uniqueRepo("repos-quiet");
    await call(`/v1/repos/${quiet}`, { method: "PUT" });
    for (let i = 0; i < 3; i++) expect((await call(`/v1/repos/${busy}/runs`, json("POST", {}))).status).toBe(201);
    expect((await call(`/v1/repos/${busy}/campaigns`, json("POST", { name: "c1" }))).status).toBe(201);
    expect((await call(`/v1/repos/${busy}/campaigns`, json("POST", { name: "c2" }))).status).toBe(201);

    const { items } = await allRepos();
    expect(items.find((r) => r.name === busy)).toMatchObject({ name: busy, run_count: 3, campaign_count: 2 });
    expect(items.find((r) => r.name === quiet)).toMatchObject({ name: quiet, run_count: 0, campaign_count: 0 });
    // The single-repo read agrees with the list.
    expect(await (await call(`/v1/repos/${busy}`)).json()).toMatchObject({ run_count: 3, campaign_count: 2 });
    expect(await (await call(`/v1/repos/${quiet}`)).json()).toMatchObject({ run_count: 0, campaign_count: 0 });
  });

  test("paging the repo list with a small limit serves every repo exactly once, in name order", async () => {
    for (let i = 0; i < 5; i++) await call(`/v1/repos/${uniqueRepo("repos-page")}`, { method: "PUT" });
    const whole = await allRepos();
    const paged = await allRepos(2);
    expect(paged.names).toEqual(whole.names);
    expect(new Set(paged.names).size).toBe(paged.names.length);
    expect([...paged.names].sort()).toEqual(paged.names);
  });

  test("DELETE removes the repo with its runs, values and campaigns (204, then 404)", async () => {
    const name = uniqueRepo("repos-del");
    await call(`/v1/repos/${name}`, json("PUT", { description: "doomed" }));
    expect((await call(`/v1/repos/${name}/campaigns`, json("POST", { id: "camp", name: "grid" }))).status).toBe(201);
    expect((await call(`/v1/repos/${name}/runs`, json("POST", { id: "r1", campaign: "camp", params: { lr: 0.1 } }))).status).toBe(201);
    expect((await call(`/v1/repos/${name}/runs/r1/values`, json("PUT", [{ name: "acc", value: 0.9 }]))).status).toBe(200);

    const del = await call(`/v1/repos/${name}`, { method: "DELETE" });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe("");

    await expectNotFound(`/v1/repos/${name}`);
    await expectNotFound(`/v1/repos/${name}/runs`);
    await expectNotFound(`/v1/repos/${name}/runs/r1`);
    await expectNotFound(`/v1/repos/${name}/campaigns`);
    await expectNotFound(`/v1/repos/${name}/campaigns/camp`);
    await expectNotFound(`/v1/repos/${name}`, { method: "DELETE" });
    expect((await allRepos()).names).not.toContain(name);

    // Re-creating the name starts from nothing: the old run, its values and the campaign are gone.
    const recreated = await call(`/v1/repos/${name}`, { method: "PUT" });
    expect(recreated.status).toBe(201);
    expect(await recreated.json()).toMatchObject({ description: "", run_count: 0, campaign_count: 0 });
    const run = await call(`/v1/repos/${name}/runs`, json("POST", { id: "r1" }));
    expect(run.status).toBe(201);
    expect(await run.json()).toMatchObject({ id: "r1", params: {}, campaign: null });
    expect(await (await call(`/v1/repos/${name}/runs/r1`)).json()).toMatchObject({ values: [], metrics: [] });
    expect(await (await call(`/v1/repos/${name}/campaigns`)).json()).toEqual({ items: [], next_cursor: null });
  });

  test("deleting one repo leaves the others intact", async () => {
    const keep = uniqueRepo("repos-keep");
    const drop = uniqueRepo("repos-drop");
    await call(`/v1/repos/${keep}/runs`, json("POST", { id: "same-id", params: { a: 1 } }));
    await call(`/v1/repos/${drop}/runs`, json("POST", { id: "same-id", params: { b: 2 } }));
    const before = await (await call(`/v1/repos/${keep}/runs/same-id`)).json();
    expect((await call(`/v1/repos/${drop}`, { method: "DELETE" })).status).toBe(204);
    const after = await call(`/v1/repos/${keep}/runs/same-id`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual(before);
    expect(await (await call(`/v1/repos/${keep}`)).json()).toMatchObject({ run_count: 1 });
  });
});

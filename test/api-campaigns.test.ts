import { describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const isoString = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

interface Campaign {
  id: string;
  name: string;
  run_count: number;
  runs?: { id: string; campaign: string | null }[];
  [key: string]: unknown;
}

describe.each(apiHosts)("campaigns on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;

  async function createCampaign(repo: string, body: Record<string, unknown>, status = 201): Promise<Campaign> {
    const res = await call(`/v1/repos/${repo}/campaigns`, json("POST", body));
    expect(res.status).toBe(status);
    return res.json();
  }

  async function getCampaign(repo: string, id: string): Promise<Campaign> {
    const res = await call(`/v1/repos/${repo}/campaigns/${id}`);
    expect(res.status).toBe(200);
    return res.json();
  }

  async function createRun(repo: string, body: Record<string, unknown>) {
    const res = await call(`/v1/repos/${repo}/runs`, json("POST", body));
    expect(res.status).toBe(201);
    return res.json();
  }

  async function listAll(repo: string, limit?: number) {
    const items: Campaign[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const qs = new URLSearchParams();
      if (limit) qs.set("limit", String(limit));
      if (cursor) qs.set("cursor", cursor);
      const res = await call(`/v1/repos/${repo}/campaigns?${qs}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      if (limit) expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items);
      cursor = body.next_cursor;
      if (cursor === null) break;
    }
    return items;
  }

  test("create answers 201 with a generated id and defaults; the repo is created with it", async () => {
    const repo = uniqueRepo("camps-create");
    const campaign = await createCampaign(repo, { name: "grid" });
    expect(campaign).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      repo,
      name: "grid",
      description: "",
      params: {},
      run_count: 0,
      created_at: isoString,
    });
    expect(await (await call(`/v1/repos/${repo}`)).json()).toMatchObject({ campaign_count: 1, run_count: 0 });
  });

  test("a client id is kept; re-sending it answers 200 with the stored campaign unchanged", async () => {
    const repo = uniqueRepo("camps-resume");
    const body = { id: "splits-x-seeds", name: "5 splits x 3 seeds", description: "tcbench grid", params: { splits: [0, 1, 2, 3, 4], seeds: [1, 2, 3] } };
    const first = await createCampaign(repo, body);
    expect(first).toMatchObject(body);
    const again = await createCampaign(repo, { ...body, name: "a different name", params: { other: true } }, 200);
    expect(again).toEqual(first);
    expect(await getCampaign(repo, "splits-x-seeds")).toEqual({ ...first, runs: [] });
    expect(await listAll(repo)).toEqual([first]);
  });

  test("the list is ordered by name and pages without repeats", async () => {
    const repo = uniqueRepo("camps-list");
    const names = ["delta", "alpha", "echo", "charlie", "bravo"];
    for (const name of names) await createCampaign(repo, { name });
    const whole = await listAll(repo);
    expect(whole.map((c) => c.name)).toEqual([...names].sort());
    expect((await listAll(repo, 2)).map((c) => c.name)).toEqual([...names].sort());
    const first = await (await call(`/v1/repos/${repo}/campaigns?limit=5`)).json();
    expect(first.next_cursor).toBeNull();
    expect(await (await call(`/v1/repos/${uniqueRepo("camps-none")}/campaigns`)).json()).toMatchObject({ status: 404 });
  });

  test("runs join at creation by id or by name, and get lists them in creation order", async () => {
    const repo = uniqueRepo("camps-join");
    await createCampaign(repo, { id: "c1", name: "grid" });
    const byId = await createRun(repo, { id: "by-id", campaign: "c1" });
    const byName = await createRun(repo, { id: "by-name", campaign: "grid" });
    await createRun(repo, { id: "outside" });
    expect(byId.campaign).toBe("c1");
    expect(byName.campaign).toBe("c1");

    const campaign = await getCampaign(repo, "c1");
    expect(campaign.run_count).toBe(2);
    expect(campaign.runs!.map((r) => r.id)).toEqual(["by-id", "by-name"]);
    expect(campaign.runs![0]).toEqual(byId);
    expect((await listAll(repo))[0].run_count).toBe(2);
  });

  test("runs join and leave by PATCH; run_count follows", async () => {
    const repo = uniqueRepo("camps-patchjoin");
    await createCampaign(repo, { id: "c1", name: "first" });
    await createCampaign(repo, { id: "c2", name: "second" });
    await createRun(repo, { id: "r" });

    const join = await call(`/v1/repos/${repo}/runs/r`, json("PATCH", { campaign: "first" }));
    expect((await join.json()).campaign).toBe("c1");
    expect((await getCampaign(repo, "c1")).run_count).toBe(1);

    // A run is in at most one campaign: joining another moves it.
    const move = await call(`/v1/repos/${repo}/runs/r`, json("PATCH", { campaign: "c2" }));
    expect((await move.json()).campaign).toBe("c2");
    expect((await getCampaign(repo, "c1")).run_count).toBe(0);
    expect((await getCampaign(repo, "c2")).runs!.map((r) => r.id)).toEqual(["r"]);

    const leave = await call(`/v1/repos/${repo}/runs/r`, json("PATCH", { campaign: null }));
    expect((await leave.json()).campaign).toBeNull();
    expect((await getCampaign(repo, "c2")).run_count).toBe(0);
  });

  test("a reference that is one campaign's id and another's name resolves to the id", async () => {
    const repo = uniqueRepo("camps-ambig");
    await createCampaign(repo, { id: "alpha", name: "first" });
    await createCampaign(repo, { id: "other", name: "alpha" });
    expect((await createRun(repo, { campaign: "alpha" })).campaign).toBe("alpha");
  });

  test("patch changes name and description and merges params", async () => {
    const repo = uniqueRepo("camps-patch");
    const created = await createCampaign(repo, { id: "c", name: "old", description: "d0", params: { grid: { lr: [1, 2] }, seeds: 3, drop: "me" } });
    const res = await call(
      `/v1/repos/${repo}/campaigns/c`,
      json("PATCH", { name: "new", description: "d1", params: { grid: { wd: [0, 1] }, drop: null, seeds: 5 } }),
    );
    expect(res.status).toBe(200);
    const patched = await res.json();
    expect(patched).toEqual({ ...created, name: "new", description: "d1", params: { grid: { lr: [1, 2], wd: [0, 1] }, seeds: 5 } });
    expect(await getCampaign(repo, "c")).toEqual({ ...patched, runs: [] });

    // Renaming to its own name is not a conflict; an empty patch changes nothing.
    const same = await call(`/v1/repos/${repo}/campaigns/c`, json("PATCH", { name: "new" }));
    expect(same.status).toBe(200);
    expect(await same.json()).toEqual(patched);
    const empty = await call(`/v1/repos/${repo}/campaigns/c`, json("PATCH", {}));
    expect(await empty.json()).toEqual(patched);
    // Runs can find it by its new name, not its old one.
    expect((await createRun(repo, { campaign: "new" })).campaign).toBe("c");
    const missing = await call(`/v1/repos/${repo}/runs`, json("POST", { campaign: "old" }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      detail: `Campaign "old" does not exist in repo "${repo}"; create the campaign first.`,
      errors: [{ path: "campaign", message: expect.any(String) }],
    });
  });

  test("a run naming a campaign in a repo that does not exist yet: a 400 on campaign naming it, nothing is created", async () => {
    const repo = uniqueRepo("camps-norepo");
    const res = await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r1", campaign: "grid" }));
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/^Campaign "grid" does not exist in repo "[^"]+" \(nor does the repo yet\); create the campaign first\.$/);
    expect((await call(`/v1/repos/${repo}`)).status).toBe(404);
  });

  test("patch or get of a missing campaign is a 404", async () => {
    const repo = uniqueRepo("camps-missing");
    await createCampaign(repo, { id: "exists", name: "x" });
    for (const init of [undefined, json("PATCH", { name: "y" }), { method: "DELETE" }]) {
      const res = await call(`/v1/repos/${repo}/campaigns/nope`, init);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  test("delete answers 204; the campaign is gone, its runs remain with campaign null", async () => {
    const repo = uniqueRepo("camps-del");
    await createCampaign(repo, { id: "c", name: "doomed" });
    await createCampaign(repo, { id: "keep", name: "kept" });
    await createRun(repo, { id: "r1", campaign: "c", params: { a: 1 } });
    await createRun(repo, { id: "r2", campaign: "c" });
    await createRun(repo, { id: "r3", campaign: "keep" });
    const r1Before = await (await call(`/v1/repos/${repo}/runs/r1`)).json();

    const del = await call(`/v1/repos/${repo}/campaigns/c`, { method: "DELETE" });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe("");
    expect((await call(`/v1/repos/${repo}/campaigns/c`)).status).toBe(404);
    expect((await call(`/v1/repos/${repo}/campaigns/c`, { method: "DELETE" })).status).toBe(404);

    const r1After = await (await call(`/v1/repos/${repo}/runs/r1`)).json();
    expect(r1After).toEqual({ ...r1Before, campaign: null });
    expect((await (await call(`/v1/repos/${repo}/runs/r2`)).json()).campaign).toBeNull();
    expect((await (await call(`/v1/repos/${repo}/runs/r3`)).json()).campaign).toBe("keep");
    expect(await (await call(`/v1/repos/${repo}`)).json()).toMatchObject({ run_count: 3, campaign_count: 1 });
    expect((await listAll(repo)).map((c) => c.id)).toEqual(["keep"]);

    // The name is free again.
    expect((await createCampaign(repo, { name: "doomed" })).run_count).toBe(0);
  });

  test("campaigns in different repos are independent, even with the same id and name", async () => {
    const a = uniqueRepo("camps-a");
    const b = uniqueRepo("camps-b");
    await createCampaign(a, { id: "same", name: "same" });
    await createCampaign(b, { id: "same", name: "same", description: "in b" });
    await createRun(b, { id: "r", campaign: "same" });
    expect((await getCampaign(a, "same")).run_count).toBe(0);
    expect(await getCampaign(b, "same")).toMatchObject({ description: "in b", run_count: 1 });
  });
});

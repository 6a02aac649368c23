// Data survives a server restart on the same database file: everything a client wrote reads
// back identically from the new process-level app (new libSQL client, migrations re-run).
import { describe, expect, test } from "vitest";
import { apiHosts, json, useHost } from "./support/hosts.ts";

describe.each(apiHosts)("restart on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;

  async function ok(path: string, init?: RequestInit, status = 200) {
    const res = await call(path, init);
    expect(res.status, `${init?.method ?? "GET"} ${path}`).toBe(status);
    return res.status === 204 ? null : res.json();
  }

  /** Every read the API offers over what the test wrote. */
  async function readAll(repo: string) {
    // Naming `archived` in the filter lists archived runs too.
    const everyRun = `filter=${encodeURIComponent("archived in (true, false)")}`;
    const runs = await ok(`/v1/repos/${repo}/runs?${everyRun}`);
    const campaigns = await ok(`/v1/repos/${repo}/campaigns`);
    return {
      repos: await ok("/v1/repos"),
      repo: await ok(`/v1/repos/${repo}`),
      runs,
      runsDesc: await ok(`/v1/repos/${repo}/runs?${everyRun}&sort=created_at%20desc`),
      runDetails: await Promise.all(runs.items.map((r: { id: string }) => ok(`/v1/repos/${repo}/runs/${r.id}`))),
      campaigns,
      campaignDetails: await Promise.all(campaigns.items.map((k: { id: string }) => ok(`/v1/repos/${repo}/campaigns/${k.id}`))),
    };
  }

  test("repos, runs, values and campaigns read back identically after a restart", async () => {
    const repo = "restart-all";
    await ok(`/v1/repos/${repo}`, json("PUT", { description: "survives restarts" }), 201);
    await ok(`/v1/repos/other-repo`, { method: "PUT" }, 201);
    await ok(
      `/v1/repos/${repo}/campaigns`,
      json("POST", { id: "grid", name: "5x3 grid", description: "splits x seeds", params: { splits: 5, seeds: [1, 2, 3] } }),
      201,
    );
    await ok(
      `/v1/repos/${repo}/runs`,
      json("POST", {
        id: "run-a",
        name: "resnet",
        experiment: "baseline",
        description: "first",
        campaign: "grid",
        params: { lr: 0.001, optimizer: { name: "adam", betas: [0.9, 0.999] }, unicode: "naïve ✓" },
        tags: ["baseline", "gpu:0"],
        provenance: { git: "abc123", argv: ["train.py"] },
      }),
      201,
    );
    await ok(`/v1/repos/${repo}/runs`, json("POST", { id: "run-b", campaign: "5x3 grid" }), 201);
    const generated = (await ok(`/v1/repos/${repo}/runs`, json("POST", { name: "server id" }), 201)).id;
    await ok(
      `/v1/repos/${repo}/runs/run-a/values`,
      json("PUT", [
        { name: "acc", context: { subset: "test" }, value: 0.93 },
        { name: "acc", context: { subset: "val", split: 1 }, value: 0.91 },
        { name: "report", value: { f1: [0.9, 0.8], note: null } },
        { name: "done", value: true },
        { name: "nothing", value: null },
        { name: "label", value: "best" },
      ]),
    );
    await ok(
      `/v1/repos/${repo}/runs/run-a`,
      json("PATCH", { status: "finished", archived: true, tags: { add: ["final"], remove: ["gpu:0"] }, params: { lr: null, wd: 0.01 } }),
    );
    await ok(`/v1/repos/${repo}/runs/${generated}`, json("PATCH", { status: "failed" }));

    const before = await readAll(repo);
    // Sanity: the snapshot holds what was written.
    expect(before.repo).toMatchObject({ description: "survives restarts", run_count: 3, campaign_count: 1 });
    expect(before.runDetails[0]).toMatchObject({ id: "run-a", status: "finished", archived: true, campaign: "grid", tags: ["baseline", "final"] });
    expect(before.runDetails[0].values).toHaveLength(6);
    expect(before.runDetails[0].ended_at).not.toBeNull();

    await api.host.restart();
    expect(await ok("/health")).toEqual({ status: "ok", database: "ok" });
    expect(await readAll(repo)).toEqual(before);

    // The restarted server keeps working on the same data: resume is still a resume, ids stay unique.
    const resumed = await call(`/v1/repos/${repo}/runs`, json("POST", { id: "run-a", name: "ignored" }));
    expect(resumed.status).toBe(200);
    const { values: _v, inputs: _i, metrics: _m, metrics_next_cursor: _c, last_activity_at: _a, ...runA } = before.runDetails[0];
    // Unchanged but for its last activity: a resume is a sign of life.
    expect(await resumed.json()).toEqual({ ...runA, last_activity_at: expect.any(String) });
    const created = await ok(`/v1/repos/${repo}/runs`, json("POST", {}), 201);
    expect(before.runs.items.map((r: { id: string }) => r.id)).not.toContain(created.id);
    await ok(`/v1/repos/${repo}/runs/run-b/values`, json("PUT", [{ name: "acc", value: 0.5 }]));
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "grid", name: "whatever" }), 200);
    expect((await call(`/v1/repos/${repo}/campaigns`, json("POST", { name: "5x3 grid" }))).status).toBe(409);

    // And what it wrote after the restart survives another one.
    const after = await readAll(repo);
    await api.host.restart();
    expect(await readAll(repo)).toEqual(after);
  });

  test("a deletion survives a restart", async () => {
    const repo = "restart-delete";
    await ok(`/v1/repos/${repo}/runs`, json("POST", { id: "keep" }), 201);
    await ok(`/v1/repos/${repo}/runs`, json("POST", { id: "drop" }), 201);
    await ok(`/v1/repos/${repo}/runs/drop`, { method: "DELETE" }, 204);
    await ok(`/v1/repos/gone-repo`, { method: "PUT" }, 201);
    await ok(`/v1/repos/gone-repo`, { method: "DELETE" }, 204);
    await api.host.restart();
    expect((await call(`/v1/repos/${repo}/runs/drop`)).status).toBe(404);
    expect((await call(`/v1/repos/gone-repo`)).status).toBe(404);
    expect((await ok(`/v1/repos/${repo}/runs`)).items.map((r: { id: string }) => r.id)).toEqual(["keep"]);
  });
});

import { afterEach, describe, expect, test, vi } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const isoString = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

interface Run {
  id: string;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
  [key: string]: unknown;
}

describe.each(apiHosts)("runs on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function createRun(repo: string, body: Record<string, unknown> = {}, status = 201): Promise<Run> {
    const res = await call(`/v1/repos/${repo}/runs`, json("POST", body));
    expect(res.status).toBe(status);
    return res.json();
  }

  async function getRun(repo: string, id: string) {
    const res = await call(`/v1/repos/${repo}/runs/${id}`);
    expect(res.status).toBe(200);
    return res.json();
  }

  async function patchRun(repo: string, id: string, body: Record<string, unknown>): Promise<Run> {
    const res = await call(`/v1/repos/${repo}/runs/${id}`, json("PATCH", body));
    expect(res.status).toBe(200);
    return res.json();
  }

  /** Walks every page of the run list and returns the ids in the order served. */
  async function listAll(repo: string, query: Record<string, string> = {}) {
    const ids: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const qs = new URLSearchParams(query);
      if (cursor) qs.set("cursor", cursor);
      const res = await call(`/v1/repos/${repo}/runs?${qs}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      ids.push(...body.items.map((r: Run) => r.id));
      pageSizes.push(body.items.length);
      cursor = body.next_cursor;
      if (cursor === null) break;
      expect(typeof cursor).toBe("string");
    }
    return { ids, pageSizes };
  }

  describe("create", () => {
    test("a run without an id gets a server id and the documented defaults (201)", async () => {
      const repo = uniqueRepo("runs-create");
      const run = await createRun(repo);
      expect(run).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        repo,
        name: "",
        experiment: "",
        description: "",
        status: "running",
        archived: false,
        campaign: null,
        params: {},
        tags: [],
        tag_values: {},
        parent: null,
        provenance: null,
        created_at: isoString,
        updated_at: run.created_at,
        ended_at: null,
        failure: null,
        last_activity_at: run.created_at,
        stale: false,
      });
      // The repo came into being with the first run.
      expect(await (await call(`/v1/repos/${repo}`)).json()).toMatchObject({ name: repo, run_count: 1 });
      // Two id-less creates are two runs.
      const other = await createRun(repo);
      expect(other.id).not.toBe(run.id);
    });

    test("a client id is kept, and re-sending it answers 200 with the same run unchanged", async () => {
      const repo = uniqueRepo("runs-resume");
      const body = {
        id: "Run_01-a",
        name: "resnet",
        experiment: "exp1",
        description: "first try",
        params: { lr: 0.001, model: { depth: 50, pretrained: true }, layers: [64, 128] },
        tags: ["baseline", "gpu:0", "baseline"],
        provenance: { git: "abc123", argv: ["train.py", "--lr", "0.001"] },
      };
      const first = await createRun(repo, body);
      expect(first).toMatchObject({ ...body, tags: ["baseline", "gpu:0"], status: "running" });

      const again = await call(`/v1/repos/${repo}/runs`, json("POST", { ...body, name: "renamed?", params: { lr: 1 }, tags: ["other"] }));
      expect(again.status).toBe(200);
      // Unchanged, but the resume is a sign of life (see test/api-liveness.test.ts).
      const { last_activity_at: resumedAt, ...resumed } = await again.json();
      const { last_activity_at: _, ...firstContent } = first;
      expect(resumed).toEqual(firstContent);
      expect(Date.parse(resumedAt)).toBeGreaterThanOrEqual(Date.parse(String(first.last_activity_at)));
      const { values, inputs, metrics, metrics_next_cursor, ...stored } = await getRun(repo, "Run_01-a");
      expect(metrics_next_cursor).toBeNull();
      expect(stored).toEqual({ ...first, last_activity_at: resumedAt });
      expect(values).toEqual([]);
      expect(inputs).toEqual([]);
      expect(metrics).toEqual([]);
      expect((await listAll(repo)).ids).toEqual(["Run_01-a"]);
    });

    test("the same client id in two repos is two different runs", async () => {
      const a = uniqueRepo("runs-a");
      const b = uniqueRepo("runs-b");
      await createRun(a, { id: "shared", params: { side: "a" } });
      const inB = await createRun(b, { id: "shared", params: { side: "b" } });
      expect(inB).toMatchObject({ repo: b, params: { side: "b" } });
      expect((await getRun(a, "shared")).params).toEqual({ side: "a" });
    });

    test("ids at the edges of the id rule are accepted", async () => {
      const repo = uniqueRepo("runs-ids");
      for (const id of ["x", "A-Z_0-9", "a".repeat(64)]) {
        expect((await createRun(repo, { id })).id).toBe(id);
        expect((await getRun(repo, id)).id).toBe(id);
      }
    });
  });

  describe("get", () => {
    test("a run reads back with its params, tags, values and a metrics array", async () => {
      const repo = uniqueRepo("runs-get");
      await createRun(repo, { id: "r", params: { a: { b: [1, 2, { c: null }] } }, tags: ["t1"] });
      await call(`/v1/repos/${repo}/runs/r/values`, json("PUT", [{ name: "acc", context: { subset: "test" }, value: 0.93 }]));
      const run = await getRun(repo, "r");
      expect(run).toMatchObject({ id: "r", repo, params: { a: { b: [1, 2, { c: null }] } }, tags: ["t1"] });
      expect(run.values).toEqual([{ name: "acc", context: { subset: "test" }, value: 0.93, updated_at: isoString }]);
      expect(Array.isArray(run.metrics)).toBe(true);
      expect(run.metrics).toEqual([]);
    });

    test("a run that does not exist is a 404 problem", async () => {
      const repo = uniqueRepo("runs-get404");
      await createRun(repo, { id: "exists" });
      const res = await call(`/v1/repos/${repo}/runs/nope`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    });
  });

  describe("patch", () => {
    test("name, description and experiment change; other fields stay; updated_at moves forward", async () => {
      const repo = uniqueRepo("runs-patch");
      const run = await createRun(repo, { id: "r", name: "old", params: { lr: 1 }, tags: ["x"] });
      const patched = await patchRun(repo, "r", { name: "new", description: "about", experiment: "e2" });
      expect(patched).toEqual({ ...run, name: "new", description: "about", experiment: "e2", updated_at: isoString });
      expect(patched.updated_at >= run.updated_at).toBe(true);
      const { values, inputs, metrics, metrics_next_cursor: _next, ...stored } = await getRun(repo, "r");
      expect(stored).toEqual(patched);
      expect(values).toEqual([]);
      expect(inputs).toEqual([]);
      expect(metrics).toEqual([]);
    });

    test("an empty patch changes nothing", async () => {
      const repo = uniqueRepo("runs-noop");
      const run = await createRun(repo, { id: "r", params: { a: 1 } });
      expect(await patchRun(repo, "r", {})).toEqual(run);
    });

    test("status finished sets ended_at, running clears it, failed and killed set it", async () => {
      const repo = uniqueRepo("runs-status");
      const run = await createRun(repo, { id: "r" });
      expect(run.ended_at).toBeNull();

      const finished = await patchRun(repo, "r", { status: "finished" });
      expect(finished.status).toBe("finished");
      expect(finished.ended_at).toEqual(isoString);
      expect(finished.ended_at! >= run.created_at).toBe(true);
      expect((await getRun(repo, "r")).ended_at).toBe(finished.ended_at);

      // Re-sending the same status keeps the original end time.
      expect((await patchRun(repo, "r", { status: "finished" })).ended_at).toBe(finished.ended_at);

      const resumed = await patchRun(repo, "r", { status: "running" });
      expect(resumed).toMatchObject({ status: "running", ended_at: null });
      expect((await getRun(repo, "r")).ended_at).toBeNull();

      for (const status of ["failed", "killed"]) {
        const ended = await patchRun(repo, "r", { status });
        expect(ended.status).toBe(status);
        expect(ended.ended_at).toEqual(isoString);
      }
    });

    test("archived toggles", async () => {
      const repo = uniqueRepo("runs-arch");
      await createRun(repo, { id: "r" });
      expect((await patchRun(repo, "r", { archived: true })).archived).toBe(true);
      expect((await getRun(repo, "r")).archived).toBe(true);
      expect((await patchRun(repo, "r", { archived: false })).archived).toBe(false);
      expect((await getRun(repo, "r")).archived).toBe(false);
    });

    test("campaign joins by id or by name, and null leaves it", async () => {
      const repo = uniqueRepo("runs-camp");
      await createRun(repo, { id: "r" });
      const res = await call(`/v1/repos/${repo}/campaigns`, json("POST", { id: "camp-1", name: "grid search" }));
      expect(res.status).toBe(201);

      expect((await patchRun(repo, "r", { campaign: "camp-1" })).campaign).toBe("camp-1");
      expect((await patchRun(repo, "r", { campaign: null })).campaign).toBeNull();
      // By name, the run still reports the campaign's id.
      expect((await patchRun(repo, "r", { campaign: "grid search" })).campaign).toBe("camp-1");
      expect((await getRun(repo, "r")).campaign).toBe("camp-1");
      const campaign = await (await call(`/v1/repos/${repo}/campaigns/camp-1`)).json();
      expect(campaign.runs.map((r: Run) => r.id)).toEqual(["r"]);
      expect(campaign.run_count).toBe(1);

      expect((await patchRun(repo, "r", { campaign: null })).campaign).toBeNull();
      expect(await (await call(`/v1/repos/${repo}/campaigns/camp-1`)).json()).toMatchObject({ run_count: 0, runs: [] });
    });

    test("params deep-merge: nested objects merge, null deletes a key, arrays and scalars replace", async () => {
      const repo = uniqueRepo("runs-merge");
      await createRun(repo, {
        id: "r",
        params: { lr: 0.1, seed: 1, optimizer: { name: "adam", betas: [0.9, 0.999], wd: 0.01, sched: { kind: "cos", warmup: 5 } }, keep: "me" },
      });
      const patched = await patchRun(repo, "r", {
        params: { seed: null, lr: 0.2, optimizer: { name: "sgd", betas: [0.5], wd: null, momentum: 0.9, sched: { warmup: null } }, added: { deep: { x: 1 } } },
      });
      const expected = {
        lr: 0.2,
        optimizer: { name: "sgd", betas: [0.5], momentum: 0.9, sched: { kind: "cos" } },
        keep: "me",
        added: { deep: { x: 1 } },
      };
      expect(patched.params).toEqual(expected);
      expect((await getRun(repo, "r")).params).toEqual(expected);

      // An object replaces a scalar and a scalar replaces an object.
      const second = await patchRun(repo, "r", { params: { keep: { now: "object" }, optimizer: "plain" } });
      expect(second.params).toEqual({ lr: 0.2, keep: { now: "object" }, optimizer: "plain", added: { deep: { x: 1 } } });
      // Deleting a key that is not there is fine.
      expect((await patchRun(repo, "r", { params: { ghost: null } })).params).toEqual(second.params);
    });

    test("tags add without duplicates and remove; removing an absent tag is fine", async () => {
      const repo = uniqueRepo("runs-tags");
      await createRun(repo, { id: "r", tags: ["a", "b"] });
      expect((await patchRun(repo, "r", { tags: { add: ["b", "c", "c"] } })).tags).toEqual(["a", "b", "c"]);
      expect((await patchRun(repo, "r", { tags: { remove: ["a", "zzz"] } })).tags).toEqual(["b", "c"]);
      expect((await patchRun(repo, "r", { tags: { add: ["d"], remove: ["b"] } })).tags).toEqual(["c", "d"]);
      expect((await patchRun(repo, "r", { tags: {} })).tags).toEqual(["c", "d"]);
      expect((await getRun(repo, "r")).tags).toEqual(["c", "d"]);
    });

    test("a merge-patch media type is accepted", async () => {
      const repo = uniqueRepo("runs-mp");
      await createRun(repo, { id: "r" });
      const res = await call(`/v1/repos/${repo}/runs/r`, {
        method: "PATCH",
        headers: { "content-type": "application/merge-patch+json; charset=utf-8" },
        body: JSON.stringify({ name: "via merge-patch" }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).name).toBe("via merge-patch");
    });
  });

  describe("delete", () => {
    test("DELETE answers 204, then the run is gone (404) and the repo count drops", async () => {
      const repo = uniqueRepo("runs-del");
      await createRun(repo, { id: "gone" });
      await createRun(repo, { id: "stays" });
      await call(`/v1/repos/${repo}/runs/gone/values`, json("PUT", [{ name: "acc", value: 1 }]));
      const del = await call(`/v1/repos/${repo}/runs/gone`, { method: "DELETE" });
      expect(del.status).toBe(204);
      expect(await del.text()).toBe("");
      expect((await call(`/v1/repos/${repo}/runs/gone`)).status).toBe(404);
      expect((await call(`/v1/repos/${repo}/runs/gone`, { method: "DELETE" })).status).toBe(404);
      expect((await call(`/v1/repos/${repo}/runs/gone/values`, json("PUT", [{ name: "acc", value: 1 }]))).status).toBe(404);
      expect((await listAll(repo)).ids).toEqual(["stays"]);
      expect(await (await call(`/v1/repos/${repo}`)).json()).toMatchObject({ run_count: 1 });
      // The id is free again, and the new run starts without the old values.
      await createRun(repo, { id: "gone" }, 201);
      expect((await getRun(repo, "gone")).values).toEqual([]);
    });
  });

  describe("list", () => {
    test("runs list by created_at ascending by default, descending on request", async () => {
      const repo = uniqueRepo("runs-sort");
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await createRun(repo, { id: `run-${i}` })).id);
      const page = await (await call(`/v1/repos/${repo}/runs`)).json();
      expect(page.items.map((r: Run) => r.id)).toEqual(ids);
      expect(page.next_cursor).toBeNull();
      expect(page.items[0]).toMatchObject({ id: "run-0", repo, status: "running", params: {} });

      expect((await listAll(repo, { sort: "created_at asc" })).ids).toEqual(ids);
      expect((await listAll(repo, { sort: "created_at desc" })).ids).toEqual([...ids].reverse());
    });

    test("an empty repo lists no runs", async () => {
      const repo = uniqueRepo("runs-empty");
      await call(`/v1/repos/${repo}`, { method: "PUT" });
      expect(await (await call(`/v1/repos/${repo}/runs`)).json()).toEqual({ items: [], next_cursor: null });
    });

    test("paging with a limit serves every run exactly once and ends with next_cursor null", async () => {
      const repo = uniqueRepo("runs-pages");
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await createRun(repo)).id);

      const asc = await listAll(repo, { limit: "3" });
      expect(asc.ids).toEqual(ids);
      expect(asc.pageSizes).toEqual([3, 3, 1]);

      const desc = await listAll(repo, { limit: "3", sort: "created_at desc" });
      expect(desc.ids).toEqual([...ids].reverse());
      expect(desc.pageSizes).toEqual([3, 3, 1]);

      // A limit that divides the total exactly still ends cleanly (no empty extra page with a cursor).
      const exact = await listAll(repo, { limit: "7" });
      expect(exact.pageSizes).toEqual([7]);
      const single = await listAll(repo, { limit: "1" });
      expect(single.ids).toEqual(ids);
      expect(single.pageSizes).toEqual([1, 1, 1, 1, 1, 1, 1]);
    });

    // Freezing the clock needs the server in this process; workerd keeps its own clock.
    test.skipIf(!factory.inProcess)("runs created in the same millisecond still paginate without skips or repeats", async () => {
      const repo = uniqueRepo("runs-samems");
      await call(`/v1/repos/${repo}`, { method: "PUT" });
      const frozen = Date.now();
      vi.spyOn(Date, "now").mockReturnValue(frozen);
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await createRun(repo, { id: `same-${i}` })).id);
      vi.restoreAllMocks();

      const all = await (await call(`/v1/repos/${repo}/runs`)).json();
      expect(new Set(all.items.map((r: Run) => r.created_at))).toEqual(new Set([new Date(frozen).toISOString()]));

      for (const limit of ["1", "2", "4"]) {
        expect((await listAll(repo, { limit })).ids).toEqual(ids);
        expect((await listAll(repo, { limit, sort: "created_at desc" })).ids).toEqual([...ids].reverse());
      }
    });

    test("a run created while paging shows up on a later page, none repeat", async () => {
      const repo = uniqueRepo("runs-live");
      for (let i = 0; i < 4; i++) await createRun(repo, { id: `live-${i}` });
      const first = await (await call(`/v1/repos/${repo}/runs?limit=2`)).json();
      await createRun(repo, { id: "live-late" });
      const seen = first.items.map((r: Run) => r.id);
      let cursor = first.next_cursor;
      while (cursor) {
        const page = await (await call(`/v1/repos/${repo}/runs?limit=2&cursor=${encodeURIComponent(cursor)}`)).json();
        seen.push(...page.items.map((r: Run) => r.id));
        cursor = page.next_cursor;
      }
      expect(seen).toEqual(["live-0", "live-1", "live-2", "live-3", "live-late"]);
    });
  });
});

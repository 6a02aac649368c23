// Run liveness: every sign of life stamps last_activity_at; a running run silent for longer
// than the staleness time (1 s here) is stale in its JSON and in filters, and close-stale
// marks such runs killed. Rejections change nothing.
import { describe, expect, test } from "vitest";
import { hosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const STALE_AFTER = 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for a run to go stale. */
const goStale = () => sleep(STALE_AFTER * 1000 + 150);

interface RunJson {
  id: string;
  status: string;
  stale: boolean;
  last_activity_at: string;
  ended_at: string | null;
  updated_at: string;
}

describe.each(hosts)("run liveness on $name", (factory) => {
  const api = useHost(factory, { staleAfterSeconds: STALE_AFTER });
  const call = api.call;

  async function ok<T = RunJson>(path: string, init?: RequestInit, status = 200): Promise<T> {
    const res = await call(path, init);
    expect(res.status, `${init?.method ?? "GET"} ${path}`).toBe(status);
    return res.json() as Promise<T>;
  }
  const ids = (page: { items: { id: string }[] }) => page.items.map((r) => r.id);

  test("a run goes stale when silent; heartbeat, ingest, values and resume are signs of life", async () => {
    const repo = uniqueRepo("live");
    const created = await ok(`/v1/repos/${repo}/runs`, json("POST", { id: "r1" }), 201);
    expect(created).toMatchObject({ status: "running", stale: false });
    expect(Date.parse(created.last_activity_at)).toBeGreaterThan(Date.now() - 60_000);
    await goStale();
    const silent = await ok(`/v1/repos/${repo}/runs/r1`);
    expect(silent).toMatchObject({ stale: true, last_activity_at: created.last_activity_at });

    const beat = await ok<{ id: string; status: string; stale: boolean; last_activity_at: string; stale_after_seconds: number }>(
      `/v1/repos/${repo}/runs/r1/heartbeat`,
      { method: "POST" },
    );
    expect(beat).toMatchObject({ id: "r1", status: "running", stale: false, stale_after_seconds: STALE_AFTER });
    expect(Date.parse(beat.last_activity_at)).toBeGreaterThan(Date.parse(created.last_activity_at));
    expect(await ok(`/v1/repos/${repo}/runs/r1`)).toMatchObject({ stale: false, last_activity_at: beat.last_activity_at });

    const signs: [string, RequestInit][] = [
      [`/v1/repos/${repo}/runs/r1/metrics`, json("POST", { points: [{ name: "loss", step: 0, value: 1 }] })],
      [`/v1/repos/${repo}/runs/r1/values`, json("PUT", [{ name: "acc", value: 0.5 }])],
      [`/v1/repos/${repo}/runs`, json("POST", { id: "r1" })],
    ];
    for (const [path, init] of signs) {
      await goStale();
      expect((await ok(`/v1/repos/${repo}/runs/r1`)).stale).toBe(true);
      await ok(path, init);
      expect((await ok(`/v1/repos/${repo}/runs/r1`)).stale, path).toBe(false);
    }
  });

  test("only running runs are stale; stale filters and sorts like any boolean field", async () => {
    const repo = uniqueRepo("live-filter");
    for (const id of ["quiet", "done", "beating"]) await ok(`/v1/repos/${repo}/runs`, json("POST", { id }), 201);
    await ok(`/v1/repos/${repo}/runs/done`, json("PATCH", { status: "finished" }));
    await goStale();
    // A heartbeat right before each read: a slow host must not let "beating" go stale meanwhile.
    const beat = () => ok(`/v1/repos/${repo}/runs/beating/heartbeat`, { method: "POST" });
    await beat();
    expect(ids(await ok(`/v1/repos/${repo}/runs?filter=stale`))).toEqual(["quiet"]);
    await beat();
    expect(ids(await ok(`/v1/repos/${repo}/runs?filter=${encodeURIComponent("not stale")}`))).toEqual(["done", "beating"]);
    await beat();
    expect(ids(await ok(`/v1/repos/${repo}/runs?filter=${encodeURIComponent('stale = false and status = "running"')}`))).toEqual(["beating"]);
    await beat();
    const page = await ok<{ items: RunJson[] }>(`/v1/repos/${repo}/runs?sort=${encodeURIComponent("stale desc")}`);
    expect(page.items.map((r) => [r.id, r.stale])).toEqual([
      ["quiet", true],
      ["beating", false],
      ["done", false],
    ]);
    // A stale sort pages like any other: the cursor stays valid though "now" moves on.
    await beat();
    const first = await ok<{ items: RunJson[]; next_cursor: string }>(`/v1/repos/${repo}/runs?limit=1&sort=stale`);
    const second = await ok<{ items: RunJson[] }>(`/v1/repos/${repo}/runs?limit=2&sort=stale&cursor=${first.next_cursor}`);
    expect([...ids(first), ...ids(second)].sort()).toEqual(["beating", "done", "quiet"]);
  });

  test("a heartbeat never changes the status", async () => {
    const repo = uniqueRepo("live-beat");
    await ok(`/v1/repos/${repo}/runs`, json("POST", { id: "r1" }), 201);
    await ok(`/v1/repos/${repo}/runs/r1`, json("PATCH", { status: "failed" }));
    const beat = await ok<{ status: string; stale: boolean }>(`/v1/repos/${repo}/runs/r1/heartbeat`, { method: "POST" });
    expect(beat).toMatchObject({ status: "failed", stale: false });
    expect((await ok(`/v1/repos/${repo}/runs/r1`)).status).toBe("failed");
  });

  test("close-stale marks the stale runs killed, ended at their last activity, and only those", async () => {
    const repo = uniqueRepo("live-close");
    for (const id of ["dead-1", "dead-2", "alive", "done"]) {
      await ok(`/v1/repos/${repo}/runs`, json("POST", { id, params: { group: id.startsWith("dead-1") ? "a" : "b" } }), 201);
    }
    await ok(`/v1/repos/${repo}/runs/done`, json("PATCH", { status: "finished" }));
    await goStale();
    // Heartbeats right before each close: a slow host must not let "alive" go stale meanwhile.
    const beat = () => ok(`/v1/repos/${repo}/runs/alive/heartbeat`, { method: "POST" });
    await beat();
    const before = await ok(`/v1/repos/${repo}/runs/dead-1`);

    const some = await ok<{ items: RunJson[]; stale_after_seconds: number }>(
      `/v1/repos/${repo}/runs/close-stale`,
      json("POST", { filter: 'params.group = "a"' }),
    );
    expect(some.stale_after_seconds).toBe(STALE_AFTER);
    expect(some.items.map((r) => [r.id, r.status, r.stale, r.ended_at])).toEqual([["dead-1", "killed", false, before.last_activity_at]]);

    await beat();
    const rest = await ok<{ items: RunJson[] }>(`/v1/repos/${repo}/runs/close-stale`, { method: "POST" });
    expect(ids(rest)).toEqual(["dead-2"]);
    await beat();
    expect(ids(await ok(`/v1/repos/${repo}/runs/close-stale`, json("POST", {})))).toEqual([]);
    const statuses = await ok<{ items: RunJson[] }>(`/v1/repos/${repo}/runs`);
    expect(statuses.items.map((r) => [r.id, r.status])).toEqual([
      ["dead-1", "killed"],
      ["dead-2", "killed"],
      ["alive", "running"],
      ["done", "finished"],
    ]);
    // The process was only paused: logging to its run again reopens it, as for any finished run.
    await ok(`/v1/repos/${repo}/runs/dead-2/metrics`, json("POST", { reopen: true, points: [{ name: "loss", step: 0, value: 1 }] }));
    expect(await ok(`/v1/repos/${repo}/runs/dead-2`)).toMatchObject({ status: "running", stale: false, ended_at: null });
  });

  test("bad requests are problems and close nothing", async () => {
    const repo = uniqueRepo("live-bad");
    await ok(`/v1/repos/${repo}/runs`, json("POST", { id: "r1" }), 201);
    await goStale();
    const snapshot = async () => ok<{ items: RunJson[] }>(`/v1/repos/${repo}/runs`);
    const before = await snapshot();
    const bad: [string, RequestInit, number, string | null][] = [
      [`/v1/repos/${repo}/runs/close-stale`, json("POST", { filter: "stale >" }), 400, "filter"],
      [`/v1/repos/${repo}/runs/close-stale`, json("POST", { filter: "stale > true" }), 400, "filter"],
      [`/v1/repos/${repo}/runs/close-stale`, json("POST", { status: "killed" }), 400, "status"],
      [`/v1/repos/${repo}/runs/close-stale`, json("POST", []), 400, null],
      [`/v1/repos/${repo}/runs/close-stale`, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }, 415, null],
      [`/v1/repos/${uniqueRepo("live-none")}/runs/close-stale`, { method: "POST" }, 404, null],
      [`/v1/repos/${repo}/runs/nope/heartbeat`, { method: "POST" }, 404, null],
      [`/v1/repos/${repo}/runs/bad%20id/heartbeat`, { method: "POST" }, 400, "run"],
      [`/v1/repos/Bad/runs/r1/heartbeat`, { method: "POST" }, 400, "repo"],
    ];
    for (const [path, init, status, field] of bad) {
      const res = await call(path, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const problem = await res.json();
      if (field) expect(problem.errors?.[0]?.path, path).toMatch(new RegExp(`^${field}`));
    }
    expect(await snapshot()).toEqual(before);
    expect(before.items[0]).toMatchObject({ status: "running", stale: true });
  });
});

// POST /v1/repos/{repo}/import restores campaigns and runs with their stored timestamps
// (what `runcamp import` sends after a run's points and artifacts): every field reads back
// as given, a second import of the same body changes nothing, and the times the ingest and
// upload routes move are put back. Bad bodies are 4xx problems that write nothing.
import { describe, expect, test } from "vitest";
import type { Problem } from "../src/http/problems.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const T0 = "2025-03-04T05:06:07.089Z";
const T1 = "2025-03-04T06:00:00.001Z";
const T2 = "2025-03-05T00:00:00.000Z";

const campaign = { id: "grid", name: "augment grid", description: "3 seeds", params: { seeds: [1, 2, 3], __proto__x: 1 }, created_at: T0 };
const run = {
  id: "r1",
  name: "resnet",
  experiment: "cifar",
  description: "first",
  status: "finished",
  archived: true,
  campaign: "grid",
  params: { lr: 0.001, optimizer: { name: "adam" } },
  tags: ["baseline", "gpu:a100"],
  provenance: { git: { commit: "abc" } },
  created_at: T0,
  updated_at: T1,
  ended_at: T2,
  last_activity_at: T1,
  failure: { type: "RuntimeError", message: "CUDA out of memory" },
  values: [
    { name: "acc", context: { subset: "test" }, value: 0.93, updated_at: T1 },
    { name: "report", context: {}, value: { f1: "NaN", rows: [1, 2] }, updated_at: T2 },
  ],
  inputs: [
    {
      name: "cifar10",
      digest: "5d1e0c2a",
      source_type: "hf_datasets",
      source: '{"path": "cifar10"}',
      schema: '{"mlflow_colspec": []}',
      profile: '{"num_rows": 50000}',
      context: "training",
      tags: { split: "train" },
    },
  ],
};
const body = { repo: { description: "moved", created_at: T0 }, campaigns: [campaign], runs: [run] };

describe.each(apiHosts)("import on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  async function ok<T = Record<string, unknown>>(path: string, init?: RequestInit, status = 200): Promise<T> {
    const res = await call(path, init);
    expect(res.status, `${init?.method ?? "GET"} ${path}: ${await res.clone().text()}`).toBe(status);
    return res.json() as Promise<T>;
  }
  const stored = async (repo: string) => ({
    repo: await ok(`/v1/repos/${repo}`),
    campaigns: await ok(`/v1/repos/${repo}/campaigns`),
    run: await ok(`/v1/repos/${repo}/runs/r1`),
  });

  test("every field and timestamp reads back as imported; a second import changes nothing", async () => {
    const repo = uniqueRepo("imp");
    expect(await ok(`/v1/repos/${repo}/import`, json("POST", body))).toEqual({
      repo_created: true,
      campaigns: { created: 1, replaced: 0 },
      runs: { created: 1, replaced: 0 },
    });
    const first = await stored(repo);
    expect(first.repo).toMatchObject({ name: repo, description: "moved", created_at: T0, run_count: 1, campaign_count: 1 });
    expect((first.campaigns as { items: unknown[] }).items).toEqual([{ ...campaign, repo, run_count: 1 }]);
    const { values, ...fields } = run;
    expect(first.run).toEqual({
      ...fields,
      repo,
      stale: false,
      // An import carries runcamp's fields; MLflow's key/value tags are not among them.
      tag_values: {},
      parent: null,
      values: values.map((v) => ({ ...v })),
      metrics: [],
      metrics_next_cursor: null,
    });
    expect(await ok(`/v1/repos/${repo}/import`, json("POST", body))).toMatchObject({ repo_created: false, runs: { created: 0, replaced: 1 } });
    expect(await stored(repo)).toEqual(first);
  });

  test("a run's points and artifacts come first; the import then puts back status and times", async () => {
    const repo = uniqueRepo("imp");
    await ok(`/v1/repos/${repo}/import`, json("POST", { runs: [{ ...run, campaign: null }] }));
    await ok(
      `/v1/repos/${repo}/runs/r1/metrics`,
      json("POST", { reopen: true, points: [{ name: "loss", step: 0, value: "NaN", epoch: 0, time: 1741064767.5 }] }),
    );
    const art = await call(`/v1/repos/${repo}/runs/r1/artifacts/reports/a.csv`, { method: "PUT", headers: { "content-type": "text/csv" }, body: "a,b\n1,2\n" });
    expect(art.status).toBe(201);
    expect(await ok(`/v1/repos/${repo}/runs/r1`)).toMatchObject({ status: "running", ended_at: null });
    await ok(`/v1/repos/${repo}/import`, json("POST", { runs: [{ ...run, campaign: null, artifacts: [{ path: "reports/a.csv", created_at: T1 }] }] }));
    const back = await ok<Record<string, unknown>>(`/v1/repos/${repo}/runs/r1`);
    expect(back).toMatchObject({ status: "finished", created_at: T0, updated_at: T1, ended_at: T2, last_activity_at: T1, campaign: null });
    expect((back.metrics as { count: number }[])[0]).toMatchObject({ name: "loss", count: 1, last: "NaN", last_time: 1741064767.5 });
    expect(await ok(`/v1/repos/${repo}/runs/r1/artifacts`)).toMatchObject({ items: [{ path: "reports/a.csv", created_at: T1, size: 8 }] });
  });

  test("without last_activity_at, liveness falls back to updated_at; an existing repo keeps its own fields", async () => {
    const repo = uniqueRepo("imp");
    await ok(`/v1/repos/${repo}`, json("PUT", { description: "mine" }), 201);
    const { last_activity_at: _, values: __, ...bare } = run;
    await ok(`/v1/repos/${repo}/import`, json("POST", { repo: { description: "theirs", created_at: T0 }, runs: [{ ...bare, campaign: null }] }));
    expect(await ok(`/v1/repos/${repo}/runs/r1`)).toMatchObject({ last_activity_at: T1, values: [] });
    expect(await ok(`/v1/repos/${repo}`)).toMatchObject({ description: "mine" });
  });

  test("free-form JSON (params, provenance, values) keeps keys such as __proto__", async () => {
    const repo = uniqueRepo("imp");
    const text = `{"runs":[{"id":"p","status":"running","created_at":"${T0}","updated_at":"${T0}","params":{"__proto__":{"x":1},"a":1},"provenance":{"constructor":3},"values":[{"name":"v","value":{"__proto__":2},"updated_at":"${T0}"}]}]}`;
    await ok(`/v1/repos/${repo}/import`, { method: "POST", headers: { "content-type": "application/json" }, body: text });
    const back = await (await call(`/v1/repos/${repo}/runs/p`)).text();
    expect(back).toContain('"params":{"__proto__":{"x":1},"a":1}');
    expect(back).toContain('"provenance":{"constructor":3}');
    expect(back).toContain('"value":{"__proto__":2}');
  });

  describe("bad bodies are refused and write nothing", () => {
    const withRun = (patch: Record<string, unknown>) => ({ runs: [{ ...run, campaign: null, ...patch }] });
    const cases: [string, unknown, number, string?][] = [
      ["a date without time", withRun({ created_at: "2025-03-04" }), 400, "runs.0.created_at"],
      ["an instant in another zone", withRun({ updated_at: "2025-03-04T05:06:07.089+01:00" }), 400, "runs.0.updated_at"],
      ["month 13", withRun({ ended_at: "2025-13-04T05:06:07.089Z" }), 400, "runs.0.ended_at"],
      ["a number for an instant", withRun({ created_at: 1741064767089 }), 400, "runs.0.created_at"],
      ["an unknown status", withRun({ status: "paused" }), 400, "runs.0.status"],
      ["an unknown field", withRun({ secret_field: 1 }), 400, "runs.0.secret_field"],
      ["a bad run id", withRun({ id: "../x" }), 400, "runs.0.id"],
      ["a value without updated_at", withRun({ values: [{ name: "acc", value: 1 }] }), 400, "runs.0.values.0.updated_at"],
      ["a repeated value", withRun({ values: [run.values[0], { ...run.values[0], updated_at: T2 }] }), 400, "runs.0.values.1"],
      [
        "a repeated value, its context's keys in another order",
        withRun({
          values: [
            { ...run.values[0], context: { a: 1, b: 2 } },
            { ...run.values[0], context: { b: 2, a: 1 } },
          ],
        }),
        400,
        "runs.0.values.1",
      ],
      ["a repeated run id", { runs: [withRun({}).runs[0], withRun({}).runs[0]] }, 400, "runs.1.id"],
      ["a repeated campaign id", { campaigns: [campaign, { ...campaign, name: "other" }] }, 400, "campaigns.1.id"],
      ["101 runs", { runs: Array.from({ length: 101 }, (_, i) => ({ ...withRun({}).runs[0], id: `r${i}` })) }, 400, "runs"],
      ["params nested 200 deep", withRun({ params: JSON.parse(`${'{"a":'.repeat(200)}1${"}".repeat(200)}`) }), 400, "runs.0.params"],
      ["an unknown campaign", withRun({ campaign: "nowhere" }), 400, "runs.0.campaign"],
      ["an artifact never uploaded", withRun({ artifacts: [{ path: "missing.csv", created_at: T1 }] }), 404],
      // What `runcamp import` sends from a file: its artifact paths go by the upload route's rules.
      ["an artifact path climbing out", withRun({ artifacts: [{ path: "../../etc/x", created_at: T1 }] }), 400, "runs.0.artifacts.0.path"],
      ["an absolute artifact path", withRun({ artifacts: [{ path: "/etc/x", created_at: T1 }] }), 400, "runs.0.artifacts.0.path"],
      ["an artifact path with a backslash", withRun({ artifacts: [{ path: "reports\\r.csv", created_at: T1 }] }), 400, "runs.0.artifacts.0.path"],
      ["an artifact path with NUL", withRun({ artifacts: [{ path: "reports/r\u0000.csv", created_at: T1 }] }), 400, "runs.0.artifacts.0.path"],
      ["two campaigns with one name", { campaigns: [campaign, { ...campaign, id: "other" }] }, 400, "campaigns.1.name"],
      ["a body that is an array", [run], 400],
    ];
    test.each(cases)("%s", async (_label, bad, status, path) => {
      const repo = uniqueRepo("bad");
      await ok(`/v1/repos/${repo}/import`, json("POST", { campaigns: [{ ...campaign, id: "held", name: "taken" }] }));
      const before = { repo: await ok(`/v1/repos/${repo}`), runs: await ok(`/v1/repos/${repo}/runs`), campaigns: await ok(`/v1/repos/${repo}/campaigns`) };
      const res = await call(`/v1/repos/${repo}/import`, json("POST", bad));
      const text = await res.text();
      expect(res.status, text).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(text) as Problem;
      expect(problem.detail.length).toBeGreaterThan(0);
      if (path) expect(problem.errors?.map((e) => e.path)).toContain(path);
      expect(text).not.toContain('secret_field":1');
      expect(text).not.toMatch(/\n\s+at /);
      expect({ repo: await ok(`/v1/repos/${repo}`), runs: await ok(`/v1/repos/${repo}/runs`), campaigns: await ok(`/v1/repos/${repo}/campaigns`) }).toEqual(
        before,
      );
    });

    test("a campaign name another id holds is a 409; the import into a missing repo creates nothing", async () => {
      const repo = uniqueRepo("bad");
      await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "mine", name: "augment grid" }), 201);
      const res = await call(`/v1/repos/${repo}/import`, json("POST", body));
      expect(res.status).toBe(409);
      expect((await res.json()).detail).toMatch(/another id/);
      expect((await ok<{ items: unknown[] }>(`/v1/repos/${repo}/runs`)).items).toEqual([]);
      const ghost = uniqueRepo("ghost");
      expect((await call(`/v1/repos/${ghost}/import`, json("POST", withRun({ campaign: "nowhere" })))).status).toBe(400);
      expect((await call(`/v1/repos/${ghost}`)).status).toBe(404);
    });

    test("not JSON is a 415", async () => {
      const res = await call(`/v1/repos/${uniqueRepo("bad")}/import`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
      expect(res.status).toBe(415);
    });
  });
});

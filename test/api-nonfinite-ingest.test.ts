// The bare NaN, Infinity and -Infinity tokens that Python's json writes, in the metric and
// value ingest bodies (JSON points, JSON columns, NDJSON, PUT values): stored as the non-finite
// floats the string forms give. Elsewhere they stay malformed JSON, and a body whose tokens
// are not exactly those (NaNx, -NaN, a bare token as a key) is refused with nothing stored.
import { describe, expect, test } from "vitest";
import { hosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const raw = (method: string, body: string, contentType = "application/json"): RequestInit => ({ method, headers: { "content-type": contentType }, body });

describe.each(hosts)("bare non-finite tokens on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;

  async function newRun(label: string) {
    const repo = uniqueRepo(label);
    const res = await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }));
    expect(res.status).toBe(201);
    return `/v1/repos/${repo}/runs/r`;
  }

  async function values(path: string, name: string): Promise<unknown[]> {
    const res = await call(`${path}/metrics/${name}?limit=1000`);
    expect(res.status).toBe(200);
    return (await res.json()).points.map((p: { value: unknown }) => p.value);
  }

  test("JSON points, JSON columns and NDJSON store NaN, Infinity and -Infinity", async () => {
    const path = await newRun("bare-points");
    const points =
      '{"points": [{"name": "loss", "step": 0, "value": NaN}, {"name": "loss", "step": 1, "value": Infinity}, {"name": "loss", "step": 2, "value": -Infinity}, {"name": "loss", "step": 3, "value": 0.5}]}';
    expect((await call(`${path}/metrics`, raw("POST", points))).status).toBe(200);
    expect(await values(path, "loss")).toEqual(["NaN", "Infinity", "-Infinity", 0.5]);

    const columns = '{"series": [{"name": "acc", "context": {}, "steps": [0, 1], "values": [NaN, -Infinity]}]}';
    expect((await call(`${path}/metrics`, raw("POST", columns))).status).toBe(200);
    expect(await values(path, "acc")).toEqual(["NaN", "-Infinity"]);

    const ndjson = '{"name": "lr", "step": 0, "value": Infinity}\n{"name": "lr", "step": 1, "value": 1e-3}\n';
    expect((await call(`${path}/metrics`, raw("POST", ndjson, "application/x-ndjson"))).status).toBe(200);
    expect(await values(path, "lr")).toEqual(["Infinity", 0.001]);
  });

  test("PUT values stores bare tokens at any depth; strings stay strings", async () => {
    const path = await newRun("bare-values");
    const body = '[{"name": "best", "value": NaN}, {"name": "scores", "value": [1, Infinity, {"worst": -Infinity}]}, {"name": "note", "value": "NaN as text"}]';
    const res = await call(`${path}/values`, raw("PUT", body));
    expect(res.status, await res.clone().text()).toBe(200);
    const stored = Object.fromEntries(((await res.json()).items as { name: string; value: unknown }[]).map((v) => [v.name, v.value]));
    expect(stored).toEqual({ best: "NaN", scores: [1, "Infinity", { worst: "-Infinity" }], note: "NaN as text" });
  });

  test.each([
    ["NaNx", '{"points": [{"name": "loss", "step": 0, "value": NaNx}]}'],
    ["-NaN", '{"points": [{"name": "loss", "step": 0, "value": -NaN}]}'],
    ["a bare key", '{"points": [{"name": "loss", "step": 0, NaN: 1}]}'],
    ["a step", '{"points": [{"name": "loss", "step": NaN, "value": 1}]}'],
  ])("an ingest body with %s is refused and stores nothing", async (_, body) => {
    const path = await newRun("bare-bad");
    const res = await call(`${path}/metrics`, raw("POST", body));
    expect(res.status).toBe(400);
    const list = await call(`${path}/metrics`);
    expect((await list.json()).items).toEqual([]);
  });

  test("elsewhere a bare token is still malformed JSON", async () => {
    const path = await newRun("bare-elsewhere");
    const patch = await call(path, raw("PATCH", '{"params": {"lr": NaN}}'));
    expect(patch.status).toBe(400);
    const run = await (await call(path)).json();
    expect(run.params).toEqual({});
    const created = await call(`/v1/repos/${uniqueRepo("bare-run")}/runs`, raw("POST", '{"id": "r", "params": {"x": Infinity}}'));
    expect(created.status).toBe(400);
  });
});

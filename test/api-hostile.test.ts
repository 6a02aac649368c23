// Hostile and careless input on every host: each case is refused before anything is written
// (no repo, run, value or point appears), the problem names the field without quoting the
// content, and search in the repo still works afterwards.
import { describe, expect, test } from "vitest";
import { defaultLimits } from "../src/config.ts";
import { hosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

/** {"a":{"a":...{"a":1}}} nested `depth` levels, as text: JSON.stringify itself overflows on 10,000. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const raw = (method: string, text: string): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: text });

describe.each(hosts)("hostile input on $name", (factory) => {
  const api = useHost(factory, { limits: { ...defaultLimits, maxSeriesPerRun: 60 } });

  async function status(path: string, init?: RequestInit) {
    return (await api.call(path, init)).status;
  }
  async function problem(path: string, init: RequestInit, expected: number) {
    const res = await api.call(path, init);
    expect(res.status, path).toBe(expected);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return res.json();
  }
  async function repoWithRun(label: string) {
    const repo = uniqueRepo(label);
    expect(await status(`/v1/repos/${repo}/runs`, json("POST", { id: "r", params: { lr: 0.1 } }))).toBe(201);
    return repo;
  }
  async function searchStillWorks(repo: string) {
    const res = await api.call(`/v1/repos/${repo}/runs?${new URLSearchParams({ filter: "params.lr > 0.01", sort: "params.lr desc" })}`);
    expect(res.status).toBe(200);
    expect((await res.json()).items.map((r: { id: string }) => r.id)).toEqual(["r"]);
  }

  test("JSON nested deeper than 32 levels (33, 10,000) is a 400 naming the field; a rejected create leaves no repo", async () => {
    for (const depth of [33, 10_000]) {
      const fresh = uniqueRepo("deep");
      for (const [field, body] of [
        ["params", `{"id":"x","params":${nested(depth)}}`],
        ["provenance", `{"id":"x","provenance":${nested(depth)}}`],
      ] as const) {
        const p = await problem(`/v1/repos/${fresh}/runs`, raw("POST", body), 400);
        expect(p.errors).toEqual([{ path: field, message: expect.stringContaining("32 levels") }]);
      }
      expect(await problem(`/v1/repos/${fresh}/campaigns`, json("POST", { name: "c", params: nested(depth) }), 400)).toMatchObject({
        errors: [{ path: "params" }],
      });
      expect(await status(`/v1/repos/${fresh}`)).toBe(404);
      const repo = await repoWithRun("deep");
      expect((await problem(`/v1/repos/${repo}/runs/r`, raw("PATCH", `{"params":${nested(depth)}}`), 400)).errors[0].path).toBe("params");
      expect((await problem(`/v1/repos/${repo}/runs/r/values`, raw("PUT", `[{"name":"v","value":${nested(depth)}}]`), 400)).errors[0].path).toBe("0.value");
      const run = await (await api.call(`/v1/repos/${repo}/runs/r`)).json();
      expect(run.params).toEqual({ lr: 0.1 });
      expect(run.values).toEqual([]);
      await searchStillWorks(repo);
    }
    // 32 levels is allowed.
    const repo = uniqueRepo("deep-ok");
    expect(await status(`/v1/repos/${repo}/runs`, raw("POST", `{"id":"r","params":${nested(32)}}`))).toBe(201);
  });

  test("names with unpaired surrogates, NUL or control characters are refused, so two names never become one", async () => {
    const repo = await repoWithRun("names");
    const ingest = (points: unknown[]) => problem(`/v1/repos/${repo}/runs/r/metrics`, json("POST", { points }), 400);
    const lone = await ingest([
      { name: "s\ud800", step: 0, value: 1 },
      { name: "s\udfff", step: 0, value: 2 },
    ]);
    expect(lone.errors.map((e: { path: string }) => e.path)).toEqual(["points.0.name", "points.1.name"]);
    for (const name of ["a\u0000b", "tab\tname", "bell\u0007"]) expect((await ingest([{ name, step: 0, value: 1 }])).errors[0].path).toBe("points.0.name");
    expect((await ingest([{ name: "m", context: { "k\u0000": "v" }, step: 0, value: 1 }])).errors[0].path).toBe("points.0.context");
    expect((await ingest([{ name: "m", context: { k: "v\ud800" }, step: 0, value: 1 }])).errors[0].path).toBe("points.0.context.k");
    // NDJSON too.
    const nd = await api.call(`/v1/repos/${repo}/runs/r/metrics`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body: `${JSON.stringify({ name: "x\u0001", step: 0, value: 1 })}\n`,
    });
    expect(nd.status).toBe(400);
    expect(await status(`/v1/repos/${repo}/runs/r/values`, json("PUT", [{ name: "v\u0000", value: 1 }]))).toBe(400);
    expect(await status(`/v1/repos/${repo}/campaigns`, json("POST", { name: "c\udc00" }))).toBe(400);
    expect(await status(`/v1/repos/${repo}/runs/r`, json("PATCH", { name: "line\nbreak" }))).toBe(400);
    const run = await (await api.call(`/v1/repos/${repo}/runs/r`)).json();
    expect(run.metrics).toEqual([]);
    expect(run.values).toEqual([]);
    await searchStillWorks(repo);
  });

  test("a body that is not valid UTF-8 is a 400, not silently repaired", async () => {
    const repo = await repoWithRun("utf8");
    for (const bytes of [
      [0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d], // {"id":"\xff"}
      [0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d], // a broken 2-byte sequence
      [0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d], // an encoded surrogate
    ]) {
      const p = await problem(
        `/v1/repos/${repo}/campaigns`,
        { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array(bytes) },
        400,
      );
      expect(p.errors).toEqual([{ path: "body", message: "must be valid UTF-8" }]);
    }
    const nd = await api.call(`/v1/repos/${repo}/runs/r/metrics`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body: new Uint8Array([...new TextEncoder().encode('{"name":"m'), 0xfe, ...new TextEncoder().encode('","step":0,"value":1}\n')]),
    });
    expect(nd.status).toBe(400);
    expect((await (await api.call(`/v1/repos/${repo}/campaigns`)).json()).items).toEqual([]);
    await searchStillWorks(repo);
  });

  test("a 1 MB context value and a 100 KB field name: 400s that quote neither", async () => {
    const repo = await repoWithRun("long");
    const big = "v".repeat(1_000_000);
    const p = await problem(`/v1/repos/${repo}/runs/r/metrics`, json("POST", { points: [{ name: "m", context: { subset: big }, step: 0, value: 1 }] }), 400);
    expect(p.errors[0]).toEqual({ path: "points.0.context.subset", message: "must be at most 255 characters" });
    expect(await status(`/v1/repos/${repo}/runs/r/values`, json("PUT", [{ name: "v", context: { [big]: 1 }, value: 1 }]))).toBe(400);
    const key = "k".repeat(100_000);
    for (const [path, body] of [
      [`/v1/repos/${repo}/runs`, { id: "x", [key]: 1 }],
      [`/v1/repos/${repo}/runs/r/metrics`, { points: [{ name: "m", step: 0, value: 1, [key]: 1 }] }],
    ] as const) {
      const text = JSON.stringify(await problem(path, json("POST", body), 400));
      expect(text.length).toBeLessThan(1000);
      expect(text).not.toContain("k".repeat(200));
    }
    expect((await (await api.call(`/v1/repos/${repo}/runs/r`)).json()).metrics).toEqual([]);
    await searchStillWorks(repo);
  });

  test("50,000 distinct series in one request is a 413; the server stays responsive; nothing is stored", async () => {
    const repo = await repoWithRun("wide");
    const points = Array.from({ length: 50_000 }, (_, i) => ({ name: `m${i}`, step: 0, value: i }));
    const started = Date.now();
    const p = await problem(`/v1/repos/${repo}/runs/r/metrics`, json("POST", { points }), 413);
    expect(p.detail).toMatch(/10000 distinct series/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await status("/health")).toBe(200);
    expect((await (await api.call(`/v1/repos/${repo}/runs/r/metrics`)).json()).items).toEqual([]);
    await searchStillWorks(repo);
  });

  test("a run's series beyond the per-run limit (60 here) are a 413 for the request that would pass it, all of it rolled back", async () => {
    const repo = await repoWithRun("per-run");
    const batch = (from: number, n: number) => ({ points: Array.from({ length: n }, (_, i) => ({ name: `m${from + i}`, step: 0, value: i })) });
    expect(await status(`/v1/repos/${repo}/runs/r/metrics`, json("POST", batch(0, 50)))).toBe(200);
    const p = await problem(`/v1/repos/${repo}/runs/r/metrics`, json("POST", batch(45, 20)), 413);
    expect(p.detail).toMatch(/at most 60 series/);
    const list = await (await api.call(`/v1/repos/${repo}/runs/r/metrics?limit=1000`)).json();
    expect(list.items).toHaveLength(50);
    // The overlapping series m45..m49 were not touched either: each still has its one point.
    expect(list.items.every((s: { count: number }) => s.count === 1)).toBe(true);
    expect(await status(`/v1/repos/${repo}/runs/r/metrics`, json("POST", batch(50, 10)))).toBe(200);
    await searchStillWorks(repo);
  });
});

describe.each(hosts)("wide requests on $name", (factory) => {
  const api = useHost(factory);

  test("10,000 series in one request are stored; the run's GET carries 1,000 and a cursor to the rest", async () => {
    const repo = uniqueRepo("wide-ok");
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    const points = Array.from({ length: 10_000 }, (_, i) => ({ name: `s${String(i).padStart(5, "0")}`, step: 0, value: i }));
    expect((await api.call(`/v1/repos/${repo}/runs/r/metrics`, json("POST", { points }))).status).toBe(200);
    // Appending to all of them again (the existing-series path).
    expect((await api.call(`/v1/repos/${repo}/runs/r/metrics`, json("POST", { points: points.map((p) => ({ ...p, step: 1, value: -p.value })) }))).status).toBe(
      200,
    );
    const run = await (await api.call(`/v1/repos/${repo}/runs/r`)).json();
    expect(run.metrics).toHaveLength(1000);
    expect(run.metrics[999]).toMatchObject({ name: "s00999", count: 2, last: -999, min: -999, max: 999 });
    const rest = await (await api.call(`/v1/repos/${repo}/runs/r/metrics?limit=1000&cursor=${run.metrics_next_cursor}`)).json();
    expect(rest.items[0].name).toBe("s01000");
  });
});

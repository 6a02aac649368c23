// Columns of the run listing (GET /runs?columns=): params, values, series summaries, tags and
// run fields for a whole page in one request; and GET /columns, the fields a repo offers.
import { beforeAll, describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const VAL = { subset: "val" };
const TEST = { subset: "test" };

describe.each(apiHosts)("run listing columns on $name", (factory) => {
  const api = useHost(factory);
  const repo = uniqueRepo("columns");
  const runs = `/v1/repos/${repo}/runs`;

  async function ok(path: string, init?: RequestInit) {
    const res = await api.call(path, init);
    expect(res.status, path).toBeLessThan(300);
    return res.status === 204 ? null : res.json();
  }

  beforeAll(async () => {
    await ok(
      runs,
      json("POST", { id: "a", params: { lr: 0.01, opt: { name: "adam" }, "lr schedule": { warmup: 5 } }, tags: ["baseline"], provenance: { host: "h1" } }),
    );
    await ok(runs, json("POST", { id: "b", params: { lr: 0.1, opt: { name: "sgd" }, betas: [0.9, 0.99] } }));
    await ok(runs, json("POST", { id: "c", params: {} }));
    await ok(
      `${runs}/a/values`,
      json("PUT", [
        { name: "acc", context: TEST, value: 0.91 },
        { name: "report", value: { f1: 0.9 } },
      ]),
    );
    await ok(`${runs}/b/values`, json("PUT", [{ name: "acc", context: TEST, value: "NaN" }]));
    const points = (values: (number | string)[]) => values.map((value, step) => ({ name: "loss", context: VAL, step, value }));
    await ok(`${runs}/a/metrics`, json("POST", { points: points([0.9, 0.5, 0.7]) }));
    await ok(`${runs}/b/metrics`, json("POST", { points: points([0.8, "-Infinity", "NaN"]) }));
    await ok(`${runs}/b`, json("PATCH", { status: "finished" }));
  });

  const COLUMNS = [
    "params.lr",
    "params.opt.name",
    'params."lr schedule".warmup',
    "params.betas",
    'values.acc{subset:"test"}',
    "values.report",
    'metrics.loss{subset: "val"}.min',
    'metrics.loss{subset:"val"}.last',
    'metrics.loss{subset:"val"}.count',
    'metrics.loss{subset:"val"}.last_step',
    "tags.baseline",
    "status",
    "params.missing",
  ];

  test("every run of the page gets its column values, keyed by the text as requested", async () => {
    const page = await ok(`${runs}?${new URLSearchParams({ columns: COLUMNS.join(" , ") })}`);
    const byId = Object.fromEntries(page.items.map((item: { id: string; columns: unknown }) => [item.id, item.columns]));
    expect(byId.a).toEqual({
      "params.lr": 0.01,
      "params.opt.name": "adam",
      'params."lr schedule".warmup': 5,
      "params.betas": null,
      'values.acc{subset:"test"}': 0.91,
      "values.report": { f1: 0.9 },
      'metrics.loss{subset: "val"}.min': 0.5,
      'metrics.loss{subset:"val"}.last': 0.7,
      'metrics.loss{subset:"val"}.count': 3,
      'metrics.loss{subset:"val"}.last_step': 2,
      "tags.baseline": true,
      status: "running",
      "params.missing": null,
    });
    // Non-finite numbers read back as the wire strings; an array param whole.
    expect(byId.b).toMatchObject({
      "params.betas": [0.9, 0.99],
      'values.acc{subset:"test"}': "NaN",
      'metrics.loss{subset: "val"}.min': "-Infinity",
      'metrics.loss{subset:"val"}.last': "NaN",
      "tags.baseline": false,
      status: "finished",
    });
    // A run without any of them: nulls (and false for the tag), never a missing key.
    expect(Object.keys(byId.c)).toEqual(COLUMNS);
    expect(byId.c['metrics.loss{subset:"val"}.count']).toBeNull();
  });

  test("columns follow the filter, the sort and the cursor, page after page", async () => {
    const query = { columns: 'metrics.loss{subset:"val"}.min', filter: "params.lr exists", sort: 'metrics.loss{subset:"val"}.min asc', limit: "1" };
    const first = await ok(`${runs}?${new URLSearchParams(query)}`);
    expect(first.items.map((i: { id: string; columns: unknown }) => [i.id, i.columns])).toEqual([["b", { 'metrics.loss{subset:"val"}.min': "-Infinity" }]]);
    const second = await ok(`${runs}?${new URLSearchParams({ ...query, cursor: first.next_cursor })}`);
    expect(second.items.map((i: { id: string; columns: unknown }) => [i.id, i.columns])).toEqual([["a", { 'metrics.loss{subset:"val"}.min': 0.5 }]]);
  });

  test("provenance=false leaves provenance out; without columns, items carry none", async () => {
    const lean = await ok(`${runs}?provenance=false`);
    expect(lean.items.every((i: object) => !("provenance" in i) && !("columns" in i))).toBe(true);
    const full = await ok(runs);
    expect(full.items.find((i: { id: string }) => i.id === "a").provenance).toEqual({ host: "h1" });
  });

  test("a bad column is a 400 that points at it and quotes nothing long", async () => {
    for (const columns of ["params.lr,", "params.lr,,status", "metrics.loss.avg", "values.", "nope", `params.lr, ${"x".repeat(200)}`]) {
      const res = await api.call(`${runs}?${new URLSearchParams({ columns })}`);
      expect(res.status, columns).toBe(400);
      const problem = await res.json();
      expect(problem.errors[0].path).toBe("columns");
      expect(problem.errors[0].message).toMatch(/at position \d+/);
      expect(JSON.stringify(problem)).not.toContain("x".repeat(30));
    }
    expect((await api.call(`${runs}?${new URLSearchParams({ columns: "a".repeat(5000) })}`)).status).toBe(400);
  });

  test("GET /columns lists the repo's fields, and each of them works as a column", async () => {
    const fields = await ok(`/v1/repos/${repo}/columns`);
    expect(fields.params).toEqual(["params.betas", "params.lr", 'params."lr schedule".warmup', "params.opt.name"]);
    expect(fields.values).toEqual([
      { name: "acc", context: TEST, field: 'values.acc{subset: "test"}' },
      { name: "report", context: {}, field: "values.report" },
    ]);
    expect(fields.metrics).toEqual([{ name: "loss", context: VAL, field: 'metrics.loss{subset: "val"}' }]);
    expect(fields.tag_values).toEqual([]); // runs logged through /v1 have none (api-mlflow-visible.test.ts lists some)
    const columns = [...fields.params, ...fields.values.map((v: { field: string }) => v.field), `${fields.metrics[0].field}.max`];
    const page = await ok(`${runs}?${new URLSearchParams({ columns: columns.join(",") })}`);
    const a = page.items.find((i: { id: string }) => i.id === "a");
    expect(a.columns).toMatchObject({ "params.lr": 0.01, 'values.acc{subset: "test"}': 0.91, 'metrics.loss{subset: "val"}.max': 0.9 });
    expect((await api.call("/v1/repos/no-such-repo/columns")).status).toBe(404);
  });
});

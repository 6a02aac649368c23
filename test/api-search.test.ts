// Run search (GET /runs?filter=&sort=) and metrics/query by filter, over a fixture of runs
// with params, tags, values and series created through the API.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createRun as createRunService } from "../src/api/runs/service.ts";
import { defaultLimits } from "../src/config.ts";
import { openDatabase } from "../src/hosts/node.ts";
import { ApiError } from "../src/http/problems.ts";
import { findRunsBySelection } from "../src/runs-core/run-selection.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

type Point = number | "NaN" | "Infinity" | "-Infinity";

interface RunSpec {
  id: string;
  name?: string;
  experiment?: string;
  params?: Record<string, unknown>;
  tags?: string[];
  campaign?: string;
  status?: string;
  archived?: boolean;
  values?: { name: string; context?: Record<string, string>; value: unknown }[];
  series?: { name: string; context: Record<string, string>; points: Point[] }[];
}

const VAL = { subset: "val" };
const TEST = { subset: "test" };

// Created in this order (so created_at, pk order is a, b, c, ...). The val-loss min of
// b, g and h ties at 0.3 to check the pk tie-break; c's last point is NaN; f has no val
// series; d is archived and holds lr as a string.
const FIXTURE: RunSpec[] = [
  {
    id: "a",
    name: "run-a",
    experiment: "resnet",
    params: { lr: 0.01, opt: "adam", layers: 4 },
    tags: ["baseline"],
    status: "finished",
    values: [{ name: "acc", context: TEST, value: 0.91 }],
    series: [{ name: "loss", context: VAL, points: [0.5, 0.15] }],
  },
  {
    id: "b",
    name: "run-b",
    experiment: "vit",
    params: { lr: 0.0001, opt: "sgd" },
    values: [{ name: "acc", context: TEST, value: 0.85 }],
    series: [{ name: "loss", context: VAL, points: [0.6, 0.3] }],
  },
  {
    id: "c",
    name: "run-c",
    experiment: "resnet-50",
    params: { lr: 0.1, opt: "adam", layers: 8 },
    tags: ["baseline", "gpu"],
    values: [{ name: "acc", context: TEST, value: 0.95 }],
    series: [{ name: "loss", context: VAL, points: [0.4, "NaN"] }],
  },
  { id: "d", name: "run-d", params: { lr: "0.01" }, archived: true },
  {
    id: "e",
    name: "run-e",
    experiment: "vit",
    params: { lr: 0.003, opt: "adam" },
    campaign: "grid",
    values: [{ name: "acc", context: TEST, value: 0.97 }],
    series: [{ name: "loss", context: VAL, points: [0.1, 0.05] }],
  },
  { id: "f", name: "run-f", params: {}, series: [{ name: "loss", context: { subset: "train" }, points: [1.5] }] },
  { id: "g", name: "run-g", params: { lr: 0.0001, opt: "sgd" }, series: [{ name: "loss", context: VAL, points: [0.3] }] },
  { id: "h", name: "run-h", params: { lr: 0.0001, opt: "sgd" }, series: [{ name: "loss", context: VAL, points: [0.7, 0.3] }] },
];
const VISIBLE = ["a", "b", "c", "e", "f", "g", "h"];

describe.each(apiHosts)("run search on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const repo = uniqueRepo("search-fixture");

  async function ok(path: string, init?: RequestInit, status = 200) {
    const res = await call(path, init);
    expect(res.status, `${init?.method ?? "GET"} ${path}: ${res.status}`).toBe(status);
    return res.json();
  }

  beforeAll(async () => {
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "grid", name: "the grid" }), 201);
    for (const spec of FIXTURE) {
      const { values, series, status, archived, ...body } = spec;
      await ok(`/v1/repos/${repo}/runs`, json("POST", body), 201);
      if (values) await ok(`/v1/repos/${repo}/runs/${spec.id}/values`, json("PUT", values));
      for (const s of series ?? []) {
        const points = s.points.map((value, step) => ({ name: s.name, context: s.context, step, value }));
        await ok(`/v1/repos/${repo}/runs/${spec.id}/metrics`, json("POST", { points }));
      }
      if (status || archived) await ok(`/v1/repos/${repo}/runs/${spec.id}`, json("PATCH", { status, archived }));
    }
  });

  const runsUrl = (query: Record<string, string>) => `/v1/repos/${repo}/runs?${new URLSearchParams(query)}`;

  async function search(filter: string, extra: Record<string, string> = {}): Promise<string[]> {
    const body = await ok(runsUrl({ filter, ...extra }));
    expect(body.next_cursor).toBeNull();
    return body.items.map((r: { id: string }) => r.id);
  }

  /** Every page of a search, with the page sizes. */
  async function walk(query: Record<string, string>) {
    const ids: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const body = await ok(runsUrl(cursor ? { ...query, cursor } : query));
      ids.push(...body.items.map((r: { id: string }) => r.id));
      sizes.push(body.items.length);
      cursor = body.next_cursor;
      if (cursor === null) break;
    }
    return { ids, sizes };
  }

  async function problem(query: Record<string, string>) {
    const res = await call(runsUrl(query));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    return res.json();
  }

  describe("filters", () => {
    test.each([
      ["", VISIBLE],
      ["   ", VISIBLE],
      ["params.lr > 1e-3", ["a", "c", "e"]],
      ['params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2', ["a", "e"]],
      ["tags.baseline", ["a", "c"]],
      ["not tags.baseline", ["b", "e", "f", "g", "h"]],
      ['params.opt in ("adam", "sgd") and not params.layers exists', ["b", "e", "g", "h"]],
      ['metrics.loss{subset:"val"}.last = null', ["c", "f"]],
      ['metrics.loss{subset:"val"}.count >= 2', ["a", "b", "c", "e", "h"]],
      ['values.acc{subset:"test"} >= 0.95', ["c", "e"]],
      ['campaign = "grid"', ["e"]],
      ['campaign = "the grid" or status = "finished"', ["a", "e"]],
      ['experiment contains "resnet"', ["a", "c"]],
      ['name like "RUN-_" and params.lr < 0.001', ["b", "g", "h"]],
      ['(params.lr = 0.0001 or params.lr = 0.1) and not (experiment = "vit")', ["c", "g", "h"]],
    ])("%s", async (filter, expected) => {
      expect(await search(filter)).toEqual(expected);
    });

    test("archived runs are hidden unless the filter names archived", async () => {
      expect(await search('params.lr = "0.01"')).toEqual([]);
      expect(await search('params.lr = "0.01" and (archived or not archived)')).toEqual(["d"]);
      expect(await search("archived")).toEqual(["d"]);
      expect(await search("archived = false")).toEqual(VISIBLE);
      expect(await search("archived in (true, false)")).toEqual(FIXTURE.map((r) => r.id));
      // The default listing hides them too.
      expect((await walk({})).ids).toEqual(VISIBLE);
    });

    test("a filter combines with sort and pagination", async () => {
      const all = await walk({ filter: "params.lr exists", sort: "params.lr desc", limit: "2" });
      expect(all.ids).toEqual(["c", "a", "e", "h", "g", "b"]);
      expect(all.sizes).toEqual([2, 2, 2]);
    });
  });

  describe("errors", () => {
    const long = `name = "${"x".repeat(5000)}"`;
    const deep = `${"(".repeat(33)}archived${")".repeat(33)}`;
    test.each([
      ["an unterminated string", 'name = "abc', 11],
      ["an unknown field", "foo = 1", 0],
      ["an unknown aggregation", "metrics.loss.avg > 1", 13],
      ["a number compared with created_at", "created_at > 5", 13],
      ["an empty in ()", "params.lr in ()", 14],
      ["a filter over 4 KiB", long, 0],
      ["nesting deeper than 32", deep, 32],
      ["a missing operand", "params.lr >", 11],
      ["a dangling and", "tags.a and", 10],
    ])("%s is a 400 naming the position", async (_what, filter, position) => {
      const body = await problem({ filter });
      expect(body).toMatchObject({ status: 400, title: "Invalid request", type: expect.stringMatching(/invalid-request$/) });
      expect(body.detail).toContain(`at position ${position}:`);
      expect(body.errors).toEqual([{ path: "filter", message: expect.stringMatching(new RegExp(`^at position ${position}: expected `)) }]);
      // Never the whole filter back.
      expect(JSON.stringify(body)).not.toContain("x".repeat(100));
    });

    test.each([
      ["foo", 0],
      ["tags.baseline", 0],
      ["metrics.loss.avg", 13],
      ["name sideways", 5],
      ["created_at asc desc", 15],
    ])("sort %s is a 400 on sort", async (sort, position) => {
      const body = await problem({ sort });
      expect(body.detail).toContain(`at position ${position}:`);
      expect(body.errors).toEqual([{ path: "sort", message: expect.stringContaining(`at position ${position}:`) }]);
    });

    test("a cursor from another sort, or a forged one, is a 400 on cursor", async () => {
      const page = await ok(runsUrl({ sort: "name", limit: "2" }));
      const other = await problem({ sort: "name desc", cursor: page.next_cursor });
      expect(other.errors).toEqual([{ path: "cursor", message: expect.any(String) }]);
      for (const cursor of ["garbage", btoa(JSON.stringify([1, 2])), btoa(JSON.stringify([{}, 1, "x"]))]) {
        expect((await problem({ cursor })).errors[0].path).toBe("cursor");
      }
    });

    test("an unknown repo is a 404, even with a bad filter", async () => {
      const res = await call(`/v1/repos/${uniqueRepo("search-nope")}/runs?filter=params.lr%20%3E%201`);
      expect(res.status).toBe(404);
    });
  });

  describe("sort and pagination", () => {
    const lossMin = 'metrics.loss{subset:"val"}.min';
    // Ties (b, g, h at 0.3) go by creation order in the sort's direction; runs without the
    // key (f has no val series, c's last point is NaN) come last in both directions, among
    // themselves in creation order in the sort's direction too.
    const expected: [string, string[]][] = [
      [`${lossMin} desc`, ["c", "h", "g", "b", "a", "e", "f"]],
      [`${lossMin} asc`, ["e", "a", "b", "g", "h", "c", "f"]],
      [lossMin, ["e", "a", "b", "g", "h", "c", "f"]],
      ['metrics.loss{subset:"val"}.last desc', ["h", "g", "b", "a", "e", "f", "c"]],
      ["params.lr desc", ["c", "a", "e", "h", "g", "b", "f"]],
      ["params.opt", ["a", "c", "e", "b", "g", "h", "f"]],
      ['values.acc{subset:"test"} desc', ["e", "c", "a", "b", "h", "g", "f"]],
      ["name desc", ["h", "g", "f", "e", "c", "b", "a"]],
      ["experiment", ["f", "g", "h", "a", "c", "b", "e"]],
      ["created_at desc", ["h", "g", "f", "e", "c", "b", "a"]],
      ["CREATED_AT", VISIBLE],
      ["campaign", ["e", "a", "b", "c", "f", "g", "h"]],
      ["ended_at", ["a", "b", "c", "e", "f", "g", "h"]],
    ];
    test.each(expected)("%s: every page size covers every run exactly once", async (sort, ids) => {
      for (const limit of ["1", "2", "3", "100"]) {
        const all = await walk({ sort, limit });
        expect(all.ids, `limit ${limit}`).toEqual(ids);
        expect(all.sizes.every((n) => n <= Number(limit))).toBe(true);
      }
    });

    test("a page boundary on the NULL keys still pages through them", async () => {
      const all = await walk({ sort: "params.layers desc", limit: "1" });
      expect(all.ids).toEqual(["c", "a", "h", "g", "f", "e", "b"]);
      expect(all.sizes).toEqual([1, 1, 1, 1, 1, 1, 1]);
    });

    test("mixed key types and integers beyond 2^53 sort and page without loss", async () => {
      const other = uniqueRepo("search-mixed");
      const seeds: [string, unknown][] = [
        ["s1", 12345678901234567000],
        ["s2", "b"],
        ["s3", 3],
        ["s4", null],
        ["s5", -12345678901234567000],
        ["s6", "a"],
        ["s7", 2.5],
        ["s8", true],
      ];
      for (const [id, seed] of seeds) await ok(`/v1/repos/${other}/runs`, json("POST", { id, params: { seed } }), 201);
      // SQLite's order: NULL (last here), numbers (true is 1), then strings.
      const asc = ["s5", "s8", "s7", "s3", "s1", "s6", "s2", "s4"];
      for (const limit of ["1", "3"]) {
        const walkOther = async (sort: string) => {
          const ids: string[] = [];
          let cursor: string | null = null;
          do {
            const body = await ok(`/v1/repos/${other}/runs?${new URLSearchParams({ sort, limit, ...(cursor ? { cursor } : {}) })}`);
            ids.push(...body.items.map((r: { id: string }) => r.id));
            cursor = body.next_cursor;
          } while (cursor);
          return ids;
        };
        expect(await walkOther("params.seed")).toEqual(asc);
        expect(await walkOther("params.seed desc")).toEqual([...asc.slice(0, -1).reverse(), "s4"]);
      }
    });

    test("the default listing keeps its shape", async () => {
      const body = await ok(`/v1/repos/${repo}/runs?limit=2`);
      expect(Object.keys(body).sort()).toEqual(["items", "next_cursor"]);
      expect(body.items[0]).toMatchObject({ id: "a", repo, params: { lr: 0.01, opt: "adam", layers: 4 }, tags: ["baseline"], campaign: null });
      expect(typeof body.next_cursor).toBe("string");
    });
  });

  describe("metrics/query by filter", () => {
    const query = (body: unknown) => call(`/v1/repos/${repo}/metrics/query`, json("POST", body));
    const metrics = [{ name: "loss", context: VAL }];

    test("the filter chooses the runs, in creation order", async () => {
      const res = await query({ filter: "params.lr > 1e-3", metrics, points: 10 });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.items.map((i: { run: string }) => i.run)).toEqual(["a", "c", "e"]);
      expect(body.items[1]).toMatchObject({ run: "c", name: "loss", context: VAL, summary: { count: 2, last: "NaN", min: 0.4 } });
      expect(body.items[0].points.map((p: { value: number }) => p.value)).toEqual([0.5, 0.15]);
    });

    test("archived runs only when the filter names archived; no match is an empty answer", async () => {
      const hidden = await (await query({ filter: 'params.lr = "0.01"', metrics })).json();
      expect(hidden).toEqual({ items: [] });
      const all = await (await query({ filter: "archived in (true, false)", metrics })).json();
      expect(all.items.map((i: { run: string }) => i.run)).toEqual(["a", "b", "c", "e", "g", "h"]);
      const everyRun = await (await query({ filter: "", metrics })).json();
      expect(everyRun.items.map((i: { run: string }) => i.run)).toEqual(["a", "b", "c", "e", "g", "h"]);
      // Neither runs nor a selection: what the empty filter chooses.
      expect(await (await query({ metrics })).json()).toEqual(everyRun);
    });

    test("status chooses runs alone or with the filter; without it any status counts", async () => {
      const finished = await (await query({ status: ["finished"], metrics })).json();
      expect(finished.items.map((i: { run: string }) => i.run)).toEqual(["a"]);
      const running = await (await query({ status: ["running", "failed"], filter: "params.lr > 1e-3", metrics })).json();
      expect(running.items.map((i: { run: string }) => i.run)).toEqual(["c", "e"]);
      const any = await (await query({ filter: "params.lr > 1e-3", metrics })).json();
      expect(any.items.map((i: { run: string }) => i.run)).toEqual(["a", "c", "e"]);
    });

    test("runs by id still work", async () => {
      const body = await (await query({ runs: ["e", "a"], metrics })).json();
      expect(body.items.map((i: { run: string }) => i.run)).toEqual(["e", "a"]);
    });

    test.each([
      ["both runs and filter", { runs: ["a"], filter: "tags.baseline", metrics }],
      ["both runs and status", { runs: ["a"], status: ["finished"], metrics }],
    ])("%s is a 400", async (_what, body) => {
      const res = await query(body);
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toEqual([{ path: "body", message: expect.any(String) }]);
    });

    test.each([[[]], [["done"]], ["finished"]])("status %j is a 400 on status", async (status) => {
      const res = await query({ status, metrics });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].path).toMatch(/^status/);
    });

    test("a bad filter is a 400 naming the position", async () => {
      const res = await query({ filter: 'tags.baseline and metrics.loss{subset:"val"}.mean < 1', metrics });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.detail).toContain("at position 45:");
      expect(body.errors).toEqual([{ path: "filter", message: expect.stringContaining("at position 45:") }]);
    });
  });
});

// The 1,000-run cap of metrics/query, checked on the service with a small cap (creating
// 1,001 runs over HTTP on every host would only slow the suite down).
describe("findRunsBySelection", () => {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-search-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("more matches than the cap is a 400 asking to narrow the filter", async () => {
    const client = await openDatabase(`file:${join(dir, "cap.db")}`);
    try {
      const deps = { client, config: { limits: defaultLimits, corsOrigins: [] } };
      for (const id of ["r1", "r2", "r3"]) await createRunService(deps, "cap", { id, params: { i: Number(id.slice(1)) } });
      expect((await findRunsBySelection(deps, "cap", { filter: "params.i >= 2" }, 2)).map((r) => r.id)).toEqual(["r2", "r3"]);
      const err = await findRunsBySelection(deps, "cap", { filter: "params.i >= 1" }, 2).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).message).toMatch(/more than 2 runs; narrow it/);
      expect((err as ApiError).errors).toEqual([{ path: "filter", message: "matches more than 2 runs" }]);
    } finally {
      client.close();
    }
  });
});

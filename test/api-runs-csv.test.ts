// The runs table as CSV (GET /runs with Accept: text/csv) and the listing's total count.
import { beforeAll, describe, expect, test } from "vitest";
import { FORMULA_TEXTS, parseCsv } from "./support/csv.ts";
import { hostsWithSqld, json, uniqueRepo, useHost } from "./support/hosts.ts";

const FIXED = ["id", "name", "status", "experiment", "campaign", "tags", "created_at", "ended_at"];
const CSV = { headers: { accept: "text/csv" } };

describe.each(hostsWithSqld)("runs CSV on $name", (factory) => {
  const api = useHost(factory);
  const repo = uniqueRepo("runs-csv");
  const runs = `/v1/repos/${repo}/runs`;

  async function ok(path: string, init?: RequestInit) {
    const res = await api.call(path, init);
    expect(res.status, path).toBeLessThan(300);
    return res;
  }
  async function csv(query: Record<string, string>) {
    const res = await ok(`${runs}?${new URLSearchParams(query)}`, CSV);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    return parseCsv(await res.text());
  }

  beforeAll(async () => {
    await ok(runs, json("POST", { id: "a", name: "alpha", params: { lr: 0.01, opt: "adam" }, tags: ["baseline", "v2"] }));
    await ok(runs, json("POST", { id: "b", name: FORMULA_TEXTS[0][0], params: { lr: 0.1, opt: "-sgd" } }));
    await ok(runs, json("POST", { id: "c", params: { lr: 0.05, opt: "-Infinity" } }));
    await ok(runs, json("POST", { id: "hidden", params: { lr: 1 } }));
    await ok(`${runs}/hidden`, json("PATCH", { archived: true }));
    await ok(`${runs}/a/values`, json("PUT", [{ name: "acc", context: { subset: "test" }, value: 0.9 }]));
    await ok(`${runs}/b/metrics`, json("POST", { points: [{ name: "loss", step: 0, value: -0.5 }] }));
    await ok(`${runs}/c/metrics`, json("POST", { points: [{ name: "loss", step: 0, value: "-Infinity" }] }));
    await ok(`${runs}/b`, json("PATCH", { status: "finished" }));
  });

  test("the fixed columns then the requested ones, every run in the sort's order, archived hidden as in JSON", async () => {
    const rows = await csv({ columns: 'params.lr,values.acc{subset:"test"},metrics.loss.last,tags.baseline', sort: "params.lr desc" });
    expect(rows[0]).toEqual([...FIXED, "params.lr", 'values.acc{subset:"test"}', "metrics.loss.last", "tags.baseline"]);
    const byId = Object.fromEntries(rows.slice(1).map((r) => [r[0], Object.fromEntries(rows[0].map((h, i) => [h, r[i]]))]));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["b", "c", "a"]);
    expect(byId.a).toMatchObject({
      name: "alpha",
      status: "running",
      tags: "baseline v2",
      "params.lr": "0.01",
      'values.acc{subset:"test"}': "0.9",
      "tags.baseline": "true",
    });
    expect(byId.a.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A missing value is an empty cell; a negative number stays a number, -Infinity too.
    expect(byId.c).toMatchObject({ "metrics.loss.last": "-Infinity", 'values.acc{subset:"test"}': "", ended_at: "" });
    expect(byId.b).toMatchObject({ status: "finished", "metrics.loss.last": "-0.5" });
  });

  test("the filter is honoured, and a filter naming archived shows archived runs", async () => {
    expect((await csv({ filter: "params.lr >= 0.05" })).slice(1).map((r) => r[0])).toEqual(["b", "c"]);
    expect((await csv({ filter: "archived = true" })).slice(1).map((r) => r[0])).toEqual(["hidden"]);
  });

  test("text that a spreadsheet would run is neutralised, in cells and in a column's name", async () => {
    const rows = await csv({ filter: 'name = "alpha" or params.opt = "-sgd"', columns: 'params.opt,params."=cmd"' });
    expect(rows[0].slice(-2)).toEqual(["params.opt", `params."=cmd"`]);
    const b = rows.find((r) => r[0] === "b")!;
    expect(b[1]).toBe(FORMULA_TEXTS[0][1]);
    expect(b.at(-2)).toBe("'-sgd");
    // The wire's "-Infinity" is a number in a series column, but text as a param.
    expect((await csv({ filter: "params.lr = 0.05", columns: "params.opt" }))[1].at(-1)).toBe("'-Infinity");
  });

  test("a requested column named like a fixed one is written once", async () => {
    expect((await csv({ columns: "name,status,params.lr" }))[0]).toEqual([...FIXED, "params.lr"]);
  });

  test("bad columns, filter, sort or a cursor are a 400 before any CSV is written", async () => {
    const bad: Record<string, string>[] = [
      { columns: "params.lr,=cmd()" },
      { columns: "metrics.loss.avg" },
      { filter: "params.lr >" },
      { sort: "tags.x" },
      { cursor: "abc" },
    ];
    for (const query of bad) {
      const res = await api.call(`${runs}?${new URLSearchParams(query)}`, CSV);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  test("total counts every matching run, whatever the page size; without total=true there is none", async () => {
    const page = await (await ok(`${runs}?limit=1&total=true&filter=${encodeURIComponent("params.lr < 1")}`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
    expect((await (await ok(`${runs}?total=true&filter=archived%20in%20(true,false)`)).json()).total).toBe(4);
    expect(await (await ok(`${runs}?limit=1`)).json()).not.toHaveProperty("total");
  });

  test("more runs than the largest page: all of them, each once", async () => {
    const big = uniqueRepo("runs-csv-big");
    const ids = Array.from({ length: 1003 }, (_, i) => `r${String(i).padStart(4, "0")}`);
    for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map((id) => ok(`/v1/repos/${big}/runs`, json("POST", { id }))));
    const res = await ok(`/v1/repos/${big}/runs?sort=name`, CSV);
    const rows = parseCsv(await res.text());
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(ids);
  }, 120_000);
});

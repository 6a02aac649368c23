import { describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

interface Value {
  name: string;
  context: Record<string, unknown>;
  value: unknown;
  updated_at: string;
}

describe.each(apiHosts)("values on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;

  async function newRun(label: string) {
    const repo = uniqueRepo(label);
    const res = await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }));
    expect(res.status).toBe(201);
    return { repo, path: `/v1/repos/${repo}/runs/r` };
  }

  async function putValues(path: string, values: unknown[]): Promise<Value[]> {
    const res = await call(`${path}/values`, json("PUT", values));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["items"]);
    return body.items;
  }

  async function storedValues(path: string): Promise<Value[]> {
    const res = await call(path);
    expect(res.status).toBe(200);
    return (await res.json()).values;
  }

  const strip = (values: Value[]) => values.map(({ name, context, value }) => ({ name, context, value }));
  // The order of values with one name is the server's business; tests compare sorted by context.
  const byContext = <T extends { context: object }>(values: T[]) =>
    [...values].sort((a, b) => (JSON.stringify(a.context) < JSON.stringify(b.context) ? -1 : 1));

  test("PUT answers every value of the run, and GET run reads the same", async () => {
    const { path } = await newRun("basic");
    const items = await putValues(path, [
      { name: "acc", context: { subset: "test" }, value: 0.91 },
      { name: "f1", value: 0.88 },
    ]);
    expect(items).toEqual([
      { name: "acc", context: { subset: "test" }, value: 0.91, updated_at: expect.any(String) },
      { name: "f1", context: {}, value: 0.88, updated_at: expect.any(String) },
    ]);
    expect(await storedValues(path)).toEqual(items);

    // A second PUT adds to the run's values; the response lists all of them.
    const more = await putValues(path, [{ name: "loss", value: 0.2 }]);
    expect(strip(more)).toEqual([
      { name: "acc", context: { subset: "test" }, value: 0.91 },
      { name: "f1", context: {}, value: 0.88 },
      { name: "loss", context: {}, value: 0.2 },
    ]);
  });

  test("the same name and context overwrites; different contexts coexist", async () => {
    const { path } = await newRun("upsert");
    await putValues(path, [
      { name: "acc", context: { subset: "train" }, value: 0.5 },
      { name: "acc", context: { subset: "val" }, value: 0.4 },
      { name: "acc", value: 0.3 },
    ]);
    const after = await putValues(path, [{ name: "acc", context: { subset: "val" }, value: 0.45 }]);
    expect(byContext(strip(after))).toEqual(
      byContext([
        { name: "acc", context: {}, value: 0.3 },
        { name: "acc", context: { subset: "train" }, value: 0.5 },
        { name: "acc", context: { subset: "val" }, value: 0.45 },
      ]),
    );
    // No context and an empty context are the same row.
    const empty = await putValues(path, [{ name: "acc", context: {}, value: 0.35 }]);
    expect(strip(empty).filter((v) => Object.keys(v.context).length === 0)).toEqual([{ name: "acc", context: {}, value: 0.35 }]);
    expect(empty).toHaveLength(3);
    expect(strip(await storedValues(path))).toEqual(strip(empty));
  });

  test("within one request the last write to a (name, context) wins", async () => {
    const { path } = await newRun("lastwins");
    const items = await putValues(path, [
      { name: "x", value: 1 },
      { name: "x", value: 2 },
    ]);
    expect(strip(items)).toEqual([{ name: "x", context: {}, value: 2 }]);
  });

  test("scalars, strings, booleans, null, objects and lists store and read back exactly", async () => {
    const { path } = await newRun("types");
    const values = [
      { name: "int", value: 42 },
      { name: "float", value: -1.5e-7 },
      { name: "zero", value: 0 },
      { name: "string", value: "résumé ✓" },
      { name: "empty-string", value: "" },
      { name: "true", value: true },
      { name: "false", value: false },
      { name: "null", value: null },
      { name: "report", value: { precision: [0.9, 0.8], labels: { a: 1 }, note: null } },
      { name: "empty-object", value: {} },
      { name: "per-class", value: [0.9, "NaN", "Infinity", null, [1, 2], { k: "v" }] },
      { name: "empty-list", value: [] },
    ];
    await putValues(path, values);
    const stored = await storedValues(path);
    for (const v of values) {
      expect(
        stored.find((s) => s.name === v.name),
        v.name,
      ).toMatchObject({ context: {}, value: v.value });
    }
    expect(stored).toHaveLength(values.length);
    // A value can change type on overwrite.
    await putValues(path, [{ name: "int", value: "now a string" }]);
    expect((await storedValues(path)).find((s) => s.name === "int")!.value).toBe("now a string");
  });

  // JSON.stringify writes -0 as 0: the server stores and answers it as -0.0 instead.
  test("-0 reads back as -0, alone or inside an object, in the PUT answer, the run and run columns", async () => {
    const { repo, path } = await newRun("negzero");
    const body = '[{"name":"z","value":-0},{"name":"report","value":{"delta":-0.0,"list":[0,-0]}},{"name":"zero","value":0}]';
    const res = await call(`${path}/values`, { method: "PUT", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('"value":-0.0');
    const signs = (values: Value[]) => {
      const by = Object.fromEntries(values.map((v) => [v.name, v.value])) as { z: number; report: { delta: number; list: number[] }; zero: number };
      return [by.z, by.report.delta, ...by.report.list, by.zero].map((x) => Object.is(x, -0));
    };
    expect(signs(JSON.parse(text).items)).toEqual([true, true, false, true, false]);
    expect(signs(await storedValues(path))).toEqual([true, true, false, true, false]);
    const runs = await (await call(`/v1/repos/${repo}/runs?columns=values.z,values.zero`)).json();
    expect(Object.values(runs.items[0].columns).map((x) => Object.is(x, -0))).toEqual([true, false]);
  });

  test("contexts are canonical: key order does not make a new value", async () => {
    const { path } = await newRun("canon");
    await putValues(path, [{ name: "acc", context: { b: 1, a: 2 }, value: "first" }]);
    const items = await putValues(path, [{ name: "acc", context: { a: 2, b: 1 }, value: "second" }]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: "acc", context: { a: 2, b: 1 }, value: "second" });
    expect(Object.keys(items[0].context)).toEqual(["a", "b"]);
    expect(strip(await storedValues(path))).toEqual([{ name: "acc", context: { a: 2, b: 1 }, value: "second" }]);
  });

  test('context values keep their type: 1, "1" and true are different contexts', async () => {
    const { path } = await newRun("ctxtypes");
    const items = await putValues(path, [
      { name: "m", context: { k: 1 }, value: "number" },
      { name: "m", context: { k: "1" }, value: "string" },
      { name: "m", context: { k: true }, value: "bool" },
    ]);
    expect(items).toHaveLength(3);
    expect(items.map((v) => [v.context.k, v.value]).sort()).toEqual(
      [
        [1, "number"],
        ["1", "string"],
        [true, "bool"],
      ].sort(),
    );
  });

  test("a context with exactly 16 keys is accepted", async () => {
    const { path } = await newRun("ctx16");
    const context = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${String(i).padStart(2, "0")}`, i]));
    const items = await putValues(path, [{ name: "wide", context, value: 1 }]);
    expect(items[0].context).toEqual(context);
  });

  test("an empty list is accepted and changes nothing", async () => {
    const { path } = await newRun("emptylist");
    const before = await putValues(path, [{ name: "a", value: 1 }]);
    expect(await putValues(path, [])).toEqual(before);
  });

  test("values belong to their run: another run's values are separate", async () => {
    const { repo, path } = await newRun("separate");
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: "other" }))).status).toBe(201);
    await putValues(path, [{ name: "acc", value: 1 }]);
    await putValues(`/v1/repos/${repo}/runs/other`, [{ name: "acc", value: 2 }]);
    expect(strip(await storedValues(path))).toEqual([{ name: "acc", context: {}, value: 1 }]);
    expect(strip(await storedValues(`/v1/repos/${repo}/runs/other`))).toEqual([{ name: "acc", context: {}, value: 2 }]);
  });

  test("PUT values on a missing run or repo is a 404 and creates nothing", async () => {
    const { repo } = await newRun("missing");
    const missingRun = await call(`/v1/repos/${repo}/runs/nope/values`, json("PUT", [{ name: "a", value: 1 }]));
    expect(missingRun.status).toBe(404);
    expect(missingRun.headers.get("content-type")).toContain("application/problem+json");
    expect((await call(`/v1/repos/${repo}/runs/nope`)).status).toBe(404);

    const ghost = uniqueRepo("values-ghost");
    const missingRepo = await call(`/v1/repos/${ghost}/runs/r/values`, json("PUT", [{ name: "a", value: 1 }]));
    expect(missingRepo.status).toBe(404);
    expect((await call(`/v1/repos/${ghost}`)).status).toBe(404);
  });
});

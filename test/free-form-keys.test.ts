// Keys that JavaScript treats specially are ordinary data inside params, provenance and
// object values: a hyperparameter named "constructor" or "prototype" must not vanish.
import { describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const SPECIAL = '{"constructor": 1, "prototype": {"k": 2}, "__proto__": {"x": 3}, "lr": 0.1}';
const expected = JSON.parse(SPECIAL);

describe.each(apiHosts)("special keys on $name", (factory) => {
  const api = useHost(factory);
  const raw = (method: string, body: string) => ({ method, headers: { "content-type": "application/json" }, body });

  test("params and provenance keep constructor, prototype and __proto__ through create and PATCH", async () => {
    const repo = uniqueRepo("special");
    const created = await api.call(`/v1/repos/${repo}/runs`, raw("POST", `{"id": "r", "params": ${SPECIAL}, "provenance": ${SPECIAL}}`));
    expect(created.status).toBe(201);
    const run = await created.json();
    expect(run.params).toEqual(expected);
    expect(run.provenance).toEqual(expected);
    expect(Object.keys(run.params)).toEqual(["constructor", "prototype", "__proto__", "lr"]);

    const patched = await (
      await api.call(`/v1/repos/${repo}/runs/r`, raw("PATCH", '{"params": {"prototype": {"m": 4}, "__proto__": null, "seed": 1}}'))
    ).json();
    expect(Object.keys(patched.params).sort()).toEqual(["constructor", "lr", "prototype", "seed"]);
    expect(patched.params.prototype).toEqual({ k: 2, m: 4 });
  });

  test("campaign params and object values keep them too", async () => {
    const repo = uniqueRepo("special");
    const campaign = await (await api.call(`/v1/repos/${repo}/campaigns`, raw("POST", `{"id": "c", "name": "c", "params": ${SPECIAL}}`))).json();
    expect(Object.keys(campaign.params)).toEqual(["constructor", "prototype", "__proto__", "lr"]);
    await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }));
    const values = await (await api.call(`/v1/repos/${repo}/runs/r/values`, raw("PUT", `[{"name": "report", "value": ${SPECIAL}}]`))).json();
    expect(Object.keys(values.items[0].value)).toEqual(["constructor", "prototype", "__proto__", "lr"]);
  });
});

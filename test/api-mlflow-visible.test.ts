// MLflow's data seen from /v1: a run's key/value tags (`tag_values`) and its parent (`parent`,
// the mlflow.parentRunId tag) on every run view, reachable from the filter language, sortable
// and as listing columns; a repo's MLflow experiment id. Hostile keys and values stay text.
import { beforeAll, describe, expect, test } from "vitest";
import { hosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const API = "/api/2.0/mlflow";
// Keys and values a filter must carry as data, never as syntax.
const HOSTILE_KEY = `q"k'.$[0] --`;
const HOSTILE_VALUE = `'); DROP TABLE runs; -- "%_`;

describe.each(hosts)("MLflow's tags and parents in /v1 on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const name = uniqueRepo("mlvisible");
  let experimentId = "";
  let parent = "";
  let childA = "";
  let childB = "";
  let plain = "";

  async function ok(path: string, body: unknown) {
    const res = await call(`${API}${path}`, json("POST", body));
    expect(res.status, path).toBe(200);
    return res.json();
  }
  const createRun = async (runName: string, tags: { key: string; value: string }[]) =>
    (await ok("/runs/create", { experiment_id: experimentId, run_name: runName, tags })).run.info.run_id as string;
  const v1 = async (path: string) => {
    const res = await call(`/v1/repos/${name}${path}`);
    return { status: res.status, body: await res.json() };
  };
  const ids = async (filter: string, sort = "name") => {
    const { status, body } = await v1(`/runs?filter=${encodeURIComponent(filter)}&sort=${encodeURIComponent(sort)}`);
    expect(status, filter).toBe(200);
    return body.items.map((r: { name: string }) => r.name);
  };

  beforeAll(async () => {
    experimentId = (await ok("/experiments/create", { name })).experiment_id;
    parent = await createRun("parent", [{ key: "team", value: "eco" }]);
    childA = await createRun("child-a", [
      { key: "mlflow.parentRunId", value: parent },
      { key: "team", value: "eco" },
      { key: HOSTILE_KEY, value: HOSTILE_VALUE },
    ]);
    childB = await createRun("child-b", [{ key: "mlflow.parentRunId", value: parent }]);
    // A label (empty value) is not a key/value tag.
    plain = await createRun("plain", [{ key: "baseline", value: "" }]);
    await ok("/runs/set-tag", { run_id: childB, key: "team", value: "Eco" });
  });

  test("a run's view carries its key/value tags and its parent", async () => {
    const { body: child } = await v1(`/runs/${childA}`);
    expect(child.parent).toBe(parent);
    expect(child.tag_values).toEqual({ "mlflow.parentRunId": parent, team: "eco", [HOSTILE_KEY]: HOSTILE_VALUE });
    expect(child.tags).toEqual([]);
    const { body: top } = await v1(`/runs/${parent}`);
    expect(top).toMatchObject({ parent: null, tag_values: { team: "eco" } });
    const { body: labelled } = await v1(`/runs/${plain}`);
    expect(labelled).toMatchObject({ parent: null, tag_values: {}, tags: ["baseline"] });
    const { body: list } = await v1("/runs?sort=name");
    expect(list.items.map((r: { name: string; parent: string | null }) => [r.name, r.parent])).toEqual([
      ["child-a", parent],
      ["child-b", parent],
      ["parent", null],
      ["plain", null],
    ]);
  });

  test("a run made through /v1 has no key/value tags and no parent", async () => {
    const res = await call(`/v1/repos/${name}/runs`, json("POST", { id: "native", name: "native", tags: ["x"] }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ tag_values: {}, parent: null, tags: ["x"] });
    expect((await call(`/v1/repos/${name}/runs/native`, { method: "DELETE" })).status).toBe(204);
  });

  test("the filter language reaches key/value tags and the parent", async () => {
    expect(await ids(`tag_values.team = "eco"`)).toEqual(["child-a", "parent"]);
    expect(await ids(`tag_values.team like "eco"`)).toEqual(["child-a", "child-b", "parent"]);
    expect(await ids(`tag_values.team != "eco"`)).toEqual(["child-b", "plain"]);
    expect(await ids(`parent = "${parent}"`)).toEqual(["child-a", "child-b"]);
    expect(await ids("parent = null")).toEqual(["parent", "plain"]);
    expect(await ids("parent")).toEqual(["child-a", "child-b"]);
    expect(await ids(`tag_values.${JSON.stringify(HOSTILE_KEY)} = ${JSON.stringify(HOSTILE_VALUE)}`)).toEqual(["child-a"]);
    expect(await ids(`tag_values.${JSON.stringify(HOSTILE_KEY)} contains "DROP"`)).toEqual(["child-a"]);
    // A label and a key/value tag named alike are two fields.
    expect(await ids("tags.baseline")).toEqual(["plain"]);
    expect(await ids("tag_values.baseline exists")).toEqual([]);
    expect(await ids("tags.team")).toEqual([]);
  });

  test("sorting and columns by parent and key/value tags", async () => {
    // Ties go by creation in the sort's direction; runs without the key come last.
    expect(await ids("", "parent desc")).toEqual(["child-b", "child-a", "plain", "parent"]);
    expect(await ids("", "tag_values.team asc")).toEqual(["child-b", "parent", "child-a", "plain"]);
    const { body } = await v1(`/runs?sort=name&columns=${encodeURIComponent(`parent,tag_values.team,tag_values.${JSON.stringify(HOSTILE_KEY)}`)}`);
    expect(body.items.map((r: { columns: unknown }) => r.columns)).toEqual([
      { parent, "tag_values.team": "eco", [`tag_values.${JSON.stringify(HOSTILE_KEY)}`]: HOSTILE_VALUE },
      { parent, "tag_values.team": "Eco", [`tag_values.${JSON.stringify(HOSTILE_KEY)}`]: null },
      { parent: null, "tag_values.team": "eco", [`tag_values.${JSON.stringify(HOSTILE_KEY)}`]: null },
      { parent: null, "tag_values.team": null, [`tag_values.${JSON.stringify(HOSTILE_KEY)}`]: null },
    ]);
  });

  test("GET /columns lists the key/value tag keys as fields that work as columns", async () => {
    const { body: fields } = await v1("/columns");
    const hostile = `tag_values.${JSON.stringify(HOSTILE_KEY)}`;
    expect(fields.tag_values).toEqual(["tag_values.mlflow.parentRunId", hostile, "tag_values.team"]); // by key
    const { body } = await v1(`/runs?sort=name&columns=${encodeURIComponent(fields.tag_values.join(","))}`);
    expect(body.items[0].columns).toEqual({ "tag_values.mlflow.parentRunId": parent, [hostile]: HOSTILE_VALUE, "tag_values.team": "eco" });
  });

  test("a label compared as a key/value tag is a 400 that names the right spelling, and changes nothing", async () => {
    const before = await v1("/runs?sort=name");
    const { status, body } = await v1(`/runs?filter=${encodeURIComponent('tags.team = "eco"')}`);
    expect(status).toBe(400);
    expect(body.detail).toContain("tag_values.<key>");
    expect(body.errors).toEqual([{ path: "filter", message: expect.stringContaining("at position 10") }]);
    for (const bad of ["parent > 1", 'tag_values."" = "x"', "tag_values.team < 3"]) {
      expect((await v1(`/runs?filter=${encodeURIComponent(bad)}`)).status, bad).toBe(400);
    }
    expect(await v1("/runs?sort=name")).toEqual(before);
  });

  test("a repo shows its MLflow experiment id", async () => {
    const res = await call(`/v1/repos/${name}`);
    expect((await res.json()).mlflow_experiment_id).toBe(experimentId);
    const list = await (await call("/v1/repos?limit=1000")).json();
    expect(list.items.find((r: { name: string }) => r.name === name).mlflow_experiment_id).toBe(experimentId);
  });
});

// MLflow's model registry on every host: the answers MLflow's own store gives, and every bad
// input answered with MLflow's error code, no echo, and nothing changed. (The real client's
// tests are in clients/python/tests/test_mlflow_models.py.)
import * as v from "valibot";
import { beforeAll, describe, expect, test } from "vitest";
import { ModelVersionView, RegisteredModelView } from "../src/api/mlflow/model-schemas.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const SECRET = `${"x".repeat(90)}-SECRET-canary-4c1d`;
const CANARY = "SECRET-canary";
const API = "/api/2.0/mlflow";

describe.each(apiHosts)("the MLflow model registry on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const name = `iris ${uniqueRepo("r")}`;
  let runId = "";
  let modelId = "";

  async function ok(path: string, init?: RequestInit) {
    const res = await call(`${API}${path}`, init);
    expect(res.status, path).toBe(200);
    return res.json();
  }
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

  beforeAll(async () => {
    const experimentId = (await ok("/experiments/create", json("POST", { name: `Registry ${uniqueRepo("e")}` }))).experiment_id;
    runId = (await ok("/runs/create", json("POST", { experiment_id: experimentId }))).run.info.run_id;
    modelId = (await ok("/logged-models", json("POST", { experiment_id: experimentId, name: "model", source_run_id: runId }))).model.info.model_id;
    await ok("/registered-models/create", json("POST", { name, tags: [{ key: "team", value: "eco" }] }));
    await ok("/model-versions/create", json("POST", { name, source: `models:/${modelId}`, model_id: modelId }));
    await ok("/model-versions/create", json("POST", { name, source: `runs:/${runId}/model`, run_id: runId }));
    await ok("/registered-models/alias", json("POST", { name, alias: "champion", version: "1" }));
  });

  test("versions count from 1, take their logged model's run and artifacts, and aliases read back", async () => {
    const { registered_model: m } = await ok(`/registered-models/get?${q({ name })}`);
    expect(v.is(RegisteredModelView, m)).toBe(true);
    expect(m.aliases).toEqual([{ alias: "champion", version: "1" }]);
    expect(m.tags).toEqual([{ key: "team", value: "eco" }]);
    expect(m.latest_versions.map((x: { version: string }) => x.version)).toEqual(["2"]);
    const { model_version: first } = await ok(`/registered-models/alias?${q({ name, alias: "champion" })}`);
    expect(v.is(ModelVersionView, first)).toBe(true);
    expect(first).toMatchObject({ version: "1", run_id: runId, source: `models:/${modelId}`, current_stage: "None", status: "READY", aliases: ["champion"] });
    const uri = await ok(`/model-versions/get-download-uri?${q({ name, version: "1" })}`);
    expect(uri.artifact_uri).toMatch(new RegExp(`^mlflow-artifacts:/\\d+/models/${modelId}/artifacts$`));
    expect((await ok(`/model-versions/get-download-uri?${q({ name, version: "2" })}`)).artifact_uri).toBe(`runs:/${runId}/model`);
  });

  test("a stage moves with archive_existing_versions; a deleted version takes its aliases along and its number is not reused", async () => {
    const other = `${name}-stages`;
    await ok("/registered-models/create", json("POST", { name: other }));
    for (let i = 0; i < 3; i++) await ok("/model-versions/create", json("POST", { name: other, source: `models:/${modelId}` }));
    await ok("/model-versions/transition-stage", json("POST", { name: other, version: "1", stage: "production" }));
    const moved = await ok(
      "/model-versions/transition-stage",
      json("POST", { name: other, version: "2", stage: "Production", archive_existing_versions: true }),
    );
    expect(moved.model_version.current_stage).toBe("Production");
    expect((await ok(`/model-versions/get?${q({ name: other, version: "1" })}`)).model_version.current_stage).toBe("Archived");
    await ok("/registered-models/alias", json("POST", { name: other, alias: "best", version: "3" }));
    await ok("/model-versions/delete", json("DELETE", { name: other, version: "3" }));
    expect((await ok(`/registered-models/get?${q({ name: other })}`)).registered_model.aliases).toBeUndefined();
    expect((await ok("/model-versions/create", json("POST", { name: other, source: `models:/${modelId}` }))).model_version.version).toBe("4");
    const found = await ok(`/model-versions/search?${q({ filter: `name = '${other}' AND version_number > 1` })}`);
    expect(found.model_versions.map((x: { version: string }) => x.version)).toEqual(["4", "2"]);
    await ok("/registered-models/delete", json("DELETE", { name: other }));
    expect((await ok(`/registered-models/search?${q({ filter: `name = '${other}'` })}`)).registered_models).toEqual([]);
  });

  async function snapshot() {
    return {
      model: await ok(`/registered-models/get?${q({ name })}`),
      versions: await ok(`/model-versions/search?${q({ filter: `name = '${name}'` })}`),
      all: await ok("/registered-models/search"),
    };
  }

  const cases: [string, string, () => RequestInit | undefined, number, string][] = [
    ["an unknown registered model", `${API}/registered-models/get?${q({ name: SECRET })}`, () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
    ["a name taken", `${API}/registered-models/create`, () => json("POST", { name }), 400, "RESOURCE_ALREADY_EXISTS"],
    ...["a/b", "a:b", " ", "x\u0000y", "z".repeat(251)].map((bad): [string, string, () => RequestInit, number, string] => [
      `a model named ${JSON.stringify(bad).slice(0, 10)}`,
      `${API}/registered-models/create`,
      () => json("POST", { name: bad }),
      400,
      "INVALID_PARAMETER_VALUE",
    ]),
    ["a rename onto a taken name", `${API}/registered-models/rename`, () => json("POST", { name, new_name: name }), 400, "RESOURCE_ALREADY_EXISTS"],
    ["an unknown version", `${API}/model-versions/get?${q({ name, version: "99" })}`, () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
    ["a version that is not a number", `${API}/model-versions/get?${q({ name, version: SECRET })}`, () => undefined, 400, "INVALID_PARAMETER_VALUE"],
    [
      "a version of an unknown model",
      `${API}/model-versions/create`,
      () => json("POST", { name: SECRET, source: "runs:/x/model" }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    [
      "a source naming an unknown logged model",
      `${API}/model-versions/create`,
      () => json("POST", { name, source: `models:/m-${"0".repeat(32)}` }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    [
      "a source naming an unknown version",
      `${API}/model-versions/create`,
      () => json("POST", { name, source: `models:/${name}/99` }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    [
      "a run that does not exist",
      `${API}/model-versions/create`,
      () => json("POST", { name, source: "s3://b/m", run_id: SECRET }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    ["an unknown stage", `${API}/model-versions/transition-stage`, () => json("POST", { name, version: "1", stage: SECRET }), 400, "INVALID_PARAMETER_VALUE"],
    ["an unknown alias", `${API}/registered-models/alias?${q({ name, alias: "missing" })}`, () => undefined, 400, "INVALID_PARAMETER_VALUE"],
    ...["latest", "v3", "a b", `${SECRET}!`].map((alias): [string, string, () => RequestInit, number, string] => [
      `the alias ${alias.slice(0, 10)}`,
      `${API}/registered-models/alias`,
      () => json("POST", { name, alias, version: "1" }),
      400,
      "INVALID_PARAMETER_VALUE",
    ]),
    [
      "an alias onto an unknown version",
      `${API}/registered-models/alias`,
      () => json("POST", { name, alias: "next", version: "42" }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    ["a filter on an unknown attribute", `${API}/model-versions/search?${q({ filter: `${SECRET} = '1'` })}`, () => undefined, 400, "INVALID_PARAMETER_VALUE"],
    ["an unknown order_by key", `${API}/registered-models/search?${q({ order_by: SECRET })}`, () => undefined, 400, "INVALID_PARAMETER_VALUE"],
    [
      "a forged page token",
      `${API}/registered-models/search?${q({ page_token: btoa("[1.5]").replace(/=+$/, "") })}`,
      () => undefined,
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    ["a tag with a NUL", `${API}/registered-models/set-tag`, () => json("POST", { name, key: "k", value: "a\u0000b" }), 400, "INVALID_PARAMETER_VALUE"],
  ];

  test.each(cases)("%s: MLflow's error, no echo, nothing changed", async (_label, path, init, status, code) => {
    const before = await snapshot();
    const res = await call(path, init());
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["error_code", "message"]);
    expect(body.error_code).toBe(code);
    expect(body.message).not.toContain(CANARY);
    expect(await snapshot()).toEqual(before);
  });
});

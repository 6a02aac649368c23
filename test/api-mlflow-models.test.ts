// MLflow 3's logged models on every host: the answers the real server gives (ids, fields,
// statuses, error codes), and every bad input answered with MLflow's error body, no echo, and
// nothing changed. (The real mlflow client's tests are in clients/python/tests/test_mlflow_models.py.)
import * as v from "valibot";
import { beforeAll, describe, expect, test } from "vitest";
import { LoggedModelView, SearchLoggedModelsView } from "../src/api/mlflow/model-schemas.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const SECRET = `${"x".repeat(70)}-SECRET-canary-4c1d`;
const CANARY = "SECRET-canary";
const API = "/api/2.0/mlflow";
const PROXY = "/api/2.0/mlflow-artifacts/artifacts";
const UNKNOWN = `m-${"0".repeat(32)}`;

describe.each(apiHosts)("MLflow logged models on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  let experimentId = "";
  let runId = "";
  let modelId = "";
  let deletedId = "";

  async function ok(path: string, init?: RequestInit) {
    const res = await call(`${API}${path}`, init);
    expect(res.status, path).toBe(200);
    return res.json();
  }
  const post = (path: string, body: unknown) => ok(path, json("POST", body));

  beforeAll(async () => {
    experimentId = (await post("/experiments/create", { name: `Models ${uniqueRepo("m")}` })).experiment_id;
    runId = (await post("/runs/create", { experiment_id: experimentId })).run.info.run_id;
    const { model } = await post("/logged-models", {
      experiment_id: experimentId,
      name: "model",
      source_run_id: runId,
      params: [{ key: "lr", value: "0.1" }],
      tags: [
        { key: "b", value: "2" },
        { key: "a", value: "1" },
      ],
    });
    modelId = model.info.model_id;
    const put = await call(`${PROXY}/${experimentId}/models/${modelId}/artifacts/MLmodel`, { method: "PUT", body: "flavors: {}\n" });
    expect(put.status).toBe(200);
    await post("/runs/log-batch", {
      run_id: runId,
      metrics: [{ key: "acc", value: 0.5, timestamp: 1764147000000, step: 1, model_id: modelId, dataset_name: "d" }],
    });
    deletedId = (await post("/logged-models", { experiment_id: experimentId, name: "gone", source_run_id: runId })).model.info.model_id;
    await ok(`/logged-models/${deletedId}`, { method: "DELETE" });
  });

  test("a logged model reads back in MLflow's shape: pending until finalized, tags and params sorted, its metrics and files", async () => {
    const { model } = await ok(`/logged-models/${modelId}`);
    expect(v.is(LoggedModelView, model)).toBe(true);
    expect(modelId).toMatch(/^m-[0-9a-f]{32}$/);
    expect(model.info).toMatchObject({
      experiment_id: experimentId,
      name: "model",
      status: "LOGGED_MODEL_PENDING",
      source_run_id: runId,
      artifact_uri: `mlflow-artifacts:/${experimentId}/models/${modelId}/artifacts`,
      tags: [
        { key: "a", value: "1" },
        { key: "b", value: "2" },
      ],
    });
    expect(model.data).toEqual({
      params: [{ key: "lr", value: "0.1" }],
      metrics: [{ key: "acc", value: 0.5, timestamp: 1764147000000, step: 1, model_id: modelId, run_id: runId, dataset_name: "d" }],
    });
    const done = await ok(`/logged-models/${modelId}`, json("PATCH", { model_id: modelId, status: "LOGGED_MODEL_READY" }));
    expect(done.model.info.status).toBe("LOGGED_MODEL_READY");
    // The run keeps the point too; the model's files are not in the run's MLflow listing.
    const { run } = await ok(`/runs/get?run_id=${runId}`);
    expect(run.data.metrics).toEqual([{ key: "acc", value: 0.5, timestamp: 1764147000000, step: 1 }]);
    expect(await ok(`-artifacts/artifacts?path=${experimentId}/${runId}/artifacts`)).toEqual({ files: [] });
    expect(await ok(`-artifacts/artifacts?path=${experimentId}/models/${modelId}/artifacts`)).toEqual({
      files: [{ path: "MLmodel", is_dir: false, file_size: 12 }],
    });
  });

  test("a point sent again (same key, timestamp, step and run) is kept once, as MLflow keeps it", async () => {
    const point = { key: "again", value: 1, timestamp: 1764147000001, step: 2, model_id: deletedId };
    await post("/runs/log-batch", { run_id: runId, metrics: [point, point] });
    await post("/runs/log-metric", { run_id: runId, ...point });
    const { model } = await ok(`/logged-models/${deletedId}?allow_deleted=true`);
    expect(model.data.metrics).toEqual([{ ...point, run_id: runId }]);
  });

  test("a deleted model is gone for get and search, found with allow_deleted", async () => {
    expect((await call(`${API}/logged-models/${deletedId}`)).status).toBe(404);
    expect((await ok(`/logged-models/${deletedId}?allow_deleted=true`)).model.info.name).toBe("gone");
    const found = await post("/logged-models/search", { experiment_ids: [experimentId] });
    expect(v.is(SearchLoggedModelsView, found)).toBe(true);
    expect(found.models.map((m: { info: { model_id: string } }) => m.info.model_id)).toEqual([modelId]);
  });

  async function snapshot() {
    return {
      model: await ok(`/logged-models/${modelId}`),
      deleted: await ok(`/logged-models/${deletedId}?allow_deleted=true`),
      models: await post("/logged-models/search", { experiment_ids: [experimentId] }),
      run: (await ok(`/runs/get?run_id=${runId}`)).run.data,
    };
  }

  const cases: [string, string, () => RequestInit | undefined, number, string][] = [
    ["an unknown model", `${API}/logged-models/${UNKNOWN}`, () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
    ["a hostile model id", `${API}/logged-models/${encodeURIComponent(SECRET)}`, () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
    ["finalizing an unknown model", `${API}/logged-models/${UNKNOWN}`, () => json("PATCH", { status: "LOGGED_MODEL_READY" }), 404, "RESOURCE_DOES_NOT_EXIST"],
    ["an unknown status", `${API}/logged-models/MODEL`, () => json("PATCH", { status: SECRET }), 400, "INVALID_PARAMETER_VALUE"],
    ["deleting an unknown model", `${API}/logged-models/${UNKNOWN}`, () => ({ method: "DELETE" }), 404, "RESOURCE_DOES_NOT_EXIST"],
    ["deleting a tag the model lacks", `${API}/logged-models/MODEL/tags/${SECRET}`, () => ({ method: "DELETE" }), 404, "RESOURCE_DOES_NOT_EXIST"],
    [
      "tags on an unknown model",
      `${API}/logged-models/${UNKNOWN}/tags`,
      () => json("PATCH", { tags: [{ key: "k", value: "v" }] }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    ["a tag with a NUL", `${API}/logged-models/MODEL/tags`, () => json("PATCH", { tags: [{ key: "k", value: "a\u0000b" }] }), 400, "INVALID_PARAMETER_VALUE"],
    [
      "params on an unknown model",
      `${API}/logged-models/${UNKNOWN}/params`,
      () => json("POST", { params: [{ key: "k", value: "v" }] }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    ["a model without a run", `${API}/logged-models`, () => json("POST", { experiment_id: experimentId, name: "orphan" }), 400, "INVALID_PARAMETER_VALUE"],
    [
      "a model of an unknown run",
      `${API}/logged-models`,
      () => json("POST", { experiment_id: experimentId, source_run_id: SECRET }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    [
      "a model in an unknown experiment",
      `${API}/logged-models`,
      () => json("POST", { experiment_id: "999999", source_run_id: runId }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    ...["a/b", "a.b", "it's", "x\u0000y", `${SECRET}:`].map((name): [string, string, () => RequestInit, number, string] => [
      `a model named ${JSON.stringify(name).slice(0, 12)}`,
      `${API}/logged-models`,
      () => json("POST", { experiment_id: experimentId, source_run_id: runId, name }),
      400,
      "INVALID_PARAMETER_VALUE",
    ]),
    ["a search without experiments", `${API}/logged-models/search`, () => json("POST", {}), 400, "INVALID_PARAMETER_VALUE"],
    [
      "a search filter on an unknown attribute",
      `${API}/logged-models/search`,
      () => json("POST", { experiment_ids: [experimentId], filter: `${SECRET} = 'x'` }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "a search filter on an unknown attribute, spelled attributes.",
      `${API}/logged-models/search`,
      () => json("POST", { experiment_ids: [experimentId], filter: `attributes.${SECRET} = 'x'` }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "a search filter with OR",
      `${API}/logged-models/search`,
      () => json("POST", { experiment_ids: [experimentId], filter: "name = 'a' OR name = 'b'" }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "an unknown order_by field",
      `${API}/logged-models/search`,
      () => json("POST", { experiment_ids: [experimentId], order_by: [{ field_name: SECRET }] }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "a forged page token",
      `${API}/logged-models/search`,
      () => json("POST", { experiment_ids: [experimentId], page_token: btoa("[-5]").replace(/=+$/, "") }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "a metric naming an unknown model",
      `${API}/runs/log-metric`,
      () => json("POST", { run_id: runId, key: "new", value: 1, model_id: UNKNOWN }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    [
      "a batch naming an unknown model",
      `${API}/runs/log-batch`,
      () => json("POST", { run_id: runId, params: [{ key: "p", value: "1" }], metrics: [{ key: "new", value: 1, timestamp: 0, model_id: UNKNOWN }] }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    ["a file of an unknown model", `${PROXY}/EXP/models/${UNKNOWN}/artifacts/MLmodel`, () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
    ["a model file path with ..", `${PROXY}/EXP/models/MODEL/artifacts/a/..%2F..%2Fx`, () => ({ method: "PUT", body: "x" }), 400, "INVALID_PARAMETER_VALUE"],
    ["an upload to the model's root", `${PROXY}/EXP/models/MODEL/artifacts`, () => ({ method: "PUT", body: "x" }), 400, "INVALID_PARAMETER_VALUE"],
  ];

  test.each(cases)("%s: MLflow's error, no echo, nothing changed", async (_label, path, init, status, code) => {
    const before = await snapshot();
    const res = await call(path.replaceAll("MODEL", modelId).replaceAll(experimentId, experimentId).replaceAll(runId, runId), init());
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["error_code", "message"]);
    expect(body.error_code).toBe(code);
    expect(body.message).not.toContain(CANARY);
    expect(await snapshot()).toEqual(before);
  });
});

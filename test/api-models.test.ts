// /v1's read-only view of MLflow's logged models and registry on every host: what the MLflow
// dialect wrote reads back with its run, versions and aliases; bad input is a 400 or 404.
import { beforeAll, describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const API = "/api/2.0/mlflow";

describe.each(apiHosts)("/v1 models on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const name = `Models V1 ${uniqueRepo("v")}`;
  const repo = name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
  const registered = `reg-${uniqueRepo("r")}`;
  let runId = "";
  let first = "";
  let second = "";

  async function ok(path: string, body: unknown) {
    const res = await call(`${API}${path}`, json("POST", body));
    expect(res.status, path).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    const experimentId = (await ok("/experiments/create", { name })).experiment_id;
    runId = (await ok("/runs/create", { experiment_id: experimentId })).run.info.run_id;
    first = (await ok("/logged-models", { experiment_id: experimentId, name: "model", source_run_id: runId, params: [{ key: "C", value: "1.0" }] })).model.info
      .model_id;
    second = (await ok("/logged-models", { experiment_id: experimentId, name: "best", source_run_id: runId })).model.info.model_id;
    await ok("/runs/log-metric", { run_id: runId, key: "acc", value: "NaN", timestamp: 0, model_id: first });
    await ok("/registered-models/create", { name: registered });
    await ok("/model-versions/create", { name: registered, source: `models:/${first}` });
    await ok("/registered-models/alias", { name: registered, alias: "champion", version: "1" });
    await ok("/runs/create", { experiment_id: (await ok("/experiments/create", { name: `${name} other` })).experiment_id });
  });

  test("a repo's logged models, newest first, with their run, metrics, files and versions; paged", async () => {
    const page = await (await call(`/v1/repos/${repo}/logged-models?limit=1`)).json();
    expect(page.items.map((m: { id: string }) => m.id)).toEqual([second]);
    const rest = await (await call(`/v1/repos/${repo}/logged-models?limit=1&cursor=${page.next_cursor}`)).json();
    expect(rest.next_cursor).toBeNull();
    expect(rest.items[0]).toMatchObject({
      id: first,
      name: "model",
      run: runId,
      status: "pending",
      params: { C: "1.0" },
      metrics: [{ name: "acc", value: "NaN", step: 0, dataset: null }],
      files: `mlflow-models/${first}/`,
      versions: [{ name: registered, version: 1 }],
    });
    const ofRun = await (await call(`/v1/repos/${repo}/logged-models?run=${runId}`)).json();
    expect(ofRun.items).toHaveLength(2);
  });

  test("registered models with a version from the repo, every version with its run and aliases", async () => {
    const page = await (await call(`/v1/repos/${repo}/registered-models`)).json();
    expect(page.items).toHaveLength(1);
    expect((await (await call(`/v1/repos/${repo}-other/registered-models`)).json()).items).toEqual([]);
    expect(page.items[0]).toMatchObject({
      name: registered,
      aliases: { champion: 1 },
      versions: [{ version: 1, stage: "None", source: `models:/${first}`, run: { repo, id: runId }, logged_model: first, aliases: ["champion"] }],
    });
  });

  test.each([
    ["an unknown repo", "/v1/repos/no-such-repo-x/logged-models", 404],
    ["a cursor not issued here", "/v1/repos/REPO/logged-models?cursor=abc", 400],
    ["a hostile run id", "/v1/repos/REPO/logged-models?run=a%2F..", 400],
    ["a limit past 1,000", "/v1/repos/REPO/registered-models?limit=1001", 400],
    ["a registered-model cursor not issued here", "/v1/repos/REPO/registered-models?cursor=abc", 400],
  ])("%s is a %i", async (_label, path, status) => {
    const res = await call(path.replace("REPO", repo));
    expect(res.status).toBe(status);
  });
});

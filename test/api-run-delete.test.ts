// DELETE of a run removes every row it owns in every table that references runs (series and
// their blocks and summary levels, values, logs, inputs, model inputs, artifacts and their parts, MLflow logged
// models and their metrics), and nothing of the run beside it.
import { describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const API = "/api/2.0/mlflow";

// Each table that holds rows of a run, and how to count those of the run with pk ?.
const OWNED: Record<string, string> = {
  series: "SELECT count(*) AS n FROM series WHERE run_pk = ?",
  series_blocks: "SELECT count(*) AS n FROM series_blocks WHERE series_pk IN (SELECT pk FROM series WHERE run_pk = ?)",
  series_levels: "SELECT count(*) AS n FROM series_levels WHERE series_pk IN (SELECT pk FROM series WHERE run_pk = ?)",
  run_values: "SELECT count(*) AS n FROM run_values WHERE run_pk = ?",
  run_logs: "SELECT count(*) AS n FROM run_logs WHERE run_pk = ?",
  run_inputs: "SELECT count(*) AS n FROM run_inputs WHERE run_pk = ?",
  run_model_inputs: "SELECT count(*) AS n FROM run_model_inputs WHERE run_pk = ?",
  artifacts: "SELECT count(*) AS n FROM artifacts WHERE run_pk = ?",
  artifact_parts: "SELECT count(*) AS n FROM artifact_parts WHERE artifact_pk IN (SELECT pk FROM artifacts WHERE run_pk = ?)",
  mlflow_logged_models: "SELECT count(*) AS n FROM mlflow_logged_models WHERE run_pk = ?",
  mlflow_logged_model_metrics: "SELECT count(*) AS n FROM mlflow_logged_model_metrics WHERE model_pk IN (SELECT pk FROM mlflow_logged_models WHERE run_pk = ?)",
  runs: "SELECT count(*) AS n FROM runs WHERE pk = ?",
};

describe.each(apiHosts)("run delete on $name", (factory) => {
  const api = useHost(factory);

  async function ok(path: string, init?: RequestInit) {
    const res = await api.call(path, init);
    expect(res.status, path).toBeLessThan(300);
    return res.status === 204 ? null : res.json();
  }

  /** A run holding a row in every table that references runs; its id and pk. */
  async function fullRun(experimentId: string, repo: string) {
    const id = (await ok(`${API}/runs/create`, json("POST", { experiment_id: experimentId }))).run.info.run_id;
    const path = `/v1/repos/${repo}/runs/${id}`;
    await ok(`${path}/metrics`, json("POST", { points: [{ name: "loss", step: 0, value: 0.5 }] }));
    // 17 blocks: 16 sealed ones make a summary level row (src/series/levels.ts).
    const steps = Array.from({ length: 16 * 1024 + 1 }, (_, i) => i);
    await ok(`${path}/metrics`, json("POST", { series: [{ name: "long", steps, values: steps.map((s) => s / 2) }] }));
    await ok(`${path}/values`, json("PUT", [{ name: "acc", value: 0.9 }]));
    await ok(`${path}/logs`, json("POST", { lines: [{ seq: 0, text: "epoch 1" }] }));
    await ok(`${path}/inputs`, json("POST", [{ name: "iris", digest: "a1b2c3d4" }]));
    await ok(`${path}/artifacts/report.txt`, { method: "PUT", headers: { "content-type": "text/plain" }, body: "report" });
    const model = (await ok(`${API}/logged-models`, json("POST", { experiment_id: experimentId, name: "m", source_run_id: id }))).model.info.model_id;
    await ok(`${API}/runs/log-batch`, json("POST", { run_id: id, metrics: [{ key: "acc", value: 0.5, timestamp: 1764147000000, step: 1, model_id: model }] }));
    await ok(`${API}/runs/log-inputs`, json("POST", { run_id: id, models: [{ model_id: model }] }));
    const [{ pk }] = await api.host.query("SELECT pk FROM runs WHERE id = ?", [id]);
    return { id, pk: Number(pk), path };
  }

  async function counts(pk: number) {
    const out: Record<string, number> = {};
    for (const [table, sql] of Object.entries(OWNED)) out[table] = Number((await api.host.query(sql, [pk]))[0].n);
    return out;
  }

  test("every row of the run goes, the other run keeps all of its own, and the run is a 404 after", async () => {
    const experimentId = (await ok(`${API}/experiments/create`, json("POST", { name: uniqueRepo("delete") }))).experiment_id;
    const [{ name: repo }] = await api.host.query("SELECT name FROM repos WHERE pk = (SELECT max(pk) FROM repos)");
    const gone = await fullRun(experimentId, String(repo));
    const kept = await fullRun(experimentId, String(repo));
    const before = await counts(kept.pk);
    for (const [table, n] of Object.entries(await counts(gone.pk))) expect(n, table).toBeGreaterThan(0);

    expect((await api.call(gone.path, { method: "DELETE" })).status).toBe(204);
    for (const [table, n] of Object.entries(await counts(gone.pk))) expect(n, table).toBe(0);
    expect(await counts(kept.pk)).toEqual(before);
    expect((await api.call(gone.path)).status).toBe(404);
    expect((await api.call(`${gone.path}/metrics`)).status).toBe(404);
    expect((await api.call(gone.path, { method: "DELETE" })).status).toBe(404);
    expect((await (await api.call(kept.path)).json()).values).toHaveLength(1);
  });
});

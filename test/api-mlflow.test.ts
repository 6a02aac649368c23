// The MLflow dialect's bad inputs on every host: each answers MLflow's error body
// {"error_code", "message"} with MLflow's status, echoes nothing back, and leaves what MLflow
// and runcamp can read exactly as it was. (The real mlflow client's tests are in
// clients/python/tests/test_mlflow.py.)
import * as v from "valibot";
import { beforeAll, describe, expect, test } from "vitest";
import { RunView, SearchRunsView } from "../src/api/mlflow/schemas.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

// Messages may quote a short excerpt of what was sent (at most 64 characters): the canary
// sits past that.
const SECRET = `${"x".repeat(70)}-SECRET-canary-4c1d`;
const CANARY = "SECRET-canary";
const API = "/api/2.0/mlflow";
const ADMIN = "mlflow-admin-token";

describe.each(apiHosts)("the MLflow dialect on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  let runId = "";
  let experimentId = "";
  const name = `MLflow Errors ${uniqueRepo("x")}`;
  // The experiment's repo: its name lower-cased, other characters as "-".
  const repo = name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");

  async function ok(path: string, body?: unknown) {
    const res = await call(`${API}${path}`, body === undefined ? undefined : json("POST", body));
    expect(res.status, path).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    experimentId = (await ok("/experiments/create", { name, tags: [{ key: "owner", value: "me" }] })).experiment_id;
    const { run } = await ok("/runs/create", {
      experiment_id: experimentId,
      run_name: "r",
      start_time: 1764147000000,
      tags: [{ key: "team", value: "vision" }],
    });
    runId = run.info.run_id;
    await ok("/runs/log-batch", {
      run_id: runId,
      params: [{ key: "lr", value: "1e-3" }],
      metrics: [0, 1, 2].map((step) => ({ key: "loss", value: 1 / (step + 1), timestamp: 1764147000000 + step, step })),
      tags: [{ key: "runcamp.campaign", value: "grid" }],
    });
    await ok("/runs/log-metric", { run_id: runId, key: "nan", value: "NaN", timestamp: 1764147000000, step: 0 });
  });

  /** What MLflow and runcamp show of the fixture. */
  async function snapshot() {
    const { run } = await ok(`/runs/get?run_id=${runId}`);
    const native = await (await call(`/v1/repos/${repo}/runs/${runId}`)).json();
    return {
      run,
      history: await ok(`/metrics/get-history?run_id=${runId}&metric_key=loss`),
      experiment: await ok(`/experiments/get?experiment_id=${experimentId}`),
      experiments: await ok("/experiments/search", { view_type: "ALL", max_results: 1000 }),
      native,
      runs: await (await call(`/v1/repos/${repo}/runs?limit=1000`)).json(),
    };
  }

  test("a run reads back in MLflow's shapes, int64 as numbers, run_id and run_uuid, NaN as a string", async () => {
    const { run } = await ok(`/runs/get?run_id=${runId}`);
    expect(v.is(RunView, run)).toBe(true);
    expect(run.info).toMatchObject({
      run_id: runId,
      run_uuid: runId,
      run_name: "r",
      experiment_id: experimentId,
      status: "RUNNING",
      start_time: 1764147000000,
    });
    expect(run.data.params).toEqual([{ key: "lr", value: "1e-3" }]);
    expect(run.data.metrics).toEqual(
      expect.arrayContaining([
        { key: "loss", value: 1 / 3, timestamp: 1764147000002, step: 2 },
        { key: "nan", value: "NaN", timestamp: 1764147000000, step: 0 },
      ]),
    );
    expect(run.data.tags).toEqual(
      expect.arrayContaining([
        { key: "team", value: "vision" },
        { key: "runcamp.campaign", value: "grid" },
      ]),
    );
    // The MLflow UI's prefix answers the same.
    expect((await (await call(`/ajax-api/2.0/mlflow/runs/get?run_id=${runId}`)).json()).run).toEqual(run);
    const search = await ok("/runs/search", { experiment_ids: [experimentId], filter: "params.lr = '1e-3' and metrics.loss < 0.5" });
    expect(v.is(SearchRunsView, search)).toBe(true);
    expect(search.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([runId]);
  });

  test("MLflow filters mean what MLflow says, compiled by runcamp's compiler; runcamp's typed filters see the same run", async () => {
    const matches = async (filter: string) => {
      const { runs } = await ok("/runs/search", { experiment_ids: [experimentId], filter });
      return runs.some((r: { info: { run_id: string } }) => r.info.run_id === runId);
    };
    const yes = [
      "params.lr = '1e-3'",
      "params.lr LIKE '1e%'",
      "params.`lr` IS NOT NULL",
      "params.missing IS NULL",
      "tags.team = 'vision' and tags.team ILIKE 'VIS%'",
      "tags.\"runcamp.campaign\" = 'grid'",
      `attributes.run_id IN ('${runId}', 'other')`,
      "attributes.status = 'RUNNING' and attributes.run_name = 'r'",
      "attributes.start_time = 1764147000000 and attributes.lifecycle_stage = 'active'",
      "metrics.loss <= 0.34 and metrics.loss != 1",
    ];
    const no = [
      "params.lr = '0.001'",
      "params.lr != '1e-3'",
      "params.missing != 'x'",
      "tags.team != 'vision'",
      "metrics.loss > 0.34",
      "metrics.missing != 1",
      `attributes.run_id NOT IN ('${runId}')`,
      "attributes.status = 'FINISHED'",
      "attributes.lifecycle_stage = 'deleted'",
    ];
    for (const filter of yes) expect(await matches(filter), filter).toBe(true);
    for (const filter of no) expect(await matches(filter), filter).toBe(false);
    const native = await (
      await call(`/v1/repos/${repo}/runs?filter=${encodeURIComponent('params.lr > 1e-4 and params.lr < 0.01 and campaign = "grid"')}`)
    ).json();
    expect(native.items.map((r: { id: string }) => r.id)).toEqual([runId]);
  });

  test("get-history-bulk-interval samples each run's points in the step range, naming the run", async () => {
    const all = await ok(`/metrics/get-history-bulk-interval?run_ids=${runId}&metric_key=loss&max_results=2`);
    expect(all.metrics.map((m: { step: number; run_id: string }) => [m.step, m.run_id])).toEqual([
      [0, runId],
      [2, runId],
    ]);
    const ranged = await ok(`/metrics/get-history-bulk-interval?run_ids=${runId}&metric_key=loss&start_step=1&end_step=1`);
    expect(ranged.metrics).toEqual([{ key: "loss", value: 0.5, timestamp: 1764147000001, step: 1, run_id: runId }]);
  });

  test("an experiment renames, deletes (hidden from the default search, runs refused) and restores", async () => {
    const other = `${name} other`;
    const id = (await ok("/experiments/create", { name: other })).experiment_id;
    await ok("/experiments/update", { experiment_id: id, new_name: `${other} renamed` });
    expect((await ok(`/experiments/get-by-name?experiment_name=${encodeURIComponent(`${other} renamed`)}`)).experiment.experiment_id).toBe(id);
    await ok("/experiments/set-experiment-tag", { experiment_id: id, key: "k", value: "v" });
    await ok("/experiments/delete", { experiment_id: id });
    const ids = async (body: object) => (await ok("/experiments/search", body)).experiments.map((e: { experiment_id: string }) => e.experiment_id);
    expect(await ids({ max_results: 1000 })).not.toContain(id);
    expect(await ids({ view_type: "DELETED_ONLY", filter: "tags.k = 'v'" })).toEqual([id]);
    const refused = await call(`${API}/runs/create`, json("POST", { experiment_id: id }));
    expect(refused.status).toBe(400);
    await ok("/experiments/restore", { experiment_id: id });
    expect(await ids({ filter: `attributes.name LIKE '${other.slice(0, 20)}%renamed'` })).toEqual([id]);
    expect((await ok("/experiments/get?experiment_id=0")).experiment.name).toBe("Default");
  });

  test("endpoints runcamp does not model (traces) are ENDPOINT_NOT_FOUND; an experiment without logged models has none", async () => {
    expect(await ok("/logged-models/search", { experiment_ids: [experimentId] })).toEqual({ models: [] });
    const res = await call(`${API}/traces`, json("POST", { trace: {} }));
    expect(res.status).toBe(404);
    expect((await res.json()).error_code).toBe("ENDPOINT_NOT_FOUND");
  });

  const RUN = () => runId;
  const cases: [string, string, () => RequestInit | undefined, number, string][] = [
    ["unknown run", `${API}/runs/get?run_id=${SECRET}`, () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
    ["run_id missing", `${API}/runs/get`, () => undefined, 400, "INVALID_PARAMETER_VALUE"],
    ["unknown experiment", `${API}/experiments/get?experiment_id=987654321`, () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
    ["experiment by unknown name", `${API}/experiments/get-by-name?experiment_name=${SECRET}`, () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
    ["experiment name taken", `${API}/experiments/create`, () => json("POST", { name }), 400, "RESOURCE_ALREADY_EXISTS"],
    [
      "body not JSON",
      `${API}/runs/log-batch`,
      () => ({ method: "POST", headers: { "content-type": "application/json" }, body: `{${SECRET}` }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "1,001 metrics",
      `${API}/runs/log-batch`,
      () => json("POST", { run_id: RUN(), metrics: Array.from({ length: 1001 }, (_, i) => ({ key: "loss", value: 0, timestamp: 0, step: i })) }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "101 params",
      `${API}/runs/log-batch`,
      () => json("POST", { run_id: RUN(), params: Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: "1" })) }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "101 tags",
      `${API}/runs/log-batch`,
      () => json("POST", { run_id: RUN(), tags: Array.from({ length: 101 }, (_, i) => ({ key: `t${i}`, value: "1" })) }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "a negative step",
      `${API}/runs/log-metric`,
      () => json("POST", { run_id: RUN(), key: "loss", value: 1, timestamp: 0, step: -1 }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "a value that is not a number",
      `${API}/runs/log-metric`,
      () => json("POST", { run_id: RUN(), key: "loss", value: SECRET, timestamp: 0 }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "a key of 251 characters",
      `${API}/runs/log-metric`,
      () => json("POST", { run_id: RUN(), key: SECRET.repeat(3), value: 1, timestamp: 0 }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "a key with a control character",
      `${API}/runs/set-tag`,
      () => json("POST", { run_id: RUN(), key: "a\u0001b", value: "x" }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    // Names and free text take /v1's rules (no NUL, no unpaired surrogate; names no control
    // character either), checked before anything is written.
    ...(
      [
        ["an experiment name with NUL", "/experiments/create", () => ({ name: `exp\u0000${SECRET}` })],
        ["an experiment name with an unpaired surrogate", "/experiments/create", () => ({ name: "exp\ud800" })],
        ["an experiment name with a line break", "/experiments/create", () => ({ name: "a\nb" })],
        ["a rename to a name with NUL", "/experiments/update", () => ({ experiment_id: experimentId, new_name: "x\u0000" })],
        ["an experiment tag key with NUL", "/experiments/set-experiment-tag", () => ({ experiment_id: experimentId, key: "k\u0000", value: "v" })],
        ["an experiment tag value with NUL", "/experiments/set-experiment-tag", () => ({ experiment_id: experimentId, key: "k", value: "v\u0000" })],
        ["a run name with NUL", "/runs/create", () => ({ experiment_id: experimentId, run_name: "r\u0000" })],
        [
          "a run name tag with a control character",
          "/runs/create",
          () => ({ experiment_id: experimentId, tags: [{ key: "mlflow.runName", value: "a\u0001" }] }),
        ],
        ["a run name with a tab", "/runs/update", () => ({ run_id: runId, run_name: "a\tb" })],
        ["a run name of 256 characters", "/runs/update", () => ({ run_id: runId, run_name: "r".repeat(256) })],
        ["a run name tag with a line break", "/runs/set-tag", () => ({ run_id: runId, key: "mlflow.runName", value: "a\nb" })],
        ["a campaign tag with a control character", "/runs/log-batch", () => ({ run_id: runId, tags: [{ key: "runcamp.campaign", value: "g\u0007" }] })],
        ["a tag key with NUL", "/runs/set-tag", () => ({ run_id: runId, key: "k\u0000", value: "v" })],
        ["a tag value with NUL", "/runs/set-tag", () => ({ run_id: runId, key: "note", value: "v\u0000" })],
        ["a tag value with an unpaired surrogate", "/runs/log-batch", () => ({ run_id: runId, tags: [{ key: "note", value: "v\udc00" }] })],
        ["a param key with NUL", "/runs/log-parameter", () => ({ run_id: runId, key: "p\u0000", value: "1" })],
        ["a metric key with an unpaired surrogate", "/runs/log-metric", () => ({ run_id: runId, key: "loss\udc00", value: 1, timestamp: 0 })],
        ["a batch metric key with NUL", "/runs/log-batch", () => ({ run_id: runId, metrics: [{ key: "m\u0000", value: 1, timestamp: 0 }] })],
      ] as [string, string, () => unknown][]
    ).map(([label, path, body]): [string, string, () => RequestInit, number, string] => [
      label,
      `${API}${path}`,
      () => json("POST", body()),
      400,
      "INVALID_PARAMETER_VALUE",
    ]),
    [
      "a batch whose last metric is bad (nothing of it lands)",
      `${API}/runs/log-batch`,
      () =>
        json("POST", {
          run_id: RUN(),
          params: [{ key: "new", value: "1" }],
          metrics: [
            { key: "loss", value: 5, timestamp: 0, step: 9 },
            { key: "loss", value: 1, timestamp: -5 },
          ],
        }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    ["changing a logged param", `${API}/runs/log-parameter`, () => json("POST", { run_id: RUN(), key: "lr", value: SECRET }), 400, "INVALID_PARAMETER_VALUE"],
    [
      "one key twice in a batch with two values",
      `${API}/runs/log-batch`,
      () =>
        json("POST", {
          run_id: RUN(),
          params: [
            { key: "k", value: "1" },
            { key: "k", value: "2" },
          ],
        }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    ["an unknown status", `${API}/runs/update`, () => json("POST", { run_id: RUN(), status: SECRET }), 400, "INVALID_PARAMETER_VALUE"],
    ["deleting a tag the run lacks", `${API}/runs/delete-tag`, () => json("POST", { run_id: RUN(), key: SECRET }), 404, "RESOURCE_DOES_NOT_EXIST"],
    ["a filter with OR", `${API}/runs/search`, () => json("POST", { filter: `params.a = '1' OR params.b = '${SECRET}'` }), 400, "INVALID_PARAMETER_VALUE"],
    ["a filter with an unknown entity", `${API}/runs/search`, () => json("POST", { filter: `${SECRET}.a = 1` }), 400, "INVALID_PARAMETER_VALUE"],
    ["a metric compared with a string", `${API}/runs/search`, () => json("POST", { filter: "metrics.loss > 'x'" }), 400, "INVALID_PARAMETER_VALUE"],
    ["LIKE on a metric", `${API}/runs/search`, () => json("POST", { filter: "metrics.loss LIKE '%1'" }), 400, "INVALID_PARAMETER_VALUE"],
    ["an unterminated string", `${API}/runs/search`, () => json("POST", { filter: "params.a = 'x" }), 400, "INVALID_PARAMETER_VALUE"],
    ["an unknown attribute", `${API}/runs/search`, () => json("POST", { filter: "attributes.artifact_uri = 'x'" }), 400, "INVALID_PARAMETER_VALUE"],
    ["a bad order_by", `${API}/runs/search`, () => json("POST", { order_by: [`attributes.${SECRET} DESC`] }), 400, "INVALID_PARAMETER_VALUE"],
    ["a page token not issued here", `${API}/runs/search`, () => json("POST", { page_token: SECRET }), 400, "INVALID_PARAMETER_VALUE"],
    // Page tokens are offsets or steps: a forged negative, fractional or mistyped one is refused.
    ...["[-5]", "[1.5]", '["5"]', "[5,5]", "[ 5]"].flatMap((key): [string, string, () => RequestInit | undefined, number, string][] => {
      const token = btoa(key).replace(/=+$/, "");
      return [
        [`a forged page token ${key} on runs/search`, `${API}/runs/search`, () => json("POST", { page_token: token }), 400, "INVALID_PARAMETER_VALUE"],
        [
          `a forged page token ${key} on experiments/search`,
          `${API}/experiments/search`,
          () => json("POST", { page_token: token }),
          400,
          "INVALID_PARAMETER_VALUE",
        ],
        [
          `a forged page token ${key} on get-history`,
          `${API}/metrics/get-history?metric_key=loss&page_token=${token}&run_id=RUN`,
          () => undefined,
          400,
          "INVALID_PARAMETER_VALUE",
        ],
      ];
    }),
    ["an unknown run_view_type", `${API}/runs/search`, () => json("POST", { run_view_type: "SOME" }), 400, "INVALID_PARAMETER_VALUE"],
    ["max_results past 50,000", `${API}/runs/search`, () => json("POST", { max_results: 50001 }), 400, "INVALID_PARAMETER_VALUE"],
    ["an experiment filter on an unknown field", `${API}/experiments/search`, () => json("POST", { filter: "params.a = 'x'" }), 400, "INVALID_PARAMETER_VALUE"],
    [
      "an artifact path with an encoded ..",
      "/api/2.0/mlflow-artifacts/artifacts/1/RUN/artifacts/a/..%2Fb",
      () => ({ method: "PUT", body: "x" }),
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    [
      "an artifact of an unknown run",
      `/api/2.0/mlflow-artifacts/artifacts/1/${"0".repeat(32)}/artifacts/a.txt`,
      () => undefined,
      404,
      "RESOURCE_DOES_NOT_EXIST",
    ],
    ["an artifact the run lacks", "/api/2.0/mlflow-artifacts/artifacts/1/RUN/artifacts/none.txt", () => undefined, 404, "RESOURCE_DOES_NOT_EXIST"],
  ];

  test.each(cases)("%s: MLflow's error, no echo, nothing changed", async (_label, path, init, status, code) => {
    const before = await snapshot();
    const res = await call(path.replace("/RUN/", `/${runId}/`).replace(/=RUN$/, `=${runId}`), init());
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["error_code", "message"]);
    expect(body.error_code).toBe(code);
    expect(body.message).not.toContain(CANARY);
    expect(body.message.length).toBeLessThan(400);
    expect(await snapshot()).toEqual(before);
  });

  test("tag values are free text (line breaks kept); names tagged in take the name rules and read back in /v1", async () => {
    const { run } = await ok("/runs/create", { experiment_id: experimentId, run_name: "café ☕" });
    const id = run.info.run_id;
    await ok("/runs/set-tag", { run_id: id, key: "mlflow.note.content", value: "# notes\nline two\ttabbed" });
    await ok("/runs/set-tag", { run_id: id, key: "mlflow.runName", value: "renamed ✓" });
    const { run: read } = await ok(`/runs/get?run_id=${id}`);
    expect(read.data.tags).toContainEqual({ key: "mlflow.note.content", value: "# notes\nline two\ttabbed" });
    expect(read.info.run_name).toBe("renamed ✓");
    expect((await (await call(`/v1/repos/${repo}/runs/${id}`)).json()).name).toBe("renamed ✓");
    await ok("/runs/delete", { run_id: id });
  });

  test("a deleted run refuses logging until restored", async () => {
    const { run } = await ok("/runs/create", { experiment_id: experimentId });
    await ok("/runs/delete", { run_id: run.info.run_id });
    const res = await call(`${API}/runs/log-metric`, json("POST", { run_id: run.info.run_id, key: "m", value: 1, timestamp: 0 }));
    expect(res.status).toBe(400);
    expect((await res.json()).error_code).toBe("INVALID_PARAMETER_VALUE");
    await ok("/runs/restore", { run_id: run.info.run_id });
    await ok("/runs/log-metric", { run_id: run.info.run_id, key: "m", value: 1, timestamp: 0 });
  });
});

describe.each(apiHosts)("MLflow auth on $name", (factory) => {
  const api = useHost(factory, { adminToken: ADMIN });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function issue(scope: string, repo?: string): Promise<string> {
    const res = await api.call("/v1/tokens", json("POST", { name: scope, scope, ...(repo ? { repo } : {}) }, bearer(ADMIN)));
    expect(res.status).toBe(201);
    return (await res.json()).token;
  }

  test("no token is 401 UNAUTHENTICATED; a read token searches but cannot log; a repo-limited token is refused", async () => {
    const search = json("POST", { experiment_ids: ["0"] });
    const none = await api.call(`${API}/runs/search`, search);
    expect(none.status).toBe(401);
    expect((await none.json()).error_code).toBe("UNAUTHENTICATED");
    const read = await issue("read");
    expect((await api.call(`${API}/runs/search`, { ...search, headers: { ...search.headers, ...bearer(read) } })).status).toBe(200);
    const create = await api.call(`${API}/runs/create`, json("POST", { experiment_id: "0" }, bearer(read)));
    expect(create.status).toBe(403);
    expect((await create.json()).error_code).toBe("PERMISSION_DENIED");
    const limited = await issue("write", "default");
    const refused = await api.call(`${API}/runs/create`, json("POST", { experiment_id: "0" }, bearer(limited)));
    expect(refused.status).toBe(403);
    const write = await issue("write");
    expect((await api.call(`${API}/runs/create`, json("POST", { experiment_id: "0" }, bearer(write)))).status).toBe(200);
  });
});

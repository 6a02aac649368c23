// A run's dataset inputs on every host: POST /v1/.../inputs and the run's `inputs`, MLflow's
// log-inputs and the `inputs` of get-run and search-runs, the import. Kept once per (name,
// digest), the first logging winning; hostile text stays text; a refused request changes
// nothing. (The real mlflow client against a real MLflow server: clients/python/tests/test_mlflow_inputs.py.)
import { describe, expect, test } from "vitest";
import { defaultLimits } from "../src/config.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";
const SCHEMA = JSON.stringify({ mlflow_colspec: [{ type: "double", name: "x", required: true }] });
const train = { name: "iris", digest: "a1b2c3d4", source_type: "local", source: '{"uri": "/data/iris.csv"}', schema: SCHEMA, context: "training" };
const API = "/api/2.0/mlflow";

describe.each(apiHosts)("run inputs on $name", (factory) => {
  // A small body limit, so the 413 is cheap to reach.
  // The 413 below sends a body just past this limit and under 64 KiB: workerd answers a body
  // over the limit before reading it, and closing on a larger unread body resets the sender's
  // connection (ECONNRESET) before it sees the answer.
  const api = useHost(factory, { limits: { ...defaultLimits, maxBodyBytes: 40 * 1024 } });
  const call = api.call;

  async function newRun(label: string) {
    const repo = uniqueRepo(label);
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    return { repo, path: `/v1/repos/${repo}/runs/r` };
  }
  async function post(path: string, inputs: unknown, status = 200) {
    const res = await call(`${path}/inputs`, json("POST", inputs));
    expect(res.status).toBe(status);
    return res.json();
  }
  const stored = async (path: string) => (await (await call(path)).json()).inputs;
  async function mlflow(path: string, body?: unknown, status = 200) {
    const res = await call(`${API}${path}`, body === undefined ? undefined : json("POST", body));
    expect(res.status, path).toBe(status);
    return res.json();
  }

  test("inputs land with every field, in the order first logged; GET run reads the same", async () => {
    const { path } = await newRun("inputs-basic");
    const { items } = await post(path, [train, { name: "iris-test", digest: "ffff0000", context: "eval", tags: { split: "test" } }]);
    expect(items).toEqual([
      { ...train, profile: null, tags: {} },
      { name: "iris-test", digest: "ffff0000", source_type: "", source: "", schema: null, profile: null, context: "eval", tags: { split: "test" } },
    ]);
    expect(await stored(path)).toEqual(items);
  });

  test("the same name and digest is kept once, as first logged; another digest is another input", async () => {
    const { path } = await newRun("inputs-dedupe");
    await post(path, [train]);
    const again = await post(path, [
      { ...train, context: "eval", source: "elsewhere" },
      { ...train, digest: "0000beef" },
      { ...train, digest: "0000beef", context: "eval" },
    ]);
    expect(again.items.map((i: { digest: string; context: string; source: string }) => [i.digest, i.context, i.source])).toEqual([
      ["a1b2c3d4", "training", train.source],
      ["0000beef", "training", train.source],
    ]);
  });

  test("without a digest, one is computed from what describes the data (not the name)", async () => {
    const { path } = await newRun("inputs-digest");
    const { items } = await post(path, [
      { name: "a", source: "s3://b/x.csv" },
      { name: "b", source: "s3://b/x.csv" },
      { name: "a", source: "s3://b/y.csv" },
    ]);
    expect(items).toHaveLength(3);
    for (const i of items) expect(i.digest).toMatch(/^[0-9a-f]{8}$/);
    expect(items[0].digest).toBe(items[1].digest);
    expect(items[0].digest).not.toBe(items[2].digest);
    // Re-sent (an SDK retry), nothing is added.
    expect((await post(path, [{ name: "a", source: "s3://b/x.csv" }])).items).toEqual(items);
  });

  test("hostile text is stored and read back as the text it is", async () => {
    const { path } = await newRun("inputs-hostile");
    const hostile = { name: HOSTILE, digest: "d1", source: HOSTILE, schema: HOSTILE, context: HOSTILE, tags: { [HOSTILE]: HOSTILE } };
    await post(path, [hostile]);
    expect(await stored(path)).toEqual([{ ...hostile, source_type: "", profile: null }]);
  });

  const bad: [string, unknown][] = [
    ["not a list", { name: "x" }],
    ["no name", [{ digest: "d" }]],
    ["an empty name", [{ name: "" }]],
    ["a name too long", [{ name: "n".repeat(501) }]],
    ["a name with a control character", [{ name: "a\u0007b" }]],
    ["a digest too long", [{ name: "x", digest: "d".repeat(37) }]],
    ["a digest of 37 characters outside the BMP", [{ name: "x", digest: "\u{1F600}".repeat(37) }]],
    ["a NUL in the source", [{ name: "x", source: "a\u0000b" }]],
    ["a context too long", [{ name: "x", context: "c".repeat(501) }]],
    ["the context as a tag", [{ name: "x", tags: { "mlflow.data.context": "training" } }]],
    ["tags as a list", [{ name: "x", tags: ["a"] }]],
    ["a tag value not text", [{ name: "x", tags: { a: 1 } }]],
    ["an unknown field", [{ name: "x", rows: 3 }]],
    ["a schema not text", [{ name: "x", schema: { columns: [] } }]],
    ["a good input beside a bad one", [train, { name: "" }]],
    ["too many inputs", Array.from({ length: 1001 }, (_, i) => ({ name: `n${i}`, digest: "d" }))],
  ];
  test.each(bad)("%s is a 400 naming the field, and changes nothing", async (_, body) => {
    const { path } = await newRun("inputs-bad");
    await post(path, [train]);
    const before = await (await call(path)).json();
    const problem = await post(path, body, 400);
    expect(problem.status).toBe(400);
    expect(problem.errors?.[0]?.path ?? problem.detail).toBeTruthy();
    expect(JSON.stringify(problem)).not.toContain(HOSTILE);
    expect(await (await call(path)).json()).toEqual(before);
  });

  test("lengths count characters as MLflow does (code points): 36 emoji are a 36-character digest", async () => {
    const { path } = await newRun("inputs-emoji");
    const digest = "\u{1F600}".repeat(36);
    await post(path, [{ name: "\u{1F600}".repeat(500), digest }]);
    expect((await stored(path)).map((i: { digest: string }) => i.digest)).toEqual([digest]);
  });

  test("a body over the limit is a 413, an unknown run a 404, a non-JSON body a 415; none writes", async () => {
    const { repo, path } = await newRun("inputs-limits");
    expect((await post(path, [{ name: "x", profile: "p".repeat(40 * 1024) }], 413)).status).toBe(413);
    expect((await post(`/v1/repos/${repo}/runs/nope`, [train], 404)).detail).toContain("nope");
    const res = await call(`${path}/inputs`, { method: "POST", headers: { "content-type": "text/plain" }, body: "[]" });
    expect(res.status).toBe(415);
    expect(await stored(path)).toEqual([]);
  });

  test("deleting a run deletes its inputs and model inputs; a new run with its id has none", async () => {
    // An id no other run has: MLflow names a run by id alone.
    const repo = uniqueRepo("inputs-delete");
    const id = repo.replaceAll(/[^A-Za-z0-9_-]/g, "_");
    const path = `/v1/repos/${repo}/runs/${id}`;
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id }))).status).toBe(201);
    await post(path, [train]);
    const runPk = Number((await api.host.query("SELECT r.pk FROM runs r JOIN repos p ON p.pk = r.repo_pk WHERE p.name = ?", [repo]))[0].pk);
    const { run } = await mlflow(`/runs/get?run_id=${id}`);
    expect(run.inputs.dataset_inputs).toHaveLength(1);
    await mlflow("/runs/log-inputs", { run_id: id, models: [{ model_id: "m-1" }] });
    const held = async () =>
      Promise.all(
        ["run_inputs", "run_model_inputs"].map(async (table) =>
          Number((await api.host.query(`SELECT count(*) AS n FROM ${table} WHERE run_pk = ?`, [runPk]))[0].n),
        ),
      );
    expect(await held()).toEqual([1, 1]);
    expect((await call(path, { method: "DELETE" })).status).toBe(204);
    expect(await held()).toEqual([0, 0]);
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id }))).status).toBe(201);
    expect(await stored(path)).toEqual([]);
  });

  test("the import restores a run's inputs, replacing them as a whole", async () => {
    const repo = uniqueRepo("inputs-import");
    const T = "2025-03-04T05:06:07.089Z";
    const run = { id: "r", status: "finished", created_at: T, updated_at: T, inputs: [train, { name: "b", digest: "d2", context: "eval" }] };
    const imported = async (r: unknown) => expect((await call(`/v1/repos/${repo}/import`, json("POST", { runs: [r] }))).status).toBe(200);
    await imported(run);
    const path = `/v1/repos/${repo}/runs/r`;
    expect((await stored(path)).map((i: { name: string }) => i.name)).toEqual(["iris", "b"]);
    await imported({ ...run, inputs: [{ name: "b", digest: "d2", context: "eval" }] });
    expect((await stored(path)).map((i: { name: string }) => i.name)).toEqual(["b"]);
    // A bad input refuses the whole import.
    const res = await call(`/v1/repos/${repo}/import`, json("POST", { runs: [{ ...run, inputs: [{ name: "" }] }] }));
    expect(res.status).toBe(400);
    expect((await stored(path)).map((i: { name: string }) => i.name)).toEqual(["b"]);
  });

  describe("through the MLflow dialect", () => {
    const dataset = {
      name: "iris",
      digest: "a1b2c3d4",
      source_type: "local",
      source: '{"uri": "/data/iris.csv"}',
      schema: SCHEMA,
      profile: '{"num_rows": 150}',
    };

    async function mlflowRun() {
      const name = `inputs ${uniqueRepo("ml")}`;
      const { experiment_id } = await mlflow("/experiments/create", { name });
      const { run } = await mlflow("/runs/create", { experiment_id, run_name: "r" });
      return { runId: run.info.run_id as string, experimentId: experiment_id as string, repo: name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-") };
    }

    test("log-inputs keeps datasets and model inputs; get-run, search-runs and /v1 read them back", async () => {
      const { runId, experimentId, repo } = await mlflowRun();
      await mlflow("/runs/log-inputs", {
        run_id: runId,
        datasets: [
          { tags: [{ key: "mlflow.data.context", value: "training" }], dataset },
          { tags: [{ key: "mlflow.data.context", value: "eval" }], dataset },
          {
            tags: [
              { key: "mlflow.data.context", value: "eval" },
              { key: "owner", value: "me" },
            ],
            dataset: { ...dataset, name: "iris-eval", schema: undefined },
          },
        ],
        models: [{ model_id: "m-1" }],
      });
      const expected = [
        { tags: [{ key: "mlflow.data.context", value: "training" }], dataset },
        {
          tags: [
            { key: "mlflow.data.context", value: "eval" },
            { key: "owner", value: "me" },
          ],
          dataset: { ...dataset, name: "iris-eval", schema: undefined },
        },
      ].map((d) => JSON.parse(JSON.stringify(d)));
      const { run } = await mlflow(`/runs/get?run_id=${runId}`);
      expect(run.inputs).toEqual({ dataset_inputs: expected, model_inputs: [{ model_id: "m-1" }] });
      const { runs } = await mlflow("/runs/search", { experiment_ids: [experimentId] });
      expect(runs[0].inputs).toEqual({ dataset_inputs: expected });
      const native = await (await call(`/v1/repos/${repo}/runs/${runId}`)).json();
      expect(native.inputs.map((i: { name: string; context: string; tags: object }) => [i.name, i.context, i.tags])).toEqual([
        ["iris", "training", {}],
        ["iris-eval", "eval", { owner: "me" }],
      ]);
    });

    const badMlflow: [string, unknown][] = [
      ["a digest too long", [{ dataset: { ...dataset, digest: "d".repeat(37) } }]],
      ["no source", [{ dataset: { ...dataset, source: undefined } }]],
      ["a tag value too long", [{ tags: [{ key: "k", value: "v".repeat(501) }], dataset }]],
      [
        "a repeated tag key",
        [
          {
            tags: [
              { key: "k", value: "a" },
              { key: "k", value: "b" },
            ],
            dataset,
          },
        ],
      ],
      ["a good dataset beside a bad one", [{ dataset }, { dataset: { ...dataset, name: "" } }]],
    ];
    test.each(badMlflow)("%s is INVALID_PARAMETER_VALUE and keeps nothing", async (_, datasets) => {
      const { runId } = await mlflowRun();
      const body = await mlflow("/runs/log-inputs", { run_id: runId, datasets }, 400);
      expect(body.error_code).toBe("INVALID_PARAMETER_VALUE");
      expect((await mlflow(`/runs/get?run_id=${runId}`)).run.inputs.dataset_inputs).toEqual([]);
    });

    test("a deleted run takes no inputs; an unknown run is RESOURCE_DOES_NOT_EXIST", async () => {
      const { runId } = await mlflowRun();
      await mlflow("/runs/delete", { run_id: runId });
      expect((await mlflow("/runs/log-inputs", { run_id: runId, datasets: [{ dataset }] }, 400)).error_code).toBe("INVALID_PARAMETER_VALUE");
      expect((await mlflow("/runs/log-inputs", { run_id: "0".repeat(32), datasets: [{ dataset }] }, 404)).error_code).toBe("RESOURCE_DOES_NOT_EXIST");
      expect((await mlflow(`/runs/get?run_id=${runId}`)).run.inputs.dataset_inputs).toEqual([]);
    });
  });
});

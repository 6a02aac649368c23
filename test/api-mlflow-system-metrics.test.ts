// MLflow's system metrics (mlflow.enable_system_metrics_logging()) land under runcamp's system/…
// names on every host: unit converted, GPU index moved into the context; MLflow reads them back
// under its own keys and units; keys outside the table (hostile ones too) keep their names.
// (The real client's run is in clients/python/tests/test_mlflow.py.)
import { beforeAll, describe, expect, test } from "vitest";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const API = "/api/2.0/mlflow";
const T0 = 1764147000000;

// What MLflow 3.x's monitors send (two samples), and where each lands in runcamp.
const LOGGED: [key: string, values: [number, number], name: string, context: Record<string, string>, stored: [number, number]][] = [
  ["system/cpu_utilization_percentage", [12.5, 40.1], "system/cpu_percent", {}, [12.5, 40.1]],
  ["system/system_memory_usage_percentage", [50.2, 50.3], "system/memory_percent", {}, [50.2, 50.3]],
  ["system/system_memory_usage_megabytes", [8123.4, 8200.1], "system/memory_used_bytes", {}, [8_123_400_000, 8_200_100_000]],
  ["system/disk_usage_percentage", [71.3, 71.3], "system/disk_usage_percent", {}, [71.3, 71.3]],
  ["system/disk_usage_megabytes", [350123.7, 350124.9], "system/disk_used_bytes", {}, [350_123_700_000, 350_124_900_000]],
  ["system/disk_available_megabytes", [140000.1, 139998.9], "system/disk_free_bytes", {}, [140_000_100_000, 139_998_900_000]],
  ["system/network_transmit_megabytes", [0.001234, 1.5], "system/net_sent_total_bytes", {}, [1234, 1_500_000]],
  ["system/network_receive_megabytes", [0.1, 2.25], "system/net_recv_total_bytes", {}, [100_000, 2_250_000]],
  ["system/gpu_0_utilization_percentage", [97, 98], "system/gpu_utilization_percent", { gpu: "0" }, [97, 98]],
  ["system/gpu_0_memory_usage_megabytes", [20480.5, 20481], "system/gpu_memory_used_bytes", { gpu: "0" }, [20_480_500_000, 20_481_000_000]],
  ["system/gpu_0_memory_usage_percentage", [25.1, 25.2], "system/gpu_memory_percent", { gpu: "0" }, [25.1, 25.2]],
  ["system/gpu_0_power_usage_watts", [250.3, 251], "system/gpu_power_w", { gpu: "0" }, [250.3, 251]],
  ["system/gpu_0_power_usage_percentage", [62.6, 62.8], "system/gpu_power_percent", { gpu: "0" }, [62.6, 62.8]],
  ["system/gpu_13_utilization_percentage", [3, 4], "system/gpu_utilization_percent", { gpu: "13" }, [3, 4]],
  // ROCm reports gigabytes.
  ["system/gpu_1_memory_usage_gigabytes", [1.5, 2.25], "system/gpu_memory_used_bytes", { gpu: "1" }, [1_500_000_000, 2_250_000_000]],
];

// Outside the table: each keeps its name, the empty context and its value.
const KEPT = [
  "system/gpu_x_utilization_percentage",
  "system/gpu_99999999999999999999_utilization_percentage",
  "system/gpu_01_utilization_percentage",
  "system/gpu_0_temperature",
  "system/gpu_0_",
  "system/",
  "system/node_0/cpu_utilization_percentage",
  "system/cpu_utilization_percentage/extra",
  "system/__proto__",
  "system/toString",
  "system/gpu_0_constructor",
  "cpu_utilization_percentage",
];

describe.each(apiHosts)("MLflow system metrics on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const name = `MLflow System ${uniqueRepo("x")}`;
  const repo = name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
  let experimentId = "";

  async function ok(path: string, body?: unknown) {
    const res = await call(`${API}${path}`, body === undefined ? undefined : json("POST", body));
    expect(res.status, path).toBe(200);
    return res.json();
  }
  const newRun = async (experiment = experimentId) => (await ok("/runs/create", { experiment_id: experiment })).run.info.run_id as string;
  const nativeSeries = async (runId: string, inRepo = repo) =>
    ((await (await call(`/v1/repos/${inRepo}/runs/${runId}/metrics`)).json()).items as { name: string; context: object; min: number; last: number }[]).map(
      (s) => ({ name: s.name, context: s.context, min: s.min, last: s.last }),
    );
  const history = async (runId: string, key: string) =>
    (await ok(`/metrics/get-history?run_id=${runId}&metric_key=${encodeURIComponent(key)}`)).metrics.map((m: { key: string; value: number; step: number }) => [
      m.key,
      m.step,
      m.value,
    ]);

  beforeAll(async () => {
    experimentId = (await ok("/experiments/create", { name })).experiment_id;
  });

  test("log-batch: each key of the table lands in its runcamp series, in runcamp's unit, the GPU index in the context", async () => {
    const runId = await newRun();
    await ok("/runs/log-batch", {
      run_id: runId,
      metrics: LOGGED.flatMap(([key, values]) => values.map((value, step) => ({ key, value, timestamp: T0 + step * 10_000, step }))),
    });
    const expected = LOGGED.map(([, , name, context, stored]) => ({ name, context, min: Math.min(...stored), last: stored[1] }));
    const sort = (xs: { name: string; context: object }[]) =>
      xs.sort((a, b) => `${a.name}${JSON.stringify(a.context)}`.localeCompare(`${b.name}${JSON.stringify(b.context)}`));
    expect(sort(await nativeSeries(runId))).toEqual(sort(expected));

    // Read through MLflow: MLflow's keys and values, exactly as sent; ROCm's gigabytes as megabytes.
    for (const [key, values] of LOGGED.filter(([key]) => !key.endsWith("gigabytes")))
      expect(await history(runId, key), key).toEqual(values.map((value, step) => [key, step, value]));
    expect(await history(runId, "system/gpu_1_memory_usage_gigabytes")).toEqual([
      ["system/gpu_1_memory_usage_gigabytes", 0, 1.5],
      ["system/gpu_1_memory_usage_gigabytes", 1, 2.25],
    ]);
    expect(await history(runId, "system/gpu_1_memory_usage_megabytes")).toEqual([
      ["system/gpu_1_memory_usage_megabytes", 0, 1500],
      ["system/gpu_1_memory_usage_megabytes", 1, 2250],
    ]);
    // runcamp's own names read too, in runcamp's unit.
    expect(await history(runId, "system/memory_used_bytes")).toEqual([
      ["system/memory_used_bytes", 0, 8_123_400_000],
      ["system/memory_used_bytes", 1, 8_200_100_000],
    ]);
    const { run } = await ok(`/runs/get?run_id=${runId}`);
    const latest = Object.fromEntries(run.data.metrics.map((m: { key: string; value: number }) => [m.key, m.value]));
    expect(latest).toEqual({
      ...Object.fromEntries(LOGGED.filter(([key]) => !key.endsWith("gigabytes")).map(([key, values]) => [key, values[1]])),
      "system/gpu_1_memory_usage_megabytes": 2250,
    });
    const bulk = await ok(`/metrics/get-history-bulk-interval?run_ids=${runId}&metric_key=${encodeURIComponent("system/gpu_0_power_usage_watts")}`);
    expect(bulk.metrics.map((m: { value: number; run_id: string }) => [m.value, m.run_id])).toEqual([
      [250.3, runId],
      [251, runId],
    ]);
  });

  test("log-metric maps the same way; search filters and sorts by MLflow's keys in MLflow's units", async () => {
    // An experiment of its own: the search sees these two runs only.
    const searched = (await ok("/experiments/create", { name: `${name} search` })).experiment_id;
    const small = await newRun(searched);
    const large = await newRun(searched);
    for (const [runId, mb, util] of [
      [small, 1000.5, 10],
      [large, 64000.2, 90],
    ] as const) {
      await ok("/runs/log-metric", { run_id: runId, key: "system/system_memory_usage_megabytes", value: mb, timestamp: T0, step: 0 });
      await ok("/runs/log-metric", { run_id: runId, key: "system/gpu_2_utilization_percentage", value: util, timestamp: T0, step: 0 });
    }
    expect(await nativeSeries(small, `${repo}-search`)).toEqual(
      expect.arrayContaining([
        { name: "system/memory_used_bytes", context: {}, min: 1_000_500_000, last: 1_000_500_000 },
        { name: "system/gpu_utilization_percent", context: { gpu: "2" }, min: 10, last: 10 },
      ]),
    );
    const ids = async (body: object) =>
      (await ok("/runs/search", { experiment_ids: [searched], ...body })).runs.map((r: { info: { run_id: string } }) => r.info.run_id);
    expect(await ids({ filter: "metrics.`system/system_memory_usage_megabytes` > 1000.5" })).toEqual([large]);
    expect(await ids({ filter: "metrics.`system/system_memory_usage_megabytes` = 1000.5" })).toEqual([small]);
    expect(await ids({ filter: "metrics.`system/gpu_2_utilization_percentage` < 50" })).toEqual([small]);
    expect(await ids({ filter: "metrics.`system/gpu_3_utilization_percentage` < 50" })).toEqual([]);
    expect(
      await ids({ filter: "metrics.`system/gpu_2_utilization_percentage` >= 0", order_by: ["metrics.`system/system_memory_usage_megabytes` DESC"] }),
    ).toEqual([large, small]);
  });

  test("keys outside the table, hostile ones too, keep their names, the empty context and their values", async () => {
    const runId = await newRun();
    await ok("/runs/log-batch", { run_id: runId, metrics: KEPT.map((key, i) => ({ key, value: i + 0.5, timestamp: T0, step: 0 })) });
    const sort = (xs: { name: string }[]) => xs.sort((a, b) => a.name.localeCompare(b.name));
    expect(sort(await nativeSeries(runId))).toEqual(sort(KEPT.map((name, i) => ({ name, context: {}, min: i + 0.5, last: i + 0.5 }))));
    for (const [i, key] of KEPT.entries()) expect(await history(runId, key), key).toEqual([[key, 0, i + 0.5]]);
    const { run } = await ok(`/runs/get?run_id=${runId}`);
    expect(run.data.metrics.map((m: { key: string }) => m.key).sort()).toEqual([...KEPT].sort());
  });

  test("series logged through /v1 read in MLflow under MLflow's keys where the table has one, else as they are", async () => {
    const runId = await newRun();
    const point = (name: string, value: number, context: object = {}) => ({ name, context, step: 0, value, time: T0 / 1000 });
    const res = await call(
      `/v1/repos/${repo}/runs/${runId}/metrics`,
      json("POST", {
        points: [
          point("system/cpu_percent", 33),
          point("system/memory_used_bytes", 4_000_000_000),
          point("system/process_rss_bytes", 123_456),
          point("system/gpu_power_percent", 55, { gpu: "3" }),
          point("system/gpu_power_w", 100, { gpu: "0", host: "a" }),
          point("system/gpu_power_w", 120, { gpu: 1 }),
        ],
      }),
    );
    expect(res.status).toBe(200);
    const { run } = await ok(`/runs/get?run_id=${runId}`);
    expect(Object.fromEntries(run.data.metrics.map((m: { key: string; value: number }) => [m.key, m.value]))).toEqual({
      "system/cpu_utilization_percentage": 33,
      "system/system_memory_usage_megabytes": 4000,
      "system/process_rss_bytes": 123_456,
      "system/gpu_3_power_usage_percentage": 55,
      'system/gpu_power_w{"gpu":"0","host":"a"}': 100,
      'system/gpu_power_w{"gpu":1}': 120,
    });
    expect(await history(runId, "system/gpu_3_power_usage_percentage")).toEqual([["system/gpu_3_power_usage_percentage", 0, 55]]);
    // A series stored under MLflow's own name (logged before runcamp mapped them) is still found by it.
    const older = await newRun();
    await call(`/v1/repos/${repo}/runs/${older}/metrics`, json("POST", { points: [point("system/cpu_utilization_percentage", 7)] }));
    expect(await history(older, "system/cpu_utilization_percentage")).toEqual([["system/cpu_utilization_percentage", 0, 7]]);
  });

  test("a batch with a system metric and a bad one lands nothing", async () => {
    const runId = await newRun();
    const res = await call(
      `${API}/runs/log-batch`,
      json("POST", {
        run_id: runId,
        metrics: [
          { key: "system/cpu_utilization_percentage", value: 5, timestamp: T0, step: 0 },
          { key: "system/gpu_0_utilization_percentage", value: 5, timestamp: T0, step: -1 },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error_code).toBe("INVALID_PARAMETER_VALUE");
    expect(await nativeSeries(runId)).toEqual([]);
  });
});

// Search and campaign-summary benchmarks (targets: search 10,000 runs with a param +
// metric filter ≤ 20 ms; campaign summary over 1,000 runs ≤ 50 ms), run by bench/run.ts
// against its server. Builds its own repo over HTTP: runs with params, a few points of a
// val loss each (so the series summary exists), and test accuracies for the campaign runs,
// which are finished.
import { createCampaign as createCampaignService } from "../src/api/campaigns/service.ts";
import { ingestPoints } from "../src/api/metrics/service.ts";
import { createRun, patchRun } from "../src/api/runs/service.ts";
import { putValues } from "../src/api/values/service.ts";
import { prng } from "../test/support/prng.ts"; // every bench run builds the same data
import type { Row } from "./run.ts";
import { inProcessDeps } from "./server.ts";
import { type Call, timeGets } from "./timing.ts";

const REPO = "search-bench";
const LRS = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2];
const AUGS = ["none", "flip", "crop", "mixup"];
const SEARCH = 'params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2';

/** Runs `task(i)` for i in [0, count) with `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** The search this file times, over the runs it creates: bench/load.ts repeats it under load. */
export const SEARCH_PATH = `/v1/repos/${REPO}/runs?${new URLSearchParams({ filter: SEARCH, limit: "100" })}`;

/** A run's deterministic spec: its params, the floor of its val loss, its test accuracy. */
function runSpecs(count: number) {
  const random = prng(42);
  return Array.from({ length: count }, (_, i) => {
    const lr = LRS[Math.floor(random() * LRS.length)];
    const aug = AUGS[Math.floor(random() * AUGS.length)];
    const floor = 0.05 + random() * 0.9; // the val loss's minimum
    return { i, lr, aug, floor, acc: 0.7 + random() * 0.25, nan: random() < 0.02 };
  });
}

/** The bench repo's campaign, which runs below `campaignRuns` join. */
const CAMPAIGN = { id: "grid", name: "augmentation grid", params: { lrs: LRS, augs: AUGS } };
export const createCampaign = (call: Call) => call("POST", `/v1/repos/${REPO}/campaigns`, CAMPAIGN);

// A campaign's runs are finished: the summary counts finished runs unless asked otherwise.
const FINISHED = { status: "finished" as const };

/** What run `s.i` of the bench repo is made of: its record, its val-loss points, and (in the campaign) its test accuracy. */
function benchRun(s: ReturnType<typeof runSpecs>[number], campaignRuns: number) {
  const id = `run-${String(s.i).padStart(6, "0")}`;
  const inCampaign = s.i < campaignRuns;
  return {
    id,
    record: {
      id,
      experiment: "resnet",
      params: { lr: s.lr, aug: s.aug, seed: s.i % 5, optimizer: { name: "sgd", momentum: 0.9 }, epochs: 5 },
      tags: s.i % 10 === 0 ? ["baseline"] : [],
      ...(inCampaign ? { campaign: "grid" } : {}),
    },
    losses: Array.from({ length: 5 }, (_, step) => (s.nan && step === 4 ? Number.NaN : s.floor + (4 - step) * 0.1)),
    values: inCampaign ? [{ name: "acc", context: { subset: "test" }, value: s.acc }] : [],
  };
}

/** Creates runs [from, to) of the bench repo over HTTP, 16 in flight; the first `campaignRuns` of all join the campaign. */
export async function createBenchRuns(call: Call, from: number, to: number, campaignRuns: number): Promise<void> {
  const specs = runSpecs(to);
  await pool(to - from, 16, async (k) => {
    const run = benchRun(specs[from + k], campaignRuns);
    await call("POST", `/v1/repos/${REPO}/runs`, run.record);
    const values = run.losses.map((x) => (Number.isNaN(x) ? "NaN" : x));
    await call("POST", `/v1/repos/${REPO}/runs/${run.id}/metrics`, { series: [{ name: "loss", context: { subset: "val" }, steps: [0, 1, 2, 3, 4], values }] });
    if (run.values.length) {
      await call("PUT", `/v1/repos/${REPO}/runs/${run.id}/values`, run.values);
      await call("PATCH", `/v1/repos/${REPO}/runs/${run.id}`, FINISHED);
    }
  });
}

/**
 * The same runs written in-process through the services into the database at `url` (no
 * server may have it open), with synchronous=OFF: 10^5 runs over HTTP take 10-15 minutes
 * on this machine (~170-210 runs/s), and how they were written does not change what a search of them costs.
 */
export async function seedBenchRuns(url: string, from: number, to: number, campaignRuns: number): Promise<void> {
  const deps = await inProcessDeps(url);
  await deps.client.execute("PRAGMA synchronous = OFF");
  try {
    if (from === 0) await createCampaignService(deps, REPO, CAMPAIGN);
    const specs = runSpecs(to);
    for (let i = from; i < to; i++) {
      const run = benchRun(specs[i], campaignRuns);
      await createRun(deps, REPO, run.record);
      const points = run.losses.map((value, step) => ({ name: "loss", context: '{"subset":"val"}', step, value, epoch: null, time: Date.now() / 1000 }));
      await ingestPoints(deps, REPO, run.id, points, "refuse");
      if (run.values.length) {
        await putValues(deps, REPO, run.id, run.values);
        await patchRun(deps, REPO, run.id, FINISHED);
      }
    }
  } finally {
    deps.client.close();
  }
}

export const SUMMARY_PATH = `/v1/repos/${REPO}/campaigns/grid/summary?group_by=aug,lr`;

/** The summary's row count; none would mean it is timing an empty answer, which fails the bench. */
export async function summaryRowCount(call: Call): Promise<number> {
  const rows = ((await call("GET", SUMMARY_PATH)) as { rows: unknown[] }).rows.length;
  if (!rows) throw new Error("The campaign summary has no rows: the bench's campaign runs are not being counted.");
  return rows;
}

export async function benchSearchAndSummary(call: Call, scale: number): Promise<Row[]> {
  const rows: Row[] = [];
  const runCount = Math.max(100, Math.round(10_000 * scale));
  const campaignRuns = Math.min(runCount, Math.max(20, Math.round(1_000 * scale)));

  console.log(`creating ${runCount} runs with params and a val loss series (${campaignRuns} in a campaign)...`);
  await createCampaign(call);
  const t0 = performance.now();
  await createBenchRuns(call, 0, runCount, campaignRuns);
  const setupSeconds = (performance.now() - t0) / 1000;
  rows.push({
    what: `Setup: ${runCount.toLocaleString("en")} runs created over HTTP, each with params and 5 val-loss points (16 in flight)`,
    result: `${(runCount / setupSeconds).toFixed(0)} runs/s`,
    target: "(setup; no target)",
    ok: null,
  });

  const searchPath = SEARCH_PATH;
  const matched = ((await call("GET", searchPath)) as { items: unknown[] }).items.length;
  const search = await timeGets(call, searchPath, 30);
  rows.push({
    what: `Search ${runCount.toLocaleString("en")} runs: \`${SEARCH}\`, limit 100 (${matched} on the page)`,
    result: `p50 ${search.p50.toFixed(2)} ms, p95 ${search.p95.toFixed(2)} ms`,
    target: "≤ 20 ms",
    ok: search.p50 <= 20,
  });

  const summaryRows = await summaryRowCount(call);
  const summary = await timeGets(call, SUMMARY_PATH, 30);
  rows.push({
    what: `Campaign summary over ${campaignRuns.toLocaleString("en")} runs (group_by=aug,lr, ${summaryRows} rows)`,
    result: `p50 ${summary.p50.toFixed(2)} ms, p95 ${summary.p95.toFixed(2)} ms`,
    target: "≤ 50 ms",
    ok: summary.p50 <= 50,
  });
  return rows;
}

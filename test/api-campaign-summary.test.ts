// GET /campaigns/{campaign}/summary: statistics checked against values computed here, with
// t quantiles from a printed table.
import { beforeAll, describe, expect, test } from "vitest";
import { describeSample } from "../src/api/campaigns/summary/stats.ts";
import { t975 } from "../src/lib/student-t.ts";
import { FORMULA_TEXTS, parseCsv } from "./support/csv.ts";
import { hostsWithSqld, json, uniqueRepo, useHost } from "./support/hosts.ts";

// t_{0.975, n-1} from a t table, by sample size n.
const T_TABLE: Record<number, number> = { 2: 12.706, 3: 4.303, 4: 3.182, 5: 2.776, 6: 2.571 };

function expectedStats(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const std = n < 2 ? null : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return { n, mean, std, min: Math.min(...xs), max: Math.max(...xs), ci95: std === null ? null : (T_TABLE[n] * std) / Math.sqrt(n) };
}

type Wire = number | "NaN" | "Infinity" | "-Infinity" | null;

interface Row {
  group: Record<string, unknown>;
  metric: string;
  context: Record<string, unknown>;
  n: number;
  nan: number;
  mean: Wire;
  std: Wire;
  min: Wire;
  max: Wire;
  ci95: Wire;
}

/** The row matches the statistics of xs: exact for n/mean/min/max, 1e-9 for std, the table's 3 decimals for ci95. */
function expectStats(row: Row | undefined, xs: number[], nan = 0) {
  expect(row, "row exists").toBeDefined();
  const e = expectedStats(xs);
  expect(row!.n).toBe(e.n);
  expect(row!.nan).toBe(nan);
  expect(row!.mean as number).toBeCloseTo(e.mean, 12);
  expect(row!.min).toBe(e.min);
  expect(row!.max).toBe(e.max);
  if (e.std === null) {
    expect(row!.std).toBeNull();
    expect(row!.ci95).toBeNull();
  } else {
    expect(Math.abs((row!.std as number) - e.std)).toBeLessThan(1e-9 * Math.max(1, e.std));
    expect(Math.abs((row!.ci95 as number) - e.ci95!)).toBeLessThan(1e-3 * e.ci95!);
  }
}

interface RunSpec {
  id: string;
  params: Record<string, unknown>;
  acc?: unknown; // value acc{subset:"test"}
  loss?: (number | "NaN" | "Infinity")[]; // series loss{subset:"val"}, steps 0..
  extra?: { name: string; context?: Record<string, string>; value: unknown }[];
  archived?: boolean;
  /** Default finished: the summary counts finished runs unless told otherwise. */
  status?: "running" | "finished" | "failed" | "killed";
}

const TEST = { subset: "test" };
const VAL = { subset: "val" };

// aug=flip: 3 seeds (the last loss of s3 is NaN), aug=none: 2 seeds, aug=crop: 1 seed.
// opt.lr is the same everywhere, so only aug and seed vary.
const GRID: RunSpec[] = [
  {
    id: "flip-1",
    params: { aug: "flip", seed: 1, opt: { lr: 0.1 } },
    acc: 0.91,
    loss: [0.9, 0.2, 0.3],
    extra: [
      { name: "report", value: { f1: 0.9 } },
      { name: "note", value: "ok" },
    ],
  },
  { id: "flip-2", params: { aug: "flip", seed: 2, opt: { lr: 0.1 } }, acc: 0.93, loss: [0.8, 0.25] },
  { id: "flip-3", params: { aug: "flip", seed: 3, opt: { lr: 0.1 } }, acc: 0.96, loss: [0.7, 0.22, "NaN"] },
  { id: "none-1", params: { aug: "none", seed: 1, opt: { lr: 0.1 } }, acc: 0.88, loss: [1.0, 0.4] },
  { id: "none-2", params: { aug: "none", seed: 2, opt: { lr: 0.1 } }, acc: 0.9, loss: [0.95, 0.45, 0.5] },
  { id: "crop-1", params: { aug: "crop", seed: 1, opt: { lr: 0.1 } }, acc: 0.8, loss: [0.6] },
  // Archived: left out of every summary.
  { id: "flip-9", params: { aug: "flip", seed: 9, opt: { lr: 0.1 }, odd: true }, acc: 0.1, loss: [9], archived: true },
];

describe.each(hostsWithSqld)("campaign summary on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const repo = uniqueRepo("summary-grid");

  async function ok(path: string, init?: RequestInit, status = 200) {
    const res = await call(path, init);
    expect(res.status, `${init?.method ?? "GET"} ${path}`).toBe(status);
    return res.json();
  }

  async function addRuns(campaign: string, specs: RunSpec[]) {
    for (const spec of specs) {
      await ok(`/v1/repos/${repo}/runs`, json("POST", { id: spec.id, params: spec.params, campaign }), 201);
      const values = [...(spec.acc === undefined ? [] : [{ name: "acc", context: TEST, value: spec.acc }]), ...(spec.extra ?? [])];
      if (values.length) await ok(`/v1/repos/${repo}/runs/${spec.id}/values`, json("PUT", values));
      if (spec.loss) {
        const points = spec.loss.map((value, step) => ({ name: "loss", context: VAL, step, value }));
        await ok(`/v1/repos/${repo}/runs/${spec.id}/metrics`, json("POST", { points }));
      }
      if (spec.archived) await ok(`/v1/repos/${repo}/runs/${spec.id}`, json("PATCH", { archived: true }));
      const status = spec.status ?? "finished";
      if (status !== "running") await ok(`/v1/repos/${repo}/runs/${spec.id}`, json("PATCH", { status }));
    }
  }

  beforeAll(async () => {
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "grid", name: "augmentation grid", params: { seeds: 3 } }), 201);
    await addRuns("grid", GRID);
  });

  const summaryUrl = (campaign: string, query: Record<string, string> = {}) => `/v1/repos/${repo}/campaigns/${campaign}/summary?${new URLSearchParams(query)}`;
  const summary = (query: Record<string, string> = {}, campaign = "grid") => ok(summaryUrl(campaign, query));
  const find = (rows: Row[], group: Record<string, unknown>, metric: string, context: Record<string, unknown> = metric === "acc" ? TEST : VAL) =>
    rows.find((r) => JSON.stringify(r.group) === JSON.stringify(group) && r.metric === metric && JSON.stringify(r.context) === JSON.stringify(context));

  test("group_by=aug: stats per group, NaN last values left out and counted", async () => {
    const body = await summary({ group_by: "aug" });
    expect(body.campaign).toBe("grid");
    expect(body.group_by).toEqual(["aug"]);
    expect(body.select).toBe("last");
    // Sorted by group (crop < flip < none), then metric, then context.
    expect(body.rows.map((r: Row) => `${r.group.aug}/${r.metric}`)).toEqual(["crop/acc", "crop/loss", "flip/acc", "flip/loss", "none/acc", "none/loss"]);
    expectStats(find(body.rows, { aug: "flip" }, "acc"), [0.91, 0.93, 0.96]);
    expectStats(find(body.rows, { aug: "flip" }, "loss"), [0.3, 0.25], 1);
    expectStats(find(body.rows, { aug: "none" }, "acc"), [0.88, 0.9]);
    expectStats(find(body.rows, { aug: "none" }, "loss"), [0.4, 0.5]);
    // A group of one run: no spread, so std and ci95 are null.
    expectStats(find(body.rows, { aug: "crop" }, "acc"), [0.8]);
    expect(find(body.rows, { aug: "crop" }, "loss")).toMatchObject({ n: 1, std: null, ci95: null, mean: 0.6 });
    // Non-numeric values (an object, a string) produce no rows.
    expect(body.rows.some((r: Row) => r.metric === "report" || r.metric === "note")).toBe(false);
  });

  test("group_by takes param paths as filters write them: params.aug is aug", async () => {
    const bare = await summary({ group_by: "aug,opt.lr" });
    const prefixed = await summary({ group_by: "params.aug,params.opt.lr" });
    expect(prefixed).toEqual(bare);
    expect(prefixed.group_by).toEqual(["aug", "opt.lr"]);
    // The same path twice, spelled both ways, is one group column.
    expect((await summary({ group_by: "aug,params.aug" })).group_by).toEqual(["aug"]);
  });

  test("select=min and select=max read the series summaries; values ignore select", async () => {
    const min = await summary({ group_by: "aug", select: "min" });
    expect(min.select).toBe("min");
    // min skips NaN points, so flip-3 counts with 0.22.
    expectStats(find(min.rows, { aug: "flip" }, "loss"), [0.2, 0.25, 0.22]);
    expectStats(find(min.rows, { aug: "none" }, "loss"), [0.4, 0.45]);
    expectStats(find(min.rows, { aug: "flip" }, "acc"), [0.91, 0.93, 0.96]);
    const max = await summary({ group_by: "aug", select: "max" });
    expectStats(find(max.rows, { aug: "flip" }, "loss"), [0.9, 0.8, 0.7]);
    expectStats(find(max.rows, { aug: "none" }, "loss"), [1.0, 0.95]);
  });

  test("without group_by: the params that differ across the runs (aug, not the constant opt.lr), the repetition param seed pooled", async () => {
    const body = await summary();
    expect(body.group_by).toEqual(["aug"]);
    expect(body.pooled).toEqual(["seed"]);
    expect(body.rows.map((r: Row) => [r.group, r.metric, r.n])).toEqual([
      [{ aug: "crop" }, "acc", 1],
      [{ aug: "crop" }, "loss", 1],
      [{ aug: "flip" }, "acc", 3],
      [{ aug: "flip" }, "loss", 2],
      [{ aug: "none" }, "acc", 2],
      [{ aug: "none" }, "loss", 2],
    ]);
    expect(find(body.rows, { aug: "flip" }, "loss")).toMatchObject({ nan: 1 });
    // Asked for by name, seed groups like any other param, and nothing is pooled.
    const bySeed = await summary({ group_by: "aug,seed" });
    expect(bySeed.pooled).toEqual([]);
    expect(find(bySeed.rows, { aug: "flip", seed: 3 }, "loss")).toMatchObject({ n: 0, nan: 1, mean: null, std: null, min: null, max: null, ci95: null });
  });

  test("repetition params by name: seed, split, fold, alone or after _ or -, any case; not split_ratio or seeds", async () => {
    const runs = [
      { Random_Seed: 1, data: { split: "a" }, "cv-fold": 0, split_ratio: 0.8, seeds: 1 },
      { Random_Seed: 2, data: { split: "b" }, "cv-fold": 1, split_ratio: 0.9, seeds: 2 },
    ];
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "reps", name: "repetitions" }), 201);
    await addRuns(
      "reps",
      runs.map((params, i) => ({ id: `rep-${i}`, params, acc: 0.5 + i / 10 })),
    );
    const body = await summary({}, "reps");
    expect(body.group_by).toEqual(["seeds", "split_ratio"]);
    expect(body.pooled).toEqual(["Random_Seed", "cv-fold", "data.split"]);
  });

  test("an empty group_by puts every run in one group", async () => {
    const body = await summary({ group_by: "" });
    expect(body.group_by).toEqual([]);
    expect(body.rows.map((r: Row) => r.metric)).toEqual(["acc", "loss"]);
    expectStats(find(body.rows, {}, "acc"), [0.91, 0.93, 0.96, 0.88, 0.9, 0.8]);
    expectStats(find(body.rows, {}, "loss"), [0.3, 0.25, 0.4, 0.5, 0.6], 1);
  });

  test("explicit group_by: several paths, a nested path, an object-valued path", async () => {
    const two = await summary({ group_by: "seed, aug", metrics: "acc" });
    expect(two.group_by).toEqual(["seed", "aug"]);
    expect(two.rows.map((r: Row) => r.group)).toEqual([
      { seed: 1, aug: "crop" },
      { seed: 1, aug: "flip" },
      { seed: 1, aug: "none" },
      { seed: 2, aug: "flip" },
      { seed: 2, aug: "none" },
      { seed: 3, aug: "flip" },
    ]);
    const nested = await summary({ group_by: "opt.lr", metrics: "acc" });
    expect(nested.rows).toHaveLength(1);
    expectStats(find(nested.rows, { "opt.lr": 0.1 }, "acc"), [0.91, 0.93, 0.96, 0.88, 0.9, 0.8]);
    const object = await summary({ group_by: "opt", metrics: "acc" });
    expect(object.rows.map((r: Row) => r.group)).toEqual([{ opt: { lr: 0.1 } }]);
  });

  test("metrics and contexts narrow the rows", async () => {
    const acc = await summary({ group_by: "aug", metrics: "acc" });
    expect(acc.rows.map((r: Row) => r.metric)).toEqual(["acc", "acc", "acc"]);
    const both = await summary({ group_by: "aug", metrics: "loss,acc,missing" });
    expect(both.rows).toHaveLength(6);
    const val = await summary({ group_by: "aug", contexts: JSON.stringify([VAL]) });
    expect(val.rows.map((r: Row) => r.metric)).toEqual(["loss", "loss", "loss"]);
    const single = await summary({ group_by: "aug", contexts: JSON.stringify(TEST) });
    expect(single.rows.map((r: Row) => r.metric)).toEqual(["acc", "acc", "acc"]);
    const none = await summary({ group_by: "aug", contexts: "[{}]" });
    expect(none.rows).toEqual([]);
  });

  test("CSV: the same rows, parsed back", async () => {
    const res = await call(summaryUrl("grid", { group_by: "aug,seed" }), { headers: { accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(["params.aug", "params.seed", "metric", "context", "n", "nan", "mean", "std", "min", "max", "ci95"]);
    const body = await summary({ group_by: "aug,seed" });
    expect(rows.length - 1).toBe(body.rows.length);
    const cell = (x: Wire) => (x === null ? "" : String(x));
    body.rows.forEach((r: Row, i: number) => {
      expect(rows[i + 1]).toEqual([
        String(r.group.aug),
        String(r.group.seed),
        r.metric,
        JSON.stringify(r.context),
        String(r.n),
        String(r.nan),
        cell(r.mean),
        cell(r.std),
        cell(r.min),
        cell(r.max),
        cell(r.ci95),
      ]);
    });
    // Numbers keep full precision.
    const grouped = parseCsv(await (await call(summaryUrl("grid", { group_by: "aug", metrics: "acc" }), { headers: { accept: "text/csv" } })).text());
    const flip = grouped.find((row) => row[0] === "flip")!;
    expect(Number(flip[5])).toBe((await summary({ group_by: "aug", metrics: "acc" })).rows[1].mean);
    // JSON stays the default, and wins when preferred.
    const prefers = await call(summaryUrl("grid"), { headers: { accept: "application/json, text/csv;q=0.5" } });
    expect(prefers.headers.get("content-type")).toMatch(/^application\/json/);
  });

  test("CSV quotes fields with commas, quotes and line breaks", async () => {
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "quotes", name: "quotes" }), 201);
    await addRuns("quotes", [
      { id: "q1", params: { tag: 'say "hi", then\nleave' }, extra: [{ name: "a,b", context: { k: 'x"y' }, value: 1 }] },
      { id: "q2", params: { tag: "plain" }, extra: [{ name: "a,b", context: { k: 'x"y' }, value: 3 }] },
    ]);
    const text = await (await call(summaryUrl("quotes"), { headers: { accept: "text/csv" } })).text();
    const rows = parseCsv(text);
    expect(rows).toEqual([
      ["params.tag", "metric", "context", "n", "nan", "mean", "std", "min", "max", "ci95"],
      ["plain", "a,b", '{"k":"x\\"y"}', "1", "0", "3", "", "3", "3", ""],
      ['say "hi", then\nleave', "a,b", '{"k":"x\\"y"}', "1", "0", "1", "", "1", "1", ""],
    ]);
  });

  test("CSV: text a spreadsheet would run as a formula starts with ', numbers stay bare whatever their sign", async () => {
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "formulas", name: "formulas" }), 201);
    // One run per dangerous text in the grouped param, each with a negative score; the
    // numeric param `n` and the string "-5" beside the number -5 show that the JSON type decides.
    const texts = FORMULA_TEXTS.map(([text]) => text);
    const numbers = [-0.5, -1e-3, -1e-7, -5];
    await addRuns("formulas", [
      ...texts.map((tag, i) => ({ id: `text-${i}`, params: { tag, n: 1 }, extra: [{ name: "=1+2", value: -(i + 1) / 4 }] })),
      ...numbers.map((n, i) => ({ id: `num-${i}`, params: { tag: n, n }, extra: [{ name: "=1+2", value: n }] })),
    ]);
    const csv = async (group_by: string) => parseCsv(await (await call(summaryUrl("formulas", { group_by }), { headers: { accept: "text/csv" } })).text());

    const byTag = await csv("tag");
    expect(byTag[0]).toEqual(["params.tag", "metric", "context", "n", "nan", "mean", "std", "min", "max", "ci95"]);
    const rows = byTag.slice(1);
    for (const [i, [, cell]] of FORMULA_TEXTS.entries()) {
      const mean = String(-(i + 1) / 4);
      expect(rows).toContainEqual([cell, "'=1+2", "{}", "1", "0", mean, "", mean, mean, ""]);
    }
    expect(rows).toContainEqual(["-5", "'=1+2", "{}", "1", "0", "-5", "", "-5", "-5", ""]);
    expect(rows).toHaveLength(FORMULA_TEXTS.length + numbers.length);
    // Cells that are numbers are written as numbers: no quote mark anywhere in a number column.
    for (const row of rows) for (const cell of row.slice(3)) expect(cell).not.toMatch(/^'/);

    const byNumber = await csv("n");
    expect(byNumber.slice(1).map((row) => row[0])).toEqual(["-5", "-0.5", "-0.001", "-1e-7", "1"]);
  });

  test("values count like metrics: NaN values are counted, ±Infinity kept, a series wins over a value of the same name", async () => {
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "vals", name: "values only" }), 201);
    await addRuns("vals", [
      {
        id: "v1",
        params: { k: 1 },
        extra: [
          { name: "f1", value: 0.5 },
          { name: "score", value: 2 },
        ],
      },
      {
        id: "v2",
        params: { k: 1 },
        extra: [
          { name: "f1", value: "NaN" },
          { name: "score", value: "Infinity" },
        ],
      },
      {
        id: "v3",
        params: { k: 1 },
        extra: [
          { name: "f1", value: 0.7 },
          { name: "score", value: 3 },
          { name: "acc", context: TEST, value: 0.5 },
        ],
        loss: [0.1],
      },
      { id: "v4", params: { k: 1 }, extra: [{ name: "f1", value: true }] },
    ]);
    // The series acc{test} of v3 must win over its value 0.5.
    await ok(`/v1/repos/${repo}/runs/v3/metrics`, json("POST", { reopen: true, points: [{ name: "acc", context: TEST, step: 0, value: 0.75 }] }));
    await ok(`/v1/repos/${repo}/runs/v3`, json("PATCH", { status: "finished" }));
    const body = await summary({}, "vals");
    expect(body.group_by).toEqual([]);
    expect(body.rows.map((r: Row) => r.metric)).toEqual(["acc", "f1", "loss", "score"]);
    expectStats(find(body.rows, {}, "f1", {}), [0.5, 0.7], 1);
    expect(find(body.rows, {}, "acc", TEST)).toMatchObject({ n: 1, mean: 0.75 });
    expect(find(body.rows, {}, "score", {})).toMatchObject({ n: 3, nan: 0, mean: "Infinity", std: "NaN", min: 2, max: "Infinity", ci95: "NaN" });
  });

  test("numbers keep full precision, values read as their JSON text; an integer value beyond 2^53 still counts", async () => {
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "precise", name: "precise" }), 201);
    await addRuns("precise", [
      {
        id: "p1",
        params: {},
        extra: [
          { name: "x", value: 0.1 + 0.2 },
          { name: "big", value: 12345678901234567000 },
          { name: "tiny", value: 5e-324 },
          // SQLite's own text-to-double conversion reads this one ulp off.
          { name: "ulp", value: 0.658908844347389 },
        ],
        loss: [1 / 3],
      },
    ]);
    const body = await summary({}, "precise");
    expect(body.rows.map((r: Row) => [r.metric, r.mean])).toEqual([
      ["big", 12345678901234567000],
      ["loss", 1 / 3],
      ["tiny", 5e-324],
      ["ulp", 0.658908844347389],
      ["x", 0.30000000000000004],
    ]);
  });

  test("a run lacking a grouping param falls in the null group, first", async () => {
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "missing", name: "missing_param" }), 201);
    await addRuns("missing", [
      { id: "m1", params: { aug: "flip" }, acc: 0.5 },
      { id: "m2", params: {}, acc: 0.6 },
      { id: "m3", params: { aug: "flip" }, acc: 0.7 },
    ]);
    const body = await summary({}, "missing");
    expect(body.group_by).toEqual(["aug"]);
    expect(body.rows.map((r: Row) => [r.group, r.n])).toEqual([
      [{ aug: null }, 1],
      [{ aug: "flip" }, 2],
    ]);
    // The campaign may be named by its name as well as its id.
    expect(await summary({}, "missing_param")).toEqual(body);
  });

  describe("run selection: status and filter", () => {
    // Two finished runs, one that crashed at epoch 2 (failed), one killed, one still running:
    // the "0.786 ± 0.570, n=3" came from counting the crashed one.
    const SELECTION: RunSpec[] = [
      { id: "sel-a", params: { lr: 0.1, seed: 1 }, acc: 0.95, loss: [0.5, 0.2] },
      { id: "sel-b", params: { lr: 0.01, seed: 2 }, acc: 0.93, loss: [0.6, 0.3] },
      { id: "sel-crashed", params: { lr: 0.1, seed: 3 }, acc: 0.47, loss: [0.9, 0.8], status: "failed" },
      { id: "sel-killed", params: { lr: 0.01, seed: 4 }, acc: 0.2, status: "killed" },
      { id: "sel-running", params: { lr: 0.1, seed: 5 }, acc: 0.6, loss: [0.7], status: "running" },
      { id: "sel-archived", params: { lr: 0.1, seed: 6 }, acc: 0.01, archived: true },
    ];
    beforeAll(async () => {
      await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "sel", name: "selection" }), 201);
      await addRuns("sel", SELECTION);
    });
    const acc = (body: { rows: Row[] }) => find(body.rows, {}, "acc");

    test("by default only finished runs count, and the answer says so", async () => {
      const body = await summary({ group_by: "" }, "sel");
      expect(body.selection).toEqual({ status: ["finished"], filter: null, runs: 2 });
      expectStats(acc(body), [0.95, 0.93]);
      expectStats(find(body.rows, {}, "loss"), [0.2, 0.3]);
    });

    test("status picks the statuses; any counts every run (archived still left out)", async () => {
      const any = await summary({ group_by: "", status: "any" }, "sel");
      expect(any.selection).toEqual({ status: null, filter: null, runs: 5 });
      expectStats(acc(any), [0.95, 0.93, 0.47, 0.2, 0.6]);
      const two = await summary({ group_by: "", status: "finished, failed" }, "sel");
      expect(two.selection.status).toEqual(["finished", "failed"]);
      expectStats(acc(two), [0.95, 0.93, 0.47]);
      expectStats(acc(await summary({ group_by: "", status: "running" }, "sel")), [0.6]);
    });

    test("filter narrows the selection; a filter naming status replaces the default", async () => {
      const lr = await summary({ group_by: "", filter: "params.lr >= 0.1" }, "sel");
      expect(lr.selection).toEqual({ status: ["finished"], filter: "params.lr >= 0.1", runs: 1 });
      expectStats(acc(lr), [0.95]);
      const failed = await summary({ group_by: "", filter: 'status in ("failed", "killed")' }, "sel");
      expect(failed.selection.status).toBeNull();
      expectStats(acc(failed), [0.47, 0.2]);
      // With an explicit status both hold.
      expectStats(acc(await summary({ group_by: "", status: "any", filter: "params.seed > 2 and not stale" }, "sel")), [0.47, 0.2, 0.6]);
      const none = await summary({ group_by: "", status: "finished", filter: 'status = "failed"' }, "sel");
      expect([none.selection.runs, none.rows]).toEqual([0, []]);
      // Archived runs come back only when the filter names archived.
      expectStats(acc(await summary({ group_by: "", filter: "archived" }, "sel")), [0.01]);
    });

    test("the default group_by is computed over the selected runs", async () => {
      const body = await summary({ metrics: "acc" }, "sel");
      expect(body.group_by).toEqual(["lr"]);
      expect(body.pooled).toEqual(["seed"]);
      expect(body.rows).toHaveLength(2);
    });

    test("CSV takes the same selection", async () => {
      const res = await call(summaryUrl("sel", { group_by: "", status: "any", metrics: "acc" }), { headers: { accept: "text/csv" } });
      const rows = parseCsv(await res.text());
      expect(rows[1].slice(0, 4)).toEqual(["acc", '{"subset":"test"}', "5", "0"]);
    });
  });

  describe("errors", () => {
    test("a group_by path no run has is a 400 on group_by", async () => {
      const res = await call(summaryUrl("grid", { group_by: "aug,optimizer.momentum" }));
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = await res.json();
      expect(body.errors).toEqual([{ path: "group_by", message: expect.stringContaining("optimizer.momentum") }]);
    });

    test.each([
      [{ select: "mean" }, "select"],
      [{ contexts: "{subset:val}" }, "contexts"],
      [{ contexts: "[1]" }, "contexts"],
      [{ contexts: "[]" }, "contexts"],
      [{ group_by: "a..b" }, "group_by"],
      [{ status: "done" }, "status"],
      [{ status: "any,finished" }, "status"],
      [{ status: "" }, "status"],
      [{ filter: "params.lr >" }, "filter"],
      [{ filter: 'status = "done"' }, "filter"],
    ])("%o is a 400", async (query, path) => {
      const res = await call(summaryUrl("grid", query as Record<string, string>));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.errors[0].path).toMatch(new RegExp(`^${path}`));
    });

    test("an empty campaign is a 200 with no rows", async () => {
      await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: "empty", name: "empty" }), 201);
      const selection = { status: ["finished"], filter: null, runs: 0 };
      expect(await summary({}, "empty")).toEqual({ campaign: "empty", group_by: [], pooled: [], select: "last", selection, rows: [] });
      expect(await summary({ group_by: "aug", select: "max" }, "empty")).toEqual({
        campaign: "empty",
        group_by: ["aug"],
        pooled: [],
        select: "max",
        selection,
        rows: [],
      });
      const csv = await (await call(summaryUrl("empty"), { headers: { accept: "text/csv" } })).text();
      expect(csv).toBe("metric,context,n,nan,mean,std,min,max,ci95\r\n");
    });

    test("an unknown campaign or repo is a 404", async () => {
      expect((await call(summaryUrl("nope"))).status).toBe(404);
      expect((await call(`/v1/repos/${uniqueRepo("summary-none")}/campaigns/grid/summary`)).status).toBe(404);
    });
  });
});

describe("statistics", () => {
  test("t quantiles match the table", () => {
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [3, 3.182],
      [4, 2.776],
      [5, 2.571],
      [9, 2.262],
      [29, 2.045],
      [120, 1.98],
    ];
    for (const [df, t] of table) expect(t975(df)).toBeCloseTo(t, 3);
    expect(t975(1e6)).toBeCloseTo(1.959964, 5);
  });

  test("describeSample", () => {
    expect(describeSample([])).toEqual({ n: 0, mean: null, std: null, min: null, max: null, ci95: null });
    expect(describeSample([3])).toEqual({ n: 1, mean: 3, std: null, min: 3, max: 3, ci95: null });
    const s = describeSample([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.ci95).toBeCloseTo((3.182446305284263 * Math.sqrt(5 / 3)) / 2, 12);
    // Huge values do not overflow the mean.
    expect(describeSample([Number.MAX_VALUE, Number.MAX_VALUE]).mean).toBe(Number.MAX_VALUE);
    expect(describeSample([-Infinity, Infinity]).mean).toBeNaN();
  });
});

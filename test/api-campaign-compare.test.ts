// GET /campaigns/{campaign}/compare: pairing (default pair_on, partners missing, duplicates,
// pair_on that does not vary, too few pairs), NaN, the baseline, CSV, and the statistics on
// one grid against numbers printed by scipy 1.17 (the Python suite checks them on thousands
// of random samples).
import { beforeAll, describe, expect, test } from "vitest";
import { holm } from "../src/api/campaigns/compare/paired-t.ts";
import { parseCsv } from "./support/csv.ts";
import { hosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const TEST = { subset: "test" };
// acc{subset:test} per split (0, 1) × seed (1, 2, 3), in that order.
const GRID: Record<string, (number | "NaN")[]> = {
  none: [0.8, 0.82, 0.79, 0.81, 0.83, 0.78],
  flip: [0.84, 0.85, 0.8, 0.86, 0.83, 0.82],
  crop: [0.81, 0.8, 0.83, 0.8, 0.84, 0.79],
};
const BLOCKS = [0, 1].flatMap((split) => [1, 2, 3].map((seed) => ({ split, seed })));

const close = (actual: unknown, expected: number, rel = 1e-12) => {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-300) + 1e-15);
};

describe.each(hosts)("campaign compare on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const repo = uniqueRepo("compare");

  async function ok(path: string, init?: RequestInit, status = 200) {
    const res = await call(path, init);
    expect(res.status, `${init?.method ?? "GET"} ${path}`).toBe(status);
    return res.json();
  }

  interface RunSpec {
    id: string;
    params: Record<string, unknown>;
    acc?: number | "NaN";
  }
  async function addCampaign(campaign: string, runs: RunSpec[]) {
    await ok(`/v1/repos/${repo}/campaigns`, json("POST", { id: campaign, name: campaign }), 201);
    for (const run of runs) {
      await ok(`/v1/repos/${repo}/runs`, json("POST", { id: `${campaign}-${run.id}`, params: run.params, campaign }), 201);
      if (run.acc !== undefined) await ok(`/v1/repos/${repo}/runs/${campaign}-${run.id}/values`, json("PUT", [{ name: "acc", context: TEST, value: run.acc }]));
      await ok(`/v1/repos/${repo}/runs/${campaign}-${run.id}`, json("PATCH", { status: "finished" }));
    }
  }
  const gridRuns = (grid: Record<string, (number | "NaN" | undefined)[]>) =>
    Object.entries(grid).flatMap(([aug, accs]) =>
      BLOCKS.map((b, i) => ({ id: `${aug}-${b.split}-${b.seed}`, params: { aug, split: b.split, seed: b.seed, lr: 0.1 }, acc: accs[i] })),
    );

  const url = (campaign: string, query: Record<string, string>) =>
    `/v1/repos/${repo}/campaigns/${campaign}/compare?${new URLSearchParams({ metric: "acc", ...query })}`;
  const compare = (campaign: string, query: Record<string, string>) => ok(url(campaign, query));
  async function problem(campaign: string, query: Record<string, string>, path: string) {
    const res = await call(url(campaign, query));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = await res.json();
    expect(body.errors[0].path).toBe(path);
    return body;
  }

  beforeAll(async () => {
    await addCampaign("grid", gridRuns(GRID));
  });

  test("pairs on the varying repetition params by default; rows match scipy", async () => {
    const body = await compare("grid", { by: "params.aug", baseline: "none" });
    expect(body).toMatchObject({ campaign: "grid", metric: "acc", context: TEST, by: "aug", baseline: "none", pair_on: ["seed", "split"], better: "higher" });
    expect(body.groups).toEqual([
      { value: "crop", runs: 6, nan: 0, missing: 0 },
      { value: "flip", runs: 6, nan: 0, missing: 0 },
      { value: "none", runs: 6, nan: 0, missing: 0 },
    ]);
    const [crop, flip] = body.rows;
    expect(crop).toMatchObject({ group: "crop", n_pairs: 6, unpaired: [], reason: null });
    expect(flip).toMatchObject({ group: "flip", n_pairs: 6, unpaired: [], reason: null });
    for (const [row, expected] of [
      [crop, SCIPY.crop],
      [flip, SCIPY.flip],
    ] as const) {
      close(row.mean_diff, expected.mean_diff);
      close(row.ci95_low, expected.ci95_low);
      close(row.ci95_high, expected.ci95_high);
      close(row.p_ttest, expected.p_ttest, 1e-9);
      close(row.p_wilcoxon, expected.p_wilcoxon, 1e-9);
      close(row.effect_size, expected.effect_size);
      expect(row.wilcoxon_method).toBe(expected.wilcoxon_method);
    }
    const holmed = holm([SCIPY.crop.p_ttest, SCIPY.flip.p_ttest]);
    close(crop.p_holm, holmed[0] as number);
    close(flip.p_holm, holmed[1] as number);
    const f = body.friedman;
    expect(f.n_blocks).toBe(6);
    close(f.statistic, SCIPY.friedman.statistic);
    close(f.p, SCIPY.friedman.p, 1e-9);
    expect(f.ranks.map((r: { group: string }) => r.group)).toEqual(["crop", "flip", "none"]);
    f.ranks.forEach((r: { rank: number }, i: number) => {
      close(r.rank, SCIPY.friedman.ranks[i]);
    });
    close(f.critical_difference, SCIPY.friedman.critical_difference, 1e-9);
  });

  test("better=lower reverses the average ranks, not the tests", async () => {
    const higher = await compare("grid", { by: "aug", baseline: "none" });
    const lower = await compare("grid", { by: "aug", baseline: "none", better: "lower" });
    expect(lower.rows).toEqual(higher.rows);
    lower.friedman.ranks.forEach((r: { rank: number }, i: number) => {
      close(r.rank, 4 - higher.friedman.ranks[i].rank);
    });
  });

  test("the baseline: JSON or a bare string; default the first group; none matching is a 400", async () => {
    expect((await compare("grid", { by: "aug" })).baseline).toBe("crop");
    expect((await compare("grid", { by: "aug", baseline: '"flip"' })).rows.map((r: { group: string }) => r.group)).toEqual(["crop", "none"]);
    const body = await problem("grid", { by: "aug", baseline: "mixup" }, "baseline");
    expect(body.detail).toContain('the groups are "crop", "flip", "none"');
  });

  test("runs without a partner are listed on their side", async () => {
    const grid = { none: [...GRID.none], flip: [...GRID.flip] as (number | undefined)[] };
    grid.flip[5] = undefined; // flip split 1 seed 3 has no acc: its baseline partner is left alone
    await addCampaign("partial", [...gridRuns(grid), { id: "flip-2-1", params: { aug: "flip", split: 2, seed: 1, lr: 0.1 }, acc: 0.9 }]);
    const body = await compare("partial", { by: "aug", baseline: "none" });
    expect(body.groups).toEqual([
      { value: "flip", runs: 7, nan: 0, missing: 1 },
      { value: "none", runs: 6, nan: 0, missing: 0 },
    ]);
    expect(body.rows[0].n_pairs).toBe(5);
    expect(body.rows[0].unpaired).toEqual([
      { run: "partial-flip-2-1", side: "group", pair: { seed: 1, split: 2 } },
      { run: "partial-none-1-3", side: "baseline", pair: { seed: 3, split: 1 } },
    ]);
    expect(body.friedman).toBeNull();
  });

  test("NaN results are counted and left out of the pairs", async () => {
    const grid = { none: [...GRID.none], flip: [...GRID.flip] as (number | "NaN")[] };
    grid.flip[0] = "NaN";
    await addCampaign("nan", gridRuns(grid));
    const body = await compare("nan", { by: "aug", baseline: "none" });
    expect(body.groups[0]).toEqual({ value: "flip", runs: 6, nan: 1, missing: 0 });
    expect(body.rows[0].n_pairs).toBe(5);
    expect(body.rows[0].unpaired).toEqual([{ run: "nan-none-0-1", side: "baseline", pair: { seed: 1, split: 0 } }]);
  });

  test("two runs of one group with the same pair_on values are a 400 naming both", async () => {
    await addCampaign("dup", [
      ...gridRuns({ none: GRID.none, flip: GRID.flip }),
      { id: "flip-again", params: { aug: "flip", split: 0, seed: 1, lr: 0.2 }, acc: 0.9 },
    ]);
    const body = await problem("dup", { by: "aug", pair_on: "split,seed" }, "pair_on");
    expect(body.detail).toContain("dup-flip-0-1");
    expect(body.detail).toContain("dup-flip-again");
    // lr tells them apart, and then pairs nothing across groups: every run is listed.
    const byLr = await compare("dup", { by: "aug", pair_on: "split,seed,lr", baseline: "none" });
    expect(byLr.rows[0]).toMatchObject({ n_pairs: 6, reason: null });
    expect(byLr.rows[0].unpaired).toEqual([{ run: "dup-flip-again", side: "group", pair: { lr: 0.2, seed: 1, split: 0 } }]);
  });

  test("pair_on naming a param that does not vary, the by param, or nothing to pair on is a 400", async () => {
    const constant = await problem("grid", { by: "aug", pair_on: "seed,lr" }, "pair_on");
    expect(constant.detail).toContain("params.lr");
    expect(constant.errors[0].message).toBe(`does not vary across the selected runs: "params.lr"`);
    await problem("grid", { by: "aug", pair_on: "params.nope" }, "pair_on");
    await problem("grid", { by: "aug", pair_on: "aug,seed" }, "pair_on");
    await problem("grid", { by: "lr" }, "by");
    await addCampaign("noreps", [
      { id: "a", params: { aug: "none", run: 1 }, acc: 0.5 },
      { id: "b", params: { aug: "flip", run: 1 }, acc: 0.6 },
    ]);
    await problem("noreps", { by: "aug" }, "pair_on");
  });

  test("fewer than 2 pairs: no interval and null p-values, said why", async () => {
    await addCampaign("one", [
      { id: "a", params: { aug: "none", seed: 1 }, acc: 0.5 },
      { id: "b", params: { aug: "flip", seed: 1 }, acc: 0.75 },
      { id: "c", params: { aug: "none", seed: 2 }, acc: 0.5 },
    ]);
    const [row] = (await compare("one", { by: "aug", baseline: "none" })).rows;
    expect(row).toMatchObject({
      group: "flip",
      n_pairs: 1,
      mean_diff: 0.25,
      ci95_low: null,
      ci95_high: null,
      p_ttest: null,
      p_wilcoxon: null,
      p_holm: null,
      effect_size: null,
    });
    expect(row.reason).toMatch(/fewer than 2 pairs/);
    expect(row.unpaired).toEqual([{ run: "one-c", side: "baseline", pair: { seed: 2 } }]);
  });

  test("the metric's context: the only one by default, else named", async () => {
    await addCampaign("ctx", gridRuns({ none: GRID.none, flip: GRID.flip }));
    await ok(`/v1/repos/${repo}/runs/ctx-none-0-1/values`, json("PUT", [{ name: "acc", context: { subset: "val" }, value: 0.7 }]));
    await problem("ctx", { by: "aug" }, "context");
    expect((await compare("ctx", { by: "aug", context: JSON.stringify(TEST) })).rows[0].n_pairs).toBe(6);
    await problem("grid", { by: "aug", metric: "nope" }, "metric");
  });

  test("CSV: the rows with formula-safe cells", async () => {
    const res = await call(url("grid", { by: "aug", baseline: "none" }), { headers: { accept: "text/csv" } });
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([
      "params.aug",
      "n_pairs",
      "mean_diff",
      "ci95_low",
      "ci95_high",
      "p_ttest",
      "p_wilcoxon",
      "p_holm",
      "effect_size",
      "unpaired",
      "reason",
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ["crop", "6"],
      ["flip", "6"],
    ]);
    close(Number(rows[2][5]), SCIPY.flip.p_ttest, 1e-9);
    await addCampaign("formula", [
      { id: "a", params: { aug: "=1+1", seed: 1 }, acc: 0.5 },
      { id: "b", params: { aug: "=1+1", seed: 2 }, acc: 0.6 },
      { id: "c", params: { aug: "-x", seed: 1 }, acc: 0.7 },
      { id: "d", params: { aug: "-x", seed: 2 }, acc: 0.9 },
    ]);
    const csv = await (await call(url("formula", { by: "aug", baseline: '"-x"' }), { headers: { accept: "text/csv" } })).text();
    expect(parseCsv(csv)[1][0]).toBe("'=1+1");
  });

  test("a bad query is a 400 on its parameter; unknown campaign a 404", async () => {
    for (const [query, path] of [
      [{ by: "aug", select: "mean" }, "select"],
      [{ by: "aug", better: "up" }, "better"],
      [{ by: "a..b" }, "by"],
      [{ by: "aug", context: "{subset:test}" }, "context"],
      [{ by: "aug", pair_on: "" }, "pair_on"],
    ] as const) {
      const res = await call(url("grid", query));
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect((await res.json()).errors[0].path).toMatch(new RegExp(`^${path}`));
    }
    expect((await call(`/v1/repos/${repo}/campaigns/grid/compare?metric=acc`)).status).toBe(400);
    expect((await call(url("nope", { by: "aug" }))).status).toBe(404);
  });
});

describe("holm", () => {
  test("step-down, monotone, capped at 1; null stays null and is not counted", () => {
    expect(holm([0.01, 0.04, null, 0.03])).toEqual([0.03, 0.06, null, 0.06]);
    expect(holm([0.5, 0.9])).toEqual([1, 1]);
  });
});

// From scipy 1.17.1 on the GRID above: ttest_rel, wilcoxon (both samples have ties, flip a
// zero: the permutation method), friedmanchisquare, rankdata per block, studentized_range.ppf.
const SCIPY: { crop: Expected; flip: Expected; friedman: { statistic: number; p: number; ranks: number[]; critical_difference: number } } = {
  crop: {
    mean_diff: 0.006666666666666672,
    ci95_low: -0.01501038269991286,
    ci95_high: 0.028343716033246202,
    p_ttest: 0.4650226382607561,
    p_wilcoxon: 0.65625,
    effect_size: 0.32274861218395245,
    wilcoxon_method: "permutation",
  },
  flip: {
    mean_diff: 0.028333333333333304,
    ci95_low: 0.007965989099807617,
    ci95_high: 0.04870067756685899,
    p_ttest: 0.015942538704749404,
    p_wilcoxon: 0.0625,
    effect_size: 1.4598864464670442,
    wilcoxon_method: "permutation",
  },
  friedman: {
    statistic: 4.260869565217386,
    p: 0.11878563669440916,
    ranks: [2, 1.4166666666666667, 2.5833333333333335],
    critical_difference: 1.353136164445458,
  },
};
interface Expected {
  mean_diff: number;
  ci95_low: number;
  ci95_high: number;
  p_ttest: number;
  p_wilcoxon: number;
  effect_size: number;
  wilcoxon_method: string;
}

// GET /campaigns/{campaign}/confusion: the summed matrices checked by hand, per group, with
// the across-run statistics from a printed t table; the CSV form; the run selection.
import { beforeAll, describe, expect, test } from "vitest";
import { FORMULA_TEXTS, parseCsv } from "./support/csv.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const CONFUSION = "application/vnd.runcamp.confusion+json";
const T_975 = { 2: 12.706, 3: 4.303 } as Record<number, number>;

/** Accuracy of a matrix, by hand. */
const accuracy = (m: number[][]) => m.reduce((a, row, i) => a + row[i], 0) / m.flat().reduce((a, b) => a + b, 0);

function stats(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const std = n < 2 ? null : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return { n, mean, std, ci95: std === null ? null : (T_975[n] * std) / Math.sqrt(n) };
}

function expectStats(got: { n: number; mean: number | null; std: number | null; ci95: number | null }, xs: number[]) {
  const e = stats(xs);
  expect(got.n).toBe(e.n);
  expect(got.mean!).toBeCloseTo(e.mean, 12);
  if (e.std === null) {
    expect(got.std).toBeNull();
    expect(got.ci95).toBeNull();
  } else {
    expect(got.std!).toBeCloseTo(e.std, 12);
    expect(Math.abs(got.ci95! - e.ci95!)).toBeLessThan(1e-3 * e.ci95!);
  }
}

/** RFC 4180 lines (no quoted newlines in these reports). */
const csvRows = (text: string) =>
  text
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));

describe.each(apiHosts)("campaign confusion on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  const repo = uniqueRepo("confusion");
  const report = (query: string, headers: Record<string, string> = {}) => call(`/v1/repos/${repo}/campaigns/grid/confusion?${query}`, { headers });

  // Rows: true class; columns: predicted.
  const m1 = [
    [8, 2],
    [1, 9],
  ]; // r1: labels [cat, dog], aug flip
  const m2 = [
    [6, 4],
    [3, 7],
  ]; // r2: labels [cat, dog], aug flip
  const m3 = [
    [5, 0, 1],
    [0, 4, 0],
    [2, 0, 3],
  ]; // r3: labels [dog, cat, bird] (another order, one more label), aug none
  const m4 = [
    [100, 0],
    [0, 100],
  ]; // r4: archived, left out
  const m6 = [
    [1, 1],
    [2, 0],
  ]; // r6: killed, counted only when the selection asks for it

  beforeAll(async () => {
    const setup: [string, RequestInit][] = [
      [`/v1/repos/${repo}/campaigns`, json("POST", { id: "grid", name: "grid" })],
      [`/v1/repos/${repo}/runs`, json("POST", { id: "r1", campaign: "grid", params: { aug: "flip", seed: 1 } })],
      [`/v1/repos/${repo}/runs`, json("POST", { id: "r2", campaign: "grid", params: { aug: "flip", seed: 2 } })],
      [`/v1/repos/${repo}/runs`, json("POST", { id: "r3", campaign: "grid", params: { aug: "none", seed: 1 } })],
      [`/v1/repos/${repo}/runs`, json("POST", { id: "r4", campaign: "grid", params: { aug: "none", seed: 2 } })],
      [`/v1/repos/${repo}/runs`, json("POST", { id: "r5", campaign: "grid", params: { aug: "none", seed: 3 } })],
      // r6 crashed after its evaluation: left out by default, as in the summary.
      [`/v1/repos/${repo}/runs`, json("POST", { id: "r6", campaign: "grid", params: { aug: "flip", seed: 3 } })],
      [`/v1/repos/${repo}/runs`, json("POST", { id: "other", params: { aug: "flip" } })],
    ];
    for (const [path, init] of setup) expect((await call(path, init)).status).toBeLessThan(300);
    const upload = async (run: string, labels: string[], matrix: number[][], path = "eval/confusion.json") => {
      const res = await call(`/v1/repos/${repo}/runs/${run}/artifacts/${path}`, {
        method: "PUT",
        headers: { "content-type": CONFUSION },
        body: JSON.stringify({ labels, matrix }),
      });
      expect(res.status).toBe(201);
    };
    await upload("r1", ["cat", "dog"], m1);
    await upload("r2", ["cat", "dog"], m2);
    await upload("r3", ["dog", "cat", "bird"], m3);
    await upload("r4", ["cat", "dog"], m4);
    await upload("r6", ["cat", "dog"], m6);
    await upload("other", ["cat", "dog"], m4); // not in the campaign
    // r5 has a CSV at the path, not a confusion matrix: it counts as missing.
    expect(
      (await call(`/v1/repos/${repo}/runs/r5/artifacts/eval/confusion.json`, { method: "PUT", headers: { "content-type": "text/csv" }, body: "a,b" })).status,
    ).toBe(201);
    expect((await call(`/v1/repos/${repo}/runs/r4`, json("PATCH", { archived: true }))).status).toBe(200);
    for (const run of ["r1", "r2", "r3", "r4", "r5"])
      expect((await call(`/v1/repos/${repo}/runs/${run}`, json("PATCH", { status: "finished" }))).status).toBe(200);
    expect((await call(`/v1/repos/${repo}/runs/r6`, json("PATCH", { status: "killed" }))).status).toBe(200);
  });

  test("one group by default: the matrices of the runs summed, aligned by label", async () => {
    const res = await report("path=eval/confusion.json");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ campaign: "grid", path: "eval/confusion.json", group_by: [], missing: ["r5"] });
    expect(body.selection).toEqual({ status: ["finished"], filter: null, runs: 4 });
    expect(body.groups).toHaveLength(1);
    const [g] = body.groups;
    expect(g.group).toEqual({});
    expect(g.runs).toEqual(["r1", "r2", "r3"]);
    expect(g.labels).toEqual(["cat", "dog", "bird"]);
    // By hand: r3 in [cat, dog, bird] order is [[4,0,0],[0,5,1],[0,2,3]].
    //   cat: r1 [8,2] + r2 [6,4] + r3 [4,0] → [18, 6, 0]
    //   dog: r1 [1,9] + r2 [3,7] + r3 [0,5] → [4, 21, 1]
    //   bird: r3 → [0, 2, 3]
    expect(g.matrix).toEqual([
      [18, 6, 0],
      [4, 21, 1],
      [0, 2, 3],
    ]);
    expect(g.metrics.total).toBe(55);
    expect(g.metrics.accuracy).toBeCloseTo(42 / 55, 14);
    expect(g.metrics.classes.map((c: { support: number }) => c.support)).toEqual([24, 26, 5]);
    expect(g.metrics.classes[0].precision).toBeCloseTo(18 / 22, 14);
    expect(g.metrics.classes[1].recall).toBeCloseTo(21 / 26, 14);
    expect(g.metrics.classes[2].f1).toBeCloseTo((2 * 3) / (2 * 3 + 1 + 2), 14);
    // Across runs: accuracy of each run's own matrix.
    expectStats(g.across_runs.accuracy, [accuracy(m1), accuracy(m2), accuracy(m3)]);
    // cat precision per run: r1 8/9, r2 6/9, r3 4/4 (r3's cat column: 0+4+0).
    expect(g.across_runs.classes[0].label).toBe("cat");
    expectStats(g.across_runs.classes[0].precision, [8 / 9, 6 / 9, 4 / 4]);
    // bird: only r3 has it.
    expectStats(g.across_runs.classes[2].recall, [3 / 5]);
  });

  test("group_by params: one summed matrix per group, groups in order of their values", async () => {
    for (const groupBy of ["aug", "params.aug"]) {
      const body = await (await report(`path=eval/confusion.json&group_by=${groupBy}`)).json();
      expect(body.group_by).toEqual(["aug"]);
      expect(body.groups.map((g: { group: unknown }) => g.group)).toEqual([{ aug: "flip" }, { aug: "none" }]);
      const [flip, none] = body.groups;
      expect(flip.runs).toEqual(["r1", "r2"]);
      expect(flip.matrix).toEqual([
        [14, 6],
        [4, 16],
      ]);
      expect(flip.metrics.accuracy).toBeCloseTo(30 / 40, 14);
      expectStats(flip.across_runs.accuracy, [17 / 20, 13 / 20]);
      // dog recall: r1 9/10, r2 7/10; f1 per run: 2tp / (2tp + fp + fn).
      expectStats(flip.across_runs.classes[1].recall, [0.9, 0.7]);
      expectStats(flip.across_runs.classes[1].f1, [18 / (18 + 2 + 1), 14 / (14 + 4 + 3)]);
      expectStats(flip.across_runs.macro_avg.precision, [(8 / 9 + 9 / 11) / 2, (6 / 9 + 7 / 11) / 2]);
      expect(none.runs).toEqual(["r3"]);
      expect(none.labels).toEqual(["dog", "cat", "bird"]);
      expect(none.matrix).toEqual(m3);
      expect(none.across_runs.accuracy).toMatchObject({ n: 1, std: null, ci95: null });
    }
  });

  test("the run selection is the summary's: status (default finished) and filter", async () => {
    const any = await (await report("path=eval/confusion.json&status=any")).json();
    expect(any.selection).toEqual({ status: null, filter: null, runs: 5 });
    expect(any.groups[0].runs).toEqual(["r1", "r2", "r3", "r6"]);
    // r6 adds [[1,1],[2,0]] to the cat/dog block of the default sum.
    expect(any.groups[0].matrix).toEqual([
      [19, 7, 0],
      [6, 21, 1],
      [0, 2, 3],
    ]);
    const killed = await (await report("path=eval/confusion.json&status=killed")).json();
    expect(killed.groups.map((g: { runs: string[] }) => g.runs)).toEqual([["r6"]]);
    expect(killed.groups[0].matrix).toEqual(m6);
    const filtered = await (await report(`path=eval/confusion.json&filter=${encodeURIComponent("params.seed = 1")}`)).json();
    expect(filtered.selection).toEqual({ status: ["finished"], filter: "params.seed = 1", runs: 2 });
    expect(filtered.groups[0].runs).toEqual(["r1", "r3"]);
    // A filter naming status replaces the default; archived runs come back only when it names archived.
    const byStatus = await (await report(`path=eval/confusion.json&filter=${encodeURIComponent('status = "killed"')}`)).json();
    expect(byStatus.groups[0].runs).toEqual(["r6"]);
    const archived = await (await report(`path=eval/confusion.json&filter=${encodeURIComponent("archived")}`)).json();
    expect(archived.groups[0].runs).toEqual(["r4"]);
    for (const query of ["status=done", "status=", "filter=params.seed%20%3E", "status=any,finished"]) {
      const res = await report(`path=eval/confusion.json&${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).errors[0].path, query).toBe(query.split("=")[0]);
    }
  });

  test("as CSV: one line per number, group columns first", async () => {
    const res = await report("path=eval/confusion.json&group_by=aug", { accept: "text/csv" });
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = csvRows(await res.text());
    expect(header).toEqual(["params.aug", "row", "label", "predicted", "metric", "value", "n", "mean", "std", "min", "max", "ci95"]);
    const find = (...key: string[]) => rows.find((r) => key.every((k, i) => k === "*" || r[i] === k));
    expect(find("flip", "count", "cat", "dog", "count")?.[5]).toBe("6");
    expect(find("none", "count", "bird", "dog", "count")?.[5]).toBe("2");
    const acc = find("flip", "accuracy", "", "", "accuracy")!;
    expect(Number(acc[5])).toBeCloseTo(0.75, 14);
    expect(acc[6]).toBe("2");
    expect(Number(acc[7])).toBeCloseTo(0.75, 14);
    const support = find("flip", "class", "dog", "", "support")!;
    expect(support.slice(5)).toEqual(["20", "", "", "", "", "", ""]);
    expect(find("none", "macro_avg", "", "", "f1")).toBeDefined();
    // 2 groups × (counts + 4 per class + accuracy + 2 × 4 averages)
    expect(rows).toHaveLength(4 + 2 * 4 + 1 + 8 + (9 + 3 * 4 + 1 + 8));
  });

  test("as CSV: labels and group values a spreadsheet would run as formulas start with ', numbers stay bare", async () => {
    // Labels may not hold control characters, so tab and CR come through the group param only.
    const labelTexts = FORMULA_TEXTS.filter(([text]) => !/[\t\r]/.test(text));
    const labels = [...labelTexts.map(([text]) => text), -1];
    const tags: unknown[] = [...FORMULA_TEXTS.map(([text]) => text), -0.5];
    expect((await call(`/v1/repos/${repo}/campaigns`, json("POST", { id: "formulas", name: "formulas" }))).status).toBe(201);
    const identity = labels.map((_, i) => labels.map((_, j) => (i === j ? 1 : 0)));
    for (const [i, tag] of tags.entries()) {
      const run = `/v1/repos/${repo}/runs/f${i}`;
      expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: `f${i}`, campaign: "formulas", params: { tag } }))).status).toBe(201);
      const upload = { method: "PUT", headers: { "content-type": CONFUSION }, body: JSON.stringify({ labels, matrix: identity }) };
      expect((await call(`${run}/artifacts/eval/confusion.json`, upload)).status).toBe(201);
      expect((await call(run, json("PATCH", { status: "finished" }))).status).toBe(200);
    }
    const res = await call(`/v1/repos/${repo}/campaigns/formulas/confusion?path=eval/confusion.json&group_by=tag`, { headers: { accept: "text/csv" } });
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(["params.tag", "row", "label", "predicted", "metric", "value", "n", "mean", "std", "min", "max", "ci95"]);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set([...FORMULA_TEXTS.map(([, cell]) => cell), "-0.5"]));
    const labelCells = [...labelTexts.map(([, cell]) => cell), "-1"];
    expect(new Set(rows.filter((row) => row[1] === "count").map((row) => row[2]))).toEqual(new Set(labelCells));
    expect(new Set(rows.filter((row) => row[1] === "count").map((row) => row[3]))).toEqual(new Set(labelCells));
    // Every number column is bare.
    for (const row of rows) for (const cell of row.slice(5)) expect(cell).toMatch(/^(-?\d[\d.e+-]*)?$/);
  });

  test("a path no run has gives no groups; bad input is a 400; an unknown campaign a 404", async () => {
    const body = await (await report("path=nothing.json")).json();
    expect(body.groups).toEqual([]);
    expect(body.missing).toEqual(["r1", "r2", "r3", "r5"]);
    for (const query of ["", "path=", "path=a%2F..%2Fb", "path=eval/confusion.json&group_by=nope", "path=x&group_by=a..b"]) {
      const res = await report(query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
    expect((await call(`/v1/repos/${repo}/campaigns/nope/confusion?path=x`)).status).toBe(404);
  });
});

// The explorers in a real Chromium against the Node host: parallel coordinates (brushing an axis
// filters the runs, brushes AND together and come back from the URL, a categorical axis, colour
// by a series summary with its legend, a run without a value left off its axis) and the scatter
// (hover names the run, a click opens it, the trend line and its r²); a hostile param value is
// only ever text.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages, colorPixels, screenshot } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";
const ACC = 'values.acc{subset:"test"}';
const LRS = [0.001, 0.002, 0.008, 0.01];
const AUGS = ["none", "flip", "crop"];
const COLS = ["params.lr", "params.aug", ACC, "params.note"];

interface Seeded {
  id: string;
  name: string;
  lr: number;
  aug: string;
  acc: number | null;
}

// 30 runs of a sweep plus "best", the one run with the largest lr (and so the largest acc:
// acc = 0.6 + 10·lr exactly, a line with r² = 1). "no-acc" never wrote its acc; "hostile"
// has markup as a param value.
const RUNS: Seeded[] = [
  ...Array.from({ length: 30 }, (_, i) => ({
    id: i === 29 ? "no-acc" : i === 7 ? "hostile" : `r${i}`,
    name: `sweep ${i}`,
    lr: LRS[i % 4],
    aug: AUGS[i % 3],
    acc: i === 29 ? null : 0.6 + 10 * LRS[i % 4],
  })),
  { id: "best", name: "the best run", lr: 0.02, aug: "none", acc: 0.8 },
];

/** The last loss: the better the acc, the lower; 1 for the run without an acc. */
const lossOf = (r: Seeded) => (r.acc === null ? 1 : 1.5 - r.acc);

const params = (cols: string[], extra: Record<string, string> = {}) => `?${new URLSearchParams({ cols: cols.join(","), ...extra })}`;

/** Drags along an axis from `from` to `to`, fractions of its height from the top. */
async function brush(page: Page, field: string, from: number, to: number) {
  const box = (await page.locator(`.pc-axis[data-field='${field}']`).boundingBox())!;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + from * box.height);
  await page.mouse.down();
  await page.mouse.move(x, box.y + to * box.height, { steps: 6 });
  await page.mouse.up();
}

const drawn = (page: Page, selector: string) => page.locator(`${selector}[data-painted-at]`).waitFor();
const matchCount = (page: Page) => page.locator(".match-count").textContent();
const listed = async (page: Page) => (await page.locator(".matching-runs tbody .run-name").allTextContents()).sort();
const names = (runs: Seeded[]) => runs.map((r) => r.name).sort();

describe.skipIf(skipBrowserTests)("web UI: the params and scatter explorers", () => {
  let host: UiHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startNodeUi();
    const call = apiCaller(host.origin);
    for (const r of RUNS) {
      await call("POST", "/v1/repos/sweep/runs", { id: r.id, name: r.name, params: { lr: r.lr, aug: r.aug, note: r.id === "hostile" ? HOSTILE : "plain" } });
      if (r.acc !== null) await call("PUT", `/v1/repos/sweep/runs/${r.id}/values`, [{ name: "acc", context: { subset: "test" }, value: r.acc }]);
      const points = Array.from({ length: 5 }, (_, step) => ({ name: "loss", step, value: lossOf(r) + (4 - step) * 0.1 }));
      await call("POST", `/v1/repos/sweep/runs/${r.id}/metrics`, { points });
    }
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  const open = checkedPages(
    () => browser,
    () => host.origin,
  );

  test("brushing an axis filters the runs; a second brush ANDs; the URL brings the brushes back", async () => {
    const page = await open(`/repos/sweep/params${params(COLS)}`);
    await drawn(page, ".pc-chart");
    expect(await matchCount(page)).toBe(`all ${RUNS.length} runs match`);

    // The top 70% of the lr axis (0.001 … 0.02): lr above 0.0067.
    await brush(page, "params.lr", -0.02, 0.7);
    const highLr = RUNS.filter((r) => r.lr > 0.0067);
    await expect.poll(() => matchCount(page)).toBe(`${highLr.length} of ${RUNS.length} runs match the brushes`);
    expect(await listed(page)).toEqual(names(highLr));
    await expect.poll(() => page.locator(".pc-chart").getAttribute("data-matching")).toBe(String(highLr.length));

    // The categorical axis: crop, flip, none from the bottom; a drag over its top holds "none".
    const aug = page.locator(".pc-axis[data-field='params.aug']");
    expect(await aug.getAttribute("data-kind")).toBe("categorical");
    expect(await aug.locator(".pc-tick").allTextContents()).toEqual(["crop", "flip", "none"]);
    await brush(page, "params.aug", -0.02, 0.2);
    const both = highLr.filter((r) => r.aug === "none");
    await expect.poll(() => matchCount(page)).toBe(`${both.length} of ${RUNS.length} runs match the brushes`);
    expect(await listed(page)).toEqual(names(both));
    const url = new URL(page.url());
    const brushes = JSON.parse(url.searchParams.get("brush")!);
    expect(brushes["params.aug"]).toEqual(["none"]);
    expect(brushes["params.lr"][0]).toBeGreaterThan(0.002);
    expect(brushes["params.lr"][0]).toBeLessThan(0.008);
    const compare = page.getByRole("link", { name: `Compare these ${both.length}` });
    expect(new URL((await compare.getAttribute("href"))!, host.origin).searchParams.get("runs")!.split(",").sort()).toEqual(both.map((r) => r.id).sort());
    await screenshot(page, "params");

    await page.reload();
    await drawn(page, ".pc-chart");
    await expect.poll(() => matchCount(page)).toBe(`${both.length} of ${RUNS.length} runs match the brushes`);
    expect(await page.locator(".pc-brush").count()).toBe(2);

    // A click on the lr axis without a drag takes its brush away; the aug one stays.
    const lr = (await page.locator(".pc-axis[data-field='params.lr']").boundingBox())!;
    await page.mouse.click(lr.x + lr.width / 2, lr.y + lr.height / 2);
    const none = RUNS.filter((r) => r.aug === "none");
    await expect.poll(() => matchCount(page)).toBe(`${none.length} of ${RUNS.length} runs match the brushes`);
    expect(Object.keys(JSON.parse(new URL(page.url()).searchParams.get("brush")!))).toEqual(["params.aug"]);
  });

  test("a run without a value is left off that axis, not drawn at 0, and never inside its brush", async () => {
    const page = await open(`/repos/sweep/params${params(COLS)}`);
    await drawn(page, ".pc-chart");
    const acc = page.locator(`.pc-axis[data-field='${ACC}']`);
    expect(await acc.locator(".pc-missing").textContent()).toBe("1 without");
    const ticks = (await acc.locator(".pc-tick").allTextContents()).map(Number);
    expect(Math.min(...ticks)).toBeGreaterThanOrEqual(0.6);
    await brush(page, ACC, -0.02, 1.02);
    await expect.poll(() => matchCount(page)).toBe(`${RUNS.length - 1} of ${RUNS.length} runs match the brushes`);
    expect(await listed(page)).not.toContain("sweep 29");
  });

  test("colour by a series summary: a continuous scale with its legend", async () => {
    const page = await open(`/repos/sweep/params${params(COLS, { color: "metrics.loss.last" })}`);
    await drawn(page, ".pc-chart");
    const legend = page.locator(".color-legend");
    expect(await legend.locator(".muted").textContent()).toBe("colour: metrics.loss.last");
    expect(await legend.locator(".color-ramp").count()).toBe(1);
    // loss.last = 1.5 − acc (0.8 … 0.61), and 1 for the run without an acc.
    expect(await legend.locator(".color-end").allTextContents()).toEqual(["0.7", "1"]);
    // Purple for the lowest loss ("best", drawn last), yellow for the highest ("no-acc", the last drawn of its path).
    const [purple, yellow] = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>(".pc-chart canvas")!;
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const counts = [0, 0];
      for (let p = 0; p < data.length; p += 4) {
        const [r, g, b] = [data[p], data[p + 1], data[p + 2]];
        if (data[p + 3] < 200) continue;
        if (r < 140 && g < 90 && b > 60) counts[0]++;
        if (r > 200 && g > 200 && b < 130) counts[1]++;
      }
      return counts;
    });
    expect(purple).toBeGreaterThan(10);
    expect(yellow).toBeGreaterThan(10);
  });

  test("a param value with markup is only text, on the axis and in the list", async () => {
    const page = await open(`/repos/sweep/params${params(COLS)}`);
    await drawn(page, ".pc-chart");
    expect(await page.locator(".pc-axis[data-field='params.note'] .pc-tick").allTextContents()).toEqual([HOSTILE, "plain"]);
    const cells = await page.locator(".matching-runs tbody td").allTextContents();
    expect(cells).toContain(HOSTILE);
    expect(await page.locator("img").count()).toBe(0);
  });

  test("scatter: hover names the run and its values, a click opens it", async () => {
    const page = await open(`/repos/sweep/scatter?${new URLSearchParams({ x: "params.lr", y: ACC, color: "params.aug" })}`);
    await drawn(page, ".scatter-chart");
    expect(await page.locator(".scatter-chart").getAttribute("data-points")).toBe(String(RUNS.length - 1));
    expect(await page.locator(".scatter-notes").textContent()).toContain("1 run without a place on x or y");
    // "best" (aug none) is the one dot at the right edge: find its colour's rightmost pixel.
    const at = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>(".scatter-chart canvas")!;
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let best = { x: -1, y: -1 };
      for (let p = 0; p < data.length; p += 4) {
        const x = (p / 4) % canvas.width;
        const red = data[p] > 180 && data[p + 1] < 150 && data[p + 2] < 150; // "none"'s colour, #e15759
        if (data[p + 3] > 200 && red && x > best.x) best = { x, y: Math.floor(p / 4 / canvas.width) };
      }
      const r = canvas.getBoundingClientRect();
      return { x: r.left + (best.x - 3) / (canvas.width / r.width), y: r.top + best.y / (canvas.height / r.height) };
    });
    await page.mouse.move(at.x, at.y);
    const tip = page.locator(".scatter-tip");
    await tip.waitFor();
    expect(await tip.locator("strong").textContent()).toBe("the best run");
    expect(await tip.textContent()).toContain("params.lr 0.02");
    expect(await tip.textContent()).toContain(`${ACC} 0.8`);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/\/repos\/sweep\/runs\/best$/);
    await expect.poll(() => page.locator("h1").textContent()).toContain("the best run");
  });

  test("scatter: the trend line is drawn with its r²; log axes say so", async () => {
    const page = await open(`/repos/sweep/scatter?${new URLSearchParams({ x: "params.lr", y: ACC, trend: "1" })}`);
    await drawn(page, ".scatter-chart");
    expect(await page.locator(".trend-note").textContent()).toBe("trend: r² = 1");
    expect(await page.locator(".scatter-chart").getAttribute("data-trend")).toBe("1");
    const [red] = await colorPixels(page, ".scatter-chart", ["#d0343f"]);
    expect(red).toBeGreaterThan(20);
    await screenshot(page, "scatter");

    await page.getByLabel("log x").check();
    await page.waitForURL(/logx=1/);
    await expect.poll(() => page.locator(".trend-note").textContent()).toMatch(/^trend: r² = 0\.\d+ \(fitted on the log axes\)$/);
    expect(await page.locator(".scatter-axis-name.x").textContent()).toBe("params.lr (log)");

    // A categorical x has no trend line, and says why.
    await page.getByLabel("x", { exact: true }).selectOption("params.aug");
    await expect.poll(() => page.locator(".trend-note").textContent()).toContain("no trend line");
    expect(await page.locator(".scatter-chart").getAttribute("data-trend")).toBe("0");
  });

  test("the runs selected in the table: only those drawn; one not found is named", async () => {
    const page = await open(`/repos/sweep/params${params(COLS, { runs: "r0,best,ghost" })}`);
    await drawn(page, ".pc-chart");
    expect(await page.locator(".run-count").textContent()).toBe("2 runs");
    expect(await listed(page)).toEqual(["sweep 0", "the best run"]);
    expect(await page.locator(".problem").textContent()).toBe("1 selected run not found among the first 5,000 matching: ghost");
    await page.getByRole("button", { name: "show every matching run" }).click();
    await expect.poll(() => page.locator(".run-count").textContent()).toBe(`${RUNS.length} runs`);
  });

  test("the runs table links to both, carrying its filter", async () => {
    const page = await open(`/repos/sweep?${new URLSearchParams({ filter: 'params.aug = "none"' })}`);
    await page.locator("tbody tr").first().waitFor();
    await page.getByRole("link", { name: "Params", exact: true }).click();
    await page.waitForURL(/\/repos\/sweep\/params\?filter=/);
    await drawn(page, ".pc-chart");
    const none = RUNS.filter((r) => r.aug === "none");
    expect(await page.locator(".run-count").textContent()).toBe(`${none.length} runs`);
    await page.getByRole("link", { name: "Scatter", exact: true }).click();
    await page.waitForURL(/\/repos\/sweep\/scatter\?filter=/);
    await drawn(page, ".scatter-chart");
    expect(await page.locator(".run-count").textContent()).toBe(`${none.length} runs`);
  });
});

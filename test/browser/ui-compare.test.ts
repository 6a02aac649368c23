// The compare page's explorers in a real Chromium against the Node host: facets as small
// multiples, stroke by a param, group aggregates (mean, median) and bands, relative time and
// another metric on x, hidden legend items kept in the URL, an unknown run reported and skipped,
// and a running run followed live. The data is small and exact (each run's loss a constant), so
// the axes' ranges a chart stamps (series-chart.tsx) and its hover say what was drawn.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages, colorPixels, screenshot, waitForCharts } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const T0 = 1764147000;
const STEPS = 100;
// Group a: losses 0, 1, 5 (mean 2, median 1); group b: 10, 11 (mean and median 10.5). The b
// runs started a day after the a runs.
const RUNS = [
  { id: "a0", aug: "a", seed: 0, loss: 0, start: T0 },
  { id: "a1", aug: "a", seed: 1, loss: 1, start: T0 },
  { id: "a2", aug: "a", seed: 2, loss: 5, start: T0 },
  { id: "b0", aug: "b", seed: 0, loss: 10, start: T0 + 86_400 },
  { id: "b1", aug: "b", seed: 1, loss: 11, start: T0 + 86_400 },
];

type Scales = { x: [number, number]; y: [number, number] };

/** The x and y ranges each chart (or facet) of the page last drew. */
const scales = (page: Page, within = ".chart-grid"): Promise<Scales[]> =>
  page.locator(`${within} .chart-canvas > div[data-lines]`).evaluateAll((els) => els.map((e) => JSON.parse((e as HTMLElement).dataset.scales ?? "null")));

/** The hover box's rows (label and value) in the middle of the first chart. */
async function hoverRows(page: Page): Promise<string[]> {
  const tip = page.locator(".chart-card .chart-tip").first();
  // A chart redrawn (new data, a new width) between the move and the look drops its tip: move again.
  await expect
    .poll(
      async () => {
        const box = (await page.locator(".chart-card .u-over").first().boundingBox())!;
        await page.mouse.move(box.x + box.width * 0.5 + 1, box.y + box.height * 0.5);
        await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
        return tip.isVisible();
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return tip.locator(".tip-row").evaluateAll((rows) => rows.map((r) => `${r.querySelector(".tip-label")!.textContent} ${r.querySelector("b")!.textContent}`));
}

describe.skipIf(skipBrowserTests)("web UI: the compare page's explorers", () => {
  let host: UiHost;
  let browser: Browser;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    host = await startNodeUi();
    call = apiCaller(host.origin);
    for (const r of RUNS) {
      await call("POST", "/v1/repos/cmp/runs", { id: r.id, name: `run ${r.id}`, params: { aug: r.aug, seed: r.seed } });
      const points = [];
      for (let step = 0; step < STEPS; step++) {
        points.push({ name: "loss", step, time: r.start + step, value: r.loss });
        points.push({ name: "acc", step, time: r.start + step, value: 0.5 + step / 250 });
      }
      await call("POST", `/v1/repos/cmp/runs/${r.id}/metrics`, { points });
      await call("PATCH", `/v1/repos/cmp/runs/${r.id}`, { status: "finished" });
    }
    await call("POST", "/v1/repos/cmp-live/runs", { id: "live", name: "live", params: {} });
    await call("POST", "/v1/repos/cmp-live/runs/live/metrics", { points: Array.from({ length: 10 }, (_, step) => ({ name: "loss", step, value: 1 })) });
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
  const all = RUNS.map((r) => r.id).join(",");

  test("facet by a param: one small chart per value, sharing their y range unless told not to", async () => {
    const page = await open(`/repos/cmp/compare?runs=${all}&metrics=loss&facet=aug`);
    await waitForCharts(page, 2);
    expect(await page.locator(".facet h4").allTextContents()).toEqual(["aug=a (3)", "aug=b (2)"]);
    expect(await page.locator(".facet [data-lines]").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.lines))).toEqual(["3", "2"]);
    const [a, b] = await scales(page);
    expect(a.y).toEqual(b.y);
    expect(a.y[0]).toBeLessThanOrEqual(0);
    expect(a.y[1]).toBeGreaterThanOrEqual(11);
    await screenshot(page, "compare-facets");

    await page.getByRole("checkbox", { name: "same axes" }).uncheck();
    await page.waitForURL(/facetaxes=free/);
    await expect.poll(async () => (await scales(page))[1].y[0]).toBeGreaterThan(5);
    expect((await scales(page))[0].y[1]).toBeLessThan(10);
  });

  test("stroke by a param dashes the lines and says which dash is which", async () => {
    const path = "/repos/cmp/compare?runs=a0,a1&metrics=loss&color=aug";
    const page = await open(path);
    await waitForCharts(page, 1);
    const [solid] = await colorPixels(page, ".chart-card", ["#4e79a7"]);
    expect(solid).toBeGreaterThan(300);

    await page.getByLabel("stroke by").selectOption("seed");
    await page.waitForURL(/stroke=seed/);
    await expect.poll(async () => (await colorPixels(page, ".chart-card", ["#4e79a7"]))[0]).toBeLessThan(solid * 0.85);
    expect(await page.locator(".stroke-key li").allInnerTexts()).toEqual(["seed=0", "seed=1"]);
    expect(await page.locator(".legend button .dash-swatch").evaluateAll((els) => els.map((e) => e.getAttribute("data-dash")))).toEqual(["", "6 4"]);

    // The SVG export strokes the lines as the chart does.
    await page.getByRole("button", { name: "Export ▾" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "SVG (vector)" }).click()]);
    const svg = readFileSync((await download.path())!, "utf8");
    const dashes = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return [...doc.querySelectorAll("path.series")].map((p) => `${p.getAttribute("data-label")}: ${p.getAttribute("stroke-dasharray") ?? "solid"}`);
    }, svg);
    expect(dashes.sort()).toEqual(["run a0 · aug=a · seed=0: solid", "run a1 · aug=a · seed=1: 6 4"]);
  });

  test("groups: mean or median line, min–max or 95% CI band, each group in its own colour", async () => {
    const page = await open(`/repos/cmp/compare?runs=${all}&metrics=loss&group=aug&band=none`);
    await waitForCharts(page, 1);
    expect(await hoverRows(page)).toEqual(["aug=a (3) 2", "aug=b (2) 10.5"]);
    const [blue, orange] = await colorPixels(page, ".chart-card", ["#4e79a7", "#f28e2b"]);
    expect(blue).toBeGreaterThan(300);
    expect(orange).toBeGreaterThan(300);

    await page.getByLabel("aggregate").selectOption("median");
    await page.waitForURL(/agg=median/);
    await expect.poll(() => hoverRows(page)).toEqual(["aug=a (3) 1", "aug=b (2) 10.5"]);

    // min–max of group a spans 0..5; its 95% CI, mean 2 ± t(0.975, 2)·√7/√3 = 2 ± 6.57, much more.
    await page.getByLabel("band").selectOption("minmax");
    await expect.poll(async () => (await scales(page))[0].y[0]).toBeGreaterThan(-1.5);
    await page.getByLabel("band").selectOption("ci95");
    await page.waitForURL(/band=ci95/);
    await expect.poll(async () => (await scales(page))[0].y[0]).toBeLessThan(-4.5);
    expect((await scales(page))[0].y[1]).toBeGreaterThan(12);
    await screenshot(page, "compare-ci95");
  });

  test("relative time overlays runs started a day apart; absolute time does not", async () => {
    const page = await open(`/repos/cmp/compare?runs=a0,b0&metrics=loss&x=time`);
    await waitForCharts(page, 1);
    // The scales are stamped once the chart has drawn its data.
    await expect.poll(async () => (await scales(page))[0]?.x ?? null).not.toBeNull();
    const [absolute] = await scales(page);
    expect(absolute.x[1] - absolute.x[0]).toBeGreaterThan(86_400);

    await page.getByLabel("x-axis").selectOption("relative");
    await page.waitForURL(/x=relative/);
    await expect.poll(async () => (await scales(page))[0]?.x[1]).toBeLessThan(200);
    const [relative] = await scales(page);
    expect(relative.x[0]).toBeGreaterThanOrEqual(-1);
    expect(relative.x[1]).toBeGreaterThanOrEqual(STEPS - 1);
    expect(await hoverRows(page)).toEqual(["run a0 0", "run b0 10"]);
  });

  test("another metric on x: each point at that metric's value at the same step", async () => {
    const page = await open(`/repos/cmp/compare?runs=a0,b0&metrics=loss`);
    await waitForCharts(page, 1);
    await page.getByLabel("x-axis").selectOption("metric:acc");
    await page.waitForURL(/x=metric%3Aacc/);
    await expect.poll(async () => (await scales(page))[0].x[1]).toBeLessThan(1.5);
    const [s] = await scales(page);
    expect(s.x[0]).toBeGreaterThanOrEqual(0.4);
    expect(s.x[0]).toBeLessThanOrEqual(0.5);
    expect(s.x[1]).toBeGreaterThan(0.5 + (STEPS - 1) / 250 - 1e-9);
    await expect(page.locator(".chart-card h3").textContent()).resolves.toContain("against acc");
  });

  test("a hidden legend item stays hidden through a reload (it is in the URL)", async () => {
    const page = await open(`/repos/cmp/compare?runs=a0,a1,b0&metrics=loss`);
    await waitForCharts(page, 1);
    await page.getByRole("button", { name: "run a1" }).click();
    await page.waitForURL(/hide=run%3Aa1/);
    await expect.poll(() => page.locator("[data-lines]").getAttribute("data-lines")).toBe("2");
    await page.reload();
    await waitForCharts(page, 1);
    expect(await page.getByRole("button", { name: "run a1" }).getAttribute("aria-pressed")).toBe("false");
    expect(await page.locator("[data-lines]").getAttribute("data-lines")).toBe("2");
  });

  test("an unknown run id is reported and skipped; the other runs draw", async () => {
    const page = await open(`/repos/cmp/compare?runs=a0,nope,b0&metrics=loss,acc`, [404]);
    await page.locator(".missing-runs").waitFor();
    expect(await page.locator(".missing-runs").textContent()).toBe("1 run not found: nope");
    await expect
      .poll(() => page.locator(".chart-canvas > div[data-lines]").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.lines)))
      .toEqual(["2", "2"]);
    expect(await page.locator(".problem").count()).toBe(0);
  });

  test("live: while a shown run is running the page re-reads it, and stops once it ends", async () => {
    const page = await open("/repos/cmp-live/compare?runs=live");
    await waitForCharts(page, 1);
    await page.locator(".page-head .live").waitFor();
    await call("POST", "/v1/repos/cmp-live/runs/live/metrics", { points: [{ name: "loss", step: 10, value: 100 }] });
    await expect.poll(async () => (await scales(page))[0].y[1], { timeout: 15_000 }).toBeGreaterThanOrEqual(100);
    await call("PATCH", "/v1/repos/cmp-live/runs/live", { status: "finished" });
    await page.locator(".page-head .live").waitFor({ state: "detached", timeout: 15_000 });
  });
});

// The web UI in a real Chromium against the Node host: what a person sees on each page, and
// that the page never loads anything but the server's own URLs.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, skipBrowserTests, type WatchedPage } from "./browser.ts";
import { colorPixels, expectNoConsoleErrors, expectOnlyOwnOrigin, screenshot, waitForCharts, waitForChartsSettled } from "./page-checks.ts";
import { apiCaller, seed } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

// The first palette colors (web/src/charts/palette.ts): lines 1, 2 and 3 of a chart.
const LINE_COLORS = ["#4e79a7", "#f28e2b", "#e15759"];

describe.skipIf(skipBrowserTests)("web UI on the Node host", () => {
  let host: UiHost;
  let browser: Browser;
  let call: ReturnType<typeof apiCaller>;
  let w: WatchedPage;
  let allowedStatuses: number[] = [];

  beforeAll(async () => {
    host = await startNodeUi();
    call = apiCaller(host.origin);
    await seed(call);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  const open = async (path: string, viewport?: { width: number; height: number }) => {
    w = await openPage(browser, viewport);
    allowedStatuses = [];
    await w.page.goto(host.origin + path);
    return w.page;
  };
  afterEach(async () => {
    expectNoConsoleErrors(w, allowedStatuses);
    expectOnlyOwnOrigin(w, host.origin);
    await w.context.close();
  });

  test("/ lists the repos with their run and campaign counts", async () => {
    const page = await open("/");
    const repos = (await call("GET", "/v1/repos")) as { items: { name: string; run_count: number; campaign_count: number }[] };
    await page.getByRole("link", { name: "cifar" }).waitFor();
    for (const r of repos.items) {
      const cells = await page
        .locator("tr", { has: page.getByRole("link", { name: r.name, exact: true }) })
        .locator("td")
        .allInnerTexts();
      expect(cells[2]).toBe(String(r.run_count));
      expect(cells[3]).toBe(String(r.campaign_count));
    }
    await screenshot(page, "repos");
    await page.getByRole("link", { name: "cifar" }).click();
    await page.waitForURL(/\/repos\/cifar$/);
    await page.locator("tbody tr").first().waitFor();
  });

  test("a filter narrows the runs table to the matching runs, and the URL restores it", async () => {
    const page = await open("/repos/cifar");
    await page.locator("tbody tr").first().waitFor();
    const filter = 'params.aug = "flip" and params.lr > 0.002 and status = "finished"';
    await page.locator("input[name=filter]").fill(filter);
    await page.keyboard.press("Enter");
    await page.waitForURL(/filter=/);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(2);
    const shown = await page.locator("tbody .run-id").allInnerTexts();
    const api = (await call("GET", `/v1/repos/cifar/runs?filter=${encodeURIComponent(filter)}`)) as { items: { id: string }[] };
    expect(shown.sort()).toEqual(api.items.map((r) => r.id).sort());
    expect(shown.sort()).toEqual(["flip-lr003-s0", "flip-lr003-s1"]);
    await page.reload();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(2);
    expect(await page.locator("input[name=filter]").inputValue()).toBe(filter);
  });

  test("a bad filter shows the server's message and marks the position", async () => {
    const page = await open("/repos/cifar");
    await page.locator("tbody tr").first().waitFor();
    allowedStatuses = [400];
    const bad = "params.lr >> 3";
    await page.locator("input[name=filter]").fill(bad);
    await page.keyboard.press("Enter");
    const alert = page.locator("#filter-error");
    await alert.waitFor();
    const res = await fetch(`${host.origin}/v1/repos/cifar/runs?filter=${encodeURIComponent(bad)}`);
    const problem = (await res.json()) as { errors: { message: string }[] };
    expect(res.status).toBe(400);
    expect(await alert.textContent()).toContain(problem.errors[0].message);
    const position = Number(/at position (\d+)/.exec(problem.errors[0].message)![1]);
    expect(await alert.locator("mark").textContent()).toBe(bad[position]);
    expect(await page.locator("tbody tr").count()).toBe(0);
    await screenshot(page, "runs-bad-filter");
  });

  test("columns from values and series summaries, sorted by a click on the header", async () => {
    const cols = 'params.lr,values.acc{subset:"test"},metrics.loss{subset:"val"}.min';
    const page = await open(`/repos/cifar?cols=${encodeURIComponent(cols)}&filter=${encodeURIComponent('campaign = "augment-grid"')}`, {
      width: 1480,
      height: 900,
    });
    const header = page.locator("th.field button.sort").nth(1);
    await header.waitFor();
    await page.locator("tbody tr").nth(11).waitFor();
    await header.click(); // ascending
    await page.waitForURL(/sort=/);
    await header.click(); // descending
    await page.waitForURL(/desc/);
    const sortedApi = (await call(
      "GET",
      `/v1/repos/cifar/runs?filter=${encodeURIComponent('campaign = "augment-grid"')}&sort=${encodeURIComponent('values.acc{subset:"test"} desc')}`,
    )) as { items: { id: string }[] };
    // The URL changes at the click; the rows with the descending page's answer.
    await expect.poll(() => page.locator("tbody .run-id").allInnerTexts()).toEqual(sortedApi.items.map((r) => r.id));
    await expect.poll(async () => (await page.locator("tbody tr td.num").first().textContent()) !== "").toBe(true);
    const accCells = await page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => (r.querySelectorAll("td.num")[1] as HTMLElement).textContent));
    const shownIds = await page.locator("tbody .run-id").allInnerTexts();
    const accs = accCells.map(Number);
    expect(accs).toEqual([...accs].sort((a, b) => b - a));
    // The values shown are the run's own, to 4 significant digits.
    const detail = (await call("GET", `/v1/repos/cifar/runs/${shownIds[0]}`)) as { values: { name: string; value: number }[] };
    expect(accs[0]).toBeCloseTo(detail.values.find((v) => v.name === "acc")!.value, 3);
    await page.getByRole("checkbox", { name: `Select run ${await page.locator("tbody .run-name a").first().textContent()}` }).check();
    await page.getByRole("checkbox", { name: `Select run ${await page.locator("tbody .run-name a").nth(2).textContent()}` }).check();
    await page.getByRole("link", { name: "Compare 2 selected" }).waitFor();
    await screenshot(page, "runs");
  });

  test("cursor pages: Next shows the following runs, Previous the ones before", async () => {
    const page = await open("/repos/cifar?limit=5");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(5);
    const api = (await call("GET", "/v1/repos/cifar/runs?limit=10")) as { items: { id: string }[] };
    const ids = api.items.map((r) => r.id);
    expect(await page.locator("tbody .run-id").allInnerTexts()).toEqual(ids.slice(0, 5));
    await page.getByRole("button", { name: "Next ›" }).click();
    await page.waitForURL(/cursor=/);
    await expect.poll(() => page.locator("tbody .run-id").allInnerTexts()).toEqual(ids.slice(5, 10));
    await page.getByRole("button", { name: "‹ Previous" }).click();
    await expect.poll(() => page.locator("tbody .run-id").allInnerTexts()).toEqual(ids.slice(0, 5));
  });

  test("cursor pages two deep: Previous walks back the pages seen, one at a time", async () => {
    const page = await open("/repos/cifar?limit=3");
    const api = (await call("GET", "/v1/repos/cifar/runs?limit=9")) as { items: { id: string }[] };
    const ids = api.items.map((r) => r.id);
    expect(ids).toHaveLength(9);
    const shown = () => page.locator("tbody .run-id").allInnerTexts();
    await expect.poll(shown).toEqual(ids.slice(0, 3));
    await page.getByRole("button", { name: "Next ›" }).click();
    await expect.poll(shown).toEqual(ids.slice(3, 6));
    await page.getByRole("button", { name: "Next ›" }).click();
    await expect.poll(shown).toEqual(ids.slice(6, 9));
    await page.getByRole("button", { name: "‹ Previous" }).click();
    await expect.poll(shown).toEqual(ids.slice(3, 6));
    await page.getByRole("button", { name: "‹ Previous" }).click();
    await expect.poll(shown).toEqual(ids.slice(0, 3));
    expect(page.url()).not.toContain("cursor=");
  });

  test("selected rows open the compare view of those runs", async () => {
    const page = await open("/repos/cifar");
    await page.locator("tbody tr").nth(3).waitFor();
    await page.getByRole("checkbox", { name: "Select run resnet none lr=0.001 s0" }).check();
    await page.getByRole("checkbox", { name: "Select run resnet flip lr=0.001 s0" }).check();
    await page.getByRole("link", { name: "Compare 2 selected" }).click();
    await page.waitForURL(/\/compare\?runs=/);
    expect(new URL(page.url()).searchParams.get("runs")).toBe("none-lr001-s0,flip-lr001-s0");
    await waitForCharts(page, 3);
    expect(await page.locator(".chart-canvas > div[data-lines]").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.lines))).toEqual([
      "2",
      "2",
      "2",
    ]);
  });

  test("a run page draws one chart per metric name, its contexts overlaid, and edits tags and description", async () => {
    const page = await open("/repos/cifar/runs/crop-lr003-s1");
    await waitForCharts(page, 2);
    expect(await page.locator(".chart-card h3").allInnerTexts()).toEqual(["acc subset=val", "loss"]);
    const [acc] = await colorPixels(page, '.chart-card[data-metric="acc"]', LINE_COLORS.slice(0, 1));
    expect(acc).toBeGreaterThan(200);
    const [train, val] = await colorPixels(page, '.chart-card[data-metric="loss"]', LINE_COLORS.slice(0, 2));
    expect(train).toBeGreaterThan(200);
    expect(val).toBeGreaterThan(200);
    expect(await page.locator(".tree").first().textContent()).toContain("momentum");
    expect(await page.locator("table.values").textContent()).toContain("subset=test");

    await page.locator("input[name=tag]").fill("reviewed");
    await page.keyboard.press("Enter");
    await page.locator(".tag", { hasText: "reviewed" }).waitFor();
    await page.getByRole("button", { name: "Edit description" }).click();
    await page.locator("textarea[name=description]").fill("diverged at step 1500");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("diverged at step 1500").waitFor();
    const run = (await call("GET", "/v1/repos/cifar/runs/crop-lr003-s1")) as { tags: string[]; description: string };
    expect(run.tags).toContain("reviewed");
    expect(run.description).toBe("diverged at step 1500");
    await screenshot(page, "run");
  });

  test("dragging across a chart zooms: that step range is re-fetched and shown", async () => {
    const page = await open("/repos/cifar/runs/none-lr001-s0");
    await waitForChartsSettled(page, 2);
    const over = page.locator('.chart-card[data-metric="loss"] .u-over');
    const box = (await over.boundingBox())!;
    const fetched = page.waitForRequest((r) => r.url().includes("/metrics/loss") && r.url().includes("from="));
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL(/from=\d+&to=\d+/);
    const url = new URL(page.url());
    const from = Number(url.searchParams.get("from"));
    const to = Number(url.searchParams.get("to"));
    expect(from).toBeGreaterThan(700);
    expect(to).toBeLessThan(2000);
    const request = new URL((await fetched).url());
    expect([request.searchParams.get("from"), request.searchParams.get("to")]).toEqual([String(from), String(to)]);
    // What the hover says at the chart's left and right edges is inside the zoomed range: once
    // the zoomed data has been drawn.
    await (await fetched).response();
    await waitForChartsSettled(page, 2);
    const stepAt = async (fraction: number) => {
      await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
      const tip = page.locator('.chart-card[data-metric="loss"] .chart-tip');
      await tip.waitFor();
      return Number(/step ([\d,]+)/.exec((await tip.textContent()) ?? "")![1].replace(/,/g, ""));
    };
    const left = await stepAt(0.01);
    const right = await stepAt(0.99);
    expect(left).toBeGreaterThanOrEqual(from);
    expect(left).toBeLessThan(from + (to - from) * 0.05);
    expect(right).toBeLessThanOrEqual(to);
    expect(right).toBeGreaterThan(to - (to - from) * 0.05);
    // Double-click resets the zoom.
    await over.dblclick();
    await page.waitForURL((u) => !u.searchParams.has("from"));
  });

  test("compare grouped by a param draws one mean line per group; hover names the line", async () => {
    const page = await open(`/repos/cifar/compare?filter=${encodeURIComponent('campaign = "augment-grid"')}&group=aug`);
    await waitForCharts(page, 3);
    expect(await page.locator(".chart-canvas > div[data-lines]").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.lines))).toEqual([
      "3",
      "3",
      "3",
    ]);
    expect(await page.locator(".legend button").allInnerTexts()).toEqual(["aug=crop (4)", "aug=flip (4)", "aug=none (4)"]);
    const pixels = await colorPixels(page, '.chart-card[data-metric="acc"]', LINE_COLORS);
    for (const n of pixels) expect(n).toBeGreaterThan(150);
    await screenshot(page, "compare");

    const over = page.locator('.chart-card[data-metric="acc"] .u-over');
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    const tip = page.locator('.chart-card[data-metric="acc"] .chart-tip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/aug=crop \(4\)[\s\S]*4 runs/);

    // The legend switches a group off.
    await page.getByRole("button", { name: "aug=none (4)" }).click();
    await expect.poll(() => page.locator('.chart-card[data-metric="acc"] [data-lines]').getAttribute("data-lines")).toBe("2");
  });

  test("compare colors runs by a param; hover shows the run, step and value", async () => {
    const page = await open("/repos/cifar/compare?runs=none-lr001-s0,flip-lr001-s0,flip-lr003-s0&color=aug");
    await waitForCharts(page, 3);
    // Two values of aug: two colors; the two flip runs share one.
    const [none, flip, other] = await colorPixels(page, '.chart-card[data-metric="acc"]', ["#f28e2b", "#4e79a7", "#e15759"]);
    expect(none).toBeGreaterThan(150);
    expect(flip).toBeGreaterThan(150);
    expect(other).toBe(0);
    const box = (await page.locator('.chart-card[data-metric="acc"] .u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
    const tip = page.locator('.chart-card[data-metric="acc"] .chart-tip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/step [\d,]+[\s\S]*resnet (none|flip) lr=0\.00\d s0 · aug=(none|flip)[\s\S]*0\.\d+/);
  });

  test("chart options: epoch on x, log scale and smoothing, all kept in the URL", async () => {
    const page = await open("/repos/cifar/runs/none-lr001-s0");
    await waitForCharts(page, 2);
    const painted = () => page.locator('.chart-card[data-metric="loss"] [data-lines]').getAttribute("data-painted-at");
    let before = await painted();
    await page.getByLabel("x-axis").selectOption("epoch");
    await page.waitForURL(/x=epoch/);
    await expect.poll(painted).not.toBe(before);
    const box = (await page.locator('.chart-card[data-metric="loss"] .u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    expect(await page.locator('.chart-card[data-metric="loss"] .chart-tip').textContent()).toMatch(/^epoch \d+/);
    before = await painted();
    await page.getByRole("checkbox", { name: "log scale" }).check();
    await page.waitForURL(/log=1/);
    await expect.poll(painted).not.toBe(before);
    before = await painted();
    await page.locator(".smoothing input").fill("0.9");
    await page.waitForURL(/smooth=0.9/);
    await expect.poll(painted).not.toBe(before);
    await page.reload();
    await waitForCharts(page, 2);
    expect(await page.getByLabel("x-axis").inputValue()).toBe("epoch");
    expect(await page.getByRole("checkbox", { name: "log scale" }).isChecked()).toBe(true);
    const [lines] = await colorPixels(page, '.chart-card[data-metric="loss"]', LINE_COLORS.slice(0, 1));
    expect(lines).toBeGreaterThan(200);
  });

  test("the campaign page's summary equals the API's, and downloads it as CSV", async () => {
    const page = await open("/repos/cifar/campaigns/augment-grid?group=aug,lr");
    await page.locator("table.summary tbody tr").first().waitFor();
    const api = (await call("GET", "/v1/repos/cifar/campaigns/augment-grid/summary?group_by=aug,lr")) as {
      rows: { group: Record<string, unknown>; metric: string; n: number; nan: number; mean: number; ci95: number | null }[];
    };
    const rows = await page
      .locator("table.summary tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).textContent)));
    expect(rows.length).toBe(api.rows.length);
    api.rows.forEach((r, i) => {
      const [aug, lr, metric, , n, nan, meanCi] = rows[i];
      expect([aug, Number(lr), metric, Number(n), Number(nan)]).toEqual([r.group.aug, r.group.lr, r.metric, r.n, r.nan]);
      const [mean, ci] = meanCi.split("±").map((x) => Number(x.trim()));
      expect(mean).toBeCloseTo(r.mean, 3);
      expect(ci).toBeCloseTo(r.ci95!, 4);
    });
    await page.waitForFunction(() => Number((document.querySelector(".error-bars") as HTMLElement)?.dataset.painted ?? 0) > 0);
    const [points] = await colorPixels(page, ".error-bars", ["#4e79a7"]);
    expect(points).toBeGreaterThan(100);
    await screenshot(page, "campaign");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const file = await (await download).path();
    const csv = await (await fetch(`${host.origin}/v1/repos/cifar/campaigns/augment-grid/summary?group_by=aug,lr`, { headers: { accept: "text/csv" } })).text();
    expect(readFileSync(file, "utf8")).toBe(csv);
  });

  test("a running run's page updates as it logs, without a reload", async () => {
    const page = await open("/repos/cifar/runs/live-run");
    await waitForCharts(page, 1);
    await page.getByText("50 points").waitFor();
    await call("POST", "/v1/repos/cifar/runs/live-run/metrics", {
      points: Array.from({ length: 25 }, (_, i) => ({ name: "loss", step: 50 + i, value: 1 - i / 50 })),
    });
    await page.getByText("75 points").waitFor({ timeout: 10_000 });
    await waitForCharts(page, 1);
  });

  test("archived runs appear with the toggle, and a run can be archived from its page", async () => {
    const page = await open("/repos/cifar");
    await page.locator("tbody tr").first().waitFor();
    expect(await page.locator("tbody .run-id").allInnerTexts()).not.toContain("old-debug");
    await page.getByRole("checkbox", { name: "show archived" }).check();
    await page.locator("tbody .run-id", { hasText: "old-debug" }).waitFor();
    await page.goto(`${host.origin}/repos/cifar/runs/none-lr001-s1`);
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("button", { name: "Unarchive" }).waitFor();
    expect(((await call("GET", "/v1/repos/cifar/runs/none-lr001-s1")) as { archived: boolean }).archived).toBe(true);
    await page.getByRole("button", { name: "Unarchive" }).click();
    await page.getByRole("button", { name: "Archive" }).waitFor();
  });

  test("/docs renders the API reference from the server's own files", async () => {
    const page = await open("/docs");
    await page.getByText("Liveness and database check").first().waitFor({ timeout: 20_000 });
  });
});

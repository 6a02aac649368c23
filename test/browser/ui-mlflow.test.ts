// What an MLflow script leaves, seen in the web UI in a real Chromium against the Node host:
// nested runs as a tree in the runs table (children under their parent, opened and closed,
// a count, kept in the URL), the parent and the key/value tags on the run page, a metric of
// one point as its value and step instead of an empty chart, and MLflow's UI URLs (the
// client's "View run" hash link, the same path without "#", an experiment) followed to the
// runcamp page. The runs are written through the MLflow dialect, as the mlflow client does.
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, skipBrowserTests, type WatchedPage } from "./browser.ts";
import { expectNoConsoleErrors, expectOnlyOwnOrigin, screenshot, waitForCharts } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const API = "/api/2.0/mlflow";
const REPO = "nested-grid";
const T0 = 1764147000000;

describe.skipIf(skipBrowserTests)("web UI: MLflow's nested runs, tags, single points and URLs", () => {
  let host: UiHost;
  let browser: Browser;
  let w: WatchedPage;
  let experiment = "";
  let parent = "";
  const children: string[] = [];

  beforeAll(async () => {
    host = await startNodeUi();
    const call = apiCaller(host.origin);
    const mlflow = <T = unknown>(path: string, body: unknown) => call("POST", `${API}${path}`, body) as Promise<T>;
    experiment = (await mlflow<{ experiment_id: string }>("/experiments/create", { name: REPO })).experiment_id;
    const create = async (name: string, tags: { key: string; value: string }[]) =>
      (await mlflow<{ run: { info: { run_id: string } } }>("/runs/create", { experiment_id: experiment, run_name: name, start_time: T0, tags })).run.info
        .run_id;
    parent = await create("grid-search", [{ key: "team", value: "eco" }]);
    for (const alpha of [0.1, 1, 10]) {
      const child = await create(`alpha-${alpha}`, [
        { key: "mlflow.parentRunId", value: parent },
        { key: "team", value: "eco" },
        { key: "note", value: "<b>not markup</b>\nsecond line" },
      ]);
      children.push(child);
      await mlflow("/runs/log-batch", { run_id: child, params: [{ key: "alpha", value: String(alpha) }] });
    }
    await create("lone", []);
    const child = children[0];
    // sklearn's autolog logs training scores once, at step 0.
    await mlflow("/runs/log-metric", { run_id: child, key: "training_score", value: 0.9375, timestamp: T0, step: 0 });
    await mlflow("/runs/log-metric", { run_id: child, key: "training_rmse", value: 12.5, timestamp: T0, step: 3 });
    await mlflow("/runs/log-batch", {
      run_id: child,
      metrics: Array.from({ length: 20 }, (_, step) => ({ key: "loss", value: 1 / (step + 1), timestamp: T0 + step, step })),
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  const open = async (path: string) => {
    w = await openPage(browser);
    await w.page.goto(host.origin + path);
    return w.page;
  };
  afterEach(async () => {
    expectNoConsoleErrors(w);
    expectOnlyOwnOrigin(w, host.origin);
    await w.context.close();
  });

  const names = (page: Awaited<ReturnType<typeof open>>) => page.locator("table.runs tbody td.run-name > a").allTextContents();

  test("nested runs are a tree: closed at first with a count, opened and closed, kept in the URL", async () => {
    const page = await open(`/repos/${REPO}?sort=name%20asc`);
    await page.locator("table.runs tbody tr").first().waitFor();
    expect(await names(page)).toEqual(["grid-search", "lone"]);
    const toggle = page.getByRole("button", { name: "Show the 3 nested runs of grid-search" });
    expect(await toggle.textContent()).toBe("▸ 3");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    await page.waitForURL(/open=/);
    await expect.poll(() => names(page)).toEqual(["grid-search", "alpha-0.1", "alpha-1", "alpha-10", "lone"]);
    expect(await page.locator('table.runs tbody tr[data-depth="1"]').count()).toBe(3);
    const indent = await page
      .locator('tr[data-depth="1"] td.run-name')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft));
    const flush = await page
      .locator('tr[data-depth="0"] td.run-name')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft));
    expect(indent).toBeGreaterThan(flush);
    await screenshot(page, "runs-tree", page.locator("table.runs"));
    await page.reload();
    await expect.poll(() => names(page)).toEqual(["grid-search", "alpha-0.1", "alpha-1", "alpha-10", "lone"]);
    await page.getByRole("button", { name: "Hide the 3 nested runs of grid-search" }).click();
    await expect.poll(() => names(page)).toEqual(["grid-search", "lone"]);
  });

  test("a child whose parent is filtered out stands alone and names its parent", async () => {
    const page = await open(`/repos/${REPO}?filter=${encodeURIComponent('params.alpha = 1 or tag_values.team = "nobody"')}`);
    await page.locator("table.runs tbody tr").first().waitFor();
    expect(await names(page)).toEqual(["alpha-1"]);
    const link = page.locator(".run-parent a");
    expect(await link.textContent()).toBe(parent);
    await link.click();
    await page.waitForURL(`**/repos/${REPO}/runs/${parent}`);
  });

  test("the filter box takes tag_values and parent", async () => {
    const page = await open(`/repos/${REPO}?sort=name%20asc&filter=${encodeURIComponent(`parent = "${parent}" and tag_values.team = "eco"`)}`);
    await page.locator("table.runs tbody tr").first().waitFor();
    expect(await names(page)).toEqual(["alpha-0.1", "alpha-1", "alpha-10"]);
  });

  test("the column chooser offers the key/value tags; a chosen one shows each run's text", async () => {
    const page = await open(`/repos/${REPO}?sort=name%20asc`);
    await page.locator("table.runs tbody tr").first().waitFor();
    await page.getByRole("button", { name: "Columns ▾" }).click();
    const group = page.locator(".column-groups section", { hasText: "Key/value tags" });
    // The chooser fills its groups once the repo's columns are read.
    await expect.poll(() => group.locator("label").allTextContents()).toEqual([" mlflow.parentRunId", " note", " team"]);
    await group.getByLabel("team").check();
    await page.waitForURL(/cols=tag_values.team/);
    await expect.poll(() => page.locator("table.runs tbody td.num").allTextContents()).toEqual(["eco", ""]);
  });

  test("the run page links the parent and lists the key/value tags as text", async () => {
    const page = await open(`/repos/${REPO}/runs/${children[1]}`);
    const link = page.locator(".facts a", { hasText: parent });
    await link.waitFor();
    const rows = page.locator("table.key-value-tags tbody tr");
    expect(await rows.locator("td:first-child").allTextContents()).toEqual(["mlflow.parentRunId", "note", "team"]);
    expect(await rows.nth(1).locator("td.tag-value").textContent()).toBe("<b>not markup</b>\nsecond line");
    expect(await page.locator("table.key-value-tags b").count()).toBe(0);
    await link.click();
    await page.waitForURL(`**/repos/${REPO}/runs/${parent}`);
    await page.locator("h1", { hasText: "grid-search" }).waitFor();
    expect(await page.locator(".facts dt", { hasText: "parent" }).count()).toBe(0);
  });

  test("a metric of one point shows its value and step; a curve stays a chart", async () => {
    const page = await open(`/repos/${REPO}/runs/${children[0]}`);
    await waitForCharts(page, 1);
    const score = page.locator('.single-point[data-metric="training_score"]');
    expect(await score.locator(".value").textContent()).toBe("0.9375");
    expect(await score.locator(".step").textContent()).toBe("step 0");
    expect(await page.locator('.single-point[data-metric="training_rmse"] .step').textContent()).toBe("step 3");
    expect(await page.locator('.chart-card[data-metric="training_score"]').count()).toBe(0);
    expect(await page.locator('.chart-card[data-metric="loss"]').count()).toBe(1);
    expect(await page.locator(".single-point").count()).toBe(2);
    await screenshot(page, "single-points", page.locator(".single-points"));
  });

  test("MLflow's View run link (a hash route) opens the run page", async () => {
    const page = await open(`/#/experiments/${experiment}/runs/${children[2]}`);
    await page.waitForURL(`${host.origin}/repos/${REPO}/runs/${children[2]}`);
    await page.locator("h1", { hasText: "alpha-10" }).waitFor();
  });

  test("the same path without the hash, and an experiment, open the run page and the runs table", async () => {
    const page = await open(`/experiments/${experiment}/runs/${children[0]}`);
    await page.waitForURL(`${host.origin}/repos/${REPO}/runs/${children[0]}`);
    await page.locator("h1", { hasText: "alpha-0.1" }).waitFor();
    await page.goto(`${host.origin}/#/experiments/${experiment}`);
    await page.waitForURL(`${host.origin}/repos/${REPO}`);
    await page.locator("table.runs tbody tr").first().waitFor();
    // Back goes to the page before the redirect, not to the redirecting URL.
    await page.goBack();
    await page.waitForURL(`${host.origin}/repos/${REPO}/runs/${children[0]}`);
  });

  test("an experiment no repo is says so", async () => {
    const page = await open("/#/experiments/987654");
    await page.waitForURL(`${host.origin}/experiments/987654`);
    await page.getByText("No repo is MLflow experiment 987654.").waitFor();
  });
});

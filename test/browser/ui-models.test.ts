// The Models page and the run page's Models section, in a real Chromium against the Node
// host, over what the MLflow dialect stored: registered models with their versions, aliases
// and runs, the repo's logged models; hostile model names stay text.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages, screenshot } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";
const API = "/api/2.0/mlflow";

describe.skipIf(skipBrowserTests)("web UI: models", () => {
  let host: UiHost;
  let browser: Browser;
  let runId = "";
  let modelId = "";

  beforeAll(async () => {
    host = await startNodeUi();
    const call = apiCaller(host.origin);
    const { experiment_id } = (await call("POST", `${API}/experiments/create`, { name: "zoo" })) as { experiment_id: string };
    runId = ((await call("POST", `${API}/runs/create`, { experiment_id })) as { run: { info: { run_id: string } } }).run.info.run_id;
    const created = await call("POST", `${API}/logged-models`, { experiment_id, name: HOSTILE, source_run_id: runId });
    modelId = (created as { model: { info: { model_id: string } } }).model.info.model_id;
    await call("PATCH", `${API}/logged-models/${modelId}`, { status: "LOGGED_MODEL_READY" });
    await call("POST", `${API}/runs/log-metric`, { run_id: runId, key: "acc", value: 0.9, timestamp: 0, model_id: modelId });
    await call("POST", `${API}/registered-models/create`, { name: HOSTILE });
    await call("POST", `${API}/model-versions/create`, { name: HOSTILE, source: `models:/${modelId}` });
    await call("POST", `${API}/model-versions/create`, { name: HOSTILE, source: `models:/${modelId}` });
    await call("POST", `${API}/registered-models/alias`, { name: HOSTILE, alias: "champion", version: "1" });
    await call("POST", `${API}/model-versions/transition-stage`, { name: HOSTILE, version: "2", stage: "Staging" });
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

  test("the runs table links to Models: versions newest first with aliases, stage and run; logged models with their run", async () => {
    const page = await open("/repos/zoo");
    await page.getByRole("link", { name: "Models" }).click();
    await page.waitForURL(`${host.origin}/repos/zoo/models`);
    const versions = page.locator("section.registered-models tbody tr");
    await expect.poll(() => versions.count()).toBe(2);
    expect(await page.locator("section.registered-models h3").textContent()).toContain(HOSTILE);
    const cells = async (i: number) => (await versions.nth(i).locator("td").allTextContents()).slice(0, 4);
    expect(await cells(0)).toEqual(["2", "", "Staging", runId]);
    expect(await cells(1)).toEqual(["1", "@champion", "", runId]);
    const logged = page.locator("section.logged-models tbody tr");
    expect(await logged.count()).toBe(1);
    expect(await logged.locator("td").first().textContent()).toBe(`${HOSTILE} ${modelId}`);
    expect(await logged.locator(".chip").allTextContents()).toEqual(["acc 0.9", `${HOSTILE} v1`, `${HOSTILE} v2`]);
    expect(await page.locator("img, script:not([src])").count()).toBe(0);
    await screenshot(page, "models-page");
    await versions.nth(1).getByRole("link", { name: runId }).click();
    await page.waitForURL(`${host.origin}/repos/zoo/runs/${runId}`);
    await page.locator("section.run-models").waitFor();
    expect(await page.locator("section.run-models tbody tr td").first().textContent()).toBe(`${HOSTILE} ${modelId}`);
  });
});

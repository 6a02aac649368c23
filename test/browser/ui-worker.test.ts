// Smoke test of the web UI served by the Worker under Miniflare (workerd, as `npm run dev`):
// the pages come from the Worker and its static assets, the charts draw, an artifact image
// shows, nothing is fetched from outside.

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PNG, PNG_SIZE } from "./artifact-seed.ts";
import { launchBrowser, openPage, skipBrowserTests } from "./browser.ts";
import { colorPixels, expectNoConsoleErrors, expectOnlyOwnOrigin, waitForCharts } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startWorkerUi, type UiHost } from "./ui-hosts.ts";

describe.skipIf(skipBrowserTests)("web UI on the Worker (Miniflare)", () => {
  let host: UiHost;
  let browser: Browser;
  beforeAll(async () => {
    host = await startWorkerUi();
    const call = apiCaller(host.origin);
    await call("POST", "/v1/repos/edge/runs", { id: "w1", name: "worker run", params: { lr: 0.1 } });
    await call("POST", "/v1/repos/edge/runs/w1/metrics", {
      points: Array.from({ length: 500 }, (_, step) => ({ name: "loss", step, value: 1 / (1 + step / 50) })),
    });
    const uploaded = await fetch(`${host.origin}/v1/repos/edge/runs/w1/artifacts/figures/curve.png`, {
      method: "PUT",
      headers: { "content-type": "image/png" },
      body: PNG,
    });
    expect(uploaded.status).toBe(201);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  test("repos, runs table and a run's chart, served by the Worker", async () => {
    const w = await openPage(browser);
    await w.page.goto(`${host.origin}/`);
    await w.page.getByRole("link", { name: "edge" }).click();
    await w.page.getByRole("link", { name: "worker run" }).click();
    await w.page.waitForURL(/\/repos\/edge\/runs\/w1$/);
    await waitForCharts(w.page, 1);
    const [ink] = await colorPixels(w.page, ".chart-card", ["#4e79a7"]);
    expect(ink).toBeGreaterThan(200);
    // The run's PNG artifact, read from the Worker's artifact store and decoded at its size.
    await w.page.waitForFunction(() => (document.querySelector(".artifact-card img") as HTMLImageElement)?.naturalWidth > 0);
    expect(await w.page.locator(".artifact-card img").evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([
      PNG_SIZE.width,
      PNG_SIZE.height,
    ]);
    // A shared URL loads straight into the page (the Worker answers it with index.html).
    await w.page.goto(`${host.origin}/repos/edge/runs/w1?x=step`);
    await waitForCharts(w.page, 1);
    expectNoConsoleErrors(w);
    expectOnlyOwnOrigin(w, host.origin);
    await w.context.close();
  });
});

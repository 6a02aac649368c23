// The run page's Inputs, in a real Chromium against the Node host: each dataset the run used
// with its context, source and digest, its schema's columns behind a disclosure; a hostile
// dataset name, source or column stays text (no element, no script, no dialog).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages, screenshot } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";
const SCHEMA = JSON.stringify({
  mlflow_colspec: [
    { type: "double", name: "sepal_length", required: true },
    { type: "string", name: HOSTILE, required: true },
  ],
});

describe.skipIf(skipBrowserTests)("web UI: a run's dataset inputs", () => {
  let host: UiHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startNodeUi();
    const call = apiCaller(host.origin);
    await call("POST", "/v1/repos/data/runs", { id: "trained", name: "trained" });
    await call("POST", "/v1/repos/data/runs/trained/inputs", [
      { name: "iris", digest: "a1b2c3d4", source_type: "s3", source: "s3://bucket/iris.csv", schema: SCHEMA, context: "training" },
      { name: HOSTILE, digest: "d1", source: HOSTILE, schema: "not json <b>bold</b>", context: "eval" },
    ]);
    await call("POST", "/v1/repos/data/runs", { id: "bare", name: "bare" });
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

  test("each input is a row of text; the schema's columns open in place; markup stays text", async () => {
    const page = await open("/repos/data/runs/trained");
    const rows = page.locator("section.run-inputs tbody tr").filter({ has: page.locator("details") });
    await expect.poll(() => rows.count()).toBe(2);
    const cells = async (i: number) => (await rows.nth(i).locator(":scope > td").allTextContents()).slice(0, 4);
    expect(await cells(0)).toEqual(["iris", "training", "s3 s3://bucket/iris.csv", "a1b2c3d4"]);
    expect(await cells(1)).toEqual([HOSTILE, "eval", HOSTILE, "d1"]);

    const schema = rows.nth(0).locator("details");
    expect(await schema.locator("summary").textContent()).toBe("2 columns");
    expect(await schema.locator("table").isVisible()).toBe(false);
    await schema.locator("summary").click();
    expect(await schema.locator("tr").allTextContents()).toEqual(["sepal_lengthdouble", `${HOSTILE}string`]);
    const raw = rows.nth(1).locator("details");
    await raw.locator("summary").click();
    expect(await raw.locator("pre").textContent()).toBe("not json <b>bold</b>");

    expect(await page.locator("section.run-inputs img, section.run-inputs b, section.run-inputs script").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    await screenshot(page, "run-inputs", page.locator("section.run-inputs"));
  });

  test("a run without inputs says so", async () => {
    const page = await open("/repos/data/runs/bare");
    await page.locator("section.run-inputs").waitFor();
    expect(await page.locator("section.run-inputs p").textContent()).toBe("none logged");
  });
});

// What spans every page of the UI, in a real Chromium against the Node host: each chart's export
// (a PNG that decodes at the canvas's size, an SVG that parses with one path per visible
// line), the theme (the system's, and the header's toggle, remembered), each view's tab title,
// Escape closing each popover and dialog with the focus back on its opener, and the breadcrumb
// back to the runs table keeping the table's filter and sort.
import { readFileSync } from "node:fs";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, skipBrowserTests } from "./browser.ts";
import { checkedPages, colorPixels, expectNoConsoleErrors, expectOnlyOwnOrigin, screenshot, waitForCharts } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const REPO = "/repos/polish";
const RUNS = [
  { id: "r-a", name: "alpha", lr: 0.1, seed: 0 },
  { id: "r-b", name: "beta", lr: 0.1, seed: 1 },
  { id: "r-c", name: "gamma", lr: 0.01, seed: 0 },
  { id: "r-d", name: "delta", lr: 0.01, seed: 1 },
];
const COMPARE = `${REPO}/compare?runs=r-a,r-b,r-c&metrics=${encodeURIComponent('loss{"subset":"train"}')}`;
const TOKEN = "polish-token-51c2";
// The chart grid's colour in the dark theme (--chart-grid in web/src/styles.css).
const DARK_GRID = "#282d38";

async function seedRepo(call: ReturnType<typeof apiCaller>) {
  await call("POST", "/v1/repos/polish/campaigns", { id: "sweep", name: "lr sweep", params: { lrs: [0.1, 0.01] } });
  for (const [i, r] of RUNS.entries()) {
    await call("POST", "/v1/repos/polish/runs", { id: r.id, name: r.name, params: { lr: r.lr, seed: r.seed }, campaign: "sweep" });
    const points = [];
    for (let step = 0; step < 200; step++) {
      for (const subset of ["train", "val"])
        points.push({ name: "loss", context: { subset }, step, value: (2 + i / 4) * Math.exp(-step / 60) + (subset === "val" ? 0.2 : 0.1) });
    }
    await call("POST", `/v1/repos/polish/runs/${r.id}/metrics`, { points });
    await call("PUT", `/v1/repos/polish/runs/${r.id}/values`, [{ name: "acc", value: 0.8 + i / 50 }]);
    await call("PATCH", `/v1/repos/polish/runs/${r.id}`, { status: "finished" });
  }
}

/** Clicks the chart's Export menu item and returns the saved file. */
async function exportFrom(page: Page, chart: string, item: "PNG image" | "SVG (vector)"): Promise<{ download: Download; bytes: Buffer }> {
  const card = page.locator(chart);
  await card.getByRole("button", { name: "Export ▾" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("menuitem", { name: item }).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path!) };
}

/** What DOMParser makes of an SVG text in the page: a parser error, or its series paths, tick labels and legend. */
function parseSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const error = doc.querySelector("parsererror")?.textContent ?? null;
    return {
      error,
      root: doc.documentElement.nodeName,
      series: [...doc.querySelectorAll("path.series")].map((p) => ({
        label: p.getAttribute("data-label"),
        d: p.getAttribute("d") ?? "",
        stroke: p.getAttribute("stroke"),
      })),
      ticks: [...doc.querySelectorAll("text.tick")].map((t) => t.textContent),
      legend: [...doc.querySelectorAll(".legend text")].map((t) => t.textContent),
      title: doc.querySelector("text.title")?.textContent,
      whiskers: doc.querySelectorAll("path.whiskers").length,
    };
  }, text);
}

describe.skipIf(skipBrowserTests)("web UI: export, theme, titles, Escape, breadcrumb", () => {
  let host: UiHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startNodeUi();
    await seedRepo(apiCaller(host.origin));
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

  test("a chart exports as a PNG that decodes at the canvas's size, with room for the title and legend", async () => {
    const page = await open(`${REPO}/runs/r-a`);
    await waitForCharts(page, 1);
    const chart = '.chart-card[data-metric="loss"]';
    const canvas = await page.locator(`${chart} canvas`).evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
    const { download, bytes } = await exportFrom(page, chart, "PNG image");
    expect(download.suggestedFilename()).toBe("loss.png");
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBe(canvas.width);
    expect(height).toBeGreaterThan(canvas.height + 40);
    const decoded = await page.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: "image/png" }));
      return { width: bitmap.width, height: bitmap.height };
    }, bytes.toString("base64"));
    expect(decoded).toEqual({ width, height });
    // The menu closed and gave the focus back to its button.
    expect(await page.getByRole("menu").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Export ▾");
  });

  test("a chart exports as an SVG that parses, with a path per visible line, the axes' ticks and the legend", async () => {
    const page = await open(COMPARE);
    await waitForCharts(page, 1);
    const chart = ".chart-card";
    const { download, bytes } = await exportFrom(page, chart, "SVG (vector)");
    expect(download.suggestedFilename()).toBe("loss-subset-train.svg");
    const svg = await parseSvg(page, bytes.toString("utf8"));
    expect(svg.error).toBeNull();
    expect(svg.root).toBe("svg");
    expect(svg.title).toBe("loss subset=train");
    expect(svg.series.map((s) => s.label).sort()).toEqual(["alpha", "beta", "gamma"]);
    for (const s of svg.series) expect(s.d.match(/L/g)?.length ?? 0).toBeGreaterThan(50);
    expect(new Set(svg.series.map((s) => s.stroke)).size).toBe(3);
    expect(svg.ticks.length).toBeGreaterThan(4);
    expect(svg.ticks).toContain("100");
    expect(svg.legend.sort()).toEqual(["alpha", "beta", "gamma"]);

    // A line switched off in the legend is left out of the file.
    await page.locator(".legend").getByRole("button", { name: "beta" }).click();
    await page.locator('.chart-canvas > div[data-lines="2"]').waitFor();
    const again = await parseSvg(page, (await exportFrom(page, chart, "SVG (vector)")).bytes.toString("utf8"));
    expect(again.series.map((s) => s.label).sort()).toEqual(["alpha", "gamma"]);
  });

  test("the campaign's error-bar chart exports too: its means as one path, its whiskers", async () => {
    const page = await open(`${REPO}/campaigns/sweep?group=lr`);
    await page.waitForFunction(() => Number((document.querySelector(".error-bars") as HTMLElement)?.dataset.painted ?? 0) > 0);
    const { download, bytes } = await exportFrom(page, ".chart-card:has(.error-bars)", "SVG (vector)");
    expect(download.suggestedFilename()).toMatch(/^lr-sweep-.+-group-means\.svg$/);
    const svg = await parseSvg(page, bytes.toString("utf8"));
    expect(svg.error).toBeNull();
    expect(svg.series).toHaveLength(1);
    expect(svg.series[0].d.match(/a/g)?.length).toBe(2 * 2); // two groups, a dot (two arcs) each
    expect(svg.whiskers).toBe(1);
    expect(svg.ticks).toEqual(expect.arrayContaining(["0.1", "0.01"]));
    const png = (await exportFrom(page, ".chart-card:has(.error-bars)", "PNG image")).bytes;
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  test("the theme follows the system, the header's toggle overrides it, and the choice is remembered", async () => {
    const page = await open(`${REPO}/runs/r-a`);
    await waitForCharts(page, 1);
    const rootBackground = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await rootBackground();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");

    const painted = () => page.locator(".chart-canvas > div[data-lines]").evaluate((el) => Number((el as HTMLElement).dataset.painted));
    const gridPixels = () => colorPixels(page, ".chart-card", [DARK_GRID]).then(([n]) => n);
    const lightPaints = await painted();
    expect(await gridPixels()).toBe(0);

    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    const dark = await rootBackground();
    expect(dark).not.toBe(light);
    const [r, g, b] = dark.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(150);
    // The chart redrew, its grid in the dark theme's colour.
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".chart-canvas > div[data-lines]")!.dataset.painted) > n, lightPaints);
    expect(await gridPixels()).toBeGreaterThan(100);
    await screenshot(page, "run-dark");
    const darkPaints = await painted();

    // The toggle wins over the system, and stays after a reload.
    const toggle = page.getByRole("combobox", { name: "Theme" });
    expect(await toggle.inputValue()).toBe("auto");
    await toggle.selectOption("light");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    expect(await rootBackground()).toBe(light);
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".chart-canvas > div[data-lines]")!.dataset.painted) > n, darkPaints);
    expect(await gridPixels()).toBe(0);
    await page.reload();
    await waitForCharts(page, 1);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    expect(await page.getByRole("combobox", { name: "Theme" }).inputValue()).toBe("light");
    await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
    await page.emulateMedia({ colorScheme: "light" });
    expect(await rootBackground()).toBe(dark);
    await page.getByRole("combobox", { name: "Theme" }).selectOption("auto");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    expect(await page.evaluate(() => localStorage.getItem("runcamp.theme"))).toBeNull();
  });

  test("every view has its own tab title", async () => {
    const page = await open("/");
    const titled = async (path: string, title: string) => {
      await page.goto(host.origin + path);
      await expect.poll(() => page.title(), { timeout: 10_000 }).toBe(title);
    };
    await titled("/", "repos · runcamp");
    await titled(REPO, "runs · polish · runcamp");
    await titled(`${REPO}/runs/r-b`, "beta · polish · runcamp");
    await titled(`${REPO}/compare?runs=r-a,r-b,r-c`, "compare 3 runs · polish · runcamp");
    await titled(`${REPO}/campaigns/sweep`, "campaign lr sweep · polish · runcamp");
    await titled(`${REPO}/models`, "models · polish · runcamp");
  });

  test("Escape closes the column chooser, the path picker and the export menu, and the focus returns to the opener", async () => {
    const page = await open(REPO);
    const escapes = async (opener: ReturnType<Page["getByRole"]>, popup: ReturnType<Page["getByRole"]>) => {
      await opener.click();
      await popup.waitFor();
      await page.keyboard.press("Escape");
      await popup.waitFor({ state: "detached" });
      expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await opener.getAttribute("aria-expanded")).toBe("false");
    };
    await page.locator("table.runs tbody tr").first().waitFor();
    await escapes(page.getByRole("button", { name: "Columns ▾" }), page.getByRole("dialog", { name: "Columns" }));

    await page.goto(host.origin + COMPARE);
    await waitForCharts(page, 1);
    await escapes(page.getByRole("button", { name: /^group by/ }), page.getByRole("dialog", { name: "group by" }));
    await escapes(page.getByRole("button", { name: "Export ▾" }), page.getByRole("menu", { name: "Export chart" }));

    // Two open at once: Escape closes the last opened first.
    await page.getByRole("button", { name: /^series/ }).click();
    await page.getByRole("button", { name: "Export ▾" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "detached" });
    expect(await page.getByRole("dialog", { name: "series" }).count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: "series" }).waitFor({ state: "detached" });

    // In the run page's tags editor, Escape drops what was typed.
    await page.goto(`${host.origin}${REPO}/runs/r-a`);
    const tag = page.locator("input[name=tag]");
    await tag.fill("half-typed");
    await tag.press("Escape");
    expect(await tag.inputValue()).toBe("");
  });

  test("the breadcrumb back to the runs table keeps its filter and sort, from a run and from the compare page", async () => {
    const page = await open(`${REPO}?filter=${encodeURIComponent("params.lr < 0.05")}&sort=${encodeURIComponent("name desc")}`);
    const names = () => page.locator("table.runs tbody .run-name a").allTextContents();
    await page.waitForFunction(() => document.querySelectorAll("table.runs tbody tr").length === 2);
    expect(await names()).toEqual(["gamma", "delta"]);
    await page.getByRole("link", { name: "gamma" }).click();
    await page.getByRole("heading", { name: "gamma" }).waitFor();
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "polish" }).click();
    await page.waitForFunction(() => document.querySelectorAll("table.runs tbody tr").length === 2);
    expect(new URL(page.url()).searchParams.get("filter")).toBe("params.lr < 0.05");
    expect(await page.locator("input[name=filter]").inputValue()).toBe("params.lr < 0.05");
    expect(await names()).toEqual(["gamma", "delta"]);

    await page.goto(host.origin + COMPARE);
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "polish" }).click();
    await page.waitForFunction(() => document.querySelectorAll("table.runs tbody tr").length === 2);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("name desc");
  });

  test("Escape dismisses the token prompt: the waiting request fails with the server's 401", async () => {
    const secured = await startNodeUi({ adminToken: TOKEN });
    const w = await openPage(browser);
    try {
      await w.page.goto(`${secured.origin}/`);
      const dialog = w.page.getByRole("dialog", { name: "API token" });
      await dialog.waitFor();
      await w.page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      await w.page.locator(".problem").waitFor();
      expect(await w.page.locator(".problem").textContent()).toMatch(/401|[Uu]nauthori[sz]ed|token/);
      expectNoConsoleErrors(w, [401]);
      expectOnlyOwnOrigin(w, secured.origin);
    } finally {
      await w.context.close();
      await secured.close();
    }
  });
});

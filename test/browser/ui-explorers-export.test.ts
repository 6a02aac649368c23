// The explorers' export, in a real Chromium against the Node host: the parallel coordinates and
// the scatter each write a PNG that decodes at the canvas's size (at a device pixel ratio of 2)
// with the HTML over the canvas drawn in, and an SVG that parses, built from the data: one path
// per run (grey outside the brushes), one circle per plotted run, the trend line, the axes'
// names and ticks, the colour legend. A param value with markup stays text in the SVG.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";
const ACC = 'values.acc{subset:"test"}';
const LRS = [0.001, 0.004, 0.01, 0.02];

// 12 runs; "no-acc" never wrote its acc (no place on the scatter's y), "hostile" has markup
// as its note.
const RUNS = Array.from({ length: 12 }, (_, i) => ({
  id: i === 11 ? "no-acc" : i === 5 ? "hostile" : `r${i}`,
  lr: LRS[i % 4],
  note: i === 5 ? HOSTILE : "plain",
  acc: i === 11 ? null : 0.6 + 10 * LRS[i % 4],
}));
const PARAMS = `/repos/xport/params?${new URLSearchParams({
  cols: ["params.lr", "params.note", ACC].join(","),
  color: "params.note",
  brush: JSON.stringify({ "params.lr": [0.005, 1] }),
})}`;
const SCATTER = `/repos/xport/scatter?${new URLSearchParams({ x: "params.lr", y: ACC, color: "params.note", trend: "1" })}`;

/** Clicks the chart's Export menu item and returns the saved file's name and bytes. */
async function exportFrom(page: Page, chart: string, item: "PNG image" | "SVG (vector)") {
  const box = page.locator(chart);
  await box.getByRole("button", { name: "Export ▾" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), box.getByRole("menuitem", { name: item }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** What DOMParser makes of the SVG: a parser error, its runs' paths, dots, texts by class, and the kinds of element in it. */
function parseSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const texts = (cls: string) => [...doc.querySelectorAll(`text.${cls}`)].map((t) => t.textContent);
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      runs: [...doc.querySelectorAll("path.run")].map((p) => ({
        id: p.getAttribute("data-run"),
        state: p.classList[1],
        stroke: p.getAttribute("stroke"),
        d: p.getAttribute("d"),
      })),
      dots: [...doc.querySelectorAll("circle.dot")].map((c) => c.getAttribute("data-run")),
      trend: doc.querySelectorAll("line.trend").length,
      brushes: doc.querySelectorAll("rect.brush").length,
      title: doc.querySelector("text.title")?.textContent,
      ticks: texts("tick"),
      names: texts("axis-name"),
      legend: texts("legend-text"),
      elements: [...new Set([...doc.querySelectorAll("*")].map((e) => e.nodeName))],
    };
  }, text);
}

/**
 * The chart's canvas and the exported PNG (decoded) side by side, in the page: their sizes, and
 * how many more pixels near `hex` (±24 a channel) the PNG has than the canvas in the band the
 * canvas takes in it (below the title's `top` pixels).
 */
function comparePng(page: Page, chart: string, bytes: Buffer, top: number, hex: string) {
  return page.evaluate(
    async ([selector, b64, top, hex]) => {
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const near = (data: Uint8ClampedArray, width: number, from: number, rows: number) => {
        let count = 0;
        for (let p = from * width * 4; p < (from + rows) * width * 4; p += 4) if (want.every((c, k) => Math.abs(data[p + k] - c) <= 24)) count++;
        return count;
      };
      const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`)!;
      const own = near(canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, 0, canvas.height);
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: "image/png" }));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
      ctx.drawImage(bitmap, 0, 0);
      const exported = near(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data, bitmap.width, top, canvas.height);
      return {
        canvas: { width: canvas.width, height: canvas.height, css: canvas.getBoundingClientRect().width },
        png: { width: bitmap.width, height: bitmap.height },
        added: exported - own,
      };
    },
    [chart, bytes.toString("base64"), top, hex] as const,
  );
}

describe.skipIf(skipBrowserTests)("web UI: the explorers' export", () => {
  let host: UiHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startNodeUi();
    const call = apiCaller(host.origin);
    for (const r of RUNS) {
      await call("POST", "/v1/repos/xport/runs", { id: r.id, name: `run ${r.id}`, params: { lr: r.lr, note: r.note } });
      if (r.acc !== null) await call("PUT", `/v1/repos/xport/runs/${r.id}/values`, [{ name: "acc", context: { subset: "test" }, value: r.acc }]);
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

  /** A page at a device pixel ratio of 2; no dialog (an injected onerror) and no page error. */
  async function openSharp(path: string, body: (page: Page) => Promise<void>) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2, acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("dialog", (d) => problems.push(`dialog: ${d.message()}`));
    page.on("pageerror", (e) => problems.push(`error: ${e.message}`));
    try {
      await page.goto(host.origin + path);
      await body(page);
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  }

  /**
   * Exports the chart as PNG and checks it against its canvas: the same width, room for the
   * title above and the legend below, and in the canvas's band more than `minMarks` pixels of
   * `markColor` beyond the canvas's own: the HTML over it, drawn in.
   */
  async function checkPng(page: Page, chart: string, file: string, markColor: string, minMarks: number) {
    await page.locator(`${chart}[data-painted-at]`).waitFor();
    const { name, bytes } = await exportFrom(page, chart, "PNG image");
    expect(name).toBe(file);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    const { canvas, png, added } = await comparePng(page, chart, bytes, 2 * 30, markColor);
    expect(canvas.width).toBe(2 * canvas.css);
    expect(png.width).toBe(canvas.width);
    expect(bytes.readUInt32BE(16)).toBe(png.width);
    // The title's 30 CSS pixels above, the colour legend below.
    expect(png.height).toBeGreaterThan(canvas.height + 2 * 30 + 2 * 20);
    expect(added).toBeGreaterThan(minMarks);
  }

  test("parallel coordinates: a PNG at device pixel ratio with the axes, ticks and brush drawn in", async () => {
    // The axes are HTML lines of --fg-2 (#4b5262), absent from the canvas: three axes of 340 CSS px at ratio 2.
    await openSharp(PARAMS, (page) => checkPng(page, ".pc-chart", "xport-params.png", "#4b5262", 3 * 340 * 2));
  });

  test("parallel coordinates: an SVG with one path per run, grey outside the brush, the axes, and the markup as text", async () => {
    const page = await open(PARAMS);
    await page.locator(".pc-chart[data-painted-at]").waitFor();
    const { name, bytes } = await exportFrom(page, ".pc-chart", "SVG (vector)");
    expect(name).toBe("xport-params.svg");
    const svg = await parseSvg(page, bytes.toString("utf8"));
    expect(svg.error).toBeNull();
    expect(svg.elements).not.toContain("img");
    expect(svg.title).toBe("xport params");
    expect(svg.runs.map((r) => r.id).sort()).toEqual(RUNS.map((r) => r.id).sort());
    const inside = RUNS.filter((r) => r.lr >= 0.005).map((r) => r.id);
    expect(
      svg.runs
        .filter((r) => r.state === "matching")
        .map((r) => r.id)
        .sort(),
    ).toEqual(inside.sort());
    expect(svg.runs.filter((r) => r.state === "dimmed")).toHaveLength(RUNS.length - inside.length);
    // The grey paths are under the coloured ones, as on the canvas.
    expect(svg.runs.findIndex((r) => r.state === "matching")).toBe(RUNS.length - inside.length);
    expect(new Set(svg.runs.filter((r) => r.state === "dimmed").map((r) => r.stroke)).size).toBe(1);
    // Three points for a run with every value, two (and a gap) for the one without its acc.
    expect(svg.runs.find((r) => r.id === "r0")!.d!.match(/[ML]/g)).toHaveLength(3);
    expect(svg.runs.find((r) => r.id === "no-acc")!.d!.match(/[ML]/g)).toHaveLength(2);
    expect(svg.names).toEqual(["params.lr", "params.note", ACC]);
    expect(svg.ticks).toEqual(expect.arrayContaining(["0.01", HOSTILE, "plain"]));
    expect(svg.brushes).toBe(1);
    expect(svg.legend).toEqual(["colour: params.note", HOSTILE, "plain"]);
    expect(await page.locator("img").count()).toBe(0);
  });

  test("scatter: a PNG at device pixel ratio with the axis names drawn in", async () => {
    // The axis names are HTML in --fg (#1f2430), the canvas's own ticks --fg-2: the names add dark pixels.
    await openSharp(SCATTER, (page) => checkPng(page, ".scatter-chart", "values.acc-subset-test-vs-params.lr.png", "#1f2430", 100));
  });

  test("scatter: an SVG with one circle per plotted run, the trend line, ticks, names and the colour legend", async () => {
    const page = await open(SCATTER);
    await page.locator(".scatter-chart[data-painted-at]").waitFor();
    const points = Number(await page.locator(".scatter-chart").getAttribute("data-points"));
    expect(points).toBe(RUNS.length - 1);
    const svg = await parseSvg(page, (await exportFrom(page, ".scatter-chart", "SVG (vector)")).bytes.toString("utf8"));
    expect(svg.error).toBeNull();
    expect(svg.elements).not.toContain("img");
    expect(svg.title).toBe(`${ACC} vs params.lr`);
    expect(svg.dots.sort()).toEqual(
      RUNS.filter((r) => r.acc !== null)
        .map((r) => r.id)
        .sort(),
    );
    expect(svg.trend).toBe(1);
    expect(svg.names).toEqual(["params.lr", ACC]);
    expect(svg.ticks).toEqual(expect.arrayContaining(["0.01", "0.7"]));
    expect(svg.legend).toEqual(["colour: params.note", HOSTILE, "plain"]);

    // Without the trend line, the file has none either.
    await page.getByLabel("trend line").uncheck();
    await page.locator(".scatter-chart[data-trend='0']").waitFor();
    const again = await parseSvg(page, (await exportFrom(page, ".scatter-chart", "SVG (vector)")).bytes.toString("utf8"));
    expect(again.trend).toBe(0);
    expect(again.dots).toHaveLength(points);
  });
});

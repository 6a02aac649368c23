// What the browser tests look at on a page: canvas pixels (is a chart drawn, in which line
// colors), every request staying on the server's origin, and screenshots to look at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterEach, expect } from "vitest";
import { openPage, type WatchedPage } from "./browser.ts";

export const screenshotDir = join(import.meta.dirname, "screenshots");
const docsDir = join(import.meta.dirname, "..", "..", "docs");
// The screenshots the README and docs/web-ui.md show, as docs/ui-<name>.png: RUNCAMP_DOCS_SCREENSHOTS=1 npx vitest
// run test/browser rewrites them from the same pages the tests check.
const DOCS = new Set(["runs", "run", "compare", "campaign", "artifacts", "campaign-confusion"]);

/** The whole page, or only `element` (a section of it), as screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, element?: Locator) {
  mkdirSync(screenshotDir, { recursive: true });
  const paths = [join(screenshotDir, `${name}.png`)];
  if (process.env.RUNCAMP_DOCS_SCREENSHOTS && DOCS.has(name)) paths.push(join(docsDir, `ui-${name}.png`));
  // A section is cut out of the full page: a screenshot of the element itself would scroll it
  // under the sticky top bar.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = element && (await element.boundingBox());
  const clip = box ? { x: Math.max(0, box.x - 12), y: Math.max(0, box.y - 12), width: box.width + 24, height: box.height + 24 } : undefined;
  for (const path of paths) await page.screenshot({ path, fullPage: true, clip });
}

/** How many pixels of each color (±24 per channel) the canvases under `selector` hold. */
export function colorPixels(page: Page, selector: string, colors: string[]): Promise<number[]> {
  return page.evaluate(
    ({ selector, colors }) => {
      const targets = colors.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const counts = colors.map(() => 0);
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`${selector} canvas`)) {
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let p = 0; p < data.length; p += 4) {
          if (data[p + 3] < 200) continue;
          targets.forEach(([r, g, b], i) => {
            if (Math.abs(data[p] - r) <= 24 && Math.abs(data[p + 1] - g) <= 24 && Math.abs(data[p + 2] - b) <= 24) counts[i]++;
          });
        }
      }
      return counts;
    },
    { selector, colors },
  );
}

/** Every URL the page requested is the server's own (loopback), nothing from outside. */
export function expectOnlyOwnOrigin(w: WatchedPage, origin: string) {
  expect(w.requests.length).toBeGreaterThan(0);
  const foreign = w.requests.filter((u) => !(u.startsWith(`${origin}/`) || u === origin || u.startsWith("data:") || u.startsWith("blob:")));
  expect(foreign, "requests that left the server's origin").toEqual([]);
  for (const u of w.requests) expect(new URL(u.startsWith("blob:") ? u.slice(5) : u.startsWith("data:") ? origin : u).hostname).toBe("127.0.0.1");
}

/** No console error or uncaught exception, except the failed requests a test provoked on purpose. */
export function expectNoConsoleErrors(w: WatchedPage, allowedStatuses: number[] = []) {
  const allowed = (e: string) => allowedStatuses.some((s) => e.startsWith(`Failed to load resource: the server responded with a status of ${s}`));
  expect(
    w.errors.filter((e) => !allowed(e)),
    "console errors",
  ).toEqual([]);
}

/**
 * Waits until `count` charts have painted and none has painted for `quietMs`: a chart is rebuilt
 * (a new element under the mouse) when more of its data arrives, and a drag begun on the old
 * one is lost. On a loaded machine the last data can come seconds after the first paint.
 */
export async function waitForChartsSettled(page: Page, count: number, quietMs = 400) {
  await page.waitForFunction(
    ([n, quiet]) => {
      const boxes = [...document.querySelectorAll<HTMLElement>(".chart-canvas > div[data-lines]")];
      const last = Math.max(...boxes.map((b) => Number(b.dataset.paintedAt ?? Number.POSITIVE_INFINITY)));
      return boxes.length === n && boxes.every((b) => Number(b.dataset.painted ?? 0) > 0) && performance.now() - last >= quiet;
    },
    [count, quietMs],
    { polling: 100 },
  );
}

/** Waits until every chart on the page has painted after its data arrived. */
export async function waitForCharts(page: Page, count: number) {
  await page.waitForFunction((n) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(".chart-canvas > div[data-lines]")];
    return boxes.length === n && boxes.every((b) => Number(b.dataset.painted ?? 0) > 0);
  }, count);
}

/**
 * Opens one page a test at `origin()` + path, and checks it after the test: no dialog opened
 * (what a hostile value that ran as script would do), no console error (but the failed
 * requests of `allowedStatuses`, which a test provokes on purpose), no request leaving the
 * origin. Call inside a describe; `browser` and `origin` are read when a page opens.
 */
export function checkedPages(browser: () => Browser, origin: () => string): (path: string, allowedStatuses?: number[]) => Promise<Page> {
  let w: WatchedPage | undefined;
  let dialogs: string[] = [];
  let allowed: number[] = [];
  afterEach(async () => {
    if (!w) return;
    expect(dialogs, "dialogs opened").toEqual([]);
    expectNoConsoleErrors(w, allowed);
    expectOnlyOwnOrigin(w, origin());
    await w.context.close();
    w = undefined;
  });
  return async (path, allowedStatuses = []) => {
    w = await openPage(browser());
    dialogs = [];
    allowed = allowedStatuses;
    w.page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await w.page.goto(origin() + path);
    return w.page;
  };
}

// Shared by the browser tests and bench/ui.ts: Debian's Chromium driven by playwright-core
// (playwright's own browser download is not used), and a page that records every request it
// makes and every console error, so tests can assert nothing leaves the server's origin.
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.RUNCAMP_CHROMIUM ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM);

/** Only a developer's machine without Chromium skips the browser tests; in CI a missing browser fails them. */
export const skipBrowserTests = !chromiumAvailable && !process.env.CI;
if (skipBrowserTests)
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set RUNCAMP_CHROMIUM); in CI they fail instead`);

export function launchBrowser(): Promise<Browser> {
  // --no-sandbox: CI and these machines run as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** console.error messages and uncaught exceptions. */
  errors: string[];
}

export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const watched: WatchedPage = { context, page, requests: [], errors: [] };
  page.on("request", (r) => watched.requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && watched.errors.push(m.text()));
  page.on("pageerror", (e) => watched.errors.push(String(e)));
  return watched;
}

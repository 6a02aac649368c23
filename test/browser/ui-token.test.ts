// With RUNCAMP_ADMIN_TOKEN set, the UI asks for a token once, sends it as a Bearer header
// (never in a URL), keeps it for the next visit, and asks again when the server refuses it.

import type { Browser, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, skipBrowserTests } from "./browser.ts";
import { expectNoConsoleErrors, expectOnlyOwnOrigin, screenshot } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const TOKEN = "ui-test-token-7f3a9c";

describe.skipIf(skipBrowserTests)("web UI with an API token configured", () => {
  let host: UiHost;
  let browser: Browser;
  beforeAll(async () => {
    host = await startNodeUi({ adminToken: TOKEN });
    await apiCaller(host.origin, TOKEN)("POST", "/v1/repos/secured/runs", { id: "r1", name: "first run" });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  test("the token prompt asks once, retries the request, and a refused token asks again", async () => {
    const w = await openPage(browser);
    const sent: Request[] = [];
    w.page.on("request", (r) => r.url().includes("/v1/") && sent.push(r));
    await w.page.goto(`${host.origin}/`);
    const dialog = w.page.getByRole("dialog", { name: "API token" });
    await dialog.waitFor();
    await screenshot(w.page, "token-prompt");

    await dialog.locator("input[name=token]").fill("wrong-token");
    await dialog.getByRole("button", { name: "Use token" }).click();
    await dialog.getByText("did not accept that token").waitFor();

    await dialog.locator("input[name=token]").fill(TOKEN);
    await dialog.getByRole("button", { name: "Use token" }).click();
    await w.page.getByRole("link", { name: "secured" }).waitFor();
    expect(await dialog.count()).toBe(0);
    const last = sent[sent.length - 1];
    expect(await last.headerValue("authorization")).toBe(`Bearer ${TOKEN}`);
    for (const r of sent) expect(r.url()).not.toContain(TOKEN);

    // Kept for the next visit: no prompt, the run page loads.
    await w.page.goto(`${host.origin}/repos/secured/runs/r1`);
    await w.page.getByRole("heading", { name: "first run" }).waitFor();
    expect(await dialog.count()).toBe(0);
    for (const u of w.requests) expect(u).not.toContain(TOKEN);
    expectNoConsoleErrors(w, [401]);
    expectOnlyOwnOrigin(w, host.origin);
    await w.context.close();
  });
});

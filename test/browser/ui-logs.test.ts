// The run page's Logs and System views and the failure reason, in a real Chromium against the
// Node host: ANSI colours as styled spans, markup in a line only ever text, search hits marked,
// a live run followed, the first error found, the download equal to the API's text; system/…
// series in their own view with a line per GPU; a failed run's reason in its header and in the
// runs table.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages, screenshot, waitForCharts } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const RUN = "/repos/logs/runs/trainer";
const T0 = 1764147000;
const FILLER = 80; // more lines than the log box shows, so scrolling matters
const TRACEBACK_SEQ = 1 + FILLER;
const SCRIPT_SEQ = TRACEBACK_SEQ + 22;
const IMG_SEQ = SCRIPT_SEQ + 1;
const LONG = 2500;

// An ANSI-coloured line, filler, a traceback on stderr, more output, and two lines of markup
// (after the traceback: `onerror` reads as an error to the jump, which is right but not what
// the jump test looks for).
function seedLines() {
  const line = (seq: number, text: string, stream = "stdout") => ({ seq, stream, time: T0 + seq, text });
  const lines = [line(0, "epoch 1 \u001b[31mred\u001b[0m \u001b[1;32mok\u001b[0m")];
  for (let i = 0; i < FILLER; i++) lines.push(line(1 + i, `step ${i} loss ${(2 - i / 50).toFixed(3)}`));
  lines.push(line(TRACEBACK_SEQ, "Traceback (most recent call last):", "stderr"));
  lines.push(line(TRACEBACK_SEQ + 1, "ValueError: lr must be positive", "stderr"));
  for (let i = 0; i < 20; i++) lines.push(line(TRACEBACK_SEQ + 2 + i, `retry ${i} loss 0.9`));
  lines.push(line(SCRIPT_SEQ, "<script>alert(1)</script>"));
  lines.push(line(IMG_SEQ, '<img src=x onerror="alert(2)">'));
  return lines;
}

describe.skipIf(skipBrowserTests)("web UI: a run's logs, system metrics and failure", () => {
  let host: UiHost;
  let browser: Browser;
  let call: ReturnType<typeof apiCaller>;
  let nextSeq = 0;

  beforeAll(async () => {
    host = await startNodeUi();
    call = apiCaller(host.origin);
    await call("POST", "/v1/repos/logs/runs", { id: "trainer", name: "trainer", params: { lr: 0.1 } });
    const lines = seedLines();
    nextSeq = lines.length;
    await call("POST", "/v1/repos/logs/runs/trainer/logs", { lines });
    const points = [];
    for (let step = 0; step < 50; step++) {
      const time = T0 + step;
      points.push({ name: "loss", step, time, value: 2 - step / 30 });
      points.push({ name: "system/cpu_percent", step, time, value: 40 + (step % 7) });
      for (const gpu of ["0", "1"]) points.push({ name: "system/gpu_utilization_percent", context: { gpu }, step, time, value: gpu === "0" ? 90 : 30 });
    }
    await call("POST", "/v1/repos/logs/runs/trainer/metrics", { points });
    await call("POST", "/v1/repos/logs/runs", { id: "long", name: "long", params: {} });
    const long = Array.from({ length: LONG }, (_, seq) => ({ seq, stream: "stdout", time: T0 + seq, text: `line ${seq}` }));
    await call("POST", "/v1/repos/logs/runs/long/logs", { lines: long });
    await call("PATCH", "/v1/repos/logs/runs/long", { status: "finished" });
    await call("POST", "/v1/repos/logs/runs", { id: "crashed", name: "crashed", params: { lr: -1 } });
    const failure = { type: "ValueError", message: `lr must be positive, got -1 ${"(with a long explanation) ".repeat(4)}` };
    await call("PATCH", "/v1/repos/logs/runs/crashed", { status: "failed", failure });
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

  test("ANSI colours become styled spans; markup in a line stays text", async () => {
    const page = await open(`${RUN}?view=logs`);
    const line0 = page.locator('.log-line[data-seq="0"]');
    await line0.waitFor();
    const red = line0.locator("span.ansi-fg-1");
    expect(await red.textContent()).toBe("red");
    expect(await red.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(205, 49, 49)");
    const ok = line0.locator("span.ansi-fg-2.ansi-bold");
    expect(await ok.textContent()).toBe("ok");
    expect(await ok.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("700");
    expect(await line0.locator(".log-text").textContent()).toBe("epoch 1 red ok");
    expect(await page.locator(`.log-line[data-seq="${SCRIPT_SEQ}"] .log-text`).textContent()).toBe("<script>alert(1)</script>");
    expect(await page.locator(`.log-line[data-seq="${IMG_SEQ}"] .log-text`).textContent()).toBe('<img src=x onerror="alert(2)">');
    expect(await page.locator(".log-box script, .log-box img").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator(`.log-line[data-seq="${TRACEBACK_SEQ}"]`).getAttribute("class")).toContain("stderr");
    expect(await page.locator(`.log-line[data-seq="${TRACEBACK_SEQ}"] .log-stream`).textContent()).toBe("err");
    // The tail is shown scrolled to its end.
    const box = page.locator(".log-box");
    await expect.poll(() => box.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 4)).toBe(true);
    await screenshot(page, "run-logs");
  });

  test("a search asks the server and marks the hits", async () => {
    const page = await open(`${RUN}?view=logs`);
    await page.locator(".log-line").first().waitFor();
    const asked = page.waitForRequest((r) => r.url().includes("/logs?") && r.url().includes("q=loss+0.9"));
    await page.getByLabel("Search the logs").fill("loss 0.9");
    await page.keyboard.press("Enter");
    await page.waitForURL(/logq=loss/);
    await asked;
    // steps 51–55 (loss 0.980 … 0.900) and the 20 retries.
    await expect.poll(() => page.locator(".log-line").count()).toBe(25);
    const marks = await page.locator(".log-text mark").allTextContents();
    expect(marks).toHaveLength(25);
    for (const m of marks) expect(m).toBe("loss 0.9");
    await page.reload();
    await expect.poll(() => page.locator(".log-text mark").count()).toBe(25);
  });

  test("following a running run: a line written while the page is open appears, scrolled into view", async () => {
    const page = await open(`${RUN}?view=logs`);
    await page.locator(`.log-line[data-seq="${nextSeq - 1}"]`).waitFor();
    const seq = nextSeq++;
    await call("POST", "/v1/repos/logs/runs/trainer/logs", { lines: [{ seq, stream: "stdout", time: T0 + seq, text: "a fresh line while watching" }] });
    const fresh = page.locator(`.log-line[data-seq="${seq}"]`);
    await fresh.waitFor({ timeout: 10_000 });
    expect(await fresh.locator(".log-text").textContent()).toBe("a fresh line while watching");
    const box = page.locator(".log-box");
    await expect.poll(() => box.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 4)).toBe(true);
  });

  test("jump to the first error scrolls the first stderr line into view", async () => {
    const page = await open(`${RUN}?view=logs`);
    await page.locator(".log-line").first().waitFor();
    const target = page.locator(`.log-line[data-seq="${TRACEBACK_SEQ}"]`);
    const inView = async () => {
      const [b, t] = [await page.locator(".log-box").boundingBox(), await target.boundingBox()];
      return Boolean(b && t && t.y >= b.y && t.y + t.height <= b.y + b.height);
    };
    await page.locator(".log-box").evaluate((el) => {
      el.scrollTop = 0;
    });
    expect(await inView()).toBe(false);
    await page.getByRole("button", { name: "Jump to first error" }).click();
    await expect.poll(inView).toBe(true);
    expect(await target.getAttribute("class")).toContain("jumped");
    expect(await page.locator(".log-line.jumped").count()).toBe(1);
  });

  test("a long log shows its last 1,000 lines; 'earlier' brings the ones before, a thousand at a time", async () => {
    const page = await open("/repos/logs/runs/long?view=logs");
    const seqs = () => page.locator(".log-line").evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seq)));
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    await expect.poll(seqs).toEqual(range(LONG - 1000, LONG));
    const earlier = page.getByRole("button", { name: "Load earlier lines" });
    await earlier.click();
    await expect.poll(seqs).toEqual(range(LONG - 2000, LONG));
    await earlier.click();
    await expect.poll(seqs).toEqual(range(0, LONG));
    await expect.poll(() => earlier.count()).toBe(0);
    // The download holds every line, past the API's page of 1,000.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download" }).click();
    expect(readFileSync(await (await download).path(), "utf8")).toBe(
      range(0, LONG)
        .map((seq) => `line ${seq}\n`)
        .join(""),
    );
    // A finished run is not followed.
    expect(await page.getByRole("checkbox", { name: "follow" }).count()).toBe(0);
  });

  test("Download saves the lines as the API's text/plain", async () => {
    const page = await open(`${RUN}?view=logs`);
    await page.locator(".log-line").first().waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download" }).click();
    const file = await (await download).path();
    const text = await (await fetch(`${host.origin}/v1/repos/logs/runs/trainer/logs`, { headers: { accept: "text/plain" } })).text();
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(text).toContain("<script>alert(1)</script>");
  });

  test("the System view charts the system/ series, a line per GPU; the Charts view leaves them out", async () => {
    const page = await open(RUN);
    await waitForCharts(page, 1);
    expect(await page.locator(".chart-card h3").allInnerTexts()).toEqual(["loss"]);
    await page.getByRole("tab", { name: /System/ }).click();
    await page.waitForURL(/view=system/);
    await waitForCharts(page, 2);
    expect(await page.locator(".chart-card h3").allInnerTexts()).toEqual(["system/cpu_percent", "system/gpu_utilization_percent"]);
    const lines = await page.locator(".chart-canvas > div[data-lines]").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.lines));
    expect(lines).toEqual(["1", "2"]);
    expect(await page.locator('.chart-card[data-metric="system/gpu_utilization_percent"] .legend button').allInnerTexts()).toEqual(["gpu=0", "gpu=1"]);
    await screenshot(page, "run-system");
  });

  test("a failed run's reason shows in its header and in the runs table", async () => {
    const run = (await call("GET", "/v1/repos/logs/runs/crashed")) as { failure: { type: string; message: string } };
    const full = `${run.failure.type}: ${run.failure.message}`;
    const page = await open("/repos/logs/runs/crashed");
    await page.locator(".run-failure").waitFor();
    expect(await page.locator(".run-failure code").textContent()).toBe(full);
    await page.goto(`${host.origin}/repos/logs`);
    const cell = page.locator("tr", { has: page.getByRole("link", { name: "crashed" }) }).locator(".failure");
    await cell.waitFor();
    expect(await cell.getAttribute("title")).toBe(full);
    const shown = (await cell.textContent()) ?? "";
    expect(shown.startsWith("ValueError: lr must be positive")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.length).toBeLessThan(full.length);
    expect(
      await page
        .locator("tr", { has: page.getByRole("link", { name: "trainer" }) })
        .locator(".failure")
        .count(),
    ).toBe(0);
  });
});

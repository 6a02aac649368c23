// The campaign page's defaults and the artifacts logged per step, in a real Chromium against
// the Node host: repetition params (seed, split) pooled by default and said so in the header,
// with one click to the group-by control; the status control changing which runs count and n;
// a run's images per step as a strip with a slider; one strip across the campaign's runs at a
// chosen step (each run at its last step at or before it); a text artifact previewed as text,
// its markup never parsed, with "show all".
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { png } from "./artifact-seed.ts";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages, screenshot } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const CAMPAIGN = "/repos/strips/campaigns/grid";
// Each run of the grid: aug × seed × split; one running and one failed, both of aug=none.
const RUNS = ["none", "flip"].flatMap((aug) => [0, 1].flatMap((seed) => ["a", "b"].map((split) => ({ id: `${aug}-s${seed}-${split}`, aug, seed, split }))));
const STATUS: Record<string, string> = { "none-s1-b": "running", "flip-s1-b": "failed" };
// The images per step: none-s0-a at even steps, flip-s0-a at odd ones; each one's width says its step.
const IMAGE_STEPS: Record<string, number[]> = { "none-s0-a": [0, 2, 4, 6], "flip-s0-a": [1, 3, 5] };
const widthAt = (step: number) => 40 + step * 10;
// A text artifact: markup that must stay text, then more than the preview's first 16 KiB.
const TEXT = `<script>alert("text")</script><img src=x onerror="alert('img')">\n${Array.from({ length: 1500 }, (_, i) => `line ${i} of the training log`).join("\n")}\n`;

describe.skipIf(skipBrowserTests)("web UI: campaign defaults, steps as strips, text previews", () => {
  let host: UiHost;
  let browser: Browser;

  const put = async (run: string, path: string, body: Uint8Array<ArrayBuffer> | string, type: string, query = "") => {
    const res = await fetch(`${host.origin}/v1/repos/strips/runs/${run}/artifacts/${path}${query}`, { method: "PUT", headers: { "content-type": type }, body });
    if (!res.ok) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
  };

  beforeAll(async () => {
    host = await startNodeUi();
    browser = await launchBrowser();
    const call = apiCaller(host.origin);
    await call("POST", "/v1/repos/strips/campaigns", { id: "grid", name: "grid" });
    for (const r of RUNS) {
      await call("POST", "/v1/repos/strips/runs", {
        id: r.id,
        name: r.id,
        params: { aug: r.aug, seed: r.seed, data: { split: r.split }, lr: 0.1 },
        campaign: "grid",
      });
      await call("PUT", `/v1/repos/strips/runs/${r.id}/values`, [{ name: "acc", context: { subset: "test" }, value: 0.5 + r.seed / 10 }]);
      if (STATUS[r.id] !== "running") await call("PATCH", `/v1/repos/strips/runs/${r.id}`, { status: STATUS[r.id] ?? "finished" });
    }
    const val = encodeURIComponent(JSON.stringify({ subset: "val" }));
    for (const [run, steps] of Object.entries(IMAGE_STEPS))
      for (const step of steps) await put(run, `pred/${step}.subset=val.png`, png(widthAt(step), 30), "image/png", `?step=${step}&context=${val}`);
    await put("none-s0-a", "notes/train.log", TEXT, "text/plain; charset=utf-8");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const open = checkedPages(
    () => browser,
    () => host.origin,
  );
  const scope = (page: Page) => page.locator(".campaign-scope");
  // The n column of the summary table, wherever the group columns put it.
  const summaryN = (page: Page) =>
    page.locator("table.summary").evaluate((table) => {
      const column = [...table.querySelectorAll("thead th")].findIndex((th) => th.textContent === "n");
      return [...table.querySelectorAll("tbody tr")].map((tr) => tr.querySelectorAll("td")[column].textContent);
    });

  test("seed and split are pooled by default, said in the header; change opens the group-by control", async () => {
    const page = await open(CAMPAIGN);
    await scope(page).getByText("pooling data.split, seed").waitFor();
    // 8 runs, 6 finished: aug=none has 3 of them, aug=flip 3.
    expect(await scope(page).textContent()).toContain("6 of 8 runs: finished");
    expect(await scope(page).textContent()).toContain("n = 3 per group");
    expect(await page.locator("table.summary thead th").first().textContent()).toBe("params.aug");
    expect(await summaryN(page)).toEqual(["3", "3"]);
    await screenshot(page, "campaign-pooled");

    await scope(page).getByRole("button", { name: "change" }).click();
    const picker = page.getByRole("dialog", { name: "group by" });
    await picker.waitFor();
    await picker.getByRole("checkbox", { name: "seed" }).check();
    await page.waitForURL(/group=aug%2Cseed|group=aug,seed/);
    await page.locator("table.summary thead th", { hasText: "params.seed" }).waitFor();
    await expect.poll(() => scope(page).locator(".scope-pooled").count()).toBe(0);
    expect(await summaryN(page)).toEqual(["2", "1", "2", "1"]);
  });

  test("the status control changes which runs count, the header's count and n", async () => {
    const page = await open(CAMPAIGN);
    await scope(page).getByText("6 of 8 runs: finished").waitFor();
    const control = page.getByLabel("Run statuses that count");
    await control.selectOption("finished,running");
    await scope(page).getByText("7 of 8 runs: finished + running").waitFor();
    await page.waitForURL(/status=finished%2Crunning|status=finished,running/);
    expect(await scope(page).textContent()).toContain("n = 3–4 per group");
    await expect.poll(() => summaryN(page)).toEqual(["3", "4"]);
    await control.selectOption("any");
    await scope(page).getByText("8 of 8 runs: all").waitFor();
    expect(await scope(page).textContent()).toContain("n = 4 per group");
    await expect.poll(() => summaryN(page)).toEqual(["4", "4"]);
    // Back to the default: the parameter leaves the URL.
    await control.selectOption("finished");
    await scope(page).getByText("6 of 8 runs: finished").waitFor();
    expect(new URL(page.url()).searchParams.has("status")).toBe(false);
  });

  const chosenImageWidth = (page: Page, card: string) =>
    page.evaluate((selector) => {
      const img = document.querySelector<HTMLImageElement>(`${selector} img`);
      return img?.complete ? img.naturalWidth : 0;
    }, card);

  test("a run's images per step: a strip in step order, the slider choosing the step", async () => {
    const page = await open("/repos/strips/runs/none-s0-a");
    const strip = page.getByRole("article", { name: "strip pred subset=val" });
    await strip.waitFor();
    // The last step is chosen first; the row holds the steps around it, in order.
    await expect.poll(() => strip.locator(".strip-item").evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.step))).toEqual(["0", "2", "4", "6"]);
    expect(await strip.locator(".chosen-step").textContent()).toBe("6");
    await expect.poll(() => chosenImageWidth(page, ".strip-item.chosen")).toBe(widthAt(6));
    const slider = strip.getByRole("slider");
    await slider.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => strip.locator(".chosen-step").textContent()).toBe("0");
    await expect.poll(() => chosenImageWidth(page, ".strip-item.chosen")).toBe(widthAt(0));
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => strip.locator(".strip-item.chosen").getAttribute("data-path")).toBe("pred/2.subset=val.png");
    await expect.poll(() => chosenImageWidth(page, ".strip-item.chosen")).toBe(widthAt(2));
    // Every image of the strip decoded, each at its own step's width.
    await expect
      .poll(() => strip.locator(".strip-item img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)))
      .toEqual([0, 2, 4, 6].map(widthAt));
    await screenshot(page, "run-strip", strip);
  });

  test("one strip across the campaign's runs at a chosen step: each run at its last step at or before it", async () => {
    const page = await open(CAMPAIGN);
    const section = page.locator("section.across-runs");
    await section.waitFor();
    const card = (run: string) => section.locator(`.across-run[data-run="${run}"]`);
    // The last step of any run: none-s0-a at 6, flip-s0-a at 5; the other runs have none.
    expect(await section.locator(".chosen-step").textContent()).toBe("6");
    await expect.poll(() => card("none-s0-a").getAttribute("data-path")).toBe("pred/6.subset=val.png");
    expect(await card("flip-s0-a").getAttribute("data-path")).toBe("pred/5.subset=val.png");
    expect(await card("flip-s0-a").locator(".item-step").textContent()).toBe("step 5");
    await expect.poll(() => chosenImageWidth(page, '.across-run[data-run="flip-s0-a"]')).toBe(widthAt(5));
    // Only the runs that logged the strip have a card; the others are counted.
    expect(await section.locator(".across-run").count()).toBe(2);
    expect(await section.textContent()).toContain("6 of 8 runs have no pred subset=val");

    const slider = section.getByRole("slider", { name: "Step across runs" });
    await slider.focus();
    await page.keyboard.press("Home");
    await page.waitForURL(/sstep=0/);
    expect(await card("flip-s0-a").textContent()).toContain("No step ≤ 0");
    await expect.poll(() => chosenImageWidth(page, '.across-run[data-run="none-s0-a"]')).toBe(widthAt(0));
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await page.waitForURL(/sstep=3/);
    expect(await card("none-s0-a").getAttribute("data-path")).toBe("pred/2.subset=val.png");
    expect(await card("flip-s0-a").getAttribute("data-path")).toBe("pred/3.subset=val.png");
    await expect.poll(() => chosenImageWidth(page, '.across-run[data-run="none-s0-a"]')).toBe(widthAt(2));
    await expect.poll(() => chosenImageWidth(page, '.across-run[data-run="flip-s0-a"]')).toBe(widthAt(3));
    await screenshot(page, "across-runs", section);
    // The step is in the URL: a reload shows the same.
    await page.reload();
    await expect.poll(() => page.locator('.across-run[data-run="none-s0-a"]').getAttribute("data-path")).toBe("pred/2.subset=val.png");
  });

  test("a text artifact is previewed as text: its markup shown, never parsed; the first 16 KiB, then show all", async () => {
    const page = await open("/repos/strips/runs/none-s0-a");
    const preview = page.locator('.artifact-card[data-path="notes/train.log"] pre.artifact-text');
    await preview.waitFor();
    const head = await preview.evaluate((pre) => pre.textContent ?? "");
    expect(head.startsWith(`<script>alert("text")</script><img src=x onerror="alert('img')">\nline 0 of the training log`)).toBe(true);
    expect(head.length).toBeLessThanOrEqual(16 * 1024);
    expect(head.length).toBeGreaterThan(16 * 1024 - 100);
    expect(await page.locator(".artifact-text script, .artifact-text img").count()).toBe(0);
    const card = page.locator('.artifact-card[data-path="notes/train.log"]');
    expect(await card.locator(".text-note").textContent()).toContain("The first 16 KiB of 43 KiB.");
    await card.getByRole("button", { name: "show all" }).click();
    await expect.poll(() => preview.evaluate((pre) => pre.textContent)).toBe(TEXT);
    expect(await card.locator(".text-note").count()).toBe(0);
    await screenshot(page, "text-preview", card);
  });
});

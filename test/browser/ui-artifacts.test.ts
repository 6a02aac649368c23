// The artifact views in a real Chromium against a Node host that requires a token: a run's
// artifact list and its previews (an image loaded, a CSV as a table, a confusion matrix as a
// heatmap with its classification report), downloads byte-identical to the uploads, the
// campaign's summed confusion matrix, and the empty and error states. Expected numbers are
// worked out by hand from the matrices in artifact-seed.ts, not by the server's code.
import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { BIG_CSV, BINARY, C_LABELS, CSV, CSV_ROWS, confusion, LABELS, M_A, M_C, MANY, PNG, PNG_SIZE, SVG, seedArtifacts } from "./artifact-seed.ts";
import { launchBrowser, openPage, skipBrowserTests, type WatchedPage } from "./browser.ts";
import { expectNoConsoleErrors, expectOnlyOwnOrigin, screenshot } from "./page-checks.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const TOKEN = "artifact-ui-token-51c0";
// t(0.975, 2), from a table of Student's t quantiles.
const T_975_2 = 4.302653;

/** The counts of each heatmap under `scope`, row by row, as numbers. */
const heatmapCounts = (scope: Locator) =>
  scope
    .locator("table.heatmap tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td.cell")].map((td) => Number(td.textContent!.replace(/,/g, "")))));
const heatmapLabels = (scope: Locator) => scope.locator("table.heatmap thead th.label-col").allInnerTexts();

/** The metrics table under `scope`: per row name, [precision, recall, f1, support] as shown (blank cells NaN). */
async function metricsTable(scope: Locator) {
  const rows = await scope
    .locator("table.confusion-metrics tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector("th")!.textContent!,
        ...[...tr.querySelectorAll("td")].map((td) => (td.querySelector(".val") ?? td).textContent!.replace(/,/g, "")),
        ...[...tr.querySelectorAll("td")].map((td) => td.querySelector(".across")?.textContent ?? ""),
      ]),
    );
  return new Map(rows.map(([name, p, r, f, s, ...across]) => [name, { scores: [p, r, f, s].map((x) => (x === "" ? NaN : Number(x))), across }]));
}

function expectScores(actual: number[] | undefined, expected: number[]) {
  expect(actual).toHaveLength(4);
  for (const [i, x] of expected.entries()) {
    if (Number.isNaN(x)) expect(actual![i]).toBeNaN();
    else expect(actual![i]).toBeCloseTo(x, 4);
  }
}

describe.skipIf(skipBrowserTests)("artifact views (with a token required)", () => {
  let host: UiHost;
  let browser: Browser;
  let w: WatchedPage;
  let allowedStatuses: number[] = [];

  beforeAll(async () => {
    host = await startNodeUi({ adminToken: TOKEN });
    await seedArtifacts(host.origin, TOKEN);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  /** A page whose browser already holds the token (as after the prompt: see ui-token.test.ts). */
  const open = async (path: string): Promise<Page> => {
    w = await openPage(browser);
    allowedStatuses = [];
    await w.context.addInitScript((t) => localStorage.setItem("runcamp.token", t), TOKEN);
    await w.page.goto(host.origin + path);
    return w.page;
  };
  afterEach(async () => {
    expectNoConsoleErrors(w, allowedStatuses);
    expectOnlyOwnOrigin(w, host.origin);
    for (const u of w.requests) expect(u).not.toContain(TOKEN);
    await w.context.close();
  });

  test("a run's artifacts: the list, the image loaded, the SVG as a picture only, the CSV as a table", async () => {
    const page = await open("/repos/lab/runs/r-a");
    const rows = page.locator("table.artifacts-table tbody tr");
    await rows.first().waitFor();
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const td = [...tr.querySelectorAll("td")];
        return [td[0].textContent!.trim(), td[1].textContent, td[2].textContent, td[2].getAttribute("title")];
      }),
    );
    const bytes = (n: number) => `${n.toLocaleString("en")} bytes`;
    expect(cells).toEqual([
      ["checkpoints/model.bin", "application/octet-stream", "600 KiB", bytes(BINARY.length)],
      ["eval/confusion.json", "application/vnd.runcamp.confusion+json", `${confusion(LABELS, M_A).length} B`, bytes(confusion(LABELS, M_A).length)],
      ["figures/diagram.svg", "image/svg+xml", `${SVG.length} B`, bytes(SVG.length)],
      ["figures/loss.png", "image/png", cells[3][2], bytes(PNG.length)],
      ["reports/classes.csv", "text/csv; charset=utf-8", `${(CSV.length / 1024).toFixed(1)} KiB`, bytes(CSV.length)],
    ]);
    // The PNG, decoded by the browser at its own size.
    const img = page.locator('.artifact-card[data-path="figures/loss.png"] img');
    await page.waitForFunction(() => (document.querySelector('.artifact-card[data-path="figures/loss.png"] img') as HTMLImageElement)?.naturalWidth > 0);
    expect(await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight, i.src.startsWith("blob:")])).toEqual([
      PNG_SIZE.width,
      PNG_SIZE.height,
      true,
    ]);
    expect(await img.getAttribute("alt")).toBe("figures/loss.png");
    // The SVG is a picture in an <img>: drawn, but its markup never in the page and its script never run.
    await page.waitForFunction(() => (document.querySelector('.artifact-card[data-path="figures/diagram.svg"] img') as HTMLImageElement)?.naturalWidth > 0);
    expect(await page.evaluate(() => [document.querySelectorAll("svg, #svg-marker").length, (window as { svgRan?: boolean }).svgRan ?? false])).toEqual([
      0,
      false,
    ]);

    // The CSV: a real parser keeps the quoted comma, the line break and the doubled quotes.
    const csv = page.locator('.artifact-card[data-path="reports/classes.csv"]');
    await csv.locator("table.csv tbody tr").first().waitFor();
    expect(await csv.locator("table.csv thead th").allInnerTexts()).toEqual(["class", "precision", "note"]);
    const csvRows = await csv.locator("table.csv tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(csvRows).toHaveLength(100);
    expect(csvRows[0]).toEqual(["cat", "0.91", "fluffy, mostly"]);
    expect(csvRows[1]).toEqual(["dog", "0.88", "line one\nline two"]);
    expect(csvRows[2]).toEqual(["c3", "0.10", 'say "hi"']);
    expect(csvRows[99]).toEqual(["c100", "0.107", 'say "hi"']);
    expect(await csv.locator(".csv-note").textContent()).toBe(`The first 100 of ${CSV_ROWS} rows.`);
    // The binary has no preview, only its download link.
    expect(await page.locator('.artifact-card[data-path="checkpoints/model.bin"]').count()).toBe(0);
    await screenshot(page, "artifacts", page.locator("section.artifacts"));
  });

  test("a confusion matrix: the heatmap's counts and colours, and its classification report checked by hand", async () => {
    const page = await open("/repos/lab/runs/r-a");
    const card = page.locator('.artifact-card[data-path="eval/confusion.json"]');
    await card.locator("table.confusion-metrics").waitFor();
    expect(await heatmapLabels(card)).toEqual(LABELS);
    expect(await card.locator("table.heatmap tbody th").allInnerTexts()).toEqual(LABELS);
    expect(await heatmapCounts(card)).toEqual(M_A);
    // Colour by share of the true class: dog→dog is 6 of 10, cat→cat 5 of 6, bird→cat 0.
    const cell = (i: number, j: number) => card.locator("table.heatmap tbody tr").nth(i).locator("td.cell").nth(j);
    expect(await cell(1, 1).getAttribute("data-share")).toBe("0.6000");
    expect(await cell(0, 0).getAttribute("data-share")).toBe("0.8333");
    expect(await cell(2, 0).evaluate((td) => getComputedStyle(td).backgroundColor)).toBe("rgb(255, 255, 255)");
    expect(await cell(0, 0).evaluate((td) => getComputedStyle(td).backgroundColor)).not.toBe("rgb(255, 255, 255)");
    expect(await cell(1, 2).getAttribute("aria-label")).toBe("true dog, predicted bird: 2 (20.0% of dog)");

    // By hand: column sums 7, 8, 5; row sums (support) 6, 10, 4; 14 of 20 on the diagonal.
    // precision = TP / column sum, recall = TP / row sum, F1 = 2·TP / (column sum + row sum).
    const m = await metricsTable(card);
    expectScores(m.get("cat")?.scores, [5 / 7, 5 / 6, 10 / 13, 6]);
    expectScores(m.get("dog")?.scores, [6 / 8, 6 / 10, 12 / 18, 10]);
    expectScores(m.get("bird")?.scores, [3 / 5, 3 / 4, 6 / 9, 4]);
    expectScores(m.get("accuracy")?.scores, [NaN, NaN, 14 / 20, 20]);
    expectScores(m.get("macro avg")?.scores, [(5 / 7 + 6 / 8 + 3 / 5) / 3, (5 / 6 + 6 / 10 + 3 / 4) / 3, (10 / 13 + 12 / 18 + 6 / 9) / 3, 20]);
    expectScores(m.get("weighted avg")?.scores, [
      (6 * (5 / 7) + 10 * (6 / 8) + 4 * (3 / 5)) / 20,
      14 / 20,
      (6 * (10 / 13) + 10 * (12 / 18) + 4 * (6 / 9)) / 20,
      20,
    ]);
  });

  test("downloads carry the token and save the uploaded bytes; a hidden preview opens from the keyboard", async () => {
    const page = await open("/repos/lab/runs/r-a");
    const sent = page.waitForRequest((r) => r.url().endsWith("/artifacts/checkpoints/model.bin"));
    const download = page.waitForEvent("download");
    const link = page.getByRole("link", { name: "Download checkpoints/model.bin" });
    expect(await link.getAttribute("href")).toBe("/v1/repos/lab/runs/r-a/artifacts/checkpoints/model.bin");
    await link.focus();
    await page.keyboard.press("Enter");
    expect(await (await sent).headerValue("authorization")).toBe(`Bearer ${TOKEN}`);
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("model.bin");
    expect(Buffer.compare(readFileSync(await saved.path()), Buffer.from(BINARY))).toBe(0);

    const png = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download figures/loss.png" }).click();
    expect(Buffer.compare(readFileSync(await (await png).path()), Buffer.from(PNG))).toBe(0);
    // Without the token the same URL is refused: the link alone could not have fetched it.
    expect((await fetch(`${host.origin}/v1/repos/lab/runs/r-a/artifacts/checkpoints/model.bin`)).status).toBe(401);

    const hide = page.getByRole("button", { name: "Hide reports/classes.csv" });
    await hide.focus();
    await page.keyboard.press("Enter");
    await page.locator('.artifact-card[data-path="reports/classes.csv"]').waitFor({ state: "detached" });
    const show = page.getByRole("button", { name: "Show reports/classes.csv" });
    expect(await show.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Enter");
    await page.locator('.artifact-card[data-path="reports/classes.csv"] table.csv').waitFor();
  });

  test("a large CSV: the preview reads its first 256 KiB with a Range request and says it is cut", async () => {
    const page = await open("/repos/lab/runs/r-b");
    const read = page.waitForRequest((r) => r.url().endsWith("/artifacts/reports/big.csv"));
    const csv = page.locator('.artifact-card[data-path="reports/big.csv"]');
    await csv.locator("table.csv tbody tr").first().waitFor();
    expect(await (await read).headerValue("range")).toBe(`bytes=0-${256 * 1024 - 1}`);
    const rows = await csv.locator("table.csv tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows).toEqual(
      BIG_CSV.split("\n")
        .slice(1, 101)
        .map((line) => line.split(",")),
    );
    expect(await csv.locator(".csv-note").textContent()).toBe(
      `The first 100 rows (the file is ${Math.round(BIG_CSV.length / 1024)} KiB; download it for the rest).`,
    );
  });

  test("a download that fails shows the server's problem", async () => {
    const page = await open("/repos/lab/runs/r-b");
    const link = page.getByRole("link", { name: "Download notes.txt" });
    await link.waitFor();
    const gone = await fetch(`${host.origin}/v1/repos/lab/runs/r-b/artifacts/notes.txt`, { method: "DELETE", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(gone.status).toBe(204);
    allowedStatuses = [404];
    await link.click();
    await page.locator('tr[data-path="notes.txt"] .problem').waitFor();
    expect(await page.locator('tr[data-path="notes.txt"] .problem').textContent()).toBe('Not found: Run "r-b" has no artifact at this path.');
  });

  test("empty states: a run without artifacts, a campaign without confusion matrices", async () => {
    const page = await open("/repos/lab/runs/r-empty");
    await page.getByText("This run has no artifacts").waitFor();
    expect(await page.locator("table.artifacts-table").count()).toBe(0);
    await page.goto(`${host.origin}/repos/lab/campaigns/no-cm`);
    await page.getByText("No run of this campaign has a confusion matrix artifact").waitFor();
  });

  test("more than a page of artifacts: cursor pages and a prefix filter", async () => {
    const page = await open("/repos/lab/runs/r-many");
    const paths = () => page.locator("table.artifacts-table tbody td.artifact-path").allInnerTexts();
    await page.locator("table.artifacts-table tbody tr").first().waitFor();
    const first = await paths();
    expect(first).toHaveLength(50);
    expect(first[0]).toBe("file-00.txt");
    await page.getByRole("button", { name: "Next ›" }).click();
    await expect.poll(paths).toEqual(Array.from({ length: MANY - 50 }, (_, i) => `file-${50 + i}.txt`));
    await page.getByRole("button", { name: "‹ Previous" }).click();
    await expect.poll(async () => (await paths())[0]).toBe("file-00.txt");
    await page.locator("input[name=aprefix]").fill("file-1");
    await page.keyboard.press("Enter");
    await expect.poll(paths).toEqual(Array.from({ length: 10 }, (_, i) => `file-1${i}.txt`));
    await page.locator("input[name=aprefix]").fill("nothing/");
    await page.keyboard.press("Enter");
    await page.getByText("No artifact path starts with “nothing/”.").waitFor();
  });

  test("the campaign's summed confusion matrix, in one group and by aug, checked by hand", async () => {
    const page = await open("/repos/lab/campaigns/cm-grid");
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Confusion matrix" }) });
    await section.locator("table.confusion-metrics").waitFor();
    expect(await section.locator("select[name=cm] option").allInnerTexts()).toEqual(["eval/confusion.json (3 runs)"]);
    // r-c's labels come in another order (bird, cat, dog): summed by label, in r-a's order.
    expect(await heatmapLabels(section)).toEqual(LABELS);
    expect(await heatmapCounts(section)).toEqual([
      [5 + 4 + 6, 1 + 2 + 0, 0],
      [2 + 1 + 0, 6 + 8 + 9, 2 + 1 + 1],
      [0 + 1 + 0, 1 + 0 + 0, 3 + 3 + 4],
    ]);
    const m = await metricsTable(section);
    // Summed: cat column 15 + 3 + 1 = 19, cat row 18.
    expectScores(m.get("cat")?.scores, [15 / 19, 15 / 18, 30 / 37, 18]);
    expectScores(m.get("accuracy")?.scores, [NaN, NaN, 48 / 60, 60]);
    // Across runs, accuracy 0.70, 0.75 and 0.95: mean 0.8, std √0.0175, ci95 t(0.975, 2)·std/√3.
    const [mean, ci] = m.get("accuracy")!.across[2].split("±").map(Number);
    expect(mean).toBeCloseTo(0.8, 4);
    expect(ci).toBeCloseTo((T_975_2 * Math.sqrt(0.0175)) / Math.sqrt(3), 3);
    // cat's recall per run: 5/6, 4/6, 6/6.
    expect(Number(m.get("cat")!.across[1].split("±")[0])).toBeCloseTo(15 / 18, 4);
    expect(await section.getByText("3 runs summed").count()).toBe(1);

    await section.getByRole("button", { name: /group by/ }).click();
    await section.getByRole("checkbox", { name: "aug" }).check();
    await page.waitForURL(/cm_group=aug/);
    const flip = section.getByRole("article", { name: "Confusion matrix of aug=flip" });
    const none = section.getByRole("article", { name: "Confusion matrix of aug=none" });
    await flip.locator("table.heatmap").waitFor();
    expect(await heatmapLabels(flip)).toEqual(C_LABELS);
    expect(await heatmapCounts(flip)).toEqual(M_C);
    expect(await heatmapCounts(none)).toEqual([
      [9, 3, 0],
      [3, 14, 3],
      [1, 1, 6],
    ]);
    expect(await none.getByText("2 runs summed").count()).toBe(1);
    expectScores((await metricsTable(none)).get("accuracy")?.scores, [NaN, NaN, 29 / 40, 40]);
    await section.getByRole("button", { name: "close" }).click();
    await screenshot(page, "campaign-confusion", section);
  });

  test("a bad group_by in the URL shows the server's problem on the campaign page", async () => {
    const page = await open("/repos/lab/campaigns/cm-grid?cm_group=nosuch");
    allowedStatuses = [400];
    const problem = page.locator("section", { has: page.getByRole("heading", { name: "Confusion matrix" }) }).locator(".problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe('Invalid request: No run of the campaign has the param "nosuch" named in group_by.');
  });
});

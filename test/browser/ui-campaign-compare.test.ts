// The campaign page's "compare to baseline" section in a real Chromium against the Node host:
// the table equals the API's comparison (pairs, difference with CI, p-values, unpaired runs),
// the interval plots mark zero and the interval, the controls live in the URL, and the
// critical-difference diagram places every group at its average rank. A group named like
// markup stays text.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages, screenshot } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";
const AUGS = ["none", "flip", HOSTILE];
// acc{subset:test} per aug over split 0..1 × seed 0..2; flip clearly better, the hostile one about even.
const ACC: Record<string, number[]> = {
  none: [0.8, 0.82, 0.79, 0.81, 0.83, 0.78],
  flip: [0.84, 0.85, 0.83, 0.86, 0.87, 0.82],
  [HOSTILE]: [0.81, 0.8, 0.8, 0.82, 0.82, 0.79],
};

interface Comparison {
  rows: { group: string; n_pairs: number; mean_diff: number; ci95_low: number; ci95_high: number; p_ttest: number; p_wilcoxon: number; p_holm: number }[];
  friedman: { ranks: { group: string; rank: number }[]; critical_difference: number };
}

describe.skipIf(skipBrowserTests)("web UI: campaign compare", () => {
  let host: UiHost;
  let browser: Browser;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    host = await startNodeUi();
    call = apiCaller(host.origin);
    await call("POST", "/v1/repos/lab/campaigns", { id: "augs", name: "augs" });
    for (const aug of AUGS) {
      for (let i = 0; i < 6; i++) {
        const id = `${AUGS.indexOf(aug)}-${i}`;
        await call("POST", "/v1/repos/lab/runs", { id, params: { aug, split: Math.floor(i / 3), seed: i % 3 }, campaign: "augs" });
        await call("PUT", `/v1/repos/lab/runs/${id}/values`, [{ name: "acc", context: { subset: "test" }, value: ACC[aug][i] }]);
        await call("PATCH", `/v1/repos/lab/runs/${id}`, { status: "finished" });
      }
    }
    // A flip run of a third split: its baseline partner is missing, and the table lists it.
    await call("POST", "/v1/repos/lab/runs", { id: "flip-extra", params: { aug: "flip", split: 2, seed: 0 }, campaign: "augs" });
    await call("PUT", "/v1/repos/lab/runs/flip-extra/values", [{ name: "acc", context: { subset: "test" }, value: 0.9 }]);
    await call("PATCH", "/v1/repos/lab/runs/flip-extra", { status: "finished" });
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

  test("the table equals the API's comparison, with an interval plot per row; the baseline control is in the URL", async () => {
    const page = await open("/repos/lab/campaigns/augs?cmp_base=%22none%22");
    const rows = page.locator("table.compare-baseline tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    const api = (await call("GET", `/v1/repos/lab/campaigns/augs/compare?metric=acc&by=aug&baseline=none`)) as Comparison;
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    api.rows.forEach((r, i) => {
      const [group, pairs, , meanCi, pt, pw, ph, , unpaired] = cells[i];
      expect(group).toBe(r.group);
      expect(Number(pairs)).toBe(r.n_pairs);
      const [mean, low, high] = meanCi.match(/-?[\d.e-]+/g)!.map(Number);
      expect(mean).toBeCloseTo(r.mean_diff, 3);
      expect(low).toBeCloseTo(r.ci95_low, 3);
      expect(high).toBeCloseTo(r.ci95_high, 3);
      expect(Number(pt)).toBeCloseTo(r.p_ttest, 3);
      expect(Number(pw)).toBeCloseTo(r.p_wilcoxon, 3);
      expect(Number(ph)).toBeCloseTo(r.p_holm, 3);
      expect(unpaired).toBe(r.group === "flip" ? "flip-extra" : "");
    });
    // flip's interval lies right of zero (marked significant), the hostile group's straddles it.
    const flip = rows.nth(api.rows.findIndex((r) => r.group === "flip")).locator("svg.interval");
    const even = rows.nth(api.rows.findIndex((r) => r.group === HOSTILE)).locator("svg.interval");
    expect(await flip.getAttribute("class")).toContain("significant");
    expect(await even.getAttribute("class")).not.toContain("significant");
    const geometry = (svg: typeof flip) =>
      svg.evaluate((el) => ({
        zero: Number(el.querySelector(".zero")!.getAttribute("x1")),
        low: Number(el.querySelector(".ci")!.getAttribute("x1")),
        high: Number(el.querySelector(".ci")!.getAttribute("x2")),
      }));
    const f = await geometry(flip);
    expect(f.low).toBeGreaterThan(f.zero);
    const e = await geometry(even);
    expect(e.low).toBeLessThan(e.zero);
    expect(e.high).toBeGreaterThan(e.zero);

    // Choosing another baseline goes into the URL and recomputes the rows.
    await page.getByLabel("baseline").selectOption({ label: "flip" });
    await page.waitForURL((url) => url.searchParams.get("cmp_base") === '"flip"');
    await expect.poll(async () => (await rows.locator("td:first-child").allTextContents()).sort()).toEqual(["none", HOSTILE].sort());
    expect(await page.locator("img, script:not([src])").count()).toBe(0);
  });

  test("the critical-difference diagram places each group at its average rank, labels as text", async () => {
    const page = await open("/repos/lab/campaigns/augs?cmp_base=%22none%22");
    const groups = page.locator("svg.cd-diagram .cd-group");
    await expect.poll(() => groups.count()).toBe(3);
    const api = (await call("GET", `/v1/repos/lab/campaigns/augs/compare?metric=acc&by=aug&baseline=none`)) as Comparison;
    const shown = await groups.evaluateAll((gs) =>
      gs.map((g) => ({ rank: Number((g as SVGGElement).dataset.rank), label: g.querySelector("text")!.textContent })),
    );
    for (const r of api.friedman.ranks) {
      const g = shown.find((s) => s.label?.startsWith(`${r.group} (`));
      expect(g, r.group).toBeDefined();
      expect(g!.rank).toBeCloseTo(r.rank, 12);
    }
    // Best first: flip ranks 1 in every block.
    expect(api.friedman.ranks.find((r) => r.group === "flip")!.rank).toBe(1);
    const cd = await page.locator("svg.cd-diagram .cd-bar text").textContent();
    expect(Number(cd!.replace("CD = ", ""))).toBeCloseTo(api.friedman.critical_difference, 3);
    expect(await page.locator("svg.cd-diagram image, img").count()).toBe(0);
    await screenshot(page, "campaign-compare", page.locator("section.campaign-compare"));
  });

  test("the diagram exports as an SVG that stands alone (labels as text) and as a PNG of its size", async () => {
    const page = await open("/repos/lab/campaigns/augs?cmp_base=%22none%22");
    const chart = page.locator(".cd-chart");
    await expect.poll(() => chart.locator(".cd-group").count()).toBe(3);
    const save = async (item: string) => {
      await chart.getByRole("button", { name: "Export ▾" }).click();
      const [download] = await Promise.all([page.waitForEvent("download"), chart.getByRole("menuitem", { name: item }).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const svg = await save("SVG (vector)");
    expect(svg.name).toMatch(/\.svg$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        labels: [...doc.querySelectorAll("text")].map((t) => t.textContent),
        injected: doc.querySelectorAll("img, image, script").length,
        // The page's CSS is not in the file: every line carries its own stroke.
        unstyled: [...doc.querySelectorAll("line, polyline")].filter((l) => !(l as SVGElement).style.stroke).length,
      };
    }, svg.bytes.toString("utf8"));
    expect(parsed.error).toBeNull();
    expect(parsed.labels).toEqual(expect.arrayContaining(["flip (1)", expect.stringMatching(/^<img src=x onerror=alert\(1\)> \(/)]));
    expect(parsed.injected).toBe(0);
    expect(parsed.unstyled).toBe(0);
    const png = await save("PNG image");
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    const width = await page.locator("svg.cd-diagram").evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.width);
    expect(png.bytes.readUInt32BE(16)).toBe(Math.round(width * (await page.evaluate(() => window.devicePixelRatio))));
  });
});

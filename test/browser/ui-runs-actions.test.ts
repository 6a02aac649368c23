// The runs table you can act on, in a real Chromium against the Node host: the total count and
// page size (kept in the URL), the CSV download (opened and parsed: the table's filter, sort
// and columns), bulk archive/tag/delete on the selection (delete only after the dialog),
// rename and delete on the run page, and saved views (saved, applied after a reload, deleted).
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCsv } from "../support/csv.ts";
import { launchBrowser, skipBrowserTests } from "./browser.ts";
import { checkedPages } from "./page-checks.ts";
import { apiCaller } from "./seed.ts";
import { startNodeUi, type UiHost } from "./ui-hosts.ts";

const TABLE_RUNS = 60;

describe.skipIf(skipBrowserTests)("web UI: acting on the runs table", () => {
  let host: UiHost;
  let browser: Browser;
  let call: ReturnType<typeof apiCaller>;
  const runIds = async (repo: string, filter = "") =>
    ((await call("GET", `/v1/repos/${repo}/runs?limit=1000&filter=${encodeURIComponent(filter)}`)) as { items: { id: string; tags: string[] }[] }).items;

  beforeAll(async () => {
    host = await startNodeUi();
    call = apiCaller(host.origin);
    for (let i = 0; i < TABLE_RUNS; i++) {
      const name = i === 3 ? "=HYPERLINK(1)" : `run ${i}`;
      await call("POST", "/v1/repos/table/runs", { id: `t${String(i).padStart(2, "0")}`, name, params: { i, lr: i / 100 } });
    }
    for (let i = 0; i < 5; i++) await call("POST", "/v1/repos/bulk/runs", { id: `b${i}`, name: `bulk ${i}` });
    await call("POST", "/v1/repos/single/runs", { id: "solo", name: "solo run" });
    await call("POST", "/v1/repos/single/runs", { id: "other", name: "other run" });
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

  test("the total count and the page size, both kept in the URL across Next and a reload", async () => {
    const page = await open("/repos/table");
    const count = page.locator(".run-count");
    await expect.poll(() => count.textContent()).toBe(`1–${TABLE_RUNS} of ${TABLE_RUNS}`);
    await page.getByLabel("Runs per page").selectOption("25");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(25);
    expect(page.url()).toContain("limit=25");
    await expect.poll(() => count.textContent()).toBe(`1–25 of ${TABLE_RUNS}`);
    await page.getByRole("button", { name: "Next ›" }).click();
    await expect.poll(() => count.textContent()).toBe(`26–50 of ${TABLE_RUNS}`);
    await page.reload();
    await expect.poll(() => count.textContent()).toBe(`26–50 of ${TABLE_RUNS}`);
    expect(await page.getByLabel("Runs per page").inputValue()).toBe("25");
    await page.getByRole("button", { name: "Next ›" }).click();
    await expect.poll(() => count.textContent()).toBe(`51–60 of ${TABLE_RUNS}`);
    // Back through the page seen since the reload, then (its cursor no longer known) to the first.
    await page.getByRole("button", { name: "‹ Previous" }).click();
    await expect.poll(() => count.textContent()).toBe(`26–50 of ${TABLE_RUNS}`);
    await page.getByRole("button", { name: "‹ Previous" }).click();
    await expect.poll(() => count.textContent()).toBe(`1–25 of ${TABLE_RUNS}`);
    // The count follows the URL at once; the rows come with the page's answer.
    await expect.poll(() => page.locator("tbody .run-id").first().textContent()).toBe("t00");
    await page.goto(`${host.origin}/repos/table?filter=${encodeURIComponent("params.i < 7")}`);
    await expect.poll(() => count.textContent()).toBe("1–7 of 7");
  });

  test("Download CSV saves every matching run with the table's filter, sort and columns", async () => {
    const filter = encodeURIComponent("params.i < 10");
    const page = await open(`/repos/table?filter=${filter}&sort=${encodeURIComponent("params.i desc")}&cols=params.lr,params.i&limit=25`);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(10);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("table-runs.csv");
    const rows = parseCsv(readFileSync(await saved.path(), "utf8"));
    expect(rows[0]).toEqual(["id", "name", "status", "experiment", "campaign", "tags", "created_at", "ended_at", "params.lr", "params.i"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["t09", "t08", "t07", "t06", "t05", "t04", "t03", "t02", "t01", "t00"]);
    expect(rows.find((r) => r[0] === "t03")?.[1]).toBe("'=HYPERLINK(1)");
    expect(rows.find((r) => r[0] === "t05")?.slice(-2)).toEqual(["0.05", "5"]);
  });

  test("bulk actions on the selection: add a tag, archive, and delete only after the dialog confirms", async () => {
    const page = await open("/repos/bulk");
    await page.locator("tbody tr").nth(4).waitFor();
    for (const i of [0, 1, 2]) await page.getByRole("checkbox", { name: `Select run bulk ${i}` }).check();
    await page.getByLabel("Tag for the selected runs").fill("picked");
    await page.getByRole("button", { name: "Add tag" }).click();
    await page.getByRole("status").getByText('Tagged "picked" on 3 runs.').waitFor();
    expect((await runIds("bulk", "tags.picked")).map((r) => r.id)).toEqual(["b0", "b1", "b2"]);
    await expect.poll(() => page.locator("tbody .tag", { hasText: "picked" }).count()).toBe(3);

    await page.getByRole("button", { name: "Archive", exact: true }).click();
    await page.getByRole("status").getByText("Archived 3 runs.").waitFor();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(2);
    expect((await runIds("bulk", "archived = true")).map((r) => r.id)).toEqual(["b0", "b1", "b2"]);

    await page.getByRole("button", { name: "clear selection" }).click();
    for (const i of [3, 4]) await page.getByRole("checkbox", { name: `Select run bulk ${i}` }).check();
    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: "Delete 2 runs?" }).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await runIds("bulk")).toHaveLength(2);

    await page.getByRole("button", { name: "Delete…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete 2 runs" }).click();
    await page.getByRole("status").getByText("Deleted 2 runs.").waitFor();
    expect(await runIds("bulk")).toEqual([]);
    expect(await runIds("bulk", "archived = true")).toHaveLength(3);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(0);
    expect(page.url()).not.toContain("sel=");
  });

  test("a bulk action that fails on a run reports that run with the server's reason, and does the others", async () => {
    const page = await open("/repos/bulk?archived=1", [404]);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(3);
    await page.getByRole("checkbox", { name: "Select all runs on this page" }).check();
    await call("DELETE", "/v1/repos/bulk/runs/b1");
    await page.getByRole("button", { name: "Unarchive" }).click();
    const report = page.getByRole("status");
    await report.getByText("Unarchived 2 runs. 1 run failed:").waitFor();
    expect(await report.locator("li").textContent()).toContain("b1");
    expect((await runIds("bulk")).map((r) => r.id)).toEqual(["b0", "b2"]);
  });

  test("the run page renames the run, and deletes it after the dialog, back to the table", async () => {
    const page = await open("/repos/single/runs/solo");
    await page.getByRole("heading", { name: "solo run" }).waitFor();
    await page.getByRole("button", { name: "Rename" }).click();
    await page.getByLabel("Run name").fill("renamed run");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "renamed run" }).waitFor();
    expect(((await call("GET", "/v1/repos/single/runs/solo")) as { name: string }).name).toBe("renamed run");

    // Escape closes the dialog and keeps the run.
    await page.getByRole("button", { name: "Delete…" }).click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    expect(((await call("GET", "/v1/repos/single/runs/solo")) as { id: string }).id).toBe("solo");
    await page.getByRole("button", { name: "Delete…" }).click();
    await page.getByRole("dialog").getByRole("heading", { name: "Delete run renamed run?" }).waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "Delete run" }).click();
    await page.waitForURL(`${host.origin}/repos/single`);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    expect((await runIds("single")).map((r) => r.id)).toEqual(["other"]);
  });

  test("a saved view is kept by the server, applied after a reload, and deleted", async () => {
    const filter = "params.i >= 50";
    const page = await open(`/repos/table?filter=${encodeURIComponent(filter)}&cols=params.lr&limit=50&sort=${encodeURIComponent("params.i desc")}`);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(10);
    await page.getByRole("button", { name: "Views ▾" }).click();
    await page.getByText("No saved views in this repo yet.").waitFor();
    await page.getByLabel("View name").fill("last ten");
    await page.getByRole("button", { name: "Save current view" }).click();
    await page.getByRole("button", { name: "last ten", exact: true }).waitFor();
    expect(await call("GET", "/v1/repos/table/views/last%20ten")).toMatchObject({
      state: { filter, sort: "params.i desc", columns: ["params.lr"], page_size: 50 },
    });

    await page.goto(`${host.origin}/repos/table`);
    await page.reload();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(TABLE_RUNS);
    await page.getByRole("button", { name: "Views ▾" }).click();
    await page.getByRole("button", { name: "last ten", exact: true }).click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(10);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ filter, sort: "params.i desc", cols: "params.lr", limit: "50" });
    expect(await page.locator("tbody .run-id").first().textContent()).toBe("t59");

    await page.getByRole("button", { name: "Views ▾" }).click();
    await page.getByRole("button", { name: "Delete view last ten" }).click();
    await page.getByText("No saved views in this repo yet.").waitFor();
    expect(await call("GET", "/v1/repos/table/views")).toEqual({ items: [], next_cursor: null });
  });
});

// The web UI measured in a real browser (Chromium via playwright-core) against the Node host in
// a child process, as DESIGN.md's targets state them:
//   - compare 100 runs × 1 metric, each series 100,000 points: navigation → last chart painted < 1 s
//   - a run page with 20 series of 1,000,000 points: navigation → last chart painted < 1 s
//   - the runs table of a 10,000-run repo: a filter submitted → the table shows its runs < 300 ms
//   - parallel coordinates and the scatter over 1,000 runs: navigation → drawn < 500 ms (issue 27)
// The data is written in-process through the services (no HTTP) to keep its generation quick.
// `npm run bench:ui` runs it alone and rewrites the "Web UI" section of bench/RESULTS.md;
// `npm run bench` runs it after the API benchmarks. BENCH_SCALE scales the data down.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { buildWeb } from "../scripts/build-web.ts";
import type { IncomingPoint } from "../src/api/metrics/parse-points.ts";
import { ingestPoints } from "../src/api/metrics/service.ts";
import { createRun } from "../src/api/runs/service.ts";
import { putValues } from "../src/api/values/service.ts";
import { launchBrowser, openPage } from "../test/browser/browser.ts";
import type { Row } from "./run.ts";
import { inProcessDeps } from "./server.ts";

const root = resolve(import.meta.dirname, "..");
let origin = "";
const REPEATS = 5;
const SEARCH = 'params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2';

type Deps = Parameters<typeof createRun>[0];

async function ingestSeries(deps: Deps, repo: string, run: string, name: string, context: string, count: number) {
  for (let from = 0; from < count; from += 10_000) {
    const n = Math.min(10_000, count - from);
    const points: IncomingPoint[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const step = from + i;
      // A decaying loss with noise and a rare spike, so the min–max bands have something to show.
      const value = 2 / (1 + step / 5000) + Math.sin(step / 97) * 0.02 + (step % 99_991 === 0 ? 1 : 0);
      points[i] = { name, context, step, value, epoch: Math.floor(step / 1000), time: 1764147000 + step * 0.05 };
    }
    await ingestPoints(deps, repo, run, points, "refuse");
  }
}

interface Sizes {
  compareRuns: number;
  comparePoints: number;
  runSeries: number;
  runPoints: number;
  tableRuns: number;
  explorerRuns: number;
}

// The explorers' view: six params (numeric and categorical) and two values a run.
const EXPLORER_COLS = [
  "params.lr",
  "params.batch",
  "params.depth",
  "params.dropout",
  "params.aug",
  "params.optimizer",
  'values.acc{subset:"test"}',
  "values.f1",
];

async function generate(dbFile: string, s: Sizes) {
  const deps = await inProcessDeps(`file:${dbFile}`);
  const t0 = performance.now();
  for (let r = 0; r < s.compareRuns; r++) {
    const id = `cmp-${String(r).padStart(3, "0")}`;
    await createRun(deps, "ui-compare", { id, name: `run ${r}`, params: { lr: [1e-3, 3e-3, 1e-2][r % 3], seed: r } });
    await ingestSeries(deps, "ui-compare", id, "loss", '{"subset":"train"}', s.comparePoints);
  }
  await createRun(deps, "ui-run", { id: "big", name: "20 long series" });
  for (let i = 0; i < s.runSeries; i++) {
    await ingestSeries(
      deps,
      "ui-run",
      "big",
      `metric${String(Math.floor(i / 2)).padStart(2, "0")}`,
      JSON.stringify({ subset: i % 2 ? "val" : "train" }),
      s.runPoints,
    );
  }
  const lrs = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2];
  for (let r = 0; r < s.tableRuns; r++) {
    const id = `t-${String(r).padStart(5, "0")}`;
    await createRun(deps, "ui-table", { id, experiment: "resnet", params: { lr: lrs[r % 5], aug: ["none", "flip", "crop", "mixup"][r % 4], seed: r % 7 } });
    const floor = 0.05 + ((r * 7919) % 1000) / 1000;
    const points: IncomingPoint[] = Array.from({ length: 5 }, (_, step) => ({
      name: "loss",
      context: '{"subset":"val"}',
      step,
      value: floor + (4 - step) * 0.1,
      epoch: null,
      time: 1764147000 + step,
    }));
    await ingestPoints(deps, "ui-table", id, points, "refuse");
  }
  for (let r = 0; r < s.explorerRuns; r++) {
    const id = `x-${String(r).padStart(4, "0")}`;
    const params = {
      lr: lrs[r % 5],
      batch: [32, 64, 128, 256][r % 4],
      depth: 18 + (r % 7) * 8,
      dropout: ((r * 37) % 50) / 100,
      aug: ["none", "flip", "crop", "mixup"][(r >> 2) % 4],
      optimizer: ["sgd", "adam", "adamw"][r % 3],
    };
    await createRun(deps, "ui-explore", { id, name: `sweep ${r}`, params });
    const acc = 0.6 + ((r * 7919) % 300) / 1000;
    await putValues(deps, "ui-explore", id, [
      { name: "acc", context: { subset: "test" }, value: acc },
      { name: "f1", context: {}, value: acc - 0.05 },
    ]);
  }
  deps.client.close();
  return (performance.now() - t0) / 1000;
}

async function startServer(dbFile: string): Promise<ChildProcess> {
  const child = spawn(join(root, "node_modules/.bin/node"), [join(root, "src/hosts/node.ts")], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LIBSQL_URL: `file:${dbFile}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // However this process ends, the server goes with it.
  process.on("exit", () => child.kill("SIGTERM"));
  await new Promise<void>((ready, fail) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const listening = /listening on (http:\/\/[^\s]+)/.exec(chunk.toString());
      if (listening) {
        origin = listening[1];
        ready();
      }
    });
    child.on("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
}

/**
 * Loads `path` and returns the time from navigation start to the last paint of its charts,
 * read from the page's own clock (each chart stamps its paints; see series-chart.tsx).
 */
async function timeCharts(page: Page, path: string, charts: number, linesPerChart: number): Promise<number> {
  await page.goto("about:blank");
  await page.goto(origin + path);
  await page.waitForFunction(
    ({ charts, lines }) => {
      const boxes = [...document.querySelectorAll<HTMLElement>(".chart-canvas > div[data-lines]")];
      return boxes.length === charts && boxes.every((b) => b.dataset.paintedAt && Number(b.dataset.lines) === lines);
    },
    { charts, lines: linesPerChart },
    { timeout: 60_000 },
  );
  return page.evaluate(() =>
    Math.max(...[...document.querySelectorAll<HTMLElement>(".chart-canvas > div[data-lines]")].map((b) => Number(b.dataset.paintedAt))),
  );
}

/** Loads an explorer at `path` and returns the time from navigation start to its chart drawn with every run. */
async function timeExplorer(page: Page, path: string, chart: string, runs: number): Promise<number> {
  await page.goto("about:blank");
  await page.goto(origin + path);
  const selector = `${chart}[data-runs="${runs}"][data-painted-at]`;
  await page.waitForSelector(selector, { timeout: 60_000 });
  return page.evaluate((s) => Number(document.querySelector<HTMLElement>(s)!.dataset.paintedAt), selector);
}

/** Submits the filter on the runs table and returns the time until its first page of runs is shown. */
async function timeFilter(page: Page, expectFirst: string, expectCount: number): Promise<number> {
  await page.goto(`${origin}/repos/ui-table`);
  await page.locator("tbody tr").first().waitFor();
  await page.locator("input[name=filter]").fill(SEARCH);
  const done = page.evaluate(
    ({ first, count }) =>
      new Promise<number>((resolve) => {
        const form = document.querySelector("form.filter-box")!;
        let t0 = 0;
        form.addEventListener("submit", () => (t0 = performance.now()), { capture: true, once: true });
        const check = () => {
          const rows = document.querySelectorAll("tbody tr");
          if (t0 && rows.length === count && rows[0].querySelector(".run-name a")?.textContent === first) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.querySelector("table.runs")!, { childList: true, subtree: true, characterData: true });
      }),
    { first: expectFirst, count: expectCount },
  );
  await page.locator("input[name=filter]").press("Enter");
  return done;
}

/**
 * Where the compare page's time went, from the browser's resource timings (ms from navigation
 * start): the app's JavaScript in, the first run detail asked for (the series catalog), the
 * metrics/query sent, its first byte and its last, and the chart painted.
 */
function compareBreakdown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const js = entries.find((e) => /\/assets\/app-.*\.js$/.test(e.name));
    const detail = entries.find((e) => /\/v1\/repos\/[^/]+\/runs\//.test(e.name));
    const query = entries.find((e) => e.name.endsWith("/metrics/query"));
    const painted = Number(document.querySelector<HTMLElement>(".chart-canvas > div[data-lines]")?.dataset.paintedAt);
    const ms = (x: number | undefined) => (x === undefined ? "?" : String(Math.round(x)));
    return `JS in ${ms(js?.responseEnd)}; first run detail asked ${ms(detail?.startTime)}; metrics/query sent ${ms(query?.startTime)}, first byte ${ms(query?.responseStart)}, last ${ms(query?.responseEnd)} (${((query?.encodedBodySize ?? 0) / 1e6).toFixed(1)} MB); painted ${ms(painted)}`;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchWebUi(scale: number): Promise<Row[]> {
  const sizes: Sizes = {
    compareRuns: Math.max(10, Math.round(100 * scale)),
    comparePoints: Math.max(10_000, Math.round(100_000 * scale)),
    runSeries: 20,
    runPoints: Math.max(100_000, Math.round(1_000_000 * scale)),
    tableRuns: Math.max(1000, Math.round(10_000 * scale)),
    explorerRuns: 1000,
  };
  const tmp = join(root, "bench", "tmp", "ui");
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const dbFile = join(tmp, "ui.db");
  const build = await buildWeb();
  console.log(
    `web UI: generating ${sizes.compareRuns} × ${sizes.comparePoints} + ${sizes.runSeries} × ${sizes.runPoints} points and ${sizes.tableRuns} + ${sizes.explorerRuns} runs...`,
  );
  const genSeconds = await generate(dbFile, sizes);
  const server = await startServer(dbFile);
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    const w = await openPage(browser, { width: 1280, height: 900 });
    const ids = Array.from({ length: sizes.compareRuns }, (_, r) => `cmp-${String(r).padStart(3, "0")}`);
    const comparePath = `/repos/ui-compare/compare?runs=${ids.join(",")}`;
    const compare = [];
    let firstVisit = "";
    for (let i = 0; i <= REPEATS; i++) {
      compare.push(await timeCharts(w.page, comparePath, 1, sizes.compareRuns));
      if (i === 0) firstVisit = await compareBreakdown(w.page);
    }
    rows.push({
      what: `Compare ${sizes.compareRuns} runs × 1 metric, ${sizes.comparePoints.toLocaleString("en")} points each: navigation → chart painted (first visit; then median of ${REPEATS})`,
      result: `${Math.round(compare[0])} ms; ${Math.round(median(compare.slice(1)))} ms`,
      target: "< 1,000 ms",
      ok: Math.max(compare[0], median(compare.slice(1))) < 1000,
    });
    rows.push({ what: "Compare, first visit: where the time went (ms from navigation start)", result: firstVisit, target: "(breakdown; no target)", ok: null });

    const run = [];
    for (let i = 0; i <= REPEATS; i++) run.push(await timeCharts(w.page, "/repos/ui-run/runs/big", sizes.runSeries / 2, 2));
    rows.push({
      what: `Run page, ${sizes.runSeries} series of ${sizes.runPoints.toLocaleString("en")} points (${sizes.runSeries / 2} charts × 2 contexts): navigation → last chart painted (first visit; then median of ${REPEATS})`,
      result: `${Math.round(run[0])} ms; ${Math.round(median(run.slice(1)))} ms`,
      target: "< 1,000 ms",
      ok: Math.max(run[0], median(run.slice(1))) < 1000,
    });

    const api = (await (await fetch(`${origin}/v1/repos/ui-table/runs?${new URLSearchParams({ filter: SEARCH, limit: "100" })}`)).json()) as {
      items: { id: string; name: string }[];
    };
    const filter = [];
    for (let i = 0; i < REPEATS; i++) filter.push(await timeFilter(w.page, api.items[0].name || api.items[0].id, api.items.length));
    rows.push({
      what: `Runs table of a ${sizes.tableRuns.toLocaleString("en")}-run repo: \`${SEARCH}\` submitted → its ${api.items.length} runs shown (median of ${REPEATS})`,
      result: `${Math.round(median(filter))} ms`,
      target: "< 300 ms",
      ok: median(filter) < 300,
    });
    const explorers = [
      {
        name: "Parallel coordinates",
        path: `/repos/ui-explore/params?${new URLSearchParams({ cols: EXPLORER_COLS.join(","), color: "values.f1" })}`,
        chart: ".pc-chart",
      },
      {
        name: "Scatter",
        path: `/repos/ui-explore/scatter?${new URLSearchParams({ x: "params.lr", y: EXPLORER_COLS[6], color: "params.depth", size: "params.batch", trend: "1" })}`,
        chart: ".scatter-chart",
      },
    ];
    for (const e of explorers) {
      const times = [];
      for (let i = 0; i <= REPEATS; i++) times.push(await timeExplorer(w.page, e.path, e.chart, sizes.explorerRuns));
      rows.push({
        what: `${e.name} over ${sizes.explorerRuns.toLocaleString("en")} runs (6 params, 2 values each): navigation → drawn (first visit; then median of ${REPEATS})`,
        result: `${Math.round(times[0])} ms; ${Math.round(median(times.slice(1)))} ms`,
        target: "< 500 ms",
        ok: Math.max(times[0], median(times.slice(1))) < 500,
      });
    }
    if (w.errors.length) throw new Error(`console errors during the bench: ${w.errors.join("; ")}`);
    rows.push({
      what: "The UI's JavaScript (Preact, @preact/signals, preact-iso, uPlot, papaparse and the app), minified",
      result: `${(build.jsGzipBytes / 1024).toFixed(1)} KiB gzipped`,
      target: "< 150 KiB gzipped",
      ok: build.jsGzipBytes < 150 * 1024,
    });
    rows.push({
      what: "Setup: the data above written in-process (services, no HTTP)",
      result: `${genSeconds.toFixed(1)} s`,
      target: "(setup; no target)",
      ok: null,
    });
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

const SECTION = "## Web UI";

// Kept with the numbers, as bench/run.ts does, so every rewrite says how to read them.
const UI_NOTES = `- "First visit" is the first navigation after the server started: its caches are cold (the
  series' chunk summaries come from the database) and so is the browser's. The repeats are
  what a person reloading or coming back sees.
- Charts ask for one point per pixel of their width (about 600 here). The UI reads series
  with format=columnar (web/src/api/series.ts: one array per field, for one series and for
  metrics/query), about half the bytes of the row form, which had every bucket as an object
  with eleven keys plus the points again; the compare chart's one metrics/query request for
  100 runs × 600 buckets is mostly the server building the answer and the browser parsing it.
- Runs chosen by id are read one request each (there is no batch read by id), after the curves
  are in when no color, stroke, group or facet param needs them. Without \`metrics=\` in the URL
  the page first learns the series from a run's detail: the charts start on the first of five
  details that names series, then one metrics/query reads all the runs.
- What bounds the compare page's first visit (the breakdown row): its steps run one after
  the other — the app's JavaScript, one run detail (to learn the series), then the
  metrics/query, whose first byte is the longest wait: a fresh server process (code not yet
  optimised, each series' chunk summaries read from the database) answering 100 series. CPU
  profiles of both sides on this machine show their main threads idle most of that time, so
  on a loaded 2-core machine the wait for a core, not the work, is what stretches it. Parsing
  the 6.6 MB answer takes the browser tens of ms (steps and values alone would be 1.5 MB), so a
  slimmer answer would save little. Not built: warming the server's read path at start.`;

/** Replaces (or adds) the "Web UI" section of bench/RESULTS.md, leaving the rest as it is. */
export function writeWebUiSection(rows: Row[], scale: number) {
  const file = join(root, "bench", "RESULTS.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(SECTION);
  const before = start < 0 ? `${text.trimEnd()}\n\n` : text.slice(0, start);
  const rest = start < 0 ? "" : text.slice(start + SECTION.length);
  const next = rest.search(/\n## /);
  const after = next < 0 ? "" : rest.slice(next + 1);
  const section = [
    SECTION,
    "",
    `Measured in Chromium (headless, 1280×900) against the Node host; times from the page's own clock. ${new Date().toISOString()}, \`npm run bench:ui\` (also the end of \`npm run bench\`)${scale !== 1 ? ` with BENCH_SCALE=${scale}` : ""}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores at the end.`,
    "",
    "| measurement | result | target | met |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.what} | ${r.result} | ${r.target} | ${r.ok === null ? "—" : r.ok ? "yes" : "**no**"} |`),
    "",
    UI_NOTES,
    "",
  ].join("\n");
  writeFileSync(file, before + section + (after ? `\n${after}` : ""));
  console.log(section);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  writeWebUiSection(await benchWebUi(scale), scale);
}

// The loggers of docs/any-language.md (examples/<language>/) run as a reader of that page
// would run them, against a live Node host, then checked by reading the runs back: the same
// run in every language (params, series with contexts, a NaN, a name with "/", a value,
// finished) and the example's own read-back line. A toolchain missing outside CI skips its
// example, saying so; under CI it fails.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ServerProcess, startServerProcess } from "./support/processes.ts";

const root = resolve(import.meta.dirname, "..");
const examples = join(root, "examples");
const dir = mkdtempSync(join(tmpdir(), "runcamp-examples-"));
let server: ServerProcess;
let base = "";

beforeAll(async () => {
  server = await startServerProcess(join(root, "node_modules/.bin/node"), [join(root, "src/hosts/node.ts")], {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    LIBSQL_URL: `file:${join(dir, "runcamp.db")}`,
    RUNCAMP_ADMIN_TOKEN: "",
  });
  base = server.base;
});

afterAll(async () => {
  await server?.process.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Example {
  language: string;
  /** The program the reader needs on PATH. */
  tool: string;
  cwd: string;
  /** Commands before the run (e.g. installing the SDK package). */
  setup?: string[][];
  command: string[];
  env?: NodeJS.ProcessEnv;
}

const node = join(root, "node_modules/.bin/node");
const EXAMPLES: Example[] = [
  { language: "go", tool: "go", cwd: "go", command: ["go", "run", "."] },
  // Compiled once per machine, not per clone: the target directory is kept in the temp dir.
  {
    language: "rust",
    tool: "cargo",
    cwd: "rust",
    command: ["cargo", "run", "-q", "--locked", "--"],
    env: { CARGO_TARGET_DIR: join(tmpdir(), "runcamp-example-rust-target") },
  },
  { language: "java", tool: "java", cwd: "java", command: ["java", "Logger.java"] },
  { language: "shell", tool: "jq", cwd: "shell", command: ["bash", "log.sh"] },
  { language: "typescript", tool: "npm", cwd: "typescript", setup: [["npm", "ci", "--no-audit", "--no-fund"]], command: [node, "log.ts"] },
];

const found = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;

function run(example: Example, argv: string[]): string {
  const [command, ...args] = argv;
  const result = spawnSync(command, args, { cwd: join(examples, example.cwd), env: { ...process.env, ...example.env }, encoding: "utf8", timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${argv.join(" ")} (in examples/${example.cwd}) failed: ${result.error ?? ""}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function get(path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/v1/repos/examples/${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const columns = (path: string) =>
  get(`${path}${path.includes("?") ? "&" : "?"}format=columnar`) as Promise<{ steps: number[]; values: unknown[]; epochs: number[] }>;

for (const example of EXAMPLES) {
  const missing = !found(example.tool);
  if (missing && process.env.CI !== "true") console.warn(`examples/${example.cwd} skipped: ${example.tool} is not on PATH`);
  test.skipIf(missing && process.env.CI !== "true")(`examples/${example.cwd} logs the run and reads it back`, { timeout: 300_000 }, async () => {
    if (missing) throw new Error(`${example.tool} is not on PATH: CI needs it to run examples/${example.cwd}`);
    const id = `${example.language}-checked`;
    for (const setup of example.setup ?? []) run(example, setup);
    const out = run(example, [...example.command, base, id]);

    // What the example printed from its own reads: the series, then the repo's runs (paged).
    // Each language prints a list its own way ([1.5 NaN 0.5], [1.5,"NaN",0.5], [10.0, 9.0, 8.0]).
    const printed = new RegExp(`^run ${id}: val loss \\[(.*)\\] at steps \\[(.*)\\]; grad/norm \\[(.*)\\]; (\\d+) runs in the repo\\n$`).exec(out);
    expect(printed, out).not.toBeNull();
    const list = (text: string) => text.split(/[,\s]+/).map((item) => Number(item.replaceAll('"', "")));
    const [, valPrinted, stepsPrinted, normPrinted, runsPrinted] = printed!;
    expect([list(valPrinted), list(stepsPrinted), list(normPrinted)]).toEqual([
      [1.5, NaN, 0.5],
      [0, 1, 2],
      [10, 9, 8],
    ]);
    expect(Number(runsPrinted)).toBe(((await get("runs?limit=1000")).items as unknown[]).length);

    const stored = (await get(`runs/${id}`)) as { status: string; experiment: string; params: unknown; tags: string[]; values: unknown[] };
    expect(stored).toMatchObject({ status: "finished", experiment: "any-language", params: { lr: 0.001, optimizer: "adam", layers: 2 } });
    expect(stored.tags).toContain(example.language);
    const context = (subset: string) => `context=${encodeURIComponent(JSON.stringify({ subset }))}`;
    const train = await columns(`runs/${id}/metrics/loss?${context("train")}`);
    expect(train).toMatchObject({ steps: [0, 1, 2], values: [1, 0.5, 1 / 3], epochs: [0, 1, 2] });
    const val = await columns(`runs/${id}/metrics/loss?${context("val")}`);
    expect(val).toMatchObject({ steps: [0, 1, 2], values: [1.5, "NaN", 0.5], epochs: [0, 1, 2] });
    expect(await columns(`runs/${id}/metrics/grad%2Fnorm`)).toMatchObject({ steps: [0, 1, 2], values: [10, 9, 8] });
    expect(stored.values).toEqual([expect.objectContaining({ name: "acc", context: { subset: "test" }, value: 0.9 })]);
  });
}

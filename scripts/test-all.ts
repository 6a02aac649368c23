// `npm test`: every suite of the repository, one after the other, each counted by name, then a
// check that no process they started is left. It ends with one line, `N passed, N failed,
// N skipped`, which CI (.ci/run) shows last; the exit status is 1 when anything failed.
//
//   npm test                                  every suite below
//   npm test -- test/api-runs.test.ts         vitest only, given these arguments (any of vitest's)
//   TEST_SUITES=pytest,schemathesis npm test  only the named suites (with arguments: vitest gets them)
//
//   suite          what runs                                              counted
//   biome          biome check                                            1 check
//   tsc            tsc --noEmit                                           1 check
//   vitest         vitest run, JSON report in .ci-vitest.json             each test
//                  (its tests on the Bun and Deno hosts get lines of their own)
//   pytest         pytest clients/python/tests, JUnit in .ci-pytest.xml   each test
//                  (and clients/python-lowlevel/tests when that exists)
//   schemathesis   tools/schemathesis/run.sh, JUnit .ci-schemathesis.xml  each API operation
//   leftovers      no process started by the suites still runs            1 check
//
// A suite that exits non-zero without a failure in its report (it crashed, or wrote none)
// counts one failure. The Python suites need python3: without it they are skipped, said so,
// and counted as skipped, never as passed. They run in ./.venv, made here with the SDK
// (editable, with its test extras; under CI=true also mlflow-test, the real mlflow client
// tests/test_mlflow.py drives, and integrations-test, the frameworks tests/test_integrations_*.py
// train) and schemathesis; it is reinstalled only when a file it was
// made from changed (a hash of them is kept in .venv/.runcamp-test-stamp).
//
// Leftovers: every child gets RUNCAMP_TEST_RUN in its environment. After the suites, a process
// still running that descends from this one or carries that value (scripts/leftover-processes.ts)
// is listed, killed, and counted as a failure.
import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { available, leftProcesses } from "./leftover-processes.ts";

const root = resolve(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules/.bin", name);
const venv = join(root, ".venv");
const venvPython = join(venv, "bin/python");

interface Result {
  passed: number;
  failed: number;
  skipped: number;
  /** Why it was skipped or failed as a whole, shown on its summary line. */
  note?: string;
}

const runId = `${process.pid}-${randomBytes(6).toString("hex")}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  RUNCAMP_TEST_RUN: runId,
  // The repository's node for everything, also when this was started without npm.
  PATH: [dirname(process.execPath), join(root, "node_modules/.bin"), process.env.PATH].join(delimiter),
};

/** Runs a command in the foreground, its output on ours; its exit status. */
function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env, ...options });
  if (result.error) console.error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

const check = (status: number): Result => ({ passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 });

/** A non-zero exit without a failure in the report is one failure. */
function atLeastOneFailure(result: Result, status: number): Result {
  return status !== 0 && result.failed === 0 ? { ...result, failed: 1, note: `exit status ${status}` } : result;
}

function vitest(args: string[]): Result {
  const report = join(root, ".ci-vitest.json");
  rmSync(report, { force: true });
  const status = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...args]);
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0, note: "no report" };
  const v = JSON.parse(readFileSync(report, "utf8"));
  for (const runtime of RUNTIME_HOSTS) runtimeCounts.set(runtime, countsOnHost(v, runtime));
  failedTests.push(...failedTitles(v));
  // A file that failed outside its tests (its tests then count as skipped) is one failure more.
  const filesFailedOutsideTests = v.testResults.filter(
    (f: VitestReport["testResults"][number]) => f.status === "failed" && !f.assertionResults.some((t) => t.status === "failed"),
  ).length;
  const failed = v.numFailedTests + filesFailedOutsideTests;
  return atLeastOneFailure({ passed: v.numPassedTests, failed, skipped: v.numPendingTests + v.numTodoTests }, status);
}

// The API suites run on the Bun and Deno hosts too (apiHosts in test/support/hosts.ts), each
// describe block titled "... on <host>". Their share of vitest's count gets a summary line of
// its own, so that CI shows each runtime ran (counted once, in vitest's total).
const RUNTIME_HOSTS = ["bun", "deno"];
const runtimeCounts = new Map<string, Result>();

interface VitestReport {
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; ancestorTitles: string[]; status: string }[] }[];
}

// CI shows only the end of the output: the summary names each failed test (file › title), so
// a failure far up in vitest's own output is still seen.
const failedTests: string[] = [];

function failedTitles(report: VitestReport): string[] {
  return report.testResults.flatMap((file) => {
    const tests = file.assertionResults.filter((t) => t.status === "failed");
    const where = relative(root, file.name);
    // A file can fail with no failed test (an error in a hook or at import): say so, with why.
    if (!tests.length && file.status === "failed") return [`${where} › ${file.message?.split("\n")[0] ?? "failed"}`];
    return tests.map((t) => `${where} › ${t.fullName}`);
  });
}

function countsOnHost(report: VitestReport, host: string): Result {
  const counts: Result = { passed: 0, failed: 0, skipped: 0 };
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      if (!test.ancestorTitles[0]?.endsWith(` on ${host}`)) continue;
      if (test.status === "passed") counts.passed++;
      else if (test.status === "failed") counts.failed++;
      else counts.skipped++;
    }
  }
  return counts;
}

/** Counts of a JUnit report (pytest's, schemathesis'): the sum over its <testsuite> elements. */
function junit(file: string, status: number): Result {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, note: "no report" };
  const result: Result = { passed: 0, failed: 0, skipped: 0 };
  for (const [suite] of readFileSync(file, "utf8").matchAll(/<testsuite\s[^>]*>/g)) {
    const attr = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
    const failed = attr("failures") + attr("errors");
    result.failed += failed;
    result.skipped += attr("skipped");
    result.passed += attr("tests") - failed - attr("skipped");
  }
  return atLeastOneFailure(result, status);
}

const lowlevelDir = join(root, "clients/python-lowlevel"); // its own distribution, when present

/** The files .venv is made from, and the pip arguments; their hash is the stamp. */
function venvRecipe(): { files: string[]; pipArgs: string[] } {
  const extras = process.env.CI === "true" ? "test,mlflow-test,integrations-test" : "test";
  const files = ["clients/python/pyproject.toml", "tools/schemathesis/requirements.txt"];
  const pipArgs = ["install", "--quiet", "--disable-pip-version-check"];
  if (existsSync(join(lowlevelDir, "pyproject.toml"))) {
    files.push("clients/python-lowlevel/pyproject.toml");
    pipArgs.push("-e", "./clients/python-lowlevel");
  }
  pipArgs.push("-e", `./clients/python[${extras}]`, "-r", "tools/schemathesis/requirements.txt");
  // The S3-compatible server the artifact-store suites start (scripts/s3-process.ts): required
  // under CI, where its absence fails them; elsewhere they skip without it.
  if (process.env.CI === "true") pipArgs.push("moto[server]==5.2.6");
  return { files, pipArgs };
}

/** Makes or reuses .venv; null when it is ready, else why the Python suites cannot run. */
function pythonSetup(): { skip: string } | { fail: string } | null {
  if (spawnSync("python3", ["--version"], { env }).status !== 0) return { skip: "python3 not found" };
  const { files, pipArgs } = venvRecipe();
  const hash = createHash("sha256").update(pipArgs.join(" "));
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  const stamp = join(venv, ".runcamp-test-stamp");
  const wanted = hash.digest("hex");
  if (existsSync(venvPython) && existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return null;
  console.log(`== .venv: pip ${pipArgs.join(" ")} (new, or ${files.join(", ")} or these arguments changed since it was made)`);
  if (!existsSync(venvPython) && run("python3", ["-m", "venv", venv]) !== 0) return { fail: "python3 -m venv .venv failed" };
  if (run(venvPython, ["-m", "pip", ...pipArgs]) !== 0) return { fail: "pip install into .venv failed" };
  writeFileSync(stamp, wanted);
  return null;
}

function pytest(dir: string, report: string): Result {
  rmSync(join(root, report), { force: true });
  const status = run(venvPython, ["-m", "pytest", dir, "-q", "-p", "no:cacheprovider", `--junitxml=${report}`]);
  return junit(join(root, report), status);
}

function schemathesis(): Result {
  const report = join(root, ".ci-schemathesis.xml");
  rmSync(report, { force: true });
  const status = run(join(root, "tools/schemathesis/run.sh"), [], { env: { ...env, FUZZ_JUNIT: report } });
  return junit(report, status);
}

async function leftoverCheck(): Promise<Result> {
  if (!available) return { passed: 0, failed: 0, skipped: 1, note: "no /proc here to look in" };
  const leftovers = () => leftProcesses(process.pid, `RUNCAMP_TEST_RUN=${runId}`);
  // A process on its way out (a test worker closing) gets a few seconds.
  let left = leftovers();
  for (let waited = 0; left.length && waited < 5_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    left = leftovers();
  }
  if (!left.length) return { passed: 1, failed: 0, skipped: 0 };
  console.error(`leftover processes, started by the suites and still running (killed now):`);
  for (const proc of left) {
    console.error(`  ${proc.pid} (parent ${proc.ppid}) ${proc.command}`);
    try {
      process.kill(proc.pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
  return { passed: 0, failed: 1, skipped: 0, note: `${left.length} leftover process${left.length === 1 ? "" : "es"}` };
}

const vitestArgs = process.argv.slice(2);
const allSuites = ["biome", "tsc", "vitest", "pytest", "schemathesis"];
const chosen = process.env.TEST_SUITES?.split(",").map((s) => s.trim()) ?? (vitestArgs.length ? ["vitest"] : allSuites);
const unknown = chosen.filter((name) => !allSuites.includes(name));
if (unknown.length) {
  console.error(`TEST_SUITES: unknown suite ${unknown.join(", ")} (known: ${allSuites.join(", ")})`);
  process.exit(2);
}
if (vitestArgs.length && !process.env.TEST_SUITES) console.log(`== arguments given (${vitestArgs.join(" ")}): vitest only`);

const results: [name: string, result: Result][] = [];
const timed = (name: string, suite: () => Result) => {
  console.log(`\n== ${name}`);
  const started = Date.now();
  const result = suite();
  results.push([name, result]);
  console.log(`== ${name} done in ${Math.round((Date.now() - started) / 1000)} s`);
};

if (chosen.includes("biome")) timed("biome", () => check(run(bin("biome"), ["check"])));
if (chosen.includes("tsc")) timed("tsc", () => check(run(bin("tsc"), ["--noEmit"])));
// .venv first: some vitest tests drive the Python SDK from it too (the README's Python tour,
// `runcamp sync` of a TypeScript spool), and skip without it. A run of chosen vitest files
// leaves it as it is.
const wantsPython = chosen.includes("pytest") || chosen.includes("schemathesis") || (chosen.includes("vitest") && !vitestArgs.length);
const python = wantsPython ? pythonSetup() : null;
if (chosen.includes("vitest")) timed("vitest", () => vitest(vitestArgs));
const pythonSuite = (name: string, suite: () => Result) => {
  if (python === null) timed(name, suite);
  else if ("skip" in python) {
    console.log(`\n== ${name} skipped: ${python.skip}`);
    results.push([name, { passed: 0, failed: 0, skipped: 1, note: python.skip }]);
  } else results.push([name, { passed: 0, failed: 1, skipped: 0, note: python.fail }]);
};
if (chosen.includes("pytest")) {
  pythonSuite("pytest", () => pytest("clients/python/tests", ".ci-pytest.xml"));
  if (existsSync(join(lowlevelDir, "tests"))) pythonSuite("pytest python-lowlevel", () => pytest("clients/python-lowlevel/tests", ".ci-pytest-lowlevel.xml"));
}
if (chosen.includes("schemathesis")) pythonSuite("schemathesis", schemathesis);
results.push(["leftover processes", await leftoverCheck()]);

console.log("");
const width = Math.max(...results.map(([name]) => name.length)) + 2;
const total: Result = { passed: 0, failed: 0, skipped: 0 };
for (const [name, r] of results) {
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
  const counts = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
  console.log(`${name.padEnd(width)}${r.failed ? "FAILED" : r.passed ? "ok" : "skipped"}  ${counts}${r.note ? ` (${r.note})` : ""}`);
  if (name !== "vitest") continue;
  for (const title of failedTests) console.log(`  failed: ${title}`);
  for (const [runtime, c] of runtimeCounts) {
    const label = `  of which on ${runtime}`;
    console.log(`${label.padEnd(width)}${c.failed ? "FAILED" : c.passed ? "ok" : "none"}  ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  }
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed ? 1 : 0);

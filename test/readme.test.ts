// Keeps the README true: short enough to read, every relative link and picture in it and in
// the guides pointing at a file (and, for a link into a Markdown file, at a heading there),
// and its two tours running as written against a real Node host. A tour is the fenced block
// right after a `<!-- tour: curl -->` or `<!-- tour: python -->` line; the only change made
// before running it is the server's address (the README says 127.0.0.1:8787, the test's
// server listens on a free port).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultLimits } from "../src/config.ts";
import { startNodeServer } from "../src/hosts/node.ts";

const root = resolve(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const README_ADDRESS = "http://127.0.0.1:8787";

/** The Markdown files whose links are checked: the README, the guides, SECURITY.md and the SDKs' READMEs. */
const checkedFiles = [
  "README.md",
  "SECURITY.md",
  "clients/python/README.md",
  "clients/typescript/README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** The text of a Markdown file without its fenced code blocks (links in code are not links). */
function prose(text: string): string {
  return text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");
}

/** Relative link and image targets: `[text](target)`, `![alt](target)` and `src="target"`. */
function relativeTargets(text: string): string[] {
  const body = prose(text);
  const targets = [...body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...body.matchAll(/\bsrc="([^"]+)"/g)].map((m) => m[1]);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

/** GitHub's anchor for a heading: lower case, punctuation but '-' and '_' dropped, spaces to '-'. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(file: string, text = readFileSync(file, "utf8")): Set<string> {
  const headings = [...prose(text).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchor(m[1]));
  return new Set(headings);
}

/** What is wrong with each relative link of a Markdown file at `path`, as "target (why)". */
function brokenLinks(path: string, text = readFileSync(path, "utf8")): string[] {
  const broken: string[] = [];
  for (const target of relativeTargets(text)) {
    const [pathPart, hash] = target.split("#", 2);
    const dest = pathPart === "" ? path : resolve(dirname(path), decodeURI(pathPart));
    if (pathPart !== "" && !existsSync(dest)) {
      broken.push(`${target} (no file ${relative(root, dest)})`);
    } else if (hash !== undefined && dest.endsWith(".md") && !anchorsOf(dest, dest === path ? text : undefined).has(hash)) {
      broken.push(`${target} (no heading #${hash} in ${relative(root, dest)})`);
    }
  }
  return broken;
}

/** The fenced block that follows `<!-- tour: name -->`. */
function tour(name: string): string {
  const match = readme.match(new RegExp(`<!-- tour: ${name} -->\\s*\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``));
  if (!match) throw new Error(`README.md has no block after <!-- tour: ${name} -->`);
  return match[1];
}

describe("README.md", () => {
  test("is under 300 lines", () => {
    expect(readme.split("\n").length).toBeLessThan(300);
  });

  test("keeps the two-command quick start", () => {
    expect(readme).toMatch(/^npm install && npm start\b/m);
    expect(readme).toMatch(/^npm test\b/m);
  });

  test.each(checkedFiles)("every relative link and image in %s resolves", (file) => {
    expect(brokenLinks(join(root, file))).toEqual([]);
  });

  test("the link check finds a missing file, a missing image and a missing heading", () => {
    const text = [
      "# Here",
      "[a](api.md) [b](nope.md) ![c](images/none.png) [d](api.md#no-such-heading) [e](api.md#run-liveness) [f](#here) [g](#gone)",
      "```sh",
      "echo '[h](in-code-is-not-a-link.md)'",
      "```",
    ].join("\n");
    expect(brokenLinks(join(root, "docs", "x.md"), text)).toEqual([
      "nope.md (no file docs/nope.md)",
      "images/none.png (no file docs/images/none.png)",
      "api.md#no-such-heading (no heading #no-such-heading in docs/api.md)",
      "#gone (no heading #gone in docs/x.md)",
    ]);
  });
});

describe("the README's tours, against a live Node host", () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startNodeServer>>;
  let address: string;
  const run = promisify(execFile);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "runcamp-readme-"));
    server = await startNodeServer({
      url: `file:${join(dir, "runcamp.db")}`,
      host: "127.0.0.1",
      port: 0,
      config: { limits: { ...defaultLimits }, corsOrigins: [] },
    });
    address = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the curl tour runs as written", async () => {
    const script = tour("curl").replaceAll(README_ADDRESS, address);
    // --fail-with-body: an HTTP error fails the tour (curl alone exits 0 on a 4xx).
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", `curl() { command curl -sS --fail-with-body "$@"; echo; }\n${script}`], {
      encoding: "utf8",
    });
    const lines = stdout.trim().split("\n");
    const found = JSON.parse(lines[lines.length - 1]);
    expect(found.items.map((r: { id: string }) => r.id)).toEqual(["curl-demo"]);
    expect(found.items[0].status).toBe("finished");
  });

  // npm test (scripts/test-all.ts) makes .venv with the Python SDK before vitest; RUNCAMP_PYTHON names
  // another interpreter with runcamp installed.
  const python = process.env.RUNCAMP_PYTHON ?? join(root, ".venv", "bin", "python");
  const havePython = existsSync(python);
  if (!havePython) console.warn(`README Python tour skipped: no Python with runcamp at ${python} (set RUNCAMP_PYTHON, or see docs/development.md)`);
  test.skipIf(!havePython)("the Python tour runs as written", { timeout: 120_000 }, async () => {
    const script = tour("python").replaceAll(README_ADDRESS, address);
    const { stdout } = await run(python, ["-c", script], { encoding: "utf8", cwd: dir, env: { ...process.env, RUNCAMP_SPOOL_DIR: join(dir, "spool") } });
    // The runs of aug "flip", then the summary: one row per augmentation, two runs each.
    expect(stdout).toContain("flip");
    const rows = await (await fetch(`${address}/v1/repos/cifar/campaigns/augment-grid/summary?metrics=acc&group_by=aug`)).json();
    expect(rows.rows.map((r: { group: { aug: string }; n: number }) => [r.group.aug, r.n])).toEqual([
      ["flip", 2],
      ["none", 2],
    ]);
  });
});

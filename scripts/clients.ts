// `npm run clients`: regenerates the generated half of both SDKs from openapi.yaml:
//   clients/typescript/src/schema.d.ts   openapi-typescript (a dev dependency)
//   clients/typescript/dist/             the TypeScript SDK compiled (tsc), committed so that
//                                        `npm install <path>/clients/typescript` works on any
//                                        Node without a build step
//   clients/python-lowlevel/runcamp_lowlevel/   openapi-python-client, pinned in
//                                               clients/python-lowlevel/requirements-generate.txt
//                                               and installed into ./.venv on first use
//                                               (its own distribution, runcamp-lowlevel: the
//                                               SDK in clients/python does not need it)
// `npm run clients -- --check` regenerates into a temporary folder instead and fails when
// anything differs from the committed files (CI runs it). `--only=typescript|python`
// limits either to one SDK.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { parse, stringify } from "yaml";

const root = resolve(import.meta.dirname, "..");
const spec = join(root, "openapi.yaml");
const tsProject = join(root, "clients/typescript");
const tsSchemaFile = join(tsProject, "src/schema.d.ts");
const tsDist = join(tsProject, "dist");
// The generator's pin and config live beside its output.
const lowlevelProject = join(root, "clients/python-lowlevel");
const lowlevelDir = join(lowlevelProject, "runcamp_lowlevel");
const venv = join(root, ".venv");
const venvBin = join(venv, process.platform === "win32" ? "Scripts" : "bin");

const header = `// Generated from openapi.yaml by openapi-typescript (\`npm run clients\`). Do not edit.\n\n`;

/** The TypeScript types of the API, as committed in clients/typescript/src/schema.d.ts. */
export async function renderTypescriptSchema(yamlText: string = readFileSync(spec, "utf8")): Promise<string> {
  const ast = await openapiTS(yamlText);
  return header + astToString(ast);
}

/** The TypeScript SDK compiled into `outDir` (which must not exist yet), as its package exports it. */
function buildTypescriptDist(outDir: string): void {
  const tsc = join(root, "node_modules/.bin/tsc");
  execFileSync(tsc, ["-p", join(tsProject, "tsconfig.build.json"), "--outDir", outDir], { stdio: "inherit" });
  // Types only: tsc does not copy a .d.ts it imports.
  cpSync(tsSchemaFile, join(outDir, "schema.d.ts"));
}

function pinnedGenerator(): Map<string, string> {
  const pins = new Map<string, string>();
  for (const line of readFileSync(join(lowlevelProject, "requirements-generate.txt"), "utf8").split("\n")) {
    const m = /^([A-Za-z0-9_.-]+)==([^\s#]+)/.exec(line.trim());
    if (m) pins.set(m[1].toLowerCase(), m[2]);
  }
  return pins;
}

/** Makes sure ./.venv holds the pinned openapi-python-client (and ruff, which formats its output). */
function ensureGenerator(): void {
  const python = join(venvBin, "python");
  if (!existsSync(python)) {
    console.log("clients: creating .venv for openapi-python-client");
    execFileSync(process.env.PYTHON ?? "python3", ["-m", "venv", venv], { stdio: "inherit" });
  }
  const wanted = pinnedGenerator();
  const installed = new Map<string, string>();
  const listing = execFileSync(python, ["-m", "pip", "list", "--format=freeze", "--disable-pip-version-check"], { encoding: "utf8" });
  for (const line of listing.split("\n")) {
    const [name, version] = line.trim().split("==");
    if (name && version) installed.set(name.toLowerCase(), version);
  }
  if ([...wanted].some(([name, version]) => installed.get(name) !== version)) {
    console.log("clients: installing the pinned generator into .venv");
    execFileSync(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", join(lowlevelProject, "requirements-generate.txt")], {
      stdio: "inherit",
    });
  }
}

/**
 * openapi.yaml as openapi-python-client should read it. The generator silently drops a
 * parameter given in OpenAPI's content form (the JSON query parameters `context` and
 * `contexts`), so those become what they are on the wire: a string of JSON text
 * (contentMediaType application/json), which the Python caller passes as json.dumps(...).
 */
export function pythonView(yamlText: string): string {
  const doc = parse(yamlText) as { paths: Record<string, Record<string, { parameters?: Record<string, unknown>[] }>> };
  for (const item of Object.values(doc.paths)) {
    for (const operation of Object.values(item)) {
      for (const [i, parameter] of (operation.parameters ?? []).entries()) {
        const content = parameter.content as Record<string, { schema?: unknown }> | undefined;
        if (!content?.["application/json"]) continue;
        const { content: _, ...rest } = parameter;
        operation.parameters![i] = { ...rest, schema: { type: "string", contentMediaType: "application/json" } };
      }
    }
  }
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Generates the Python low-level client into `outDir` (which must not exist yet). */
export function generatePython(outDir: string): void {
  ensureGenerator();
  const view = join(mkdtempSync(join(tmpdir(), "runcamp-python-spec-")), "openapi.yaml");
  writeFileSync(view, pythonView(readFileSync(spec, "utf8")));
  const result = spawnSync(
    join(venvBin, "openapi-python-client"),
    ["generate", "--path", view, "--meta", "none", "--output-path", outDir, "--config", join(lowlevelProject, "openapi-python-client.yaml")],
    // ruff (a post hook) is found on PATH.
    // A fixed hash seed on top of the import-sorting hook: the output must not depend on the run.
    { encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0", PATH: `${venvBin}:${process.env.PATH ?? ""}` } },
  );
  rmSync(dirname(view), { recursive: true, force: true });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`openapi-python-client failed (exit ${result.status})`);
  }
  // Its warnings dump whole schemas; the one-line summaries are enough (the NDJSON variant
  // of ingest is expected to be skipped: the JSON body is generated).
  for (const line of (result.stdout + result.stderr).split("\n")) {
    if (/^WARNING|^Unsupported/.test(line)) console.log(`clients: openapi-python-client: ${line}`);
  }
  rmSync(join(outDir, ".ruff_cache"), { recursive: true, force: true });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (name === "__pycache__" || name === ".ruff_cache") continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Paths that differ between two trees (missing on either side or with other content). */
export function diffTrees(expected: string, actual: string): string[] {
  const a = new Set(listFiles(expected));
  const b = new Set(listFiles(actual));
  const diffs: string[] = [];
  for (const f of new Set([...a, ...b])) {
    if (!a.has(f) || !b.has(f) || !readFileSync(join(expected, f)).equals(readFileSync(join(actual, f)))) diffs.push(f);
  }
  return diffs.sort();
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  let drift = false;

  if (!only || only === "typescript") {
    const schema = await renderTypescriptSchema();
    if (check) {
      const same = existsSync(tsSchemaFile) && readFileSync(tsSchemaFile, "utf8") === schema;
      console.log(`clients: ${relative(root, tsSchemaFile)} ${same ? "is up to date" : "DIFFERS from what openapi.yaml generates"}`);
      drift ||= !same;
    } else {
      writeFileSync(tsSchemaFile, schema);
      console.log(`clients: wrote ${relative(root, tsSchemaFile)}`);
    }
    const tmp = mkdtempSync(join(tmpdir(), "runcamp-ts-dist-"));
    try {
      const out = join(tmp, "dist");
      buildTypescriptDist(out);
      const diffs = diffTrees(out, tsDist);
      if (check) {
        console.log(`clients: ${relative(root, tsDist)} ${diffs.length ? `DIFFERS from what its src/ compiles to (${diffs.join(", ")})` : "is up to date"}`);
        drift ||= diffs.length > 0;
      } else {
        rmSync(tsDist, { recursive: true, force: true });
        cpSync(out, tsDist, { recursive: true });
        console.log(`clients: wrote ${relative(root, tsDist)}${diffs.length ? ` (${diffs.length} files changed)` : ", unchanged"}`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  if (!only || only === "python") {
    const tmp = mkdtempSync(join(tmpdir(), "runcamp-clients-"));
    try {
      const out = join(tmp, "runcamp_lowlevel");
      generatePython(out);
      const diffs = diffTrees(out, lowlevelDir);
      if (check) {
        console.log(
          `clients: ${relative(root, lowlevelDir)} ${diffs.length ? `DIFFERS from what openapi.yaml generates (${diffs.length} files: ${diffs.slice(0, 5).join(", ")}${diffs.length > 5 ? ", ..." : ""})` : "is up to date"}`,
        );
        drift ||= diffs.length > 0;
      } else {
        rmSync(lowlevelDir, { recursive: true, force: true });
        cpSync(out, lowlevelDir, { recursive: true });
        console.log(
          `clients: wrote ${relative(root, lowlevelDir)} (${listFiles(lowlevelDir).length} files${diffs.length ? `, ${diffs.length} changed` : ", unchanged"})`,
        );
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  if (drift) {
    console.error("clients: the generated clients are out of date: run `npm run clients` and commit the result");
    process.exit(1);
  }
}

if (import.meta.main) await main();

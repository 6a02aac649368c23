// The configuration files docs/deploy.md shows (deploy/), checked the way they are used: the
// systemd unit passes `systemd-analyze verify` (where systemd is installed) and its ExecStart,
// run with the unit's environment and its env file (paths moved into a temporary folder),
// serves with a token; every setting either file names is one the hosts read; the Caddyfile
// proxies to the address the unit listens on. (wrangler.toml is built and started by the
// Worker's tests: test/support/hosts.ts, npm run build:worker.)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { startServerProcess } from "./support/processes.ts";

const root = resolve(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const unit = read("deploy/systemd/runcamp.service");
const envFile = read("deploy/systemd/runcamp.env");
const caddyfile = read("deploy/Caddyfile");
const dir = mkdtempSync(join(tmpdir(), "runcamp-deploy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Key=value lines of a unit's section, in order (comments and blank lines skipped). */
function section(text: string, name: string): [string, string][] {
  const body = text.split(/^\[/m).find((part) => part.startsWith(`${name}]`));
  if (!body) throw new Error(`no [${name}] section`);
  return body
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const at = line.indexOf("=");
      return [line.slice(0, at), line.slice(at + 1)] as [string, string];
    });
}

const service = section(unit, "Service");
const unitEnv = Object.fromEntries(service.filter(([key]) => key === "Environment").map(([, value]) => value.split(/=(.*)/s).slice(0, 2) as [string, string]));
const fileEnv = Object.fromEntries(
  envFile
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
);
const setting = (key: string) => service.find(([k]) => k === key)?.[1];

/** The settings the hosts read: every env.NAME in the code that reads the environment. */
function readSettings(): Set<string> {
  const names = new Set<string>();
  for (const file of ["src/config.ts", "src/hosts/host-settings.ts", "src/hosts/backup.ts"]) {
    for (const found of read(file).matchAll(/env\.([A-Z][A-Z0-9_]+)|"(RUNCAMP_[A-Z0-9_]+|LIBSQL_[A-Z0-9_]+)"/g)) names.add(found[1] ?? found[2]);
  }
  return names;
}

test("docs/deploy.md shows each file as it is", () => {
  const doc = read("docs/deploy.md");
  for (const [path, text] of [
    ["deploy/systemd/runcamp.service", unit],
    ["deploy/systemd/runcamp.env", envFile],
    ["deploy/Caddyfile", caddyfile],
  ]) {
    const shown = new RegExp(`\`${path}\`:\n\n\`\`\`[a-z]*\n([\\s\\S]*?)\`\`\`\n`).exec(doc);
    expect(shown?.[1], path).toBe(text);
  }
});

test("every setting the unit and its env file name is one the hosts read, and operations.md documents it", () => {
  const known = readSettings();
  const operations = read("docs/operations.md");
  for (const name of [...Object.keys(unitEnv), ...Object.keys(fileEnv)]) {
    expect(known, name).toContain(name);
    expect(operations, name).toContain(`| \`${name}\` |`);
  }
  expect(Object.keys(fileEnv)).toEqual(["RUNCAMP_ADMIN_TOKEN"]);
});

test("systemd-analyze verify accepts the unit, its paths moved into a temporary folder", (ctx) => {
  if (spawnSync("systemd-analyze", ["--version"]).status !== 0) ctx.skip(); // no systemd on this machine
  const moved = join(dir, "runcamp.service");
  writeFileSync(moved, unit.replaceAll("/opt/runcamp", root).replaceAll("/etc/runcamp/runcamp.env", join(root, "deploy/systemd/runcamp.env")));
  const result = spawnSync("systemd-analyze", ["verify", moved], { encoding: "utf8" });
  // Only what is about this unit (the machine's own units may have warnings of their own).
  const about = (result.stderr + result.stdout).split("\n").filter((line) => line.includes("runcamp"));
  expect(about).toEqual([]);
});

test("the unit's ExecStart, with its environment, serves the API behind the token and backs up on schedule", async () => {
  const [command, ...args] = setting("ExecStart")!.split(/\s+/);
  expect(command).toBe("/opt/runcamp/node_modules/.bin/node");
  const state = join(dir, "state");
  mkdirSync(state);
  const moved = (value: string) => value.replaceAll("/var/lib/runcamp", state);
  const env = {
    PATH: process.env.PATH,
    ...Object.fromEntries(Object.entries(unitEnv).map(([k, v]) => [k, moved(v)])),
    ...fileEnv,
    PORT: "0", // the unit's 8787 may be taken here
    RUNCAMP_BACKUP_EVERY: "1s", // the unit's 6h, sooner
  };
  const server = await startServerProcess(command.replace("/opt/runcamp", root), args, { ...env });
  try {
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    expect((await fetch(`${server.base}/v1/repos`)).status).toBe(401);
    const authed = await fetch(`${server.base}/v1/repos`, { headers: { authorization: `Bearer ${fileEnv.RUNCAMP_ADMIN_TOKEN}` } });
    expect(authed.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_600));
    const backups = execFileSync("ls", [join(state, "backups")], { encoding: "utf8" })
      .trim()
      .split("\n");
    expect(backups[0]).toMatch(/^runcamp-\d{8}T\d{6}Z\.db$/);
  } finally {
    await server.process.stop("SIGTERM");
  }
  // Run from WorkingDirectory: the relative script path resolves there.
  expect(setting("WorkingDirectory")).toBe("/opt/runcamp");
});

test("the Caddyfile serves one site over TLS and proxies to the address the unit listens on", () => {
  const lines = caddyfile
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  expect(lines[0]).toMatch(/^[a-z0-9.-]+\.[a-z]+ \{$/); // a domain name: Caddy gets it a certificate
  expect(lines.at(-1)).toBe("}");
  expect(caddyfile.split("{").length).toBe(caddyfile.split("}").length);
  const directives = lines.slice(1, -1).map((line) => line.split(/\s+/));
  expect(directives.map((d) => d[0]).sort()).toEqual(["encode", "reverse_proxy"]);
  expect(directives.find((d) => d[0] === "reverse_proxy")![1]).toBe(`${unitEnv.HOST}:${unitEnv.PORT}`);
});

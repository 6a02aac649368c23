// The disk spool of the TypeScript SDK, on Node, Bun and Deno (where node:fs exists). The
// format is the Python SDK's (clients/python/runcamp/_spool.py): one JSON file per request,
// <spool>/<repo>/<run>/<time_ns>-<pid>-<seq>.json, written to a temporary name and renamed;
// `python -m runcamp sync` and a Python Run send these files too, and a TypeScript Run sends
// what a Python one left in a directory marked as written by this SDK.
//
// A TypeScript run keeps its queue in memory while its process lives and writes the spool
// only when it gives up waiting (finish() past closeTimeout): a directory it wrote is never
// written again by it, so it needs no lock (JavaScript has no flock). Directories of this
// SDK carry a `.node` marker; Run.start on Node re-sends the marked directories meant for
// its server (Python-written ones are left to Python, which locks them while it owns them).
//
// Kinds (`kind`): request, points, campaign (a 409 means it exists), resolve-steps (read
// where each series of the run stopped, kept in .bases.json), points-relative (automatic
// steps -1 - k relative to those bases) and artifact (bytes in a .blob file beside the
// record), as in _spool.py.

export interface SpooledRequest {
  url: string;
  method: string;
  path: string;
  body: string | null;
  kind: "request" | "points" | "campaign" | "resolve-steps" | "points-relative" | "artifact";
  points: number;
  /** Artifacts: their bytes (kept in `<record name>.blob` beside the record) and content type. */
  data?: Uint8Array;
  contentType?: string;
}

interface NodeFs {
  mkdirSync(path: string, options: { recursive: boolean }): void;
  writeFileSync(path: string, data: string | Uint8Array): void;
  renameSync(from: string, to: string): void;
  readFileSync(path: string): Uint8Array;
  readFileSync(path: string, encoding: "utf8"): string;
  readdirSync(path: string, options?: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
  unlinkSync(path: string): void;
  rmdirSync(path: string): void;
  existsSync(path: string): boolean;
}

interface NodeEnv {
  fs: NodeFs;
  join(...parts: string[]): string;
  homedir(): string;
  env: Record<string, string | undefined>;
  pid: number;
}

let nodeEnv: Promise<NodeEnv | null> | undefined;

/** node:fs and friends, or null where they do not exist (browsers, Workers). */
export function loadNode(): Promise<NodeEnv | null> {
  nodeEnv ??= (async () => {
    const proc = (globalThis as { process?: { versions?: { node?: string }; env: Record<string, string | undefined>; pid: number } }).process;
    if (!proc?.versions?.node) return null;
    try {
      // Specifiers in variables: bundlers for the browser leave them alone.
      const [fs, path, os] = await Promise.all(["node:fs", "node:path", "node:os"].map((m) => import(/* @vite-ignore */ m)));
      return {
        fs: fs as NodeFs,
        join: (path as { join(...p: string[]): string }).join,
        homedir: (os as { homedir(): string }).homedir,
        env: proc.env,
        pid: proc.pid,
      };
    } catch {
      return null;
    }
  })();
  return nodeEnv;
}

export function defaultSpoolDir(node: NodeEnv): string {
  if (node.env.RUNCAMP_SPOOL_DIR) return node.env.RUNCAMP_SPOOL_DIR;
  return node.join(node.env.XDG_CACHE_HOME || node.join(node.homedir(), ".cache"), "runcamp", "spool");
}

let seq = 0;
const fileName = (pid: number) =>
  `${(BigInt(Date.now()) * 1_000_000n + BigInt(++seq % 1_000_000)).toString().padStart(20, "0")}-${pid}-${String(seq).padStart(8, "0")}.json`;

/** The file text, as _spool.py writes it (version 2 for the kinds version 1 does not know). */
export function spoolFileText(req: SpooledRequest, bodyFile?: string): string {
  const v = req.kind === "resolve-steps" || req.kind === "points-relative" ? 2 : 1;
  const head = { v, url: req.url, method: req.method, path: req.path, kind: req.kind, points: req.points };
  const artifact = bodyFile === undefined ? {} : { content_type: req.contentType ?? null, body_file: bodyFile };
  return JSON.stringify({ ...head, ...artifact, body: req.body });
}

/** Writes a run's leftover requests in order, atomically each. */
export function writeSpool(node: NodeEnv, root: string, repo: string, run: string, requests: SpooledRequest[]): string {
  const dir = node.join(root, repo, run);
  node.fs.mkdirSync(dir, { recursive: true });
  node.fs.writeFileSync(node.join(dir, ".node"), "");
  for (const req of requests) {
    const name = fileName(node.pid);
    const tmp = node.join(dir, `.${name}.tmp`);
    let bodyFile: string | undefined;
    if (req.kind === "artifact") {
      bodyFile = `${name.slice(0, -".json".length)}.blob`; // written first: the record points at it
      node.fs.writeFileSync(node.join(dir, `.${bodyFile}.tmp`), req.data ?? new Uint8Array());
      node.fs.renameSync(node.join(dir, `.${bodyFile}.tmp`), node.join(dir, bodyFile));
    }
    node.fs.writeFileSync(tmp, spoolFileText(req, bodyFile));
    node.fs.renameSync(tmp, node.join(dir, name));
  }
  return dir;
}

export interface SpoolContents {
  requests: number;
  points: number;
  runs: number;
}

function requestFiles(node: NodeEnv, dir: string): string[] {
  try {
    return node.fs
      .readdirSync(dir, { withFileTypes: true })
      .map((e) => e.name)
      .filter((n) => n.endsWith(".json") && !n.startsWith("."))
      .sort();
  } catch {
    return [];
  }
}

function runDirs(node: NodeEnv, root: string): { repo: string; run: string; dir: string }[] {
  const out: { repo: string; run: string; dir: string }[] = [];
  let repos: { name: string; isDirectory(): boolean }[];
  try {
    repos = node.fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const repo of repos.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const repoDir = node.join(root, repo.name);
    for (const run of node.fs.readdirSync(repoDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      out.push({ repo: repo.name, run: run.name, dir: node.join(repoDir, run.name) });
    }
  }
  return out;
}

export function spoolContents(node: NodeEnv, root: string, url: string): SpoolContents {
  const out = { requests: 0, points: 0, runs: 0 };
  for (const { dir } of runDirs(node, root)) {
    let counted = false;
    for (const name of requestFiles(node, dir)) {
      try {
        const req = JSON.parse(node.fs.readFileSync(node.join(dir, name), "utf8")) as SpooledRequest;
        if (req.url.replace(/\/+$/, "") !== url) continue;
        out.requests++;
        out.points += req.points;
        counted = true;
      } catch {}
    }
    if (counted) out.runs++;
  }
  return out;
}

export type Send = (req: SpooledRequest) => Promise<"delivered" | "dropped" | "undelivered">;
export type Get = (path: string) => Promise<Response | null>;

const seriesKey = (name: string, context: Record<string, unknown> | undefined) =>
  `${name}\u0000${JSON.stringify(Object.fromEntries(Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))))}`;

/** Where each series of a run (GET .../runs/{run}) goes on: last step + 1. */
export function stepBases(run: { metrics?: { name: string; context: Record<string, unknown>; last_step: number | null }[] }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of run.metrics ?? []) if (s.last_step !== null) out[seriesKey(s.name, s.context)] = s.last_step + 1;
  return out;
}

/** A points-relative body with its relative steps (-1 - k) made absolute: the columnar form, or the point form older spools hold. */
export function absolutePointsBody(body: string, bases: Record<string, number>): string {
  type Named = { name: string; context?: Record<string, unknown> };
  const data = JSON.parse(body) as { points?: (Named & { step: number })[]; series?: (Named & { steps: number[] })[] };
  const base = (s: Named) => bases[seriesKey(s.name, s.context)] ?? 0;
  for (const p of data.points ?? []) if (p.step < 0) p.step = base(p) + (-p.step - 1);
  for (const s of data.series ?? []) s.steps = s.steps.map((step) => (step < 0 ? base(s) + (-step - 1) : step));
  return JSON.stringify(data);
}

/** Re-sends the directories this SDK wrote for `url`, each in order; stops a directory at its first undelivered request. */
export async function resendSpool(node: NodeEnv, root: string, url: string, send: Send, get: Get): Promise<{ requests: number; left: number }> {
  let requests = 0;
  let left = 0;
  for (const { dir } of runDirs(node, root)) {
    if (!node.fs.existsSync(node.join(dir, ".node"))) continue;
    let bases: Record<string, number> | undefined;
    const files = requestFiles(node, dir);
    for (let i = 0; i < files.length; i++) {
      const file = node.join(dir, files[i]);
      let req: SpooledRequest;
      let blob: string | undefined;
      try {
        const record = JSON.parse(node.fs.readFileSync(file, "utf8")) as SpooledRequest & { content_type?: string; body_file?: string };
        req = record;
        if (record.kind === "artifact" && record.body_file) {
          blob = node.join(dir, record.body_file);
          req = { ...record, contentType: record.content_type ?? undefined, data: node.fs.readFileSync(blob) };
        }
      } catch {
        continue; // taken by another sender meanwhile
      }
      if (req.url.replace(/\/+$/, "") !== url) break;
      let outcome: "delivered" | "dropped" | "undelivered";
      if (req.kind === "resolve-steps") {
        const res = await get(req.path);
        if (res === null || res.status >= 500) outcome = "undelivered";
        else {
          bases = res.ok ? stepBases(await res.json()) : {};
          node.fs.writeFileSync(node.join(dir, ".bases.json"), JSON.stringify(bases));
          outcome = "delivered";
        }
      } else {
        if (req.kind === "points-relative") {
          if (bases === undefined) {
            try {
              bases = JSON.parse(node.fs.readFileSync(node.join(dir, ".bases.json"), "utf8")) as Record<string, number>;
            } catch {
              bases = {};
            }
          }
          req = { ...req, kind: "points", body: absolutePointsBody(req.body ?? "", bases) };
        }
        outcome = await send(req);
      }
      if (outcome === "undelivered") {
        left += files.length - i;
        break;
      }
      if (outcome === "delivered") requests++;
      for (const f of blob ? [file, blob] : [file]) {
        try {
          node.fs.unlinkSync(f);
        } catch {}
      }
    }
    if (!requestFiles(node, dir).length) {
      for (const f of [".node", ".bases.json", ".lock"]) {
        try {
          node.fs.unlinkSync(node.join(dir, f));
        } catch {}
      }
      try {
        node.fs.rmdirSync(dir);
      } catch {}
    }
  }
  return { requests, left };
}

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
var __rewriteRelativeImportExtension = (this && this.__rewriteRelativeImportExtension) || function (path, preserveJsx) {
    if (typeof path === "string" && /^\.\.?\//.test(path)) {
        return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
            return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
        });
    }
    return path;
};
let nodeEnv;
/** node:fs and friends, or null where they do not exist (browsers, Workers). */
export function loadNode() {
    nodeEnv ??= (async () => {
        const proc = globalThis.process;
        if (!proc?.versions?.node)
            return null;
        try {
            // Specifiers in variables: bundlers for the browser leave them alone.
            const [fs, path, os] = await Promise.all(["node:fs", "node:path", "node:os"].map((m) => import(__rewriteRelativeImportExtension(/* @vite-ignore */ m))));
            return {
                fs: fs,
                join: path.join,
                homedir: os.homedir,
                env: proc.env,
                pid: proc.pid,
            };
        }
        catch {
            return null;
        }
    })();
    return nodeEnv;
}
export function defaultSpoolDir(node) {
    if (node.env.RUNCAMP_SPOOL_DIR)
        return node.env.RUNCAMP_SPOOL_DIR;
    return node.join(node.env.XDG_CACHE_HOME || node.join(node.homedir(), ".cache"), "runcamp", "spool");
}
let seq = 0;
const fileName = (pid) => `${(BigInt(Date.now()) * 1000000n + BigInt(++seq % 1_000_000)).toString().padStart(20, "0")}-${pid}-${String(seq).padStart(8, "0")}.json`;
/** The file text, as _spool.py writes it (version 2 for the kinds version 1 does not know). */
export function spoolFileText(req, bodyFile) {
    const v = req.kind === "resolve-steps" || req.kind === "points-relative" ? 2 : 1;
    const head = { v, url: req.url, method: req.method, path: req.path, kind: req.kind, points: req.points };
    const artifact = bodyFile === undefined ? {} : { content_type: req.contentType ?? null, body_file: bodyFile };
    return JSON.stringify({ ...head, ...artifact, body: req.body });
}
/** Writes a run's leftover requests in order, atomically each. */
export function writeSpool(node, root, repo, run, requests) {
    const dir = node.join(root, repo, run);
    node.fs.mkdirSync(dir, { recursive: true });
    node.fs.writeFileSync(node.join(dir, ".node"), "");
    for (const req of requests) {
        const name = fileName(node.pid);
        const tmp = node.join(dir, `.${name}.tmp`);
        let bodyFile;
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
function requestFiles(node, dir) {
    try {
        return node.fs
            .readdirSync(dir, { withFileTypes: true })
            .map((e) => e.name)
            .filter((n) => n.endsWith(".json") && !n.startsWith("."))
            .sort();
    }
    catch {
        return [];
    }
}
function runDirs(node, root) {
    const out = [];
    let repos;
    try {
        repos = node.fs.readdirSync(root, { withFileTypes: true });
    }
    catch {
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
export function spoolContents(node, root, url) {
    const out = { requests: 0, points: 0, runs: 0 };
    for (const { dir } of runDirs(node, root)) {
        let counted = false;
        for (const name of requestFiles(node, dir)) {
            try {
                const req = JSON.parse(node.fs.readFileSync(node.join(dir, name), "utf8"));
                if (req.url.replace(/\/+$/, "") !== url)
                    continue;
                out.requests++;
                out.points += req.points;
                counted = true;
            }
            catch { }
        }
        if (counted)
            out.runs++;
    }
    return out;
}
const seriesKey = (name, context) => `${name}\u0000${JSON.stringify(Object.fromEntries(Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))))}`;
/** Where each series of a run (GET .../runs/{run}) goes on: last step + 1. */
export function stepBases(run) {
    const out = {};
    for (const s of run.metrics ?? [])
        if (s.last_step !== null)
            out[seriesKey(s.name, s.context)] = s.last_step + 1;
    return out;
}
/** A points-relative body with its relative steps (-1 - k) made absolute: the columnar form, or the point form older spools hold. */
export function absolutePointsBody(body, bases) {
    const data = JSON.parse(body);
    const base = (s) => bases[seriesKey(s.name, s.context)] ?? 0;
    for (const p of data.points ?? [])
        if (p.step < 0)
            p.step = base(p) + (-p.step - 1);
    for (const s of data.series ?? [])
        s.steps = s.steps.map((step) => (step < 0 ? base(s) + (-step - 1) : step));
    return JSON.stringify(data);
}
/** Re-sends the directories this SDK wrote for `url`, each in order; stops a directory at its first undelivered request. */
export async function resendSpool(node, root, url, send, get) {
    let requests = 0;
    let left = 0;
    for (const { dir } of runDirs(node, root)) {
        if (!node.fs.existsSync(node.join(dir, ".node")))
            continue;
        let bases;
        const files = requestFiles(node, dir);
        for (let i = 0; i < files.length; i++) {
            const file = node.join(dir, files[i]);
            let req;
            let blob;
            try {
                const record = JSON.parse(node.fs.readFileSync(file, "utf8"));
                req = record;
                if (record.kind === "artifact" && record.body_file) {
                    blob = node.join(dir, record.body_file);
                    req = { ...record, contentType: record.content_type ?? undefined, data: node.fs.readFileSync(blob) };
                }
            }
            catch {
                continue; // taken by another sender meanwhile
            }
            if (req.url.replace(/\/+$/, "") !== url)
                break;
            let outcome;
            if (req.kind === "resolve-steps") {
                const res = await get(req.path);
                if (res === null || res.status >= 500)
                    outcome = "undelivered";
                else {
                    bases = res.ok ? stepBases(await res.json()) : {};
                    node.fs.writeFileSync(node.join(dir, ".bases.json"), JSON.stringify(bases));
                    outcome = "delivered";
                }
            }
            else {
                if (req.kind === "points-relative") {
                    if (bases === undefined) {
                        try {
                            bases = JSON.parse(node.fs.readFileSync(node.join(dir, ".bases.json"), "utf8"));
                        }
                        catch {
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
            if (outcome === "delivered")
                requests++;
            for (const f of blob ? [file, blob] : [file]) {
                try {
                    node.fs.unlinkSync(f);
                }
                catch { }
            }
        }
        if (!requestFiles(node, dir).length) {
            for (const f of [".node", ".bases.json", ".lock"]) {
                try {
                    node.fs.unlinkSync(node.join(dir, f));
                }
                catch { }
            }
            try {
                node.fs.rmdirSync(dir);
            }
            catch { }
        }
    }
    return { requests, left };
}

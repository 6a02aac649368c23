// Where an artifact logged per step is stored, and the query that records its step and
// context. The Python SDK derives the same path (clients/python/runcamp/_artifacts.py,
// step_artifact_path): `<name without extension>/<step>[.<k>=<v>,...]<extension>`, so
// "samples/pred.png" at step 3 in the context {subset: "val"} is "samples/pred/3.subset=val.png".
// Every step and context keeps its own file; the web UI shows the files of one folder and
// context as a strip in step order.
const UNSAFE = /[^A-Za-z0-9_.-]+/g;
const utf8 = new TextEncoder();
// Not percent-encoding: the server refuses a path percent-encoded twice, and the URL encodes
// the path once more. Each UTF-8 byte of another character is "~" and two hex digits.
function pathText(value) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text.replace(UNSAFE, (run) => Array.from(utf8.encode(run), (b) => `~${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""));
}
const sortedEntries = (context) => Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
/** The stored path of `name` logged at `step` in `context`. */
export function stepArtifactPath(name, step, context) {
    const slash = name.lastIndexOf("/");
    const dot = name.lastIndexOf(".");
    // An extension is a dot after the last '/' that does not start the file name (as Python's splitext).
    const base = name.slice(slash + 1);
    const firstNonDot = base.search(/[^.]/);
    const hasExt = firstNonDot >= 0 && dot > slash + 1 + firstNonDot;
    const [head, ext] = hasExt ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    const tag = sortedEntries(context)
        .map(([k, v]) => `${pathText(k)}=${pathText(v)}`)
        .join(",");
    return `${head}/${step}${tag ? `.${tag}` : ""}${ext}`;
}
/** The query string (with its "?", or empty) recording an upload's step and context. */
export function artifactQuery(step, context) {
    const query = new URLSearchParams();
    if (step !== undefined)
        query.set("step", String(step));
    const entries = sortedEntries(context);
    if (entries.length)
        query.set("context", JSON.stringify(Object.fromEntries(entries)));
    const text = query.toString();
    return text ? `?${text}` : "";
}

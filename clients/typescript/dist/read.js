// A small read API: runs (with columns, in one request per 1,000 runs) and one series as
// columns of numbers. NaN and ±Infinity arrive as strings on the wire and come back here as
// numbers; instants stay ISO strings (new Date(text) when you need one).
const SPECIAL = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY };
const num = (x) => (typeof x === "string" && x in SPECIAL ? SPECIAL[x] : x);
const nums = (xs) => xs.map((x) => (x === null ? Number.NaN : num(x)));
/** Wire strings back to numbers, at any depth (values may be lists and objects). */
const decode = (x) => Array.isArray(x) ? x.map(decode) : x && typeof x === "object" ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v)])) : num(x);
async function getJson(options, path, query) {
    const base = (options.url ?? "http://127.0.0.1:8787").replace(/\/+$/, "");
    const qs = Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join("&");
    const headers = options.token ? { authorization: `Bearer ${options.token}` } : {};
    const res = await (options.fetch ?? globalThis.fetch)(`${base}/v1/repos/${encodeURIComponent(options.repo ?? "default")}/${path}${qs ? `?${qs}` : ""}`, {
        headers,
    });
    const text = await res.text();
    if (!res.ok)
        throw new Error(`runcamp: GET ${path.split("?")[0]} failed: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text);
}
/**
 * Runs matching `filter` and `status`, sorted by `sort`: all of them, or the first `limit`.
 * `columns` (filter fields, at most 100) are evaluated for each run in the listing itself.
 */
export async function runs(options) {
    const statuses = options.status === undefined ? [] : Array.isArray(options.status) ? options.status : [options.status];
    const parts = [options.filter, statuses.length ? `status in (${statuses.map((s) => JSON.stringify(s)).join(", ")})` : undefined].filter(Boolean);
    const filter = parts.length > 1 ? parts.map((p) => `(${p})`).join(" and ") : parts[0];
    const out = [];
    let cursor;
    do {
        const page = await getJson(options, "runs", {
            filter,
            sort: options.sort,
            columns: options.columns?.length ? options.columns.join(",") : undefined,
            provenance: "false",
            limit: String(Math.min(1000, options.limit === undefined ? 1000 : options.limit - out.length)),
            cursor,
        });
        for (const item of page.items)
            out.push({ ...item, columns: decode(item.columns ?? {}) });
        cursor = page.next_cursor ?? undefined;
    } while (cursor && (options.limit === undefined || out.length < options.limit));
    return out;
}
/** One series as columns (every raw point, read page by page, or downsampled with `points`). */
export async function series(options) {
    const out = { name: options.name, context: options.context ?? {}, steps: [], values: [], epochs: [], times: [], buckets: null };
    let cursor;
    do {
        const page = await getJson(options, `runs/${encodeURIComponent(options.run)}/metrics/${encodeURIComponent(options.name)}`, {
            context: JSON.stringify(options.context ?? {}),
            format: "columnar",
            points: options.points === undefined ? undefined : String(options.points),
            limit: options.points === undefined ? "100000" : undefined,
            cursor,
        });
        out.context = page.context;
        for (const s of page.steps)
            out.steps.push(s);
        for (const v of nums(page.values))
            out.values.push(v);
        for (const e of page.epochs)
            out.epochs.push(e);
        for (const t of page.times)
            out.times.push(t);
        const b = page.buckets;
        if (b)
            out.buckets = { count: b.count, min: nums(b.min), max: nums(b.max) };
        cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
}

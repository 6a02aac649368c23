// runcamp TypeScript SDK: a typed client for every endpoint (openapi-fetch over the types
// openapi-typescript generates from openapi.yaml, in ./schema.d.ts) and a small `Run` that
// batches metric points like the Python SDK. Web-standard APIs only (fetch, timers), so it
// runs in Node, Bun, Deno and browsers.
import createFetchClient, { type Client } from "openapi-fetch";
import type { components, operations, paths } from "./schema.d.ts";

export type { components, operations, paths } from "./schema.d.ts";

export type RuncampClient = Client<paths>;

export interface ClientOptions {
  /** Server base URL, e.g. http://127.0.0.1:8787 */
  url?: string;
  /** API token, sent as `Authorization: Bearer <token>` */
  token?: string;
  /** A fetch implementation (defaults to globalThis.fetch) */
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export const DEFAULT_URL = "http://127.0.0.1:8787";

/**
 * Query strings as the API reads them: an object-valued parameter (a series `context`) is
 * sent as JSON text, everything else as its string form.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === "object" && !Array.isArray(value) ? JSON.stringify(value) : Array.isArray(value) ? value.join(",") : String(value);
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.join("&");
}

/** A typed client for every endpoint of openapi.yaml. */
export function createRuncampClient(options: ClientOptions = {}): RuncampClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return createFetchClient<paths>({
    baseUrl: (options.url ?? DEFAULT_URL).replace(/\/+$/, ""),
    headers,
    fetch: options.fetch,
    querySerializer: serializeQuery,
  });
}

export type Context = Record<string, string | number | boolean>;
export type RunStatus = "running" | "finished" | "failed" | "killed";
type RunBody = NonNullable<operations["createRun"]["requestBody"]>["content"]["application/json"];
export type RunView = operations["getRun"]["responses"][200]["content"]["application/json"];

export interface RunOptions extends ClientOptions {
  /** Repo (namespace) of the run; default "default". */
  repo?: string;
  /** Resume (or create with) this id. Without it a random id is chosen here, so a retried creation never makes two runs. */
  id?: string;
  name?: string;
  experiment?: string;
  description?: string;
  params?: Record<string, unknown>;
  tags?: string[];
  campaign?: string;
  provenance?: Record<string, unknown>;
  /** Points per ingest request (≤ 100,000). Default 10,000. */
  batchSize?: number;
  /** Milliseconds between sends. Default 500. */
  flushInterval?: number;
  /** Points waiting in memory before track() throws QueueFullError. Default 1,000,000. */
  maxQueue?: number;
  /** Called for every request the server rejected for good (also kept in run.errors). */
  onError?: (message: string) => void;
  /** Finish still-open runs with status "finished" when the process is about to exit (Node, Bun, Deno). Default true. */
  finishOnExit?: boolean;
}

export interface TrackOptions {
  /** Defaults to the series' next step: its last step + 1, per (name, context). */
  step?: number;
  epoch?: number;
  context?: Context;
}

/** track() found the in-memory queue full: `await run.flush()` lets the sender catch up. */
export class QueueFullError extends Error {
  constructor(size: number) {
    super(`runcamp: ${size} points are waiting to be sent; await run.flush() before tracking more`);
    this.name = "QueueFullError";
  }
}

export class RuncampError extends Error {
  readonly status: number;
  readonly problem: unknown;
  constructor(message: string, status: number, problem: unknown) {
    super(message);
    this.name = "RuncampError";
    this.status = status;
    this.problem = problem;
  }
}

type Point = [prefix: string, step: number, value: number, epoch: number | undefined, time: number];
interface Request {
  method: string;
  path: string;
  body: string | Uint8Array<ArrayBuffer> | Blob;
  points: number;
  /** Artifacts: the body's content type (JSON otherwise). */
  contentType?: string;
}

export const CONFUSION_TYPE = "application/vnd.runcamp.confusion+json";
export type Label = string | number;
/** What an artifact can be made of. */
export type ArtifactBody = string | Uint8Array | ArrayBuffer | Blob;

/** An artifact path as the server takes it (throws otherwise): 1-1,024 characters, '/' between non-empty segments, no '.' or '..' segment, no control characters or backslashes. */
export function checkArtifactPath(path: unknown): string {
  if (typeof path !== "string" || path.length < 1 || path.length > 1024) throw new RangeError("runcamp: an artifact path has 1-1,024 characters");
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(path)) throw new RangeError("runcamp: an artifact path has no control characters or backslashes");
  if (path.startsWith("/")) throw new RangeError("runcamp: an artifact path does not start with '/'");
  for (const segment of path.split("/")) {
    if (segment === "") throw new RangeError("runcamp: an artifact path has no empty segment ('//') and does not end with '/'");
    if (segment === "." || segment === "..") throw new RangeError("runcamp: an artifact path has no '.' or '..' segment");
  }
  return path;
}

/** The URL path of an artifact: each segment percent-encoded, the '/' kept. */
export function artifactUrl(repo: string, run: string, path: string): string {
  const encoded = checkArtifactPath(path).split("/").map(encodeURIComponent).join("/");
  return `/v1/repos/${encodeURIComponent(repo)}/runs/${encodeURIComponent(run)}/artifacts/${encoded}`;
}

/** The body of a confusion matrix artifact, checked as the server checks it (throws here). */
export function encodeConfusion(labels: readonly Label[], matrix: ArrayLike<ArrayLike<number>>): string {
  if (!Array.isArray(labels) || labels.length === 0) throw new TypeError("runcamp: labels is a non-empty array of class names");
  const seen = new Set<string>();
  for (const label of labels) {
    if (!(typeof label === "string" || (typeof label === "number" && Number.isFinite(label))))
      throw new TypeError("runcamp: a label is a string or a finite number");
    if (typeof label === "string" && label.length > 255) throw new RangeError("runcamp: a label has at most 255 characters");
    if (typeof label === "string" && /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(label))
      throw new RangeError("runcamp: a label has no control characters or unpaired surrogates");
    const key = `${typeof label}:${label}`;
    if (seen.has(key)) throw new RangeError("runcamp: labels are distinct");
    seen.add(key);
  }
  const n = labels.length;
  if (matrix.length !== n) throw new RangeError(`runcamp: the matrix has ${n} rows, one per label`);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    if (!row || row.length !== n) throw new RangeError(`runcamp: row ${i} of the matrix has ${n} counts, one per label (the matrix is square)`);
    const counts = Array.from(row, Number);
    if (!counts.every((c) => Number.isSafeInteger(c) && c >= 0))
      throw new RangeError(`runcamp: row ${i} of the matrix holds something other than a non-negative integer count`);
    rows.push(counts);
  }
  return JSON.stringify({ labels, matrix: rows });
}

/** True when `value` nests objects and arrays more than `max` levels deep (as the server counts). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

function guessContentType(name: string): string {
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const known: Record<string, string> = {
    json: "application/json",
    csv: "text/csv",
    txt: "text/plain",
    md: "text/markdown",
    html: "text/html",
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    svg: "image/svg+xml",
    pdf: "application/pdf",
  };
  return known[ext] ?? "application/octet-stream";
}

function artifactBytes(body: ArtifactBody): Uint8Array<ArrayBuffer> | Blob | string {
  if (typeof body === "string" || body instanceof Blob) return body;
  // A copy: the caller may reuse its buffer before the upload is sent.
  return body instanceof ArrayBuffer ? new Uint8Array(body.slice(0)) : new Uint8Array(body);
}

async function fail(res: Response, what: string): Promise<never> {
  const text = await res.text();
  let problem: unknown = text;
  try {
    problem = JSON.parse(text);
  } catch {}
  throw new RuncampError(`runcamp: ${what} failed: ${res.status} ${text.slice(0, 500)}`, res.status, problem);
}

export type ArtifactInfo = operations["listArtifacts"]["responses"][200]["content"]["application/json"]["items"][number];
export type ConfusionMetrics = components["schemas"]["ConfusionMetrics"];

export interface ArtifactTarget extends ClientOptions {
  repo?: string;
  run: string;
}

function requestHeaders(options: ClientOptions): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return headers;
}

const baseUrl = (options: ClientOptions) => (options.url ?? DEFAULT_URL).replace(/\/+$/, "");

/** Every artifact of a run (following pages), ordered by path; `prefix` keeps the paths starting with it. */
export async function listArtifacts(target: ArtifactTarget & { prefix?: string }): Promise<ArtifactInfo[]> {
  const doFetch = target.fetch ?? globalThis.fetch;
  const items: ArtifactInfo[] = [];
  let cursor: string | null = null;
  do {
    const query = serializeQuery({ limit: 1000, prefix: target.prefix || undefined, cursor: cursor ?? undefined });
    const path = `/v1/repos/${encodeURIComponent(target.repo ?? "default")}/runs/${encodeURIComponent(target.run)}/artifacts?${query}`;
    const res = await doFetch(baseUrl(target) + path, { headers: requestHeaders(target) });
    if (!res.ok) await fail(res, `listing the artifacts of run ${target.run}`);
    const page = (await res.json()) as { items: ArtifactInfo[]; next_cursor: string | null };
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/** An artifact's bytes (`Response` streaming is there for big ones: pass `stream: true`). */
export async function downloadArtifact(target: ArtifactTarget & { path: string; stream: true }): Promise<Response>;
export async function downloadArtifact(target: ArtifactTarget & { path: string; stream?: false }): Promise<Uint8Array>;
export async function downloadArtifact(target: ArtifactTarget & { path: string; stream?: boolean }): Promise<Uint8Array | Response> {
  const doFetch = target.fetch ?? globalThis.fetch;
  const res = await doFetch(baseUrl(target) + artifactUrl(target.repo ?? "default", target.run, target.path), { headers: requestHeaders(target) });
  if (!res.ok) await fail(res, `downloading an artifact of run ${target.run}`);
  return target.stream ? res : new Uint8Array(await res.arrayBuffer());
}

/** A confusion matrix artifact's classification report (`?view=metrics`). */
export async function confusionMetrics(target: ArtifactTarget & { path?: string }): Promise<ConfusionMetrics> {
  const doFetch = target.fetch ?? globalThis.fetch;
  const url = `${baseUrl(target)}${artifactUrl(target.repo ?? "default", target.run, target.path ?? "confusion.json")}?view=metrics`;
  const res = await doFetch(url, { headers: requestHeaders(target) });
  if (!res.ok) await fail(res, `reading the metrics of an artifact of run ${target.run}`);
  return (await res.json()) as ConfusionMetrics;
}
type Op = { seq: number; points: Point[] } | { seq: number; request: Request };

const MAX_SAFE_STEP = Number.MAX_SAFE_INTEGER;

function encodeValue(v: number): string {
  if (Number.isFinite(v)) return String(v); // shortest round-trip form: exact
  return Number.isNaN(v) ? '"NaN"' : v > 0 ? '"Infinity"' : '"-Infinity"';
}

/** The ingest body for a batch: every series' name and context are encoded once. */
export function encodePoints(points: readonly Point[]): string {
  const parts = new Array<string>(points.length);
  for (let i = 0; i < points.length; i++) {
    const [prefix, step, value, epoch, time] = points[i];
    parts[i] =
      epoch === undefined
        ? `${prefix}${step},"value":${encodeValue(value)},"time":${time}}`
        : `${prefix}${step},"value":${encodeValue(value)},"epoch":${epoch},"time":${time}}`;
  }
  return `{"points":[${parts.join(",")}]}`;
}

function sortedContext(context: Context): Context {
  const out: Context = {};
  for (const key of Object.keys(context).sort()) out[key] = context[key];
  return out;
}

function seriesKey(name: string, context: Context | undefined): string {
  if (!context) return name;
  const keys = Object.keys(context);
  if (keys.length === 0) return name;
  return `${name}\u0000${JSON.stringify(sortedContext(context))}`;
}

function seriesPrefix(name: string, context: Context | undefined): string {
  let head = `{"name":${JSON.stringify(name)}`;
  if (context && Object.keys(context).length) head += `,"context":${JSON.stringify(sortedContext(context))}`;
  return `${head},"step":`;
}

function checkSeries(name: unknown, context: Context | undefined): void {
  if (typeof name !== "string" || name.length < 1 || name.length > 255) throw new TypeError("runcamp: a metric name is a string of 1-255 characters");
  if (context) {
    const entries = Object.entries(context);
    if (entries.length > 16) throw new RangeError("runcamp: a context has at most 16 keys");
    for (const [, v] of entries) {
      if (!(typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))))
        throw new TypeError("runcamp: context values are strings, finite numbers or booleans");
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => {
  const window = Math.min(5_000, 100 * 2 ** attempt);
  return window / 2 + Math.random() * (window / 2);
};

/** Keeps a timer from holding the process open (Node, Bun, Deno); a no-op in browsers. */
function unref(timer: unknown): void {
  if (typeof timer === "object" && timer !== null && "unref" in timer && typeof (timer as { unref: unknown }).unref === "function")
    (timer as { unref(): void }).unref();
  const deno = (globalThis as { Deno?: { unrefTimer?(id: number): void } }).Deno;
  if (typeof timer === "number" && deno?.unrefTimer) deno.unrefTimer(timer);
}

const liveRuns = new Set<Run>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const finishAll = () => {
    for (const run of liveRuns) void (run.finishOnExit ? run.finish("finished") : run.flush()).catch(() => {});
  };
  const proc = (globalThis as { process?: { once?(event: string, fn: () => void): void } }).process;
  // beforeExit fires when the event loop is empty and may schedule more work (Node, Bun, Deno 2).
  if (proc?.once) proc.once("beforeExit", finishAll);
  // Browsers: the page is going away; send what is queued with keepalive requests.
  const g = globalThis as { addEventListener?(type: string, fn: () => void): void; document?: unknown };
  if (g.document && g.addEventListener)
    g.addEventListener("pagehide", () => {
      for (const run of liveRuns) run.sendNowKeepalive();
    });
}

/**
 * A run being logged. `await Run.start({repo, experiment, params})`, then `run.track()`
 * (never waits on the network: points are batched and sent in the background, retried
 * with backoff and jitter on network errors, 429 and 5xx), then `await run.finish()`.
 */
export class Run {
  readonly id: string;
  readonly repo: string;
  readonly url: string;
  /** The typed low-level client this run uses. */
  readonly api: RuncampClient;
  readonly errors: string[] = [];
  readonly stats = { deliveredPoints: 0, deliveredRequests: 0, retries: 0, droppedRequests: 0 };
  finishOnExit: boolean;
  /** True when the run existed and was resumed. */
  resumed = false;

  private readonly path: string;
  private readonly fetchImpl: typeof fetch;
  private readonly headers: Record<string, string>;
  private readonly batchSize: number;
  private readonly flushInterval: number;
  private readonly maxQueue: number;
  private readonly onError?: (message: string) => void;
  private readonly clientOptions: ClientOptions;
  private readonly series = new Map<string, [next: number, prefix: string]>();
  private pending: Point[] = [];
  private ops: Op[] = [];
  private queued = 0;
  private enqSeq = 0;
  private doneSeq = 0;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pumping: Promise<void> | undefined;
  private waiters: Array<{ seq: number; resolve(): void }> = [];

  private constructor(id: string, options: RunOptions) {
    this.id = id;
    this.repo = options.repo ?? "default";
    this.url = (options.url ?? DEFAULT_URL).replace(/\/+$/, "");
    this.api = createRuncampClient(options);
    this.path = `/v1/repos/${encodeURIComponent(this.repo)}/runs/${encodeURIComponent(id)}`;
    this.fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
    this.headers = { "content-type": "application/json", ...options.headers };
    if (options.token) this.headers.authorization = `Bearer ${options.token}`;
    this.batchSize = Math.max(1, Math.min(options.batchSize ?? 10_000, 100_000));
    this.flushInterval = options.flushInterval ?? 500;
    this.maxQueue = Math.max(options.maxQueue ?? 1_000_000, this.batchSize);
    this.onError = options.onError;
    this.clientOptions = { url: this.url, token: options.token, fetch: options.fetch, headers: options.headers };
    this.finishOnExit = options.finishOnExit ?? true;
  }

  /** Creates the run, or resumes it when `id` names an existing one (each series continues at its last step + 1). */
  static async start(options: RunOptions = {}): Promise<Run> {
    const id = options.id ?? crypto.randomUUID().replaceAll("-", "");
    const run = new Run(id, options);
    const body: RunBody = { id };
    if (options.name !== undefined) body.name = options.name;
    if (options.experiment !== undefined) body.experiment = options.experiment;
    if (options.description !== undefined) body.description = options.description;
    if (options.params !== undefined) body.params = options.params;
    if (options.tags?.length) body.tags = options.tags;
    if (options.campaign !== undefined) body.campaign = options.campaign;
    if (options.provenance !== undefined) body.provenance = options.provenance;
    const created = await run.call("POST", `/v1/repos/${encodeURIComponent(run.repo)}/runs`, body);
    if (created.status === 200 && options.id !== undefined) {
      run.resumed = true;
      const existing = (await created.json()) as RunView;
      const patch: Record<string, unknown> = {};
      if (options.params) patch.params = options.params;
      if (options.tags?.length) patch.tags = { add: options.tags };
      if (existing.status !== "running") patch.status = "running";
      if (Object.keys(patch).length) await run.expectOk(await run.call("PATCH", run.path, patch), "resuming the run");
      const current = (await (await run.expectOk(await run.call("GET", run.path), "reading the run")).json()) as RunView & {
        metrics?: Array<{ name: string; context: Context; last_step: number | null }>;
      };
      for (const s of current.metrics ?? []) {
        if (s.last_step === null) continue;
        run.series.set(seriesKey(s.name, s.context), [s.last_step + 1, seriesPrefix(s.name, s.context)]);
      }
    } else {
      await run.expectOk(created, "creating the run");
    }
    liveRuns.add(run);
    installExitHook();
    return run;
  }

  /** Queues one point, or one per entry when `value` is a `{name: value}` object. */
  track(value: number | Record<string, number>, name?: string, options: TrackOptions = {}): void {
    if (typeof value === "object" && value !== null) {
      if (name !== undefined) throw new TypeError("runcamp: track({...}) takes its names from the object; leave name unset");
      for (const [n, v] of Object.entries(value)) this.track(v, n, options);
      return;
    }
    if (this.closed) throw new Error(`runcamp: run ${this.id} is finished`);
    if (typeof value !== "number") throw new TypeError("runcamp: a tracked value must be a number");
    if (this.queued >= this.maxQueue) {
      this.schedule(0);
      throw new QueueFullError(this.queued);
    }
    const { context, epoch } = options;
    if (epoch !== undefined && (!Number.isSafeInteger(epoch) || epoch < 0)) throw new RangeError("runcamp: epoch must be a non-negative integer");
    let { step } = options;
    const key = seriesKey(name as string, context);
    let rec = this.series.get(key);
    if (rec === undefined) {
      checkSeries(name, context);
      rec = [0, seriesPrefix(name as string, context)];
      this.series.set(key, rec);
    }
    if (step === undefined) {
      step = rec[0]++;
    } else {
      if (!Number.isSafeInteger(step) || step < 0 || step > MAX_SAFE_STEP) throw new RangeError("runcamp: step must be an integer between 0 and 2^53-1");
      if (step >= rec[0]) rec[0] = step + 1;
    }
    this.pending.push([rec[1], step, value, epoch, Date.now() / 1000]);
    this.queued++;
    if (this.pending.length >= this.batchSize) this.schedule(0);
    else this.schedule(this.flushInterval);
  }

  /** A single result, e.g. `setValue("acc", 0.93, {subset: "test"})`. Sent in order with the points. */
  setValue(name: string, value: unknown, context?: Context): void {
    checkSeries(name, context);
    // What the server refuses fails here, not later in the background.
    if (typeof value === "number" && !Number.isFinite(value))
      throw new RangeError('runcamp: a value is finite; JSON has no NaN or Infinity (send the string "NaN" if you mean it)');
    if (Array.isArray(value) || ArrayBuffer.isView(value))
      throw new TypeError(
        "runcamp: a value cannot be an array; log a confusion matrix with logConfusionMatrix, other arrays with logArtifact, or put it inside an object",
      );
    if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint")
      throw new TypeError(`runcamp: a value is a number, string, boolean, null or an object, not ${typeof value}`);
    if (nestsDeeperThan(value, 32)) throw new RangeError("runcamp: a value nests at most 32 levels of objects and arrays");
    const json = JSON.stringify(value);
    if (new TextEncoder().encode(json).length > 64 * 1024)
      throw new RangeError("runcamp: a value holds at most 64 KiB of JSON; store big results with logArtifact");
    this.enqueue("PUT", `${this.path}/values`, [context ? { name, context, value } : { name, value }]);
  }

  /**
   * Uploads `body` as the artifact `name` (a path in the run such as "reports/classes.csv";
   * logging it again replaces it), in order with the points. Bytes are copied now, so the
   * caller may reuse its buffer. A file on Node: `await openAsBlob(path)` (node:fs) is read
   * from disk as it is sent, never whole into memory.
   */
  logArtifact(name: string, body: ArtifactBody, options: { contentType?: string } = {}): void {
    const url = artifactUrl(this.repo, this.id, name);
    this.enqueueRequest({ method: "PUT", path: url, body: artifactBytes(body), points: 0, contentType: options.contentType ?? guessContentType(name) });
  }

  /** A confusion matrix (`matrix[i][j]`: samples of true class `labels[i]` predicted as `labels[j]`) as the artifact `name`. */
  logConfusionMatrix(labels: readonly Label[], matrix: ArrayLike<ArrayLike<number>>, name = "confusion.json"): void {
    const url = artifactUrl(this.repo, this.id, name);
    this.enqueueRequest({ method: "PUT", path: url, body: encodeConfusion(labels, matrix), points: 0, contentType: CONFUSION_TYPE });
  }

  /** The run's artifacts on the server (`await run.flush()` first to include queued ones). */
  listArtifacts(prefix?: string): Promise<ArtifactInfo[]> {
    return listArtifacts({ ...this.clientOptions, repo: this.repo, run: this.id, prefix });
  }

  /** An artifact of this run, as bytes. */
  downloadArtifact(path: string): Promise<Uint8Array> {
    return downloadArtifact({ ...this.clientOptions, repo: this.repo, run: this.id, path });
  }

  /** Merges into the params (JSON merge patch: objects merge, null deletes). */
  setParams(params: Record<string, unknown>): void {
    this.enqueue("PATCH", this.path, { params });
  }

  addTag(...tags: string[]): void {
    this.enqueue("PATCH", this.path, { tags: { add: tags } });
  }

  removeTag(...tags: string[]): void {
    this.enqueue("PATCH", this.path, { tags: { remove: tags } });
  }

  /** Resolves when everything queued so far has been delivered (or rejected for good). */
  flush(): Promise<void> {
    this.cut();
    const target = this.enqSeq;
    if (this.doneSeq >= target) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push({ seq: target, resolve }));
    this.schedule(0);
    return done;
  }

  /** Sets the final status after every queued point, and waits until all is delivered. */
  async finish(status: RunStatus = "finished"): Promise<void> {
    if (this.closed) return this.flush();
    this.enqueue("PATCH", this.path, { status });
    this.closed = true;
    liveRuns.delete(this);
    await this.flush();
  }

  /** Browsers' pagehide: fire what is queued with keepalive requests (no retries possible). */
  sendNowKeepalive(): void {
    this.cut();
    for (const op of this.ops.splice(0)) {
      const body = "points" in op ? encodePoints(op.points) : op.request.body;
      const path = "points" in op ? `${this.path}/metrics` : op.request.path;
      const method = "points" in op ? "POST" : op.request.method;
      const headers = "request" in op && op.request.contentType ? { ...this.headers, "content-type": op.request.contentType } : this.headers;
      void this.fetchImpl(this.url + path, { method, headers, body, keepalive: true }).catch(() => {});
    }
  }

  // ---- internals --------------------------------------------------------------------------

  private enqueue(method: string, path: string, payload: unknown): void {
    this.enqueueRequest({ method, path, body: JSON.stringify(payload), points: 0 });
  }

  private enqueueRequest(request: Request): void {
    if (this.closed) throw new Error(`runcamp: run ${this.id} is finished`);
    this.cut();
    this.ops.push({ seq: ++this.enqSeq, request });
    this.schedule(0);
  }

  private cut(): void {
    if (this.pending.length) {
      this.ops.push({ seq: ++this.enqSeq, points: this.pending });
      this.pending = [];
    }
  }

  private schedule(delay: number): void {
    if (this.pumping) return; // the running pump picks new work up when it is done
    if (this.timer !== undefined) {
      if (delay > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pumping = this.pump().finally(() => {
        this.pumping = undefined;
        if (this.pending.length || this.ops.length) this.schedule(this.pending.length >= this.batchSize || this.ops.length ? 0 : this.flushInterval);
      });
    }, delay);
    if (delay > 0) unref(this.timer);
  }

  private async pump(): Promise<void> {
    for (;;) {
      if (!this.ops.length) this.cut();
      const op = this.ops.shift();
      if (!op) return;
      if ("points" in op) {
        for (let i = 0; i < op.points.length; i += this.batchSize) {
          const chunk = op.points.slice(i, i + this.batchSize);
          await this.deliver({ method: "POST", path: `${this.path}/metrics`, body: encodePoints(chunk), points: chunk.length });
          this.queued -= chunk.length;
        }
      } else {
        await this.deliver(op.request);
      }
      this.doneSeq = op.seq;
      const waiting: typeof this.waiters = [];
      for (const w of this.waiters) {
        if (w.seq <= this.doneSeq) w.resolve();
        else waiting.push(w);
      }
      this.waiters = waiting;
    }
  }

  private reject(message: string): void {
    this.errors.push(message);
    this.stats.droppedRequests++;
    if (this.onError) this.onError(message);
    else console.warn(`runcamp: ${message}`);
  }

  /** Sends until delivered or rejected for good; never gives up on network errors, 429 or 5xx. */
  private async deliver(req: Request): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let delay: number;
      try {
        const headers = req.contentType ? { ...this.headers, "content-type": req.contentType } : this.headers;
        const res = await this.fetchImpl(this.url + req.path, { method: req.method, headers, body: req.body });
        if (res.ok) {
          await res.body?.cancel();
          this.stats.deliveredRequests++;
          this.stats.deliveredPoints += req.points;
          return;
        }
        const text = await res.text();
        if (res.status === 408 || res.status === 429 || res.status >= 500) {
          const after = Number(res.headers.get("retry-after"));
          delay = Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 30_000) : backoff(attempt);
        } else if (res.status === 413 && req.points > 1 && typeof req.body === "string") {
          const data = JSON.parse(req.body) as { points: unknown[] };
          const mid = data.points.length >> 1;
          for (const part of [data.points.slice(0, mid), data.points.slice(mid)]) {
            await this.deliver({ ...req, body: JSON.stringify({ ...data, points: part }), points: part.length });
          }
          return;
        } else if (res.status === 409 && req.points > 0 && typeof req.body === "string" && !req.body.startsWith('{"reopen"')) {
          // Finished from elsewhere meanwhile: land the points, then put the status back.
          const run = await this.fetchImpl(this.url + this.path, { headers: this.headers });
          const status = run.ok ? ((await run.json()) as RunView).status : "finished";
          await this.deliver({ ...req, body: `{"reopen":true,${(req.body as string).slice(1)}` });
          if (status !== "running") await this.deliver({ method: "PATCH", path: this.path, body: JSON.stringify({ status }), points: 0 });
          return;
        } else {
          this.reject(`${req.method} ${req.path}: dropped, the server answered ${res.status} ${text.slice(0, 300)}`);
          return;
        }
      } catch (error) {
        // A file-backed Blob (openAsBlob) whose file changed or vanished can never be sent.
        if (req.body instanceof Blob && (error as { cause?: { name?: string } })?.cause?.name === "NotReadableError") {
          this.reject(`${req.method} ${req.path}: dropped, its file can no longer be read`);
          return;
        }
        delay = backoff(attempt); // network error: fetch rejects
      }
      this.stats.retries++;
      await sleep(delay);
    }
  }

  private async call(method: string, path: string, payload?: unknown): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.fetchImpl(this.url + path, { method, headers: this.headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
        if (!(res.status === 429 || res.status >= 500) || attempt >= 6) return res;
        await res.body?.cancel();
      } catch (e) {
        if (attempt >= 6) throw e;
      }
      await sleep(backoff(attempt));
    }
  }

  private async expectOk(res: Response, what: string): Promise<Response> {
    if (res.ok) return res;
    const text = await res.text();
    let problem: unknown = text;
    try {
      problem = JSON.parse(text);
    } catch {}
    throw new RuncampError(`runcamp: ${what} failed: ${res.status} ${text.slice(0, 500)}`, res.status, problem);
  }
}

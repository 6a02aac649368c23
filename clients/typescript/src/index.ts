// runcamp TypeScript SDK: a typed client for every endpoint (openapi-fetch over the types
// openapi-typescript generates from openapi.yaml, in ./schema.d.ts), a small `Run` that
// batches metric points (and captured log lines, run.log) like the Python SDK, and a small
// read API (./read.ts). Web-standard
// APIs only (fetch, timers), so it runs in Node, Bun, Deno and browsers; on Node (and Bun,
// Deno) what the server has not taken when a run gives up waiting goes to the disk spool
// the Python SDK uses (./spool.ts).
//
// Offline: Run.start() never fails because the server is away. Creating or resuming the run
// (and creating its campaign) then waits in the queue and goes first, in order; a run resumed
// by id keeps its automatic steps relative until the server says where each series stopped
// (as in the Python SDK). The sender retries with backoff for as long as the process lives;
// finish() waits up to closeTimeout, then spools the rest (Node) and says so once at exit.
import createFetchClient, { type Client } from "openapi-fetch";
import { artifactQuery, stepArtifactPath } from "./artifact-path.ts";
import type { components, operations, paths } from "./schema.d.ts";
import { defaultSpoolDir, loadNode, resendSpool, type SpooledRequest, spoolContents, stepBases, writeSpool } from "./spool.ts";

export { type ReadOptions, type RunItem, runs, type SeriesColumns, type SeriesOptions, series } from "./read.ts";
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
  /** Milliseconds finish() waits for the server before spooling the rest (Node) and resolving. Default 60,000. */
  closeTimeout?: number;
  /** Milliseconds between heartbeats while nothing else is sent. Default 30,000. */
  heartbeatInterval?: number;
  /** Node: the spool directory. Default $RUNCAMP_SPOOL_DIR or ~/.cache/runcamp/spool (the Python SDK's). */
  spoolDir?: string;
}

export type LogStream = "stdout" | "stderr";
export interface LogOptions {
  /** Default "stdout". */
  stream?: LogStream;
  /** Epoch seconds; default now. */
  time?: number;
}
export type RunFailure = components["schemas"]["RunFailure"];

// The server's rules for a log line and a request of them (POST .../logs); a request also
// stays well below the default 32 MiB body limit (at most 3 bytes of UTF-8 per character).
const MAX_LOG_LINE = 65_536;
const LOG_LINES_PER_REQUEST = 10_000;
const LOG_CHARS_PER_REQUEST = 8 * 1024 * 1024;
type LogLine = { seq: number; stream: LogStream; time: number; text: string };

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
  body: string | Uint8Array<ArrayBuffer> | Blob | null;
  points: number;
  kind: SpooledRequest["kind"];
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
type Outcome = "delivered" | "dropped" | "undelivered";
/** [next step, prefix, next step after the explicit ones (while steps are relative)] */
type SeriesRecord = [next: number, prefix: string, explicitNext: number];

const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;
type SeriesSummary = { name: string; context: Context; last_step: number | null };
type SeriesOfRun = { metrics?: SeriesSummary[]; metrics_next_cursor?: string | null };

const MAX_SAFE_STEP = Number.MAX_SAFE_INTEGER;

function encodeValue(v: number): string {
  if (Number.isFinite(v)) return String(v); // shortest round-trip form: exact
  return Number.isNaN(v) ? '"NaN"' : v > 0 ? '"Infinity"' : '"-Infinity"';
}

/**
 * The columnar ingest body for a batch: grouped by series (its name and context encoded once,
 * in `header`), each series' steps, values and times in order (the server keeps the last of a
 * repeated step), and its epochs unless none was given.
 */
export function encodeSeries(points: readonly Point[]): string {
  const groups = new Map<string, { steps: number[]; values: string[]; epochs: (number | undefined)[]; times: number[]; withEpochs: boolean }>();
  for (const [header, step, value, epoch, time] of points) {
    let g = groups.get(header);
    if (g === undefined) groups.set(header, (g = { steps: [], values: [], epochs: [], times: [], withEpochs: false }));
    g.steps.push(step);
    g.values.push(encodeValue(value));
    g.epochs.push(epoch);
    g.times.push(time);
    if (epoch !== undefined) g.withEpochs = true;
  }
  const parts: string[] = [];
  for (const [header, g] of groups) {
    const epochs = g.withEpochs ? `,"epochs":[${g.epochs.map((e) => (e === undefined ? "null" : e)).join(",")}]` : "";
    parts.push(`${header},"steps":[${g.steps.join(",")}],"values":[${g.values.join(",")}],"times":[${g.times.join(",")}]${epochs}}`);
  }
  return `{"series":[${parts.join(",")}]}`;
}

type IngestBody = { points?: unknown[]; series?: Record<string, unknown>[] };
const COLUMNS = ["steps", "values", "epochs", "times"];

/** An ingest body (either form) cut into two of half its points each, with their point counts. */
export function splitBatch(data: IngestBody): [IngestBody, number][] {
  if (data.points) {
    const mid = data.points.length >> 1;
    return [data.points.slice(0, mid), data.points.slice(mid)].map((part) => [{ ...data, points: part }, part.length]);
  }
  const series = data.series ?? [];
  const total = series.reduce((n, s) => n + (s.steps as unknown[]).length, 0);
  const mid = total >> 1;
  const halves: Record<string, unknown>[][] = [[], []];
  let seen = 0;
  for (const s of series) {
    const n = (s.steps as unknown[]).length;
    const cut = Math.min(Math.max(mid - seen, 0), n);
    const slice = (from: number, to: number) => {
      const out: Record<string, unknown> = { ...s };
      for (const k of COLUMNS) if (k in s) out[k] = (s[k] as unknown[]).slice(from, to);
      return out;
    };
    if (cut > 0) halves[0].push(slice(0, cut));
    if (cut < n) halves[1].push(slice(cut, n));
    seen += n;
  }
  return [
    [{ ...data, series: halves[0] }, mid],
    [{ ...data, series: halves[1] }, total - mid],
  ];
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
  return head;
}

function checkSeries(name: unknown, context: Context | undefined): void {
  if (typeof name !== "string" || name.length < 1 || name.length > 255) throw new TypeError("runcamp: a metric name is a string of 1-255 characters");
  checkContext(context);
}

function checkContext(context: Context | undefined): void {
  if (context !== undefined && (typeof context !== "object" || context === null || Array.isArray(context)))
    throw new TypeError("runcamp: a context is an object");
  if (context) {
    const entries = Object.entries(context);
    if (entries.length > 16) throw new RangeError("runcamp: a context has at most 16 keys");
    for (const [k, v] of entries) {
      if (!(typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))))
        throw new TypeError("runcamp: context values are strings, finite numbers or booleans");
      if (k.length > 255 || (typeof v === "string" && v.length > 255))
        throw new RangeError("runcamp: context keys and string values are at most 255 characters");
    }
  }
}

/** A wait that does not keep the process alive (close() holds it open while it waits). */
const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    unref(setTimeout(resolve, ms));
  });
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
/** Spool directories this process wrote, by server: said once at exit. */
const spooledTo = new Map<string, string>();
const resending = new Set<string>();

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const finishAll = () => {
    for (const run of liveRuns) void (run.finishOnExit ? run.finish("finished") : run.close()).catch(() => {});
  };
  const proc = (globalThis as { process?: { once?(event: string, fn: () => void): void } }).process;
  // beforeExit fires when the event loop is empty and may schedule more work (Node, Bun, Deno 2).
  if (proc?.once) {
    proc.once("beforeExit", finishAll);
    proc.once("exit", reportSpoolAtExit);
  }
  // Browsers: the page is going away; send what is queued with keepalive requests.
  const g = globalThis as { addEventListener?(type: string, fn: () => void): void; document?: unknown };
  if (g.document && g.addEventListener)
    g.addEventListener("pagehide", () => {
      for (const run of liveRuns) run.sendNowKeepalive();
    });
}

let nodeForExit: Awaited<ReturnType<typeof loadNode>> = null;

function reportSpoolAtExit(): void {
  if (!nodeForExit) return;
  for (const [url, root] of spooledTo) {
    const left = spoolContents(nodeForExit, root, url);
    if (left.requests)
      console.error(
        `runcamp: ${left.requests} requests (${left.points.toLocaleString("en")} points) of ${left.runs} run${left.runs === 1 ? "" : "s"} are still in the spool ${root}: ` +
          `the server at ${url} did not take them. The next runcamp Run that reaches it sends them, or now: python -m runcamp sync`,
      );
  }
}

/**
 * A run being logged. `await Run.start({repo, experiment, params})`, then `run.track()`
 * (never waits on the network: points are batched and sent in the background, retried
 * with backoff and jitter on network errors, 429 and 5xx), then `await run.finish()`.
 */
export interface InputOptions {
  digest?: string;
  source?: string | Record<string, unknown>;
  sourceType?: string;
  schema?: string | Record<string, unknown>;
  profile?: string | Record<string, unknown>;
  context?: string;
}

// The server's lengths for an input's fields (src/api/inputs/schemas.ts), MLflow's own.
const INPUT_LIMITS = { name: 500, digest: 36, source_type: 255, source: 65535, schema: 1048575, profile: 16777215, context: 500 } as const;

function inputText(field: keyof typeof INPUT_LIMITS, value: unknown, nameLike: boolean): string {
  if (typeof value !== "string") throw new TypeError(`runcamp: an input's ${field} is a string`);
  if (value.length > INPUT_LIMITS[field]) throw new RangeError(`runcamp: an input's ${field} has at most ${INPUT_LIMITS[field]} characters`);
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  if ((nameLike ? /[\u0000-\u001f\u007f-\u009f]/ : /\u0000/).test(value) || lone.test(value))
    throw new RangeError(`runcamp: an input's ${field} has characters the server refuses (${nameLike ? "control characters" : "NUL"} or unpaired surrogates)`);
  return value;
}

export class Run {
  readonly id: string;
  readonly repo: string;
  readonly url: string;
  /** The typed low-level client this run uses. */
  readonly api: RuncampClient;
  readonly errors: string[] = [];
  readonly stats = { deliveredPoints: 0, deliveredRequests: 0, retries: 0, droppedRequests: 0, spooledRequests: 0, spooledPoints: 0, heartbeats: 0 };
  finishOnExit: boolean;
  /** True: an existing run was resumed; false: created; null: not known yet (the server was away). */
  resumed: boolean | null = false;

  private readonly path: string;
  private readonly fetchImpl: typeof fetch;
  private readonly headers: Record<string, string>;
  private readonly batchSize: number;
  private readonly flushInterval: number;
  private readonly maxQueue: number;
  private readonly closeTimeout: number;
  private readonly heartbeatInterval: number;
  private readonly spoolDir?: string;
  private readonly onError?: (message: string) => void;
  private readonly clientOptions: ClientOptions;
  private readonly series = new Map<string, SeriesRecord>();
  private pending: Point[] = [];
  private logLines: LogLine[] = [];
  private logChars = 0;
  /** The seq of the next log line: 0 for a new run, after the stored ones for a resumed one. */
  private nextLogSeq = 0;
  private ops: Op[] = [];
  private queued = 0;
  private enqSeq = 0;
  private doneSeq = 0;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private pumping: Promise<void> | undefined;
  private waiters: Array<{ seq: number; resolve(): void }> = [];
  /** Set by finish()/close(): past it, undelivered requests go to the spool. */
  private deadline: number | undefined;
  private lastContact = Date.now();
  // Resumed while the server was away: automatic steps are relative until the bases are known.
  private relative = false;
  private wasRelative = false;
  private basesByPrefix: Map<string, number> | undefined;

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
    this.closeTimeout = options.closeTimeout ?? 60_000;
    this.heartbeatInterval = options.heartbeatInterval ?? 30_000;
    this.spoolDir = options.spoolDir;
    this.onError = options.onError;
    this.clientOptions = { url: this.url, token: options.token, fetch: options.fetch, headers: options.headers };
    this.finishOnExit = options.finishOnExit ?? true;
  }

  /**
   * Creates the run, or resumes it when `id` names an existing one (each series continues at
   * its last step + 1). `campaign` is created when missing. With the server away nothing
   * fails: all of it waits in the queue (see the top of this file).
   */
  static async start(options: RunOptions = {}): Promise<Run> {
    const id = options.id ?? crypto.randomUUID().replaceAll("-", "");
    if (!RUN_ID.test(id)) throw new TypeError("runcamp: a run id is 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
    const run = new Run(id, options);
    const body: RunBody = { id };
    if (options.name !== undefined) body.name = options.name;
    if (options.experiment !== undefined) body.experiment = options.experiment;
    if (options.description !== undefined) body.description = options.description;
    if (options.params !== undefined) body.params = options.params;
    if (options.tags?.length) body.tags = options.tags;
    if (options.campaign !== undefined) body.campaign = options.campaign;
    if (options.provenance !== undefined) body.provenance = options.provenance;
    const runsPath = `/v1/repos/${encodeURIComponent(run.repo)}/runs`;
    let online = true;
    if (options.campaign !== undefined) {
      const campaign = options.campaign;
      const campaignBody = JSON.stringify(RUN_ID.test(campaign) ? { id: campaign, name: campaign } : { name: campaign });
      const req: Request = { method: "POST", path: `/v1/repos/${encodeURIComponent(run.repo)}/campaigns`, body: campaignBody, points: 0, kind: "campaign" };
      const res = await run.tryCall(req.method, req.path, campaignBody);
      if (res === null) {
        online = false;
        run.pushRequest(req);
      } else if (!(res.ok || res.status === 409)) await run.expectOk(res, `creating campaign "${campaign}"`);
    }
    const created = online ? await run.tryCall("POST", runsPath, JSON.stringify(body)) : null;
    if (created === null) {
      run.goOffline(body, runsPath, options);
    } else if (created.status === 200 && options.id !== undefined) {
      run.resumed = true;
      const existing = (await created.json()) as RunView;
      const patch: Record<string, unknown> = {};
      if (options.params) patch.params = options.params;
      if (options.tags?.length) patch.tags = { add: options.tags };
      if (options.campaign !== undefined && existing.campaign === null) patch.campaign = options.campaign;
      if (existing.status !== "running") patch.status = "running";
      const patched = Object.keys(patch).length ? await run.tryCall("PATCH", run.path, JSON.stringify(patch)) : undefined;
      if (patched) await run.expectOk(patched, "resuming the run");
      const current = patched === null ? null : await run.tryCall("GET", run.path);
      if (current === null) {
        run.goOffline(body, runsPath, options);
      } else {
        const view = (await (await run.expectOk(current, "reading the run")).json()) as SeriesOfRun;
        for (const s of (await run.allSeries(view)) ?? []) {
          if (s.last_step === null) continue;
          run.series.set(seriesKey(s.name, s.context), [s.last_step + 1, seriesPrefix(s.name, s.context), 0]);
        }
        await run.continueLogs();
      }
    } else {
      await run.expectOk(created, "creating the run");
    }
    liveRuns.add(run);
    installExitHook();
    run.startHeartbeat();
    void run.resendLeftovers();
    if (run.ops.length) run.schedule(0);
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
      rec = [0, seriesPrefix(name as string, context), 0];
      this.series.set(key, rec);
    }
    if (step === undefined) {
      step = rec[0]++;
      if (this.relative) step = -1 - step;
    } else {
      if (!Number.isSafeInteger(step) || step < 0 || step > MAX_SAFE_STEP) throw new RangeError("runcamp: step must be an integer between 0 and 2^53-1");
      if (this.relative) {
        if (step >= rec[2]) rec[2] = step + 1;
      } else if (step >= rec[0]) rec[0] = step + 1;
    }
    this.pending.push([rec[1], step, value, epoch, Date.now() / 1000]);
    this.queued++;
    if (this.pending.length >= this.batchSize) this.schedule(0);
    else this.schedule(this.flushInterval);
  }

  /**
   * Queues captured output: each line of `text` (split at "\n"; one trailing newline ends the
   * last line) becomes a log line of the run, numbered in order, sent in batches beside the
   * points. A line holds at most 65,536 characters and no NUL.
   */
  log(text: string, options: LogOptions = {}): void {
    if (this.closed) throw new Error(`runcamp: run ${this.id} is finished`);
    if (typeof text !== "string") throw new TypeError("runcamp: log text must be a string");
    const stream = options.stream ?? "stdout";
    if (stream !== "stdout" && stream !== "stderr") throw new TypeError('runcamp: a log stream is "stdout" or "stderr"');
    const time = options.time ?? Date.now() / 1000;
    if (!Number.isFinite(time)) throw new RangeError("runcamp: a log line's time is finite epoch seconds");
    if (text.includes("\u0000")) throw new TypeError("runcamp: a log line must not hold NUL");
    const lines = (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
    if (lines.some((line) => line.length > MAX_LOG_LINE)) throw new RangeError(`runcamp: a log line holds at most ${MAX_LOG_LINE} characters`);
    for (const line of lines) {
      this.logLines.push({ seq: this.nextLogSeq++, stream, time, text: line });
      this.logChars += line.length;
      if (this.logLines.length >= LOG_LINES_PER_REQUEST || this.logChars >= LOG_CHARS_PER_REQUEST) this.cutLogs();
    }
    this.schedule(this.ops.length ? 0 : this.flushInterval);
  }

  /** Why the run failed (an exception's type and message), shown with the run; null clears it. */
  setFailure(failure: RunFailure | null): void {
    this.enqueue("PATCH", this.path, { failure });
  }

  /** A single result, e.g. `setValue("acc", 0.93, {subset: "test"})`; NaN and ±Infinity too. Sent in order with the points. */
  setValue(name: string, value: unknown, context?: Context): void {
    if (typeof name !== "string" || name.length < 1 || name.length > 255) throw new TypeError("runcamp: a value name is a string of 1-255 characters");
    checkSeries(name, context);
    // What the server refuses fails here, not later in the background.
    const wire = wireValue(value);
    if (new TextEncoder().encode(JSON.stringify(wire)).length > 64 * 1024)
      throw new RangeError("runcamp: a value holds at most 64 KiB of JSON; store big results with logArtifact");
    this.enqueue("PUT", `${this.path}/values`, [context ? { name, context, value: wire } : { name, value: wire }]);
  }

  /**
   * A dataset the run used, e.g. `logInput("cifar10", { source: "hf://cifar10", context: "training" })`.
   * `source`, `schema` and `profile` are text (an object is sent as JSON). Without `digest`, the
   * server computes one from the source type, source, schema and profile. The run keeps one
   * input per (name, digest), the first logged. Sent in order with the points; what the server
   * refuses fails here.
   */
  logInput(name: string, options: InputOptions = {}): void {
    const item: Record<string, string> = { name: inputText("name", name, true) };
    if (name === "") throw new RangeError("runcamp: an input's name must not be empty");
    const fields = {
      digest: options.digest,
      source_type: options.sourceType,
      source: options.source,
      schema: options.schema,
      profile: options.profile,
      context: options.context,
    };
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      item[field] = inputText(field as keyof typeof INPUT_LIMITS, typeof value === "string" ? value : JSON.stringify(value), field === "digest");
    }
    if (item.digest === "") throw new RangeError("runcamp: an input's digest must not be empty");
    this.enqueue("POST", `${this.path}/inputs`, [item]);
  }

  /**
   * Uploads `body` as the artifact `name` (a path in the run such as "reports/classes.csv";
   * logging it again replaces it), in order with the points. Bytes are copied now, so the
   * caller may reuse its buffer. A file on Node: `await openAsBlob(path)` (node:fs) is read
   * from disk as it is sent, never whole into memory. Returns the path it is stored at.
   *
   * `step` (an integer from 0) logs one version per step, e.g. an image per epoch:
   * `logArtifact("pred.png", png, { step: 3, context: { subset: "val" } })` is stored at
   * "pred/3.subset=val.png" with its step and context (see artifact-path.ts), and the web UI
   * shows the steps as a strip.
   */
  logArtifact(name: string, body: ArtifactBody, options: { contentType?: string; step?: number; context?: Context } = {}): string {
    const { step, context } = options;
    checkArtifactPath(name);
    if (step !== undefined && !(Number.isSafeInteger(step) && step >= 0)) throw new RangeError("runcamp: an artifact's step is an integer from 0");
    checkContext(context);
    const stored = step === undefined ? name : stepArtifactPath(name, step, context);
    this.enqueueRequest({
      method: "PUT",
      path: artifactUrl(this.repo, this.id, stored) + artifactQuery(step, context),
      body: artifactBytes(body),
      points: 0,
      kind: "artifact",
      contentType: options.contentType ?? guessContentType(name),
    });
    return stored;
  }

  /** A confusion matrix (`matrix[i][j]`: samples of true class `labels[i]` predicted as `labels[j]`) as the artifact `name`. */
  logConfusionMatrix(labels: readonly Label[], matrix: ArrayLike<ArrayLike<number>>, name = "confusion.json"): void {
    const url = artifactUrl(this.repo, this.id, name);
    this.enqueueRequest({ method: "PUT", path: url, body: encodeConfusion(labels, matrix), points: 0, kind: "artifact", contentType: CONFUSION_TYPE });
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

  /**
   * Sets the final status after every queued point, and waits until all is delivered, or
   * `timeout` ms (default closeTimeout) have passed: then what is left goes to the spool
   * (Node; elsewhere it is reported in run.errors) and the promise resolves.
   */
  async finish(status: RunStatus = "finished", timeout?: number): Promise<void> {
    if (!this.closed) this.enqueue("PATCH", this.path, { status });
    await this.close(timeout);
  }

  /** Like finish() without setting a status. */
  async close(timeout?: number): Promise<void> {
    this.closed = true;
    liveRuns.delete(this);
    if (this.heartbeatTimer !== undefined) clearInterval(this.heartbeatTimer);
    const wait = timeout ?? this.closeTimeout;
    this.deadline = Math.min(this.deadline ?? Number.POSITIVE_INFINITY, Date.now() + wait);
    // This timer (not unref'd) keeps the process alive while we wait for the server.
    let hold: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<void>((resolve) => {
      hold = setTimeout(resolve, Math.max(0, (this.deadline ?? 0) - Date.now()));
    });
    await Promise.race([this.flush(), expired]);
    clearTimeout(hold);
    await this.pumping;
    this.cut();
    if (this.ops.length) await this.spoolLeftovers();
  }

  /** Browsers' pagehide: fire what is queued with keepalive requests (no retries possible). */
  sendNowKeepalive(): void {
    this.cut();
    for (const op of this.ops.splice(0)) {
      const body = "points" in op ? encodeSeries(this.absolute(op.points)) : op.request.body;
      const path = "points" in op ? `${this.path}/metrics` : op.request.path;
      const method = "points" in op ? "POST" : op.request.method;
      const headers = "request" in op && op.request.contentType ? { ...this.headers, "content-type": op.request.contentType } : this.headers;
      void this.fetchImpl(this.url + path, { method, headers, body, keepalive: true }).catch(() => {});
    }
  }

  // ---- internals --------------------------------------------------------------------------

  /** The server is away at start: creation (and resume) wait in the queue, first. */
  private goOffline(body: RunBody, runsPath: string, options: RunOptions): void {
    this.pushRequest({ method: "POST", path: runsPath, body: JSON.stringify(body), points: 0, kind: "request" });
    if (options.id === undefined) return; // a new id: steps start at 0, nothing to learn
    const patch: Record<string, unknown> = { status: "running" };
    if (options.params) patch.params = options.params;
    if (options.tags?.length) patch.tags = { add: options.tags };
    if (options.campaign !== undefined) patch.campaign = options.campaign;
    this.pushRequest({ method: "PATCH", path: this.path, body: JSON.stringify(patch), points: 0, kind: "request" });
    this.pushRequest({ method: "GET", path: this.path, body: null, points: 0, kind: "resolve-steps" });
    this.nextLogSeq = Date.now() * 1000; // see continueLogs
    this.resumed = null;
    this.relative = this.wasRelative = true;
  }

  private pushRequest(request: Request): void {
    this.ops.push({ seq: ++this.enqSeq, request });
  }

  private enqueue(method: string, path: string, payload: unknown): void {
    this.enqueueRequest({ method, path, body: JSON.stringify(payload), points: 0, kind: "request" });
  }

  private enqueueRequest(request: Request): void {
    if (this.closed) throw new Error(`runcamp: run ${this.id} is finished`);
    this.cut();
    this.pushRequest(request);
    this.schedule(0);
  }

  private cut(): void {
    if (this.pending.length) {
      this.ops.push({ seq: ++this.enqSeq, points: this.pending });
      this.pending = [];
    }
    this.cutLogs();
  }

  private cutLogs(): void {
    if (!this.logLines.length) return;
    this.pushRequest({ method: "POST", path: `${this.path}/logs`, body: JSON.stringify({ lines: this.logLines }), points: 0, kind: "request" });
    this.logLines = [];
    this.logChars = 0;
  }

  /**
   * A resumed run's lines continue after the stored ones. When the server cannot say (it is
   * away), they start at a number above any an earlier process can have used (microseconds
   * since the epoch): still in order after them, never taken for re-sent lines.
   */
  private async continueLogs(): Promise<void> {
    const res = await this.tryCall("GET", `${this.path}/logs?tail=1`);
    if (res?.ok) {
      const last = ((await res.json()) as { items: { seq: number }[] }).items[0];
      this.nextLogSeq = last === undefined ? 0 : last.seq + 1;
      return;
    }
    await res?.body?.cancel();
    this.nextLogSeq = Date.now() * 1000;
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
        if (this.pastDeadline()) return;
        if (this.pending.length || this.logLines.length || this.ops.length)
          this.schedule(this.pending.length >= this.batchSize || this.ops.length ? 0 : this.flushInterval);
      });
    }, delay);
    if (delay > 0) unref(this.timer);
  }

  private pastDeadline(): boolean {
    return this.deadline !== undefined && Date.now() >= this.deadline;
  }

  /** Relative steps numbered from the bases, once known. */
  private absolute(points: Point[]): Point[] {
    const bases = this.basesByPrefix;
    if (!this.wasRelative || !bases) return points;
    return points.map((p) => (p[1] < 0 ? [p[0], (bases.get(p[0]) ?? 0) - 1 - p[1], p[2], p[3], p[4]] : p));
  }

  private applyBases(bases: Record<string, number>): void {
    const byPrefix = new Map<string, number>();
    for (const [key, rec] of this.series) {
      const [name, ctx] = key.includes("\u0000") ? [key.slice(0, key.indexOf("\u0000")), JSON.parse(key.slice(key.indexOf("\u0000") + 1))] : [key, {}];
      const base = bases[`${name}\u0000${JSON.stringify(ctx)}`] ?? 0;
      byPrefix.set(rec[1], base);
      if (this.relative) rec[0] = Math.max(base + rec[0], rec[2]);
    }
    this.basesByPrefix = byPrefix;
    this.relative = false;
  }

  private async pump(): Promise<void> {
    for (;;) {
      if (!this.ops.length) this.cut();
      const op = this.ops[0];
      if (!op) return;
      if ("points" in op) {
        while (op.points.length) {
          const chunk = this.absolute(op.points.slice(0, this.batchSize));
          const kind = this.wasRelative && !this.basesByPrefix ? "points-relative" : "points";
          const outcome = await this.deliver({ method: "POST", path: `${this.path}/metrics`, body: encodeSeries(chunk), points: chunk.length, kind });
          if (outcome === "undelivered") return; // past the deadline: close() spools the rest
          op.points.splice(0, chunk.length);
          this.queued -= chunk.length;
        }
      } else if (op.request.kind === "resolve-steps") {
        const res = await this.deliverGet(op.request.path);
        if (res === null) return;
        const all = res.ok ? await this.allSeries((await res.json()) as SeriesOfRun) : [];
        if (all === null) return;
        this.applyBases(stepBases({ metrics: all }));
      } else if ((await this.deliver(op.request)) === "undelivered") return;
      this.ops.shift();
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

  /** A wait before the next attempt, cut short by the deadline; false when past it. */
  private async backOff(delay: number): Promise<boolean> {
    if (this.deadline !== undefined) delay = Math.min(delay, this.deadline - Date.now());
    if (delay < 0) return false;
    this.stats.retries++;
    await sleep(delay);
    return !this.pastDeadline();
  }

  /** Sends until delivered or rejected for good; network errors, 429 and 5xx are retried until the deadline (none before close()). */
  private async deliver(req: Request): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      if (this.pastDeadline()) return "undelivered";
      let delay: number;
      try {
        const headers = req.contentType ? { ...this.headers, "content-type": req.contentType } : this.headers;
        const res = await this.fetchImpl(this.url + req.path, { method: req.method, headers, body: req.body });
        if (res.ok || (res.status === 409 && req.kind === "campaign")) {
          await res.body?.cancel();
          this.lastContact = Date.now();
          this.stats.deliveredRequests++;
          this.stats.deliveredPoints += req.points;
          return "delivered";
        }
        const text = await res.text();
        if (res.status === 408 || res.status === 429 || res.status >= 500) {
          const after = Number(res.headers.get("retry-after"));
          delay = Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 30_000) : backoff(attempt);
        } else if (res.status === 413 && req.points > 1 && typeof req.body === "string") {
          for (const [part, points] of splitBatch(JSON.parse(req.body) as IngestBody)) {
            // An undelivered half keeps the whole batch: re-sending the half that landed is harmless.
            if ((await this.deliver({ ...req, body: JSON.stringify(part), points })) === "undelivered") return "undelivered";
          }
          return "delivered";
        } else if (res.status === 409 && req.points > 0 && typeof req.body === "string" && !req.body.startsWith('{"reopen"')) {
          // Finished from elsewhere meanwhile: land the points, then put the status back.
          const run = await this.fetchImpl(this.url + this.path, { headers: this.headers });
          const status = run.ok ? ((await run.json()) as RunView).status : "finished";
          const outcome = await this.deliver({ ...req, body: `{"reopen":true,${req.body.slice(1)}` });
          if (outcome === "delivered" && status !== "running")
            return this.deliver({ method: "PATCH", path: this.path, body: JSON.stringify({ status }), points: 0, kind: "request" });
          return outcome;
        } else {
          this.reject(`${req.method} ${req.path}: dropped, the server answered ${res.status} ${text.slice(0, 300)}`);
          return "dropped";
        }
      } catch (error) {
        // A file-backed Blob (openAsBlob) whose file changed or vanished can never be sent.
        if (req.body instanceof Blob && (error as { cause?: { name?: string } })?.cause?.name === "NotReadableError") {
          this.reject(`${req.method} ${req.path}: dropped, its file can no longer be read`);
          return "dropped";
        }
        delay = backoff(attempt); // network error: fetch rejects
      }
      if (!(await this.backOff(delay))) return "undelivered";
    }
  }

  /** A GET retried like a delivery; null past the deadline. */
  private async deliverGet(path: string): Promise<Response | null> {
    for (let attempt = 0; ; attempt++) {
      if (this.pastDeadline()) return null;
      try {
        const res = await this.fetchImpl(this.url + path, { headers: this.headers });
        if (res.status < 500 && res.status !== 429) return res;
        await res.body?.cancel();
      } catch {}
      if (!(await this.backOff(backoff(attempt)))) return null;
    }
  }

  /** Every series summary of a run: its GET carries the first 1,000, GET .../metrics pages the rest. Null past the deadline. */
  private async allSeries(view: SeriesOfRun): Promise<SeriesSummary[] | null> {
    const out = [...(view.metrics ?? [])];
    let cursor = view.metrics_next_cursor ?? null;
    while (cursor) {
      const res = await this.deliverGet(`${this.path}/metrics?limit=1000&cursor=${encodeURIComponent(cursor)}`);
      if (res === null) return null;
      if (!res.ok) return out; // the rest start at 0, as for a run the server does not know
      const page = (await res.json()) as { items: SeriesSummary[]; next_cursor: string | null };
      out.push(...page.items);
      cursor = page.next_cursor;
    }
    return out;
  }

  /** A start-up request: a few quick attempts (about a second), then null if the server is away. */
  private async tryCall(method: string, path: string, body: string | null = null): Promise<Response | null> {
    const until = Date.now() + 1_000;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.fetchImpl(this.url + path, { method, headers: this.headers, body });
        if (!(res.status === 429 || res.status >= 500) || Date.now() >= until) return res;
        await res.body?.cancel();
      } catch {
        if (Date.now() >= until) return null;
      }
      await sleep(Math.min(backoff(attempt), Math.max(0, until - Date.now())));
    }
  }

  private startHeartbeat(): void {
    if (!(this.heartbeatInterval > 0)) return;
    this.heartbeatTimer = setInterval(
      () => {
        if (Date.now() - this.lastContact < this.heartbeatInterval || this.ops.length) return;
        this.lastContact = Date.now();
        this.fetchImpl(`${this.url}${this.path}/heartbeat`, { method: "POST", headers: this.headers })
          .then((res) => {
            void res.body?.cancel();
            if (res.ok) this.stats.heartbeats++;
          })
          .catch(() => {});
      },
      Math.min(this.heartbeatInterval, 1_000),
    );
    unref(this.heartbeatTimer);
  }

  /** Node: what is still queued goes to the disk spool, in order (elsewhere: run.errors). */
  private async spoolLeftovers(): Promise<void> {
    const requests: SpooledRequest[] = [];
    for (const op of this.ops) {
      if ("points" in op) {
        for (let i = 0; i < op.points.length; i += this.batchSize) {
          const chunk = this.absolute(op.points.slice(i, i + this.batchSize));
          requests.push({
            url: this.url,
            method: "POST",
            path: `${this.path}/metrics`,
            body: encodeSeries(chunk),
            points: chunk.length,
            kind: this.wasRelative && !this.basesByPrefix ? "points-relative" : "points",
          });
        }
      } else if (op.request.body instanceof Blob || op.request.body instanceof Uint8Array) {
        // An artifact: its bytes go beside its record, as the Python SDK spools them.
        const data = op.request.body instanceof Blob ? new Uint8Array(await op.request.body.arrayBuffer()) : op.request.body;
        requests.push({
          url: this.url,
          method: op.request.method,
          path: op.request.path,
          body: null,
          points: 0,
          kind: "artifact",
          contentType: op.request.contentType,
          data,
        });
      } else {
        const { method, path, body, points, kind, contentType } = op.request;
        requests.push(
          kind === "artifact"
            ? { url: this.url, method, path, body: null, points, kind, contentType, data: new TextEncoder().encode(body ?? "") }
            : { url: this.url, method, path, body, points, kind },
        );
      }
    }
    const points = requests.reduce((n, r) => n + r.points, 0);
    const node = await loadNode();
    if (!node) {
      this.errors.push(`the server at ${this.url} did not take ${requests.length} requests (${points} points) in time; no disk spool here, they are lost`);
      return;
    }
    const root = this.spoolDir ?? defaultSpoolDir(node);
    writeSpool(node, root, this.repo, this.id, requests);
    this.stats.spooledRequests += requests.length;
    this.stats.spooledPoints += points;
    this.ops = [];
    this.queued = 0;
    nodeForExit = node;
    spooledTo.set(this.url, root);
    void this.resendLeftovers(); // keeps trying (in the background) while the process lives
  }

  /** Node: re-sends what earlier runs of this SDK left in the spool for this server, with backoff while any is left. */
  private async resendLeftovers(): Promise<void> {
    const node = await loadNode();
    if (!node) return;
    const root = this.spoolDir ?? defaultSpoolDir(node);
    const key = `${root}\u0000${this.url}`;
    if (resending.has(key)) return;
    resending.add(key);
    try {
      const send = async (req: SpooledRequest): Promise<Outcome> => {
        for (let attempt = 0; attempt < 5; attempt++) {
          try {
            const artifact = req.kind === "artifact";
            const headers = artifact ? { ...this.headers, "content-type": req.contentType ?? "application/octet-stream" } : this.headers;
            const body = artifact ? new Uint8Array(req.data ?? new Uint8Array()) : req.body;
            const res = await this.fetchImpl(this.url + req.path, { method: req.method, headers, body });
            await res.body?.cancel();
            if (res.ok || (res.status === 409 && req.kind === "campaign")) return "delivered";
            if (res.status === 409 && req.kind === "points") {
              const again = await this.fetchImpl(this.url + req.path, {
                method: "POST",
                headers: this.headers,
                body: `{"reopen":true,${(req.body ?? "").slice(1)}`,
              });
              await again.body?.cancel();
              return again.ok ? "delivered" : "undelivered";
            }
            if (!(res.status === 429 || res.status >= 500 || res.status === 401 || res.status === 403)) return "dropped";
          } catch {}
          await sleep(backoff(attempt));
        }
        return "undelivered";
      };
      const get = async (path: string) => {
        try {
          return await this.fetchImpl(this.url + path, { headers: this.headers });
        } catch {
          return null;
        }
      };
      for (let attempt = 0; ; attempt++) {
        const { left } = await resendSpool(node, root, this.url, send, get);
        if (!left) return;
        await sleep(Math.min(30_000, 1000 * 2 ** attempt));
      }
    } finally {
      resending.delete(key);
    }
  }

  private async expectOk(res: Response, what: string): Promise<Response> {
    return res.ok ? res : fail(res, what);
  }
}

/** A value in wire form: NaN and ±Infinity (at any depth) as their strings; refuses what JSON cannot carry. */
function wireValue(value: unknown, depth = 0): unknown {
  if (depth >= 32 && typeof value === "object" && value !== null) throw new RangeError("runcamp: a value nests at most 32 levels of arrays and objects");
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Array.from(value as ArrayLike<unknown>, (v) => wireValue(v, depth + 1));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, wireValue(v, depth + 1)]));
  throw new TypeError(`runcamp: a value is a number, string, boolean, null, array or plain object, not ${typeof value}`);
}

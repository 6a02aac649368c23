// runcamp TypeScript SDK: a typed client for every endpoint (openapi-fetch over the types
// openapi-typescript generates from openapi.yaml, in ./schema.d.ts) and a small `Run` that
// batches metric points like the Python SDK. Web-standard APIs only (fetch, timers), so it
// runs in Node, Bun, Deno and browsers.
import createFetchClient, { type Client } from "openapi-fetch";
import type { operations, paths } from "./schema.d.ts";

export type { operations, paths } from "./schema.d.ts";

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
  body: string;
  points: number;
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
    this.enqueue("PUT", `${this.path}/values`, [context ? { name, context, value } : { name, value }]);
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
      void this.fetchImpl(this.url + path, { method, headers: this.headers, body, keepalive: true }).catch(() => {});
    }
  }

  // ---- internals --------------------------------------------------------------------------

  private enqueue(method: string, path: string, payload: unknown): void {
    if (this.closed) throw new Error(`runcamp: run ${this.id} is finished`);
    this.cut();
    this.ops.push({ seq: ++this.enqSeq, request: { method, path, body: JSON.stringify(payload), points: 0 } });
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
        const res = await this.fetchImpl(this.url + req.path, { method: req.method, headers: this.headers, body: req.body });
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
        } else if (res.status === 413 && req.points > 1) {
          const data = JSON.parse(req.body) as { points: unknown[] };
          const mid = data.points.length >> 1;
          for (const part of [data.points.slice(0, mid), data.points.slice(mid)]) {
            await this.deliver({ ...req, body: JSON.stringify({ ...data, points: part }), points: part.length });
          }
          return;
        } else if (res.status === 409 && req.points > 0 && !req.body.startsWith('{"reopen"')) {
          // Finished from elsewhere meanwhile: land the points, then put the status back.
          const run = await this.fetchImpl(this.url + this.path, { headers: this.headers });
          const status = run.ok ? ((await run.json()) as RunView).status : "finished";
          await this.deliver({ ...req, body: `{"reopen":true,${req.body.slice(1)}` });
          if (status !== "running") await this.deliver({ method: "PATCH", path: this.path, body: JSON.stringify({ status }), points: 0 });
          return;
        } else {
          this.reject(`${req.method} ${req.path}: dropped, the server answered ${res.status} ${text.slice(0, 300)}`);
          return;
        }
      } catch {
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

import { type Client } from "openapi-fetch";
import type { components, operations, paths } from "./schema.d.ts";
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
export declare const DEFAULT_URL = "http://127.0.0.1:8787";
/**
 * Query strings as the API reads them: an object-valued parameter (a series `context`) is
 * sent as JSON text, everything else as its string form.
 */
export declare function serializeQuery(query: Record<string, unknown>): string;
/** A typed client for every endpoint of openapi.yaml. */
export declare function createRuncampClient(options?: ClientOptions): RuncampClient;
export type Context = Record<string, string | number | boolean>;
export type RunStatus = "running" | "finished" | "failed" | "killed";
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
export interface TrackOptions {
    /** Defaults to the series' next step: its last step + 1, per (name, context). */
    step?: number;
    epoch?: number;
    context?: Context;
}
/** track() found the in-memory queue full: `await run.flush()` lets the sender catch up. */
export declare class QueueFullError extends Error {
    constructor(size: number);
}
export declare class RuncampError extends Error {
    readonly status: number;
    readonly problem: unknown;
    constructor(message: string, status: number, problem: unknown);
}
type Point = [prefix: string, step: number, value: number, epoch: number | undefined, time: number];
export declare const CONFUSION_TYPE = "application/vnd.runcamp.confusion+json";
export type Label = string | number;
/** What an artifact can be made of. */
export type ArtifactBody = string | Uint8Array | ArrayBuffer | Blob;
/** An artifact path as the server takes it (throws otherwise): 1-1,024 characters, '/' between non-empty segments, no '.' or '..' segment, no control characters or backslashes. */
export declare function checkArtifactPath(path: unknown): string;
/** The URL path of an artifact: each segment percent-encoded, the '/' kept. */
export declare function artifactUrl(repo: string, run: string, path: string): string;
/** The body of a confusion matrix artifact, checked as the server checks it (throws here). */
export declare function encodeConfusion(labels: readonly Label[], matrix: ArrayLike<ArrayLike<number>>): string;
export type ArtifactInfo = operations["listArtifacts"]["responses"][200]["content"]["application/json"]["items"][number];
export type ConfusionMetrics = components["schemas"]["ConfusionMetrics"];
export interface ArtifactTarget extends ClientOptions {
    repo?: string;
    run: string;
}
/** Every artifact of a run (following pages), ordered by path; `prefix` keeps the paths starting with it. */
export declare function listArtifacts(target: ArtifactTarget & {
    prefix?: string;
}): Promise<ArtifactInfo[]>;
/** An artifact's bytes (`Response` streaming is there for big ones: pass `stream: true`). */
export declare function downloadArtifact(target: ArtifactTarget & {
    path: string;
    stream: true;
}): Promise<Response>;
export declare function downloadArtifact(target: ArtifactTarget & {
    path: string;
    stream?: false;
}): Promise<Uint8Array>;
/** A confusion matrix artifact's classification report (`?view=metrics`). */
export declare function confusionMetrics(target: ArtifactTarget & {
    path?: string;
}): Promise<ConfusionMetrics>;
/**
 * The columnar ingest body for a batch: grouped by series (its name and context encoded once,
 * in `header`), each series' steps, values and times in order (the server keeps the last of a
 * repeated step), and its epochs unless none was given.
 */
export declare function encodeSeries(points: readonly Point[]): string;
type IngestBody = {
    points?: unknown[];
    series?: Record<string, unknown>[];
};
/** An ingest body (either form) cut into two of half its points each, with their point counts. */
export declare function splitBatch(data: IngestBody): [IngestBody, number][];
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
export declare class Run {
    readonly id: string;
    readonly repo: string;
    readonly url: string;
    /** The typed low-level client this run uses. */
    readonly api: RuncampClient;
    readonly errors: string[];
    readonly stats: {
        deliveredPoints: number;
        deliveredRequests: number;
        retries: number;
        droppedRequests: number;
        spooledRequests: number;
        spooledPoints: number;
        heartbeats: number;
    };
    finishOnExit: boolean;
    /** True: an existing run was resumed; false: created; null: not known yet (the server was away). */
    resumed: boolean | null;
    private readonly path;
    private readonly fetchImpl;
    private readonly headers;
    private readonly batchSize;
    private readonly flushInterval;
    private readonly maxQueue;
    private readonly closeTimeout;
    private readonly heartbeatInterval;
    private readonly spoolDir?;
    private readonly onError?;
    private readonly clientOptions;
    private readonly series;
    private pending;
    private logLines;
    private logChars;
    /** The seq of the next log line: 0 for a new run, after the stored ones for a resumed one. */
    private nextLogSeq;
    private ops;
    private queued;
    private enqSeq;
    private doneSeq;
    private closed;
    private timer;
    private heartbeatTimer;
    private pumping;
    private waiters;
    /** Set by finish()/close(): past it, undelivered requests go to the spool. */
    private deadline;
    private lastContact;
    private relative;
    private wasRelative;
    private basesByPrefix;
    private constructor();
    /**
     * Creates the run, or resumes it when `id` names an existing one (each series continues at
     * its last step + 1). `campaign` is created when missing. With the server away nothing
     * fails: all of it waits in the queue (see the top of this file).
     */
    static start(options?: RunOptions): Promise<Run>;
    /** Queues one point, or one per entry when `value` is a `{name: value}` object. */
    track(value: number | Record<string, number>, name?: string, options?: TrackOptions): void;
    /**
     * Queues captured output: each line of `text` (split at "\n"; one trailing newline ends the
     * last line) becomes a log line of the run, numbered in order, sent in batches beside the
     * points. A line holds at most 65,536 characters and no NUL.
     */
    log(text: string, options?: LogOptions): void;
    /** Why the run failed (an exception's type and message), shown with the run; null clears it. */
    setFailure(failure: RunFailure | null): void;
    /** A single result, e.g. `setValue("acc", 0.93, {subset: "test"})`; NaN and ±Infinity too. Sent in order with the points. */
    setValue(name: string, value: unknown, context?: Context): void;
    /**
     * A dataset the run used, e.g. `logInput("cifar10", { source: "hf://cifar10", context: "training" })`.
     * `source`, `schema` and `profile` are text (an object is sent as JSON). Without `digest`, the
     * server computes one from the source type, source, schema and profile. The run keeps one
     * input per (name, digest), the first logged. Sent in order with the points; what the server
     * refuses fails here.
     */
    logInput(name: string, options?: InputOptions): void;
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
    logArtifact(name: string, body: ArtifactBody, options?: {
        contentType?: string;
        step?: number;
        context?: Context;
    }): string;
    /** A confusion matrix (`matrix[i][j]`: samples of true class `labels[i]` predicted as `labels[j]`) as the artifact `name`. */
    logConfusionMatrix(labels: readonly Label[], matrix: ArrayLike<ArrayLike<number>>, name?: string): void;
    /** The run's artifacts on the server (`await run.flush()` first to include queued ones). */
    listArtifacts(prefix?: string): Promise<ArtifactInfo[]>;
    /** An artifact of this run, as bytes. */
    downloadArtifact(path: string): Promise<Uint8Array>;
    /** Merges into the params (JSON merge patch: objects merge, null deletes). */
    setParams(params: Record<string, unknown>): void;
    addTag(...tags: string[]): void;
    removeTag(...tags: string[]): void;
    /** Resolves when everything queued so far has been delivered (or rejected for good). */
    flush(): Promise<void>;
    /**
     * Sets the final status after every queued point, and waits until all is delivered, or
     * `timeout` ms (default closeTimeout) have passed: then what is left goes to the spool
     * (Node; elsewhere it is reported in run.errors) and the promise resolves.
     */
    finish(status?: RunStatus, timeout?: number): Promise<void>;
    /** Like finish() without setting a status. */
    close(timeout?: number): Promise<void>;
    /** Browsers' pagehide: fire what is queued with keepalive requests (no retries possible). */
    sendNowKeepalive(): void;
    /** The server is away at start: creation (and resume) wait in the queue, first. */
    private goOffline;
    private pushRequest;
    private enqueue;
    private enqueueRequest;
    private cut;
    private cutLogs;
    /**
     * A resumed run's lines continue after the stored ones. When the server cannot say (it is
     * away), they start at a number above any an earlier process can have used (microseconds
     * since the epoch): still in order after them, never taken for re-sent lines.
     */
    private continueLogs;
    private schedule;
    private pastDeadline;
    /** Relative steps numbered from the bases, once known. */
    private absolute;
    private applyBases;
    private pump;
    private reject;
    /** A wait before the next attempt, cut short by the deadline; false when past it. */
    private backOff;
    /** Sends until delivered or rejected for good; network errors, 429 and 5xx are retried until the deadline (none before close()). */
    private deliver;
    /** A GET retried like a delivery; null past the deadline. */
    private deliverGet;
    /** Every series summary of a run: its GET carries the first 1,000, GET .../metrics pages the rest. Null past the deadline. */
    private allSeries;
    /** A start-up request: a few quick attempts (about a second), then null if the server is away. */
    private tryCall;
    private startHeartbeat;
    /** Node: what is still queued goes to the disk spool, in order (elsewhere: run.errors). */
    private spoolLeftovers;
    /** Node: re-sends what earlier runs of this SDK left in the spool for this server, with backoff while any is left. */
    private resendLeftovers;
    private expectOk;
}

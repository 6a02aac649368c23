// A local libSQL endpoint speaking Hrana v2 over HTTP (JSON): the protocol `@libsql/client/web`
// uses. Under Miniflare the Worker can only reach its database over HTTP, so in development this
// server stands in for Turso/sqld in front of a plain local database file; the Worker code and its
// `LIBSQL_URL` handling stay identical to production.
//
// Behaviour follows sqld (tursodatabase/libsql, libsql-server/src/hrana/http) where the client can
// observe it: rotating batons, a 10 s stream idle timeout, step results/errors in batches, error
// codes, `affected_row_count` only for INSERT/UPDATE/DELETE and `last_insert_rowid` only for
// INSERT. Hrana v3 (`/v3`, `/v3-protobuf`, cursors) is answered with 404, which is how a client
// that probes for v3 learns to fall back to v2.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "libsql";
import {
  type BatchCond,
  type BatchStep,
  type Db,
  encodeValue,
  HELLO,
  HttpError,
  isBusy,
  type ProtoError,
  type ProtoStmt,
  parsePipeline,
  protocolError,
  type SqlValue,
  type Statement,
  StmtError,
  type StmtResult,
  type StreamRequest,
  type StreamResult,
  serialize,
  toProtoError,
} from "./protocol.ts";
import { type SqlStatementInfo, scanCached } from "./sql-scan.ts";

export interface LibsqlHttpServerOptions {
  /** Path of the database file (created if missing; its folder must exist). */
  file: string;
  /** Interface to bind; loopback by default. Other interfaces require `authToken`. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** When set, pipeline requests must carry `Authorization: Bearer <authToken>`. */
  authToken?: string;
  /** A stream untouched for this long is closed and its transaction rolled back (sqld: 10 s). */
  idleTimeoutMs?: number;
  /** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Largest accepted request body; runcamp ingests 32 MiB requests, blobs grow by base64. */
  maxBodyBytes?: number;
  /**
   * Refuses SQL the way a real libSQL server would before running it: the reason (sqld's
   * message), or null to run it. `npm run dev` and the Worker test host pass sqld's own parser
   * (tools/sqld-parse), so SQL that embedded libSQL accepts but sqld/Turso refuse fails here too.
   */
  refuseSql?: (sql: string, mode: "statement" | "sequence") => Promise<string | null>;
}

export interface LibsqlHttpServer {
  /** `http://host:port`, ready for `createClient({ url })`. */
  url: string;
  close(): Promise<void>;
}

// Streams: one database connection each, so an interactive transaction opened by one client
// stream is isolated from every other stream.

interface Stream {
  db: Db | undefined; // undefined once closed
  sqls: Map<number, string>; // store_sql texts
  statements: Map<string, { stmt: Statement; reader: boolean }>; // prepared, most recent last
  changes: Statement | undefined;
  idleTimer: NodeJS.Timeout | undefined;
  /** Since when its open transaction holds the write lock (undefined: it holds none). */
  lockedAt?: number;
  /**
   * Its transaction was rolled back because it kept the lock from waiting writers too long:
   * every statement fails (TRANSACTION_TIMEOUT, as with sqld) until a request has said so,
   * never running outside the transaction its client believes open.
   */
  timedOut?: boolean;
  timeoutReported?: boolean;
}

const MAX_STORED_SQLS = 50; // sqld's limits, so code tested here also runs against Turso
const MAX_STORED_SQL_BYTES = 5000;
const MAX_PREPARED = 64;

function openDb(file: string): Db {
  // Native busy timeout 0: the binding is synchronous, so a native wait would block the event
  // loop, including the request that would release the lock. We wait asynchronously instead.
  return new Database(file, { timeout: 0 });
}

/** A BEGIN that takes no lock until the transaction first writes. */
const DEFERRED_BEGIN = /^\s*BEGIN\b(?!\s+(IMMEDIATE|EXCLUSIVE)\b)/i;

function closeDb(stream: Stream): void {
  const db = stream.db;
  if (db === undefined) return;
  stream.db = undefined;
  clearTimeout(stream.idleTimer);
  // close() leaves the connection alive while prepared statements reference it, so roll back
  // explicitly: otherwise an abandoned transaction would keep the write lock until GC.
  try {
    if (db.inTransaction) db.exec("ROLLBACK");
  } catch {
    // The transaction may already be gone (e.g. rolled back by an error); nothing to release.
  }
  stream.statements.clear();
  stream.changes = undefined;
  db.close();
}

function prepare(stream: Stream, db: Db, sql: string): { stmt: Statement; reader: boolean } {
  let prepared = stream.statements.get(sql);
  if (prepared !== undefined) {
    stream.statements.delete(sql);
  } else {
    const stmt = db.prepare(sql);
    stmt.safeIntegers(true); // int64 beyond 2^53 stays exact
    const reader = stmt.reader;
    if (reader) stmt.raw(true);
    prepared = { stmt, reader };
    if (stream.statements.size >= MAX_PREPARED) stream.statements.delete(stream.statements.keys().next().value as string);
  }
  stream.statements.set(sql, prepared);
  return prepared;
}

// Statements

function resolveSql(stream: Stream, sql: string | undefined, sqlId: number | undefined): string {
  if (sql !== undefined) return sql;
  const stored = stream.sqls.get(sqlId as number);
  if (stored === undefined) throw new StmtError("SQL_NOT_FOUND", `No SQL text is stored under sql_id ${sqlId}`);
  return stored;
}

function singleStatement(sql: string): SqlStatementInfo {
  const statements = scanCached(sql);
  if (statements.length === 0) throw new StmtError("SQL_NO_STATEMENT", "SQL string does not contain any statement");
  if (statements.length > 1) throw new StmtError("SQL_MANY_STATEMENTS", "SQL string contains more than one statement");
  return statements[0];
}

function bindings(stmt: ProtoStmt, info: SqlStatementInfo): SqlValue[] | Record<string, SqlValue> {
  if (stmt.namedArgs.length === 0) return stmt.args;
  if (stmt.args.length > 0) {
    throw new StmtError("ARGS_BOTH_POSITIONAL_AND_NAMED", "Specifying both positional and named arguments is not supported");
  }
  // The binding looks up every parameter's name and aborts the process on a nameless one.
  if (info.params.some((p) => p === null)) {
    throw new StmtError("ARGS_INVALID", "Named arguments cannot bind an anonymous `?` parameter (or a gap before `?NNN`); pass positional arguments");
  }
  // Keys without their sigil, as the binding expects; no prototype, so a parameter named like
  // an Object method is just unbound (NULL) instead of reaching the binding as a function.
  const named: Record<string, SqlValue> = Object.create(null);
  for (const [name, value] of stmt.namedArgs) named[/^[:@$]/.test(name) ? name.slice(1) : name] = value;
  return named;
}

function evalCond(cond: BatchCond, results: boolean[], autocommit: boolean): boolean {
  switch (cond.type) {
    case "ok":
    case "error": {
      if (cond.step >= results.length) {
        throw new StmtError("BATCH_COND_INVALID", `The condition refers to step ${cond.step}, which has not run before this step`);
      }
      return cond.type === "ok" ? results[cond.step] : !results[cond.step];
    }
    case "not":
      return !evalCond(cond.cond, results, autocommit);
    case "and":
      return cond.conds.map((c) => evalCond(c, results, autocommit)).every(Boolean);
    case "or":
      return cond.conds.map((c) => evalCond(c, results, autocommit)).some(Boolean);
    case "is_autocommit":
      return autocommit;
  }
}

// The server

export async function startLibsqlHttpServer(opts: LibsqlHttpServerOptions): Promise<LibsqlHttpServer> {
  const host = opts.host ?? "127.0.0.1";
  const idleTimeoutMs = opts.idleTimeoutMs ?? 10_000;
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5_000;
  const maxBodyBytes = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const file = opts.file;
  const isLoopback = host === "localhost" || host === "::1" || /^127\./.test(host);
  if (!isLoopback && !opts.authToken) {
    throw new Error(`Refusing to serve ${file} on ${host} without an auth token: bind to loopback or set authToken`);
  }
  const tokenDigest = opts.authToken === undefined ? undefined : createHash("sha256").update(opts.authToken).digest();

  // Opened first so that a bad path fails at start, not on the first request. WAL lets readers
  // run beside the writer and is stored in the file, so every later connection uses it too.
  // Kept open until close(): when the last connection to a WAL database closes, SQLite
  // checkpoints and deletes the WAL, which would otherwise happen after almost every request.
  // (No pool of reusable connections: opening one costs ~0.3 ms, far less than the HTTP round
  // trip, and a fresh connection per stream cannot inherit another client's PRAGMAs or temp
  // tables.)
  const anchor = openDb(file);
  anchor.exec("PRAGMA journal_mode = WAL");

  /** Available streams by their current baton; a baton is good for exactly one request. */
  const byBaton = new Map<string, Stream>();
  /** Batons of streams that expired, kept a while to say "expired" rather than "unknown". */
  const expired = new Map<string, number>();
  const live = new Set<Stream>();
  let closing = false;

  function openStream(): Stream {
    const stream: Stream = { db: openDb(file), sqls: new Map(), statements: new Map(), changes: undefined, idleTimer: undefined };
    live.add(stream);
    return stream;
  }

  function closeStream(stream: Stream): void {
    closeDb(stream);
    live.delete(stream);
    if (lockHolder === stream) lockHolder = undefined;
  }

  function acquire(baton: string | undefined): Stream {
    if (baton === undefined) return openStream();
    const stream = byBaton.get(baton);
    if (stream === undefined) {
      if (expired.has(baton)) {
        const message = `The stream expired after ${idleTimeoutMs} ms without requests; its open transaction, if any, was rolled back`;
        throw new HttpError(400, "STREAM_EXPIRED", message);
      }
      const message = "Unknown baton: the stream was closed, has expired, or this baton was already used (a baton is good for one request)";
      throw new HttpError(400, "BATON_INVALID", message);
    }
    byBaton.delete(baton);
    clearTimeout(stream.idleTimer);
    return stream;
  }

  /** Makes the stream available under a fresh baton, or returns null if it was closed. */
  function release(stream: Stream): string | null {
    if (stream.db === undefined) {
      live.delete(stream);
      return null;
    }
    // Random and rotated per request, like sqld's, so a stale or guessed baton is rejected.
    const baton = randomBytes(24).toString("base64url");
    byBaton.set(baton, stream);
    stream.idleTimer = setTimeout(() => expire(baton), idleTimeoutMs);
    stream.idleTimer.unref();
    return baton;
  }

  function expire(baton: string): void {
    const stream = byBaton.get(baton);
    if (stream === undefined) return;
    byBaton.delete(baton);
    closeStream(stream);
    lockMayBeFree(); // its transaction, if any, was rolled back
    const now = Date.now();
    for (const [old, at] of expired) {
      if (now - at < 300_000) break; // insertion order = age order
      expired.delete(old);
    }
    expired.set(baton, now);
  }

  // Statements waiting for another connection's write lock, oldest first. sqld queues write
  // transactions: a waiter waits as long as the lock keeps changing hands, and a transaction
  // that keeps the lock for 5 s while others wait is rolled back (its next request answers
  // TRANSACTION_TIMEOUT): a client that went away mid-transaction (a cancelled Worker request)
  // does not stop every writer until its stream expires. Here the same after busyTimeoutMs;
  // only a lock held by another process makes a waiter fail with SQLITE_BUSY. Retrying on a
  // backoff timer, as this endpoint did,
  // let a newcomer take the lock ahead of statements that had waited for seconds, and under 64
  // concurrent writers (Worker ingest) some failed with SQLITE_BUSY where sqld answered every
  // request. So a waiter queues, and each request that ends (a commit or rollback is the end
  // of one) or stream that closes lets the oldest waiter try again.
  const lockWaiters: (() => void)[] = [];
  /** When a statement last took the write lock after waiting or queueing: the queue moves. */
  let lockHandoffAt = 0;
  /** The stream whose open transaction holds the write lock, if one of ours does. */
  let lockHolder: Stream | undefined;

  /** After a request of `stream`: note whether its transaction now holds the write lock. */
  function noteLock(stream: Stream, wrote: boolean): void {
    if (stream.db?.inTransaction) {
      if (wrote && stream.lockedAt === undefined) {
        stream.lockedAt = Date.now();
        lockHolder = stream;
      }
    } else {
      stream.lockedAt = undefined;
      if (lockHolder === stream) lockHolder = undefined;
    }
  }

  /** Rolls back the holder's transaction if it kept the lock past busyTimeoutMs; true if it did. */
  function takeLockFromStaleHolder(waiter: Stream): boolean {
    const holder = lockHolder;
    if (!holder || holder === waiter || holder.lockedAt === undefined || Date.now() - holder.lockedAt < busyTimeoutMs) return false;
    try {
      holder.db?.exec("ROLLBACK");
    } catch {
      // already rolled back
    }
    holder.timedOut = true;
    noteLock(holder, false);
    return true;
  }
  // Another process (a migration, a test reading the file) may hold the lock and end without
  // telling us: the oldest waiter also tries again on a timer.
  const LOCK_RETRY_MS = 50;

  function lockMayBeFree(): void {
    lockWaiters.shift()?.();
  }

  /** Until `lockMayBeFree` picks this waiter (`first`: ahead of the queue, else behind it) or LOCK_RETRY_MS pass. */
  async function awaitLockTurn(first: boolean): Promise<void> {
    let wake!: () => void;
    const turn = new Promise<void>((resolve) => (wake = resolve));
    if (first) lockWaiters.unshift(wake);
    else lockWaiters.push(wake);
    const timer = setTimeout(wake, LOCK_RETRY_MS);
    await turn;
    clearTimeout(timer);
    const queued = lockWaiters.indexOf(wake);
    if (queued >= 0) lockWaiters.splice(queued, 1);
  }

  /**
   * Runs `fn`, waiting its turn while another connection holds the lock it needs, until the
   * lock has not changed hands for busyTimeoutMs. `takesLock`: a statement that would begin a
   * write outside a transaction; it queues behind the statements already waiting instead of
   * overtaking them.
   */
  async function waitOutBusy<T>(stream: Stream, takesLock: boolean, fn: (db: Db) => T): Promise<T> {
    const started = Date.now();
    let waited = false;
    if (takesLock && lockWaiters.length > 0) {
      await awaitLockTurn(false);
      waited = true;
    }
    for (;;) {
      const db = stream.db;
      if (db === undefined || closing) throw new StmtError("STREAM_CLOSED", "The stream was closed while the statement waited for a lock");
      if (stream.timedOut) {
        stream.timeoutReported = true;
        throw new StmtError("TRANSACTION_TIMEOUT", "Transaction timed out: it held the write lock while others waited, and was rolled back");
      }
      try {
        const result = fn(db);
        if (waited) lockHandoffAt = Date.now();
        return result;
      } catch (e) {
        if (!isBusy(e)) throw e;
        if (Date.now() - Math.max(started, lockHandoffAt) >= busyTimeoutMs && !takeLockFromStaleHolder(stream)) throw e;
      }
      // A waiter that was woken and still found the lock taken keeps its place at the front.
      await awaitLockTurn(waited);
      waited = true;
    }
  }

  async function runStatement(
    stream: Stream,
    sql: string,
    info: SqlStatementInfo,
    args: SqlValue[] | Record<string, SqlValue>,
    wantRows: boolean,
  ): Promise<StmtResult> {
    let rows: unknown[][] = [];
    let changes = 0;
    const takesLock = !info.isReadonly && stream.db?.inTransaction === false;
    const prepared = await waitOutBusy(stream, takesLock, (db) => {
      const p = prepare(stream, db, sql);
      if (p.reader) rows = p.stmt.all(args) as unknown[][];
      else changes = p.stmt.run(args).changes;
      return p;
    });
    noteLock(stream, !info.isReadonly && !DEFERRED_BEGIN.test(sql));
    // Read after running: a schema change re-prepares the statement and may change its columns.
    const cols = prepared.reader ? prepared.stmt.columns().map((c) => ({ name: c.name, decltype: c.type ?? null })) : [];
    let lastInsertRowid: string | null = null;
    if (info.kind === "other") {
      changes = 0; // sqlite3_changes() keeps the last write's count through other statements
    } else if (prepared.reader || info.kind === "insert") {
      // run() reports the rowid as a lossy double and all() reports no count: ask exactly.
      const db = stream.db as Db;
      stream.changes ??= db.prepare("SELECT changes(), last_insert_rowid()").safeIntegers(true).raw(true);
      const [count, rowid] = stream.changes.all([])[0] as [bigint, bigint];
      changes = Number(count);
      if (info.kind === "insert") lastInsertRowid = rowid.toString();
    }
    return {
      cols,
      rows: wantRows ? rows.map((row) => row.map(encodeValue)) : [],
      affected_row_count: changes,
      last_insert_rowid: lastInsertRowid,
    };
  }

  // sqld's parser runs before anything else; its refusals carry these codes.
  async function refuse(sql: string, mode: "statement" | "sequence"): Promise<void> {
    const reason = opts.refuseSql && (await opts.refuseSql(sql, mode));
    if (!reason) return;
    const code = reason.includes("more than one statement")
      ? "SQL_MANY_STATEMENTS"
      : reason.includes("does not contain any statement")
        ? "SQL_NO_STATEMENT"
        : "SQL_PARSE_ERROR";
    throw new StmtError(code, reason);
  }

  async function execute(stream: Stream, stmt: ProtoStmt, checked = false): Promise<StmtResult> {
    const sql = resolveSql(stream, stmt.sql, stmt.sqlId);
    if (!checked) await refuse(sql, "statement");
    const info = singleStatement(sql);
    return runStatement(stream, sql, info, bindings(stmt, info), stmt.wantRows);
  }

  async function batch(stream: Stream, steps: BatchStep[]) {
    // sqld parses every step before running any: one it refuses fails the whole request.
    for (const step of steps) await refuse(resolveSql(stream, step.stmt.sql, step.stmt.sqlId), "statement");
    // Per step: a result, an error, or neither (skipped); `ok` conditions see only successes.
    const succeeded: boolean[] = [];
    const stepResults: (StmtResult | null)[] = [];
    const stepErrors: (ProtoError | null)[] = [];
    for (const step of steps) {
      let result: StmtResult | null = null;
      let error: ProtoError | null = null;
      try {
        const db = stream.db;
        if (db === undefined) throw new StmtError("STREAM_CLOSED", "The stream is closed");
        if (step.condition === undefined || evalCond(step.condition, succeeded, !db.inTransaction)) {
          result = await execute(stream, step.stmt, true);
        }
      } catch (e) {
        error = toProtoError(e);
      }
      succeeded.push(result !== null);
      stepResults.push(result);
      stepErrors.push(error);
    }
    return { step_results: stepResults, step_errors: stepErrors };
  }

  async function sequence(stream: Stream, sql: string): Promise<void> {
    await refuse(sql, "sequence");
    // Statement by statement (not db.exec) so each one can wait out a lock on its own.
    for (const info of scanCached(sql)) await runStatement(stream, info.text, info, [], false);
  }

  function describe(stream: Stream, sql: string) {
    const info = singleStatement(sql);
    const db = stream.db;
    if (db === undefined) throw new StmtError("STREAM_CLOSED", "The stream is closed");
    const { stmt, reader } = prepare(stream, db, sql);
    return {
      params: info.params.map((name) => ({ name })),
      cols: reader ? stmt.columns().map((c) => ({ name: c.name, decltype: c.type ?? null })) : [],
      is_explain: info.isExplain,
      is_readonly: info.isReadonly,
    };
  }

  async function handleRequest(stream: Stream, request: StreamRequest): Promise<StreamResult> {
    try {
      if (request.type === "close") {
        closeDb(stream);
        return { type: "ok", response: { type: "close" } };
      }
      if (stream.db === undefined) throw new StmtError("STREAM_CLOSED", "The stream was closed by an earlier request");
      switch (request.type) {
        case "execute":
          return { type: "ok", response: { type: "execute", result: await execute(stream, request.stmt) } };
        case "batch":
          return { type: "ok", response: { type: "batch", result: await batch(stream, request.steps) } };
        case "sequence":
          await sequence(stream, resolveSql(stream, request.sql, request.sqlId));
          return { type: "ok", response: { type: "sequence" } };
        case "describe":
          return { type: "ok", response: { type: "describe", result: describe(stream, resolveSql(stream, request.sql, request.sqlId)) } };
        case "store_sql":
          if (stream.sqls.has(request.sqlId)) throw new StmtError("SQL_STORE_EXISTS", `sql_id ${request.sqlId} is already in use`);
          if (stream.sqls.size >= MAX_STORED_SQLS) {
            throw new StmtError("SQL_STORE_TOO_MANY", `The server already stores ${stream.sqls.size} SQL texts, it cannot store more`);
          }
          if (Buffer.byteLength(request.sql) > MAX_STORED_SQL_BYTES) {
            throw new StmtError("SQL_STORE_TOO_LARGE", `A stored SQL text may have at most ${MAX_STORED_SQL_BYTES} bytes`);
          }
          stream.sqls.set(request.sqlId, request.sql);
          return { type: "ok", response: { type: "store_sql" } };
        case "close_sql":
          stream.sqls.delete(request.sqlId);
          return { type: "ok", response: { type: "close_sql" } };
        case "get_autocommit":
          // A v3 request; harmless to answer on v2 too.
          return { type: "ok", response: { type: "get_autocommit", is_autocommit: !stream.db.inTransaction } };
      }
    } catch (e) {
      return { type: "error", error: toProtoError(e) };
    }
  }

  async function pipeline(body: unknown) {
    const { baton, requests } = parsePipeline(body);
    const stream = acquire(baton);
    const results: StreamResult[] = [];
    try {
      for (const request of requests) results.push(await handleRequest(stream, request));
    } catch (e) {
      closeStream(stream); // never hand out a stream in an unknown state
      throw e;
    } finally {
      if (stream.timeoutReported) stream.timedOut = stream.timeoutReported = false;
      noteLock(stream, false);
      lockMayBeFree();
    }
    return { baton: release(stream), base_url: null, results };
  }

  function authorized(req: IncomingMessage): boolean {
    if (tokenDigest === undefined) return true;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    if (match === null) return false;
    // Compare digests: equal length, and no timing hint about the token.
    return timingSafeEqual(createHash("sha256").update(match[1]).digest(), tokenDigest);
  }

  function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const tooLarge = new HttpError(413, "BODY_TOO_LARGE", `Request bodies are limited to ${maxBodyBytes} bytes`);
      // On overflow we answer at once but keep reading (and dropping) the rest, so the client
      // gets our 413 rather than a reset connection.
      if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) {
        req.resume();
        return reject(tooLarge);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        if (size > maxBodyBytes) return;
        size += chunk.length;
        if (size <= maxBodyBytes) return void chunks.push(chunk);
        chunks.length = 0;
        reject(tooLarge);
      });
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });
  }

  function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}) {
    // The client reads error bodies as JSON only if the content type is exactly application/json.
    res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body), ...headers });
    res.end(body);
  }

  const sendError = (res: ServerResponse, e: HttpError, headers: Record<string, string> = {}) =>
    send(res, e.status, "application/json", JSON.stringify({ message: e.message, code: e.code }), headers);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "") || "/";
    if (path !== "/v2/pipeline") {
      if (req.method !== "GET" && req.method !== "HEAD") {
        return sendError(res, new HttpError(404, "NOT_FOUND", `No ${req.method} ${path} here`));
      }
      // Version probes carry no credentials (the client sends none), so they are public.
      if (path === "/" || path === "/v2") return send(res, 200, "text/plain", HELLO);
      if (path === "/health") return send(res, 200, "text/plain", "OK\n");
      if (path === "/version") return send(res, 200, "text/plain", "runcamp libsql-http (Hrana v2 over HTTP, JSON)\n");
      // Includes /v3 and /v3-protobuf: a 404 there makes a v3-probing client fall back to v2.
      return sendError(res, new HttpError(404, "NOT_FOUND", `${path} is not served here; this server speaks Hrana v2 at /v2/pipeline`));
    }
    if (req.method !== "POST") {
      return sendError(res, new HttpError(405, "METHOD_NOT_ALLOWED", "Use POST for /v2/pipeline"), { allow: "POST" });
    }
    if (!authorized(req)) {
      req.resume();
      return sendError(res, new HttpError(401, "UNAUTHORIZED", "Missing or wrong token: send Authorization: Bearer <token>"), {
        "www-authenticate": "Bearer",
      });
    }
    let body: unknown;
    try {
      const raw = await readBody(req);
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        throw protocolError("The body is not valid JSON");
      }
    } catch (e) {
      if (e instanceof HttpError && e.status === 413) return sendError(res, e, { connection: "close" });
      throw e;
    }
    send(res, 200, "application/json", serialize(await pipeline(body)));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const error = e instanceof HttpError ? e : new HttpError(500, "INTERNAL_ERROR", e instanceof Error ? e.message : String(e));
      if (!res.headersSent) sendError(res, error);
      else res.destroy();
    });
  });
  // As on the Node host: a client reusing a connection the server is closing gets ECONNRESET.
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    anchor.close(); // e.g. the port is taken
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    async close() {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const stream of live) closeStream(stream);
      byBaton.clear();
      anchor.close();
      await stopped;
    },
  };
}

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
import { setTimeout as sleep } from "node:timers/promises";
import Database from "libsql";

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
}

export interface LibsqlHttpServer {
  /** `http://host:port`, ready for `createClient({ url })`. */
  url: string;
  close(): Promise<void>;
}

type Db = Database.Database;
type Statement = Database.Statement;
/** What libsql binds: Hrana integers as bigint, floats as number, blobs as Buffer. */
type SqlValue = null | bigint | number | string | Buffer;

const HELLO = "Hello, this is HTTP API v2 (Hrana over HTTP)\n";

// ---------------------------------------------------------------------------------------------
// Protocol types (requests after validation, responses as sent)

interface ProtoStmt {
  sql?: string;
  sqlId?: number;
  args: SqlValue[];
  namedArgs: [string, SqlValue][];
  wantRows: boolean;
}
type BatchCond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and" | "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };
interface BatchStep {
  condition?: BatchCond;
  stmt: ProtoStmt;
}
type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: ProtoStmt }
  | { type: "batch"; steps: BatchStep[] }
  | { type: "sequence" | "describe"; sql?: string; sqlId?: number }
  | { type: "store_sql"; sqlId: number; sql: string }
  | { type: "close_sql"; sqlId: number }
  | { type: "get_autocommit" };

type ProtoValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number | string }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };
interface ProtoError {
  message: string;
  code: string;
}
interface StmtResult {
  cols: { name: string; decltype: string | null }[];
  rows: ProtoValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}
type StreamResult = { type: "ok"; response: Record<string, unknown> & { type: string } } | { type: "error"; error: ProtoError };

/** Fails the whole HTTP request (malformed body, bad baton, auth); sent as JSON `{message, code}`,
 * which the client turns into a LibsqlError carrying `code`. */
class HttpError extends Error {
  status: number;
  code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
const protocolError = (message: string) => new HttpError(400, "PROTOCOL_ERROR", message);

/** Fails one request or batch step; reported in its result slot (sqld's codes). */
class StmtError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// Request validation: everything is checked before a stream is touched, so a malformed pipeline
// executes nothing.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function optString(obj: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw protocolError(`${where}.${key} must be a string`);
  return v;
}

function optSqlId(obj: Record<string, unknown>, where: string): number | undefined {
  const v = obj.sql_id;
  if (v === undefined || v === null) return undefined;
  if (!Number.isSafeInteger(v)) throw protocolError(`${where}.sql_id must be an integer`);
  return v as number;
}

function sqlOrId(obj: Record<string, unknown>, where: string): { sql?: string; sqlId?: number } {
  const sql = optString(obj, "sql", where);
  const sqlId = optSqlId(obj, where);
  if ((sql === undefined) === (sqlId === undefined)) throw protocolError(`${where} needs exactly one of sql and sql_id`);
  return { sql, sqlId };
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

function parseValue(v: unknown, where: string): SqlValue {
  if (!isObject(v)) throw protocolError(`${where} must be a value object`);
  switch (v.type) {
    case "null":
      return null;
    case "integer": {
      // Hrana sends integers as decimal strings so int64 survives JSON.
      const raw = v.value;
      const ok = (typeof raw === "string" && /^-?\d{1,19}$/.test(raw)) || Number.isSafeInteger(raw);
      const n = ok ? BigInt(raw as string | number) : undefined;
      if (n === undefined || n < I64_MIN || n > I64_MAX) throw protocolError(`${where} is not a 64-bit integer`);
      return n;
    }
    case "float":
      if (typeof v.value !== "number") throw protocolError(`${where}.value must be a number`);
      return v.value;
    case "text":
      if (typeof v.value !== "string") throw protocolError(`${where}.value must be a string`);
      return v.value;
    case "blob":
      if (typeof v.base64 !== "string") throw protocolError(`${where}.base64 must be a string`);
      return Buffer.from(v.base64, "base64");
    default:
      throw protocolError(`${where}.type must be null, integer, float, text or blob`);
  }
}

function parseStmt(v: unknown, where: string): ProtoStmt {
  if (!isObject(v)) throw protocolError(`${where} must be an object`);
  const args = v.args ?? [];
  const namedArgs = v.named_args ?? [];
  if (!Array.isArray(args)) throw protocolError(`${where}.args must be an array`);
  if (!Array.isArray(namedArgs)) throw protocolError(`${where}.named_args must be an array`);
  if (v.want_rows !== undefined && v.want_rows !== null && typeof v.want_rows !== "boolean") {
    throw protocolError(`${where}.want_rows must be a boolean`);
  }
  return {
    ...sqlOrId(v, where),
    args: args.map((a, i) => parseValue(a, `${where}.args[${i}]`)),
    namedArgs: namedArgs.map((a, i): [string, SqlValue] => {
      if (!isObject(a) || typeof a.name !== "string") throw protocolError(`${where}.named_args[${i}] needs a name`);
      return [a.name, parseValue(a.value, `${where}.named_args[${i}].value`)];
    }),
    wantRows: v.want_rows !== false,
  };
}

function parseCond(v: unknown, where: string): BatchCond {
  if (!isObject(v)) throw protocolError(`${where} must be an object`);
  switch (v.type) {
    case "ok":
    case "error":
      if (!Number.isSafeInteger(v.step) || (v.step as number) < 0) throw protocolError(`${where}.step must be a step index`);
      return { type: v.type, step: v.step as number };
    case "not":
      return { type: "not", cond: parseCond(v.cond, `${where}.cond`) };
    case "and":
    case "or":
      if (!Array.isArray(v.conds)) throw protocolError(`${where}.conds must be an array`);
      return { type: v.type, conds: v.conds.map((c, i) => parseCond(c, `${where}.conds[${i}]`)) };
    case "is_autocommit":
      return { type: "is_autocommit" };
    default:
      throw protocolError(`${where}.type must be ok, error, not, and, or or is_autocommit`);
  }
}

function parseRequest(v: unknown, where: string): StreamRequest {
  if (!isObject(v)) throw protocolError(`${where} must be an object`);
  switch (v.type) {
    case "close":
    case "get_autocommit":
      return { type: v.type };
    case "execute":
      return { type: "execute", stmt: parseStmt(v.stmt, `${where}.stmt`) };
    case "batch": {
      const batch = v.batch;
      if (!isObject(batch) || !Array.isArray(batch.steps)) throw protocolError(`${where}.batch.steps must be an array`);
      const steps = batch.steps.map((s, i): BatchStep => {
        const w = `${where}.batch.steps[${i}]`;
        if (!isObject(s)) throw protocolError(`${w} must be an object`);
        const condition = s.condition === undefined || s.condition === null ? undefined : parseCond(s.condition, `${w}.condition`);
        return { condition, stmt: parseStmt(s.stmt, `${w}.stmt`) };
      });
      return { type: "batch", steps };
    }
    case "sequence":
    case "describe":
      return { type: v.type, ...sqlOrId(v, where) };
    case "store_sql": {
      const sqlId = optSqlId(v, where);
      const sql = optString(v, "sql", where);
      if (sqlId === undefined || sql === undefined) throw protocolError(`${where} needs sql_id and sql`);
      return { type: "store_sql", sqlId, sql };
    }
    case "close_sql": {
      const sqlId = optSqlId(v, where);
      if (sqlId === undefined) throw protocolError(`${where} needs sql_id`);
      return { type: "close_sql", sqlId };
    }
    default:
      throw protocolError(`${where}.type ${JSON.stringify(v.type)} is not a Hrana v2 stream request`);
  }
}

function parsePipeline(body: unknown): { baton: string | undefined; requests: StreamRequest[] } {
  if (!isObject(body)) throw protocolError("The body must be a JSON object");
  const baton = optString(body, "baton", "body");
  if (!Array.isArray(body.requests)) throw protocolError("body.requests must be an array");
  return { baton, requests: body.requests.map((r, i) => parseRequest(r, `requests[${i}]`)) };
}

// ---------------------------------------------------------------------------------------------
// SQL scanning. The native binding cannot tell us how many statements a string holds, what a
// statement is, or the names of its parameters, and it needs all three to behave like sqld:
// `prepare()` silently ignores everything after the first statement; binding named arguments
// to a statement with an anonymous `?` aborts the whole process (a Rust panic); and the
// affected-row count depends on the statement being an INSERT/UPDATE/DELETE. So we tokenize
// like SQLite's own tokenizer (strings, quoted names, comments, `?NNN`/`:a`/`@a`/`$a`) and split
// statements like `sqlite3_complete()` (whose trigger rule keeps `CREATE TRIGGER ... END` whole).

interface SqlStatementInfo {
  /** The statement's text, without its terminating `;`. */
  text: string;
  /** INSERT/REPLACE, UPDATE/DELETE (also after WITH), or anything else. */
  kind: "insert" | "update-delete" | "other";
  isExplain: boolean;
  isReadonly: boolean;
  /** SQLite's parameter numbering: index i holds the name of parameter i+1, null if it has none. */
  params: (string | null)[];
}

interface Token {
  kind: "word" | "var" | "semi" | "open" | "close" | "other";
  start: number;
  end: number;
}

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdChar = (c: number) => isIdStart(c) || isDigit(c) || c === 36; /* $ */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const n = sql.length;
  let i = 0;
  const push = (kind: Token["kind"], start: number) => tokens.push({ kind, start, end: i });
  while (i < n) {
    const start = i;
    const c = sql.charCodeAt(i);
    const next = sql.charCodeAt(i + 1);
    if (isSpace(c)) {
      i++;
    } else if (c === 45 /* - */ && next === 45) {
      const eol = sql.indexOf("\n", i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === 47 /* / */ && next === 42 /* * */) {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === 39 || c === 34 || c === 96) {
      // '...' strings, "..." and `...` names; a doubled quote is an escaped quote.
      const q = sql[i];
      i++;
      for (;;) {
        const close = sql.indexOf(q, i);
        if (close < 0) {
          i = n;
          break;
        }
        i = close + 1;
        if (sql[i] !== q) break;
        i++;
      }
      push("other", start);
    } else if (c === 91 /* [ */) {
      const close = sql.indexOf("]", i + 1);
      i = close < 0 ? n : close + 1;
      push("other", start);
    } else if (c === 63 /* ? */) {
      i++;
      while (i < n && isDigit(sql.charCodeAt(i))) i++;
      push("var", start);
    } else if (c === 58 || c === 64 || c === 36) {
      // :name @name $name, with SQLite's TCL extras `$a::b` and `$a(x)`.
      let len = 0;
      i++;
      while (i < n) {
        const d = sql.charCodeAt(i);
        if (isIdChar(d)) {
          len++;
          i++;
        } else if (d === 40 /* ( */ && len > 0) {
          while (i < n && sql[i] !== ")" && !isSpace(sql.charCodeAt(i))) i++;
          if (sql[i] === ")") i++;
          break;
        } else if (d === 58 && sql.charCodeAt(i + 1) === 58) {
          i += 2;
        } else {
          break;
        }
      }
      push(len > 0 ? "var" : "other", start);
    } else if (isIdStart(c)) {
      while (i < n && isIdChar(sql.charCodeAt(i))) i++;
      push("word", start);
    } else if (isDigit(c) || (c === 46 && isDigit(next))) {
      while (i < n && (isIdChar(sql.charCodeAt(i)) || sql[i] === ".")) i++;
      push("other", start);
    } else {
      i++;
      push(c === 59 ? "semi" : c === 40 ? "open" : c === 41 ? "close" : "other", start);
    }
  }
  return tokens;
}

// sqlite3_complete()'s state machine; states: 0 start, 1 after `;`, 2 normal, 3 EXPLAIN,
// 4 CREATE, 5 inside a trigger, 6 `;` inside a trigger, 7 `; END` inside a trigger.
// Columns: SEMI, OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END.
const COMPLETE_STATES = [
  [1, 2, 3, 4, 2, 2, 2],
  [1, 2, 3, 4, 2, 2, 2],
  [1, 2, 2, 2, 2, 2, 2],
  [1, 3, 2, 4, 2, 2, 2],
  [1, 2, 2, 2, 4, 5, 2],
  [6, 5, 5, 5, 5, 5, 5],
  [6, 5, 5, 5, 5, 5, 7],
  [1, 5, 5, 5, 5, 5, 5],
];
const COMPLETE_KEYWORDS: Record<string, number> = { EXPLAIN: 2, CREATE: 3, TEMP: 4, TEMPORARY: 4, TRIGGER: 5, END: 6 };

/** Splits `sql` into its statements (empty ones dropped) and describes each. */
export function scanSql(sql: string): SqlStatementInfo[] {
  const statements: SqlStatementInfo[] = [];
  let current: Token[] = [];
  let state = 0;
  for (const token of tokenize(sql)) {
    const column = token.kind === "semi" ? 0 : token.kind === "word" ? (COMPLETE_KEYWORDS[sql.slice(token.start, token.end).toUpperCase()] ?? 1) : 1;
    state = COMPLETE_STATES[state][column];
    if (token.kind === "semi" && state === 1) {
      if (current.length > 0) statements.push(describeTokens(sql, current));
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) statements.push(describeTokens(sql, current));
  return statements;
}

const DML = new Set(["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"]);

function describeTokens(sql: string, tokens: Token[]): SqlStatementInfo {
  const word = (t: Token) => (t.kind === "word" ? sql.slice(t.start, t.end).toUpperCase() : "");
  const first = word(tokens[0]);
  let main = first;
  if (first === "WITH") {
    // Common table expressions are parenthesized, so the first DML keyword outside any
    // parentheses is the statement's own.
    let depth = 0;
    main = "";
    for (const t of tokens) {
      if (t.kind === "open") depth++;
      else if (t.kind === "close") depth--;
      else if (depth === 0 && DML.has(word(t))) {
        main = word(t);
        break;
      }
    }
  }
  // Numbering as sqlite3ExprAssignVarNumber: `?` takes the next index, `?NNN` that index (an
  // index keeps its first name), and a repeated name reuses its index.
  const params: (string | null)[] = [];
  const named = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== "var") continue;
    const name = sql.slice(t.start, t.end);
    if (name === "?") {
      params.push(null);
    } else if (name[0] === "?") {
      const index = Number(name.slice(1));
      if (!(index >= 1 && index <= 32766)) continue; // SQLite rejects it when preparing
      while (params.length < index) params.push(null);
      params[index - 1] ??= name;
    } else if (!named.has(name)) {
      params.push(name);
      named.add(name);
    }
  }
  return {
    text: sql.slice(tokens[0].start, tokens[tokens.length - 1].end),
    kind: main === "INSERT" || main === "REPLACE" ? "insert" : main === "UPDATE" || main === "DELETE" ? "update-delete" : "other",
    isExplain: first === "EXPLAIN",
    // Approximates sqlite3_stmt_readonly(), which the binding does not expose.
    isReadonly: first === "EXPLAIN" || main === "SELECT" || main === "VALUES",
    params,
  };
}

// Scanning is cheap but statements repeat a lot; remember recent ones (small texts only).
const scanCache = new Map<string, SqlStatementInfo[]>();
function scanCached(sql: string): SqlStatementInfo[] {
  let info = scanCache.get(sql);
  if (info === undefined) {
    info = scanSql(sql);
    if (sql.length <= 16_384) {
      if (scanCache.size >= 512) scanCache.delete(scanCache.keys().next().value as string);
      scanCache.set(sql, info);
    }
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Values and errors

// JSON has no Infinity, but JSON.parse reads 1e999 as Infinity, and SQLite can return ±Inf
// (NaN it stores as NULL). Floats that are infinite are written as these markers and swapped
// for 1e999 / -1e999 in the serialized text (random, so no stored text can pose as one).
const INFINITY_MARK = `inf-${randomBytes(16).toString("hex")}`;

function encodeValue(v: unknown): ProtoValue {
  if (v === null || v === undefined) return { type: "null" };
  if (typeof v === "bigint") return { type: "integer", value: v.toString() };
  if (typeof v === "number") {
    if (Number.isFinite(v)) return { type: "float", value: v };
    return { type: "float", value: v > 0 ? `${INFINITY_MARK}+` : `${INFINITY_MARK}-` };
  }
  if (typeof v === "string") return { type: "text", value: v };
  if (v instanceof Uint8Array) return { type: "blob", base64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
  if (v instanceof ArrayBuffer) return { type: "blob", base64: Buffer.from(v).toString("base64") };
  return { type: "text", value: String(v) };
}

function serialize(body: unknown): string {
  const json = JSON.stringify(body);
  if (!json.includes(INFINITY_MARK)) return json;
  return json.replaceAll(`"${INFINITY_MARK}+"`, "1e999").replaceAll(`"${INFINITY_MARK}-"`, "-1e999");
}

const SQLITE_CODES = [
  "SQLITE_OK",
  "SQLITE_ERROR",
  "SQLITE_INTERNAL",
  "SQLITE_PERM",
  "SQLITE_ABORT",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_NOMEM",
  "SQLITE_READONLY",
  "SQLITE_INTERRUPT",
  "SQLITE_IOERR",
  "SQLITE_CORRUPT",
  "SQLITE_NOTFOUND",
  "SQLITE_FULL",
  "SQLITE_CANTOPEN",
  "SQLITE_PROTOCOL",
  "SQLITE_EMPTY",
  "SQLITE_SCHEMA",
  "SQLITE_TOOBIG",
  "SQLITE_CONSTRAINT",
  "SQLITE_MISMATCH",
  "SQLITE_MISUSE",
  "SQLITE_NOLFS",
  "SQLITE_AUTH",
  "SQLITE_FORMAT",
  "SQLITE_RANGE",
  "SQLITE_NOTADB",
];

interface SqliteErrorLike {
  message: string;
  code?: unknown;
  rawCode?: unknown;
}

function toProtoError(e: unknown): ProtoError {
  if (e instanceof StmtError) return { message: e.message, code: e.code };
  const err = (e instanceof Error ? e : new Error(String(e))) as SqliteErrorLike;
  // Like sqld: the primary result code (SQLITE_CONSTRAINT, not SQLITE_CONSTRAINT_UNIQUE), which is
  // also what the embedded `file:` client reports as LibsqlError.code.
  if (typeof err.rawCode === "number") {
    return { message: `SQLite error: ${err.message}`, code: SQLITE_CODES[err.rawCode & 0xff] ?? "SQLITE_UNKNOWN" };
  }
  if (typeof err.code === "string" && err.code.startsWith("SQLITE_")) {
    return { message: `SQLite error: ${err.message}`, code: err.code.split("_", 2).join("_") };
  }
  return { message: err.message, code: "INTERNAL_ERROR" };
}

/** Plain SQLITE_BUSY and its variants are worth waiting out; SQLITE_BUSY_SNAPSHOT (517) is not:
 * the transaction read data that another writer has since changed. */
function isBusy(e: unknown): boolean {
  const raw = (e as SqliteErrorLike | null)?.rawCode;
  return typeof raw === "number" && (raw & 0xff) === 5 && raw !== 517;
}

// ---------------------------------------------------------------------------------------------
// Streams: one database connection each, so an interactive transaction opened by one client
// stream is isolated from every other stream.

interface Stream {
  db: Db | undefined; // undefined once closed
  sqls: Map<number, string>; // store_sql texts
  statements: Map<string, { stmt: Statement; reader: boolean }>; // prepared, most recent last
  changes: Statement | undefined;
  idleTimer: NodeJS.Timeout | undefined;
}

const MAX_STORED_SQLS = 50; // sqld's limits, so code tested here also runs against Turso
const MAX_STORED_SQL_BYTES = 5000;
const MAX_PREPARED = 64;

function openDb(file: string): Db {
  // Native busy timeout 0: the binding is synchronous, so a native wait would block the event
  // loop, including the request that would release the lock. We wait asynchronously instead.
  return new Database(file, { timeout: 0 });
}

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

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
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
    const now = Date.now();
    for (const [old, at] of expired) {
      if (now - at < 300_000) break; // insertion order = age order
      expired.delete(old);
    }
    expired.set(baton, now);
  }

  /** Runs `fn`, retrying while another connection holds the lock it needs, up to busyTimeoutMs. */
  async function waitOutBusy<T>(stream: Stream, fn: (db: Db) => T): Promise<T> {
    const deadline = Date.now() + busyTimeoutMs;
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      const db = stream.db;
      if (db === undefined || closing) throw new StmtError("STREAM_CLOSED", "The stream was closed while the statement waited for a lock");
      try {
        return fn(db);
      } catch (e) {
        if (!isBusy(e) || Date.now() + delay > deadline) throw e;
      }
      await sleep(delay);
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
    const prepared = await waitOutBusy(stream, (db) => {
      const p = prepare(stream, db, sql);
      if (p.reader) rows = p.stmt.all(args) as unknown[][];
      else changes = p.stmt.run(args).changes;
      return p;
    });
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

  async function execute(stream: Stream, stmt: ProtoStmt): Promise<StmtResult> {
    const sql = resolveSql(stream, stmt.sql, stmt.sqlId);
    const info = singleStatement(sql);
    return runStatement(stream, sql, info, bindings(stmt, info), stmt.wantRows);
  }

  async function batch(stream: Stream, steps: BatchStep[]) {
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
          result = await execute(stream, step.stmt);
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

// Hrana v2 over HTTP, the wire side: request parsing (pipeline, statements, batch conditions),
// value encoding and error mapping, as sqld answers them.
import { randomBytes } from "node:crypto";
import type Database from "libsql";

export type Db = Database.Database;
export type Statement = Database.Statement;
/** What libsql binds: Hrana integers as bigint, floats as number, blobs as Buffer. */
export type SqlValue = null | bigint | number | string | Buffer;

export const HELLO = "Hello, this is HTTP API v2 (Hrana over HTTP)\n";

// Protocol types (requests after validation, responses as sent)

export interface ProtoStmt {
  sql?: string;
  sqlId?: number;
  args: SqlValue[];
  namedArgs: [string, SqlValue][];
  wantRows: boolean;
}
export type BatchCond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and" | "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };
export interface BatchStep {
  condition?: BatchCond;
  stmt: ProtoStmt;
}
export type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: ProtoStmt }
  | { type: "batch"; steps: BatchStep[] }
  | { type: "sequence" | "describe"; sql?: string; sqlId?: number }
  | { type: "store_sql"; sqlId: number; sql: string }
  | { type: "close_sql"; sqlId: number }
  | { type: "get_autocommit" };

export type ProtoValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number | string }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };
export interface ProtoError {
  message: string;
  code: string;
}
export interface StmtResult {
  cols: { name: string; decltype: string | null }[];
  rows: ProtoValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}
export type StreamResult = { type: "ok"; response: Record<string, unknown> & { type: string } } | { type: "error"; error: ProtoError };

/** Fails the whole HTTP request (malformed body, bad baton, auth); sent as JSON `{message, code}`,
 * which the client turns into a LibsqlError carrying `code`. */
export class HttpError extends Error {
  status: number;
  code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
export const protocolError = (message: string) => new HttpError(400, "PROTOCOL_ERROR", message);

/** Fails one request or batch step; reported in its result slot (sqld's codes). */
export class StmtError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

// Request validation: everything is checked before a stream is touched, so a malformed pipeline
// executes nothing.

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function optString(obj: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw protocolError(`${where}.${key} must be a string`);
  return v;
}

export function optSqlId(obj: Record<string, unknown>, where: string): number | undefined {
  const v = obj.sql_id;
  if (v === undefined || v === null) return undefined;
  if (!Number.isSafeInteger(v)) throw protocolError(`${where}.sql_id must be an integer`);
  return v as number;
}

export function sqlOrId(obj: Record<string, unknown>, where: string): { sql?: string; sqlId?: number } {
  const sql = optString(obj, "sql", where);
  const sqlId = optSqlId(obj, where);
  if ((sql === undefined) === (sqlId === undefined)) throw protocolError(`${where} needs exactly one of sql and sql_id`);
  return { sql, sqlId };
}

export const I64_MIN = -(2n ** 63n);
export const I64_MAX = 2n ** 63n - 1n;

export function parseValue(v: unknown, where: string): SqlValue {
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

export function parseStmt(v: unknown, where: string): ProtoStmt {
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

export function parseCond(v: unknown, where: string): BatchCond {
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

export function parseRequest(v: unknown, where: string): StreamRequest {
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

export function parsePipeline(body: unknown): { baton: string | undefined; requests: StreamRequest[] } {
  if (!isObject(body)) throw protocolError("The body must be a JSON object");
  const baton = optString(body, "baton", "body");
  if (!Array.isArray(body.requests)) throw protocolError("body.requests must be an array");
  return { baton, requests: body.requests.map((r, i) => parseRequest(r, `requests[${i}]`)) };
}

// Values and errors

// JSON has no Infinity, but JSON.parse reads 1e999 as Infinity, and SQLite can return ±Inf
// (NaN it stores as NULL). Floats that are infinite are written as these markers and swapped
// for 1e999 / -1e999 in the serialized text (random, so no stored text can pose as one).
export const INFINITY_MARK = `inf-${randomBytes(16).toString("hex")}`;

export function encodeValue(v: unknown): ProtoValue {
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

export function serialize(body: unknown): string {
  const json = JSON.stringify(body);
  if (!json.includes(INFINITY_MARK)) return json;
  return json.replaceAll(`"${INFINITY_MARK}+"`, "1e999").replaceAll(`"${INFINITY_MARK}-"`, "-1e999");
}

export const SQLITE_CODES = [
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

export interface SqliteErrorLike {
  message: string;
  code?: unknown;
  rawCode?: unknown;
}

export function toProtoError(e: unknown): ProtoError {
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
export function isBusy(e: unknown): boolean {
  const raw = (e as SqliteErrorLike | null)?.rawCode;
  return typeof raw === "number" && (raw & 0xff) === 5 && raw !== 517;
}

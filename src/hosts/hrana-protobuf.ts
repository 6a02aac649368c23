// Single statements to a libSQL server in Hrana 3's protobuf encoding, where the server offers it.
// @libsql/client speaks Hrana 2 over HTTP, JSON only: a BLOB crosses as base64 inside JSON,
// which both ends encode and parse. A 5 MiB artifact read from a sqld on the same machine took
// ~150 ms that way against ~20 ms in protobuf (bench/RESULTS.md, "remote reads"). The protocol
// library the client is built on (@libsql/hrana-client) speaks Hrana 3 in protobuf; the client
// just never asks it to. So `client.execute` (every read, and every single-statement write) goes
// through that library's own HTTP client in protobuf, and so does `client.transaction` (the
// client's own transaction class, over a protobuf stream: the group writer's transactions for a
// remote server carry every block an ingest writes). Batches stay with @libsql/client: its
// one-request BEGIN … COMMIT is not exported.
//
// sqld serves /v3-protobuf; hosted Turso answers it 404 (tursodatabase/libsql#2018), so the
// server is asked first and the client is left as it is where the route is missing.
//
// Results are shaped as the client shapes them (rows with named and indexed values and a
// length, BLOBs as ArrayBuffers, integers as numbers), and errors are the client's
// LibsqlError with the same codes, so no caller can tell the paths apart.
import { type Client, type InStatement, LibsqlError, type ResultSet, type TransactionMode } from "@libsql/client";
import { HttpTransaction } from "@libsql/client/http";
import * as hrana from "@libsql/hrana-client";

/** The Hrana-over-HTTP base of a libSQL server URL (libsql: and ws: URLs name the same server). */
export function httpBase(url: string): URL {
  const base = new URL(url);
  const tls = base.searchParams.get("tls") !== "0";
  base.protocol =
    base.protocol === "libsql:" ? (tls ? "https:" : "http:") : base.protocol === "wss:" ? "https:" : base.protocol === "ws:" ? "http:" : base.protocol;
  base.search = "";
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  return base;
}

function toHrana(stmt: InStatement): hrana.Stmt {
  const { sql, args } = typeof stmt === "string" ? { sql: stmt, args: undefined } : stmt;
  const out = new hrana.Stmt(sql);
  if (Array.isArray(args)) out.bindIndexes(args as hrana.InValue[]);
  else if (args) for (const [name, value] of Object.entries(args)) out.bindName(name, value as hrana.InValue);
  return out;
}

function toResultSet(result: hrana.RowsResult): ResultSet {
  const columns = result.columnNames.map((c) => c ?? "");
  const columnTypes = result.columnDecltypes.map((c) => c ?? "");
  const rows = result.rows as unknown as ResultSet["rows"];
  const rowsAffected = result.affectedRowCount;
  const lastInsertRowid = result.lastInsertRowid;
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows, rowsAffected, lastInsertRowid: lastInsertRowid?.toString() ?? null }),
  };
}

/** The client's code for a protocol library error (as @libsql/client maps them). */
function codeOf(e: unknown): string {
  if (e instanceof hrana.ResponseError && e.code !== undefined) return e.code;
  if (e instanceof hrana.ClosedError) return e.cause instanceof hrana.ClientError ? codeOf(e.cause) : "HRANA_CLOSED_ERROR";
  if (e instanceof hrana.ProtoError) return "HRANA_PROTO_ERROR";
  if (e instanceof hrana.HttpServerError) return "SERVER_ERROR";
  if (e instanceof hrana.ProtocolVersionError) return "PROTOCOL_VERSION_ERROR";
  if (e instanceof hrana.InternalError) return "INTERNAL_ERROR";
  return "UNKNOWN";
}

const asLibsqlError = (e: unknown) => (e instanceof hrana.ClientError ? new LibsqlError(e.message, codeOf(e), undefined, undefined, e) : e);

/**
 * `client` with its single statements sent in protobuf when the server at `url` offers Hrana 3
 * in protobuf; `client` itself otherwise.
 */
export async function withProtobufStatements(
  client: Client,
  url: string,
  authToken?: string,
  fetchImpl: (request: Request) => Promise<Response> = (request) => fetch(request),
): Promise<Client> {
  if (!/^(https?|libsql):/.test(url)) return client; // ws: and wss: stay on the client's WebSocket
  const base = httpBase(url);
  const headers = authToken ? { authorization: `Bearer ${authToken}` } : undefined;
  const probe = await fetchImpl(new Request(new URL("v3-protobuf", base), { headers })).catch(() => null);
  await probe?.arrayBuffer().catch(() => undefined);
  if (!probe?.ok) return client;
  const protobuf = hrana.openHttp(base, authToken, fetchImpl, undefined, 3);
  // It asks the server again which encoding to speak: settled here, not by a later statement.
  if ((await protobuf.getVersion()) < 3) {
    protobuf.close();
    return client;
  }

  const execute = async (stmt: InStatement): Promise<ResultSet> => {
    // Opening, running and closing go out as one HTTP request, as in the client.
    const stream = protobuf.openStream();
    let rows: Promise<hrana.RowsResult>;
    try {
      rows = stream.query(toHrana(stmt));
    } finally {
      stream.closeGracefully();
    }
    try {
      return toResultSet(await rows);
    } catch (e) {
      throw asLibsqlError(e);
    }
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "execute") return execute;
      // Version 2's rules, as the client's own transactions follow (it speaks Hrana 2): under 3 the
      // class reads batch results through a cursor, whose protobuf entries this library cannot
      // parse from sqld 0.24.33 ("unrecognized CursorEntry").
      if (prop === "transaction") return async (mode: TransactionMode = "write") => new HttpTransaction(protobuf.openStream(), mode, 2);
      if (prop === "close")
        return () => {
          protobuf.close();
          target.close();
        };
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

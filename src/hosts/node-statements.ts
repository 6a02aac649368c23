// The Node host's single statements on an embedded file (`client.execute`), through prepared
// statements kept by SQL text. @libsql/client prepares every statement anew, asks the
// statement for its columns twice and defines each value of each row as a property: profiled
// under 64 clients, that was half of a GET of a run and a fifth of a refused ingest. The app
// sends a few dozen distinct statements, so each is prepared once, with its columns, and a
// row is an object of the column names over a prototype that answers indices.
//
// Same results as the client's: rows with named (enumerable) and indexed (not enumerable)
// values and a length; BLOBs as ArrayBuffers; rowsAffected and lastInsertRowid for statements
// that return nothing. Integers come as numbers (the client's default "number" mode); the app
// stores none past 2^53. A statement that fails is run again through the client, so its
// error is the client's LibsqlError exactly (a failed statement changed nothing).
import type { Client, InArgs, InStatement, ResultSet } from "@libsql/client";
import Database from "libsql";

type Row = Record<string, unknown>;

interface Prepared {
  statement: Database.Statement;
  reader: boolean;
  columns: string[];
  columnTypes: string[];
  /** Builds a row from the values the statement returned, or null where names repeat. */
  prototype: object | null;
}

/** Distinct statements kept at once; past it the oldest is prepared again when next used. */
const MAX_PREPARED = 500;

function toSql(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return value;
}

const fromSql = (value: unknown) => (value instanceof Buffer ? value.buffer : value);

// The driver takes one array (positional) or one object (named) alike.
function argsOf(args: InArgs | undefined): unknown[] | Record<string, unknown> {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) named[/^[@$:]/.test(name) ? name.slice(1) : name] = toSql(value);
  return named;
}

/** A prototype whose indices read the row's named values: the driver's row shape, cheaply. */
function rowPrototype(columns: string[]): object | null {
  if (new Set(columns).size !== columns.length) return null;
  const proto = {};
  columns.forEach((name, i) => {
    Object.defineProperty(proto, i, {
      get(this: Row) {
        return this[name];
      },
    });
  });
  Object.defineProperty(proto, "length", { value: columns.length });
  return proto;
}

function rowOf(prepared: Prepared, values: unknown[]): Row {
  const { columns, prototype } = prepared;
  if (prototype) {
    const row = Object.create(prototype) as Row;
    for (let i = 0; i < columns.length; i++) row[columns[i]] = fromSql(values[i]);
    return row;
  }
  // Repeated names (SELECT a.id, b.id): the first keeps the name, every value its index.
  const row: Row = {};
  Object.defineProperty(row, "length", { value: values.length });
  values.forEach((raw, i) => {
    const value = fromSql(raw);
    Object.defineProperty(row, i, { value });
    if (!Object.hasOwn(row, columns[i])) row[columns[i]] = value;
  });
  return row;
}

/** `client` with execute() on prepared statements of a connection of its own to `file`. */
export function withPreparedStatements(client: Client, file: string, timeoutMs: number): Client {
  const db = new Database(file, { timeout: timeoutMs });
  const cache = new Map<string, Prepared>();

  function prepare(sql: string): Prepared {
    let prepared = cache.get(sql);
    if (prepared) {
      // Most recently used last: the map's first entry is the one to drop.
      cache.delete(sql);
      cache.set(sql, prepared);
      return prepared;
    }
    const statement = db.prepare(sql);
    const reader = statement.reader;
    let columns: string[] = [];
    let columnTypes: string[] = [];
    if (reader) {
      statement.raw(true);
      const described = statement.columns() as { name: string; type: string | null }[];
      columns = described.map((c) => c.name);
      columnTypes = described.map((c) => c.type ?? "");
    }
    prepared = { statement, reader, columns, columnTypes, prototype: reader ? rowPrototype(columns) : null };
    if (cache.size >= MAX_PREPARED) cache.delete(cache.keys().next().value as string);
    cache.set(sql, prepared);
    return prepared;
  }

  function run(stmt: InStatement): ResultSet {
    const sql = typeof stmt === "string" ? stmt : stmt.sql;
    const args = argsOf(typeof stmt === "string" ? undefined : stmt.args);
    const prepared = prepare(sql);
    if (prepared.reader) {
      const rows = (prepared.statement.all(args as unknown[]) as unknown[][]).map((values) => rowOf(prepared, values));
      const { columns, columnTypes } = prepared;
      return {
        columns,
        columnTypes,
        rows: rows as unknown as ResultSet["rows"],
        rowsAffected: 0,
        lastInsertRowid: undefined,
        toJSON: () => ({ columns, columnTypes, rows, rowsAffected: 0 }),
      };
    }
    const info = prepared.statement.run(args as unknown[]) as { changes: number; lastInsertRowid: number | bigint };
    const lastInsertRowid = BigInt(info.lastInsertRowid);
    return { columns: [], columnTypes: [], rows: [], rowsAffected: info.changes, lastInsertRowid, toJSON: () => ({ rowsAffected: info.changes }) };
  }

  const execute = async (stmt: InStatement): Promise<ResultSet> => {
    try {
      return run(stmt);
    } catch {
      return client.execute(stmt);
    }
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "execute") return execute;
      if (prop === "close")
        return () => {
          db.close();
          target.close();
        };
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

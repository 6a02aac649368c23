// Conformance of the local libSQL HTTP endpoint (tools/libsql-http/server.ts): driven by the real
// `@libsql/client/web`, the client the Worker uses, plus raw Hrana v2 requests for the protocol
// details the client does not expose.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type Client, createClient, LibsqlBatchError } from "@libsql/client/web";
import { openHttp } from "@libsql/hrana-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "../tools/libsql-http/server.ts";
import { scanSql } from "../tools/libsql-http/sql-scan.ts";
import { startSqldGuard } from "../tools/sqld-parse/guard.ts";
import { rejection } from "./support/libsql-rejection.ts";

const dir = mkdtempSync(join(tmpdir(), "runcamp-libsql-http-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCounter = 0;
const freshFile = () => join(dir, `db-${++fileCounter}.db`);

/** Posts a raw Hrana v2 pipeline. */
async function pipeline(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/v2/pipeline`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get("content-type"), body: text ? JSON.parse(text) : undefined };
}

const bytes = (v: unknown) => new Uint8Array(v as ArrayBuffer);

describe("libSQL HTTP endpoint with @libsql/client/web", () => {
  let server: LibsqlHttpServer;
  let client: Client; // intMode "number", the default
  let big: Client; // intMode "bigint"
  let str: Client; // intMode "string"

  beforeAll(async () => {
    server = await startLibsqlHttpServer({ file: freshFile() });
    client = createClient({ url: server.url });
    big = createClient({ url: server.url, intMode: "bigint" });
    str = createClient({ url: server.url, intMode: "string" });
  });
  afterAll(async () => {
    for (const c of [client, big, str]) c.close();
    await server.close();
  });

  test("answers version probes: v2 is served, v3 and v3-protobuf are 404 so clients fall back", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const v2 = await fetch(`${server.url}/v2`);
    expect(v2.status).toBe(200);
    expect(await v2.text()).toContain("HTTP API v2");
    for (const path of ["/v3", "/v3-protobuf", "/v3-protobuf/pipeline", "/v3/cursor"]) {
      const res = await fetch(server.url + path, { method: path.includes("/", 1) ? "POST" : "GET" });
      await res.arrayBuffer();
      expect(res.status, path).toBe(404);
    }
    // A Hrana client that probes for v3 (as @libsql/client can be told to) settles on v2.
    const hrana = openHttp(server.url, undefined, undefined, undefined, 3);
    expect(await hrana.getVersion()).toBe(2);
    hrana.close();
    expect((await client.execute("PRAGMA journal_mode")).rows[0][0]).toBe("wal");
  });

  test("round-trips every value type, int64 exactly with intMode bigint and string", async () => {
    await client.execute("CREATE TABLE vals(id INTEGER PRIMARY KEY, v)");
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    const values: unknown[] = [
      null,
      0n,
      -1n,
      2n ** 53n + 1n, // first integer a double cannot hold
      2n ** 63n - 1n,
      -(2n ** 63n),
      0.1,
      -1.5e300,
      1, // a JS number is sent as a float and stays REAL
      "",
      "héllo wörld 🎉 日本語 'quoted' \"double\" \\ back",
      new Uint8Array(0),
      binary,
    ];
    await big.batch(
      values.map((v) => ({ sql: "INSERT INTO vals(v) VALUES (?)", args: [v as null] })),
      "write",
    );
    const rs = await big.execute("SELECT v, typeof(v) AS t FROM vals ORDER BY id");
    expect(rs.rows.map((r) => r.t)).toEqual([
      "null",
      "integer",
      "integer",
      "integer",
      "integer",
      "integer",
      "real",
      "real",
      "real",
      "text",
      "text",
      "blob",
      "blob",
    ]);
    const got = rs.rows.map((r) => r.v);
    expect(got.slice(0, 11)).toEqual(values.slice(0, 11));
    expect(bytes(got[11])).toEqual(new Uint8Array(0));
    expect(bytes(got[12])).toEqual(binary);

    const asStrings = await str.execute("SELECT v FROM vals WHERE typeof(v) = 'integer' ORDER BY id");
    expect(asStrings.rows.map((r) => r.v)).toEqual(["0", "-1", "9007199254740993", "9223372036854775807", "-9223372036854775808"]);
    // intMode "number" refuses what it cannot represent rather than rounding it.
    await expect(client.execute("SELECT v FROM vals WHERE v = 9223372036854775807")).rejects.toThrow(RangeError);

    // Text and blob arguments in a WHERE clause match exactly.
    const found = await big.execute({ sql: "SELECT count(*) FROM vals WHERE v = ? OR v = ?", args: [values[10] as string, binary] });
    expect(found.rows[0][0]).toBe(2n);
    // SQLite's infinities survive JSON (as 1e999).
    expect((await client.execute("SELECT 1e999, -1e999")).rows[0]).toMatchObject({ 0: Infinity, 1: -Infinity });
  });

  test("binds positional, numbered and named arguments", async () => {
    expect(Array.from((await big.execute({ sql: "SELECT ?, ?", args: [7n, "a"] })).rows[0])).toEqual([7n, "a"]);
    expect(Array.from((await big.execute({ sql: "SELECT ?2, ?1", args: ["one", "two"] })).rows[0])).toEqual(["two", "one"]);
    const named = await big.execute({ sql: "SELECT :a, @b, $c, :a", args: { a: 1n, b: "x", c: null } });
    expect(Array.from(named.rows[0])).toEqual([1n, "x", null, 1n]);
    const prefixed = await big.execute({ sql: "SELECT :a, @b, $c", args: { ":a": 5n, "@b": "y", $c: 2.5 } });
    expect(Array.from(prefixed.rows[0])).toEqual([5n, "y", 2.5]);
    // A `?` inside a string or comment is not a parameter.
    const quoted = await big.execute({ sql: "SELECT '?', :n /* ? */ -- ?", args: { n: 3n } });
    expect(Array.from(quoted.rows[0])).toEqual(["?", 3n]);

    await client.execute("CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)");
    await client.execute({ sql: "INSERT INTO people(name, age) VALUES (:name, :age)", args: { name: "Ada", age: 36 } });
    await client.execute({ sql: "INSERT INTO people(name, age) VALUES (?, ?)", args: ["Alan", 41] });
    const people = await client.execute({ sql: "SELECT name, age FROM people WHERE age > ? ORDER BY age", args: [30] });
    expect(people.rows.map((r) => [r.name, r.age])).toEqual([
      ["Ada", 36],
      ["Alan", 41],
    ]);

    // Named arguments cannot reach a nameless `?`: a clear error (the native binding would crash).
    const mixed = await rejection(client.execute({ sql: "SELECT ?, :a", args: { a: 1 } }));
    expect(mixed.code).toBe("ARGS_INVALID");
    expect((await client.execute("SELECT 1")).rows[0][0]).toBe(1);
  });

  test("batch(..., 'write') is atomic: a failing statement rolls the whole batch back", async () => {
    await client.execute("CREATE TABLE uniq(x INTEGER UNIQUE)");
    const failed = await rejection(
      client.batch(["INSERT INTO uniq VALUES (1)", "INSERT INTO uniq VALUES (2)", "INSERT INTO uniq VALUES (1)", "INSERT INTO uniq VALUES (3)"], "write"),
    );
    expect(failed).toBeInstanceOf(LibsqlBatchError);
    expect((failed as LibsqlBatchError).statementIndex).toBe(2);
    expect(failed.code).toBe("SQLITE_CONSTRAINT");
    expect((await client.execute("SELECT count(*) FROM uniq")).rows[0][0]).toBe(0);

    const ok = await client.batch(
      [
        "INSERT INTO uniq VALUES (1)",
        { sql: "INSERT INTO uniq VALUES (?), (?)", args: [2, 3] },
        "UPDATE uniq SET x = x * 10 WHERE x > 1",
        "SELECT x FROM uniq ORDER BY x",
      ],
      "write",
    );
    expect(ok.map((r) => r.rowsAffected)).toEqual([1, 2, 2, 0]);
    expect(ok[0].lastInsertRowid).toBe(1n);
    expect(ok[1].lastInsertRowid).toBe(3n);
    expect(ok[3].rows.map((r) => r.x)).toEqual([1, 20, 30]);
    // A batch without a failing step, in the default (deferred) mode, also lands.
    await client.batch(["INSERT INTO uniq VALUES (4)"]);
    expect((await client.execute("SELECT count(*) FROM uniq")).rows[0][0]).toBe(4);
  });

  test("migrate(), which drizzle's migrator uses, runs its batch with foreign keys off, then back on", async () => {
    const results = await client.migrate([
      "CREATE TABLE parent(id INTEGER PRIMARY KEY)",
      "CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))",
      "INSERT INTO parent VALUES (1)",
      "INSERT INTO child VALUES (1, 1)",
    ]);
    expect(results).toHaveLength(4);
    expect((await client.execute("PRAGMA foreign_keys")).rows[0][0]).toBe(1);
    expect((await rejection(client.execute("INSERT INTO child VALUES (2, 99)"))).code).toBe("SQLITE_CONSTRAINT");
  });

  test("transaction('write') is isolated from a concurrent reader until commit", async () => {
    await client.execute("CREATE TABLE acct(id INTEGER PRIMARY KEY, balance INTEGER)");
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO acct(balance) VALUES (100)");
    await tx.batch(["INSERT INTO acct(balance) VALUES (50)", "UPDATE acct SET balance = balance - 10"]);
    expect((await tx.execute("SELECT sum(balance) FROM acct")).rows[0][0]).toBe(130);
    // Another stream, another connection: it sees the committed state only.
    expect((await client.execute("SELECT count(*) FROM acct")).rows[0][0]).toBe(0);
    await tx.commit();
    expect(tx.closed).toBe(true);
    expect((await client.execute("SELECT sum(balance) FROM acct")).rows[0][0]).toBe(130);
  });

  test("transaction rollback discards its writes; a failed statement does not end the transaction", async () => {
    await client.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO notes(body) VALUES ('draft')");
    const err = await rejection(tx.execute("INSERT INTO notes(body) VALUES (NULL)"));
    expect(err.code).toBe("SQLITE_CONSTRAINT");
    expect((await tx.execute("SELECT count(*) FROM notes")).rows[0][0]).toBe(1);
    await tx.rollback();
    expect((await client.execute("SELECT count(*) FROM notes")).rows[0][0]).toBe(0);
  });

  test("two write transactions: the second waits for the first's lock instead of failing", async () => {
    await client.execute("CREATE TABLE queue(who TEXT)");
    const first = await client.transaction("write");
    await first.execute("INSERT INTO queue VALUES ('first')");
    const second = await client.transaction("write");
    let secondDone = false;
    const secondInsert = second.execute("INSERT INTO queue VALUES ('second')").then((r) => {
      secondDone = true;
      return r;
    });
    await sleep(200);
    expect(secondDone).toBe(false); // BEGIN IMMEDIATE is waiting for the write lock
    // Meanwhile other requests are served: the wait does not block the server.
    expect((await client.execute("SELECT count(*) FROM queue")).rows[0][0]).toBe(0);
    await first.commit();
    await secondInsert;
    expect((await second.execute("SELECT who FROM queue ORDER BY rowid")).rows.map((r) => r.who)).toEqual(["first", "second"]);
    await second.commit();
    expect((await client.execute("SELECT count(*) FROM queue")).rows[0][0]).toBe(2);
  });

  test("a read transaction keeps its snapshot while others write", async () => {
    await client.execute("CREATE TABLE snap(x)");
    await client.execute("INSERT INTO snap VALUES (1)");
    const reader = await client.transaction("read");
    expect((await reader.execute("SELECT count(*) FROM snap")).rows[0][0]).toBe(1);
    await client.execute("INSERT INTO snap VALUES (2)");
    expect((await reader.execute("SELECT count(*) FROM snap")).rows[0][0]).toBe(1);
    await reader.commit();
    expect((await client.execute("SELECT count(*) FROM snap")).rows[0][0]).toBe(2);
  });

  test("executeMultiple runs each statement, keeps trigger bodies whole, and stops at an error", async () => {
    await client.executeMultiple(`
      CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT);
      CREATE TABLE log(msg TEXT);
      CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
        INSERT INTO log VALUES ('added ' || new.name);
        INSERT INTO log VALUES (CASE WHEN new.id > 1 THEN 'more' ELSE 'first' END);
      END;
      INSERT INTO items(name) VALUES ('a; not a separator'); -- a comment; with a semicolon
      /* ; */ INSERT INTO items(name) VALUES ('b')
    `);
    expect((await client.execute("SELECT count(*) FROM items")).rows[0][0]).toBe(2);
    expect((await client.execute("SELECT msg FROM log ORDER BY rowid")).rows.map((r) => r.msg)).toEqual([
      "added a; not a separator",
      "first",
      "added b",
      "more",
    ]);
    const err = await rejection(client.executeMultiple("INSERT INTO items(name) VALUES ('c'); SELEC oops; INSERT INTO items(name) VALUES ('d');"));
    expect(err.code).toBe("SQLITE_ERROR");
    expect((await client.execute("SELECT group_concat(name) FROM items")).rows[0][0]).toBe("a; not a separator,b,c");
  });

  test("errors surface as LibsqlError with SQLite codes, and the client keeps working", async () => {
    const syntax = await rejection(client.execute("SELEC 1"));
    expect(syntax.code).toBe("SQLITE_ERROR");
    expect(syntax.message).toContain("syntax error");
    const missing = await rejection(client.execute("SELECT * FROM no_such_table"));
    expect(missing.message).toContain("no such table: no_such_table");
    await client.execute("CREATE TABLE strict_t(id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
    await client.execute("INSERT INTO strict_t(v) VALUES ('x')");
    const unique = await rejection(client.execute("INSERT INTO strict_t(v) VALUES ('x')"));
    expect(unique.code).toBe("SQLITE_CONSTRAINT");
    expect(unique.message).toContain("UNIQUE constraint failed: strict_t.v");
    expect((await rejection(client.execute("INSERT INTO strict_t(v) VALUES (NULL)"))).code).toBe("SQLITE_CONSTRAINT");
    // Like sqld: one statement per execute, and at least one.
    expect((await rejection(client.execute("SELECT 1; SELECT 2"))).code).toBe("SQL_MANY_STATEMENTS");
    expect((await rejection(client.execute(" -- nothing"))).code).toBe("SQL_NO_STATEMENT");
    expect((await client.execute("SELECT count(*) FROM strict_t")).rows[0][0]).toBe(1);
  });

  test("rowsAffected and lastInsertRowid match sqld's rules", async () => {
    await client.execute("CREATE TABLE ids(id INTEGER PRIMARY KEY, v INTEGER)");
    const one = await big.execute("INSERT INTO ids(v) VALUES (1)");
    expect([one.rowsAffected, one.lastInsertRowid]).toEqual([1, 1n]);
    const huge = await big.execute({ sql: "INSERT INTO ids(id, v) VALUES (?, 2)", args: [2n ** 62n + 1n] });
    expect(huge.lastInsertRowid).toBe(2n ** 62n + 1n); // exact, not rounded through a double
    const three = await big.execute("INSERT INTO ids(v) VALUES (3), (4), (5)");
    expect(three.rowsAffected).toBe(3);
    const update = await big.execute("UPDATE ids SET v = v + 1 WHERE v >= 3");
    expect([update.rowsAffected, update.lastInsertRowid]).toEqual([3, undefined]);
    const select = await big.execute("SELECT * FROM ids");
    expect([select.rowsAffected, select.lastInsertRowid]).toEqual([0, undefined]);
    const returning = await big.execute("INSERT INTO ids(v) VALUES (9) RETURNING id, v");
    expect(returning.rowsAffected).toBe(1);
    expect(returning.lastInsertRowid).toBe(returning.rows[0].id);
    expect(returning.rows[0].v).toBe(9n);
    const del = await big.execute("DELETE FROM ids WHERE v > 4");
    expect(del.rowsAffected).toBe(3);
    const ddl = await big.execute("CREATE INDEX ids_v ON ids(v)");
    expect(ddl.rowsAffected).toBe(0);
    expect(ddl.columns).toEqual([]);
  });

  test("reports column names and declared types", async () => {
    await client.execute("CREATE TABLE typed(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB, loose, at DATETIME)");
    await client.execute("INSERT INTO typed(name, score) VALUES ('n', 1.5)");
    const rs = await client.execute("SELECT id, name AS label, score, data, loose, at, score * 2 AS doubled FROM typed");
    expect(rs.columns).toEqual(["id", "label", "score", "data", "loose", "at", "doubled"]);
    expect(rs.columnTypes).toEqual(["INTEGER", "TEXT", "REAL", "BLOB", "", "DATETIME", ""]);
    expect(rs.rows[0].label).toBe("n");
    expect(rs.rows[0].doubled).toBe(3);
    const empty = await client.execute("SELECT id, name FROM typed WHERE 0");
    expect(empty.columns).toEqual(["id", "name"]);
    expect(empty.rows).toEqual([]);
  });

  test("many clients at once: parallel executes and write batches all land", async () => {
    await client.execute("CREATE TABLE hits(n INTEGER)");
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => client.execute({ sql: "INSERT INTO hits VALUES (?)", args: [i] })),
      ...Array.from({ length: 10 }, (_, i) =>
        client.batch(
          [
            { sql: "INSERT INTO hits VALUES (?)", args: [100 + i] },
            { sql: "INSERT INTO hits VALUES (?)", args: [200 + i] },
          ],
          "write",
        ),
      ),
    ]);
    expect((await client.execute("SELECT count(*) FROM hits")).rows[0][0]).toBe(60);
  });

  test("a multi-megabyte blob round-trips", async () => {
    const blob = Uint8Array.from({ length: 8 * 1024 * 1024 }, (_, i) => (i * 7) & 0xff);
    await client.execute("CREATE TABLE files(data BLOB)");
    await client.execute({ sql: "INSERT INTO files VALUES (?)", args: [blob] });
    const rs = await client.execute("SELECT data, length(data) AS n FROM files");
    expect(rs.rows[0].n).toBe(blob.length);
    expect(Buffer.from(bytes(rs.rows[0].data)).equals(Buffer.from(blob))).toBe(true);
  });
});

describe("Hrana v2 protocol details (raw requests)", () => {
  let server: LibsqlHttpServer;
  beforeAll(async () => {
    server = await startLibsqlHttpServer({ file: freshFile() });
  });
  afterAll(() => server.close());

  test("encodes values, stores SQL by id, rotates batons and closes streams", async () => {
    const first = await pipeline(server.url, {
      requests: [
        { type: "execute", stmt: { sql: "CREATE TABLE t(i INTEGER, f REAL, s TEXT, b BLOB, n)" } },
        { type: "store_sql", sql_id: 1, sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)" },
        {
          type: "execute",
          stmt: {
            sql_id: 1,
            args: [
              { type: "integer", value: "-9223372036854775808" },
              { type: "float", value: 1.5 },
              { type: "text", value: "ü" },
              { type: "blob", base64: Buffer.from([0, 1, 255]).toString("base64") },
              { type: "null" },
            ],
          },
        },
        { type: "execute", stmt: { sql: "SELECT * FROM t", want_rows: true } },
        { type: "get_autocommit" },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.contentType).toBe("application/json");
    const { baton, base_url, results } = first.body;
    expect(typeof baton).toBe("string");
    expect(base_url).toBeNull();
    expect(results.map((r: { type: string }) => r.type)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(results[1].response).toEqual({ type: "store_sql" });
    expect(results[2].response.result).toMatchObject({ affected_row_count: 1, last_insert_rowid: "1", cols: [], rows: [] });
    expect(results[3].response.result).toEqual({
      cols: [
        { name: "i", decltype: "INTEGER" },
        { name: "f", decltype: "REAL" },
        { name: "s", decltype: "TEXT" },
        { name: "b", decltype: "BLOB" },
        { name: "n", decltype: null },
      ],
      rows: [
        [
          { type: "integer", value: "-9223372036854775808" },
          { type: "float", value: 1.5 },
          { type: "text", value: "ü" },
          { type: "blob", base64: "AAH/" },
          { type: "null" },
        ],
      ],
      affected_row_count: 0,
      last_insert_rowid: null,
    });
    expect(results[4].response).toEqual({ type: "get_autocommit", is_autocommit: true });

    // The stored SQL belongs to the stream; the baton is good for one request only.
    const second = await pipeline(server.url, {
      baton,
      requests: [
        {
          type: "execute",
          stmt: { sql_id: 1, args: [{ type: "integer", value: "2" }, ...Array(4).fill({ type: "null" })], want_rows: false },
        },
        { type: "close_sql", sql_id: 1 },
        { type: "execute", stmt: { sql_id: 1 } },
        { type: "store_sql", sql_id: 2, sql: "x".repeat(5001) },
      ],
    });
    expect(second.status).toBe(200);
    expect(second.body.baton).not.toBe(baton);
    expect(second.body.results[0].response.result.affected_row_count).toBe(1);
    expect(second.body.results[1]).toEqual({ type: "ok", response: { type: "close_sql" } });
    expect(second.body.results[2]).toMatchObject({ type: "error", error: { code: "SQL_NOT_FOUND" } });
    expect(second.body.results[3]).toMatchObject({ type: "error", error: { code: "SQL_STORE_TOO_LARGE" } });

    const reused = await pipeline(server.url, { baton, requests: [{ type: "get_autocommit" }] });
    expect(reused.status).toBe(400);
    expect(reused.contentType).toBe("application/json");
    expect(reused.body.code).toBe("BATON_INVALID");

    const closed = await pipeline(server.url, { baton: second.body.baton, requests: [{ type: "close" }] });
    expect(closed.body).toEqual({ baton: null, base_url: null, results: [{ type: "ok", response: { type: "close" } }] });
    const afterClose = await pipeline(server.url, { baton: second.body.baton, requests: [] });
    expect(afterClose.status).toBe(400);
  });

  test("evaluates batch conditions: ok, error, not, and, or, is_autocommit", async () => {
    const stmt = (sql: string) => ({ sql });
    const res = await pipeline(server.url, {
      requests: [
        {
          type: "batch",
          batch: {
            steps: [
              { stmt: stmt("CREATE TABLE c(x)") }, // 0 ok
              { stmt: stmt("SELEC") }, // 1 error
              { condition: { type: "ok", step: 1 }, stmt: stmt("INSERT INTO c VALUES (2)") }, // 2 skipped
              { condition: { type: "error", step: 1 }, stmt: stmt("BEGIN") }, // 3 runs
              { condition: { type: "not", cond: { type: "is_autocommit" } }, stmt: stmt("INSERT INTO c VALUES (4)") }, // 4 runs
              {
                condition: {
                  type: "and",
                  conds: [
                    { type: "ok", step: 0 },
                    { type: "ok", step: 2 },
                  ],
                },
                stmt: stmt("INSERT INTO c VALUES (5)"),
              }, // 5 skipped
              {
                condition: {
                  type: "or",
                  conds: [
                    { type: "ok", step: 2 },
                    { type: "ok", step: 4 },
                  ],
                },
                stmt: stmt("INSERT INTO c VALUES (6)"),
              }, // 6 runs
              { condition: { type: "ok", step: 9 }, stmt: stmt("INSERT INTO c VALUES (7)") }, // 7 bad reference
              { condition: { type: "ok", step: 6 }, stmt: stmt("COMMIT") }, // 8 runs
              { condition: { type: "is_autocommit" }, stmt: stmt("SELECT group_concat(x) FROM c") }, // 9 runs
            ],
          },
        },
        { type: "close" },
      ],
    });
    expect(res.status).toBe(200);
    const { step_results, step_errors } = res.body.results[0].response.result;
    const ran = step_results.map((r: unknown) => r !== null);
    expect(ran).toEqual([true, false, false, true, true, false, true, false, true, true]);
    expect(step_errors.map((e: { code: string } | null) => e?.code ?? null)).toEqual([
      null,
      "SQLITE_ERROR",
      null,
      null,
      null,
      null,
      null,
      "BATCH_COND_INVALID",
      null,
      null,
    ]);
    expect(step_results[9].rows[0][0]).toEqual({ type: "text", value: "4,6" });
    expect(res.body.baton).toBeNull();
  });

  test("describe reports parameters, columns and the statement's nature", async () => {
    const res = await pipeline(server.url, {
      requests: [
        { type: "execute", stmt: { sql: "CREATE TABLE d(id INTEGER PRIMARY KEY, name TEXT)" } },
        { type: "describe", sql: "SELECT id, name FROM d WHERE id = :id OR name = ?3 OR name = :id" },
        { type: "describe", sql: "EXPLAIN SELECT 1" },
        { type: "describe", sql: "INSERT INTO d(name) VALUES (@name)" },
        { type: "close" },
      ],
    });
    const [, select, explain, insert] = res.body.results.map((r: { response: { result: unknown } }) => r.response.result);
    expect(select).toEqual({
      params: [{ name: ":id" }, { name: null }, { name: "?3" }],
      cols: [
        { name: "id", decltype: "INTEGER" },
        { name: "name", decltype: "TEXT" },
      ],
      is_explain: false,
      is_readonly: true,
    });
    expect(explain).toMatchObject({ is_explain: true, is_readonly: true });
    expect(insert).toEqual({ params: [{ name: "@name" }], cols: [], is_explain: false, is_readonly: false });
  });

  test("a malformed pipeline is a 400 and executes nothing", async () => {
    const bad = await pipeline(server.url, {
      requests: [
        { type: "execute", stmt: { sql: "CREATE TABLE never(x)" } },
        { type: "execute", stmt: { sql: "SELECT ?", args: [{ type: "integer", value: "99999999999999999999" }] } },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("PROTOCOL_ERROR");
    expect(bad.body.message).toContain("requests[1].stmt.args[0]");
    expect((await pipeline(server.url, { requests: [{ type: "cursor" }] })).status).toBe(400);
    expect((await pipeline(server.url, { requests: [{ type: "execute", stmt: { sql: "SELECT 1", sql_id: 1 } }] })).status).toBe(400);
    expect((await pipeline(server.url, "{not json")).status).toBe(400);
    expect((await pipeline(server.url, [])).status).toBe(400);
    const both = await pipeline(server.url, {
      requests: [
        {
          type: "execute",
          stmt: { sql: "SELECT ?, :a", args: [{ type: "null" }], named_args: [{ name: "a", value: { type: "null" } }] },
        },
      ],
    });
    expect(both.body.results[0].error.code).toBe("ARGS_BOTH_POSITIONAL_AND_NAMED");
    const check = await pipeline(server.url, {
      requests: [{ type: "execute", stmt: { sql: "SELECT count(*) FROM sqlite_schema WHERE name = 'never'" } }, { type: "close" }],
    });
    expect(check.body.results[0].response.result.rows[0][0]).toEqual({ type: "integer", value: "0" });
    const get = await fetch(`${server.url}/v2/pipeline`);
    expect(get.status).toBe(405);
  });
});

describe("stream lifetime, limits and auth", () => {
  test("an idle stream expires: its transaction is rolled back, its baton answers STREAM_EXPIRED", async () => {
    const server = await startLibsqlHttpServer({ file: freshFile(), idleTimeoutMs: 600 });
    const client = createClient({ url: server.url });
    try {
      await client.execute("CREATE TABLE e(x)");
      const tx = await client.transaction("write");
      await tx.execute("INSERT INTO e VALUES (1)");
      await sleep(900);
      const expired = await rejection(tx.execute("INSERT INTO e VALUES (3)"));
      expect(expired.code).toBe("STREAM_EXPIRED");
      // The lock is free and nothing of the transaction remains.
      await client.execute("INSERT INTO e VALUES (4)");
      expect((await client.execute("SELECT group_concat(x) FROM e")).rows[0][0]).toBe("4");
      const unknown = await pipeline(server.url, { baton: "not-a-baton", requests: [] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe("BATON_INVALID");
      expect(unknown.body.message).toMatch(/baton/i);
    } finally {
      client.close();
      await server.close();
    }
  });

  test("as sqld: a transaction that keeps the write lock past busyTimeoutMs while another writer waits is rolled back", async () => {
    const server = await startLibsqlHttpServer({ file: freshFile(), busyTimeoutMs: 200 });
    const client = createClient({ url: server.url });
    try {
      await client.execute("CREATE TABLE e(x)");
      const tx = await client.transaction("write");
      await tx.execute("INSERT INTO e VALUES (1)");
      // The waiter gets the lock after busyTimeoutMs (sqld: 5 s), not an error.
      const started = Date.now();
      await client.execute("INSERT INTO e VALUES (2)");
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect((await rejection(tx.execute("INSERT INTO e VALUES (3)"))).code).toBe("TRANSACTION_TIMEOUT");
      expect((await client.execute("SELECT group_concat(x) FROM e")).rows[0][0]).toBe("2");
    } finally {
      client.close();
      await server.close();
    }
  });

  test("concurrent write transactions queue for the lock: 64 of them all commit, though together they hold it past busyTimeoutMs", async () => {
    const server = await startLibsqlHttpServer({ file: freshFile(), busyTimeoutMs: 300 });
    const client = createClient({ url: server.url });
    try {
      await client.execute("CREATE TABLE q(writer INTEGER, part INTEGER)");
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 64 }, async (_, writer) => {
          const tx = await client.transaction("write");
          try {
            // Two round trips with a pause between them while holding the lock, as an ingest does.
            await tx.execute({ sql: "INSERT INTO q VALUES (?, 0)", args: [writer] });
            await sleep(10);
            await tx.execute({ sql: "INSERT INTO q VALUES (?, 1)", args: [writer] });
            await tx.commit();
          } finally {
            tx.close();
          }
        }),
      );
      expect(Date.now() - started).toBeGreaterThan(300); // the queue as a whole outlasted the timeout
      expect((await client.execute("SELECT count(*) FROM q")).rows[0][0]).toBe(128);
    } finally {
      client.close();
      await server.close();
    }
  });

  test("data persists across a restart on the same file; close() rolls back open transactions", async () => {
    const file = freshFile();
    const a = await startLibsqlHttpServer({ file });
    const ca = createClient({ url: a.url });
    await ca.execute("CREATE TABLE kept(v TEXT)");
    await ca.execute("INSERT INTO kept VALUES ('committed')");
    const tx = await ca.transaction("write");
    await tx.execute("INSERT INTO kept VALUES ('uncommitted')");
    ca.close();
    await a.close();

    const b = await startLibsqlHttpServer({ file });
    const cb = createClient({ url: b.url });
    try {
      expect(b.url).not.toBe("");
      await cb.execute("INSERT INTO kept VALUES ('after restart')"); // the old lock is gone
      expect((await cb.execute("SELECT group_concat(v) FROM kept")).rows[0][0]).toBe("committed,after restart");
    } finally {
      cb.close();
      await b.close();
    }
  });

  test("requires the bearer token when one is configured", async () => {
    const server = await startLibsqlHttpServer({ file: freshFile(), authToken: "s3cret" });
    const clients = [createClient({ url: server.url }), createClient({ url: server.url, authToken: "wrong" })];
    const good = createClient({ url: server.url, authToken: "s3cret" });
    try {
      for (const c of clients) expect((await rejection(c.execute("SELECT 1"))).code).toBe("UNAUTHORIZED");
      expect((await good.execute("SELECT 1 AS one")).rows[0].one).toBe(1);
      const raw = await pipeline(server.url, { requests: [] });
      expect(raw.status).toBe(401);
      expect((await fetch(`${server.url}/v2`)).status).toBe(200); // version probes stay public
    } finally {
      for (const c of [...clients, good]) c.close();
      await server.close();
    }
  });

  test("refuses bodies over the limit with 413; refuses to start on a non-loopback host without a token or on a taken port", async () => {
    const server = await startLibsqlHttpServer({ file: freshFile(), maxBodyBytes: 1024 });
    const client = createClient({ url: server.url });
    try {
      const big = await pipeline(server.url, { requests: [{ type: "execute", stmt: { sql: `SELECT '${"x".repeat(4096)}'` } }] });
      expect(big.status).toBe(413);
      expect(big.body.code).toBe("BODY_TOO_LARGE");
      expect((await rejection(client.execute({ sql: "SELECT ?", args: ["y".repeat(4096)] }))).code).toBe("BODY_TOO_LARGE");
      // Without a Content-Length (chunked), the limit applies while reading.
      const chunk = new TextEncoder().encode(" ".repeat(700));
      const chunked = await fetch(`${server.url}/v2/pipeline`, {
        method: "POST",
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 4; i++) controller.enqueue(chunk);
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(413);
      await chunked.arrayBuffer();
      expect((await client.execute("SELECT 'small'")).rows[0][0]).toBe("small");
    } finally {
      client.close();
      await server.close();
    }
    await expect(startLibsqlHttpServer({ file: freshFile(), host: "0.0.0.0" })).rejects.toThrow(/auth token/);
    const taken = await startLibsqlHttpServer({ file: freshFile() });
    const port = Number(new URL(taken.url).port);
    await expect(startLibsqlHttpServer({ file: freshFile(), port })).rejects.toThrow(/EADDRINUSE/);
    await taken.close();
  });
});

describe("scanSql", () => {
  test("splits statements like sqlite3_complete, keeping trigger bodies whole", () => {
    const parts = scanSql(`
      SELECT ';' AS "a;b", [c;d] FROM t; -- ;
      CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN SELECT CASE WHEN 1 THEN 2 END; UPDATE t SET x = 1; END;
      ;;
      WITH w AS (SELECT 1) INSERT INTO t SELECT * FROM w`);
    expect(parts.map((p) => p.kind)).toEqual(["other", "other", "insert"]);
    expect(parts[1].text).toMatch(/^CREATE TEMP TRIGGER .* END$/s);
    expect(scanSql("  -- only a comment\n /* and another */ ;")).toEqual([]);
  });

  test("numbers parameters like SQLite", () => {
    expect(scanSql("SELECT ?, :a, ?5, :a, $b::c(x), @d, ?").map((p) => p.params)).toEqual([[null, ":a", null, null, "?5", "$b::c(x)", "@d", null]]);
    // `$` inside a name, `?` inside strings/quoted names/comments: not parameters.
    expect(scanSql(`SELECT a$b, '?', "?", \`?\`, [?] /* ? */ FROM t -- ?`)[0].params).toEqual([]);
    expect(scanSql("UPDATE t SET x = 1")[0].kind).toBe("update-delete");
    expect(scanSql("REPLACE INTO t VALUES (1)")[0].kind).toBe("insert");
    expect(scanSql("WITH d AS (DELETE FROM x) SELECT 1")[0].kind).toBe("other");
  });
});

describe("with sqld's parser as refuseSql (npm run dev, the Worker test host)", () => {
  let server: LibsqlHttpServer;
  let client: Client;
  let guard: Awaited<ReturnType<typeof startSqldGuard>>;
  beforeAll(async () => {
    guard = await startSqldGuard();
    server = await startLibsqlHttpServer({ file: freshFile(), refuseSql: guard.guard });
    client = createClient({ url: server.url });
    await client.execute("CREATE TABLE t (a INTEGER, b INTEGER)");
  }, 10 * 60_000);
  afterAll(async () => {
    client.close();
    await server.close();
    await guard.close();
  });

  test("refuses what sqld's parser refuses with SQL_PARSE_ERROR, as sqld does, and runs the rest", async () => {
    const error = await rejection(client.execute("SELECT group_concat(a, ',' ORDER BY b) FROM t"));
    expect(error.code).toBe("SQL_PARSE_ERROR");
    expect(error.message).toMatch(/near ORDER/);
    expect((await client.execute("SELECT group_concat(a, ',') FROM (SELECT a FROM t ORDER BY b)")).rows).toHaveLength(1);
  });

  test("a batch with one refused step runs none of its steps", async () => {
    await expect(client.batch(["INSERT INTO t VALUES (1, 1)", "SELECT group_concat(a, '' ORDER BY b) FROM t"], "write")).rejects.toThrow(/near ORDER/);
    expect((await client.execute("SELECT count(*) AS n FROM t")).rows[0].n).toBe(0);
  });

  test("refuses a statement whose result columns sqld's rendering would rename", async () => {
    // Compared on runcamp's schema: sqld runs `SELECT max (created_at) AS LAST FROM runs`, so row.last would be undefined.
    await client.execute("CREATE TABLE runs (created_at INTEGER)");
    await expect(client.execute("SELECT max(created_at) AS last FROM runs")).rejects.toThrow(/result columns change from \(last\) to \(LAST\)/);
    expect((await client.execute('SELECT max(created_at) AS "last" FROM runs')).columns).toEqual(["last"]);
  });
});

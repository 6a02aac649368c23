// The host's single statements to a libSQL server in protobuf (src/hosts/hrana-protobuf.ts):
// against a real sqld, every result and error is what @libsql/client itself gives for the same
// statement, and the statements really went as protobuf; against a server without
// /v3-protobuf (the local libSQL endpoint, like hosted Turso) the client is left as it is.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient, type InStatement, LibsqlBatchError } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Sqld, startSqld } from "../scripts/sqld-process.ts";
import { withProtobufStatements } from "../src/hosts/hrana-protobuf.ts";
import { startLibsqlHttpServer } from "../tools/libsql-http/server.ts";
import { rejection } from "./support/libsql-rejection.ts";
import { sqldAvailable } from "./support/sqld.ts";

/** A fetch that notes the path of every request. */
function notingFetch(paths: string[]) {
  return (request: Request) => {
    paths.push(new URL(request.url).pathname);
    return fetch(request);
  };
}

/** What a caller can see of a result set: values by index and by name, and the rest. */
function seen(rs: Awaited<ReturnType<Client["execute"]>>) {
  return {
    columns: rs.columns,
    columnTypes: rs.columnTypes,
    rowsAffected: rs.rowsAffected,
    lastInsertRowid: rs.lastInsertRowid,
    rows: rs.rows.map((row) => ({
      length: row.length,
      indexed: Array.from({ length: row.length }, (_, i) => row[i]),
      named: { ...row },
      keys: Object.keys(row),
    })),
  };
}

describe.skipIf(!sqldAvailable())("single statements in protobuf against a real sqld", () => {
  let sqld: Sqld;
  let plain: Client;
  let wrapped: Client;
  const paths: string[] = [];

  beforeAll(async () => {
    sqld = await startSqld();
    plain = createClient({ url: sqld.url });
    wrapped = await withProtobufStatements(createClient({ url: sqld.url, fetch: notingFetch(paths) }), sqld.url, undefined, notingFetch(paths));
    await plain.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT NOT NULL, b BLOB, n NUMERIC)");
  });
  afterAll(async () => {
    plain?.close();
    wrapped?.close();
    await sqld?.close();
  });

  test("reads and writes give what the client gives, and go as protobuf", async () => {
    const blob = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    const insert: InStatement = { sql: "INSERT INTO t (i, r, s, b, n) VALUES (?, ?, ?, ?, ?)", args: [2 ** 53 - 1, -0.125, "ünï <b>\u{1F600}", blob, null] };
    paths.length = 0;
    const written = await wrapped.execute(insert);
    expect(paths).toContain("/v3-protobuf/pipeline");
    expect(paths).not.toContain("/v2/pipeline");
    expect(written.rowsAffected).toBe(1);
    expect(written.lastInsertRowid).toBe(1n);
    await plain.execute(insert);

    for (const stmt of [
      "SELECT * FROM t ORDER BY id",
      { sql: "SELECT id, s AS label, length(b) AS bytes, i - 1 AS below FROM t WHERE s = :s AND id >= $min", args: { s: "ünï <b>\u{1F600}", min: 1 } },
      "SELECT 1 AS x, 2 AS x", // a repeated name: the first value answers by name
      "SELECT * FROM t WHERE id < 0", // no rows, columns still there
      "UPDATE t SET r = r * 2",
    ]) {
      expect(seen(await wrapped.execute(stmt))).toEqual(seen(await plain.execute(stmt)));
    }
    const [row] = (await wrapped.execute("SELECT b FROM t WHERE id = 1")).rows;
    expect(row.b).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(blob);
  });

  test("a failing statement is the client's LibsqlError with the client's code, and changes nothing", async () => {
    for (const stmt of ["INSERT INTO t (id, s) VALUES (1, 'again')", "INSERT INTO t (s) VALUES (NULL)", "SELEC 1", "SELECT * FROM missing"]) {
      const ours = await rejection(wrapped.execute(stmt));
      const theirs = await rejection(plain.execute(stmt));
      expect(ours.code).toBe(theirs.code);
      expect(ours.message).toBe(theirs.message);
    }
    expect((await wrapped.execute("SELECT count(*) AS n FROM t")).rows[0].n).toBe(2);
  });

  test("transactions go as protobuf: a commit lands, a rollback leaves nothing, a failure is the client's", async () => {
    paths.length = 0;
    const tx = await wrapped.transaction("write");
    await tx.execute("INSERT INTO t (s) VALUES ('committed')");
    const [inside] = await tx.batch(["SELECT count(*) AS n FROM t"]);
    expect(inside.rows[0].n).toBe(3);
    await tx.commit();
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.startsWith("/v3-protobuf/"))).toBe(true);

    const rolledBack = await wrapped.transaction("write");
    await rolledBack.execute("INSERT INTO t (s) VALUES ('rolled back')");
    await rolledBack.rollback();

    const failing = ["INSERT INTO t (s) VALUES ('first')", "INSERT INTO t (s) VALUES (NULL)"];
    // One after the other: each holds the write lock until it rolls back.
    const ours = await wrapped.transaction("write");
    const oursError = await rejection(ours.batch(failing));
    await ours.rollback();
    const theirs = await plain.transaction("write");
    const theirsError = await rejection(theirs.batch(failing));
    await theirs.rollback();
    expect(oursError).toBeInstanceOf(LibsqlBatchError);
    expect([oursError.code, oursError.message, (oursError as LibsqlBatchError).statementIndex]).toEqual([
      theirsError.code,
      theirsError.message,
      (theirsError as LibsqlBatchError).statementIndex,
    ]);
    expect((await plain.execute("SELECT s FROM t WHERE id > 2")).rows.map((r) => r.s)).toEqual(["committed"]);
  });

  test("batches stay with the client", async () => {
    paths.length = 0;
    const results = await wrapped.batch(["SELECT 1 AS one", "SELECT 2 AS two"], "read");
    expect(results.map((rs) => rs.rows[0][0])).toEqual([1, 2]);
    expect(paths).toEqual(["/v2/pipeline"]);
  });
});

describe("a server without Hrana 3 in protobuf", () => {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-protobuf-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the client is kept as it is (the local libSQL endpoint, hosted Turso)", async () => {
    const server = await startLibsqlHttpServer({ file: join(dir, "db.db") });
    try {
      const client = createClient({ url: server.url });
      expect(await withProtobufStatements(client, server.url)).toBe(client);
      client.close();
    } finally {
      await server.close();
    }
  });

  test("ws: URLs keep their WebSocket, and an unreachable server keeps the client", async () => {
    const client = createClient({ url: "http://127.0.0.1:9" });
    expect(await withProtobufStatements(client, "ws://127.0.0.1:9")).toBe(client);
    expect(await withProtobufStatements(client, "http://127.0.0.1:9")).toBe(client);
    client.close();
  });
});

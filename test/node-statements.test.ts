// The Node host's prepared-statement path (src/hosts/node-statements.ts) must answer exactly
// what @libsql/client answers: every service reads rows by name and by index, BLOBs as
// ArrayBuffers, and catches the client's errors by code.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient, type InStatement, LibsqlError } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withPreparedStatements } from "../src/hosts/node-statements.ts";

let dir: string;
let plain: Client;
let prepared: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "runcamp-stmts-"));
  const file = join(dir, "t.db");
  plain = createClient({ url: `file:${file}` });
  await plain.execute("PRAGMA journal_mode = WAL");
  await plain.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, x REAL, b BLOB, flag INTEGER)");
  await plain.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER, name TEXT)");
  prepared = withPreparedStatements(createClient({ url: `file:${file}` }), file, 1000);
});

afterAll(() => {
  prepared.close();
  plain.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a service sees of a result: rows by name, by index, and the counts. */
function seen(rs: Awaited<ReturnType<Client["execute"]>>) {
  return {
    columns: rs.columns,
    rowsAffected: rs.rowsAffected,
    lastInsertRowid: rs.lastInsertRowid,
    byName: rs.rows.map((r) => ({ ...r })),
    byIndex: rs.rows.map((r) => Array.from({ length: r.length }, (_, i) => r[i])),
  };
}

describe("prepared statements answer what the client answers", () => {
  test("inserts: positional and named arguments, booleans, BLOBs, NULL", async () => {
    const writes: InStatement[] = [
      { sql: "INSERT INTO t (name, x, b, flag) VALUES (?, ?, ?, ?)", args: ["a", 1.5, new Uint8Array([1, 2, 3]).buffer, true] },
      { sql: "INSERT INTO t (name, x, b, flag) VALUES (:name, :x, :b, :flag)", args: { name: "b", x: -0, b: null, flag: false } },
      { sql: "INSERT INTO t (name, x, b, flag) VALUES ($name, @x, NULL, 0)", args: { $name: "c", "@x": 2 ** 53 - 1 } },
    ];
    for (const stmt of writes) {
      const mine = await prepared.execute(stmt);
      expect(mine.rowsAffected).toBe(1);
      expect(typeof mine.lastInsertRowid).toBe("bigint");
    }
    await prepared.execute({ sql: "INSERT INTO u (t_id, name) VALUES (?, ?), (?, ?)", args: [1, "one", 2, "two"] });
    const update = { sql: "UPDATE t SET x = x + 1 WHERE name IN (?, ?)", args: ["a", "b"] };
    expect((await prepared.execute(update)).rowsAffected).toBe(2);
  });

  test.each<[string, InStatement]>([
    ["all rows, every type", "SELECT id, name, x, b, flag FROM t ORDER BY id"],
    ["no rows", { sql: "SELECT id, name FROM t WHERE name = ?", args: ["nobody"] }],
    ["an expression and an alias", { sql: "SELECT count(*) AS n, max(x) FROM t WHERE flag = ?", args: [0] }],
    ["a name repeated across a join", "SELECT t.id, u.id, t.name, u.name FROM t JOIN u ON u.t_id = t.id ORDER BY t.id"],
    ["named arguments", { sql: "SELECT name FROM t WHERE x > :min ORDER BY name", args: { min: 0 } }],
  ])("%s", async (_label, stmt) => {
    const [mine, theirs] = [await prepared.execute(stmt), await plain.execute(stmt)];
    expect(seen(mine)).toEqual(seen(theirs));
    // Indices are not own enumerable keys: spreading or JSON-encoding a row gives its names only.
    for (const row of mine.rows) expect(Object.keys(row)).toEqual(Object.keys({ ...theirs.rows[0] }));
  });

  test("a BLOB reads back as the bytes written, in an ArrayBuffer", async () => {
    const rs = await prepared.execute({ sql: "SELECT b FROM t WHERE name = ?", args: ["a"] });
    expect(rs.rows[0].b).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(rs.rows[0].b as ArrayBuffer)]).toEqual([1, 2, 3]);
  });

  test("the same statement run twice (from the cache) gives fresh results", async () => {
    const stmt = { sql: "SELECT x FROM t WHERE name = ?", args: ["c"] };
    const first = await prepared.execute(stmt);
    await prepared.execute({ sql: "UPDATE t SET x = 7 WHERE name = ?", args: ["c"] });
    const second = await prepared.execute(stmt);
    expect(first.rows[0].x).toBe(2 ** 53 - 1);
    expect(second.rows[0].x).toBe(7);
  });

  test("a failing statement throws the client's LibsqlError, and changes nothing", async () => {
    const before = seen(await plain.execute("SELECT * FROM t ORDER BY id"));
    const duplicate = { sql: "INSERT INTO t (name) VALUES (?)", args: ["a"] };
    const err = await prepared.execute(duplicate).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibsqlError);
    expect((err as LibsqlError).code).toMatch(/^SQLITE_CONSTRAINT/);
    const syntax = await prepared.execute("SELEC 1").catch((e: unknown) => e);
    expect(syntax).toBeInstanceOf(LibsqlError);
    expect(seen(await plain.execute("SELECT * FROM t ORDER BY id"))).toEqual(before);
  });

  test("arguments the client refuses are refused", async () => {
    await expect(prepared.execute({ sql: "SELECT ?", args: [Number.NaN] })).rejects.toThrow(/finite/);
    await expect(prepared.execute({ sql: "SELECT ?", args: [undefined as unknown as null] })).rejects.toThrow();
  });

  test("transactions and batches still go through the client", async () => {
    await prepared.batch([{ sql: "INSERT INTO t (name) VALUES (?)", args: ["batched"] }], "write");
    const tx = await prepared.transaction("write");
    await tx.execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["rolled back"] });
    await tx.rollback();
    const names = (await prepared.execute("SELECT name FROM t ORDER BY id")).rows.map((r) => r.name);
    expect(names).toContain("batched");
    expect(names).not.toContain("rolled back");
  });
});

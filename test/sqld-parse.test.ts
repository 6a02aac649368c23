// The sqld parser check (tools/sqld-parse): SQL that embedded libSQL runs may still be refused by
// a real libSQL server (sqld / Turso), which parses every statement with its own, stricter
// parser first. These tests pin the checker itself: it must accept runcamp's kinds of
// statements and refuse what sqld refuses.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkStatements, ensureSqldParser, SqldParser } from "../tools/sqld-parse/check.ts";

// The first run compiles the Rust checker (crate downloads included): far beyond hookTimeout.
beforeAll(() => ensureSqldParser(), 10 * 60_000);

const accepted = [
  // upsert with RETURNING (src/services/series-store.ts)
  `INSERT INTO series (run_pk, name, context) VALUES (?, ?, ?)
     ON CONFLICT (run_pk, name, context) DO UPDATE SET name = excluded.name
     RETURNING pk, count, first_step, last_step, min, max, flags`,
  // DO UPDATE ... WHERE
  `INSERT INTO run_values (run_pk, name, context, value, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (run_pk, name, context) DO UPDATE SET value = excluded.value WHERE excluded.updated_at > run_values.updated_at`,
  // json_extract / json_type over params, numbered parameters
  "SELECT r.pk FROM runs r WHERE r.repo_pk = ?1 AND json_type(r.params, ?2) = 'real' AND json_extract(r.params, ?2) > ?3",
  // a materialized CTE with a row-value keyset and NULLS LAST
  `WITH raw AS MATERIALIZED (SELECT r.pk AS pk, r.created_at AS key FROM runs r WHERE r.repo_pk = ?)
   SELECT pk FROM raw WHERE (key, pk) > (?, ?) ORDER BY key ASC NULLS LAST, pk LIMIT ?`,
  // group_concat without ORDER BY, over an ordered subquery
  "SELECT CAST(group_concat(summary, '') AS BLOB) FROM (SELECT summary FROM series_blocks WHERE series_pk = ? ORDER BY last_step)",
  "SELECT 1;",
  "BEGIN IMMEDIATE",
];

describe("sqld parser check", () => {
  let parser: SqldParser;
  beforeAll(async () => {
    parser = await SqldParser.start();
  });
  afterAll(() => parser?.close());

  test.each(accepted)("accepts %s", async (sql) => {
    expect(await parser.check(sql)).toBeNull();
  });

  test("refuses group_concat(x, sep ORDER BY y), which SQLite accepts", async () => {
    const error = await parser.check("SELECT CAST(group_concat(summary, '' ORDER BY last_step) AS BLOB) FROM series_blocks WHERE series_pk = ?");
    expect(error).toMatch(/near ORDER/);
    expect(error).toMatch(/syntax error/);
  });

  test("refuses what sqld's Hrana execute refuses: syntax errors, several or no statements, unsupported ones", async () => {
    expect(await parser.check("SELEC 1")).toMatch(/could not be parsed: syntax error around L1:6: `SELEC`/);
    expect(await parser.check("SELECT 1 FROM")).toMatch(/unexpected end of input/);
    expect(await parser.check("SELECT 1; SELECT 2")).toBe("SQL string contains more than one statement");
    expect(await parser.check(" ; -- nothing")).toBe("SQL string does not contain any statement");
    expect(await parser.check("PRAGMA journal_mode = WAL")).toMatch(/unsupported statement/);
  });

  test("answers concurrent checks in order, one reply each", async () => {
    const sqls = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? `SELECT group_concat(a, ',' ORDER BY b) FROM t${i}` : `SELECT a FROM t${i}`));
    const results = await Promise.all(sqls.map((sql) => parser.check(sql)));
    expect(results.map((r) => r !== null)).toEqual(sqls.map((_, i) => i % 5 === 0));
  });
});

test("every statement of the migrations in drizzle/ is accepted, as drizzle sends them (one batch step each)", async () => {
  const dir = new URL("../drizzle/", import.meta.url);
  const statements = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .flatMap((f) => readFileSync(new URL(f, dir), "utf8").split("--> statement-breakpoint"))
    .map((s) => s.trim())
    .filter(Boolean);
  expect(statements.length).toBeGreaterThan(5);
  expect((await checkStatements(statements)).filter((r) => r.error !== null)).toEqual([]);
});

describe("checkStatements", () => {
  test("checks a list in one go and keeps its order", async () => {
    const results = await checkStatements(["SELECT 1", "SELECT group_concat(a, '' ORDER BY b) FROM t", "SELECT 'it''s'\nFROM t"]);
    expect(results.map((r) => r.sql)).toEqual(["SELECT 1", "SELECT group_concat(a, '' ORDER BY b) FROM t", "SELECT 'it''s'\nFROM t"]);
    expect(results[0].error).toBeNull();
    expect(results[1].error).toMatch(/near ORDER/);
    expect(results[2].error).toBeNull();
  });

  test("sequence mode allows several statements and still refuses a bad one", async () => {
    const [ok, bad] = await checkStatements(
      ["CREATE TABLE t (a INTEGER); CREATE INDEX t_a ON t (a);", "SELECT 1; SELECT group_concat(a, '' ORDER BY b) FROM t;"],
      { sequence: true },
    );
    expect(ok.error).toBeNull();
    // As in sqld, the error of a statement after an accepted one is found past the bad token.
    expect(bad.error).toMatch(/could not be parsed: near BY, "None": syntax error/);
  });

  test("render: the text sqld runs is re-rendered from its AST, keyword names upper-cased", async () => {
    const [plain, keyword, lone] = await checkStatements(
      ["SELECT max(created_at) AS last FROM t WHERE a = ?", 'SELECT max(created_at) AS "last" FROM t', "CREATE TABLE t (a INTEGER)"],
      { render: true },
    );
    expect(plain.rendered).toEqual(["SELECT max (created_at) AS LAST FROM t WHERE a = ?;"]);
    expect(keyword.rendered).toEqual(['SELECT max (created_at) AS "last" FROM t;']);
    // A lone CREATE TABLE is the one statement sqld runs as sent.
    expect(lone.rendered).toEqual(["CREATE TABLE t (a INTEGER)"]);
  });

  test("an empty list needs no reply", async () => {
    expect(await checkStatements([])).toEqual([]);
  });
});

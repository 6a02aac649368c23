// What a real libSQL server (sqld / Turso) would refuse or change in runcamp's SQL, asked
// before the SQL runs. Two checks, each once per distinct text:
// 1. sqld's own parser accepts it (tools/sqld-parse, the parser sqld vendors);
// 2. what sqld actually runs — its parser's re-rendering of the statement — returns the same
//    result columns as the text sent: an unquoted keyword alias (`AS last`) comes back upper-
//    cased, so `row.last` would silently be undefined. Both forms are prepared against the
//    app's schema (drizzle/ applied to an in-memory database) and their column names compared.
//
// Used by the local libSQL endpoint under `npm run dev` and the Worker test host (through
// LibsqlHttpServerOptions.refuseSql), and by the in-process test hosts (test/support).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "libsql";
import { SqldParser } from "./check.ts";

export type SqldGuard = (sql: string, mode: "statement" | "sequence") => Promise<string | null>;

const migrationsDir = join(import.meta.dirname, "..", "..", "drizzle");

function schemaDatabase(): Database.Database {
  const db = new Database(":memory:");
  // The table drizzle's migrator keeps (src/db/schema-version.ts reads it).
  db.exec("CREATE TABLE __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)");
  for (const file of readdirSync(migrationsDir)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    for (const statement of readFileSync(join(migrationsDir, file), "utf8").split("--> statement-breakpoint")) db.exec(statement);
  }
  return db;
}

/** Result column names, or null where SQLite cannot prepare the text here (not a query over our schema). */
function columnNames(db: Database.Database, sql: string): string[] | null {
  try {
    const stmt = db.prepare(sql);
    return stmt.reader ? stmt.columns().map((c) => c.name) : [];
  } catch {
    return null;
  }
}

/** Starts sqld's parser (building it if needed) and returns the check with its own cache. */
export async function startSqldGuard(): Promise<{ guard: SqldGuard; close(): Promise<void> }> {
  const statements = await SqldParser.start({ render: true });
  const sequences = await SqldParser.start({ sequence: true });
  const db = schemaDatabase();
  const verdicts = new Map<string, Promise<string | null>>();

  async function verdict(sql: string, mode: "statement" | "sequence"): Promise<string | null> {
    if (mode === "sequence") return sequences.check(sql);
    const { error, rendered } = await statements.inspect(sql);
    if (error) return error;
    if (rendered?.length === 1) {
      const sent = columnNames(db, sql);
      const run = columnNames(db, rendered[0]);
      if (sent && run && sent.join("\u0000") !== run.join("\u0000")) {
        return `sqld runs this statement re-rendered, and its result columns change from (${sent.join(", ")}) to (${run.join(", ")}): quote or rename the alias`;
      }
    }
    return null;
  }

  return {
    guard(sql, mode) {
      const key = `${mode}\u0000${sql}`;
      let found = verdicts.get(key);
      if (!found) verdicts.set(key, (found = verdict(sql, mode)));
      return found;
    },
    async close() {
      await Promise.all([statements.close(), sequences.close()]);
      db.close();
    },
  };
}

/** The guard for a dev server, or undefined (said on stderr) where sqld's parser cannot be built here. */
export async function sqldGuardForDev(who: string): Promise<{ guard: SqldGuard; close(): Promise<void> } | undefined> {
  try {
    return await startSqldGuard();
  } catch (e) {
    console.error(`${who}: SQL is NOT checked against sqld's parser (${e instanceof Error ? e.message : String(e)})`);
    return undefined;
  }
}

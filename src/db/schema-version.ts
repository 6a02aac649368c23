// A Worker cannot read drizzle/ at run time, so it cannot migrate; instead it checks that the
// database has every migration this build was made with, and refuses to serve otherwise.
import type { Client } from "@libsql/client";
import journal from "../../drizzle/meta/_journal.json" with { type: "json" };

export const expectedMigration = journal.entries[journal.entries.length - 1];

export async function schemaIsCurrent(client: Pick<Client, "execute">): Promise<{ current: boolean; detail: string }> {
  let applied: number | null = null;
  try {
    // Not `AS last`: sqld runs its parser's rendering of a statement, which upper-cases an
    // unquoted keyword alias (the column would come back as LAST).
    const rs = await client.execute("SELECT max(created_at) AS applied_at FROM __drizzle_migrations");
    const at = rs.rows[0]?.applied_at;
    applied = at === null || at === undefined ? null : Number(at);
  } catch {
    // no migrations table: a fresh database
  }
  if (applied !== null && applied >= expectedMigration.when) return { current: true, detail: "" };
  return {
    current: false,
    detail: `The database schema is older than this build expects (migration ${expectedMigration.tag}); run \`npm run db:migrate\` against LIBSQL_URL.`,
  };
}

// `npm run db:migrate`: applies drizzle/ to the database at LIBSQL_URL (with LIBSQL_AUTH_TOKEN).
// The Node host migrates itself at start; a Worker cannot read drizzle/, so its remote
// database is migrated with this before deploying.

import { expectedMigration } from "../src/db/schema-version.ts";
import { openDatabase } from "../src/hosts/node.ts";

const url = process.env.LIBSQL_URL;
if (!url) {
  console.error("Set LIBSQL_URL (and LIBSQL_AUTH_TOKEN for Turso) to the database to migrate.");
  process.exit(1);
}
const client = await openDatabase(url, process.env.LIBSQL_AUTH_TOKEN);
client.close();
console.log(`${url.replace(/\?.*$/, "")} is at migration ${expectedMigration.tag}`);

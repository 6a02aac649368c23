// `npm run db:restore -- <file>`: puts the backup <file> in place of the embedded database at
// LIBSQL_URL (default file:./data/runcamp.db). Refused while a server has the database open;
// the database it replaces is kept beside it (src/hosts/backup.ts).
import { restoreDatabase } from "../src/hosts/backup.ts";

const backup = process.argv[2];
if (!backup || process.argv.length > 3) {
  console.error("Usage: npm run db:restore -- <file>   (stop the server first; the database is LIBSQL_URL, default file:./data/runcamp.db)");
  process.exit(2);
}
try {
  const { file, previous } = restoreDatabase(backup, process.env.LIBSQL_URL ?? "file:./data/runcamp.db");
  console.log(`restored ${file} from ${backup}${previous ? `; the database it replaced is ${previous}` : ""}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

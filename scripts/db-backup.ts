// `npm run db:backup -- <file>`: an online backup of the embedded database at LIBSQL_URL
// (default file:./data/runcamp.db) into <file>, while servers keep writing (src/hosts/backup.ts).
import { backupDatabase } from "../src/hosts/backup.ts";

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error("Usage: npm run db:backup -- <file>   (the database is LIBSQL_URL, default file:./data/runcamp.db)");
  process.exit(2);
}
try {
  const { file, bytes } = backupDatabase(process.env.LIBSQL_URL ?? "file:./data/runcamp.db", target);
  console.log(`backed up to ${file} (${bytes} bytes); integrity_check ok`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

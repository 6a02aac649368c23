// Online backups of an embedded database (`npm run db:backup`, RUNCAMP_BACKUP_EVERY) and their
// restore (`npm run db:restore`). A backup is `VACUUM INTO`: one read transaction, so in WAL
// mode it copies a consistent snapshot (every write committed before it began) while writers
// go on; it writes a compact file of its own, never the live one. The `libsql` package's
// Database#backup (SQLite's backup API) throws "not implemented" in the version used here.
// Artifact rows are copied with the database: bytes kept as libSQL parts are in the backup,
// bytes in an object store are referenced by it, not copied.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import Database from "libsql";

const fileOf = (url: string) => {
  if (!url.startsWith("file:") || url.startsWith("file::memory:") || url.includes("?")) {
    throw new Error(
      `Backups are of an embedded database (LIBSQL_URL=file:<path>), got ${url}: back a libSQL server up with its own tools (Turso's point-in-time restore, sqld's snapshots).`,
    );
  }
  return resolve(url.slice("file:".length));
};

/** `PRAGMA integrity_check` on a file, opened read-only: the problems it lists, none when sound. */
function integrityProblems(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("PRAGMA integrity_check").raw().all() as string[][];
    const problems = rows.map((row) => row[0]).filter((line) => line !== "ok");
    const migrations = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = '__drizzle_migrations'").raw().get() as number[];
    if (migrations[0] === 0) problems.push("it holds no runcamp schema (no __drizzle_migrations table)");
    return problems;
  } catch (err) {
    return [(err as Error).message];
  } finally {
    db.close();
  }
}

/**
 * Copies the database at `url` into `target` while servers may be writing to it. The copy is
 * written beside the target and renamed into place once it passes integrity_check, so a
 * target that exists is never half written; an existing target is refused.
 */
export function backupDatabase(url: string, target: string): { file: string; bytes: number } {
  const source = fileOf(url);
  const file = resolve(target);
  if (!existsSync(source)) throw new Error(`There is no database at ${source} to back up.`);
  if (existsSync(file)) throw new Error(`${file} exists: a backup never overwrites a file; name a new one.`);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  const db = new Database(source, { timeout: 10_000 });
  try {
    db.prepare("VACUUM INTO ?").run(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
  const problems = integrityProblems(partial);
  if (problems.length) {
    rmSync(partial, { force: true });
    throw new Error(`The backup of ${source} failed its integrity check: ${problems.join("; ")}`);
  }
  renameSync(partial, file);
  return { file, bytes: statSync(file).size };
}

/**
 * The processes holding a lock on `file` (SQLite keeps a shared lock on the database file
 * while a connection has it open in WAL mode), from Linux's /proc/locks; undefined where
 * there is no /proc/locks to ask.
 */
function lockHolders(file: string): number[] | undefined {
  if (!existsSync("/proc/locks")) return undefined;
  const { dev, ino } = statSync(file);
  // Linux's encoding of a device number (major:minor, as /proc/locks prints them in hex).
  const major = (dev >> 8) & 0xfff;
  const minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
  const id = `${major.toString(16).padStart(2, "0")}:${minor.toString(16).padStart(2, "0")}:${ino}`;
  const holders = new Set<number>();
  for (const line of readFileSync("/proc/locks", "utf8").split("\n")) {
    const fields = line.trim().split(/\s+/);
    // "1: POSIX  ADVISORY  READ 10890 fe:00:10092567 1073741826 1073742335"; a blocked waiter's line has "->" after the number.
    const at = fields.indexOf("->") === 1 ? 6 : 5;
    if (fields[at] === id) holders.add(Number(fields[at - 1]));
  }
  return [...holders].filter((pid) => pid !== process.pid);
}

/**
 * Puts the backup `backup` in place of the database at `url`. Refused, with nothing changed,
 * when the backup is not a sound runcamp database or when a process has the database open (a
 * server: stop it first). The database it replaces is kept beside it, renamed
 * `<name>.before-restore-<time>`, with its -wal and -shm files.
 */
export function restoreDatabase(backup: string, url: string, now = new Date()): { file: string; previous?: string } {
  const file = fileOf(url);
  const from = resolve(backup);
  if (!existsSync(from)) throw new Error(`There is no backup at ${from}.`);
  const problems = integrityProblems(from);
  if (problems.length) throw new Error(`${from} cannot be restored: ${problems.join("; ")}`);
  mkdirSync(dirname(file), { recursive: true });
  let previous: string | undefined;
  if (existsSync(file)) {
    const holders = lockHolders(file);
    if (holders?.length) {
      throw new Error(`${file} is open in process ${holders.join(", ")} (a runcamp server?): stop it, restore, then start it again.`);
    }
    previous = `${file}.before-restore-${now
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z")}`;
  }
  const incoming = `${file}.restoring-${process.pid}`;
  copyFileSync(from, incoming);
  if (previous) {
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) renameSync(file + suffix, previous + suffix);
  }
  renameSync(incoming, file);
  return { file, previous };
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "6h", "30m", "1d", "90s" in milliseconds; throws naming the setting otherwise. */
export function parseEvery(raw: string): number {
  const found = /^(\d+)([smhd])$/.exec(raw.trim());
  const ms = found ? Number(found[1]) * UNITS[found[2]] : 0;
  if (!(ms > 0)) throw new Error(`RUNCAMP_BACKUP_EVERY must be a whole number of s, m, h or d (like 6h), got "${raw}"`);
  return ms;
}

export interface BackupSchedule {
  url: string;
  dir: string;
  everyMs: number;
  keep: number;
}

const SCHEDULED = /^runcamp-\d{8}T\d{6}Z\.db$/;

/** The schedule from RUNCAMP_BACKUP_EVERY, RUNCAMP_BACKUP_DIR and RUNCAMP_BACKUP_KEEP; none without the first. */
export function backupScheduleFromEnv(env: Record<string, string | undefined>, url: string): BackupSchedule | undefined {
  if (!env.RUNCAMP_BACKUP_EVERY) return undefined;
  const everyMs = parseEvery(env.RUNCAMP_BACKUP_EVERY);
  const keep = Number(env.RUNCAMP_BACKUP_KEEP ?? 7);
  if (!Number.isSafeInteger(keep) || keep < 1) throw new Error(`RUNCAMP_BACKUP_KEEP must be a positive integer, got "${env.RUNCAMP_BACKUP_KEEP}"`);
  fileOf(url); // refuses a database that is not an embedded file, at start rather than at the first backup
  return { url, dir: resolve(env.RUNCAMP_BACKUP_DIR ?? join(dirname(fileOf(url)), "backups")), everyMs, keep };
}

/** backupDatabase on a thread of its own (./backup-thread.ts): the host's event loop keeps serving while VACUUM INTO runs. */
function backupOnThread(url: string, target: string): Promise<{ file: string; bytes: number }> {
  return new Promise((done, fail) => {
    const thread = new Worker(new URL("./backup-thread.ts", import.meta.url), { workerData: { url, target } });
    thread.once("message", (m: { ok: true; file: string; bytes: number } | { ok: false; message: string }) =>
      m.ok ? done({ file: m.file, bytes: m.bytes }) : fail(new Error(m.message)),
    );
    thread.once("error", fail);
  });
}

/**
 * Takes a backup into `dir` every `everyMs` (runcamp-<UTC time>.db) and deletes the oldest
 * beyond `keep`. A failed backup is reported on stderr and tried again at the next tick.
 * Returns the function that stops the schedule: it resolves once a backup under way has been
 * taken and the old ones pruned, so that a server stopped meanwhile (SIGTERM) never leaves more
 * than `keep` behind.
 */
export function startBackupSchedule(schedule: BackupSchedule, log: (line: string) => void = console.log): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return; // a backup longer than the interval: skip a tick rather than pile up
    running = takeAndPrune().finally(() => {
      running = undefined;
    });
  };
  const takeAndPrune = async () => {
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z");
    const target = join(schedule.dir, `runcamp-${stamp}.db`);
    // Names are to the second: a schedule shorter than the time a backup takes ends one and
    // starts the next within the same second, which is one backup already taken, not a failure.
    if (existsSync(target)) return;
    try {
      const { file, bytes } = await backupOnThread(schedule.url, target);
      log(`backup: ${file} (${bytes} bytes)`);
      const taken = readdirSync(schedule.dir)
        .filter((name) => SCHEDULED.test(name))
        .sort();
      for (const old of taken.slice(0, Math.max(0, taken.length - schedule.keep))) rmSync(join(schedule.dir, old));
    } catch (err) {
      console.error(`backup into ${schedule.dir} failed: ${(err as Error).message}`);
    }
  };
  const timer = setInterval(tick, schedule.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

// Online backups (src/hosts/backup.ts) taken the way a user takes them: `npm run db:backup`'s
// script against the database of a Node host (a child process) while 64 clients ingest into
// it at once, and the host's own schedule (RUNCAMP_BACKUP_EVERY) beside. The backup passes
// integrity_check and holds every point acknowledged before it began; `npm run db:restore`
// refuses while the server holds the database, refuses a file that is no runcamp database,
// and puts the backup in place of another database, which a host then serves.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { afterAll, expect, test, vi } from "vitest";
import { startBackupSchedule } from "../src/hosts/backup.ts";
import { startServerProcess } from "./support/processes.ts";

const root = resolve(import.meta.dirname, "..");
const node = join(root, "node_modules/.bin/node");
const WRITERS = 64;
const POINTS_PER_REQUEST = 50;
const dir = mkdtempSync(join(tmpdir(), "runcamp-backup-"));
const run = promisify(execFile);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hostEnv = (file: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  PORT: "0",
  HOST: "127.0.0.1",
  LIBSQL_URL: `file:${file}`,
  RUNCAMP_ADMIN_TOKEN: "",
  ...extra,
});

/** Runs scripts/<script> with LIBSQL_URL=file:<database>; its exit code and output. */
async function script(name: string, database: string, arg: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(node, [join(root, "scripts", name), arg], { env: hostEnv(database) });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

async function integrity(file: string): Promise<string[]> {
  const db = createClient({ url: `file:${file}` });
  try {
    return (await db.execute("PRAGMA integrity_check")).rows.map((row) => String(row[0]));
  } finally {
    db.close();
  }
}

const pointValue = (writer: number, step: number) => writer + step / 7;

interface Sent {
  writer: number;
  first: number;
  ackedAt?: number;
}

test(`a backup taken during ${WRITERS}-writer ingest holds every point acknowledged before it, and a restore serves it`, async () => {
  const live = join(dir, "live.db");
  const scheduled = join(dir, "scheduled");
  const server = await startServerProcess(
    node,
    [join(root, "src/hosts/node.ts")],
    hostEnv(live, { RUNCAMP_BACKUP_EVERY: "1s", RUNCAMP_BACKUP_DIR: scheduled, RUNCAMP_BACKUP_KEEP: "2" }),
  );
  for (let w = 0; w < WRITERS; w++) {
    const res = await fetch(`${server.base}/v1/repos/backup/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `w${w}` }),
    });
    expect(res.status).toBe(201);
  }
  const sent: Sent[] = [];
  let stopping = false;
  const writer = async (w: number) => {
    for (let first = 0; !stopping; first += POINTS_PER_REQUEST) {
      const record: Sent = { writer: w, first };
      sent.push(record);
      const points = Array.from({ length: POINTS_PER_REQUEST }, (_, i) => ({ name: "loss", step: first + i, value: pointValue(w, first + i) }));
      const res = await fetch(`${server.base}/v1/repos/backup/runs/w${w}/metrics`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ points }),
      });
      expect([res.status, await res.json()]).toEqual([200, { points: POINTS_PER_REQUEST, series: 1 }]);
      record.ackedAt = performance.now();
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
  await new Promise((r) => setTimeout(r, 1_500));

  const backup = join(dir, "online.db");
  const startedAt = performance.now();
  const taken = await script("db-backup.ts", live, backup);
  expect(taken, taken.out).toMatchObject({ code: 0 });
  const ackedBefore = sent.filter((r) => r.ackedAt !== undefined && r.ackedAt < startedAt);
  const requestsDuring = sent.filter((r) => r.ackedAt !== undefined && r.ackedAt > startedAt).length;
  await new Promise((r) => setTimeout(r, 1_000)); // writers go on after the backup, and a scheduled one runs
  // Refused while the server holds the database, which stays as it was.
  const refused = await script("db-restore.ts", live, backup);
  expect(refused.code).toBe(1);
  expect(refused.out).toMatch(/is open in process \d+ \(a runcamp server\?\): stop it, restore, then start it again/);
  stopping = true;
  await Promise.all(writers);
  const health = await fetch(`${server.base}/v1/repos/backup/runs/w0/metrics/loss?limit=1`);
  expect(health.status).toBe(200);
  await server.process.stop("SIGTERM");

  expect(await integrity(backup)).toEqual(["ok"]);
  // A backup never overwrites a file.
  expect(await script("db-backup.ts", live, backup)).toMatchObject({ code: 1, out: expect.stringMatching(/exists: a backup never overwrites a file/) });
  // The schedule kept the newest two, each sound.
  const kept = readdirSync(scheduled);
  expect(kept.length).toBeGreaterThanOrEqual(1);
  expect(kept.length).toBeLessThanOrEqual(2);
  for (const name of kept) {
    expect(name).toMatch(/^runcamp-\d{8}T\d{6}Z\.db$/);
    expect(await integrity(join(scheduled, name))).toEqual(["ok"]);
  }

  // A restore over another database: refused for a file that is no runcamp database, then done.
  const restoredDir = join(dir, "restored");
  mkdirSync(restoredDir);
  const restored = join(restoredDir, "runcamp.db");
  const other = await startServerProcess(node, [join(root, "src/hosts/node.ts")], hostEnv(restored));
  await other.process.stop("SIGTERM");
  const before = statSync(restored).size;
  const garbage = join(dir, "garbage.db");
  writeFileSync(garbage, "not a database, not at all ".repeat(100));
  const badRestore = await script("db-restore.ts", restored, garbage);
  expect(badRestore.code).toBe(1);
  expect(badRestore.out).toMatch(/cannot be restored/);
  expect(statSync(restored).size).toBe(before);
  const restore = await script("db-restore.ts", restored, backup);
  expect(restore, restore.out).toMatchObject({ code: 0 });
  expect(restore.out).toMatch(/the database it replaced is .*runcamp\.db\.before-restore-\d{8}T\d{6}Z/);
  expect(readdirSync(restoredDir).some((name) => /^runcamp\.db\.before-restore-/.test(name))).toBe(true);

  // A host on the restored file serves every point acknowledged before the backup began.
  const served = await startServerProcess(node, [join(root, "src/hosts/node.ts")], hostEnv(restored));
  let checked = 0;
  try {
    for (let w = 0; w < WRITERS; w++) {
      const steps = new Map<number, number>();
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: "100000", ...(cursor ? { cursor } : {}) });
        const res = await fetch(`${served.base}/v1/repos/backup/runs/w${w}/metrics/loss?${query}`);
        if (res.status === 404) break; // nothing of this writer had landed when the backup began
        expect(res.status).toBe(200);
        const page = (await res.json()) as { points: { step: number; value: number }[]; next_cursor: string | null };
        for (const p of page.points) steps.set(p.step, p.value);
        cursor = page.next_cursor;
      } while (cursor);
      for (const r of ackedBefore.filter((r) => r.writer === w)) {
        for (let step = r.first; step < r.first + POINTS_PER_REQUEST; step++) {
          expect(steps.get(step), `w${w} step ${step}`).toBe(pointValue(w, step));
          checked++;
        }
      }
      // Whole requests only, each one that was sent: no point the backup invented or halved.
      for (const [step, value] of steps) expect(value, `w${w} step ${step}`).toBe(pointValue(w, step));
      expect(steps.size % POINTS_PER_REQUEST, `w${w}`).toBe(0);
    }
  } finally {
    await served.process.stop("SIGTERM");
  }
  console.log(
    `backup: ${ackedBefore.length} requests acknowledged before it (${checked} points, all in the backup), ${requestsDuring} acknowledged while it ran; ` +
      `${kept.length} scheduled backups kept; integrity_check ok`,
  );
  expect(ackedBefore.length).toBeGreaterThan(WRITERS);
  expect(existsSync(`${backup}.partial-${process.pid}`)).toBe(false);
}, 120_000);

test("stopping the schedule waits for a backup under way, so a stopped server leaves at most RUNCAMP_BACKUP_KEEP and no partial file; one a second at most, without errors", async () => {
  const file = join(dir, "scheduled-stop.db");
  const db = createClient({ url: `file:${file}` });
  await db.execute("CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY)");
  await db.execute("CREATE TABLE filler (x BLOB)");
  // A few MiB, so that each VACUUM INTO takes long enough for stop() to land in one.
  for (let i = 0; i < 8; i++) await db.execute({ sql: "INSERT INTO filler VALUES (randomblob(1048576))", args: [] });
  db.close();
  const into = join(dir, "scheduled-stop");
  const lines: string[] = [];
  const errors = vi.spyOn(console, "error");
  const stop = startBackupSchedule({ url: `file:${file}`, dir: into, everyMs: 5, keep: 2 }, (line) => lines.push(line));
  await expect.poll(() => lines.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  // Stop while one is under way (its partial file written).
  await expect.poll(() => readdirSync(into).some((name) => name.includes(".partial-")), { timeout: 20_000, interval: 5 }).toBe(true);
  await stop();
  // Nothing was still under way: no backup ends later (a killed process would have left it).
  const taken = lines.length;
  const left = readdirSync(into);
  await new Promise((r) => setTimeout(r, 1_000));
  expect(lines.length).toBe(taken);
  expect(errors).not.toHaveBeenCalled();
  expect(left.filter((name) => name.includes(".partial-"))).toEqual([]);
  expect(left.length).toBeGreaterThanOrEqual(1);
  expect(left.length).toBeLessThanOrEqual(2);
});

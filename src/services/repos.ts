import { asc, eq, getTableColumns, gt, sql } from "drizzle-orm";
import type { Deps } from "../deps.ts";
import { repos } from "../db/schema.ts";
import { notFound } from "../lib/errors.ts";
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";
import { iso } from "../lib/time.ts";

export interface RepoView {
  name: string;
  description: string;
  created_at: string;
  run_count: number;
  campaign_count: number;
}

// The outer column is spelled out: drizzle renders ${repos.pk} as a bare "pk", which inside
// the subquery binds to runs.pk / campaigns.pk instead of the repo's.
const counts = {
  runCount: sql<number>`(SELECT count(*) FROM runs WHERE runs.repo_pk = "repos"."pk")`,
  campaignCount: sql<number>`(SELECT count(*) FROM campaigns WHERE campaigns.repo_pk = "repos"."pk")`,
};

type RepoRow = typeof repos.$inferSelect & { runCount: number; campaignCount: number };

const view = (r: RepoRow): RepoView => ({
  name: r.name,
  description: r.description,
  created_at: iso(r.createdAt),
  run_count: Number(r.runCount),
  campaign_count: Number(r.campaignCount),
});

/** Repos come into being on first write; this returns the repo's key, creating it if needed. */
export async function ensureRepo({ db }: Deps, name: string): Promise<number> {
  await db.insert(repos).values({ name, createdAt: Date.now() }).onConflictDoNothing();
  const [row] = await db.select({ pk: repos.pk }).from(repos).where(eq(repos.name, name));
  return row.pk;
}

export async function findRepoPk({ db }: Deps, name: string): Promise<number> {
  const [row] = await db.select({ pk: repos.pk }).from(repos).where(eq(repos.name, name));
  if (!row) throw notFound(`Repo "${name}" does not exist.`);
  return row.pk;
}

export async function getRepo({ db }: Deps, name: string): Promise<RepoView> {
  const [row] = await db.select({ ...getTableColumns(repos), ...counts }).from(repos).where(eq(repos.name, name));
  if (!row) throw notFound(`Repo "${name}" does not exist.`);
  return view(row);
}

export async function listRepos({ db }: Deps, limit: number, cursor?: string) {
  const after = cursor ? String(decodeCursor(cursor, ["string"])[0]) : undefined;
  const rows = await db
    .select({ ...getTableColumns(repos), ...counts })
    .from(repos)
    .where(after === undefined ? undefined : gt(repos.name, after))
    .orderBy(asc(repos.name))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(view), next_cursor: rows.length > limit ? encodeCursor([page[page.length - 1].name]) : null };
}

export async function putRepo(deps: Deps, name: string, description: string | undefined) {
  const { db } = deps;
  const inserted = await db
    .insert(repos)
    .values({ name, description: description ?? "", createdAt: Date.now() })
    .onConflictDoNothing()
    .returning({ pk: repos.pk });
  if (!inserted.length && description !== undefined) {
    await db.update(repos).set({ description }).where(eq(repos.name, name));
  }
  return { repo: await getRepo(deps, name), created: inserted.length > 0 };
}

// Children are deleted explicitly (not by ON DELETE CASCADE) because a remote libSQL server
// may run with foreign keys off; one batch keeps it all-or-nothing.
export async function deleteRepo(deps: Deps, name: string): Promise<void> {
  const pk = await findRepoPk(deps, name);
  const runsOf = "SELECT pk FROM runs WHERE repo_pk = ?";
  await deps.client.batch(
    [
      { sql: `DELETE FROM series_blocks WHERE series_pk IN (SELECT pk FROM series WHERE run_pk IN (${runsOf}))`, args: [pk] },
      { sql: `DELETE FROM series WHERE run_pk IN (${runsOf})`, args: [pk] },
      { sql: `DELETE FROM run_values WHERE run_pk IN (${runsOf})`, args: [pk] },
      { sql: "DELETE FROM runs WHERE repo_pk = ?", args: [pk] },
      { sql: "DELETE FROM campaigns WHERE repo_pk = ?", args: [pk] },
      { sql: "DELETE FROM repos WHERE pk = ?", args: [pk] },
    ],
    "write",
  );
}

// Finding (or creating) a repo's key: what every resource below a repo needs first.
import type { Deps } from "../deps.ts";
import { notFound } from "../http/problems.ts";

export const repoNotFound = (name: string) => notFound(`Repo "${name}" does not exist.`);

/** Repos come into being on first write; this returns the repo's key, creating it if needed. */
export async function ensureRepo({ client }: Deps, name: string): Promise<number> {
  // DO UPDATE (a no-op) rather than DO NOTHING so RETURNING yields the existing row too.
  const rs = await client.execute({
    sql: "INSERT INTO repos (name, description, created_at) VALUES (?, '', ?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING pk",
    args: [name, Date.now()],
  });
  return Number(rs.rows[0].pk);
}

export async function findRepoPk({ client }: Deps, name: string): Promise<number> {
  const rs = await client.execute({ sql: "SELECT pk FROM repos WHERE name = ?", args: [name] });
  if (!rs.rows.length) throw repoNotFound(name);
  return Number(rs.rows[0].pk);
}

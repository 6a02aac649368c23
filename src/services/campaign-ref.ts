import type { Deps } from "../deps.ts";
import { notFound } from "../lib/errors.ts";

/** A run names its campaign by id or by name; both are unique within a repo. */
export async function resolveCampaignPk({ client }: Deps, repoPk: number, ref: string): Promise<number> {
  const rs = await client.execute({
    sql: "SELECT pk FROM campaigns WHERE repo_pk = ? AND (id = ? OR name = ?) ORDER BY id = ? DESC LIMIT 1",
    args: [repoPk, ref, ref, ref],
  });
  if (!rs.rows.length) throw notFound(`Campaign "${ref}" does not exist in this repo.`);
  return Number(rs.rows[0].pk);
}

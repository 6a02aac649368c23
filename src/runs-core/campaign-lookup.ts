import type { Deps } from "../deps.ts";
import { notFound } from "../http/problems.ts";
import { excerpt } from "../lib/text.ts";

/** A campaign named by id or by name (both unique within a repo; an id match wins), or null. */
export async function lookupCampaign({ client }: Deps, repoPk: number, ref: string): Promise<{ pk: number; id: string } | null> {
  const rs = await client.execute({
    sql: "SELECT pk, id FROM campaigns WHERE repo_pk = ? AND (id = ? OR name = ?) ORDER BY id = ? DESC LIMIT 1",
    args: [repoPk, ref, ref, ref],
  });
  return rs.rows.length ? { pk: Number(rs.rows[0].pk), id: String(rs.rows[0].id) } : null;
}

/** The campaign a request addresses (in its path), or a 404. */
export async function findCampaign(deps: Deps, repoPk: number, ref: string, repo?: string): Promise<{ pk: number; id: string }> {
  const found = await lookupCampaign(deps, repoPk, ref);
  if (!found) throw notFound(`Campaign ${excerpt(ref)} does not exist in ${repo === undefined ? "this repo" : `repo "${repo}"`}.`);
  return found;
}

import type { Deps } from "../../deps.ts";
import { contextKey } from "../../http/context-key.ts";
import { badRequest } from "../../http/problems.ts";
import { parseContext } from "../../lib/context.ts";
import { jsonText } from "../../lib/json.ts";
import { deeperThan } from "../../lib/json-depth.ts";
import { iso } from "../../lib/time.ts";
import { activityStatement } from "../../runs-core/liveness.ts";
import { findRunPk } from "../../runs-core/run-lookup.ts";
import type { ValueInput, ValueView } from "./schemas.ts";

// A value is one result (final accuracy, a small report object), not a blob store.
const MAX_VALUE_BYTES = 64 * 1024;

export async function listValues({ client }: Deps, runPk: number): Promise<ValueView[]> {
  const rs = await client.execute({ sql: "SELECT name, context, value, updated_at FROM run_values WHERE run_pk = ? ORDER BY name, context", args: [runPk] });
  return rs.rows.map((row) => ({
    name: String(row.name),
    context: parseContext(String(row.context)),
    value: JSON.parse(String(row.value)),
    updated_at: iso(Number(row.updated_at)),
  }));
}

/** Checks values (name length, depth, size) and canonicalises their contexts; errors name `${prefix}${i}.field`. */
export function prepareValues(deps: Deps, values: ValueInput[], prefix = ""): { name: string; context: string; json: string }[] {
  return values.map((item, i) => {
    const context = contextKey(item.context, deps.config.limits, `${prefix}${i}.context`);
    if (item.name.length > deps.config.limits.maxNameLength) {
      throw badRequest("A value name is too long.", [
        { path: `${prefix}${i}.name`, message: `must be at most ${deps.config.limits.maxNameLength} characters` },
      ]);
    }
    if (deeperThan(item.value, deps.config.limits.maxJsonDepth)) {
      throw badRequest("A value nests too deeply.", [
        { path: `${prefix}${i}.value`, message: `must nest at most ${deps.config.limits.maxJsonDepth} levels of arrays and objects` },
      ]);
    }
    // A -0 is kept as -0.0 (src/lib/json.ts): JSON.stringify would store it as 0.
    const json = jsonText(item.value);
    if (new TextEncoder().encode(json).length > MAX_VALUE_BYTES) {
      throw badRequest("A value is too large; store big results as artifacts.", [
        { path: `${prefix}${i}.value`, message: `must be at most ${MAX_VALUE_BYTES} bytes of JSON` },
      ]);
    }
    return { name: item.name, context, json };
  });
}

/** Upserts all values in one batch: either every value lands or none does. */
export async function putValues(deps: Deps, repo: string, runId: string, values: ValueInput[]): Promise<ValueView[]> {
  const prepared = prepareValues(deps, values);
  const { runPk } = await findRunPk(deps, repo, runId);
  const now = Date.now();
  await deps.client.batch(
    [
      ...prepared.map((p) => ({
        sql: `INSERT INTO run_values (run_pk, name, context, value, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (run_pk, name, context) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        args: [runPk, p.name, p.context, p.json, now],
      })),
      activityStatement(runPk, now),
    ],
    "write",
  );
  return listValues(deps, runPk);
}

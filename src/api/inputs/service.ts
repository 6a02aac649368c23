// A run's dataset inputs: kept once per (run, name, digest), the first logging winning, as the
// MLflow server keeps them (sqlalchemy_store.log_inputs). Read by /v1 (the run's `inputs`), by
// the MLflow dialect (get-run, search-runs) and restored by the import.
import type { Client, InStatement } from "@libsql/client";
import type { Deps } from "../../deps.ts";
import { activityStatement } from "../../runs-core/liveness.ts";
import { findRunPk } from "../../runs-core/run-lookup.ts";
import type { InputIn, InputView } from "./schemas.ts";

/** An input as stored: every field present, the digest computed when the client sent none. */
export interface StoredInput {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema: string | null;
  profile: string | null;
  context: string | null;
  tags: Record<string, string>;
}

// The digest of an input sent without one: of what describes the data, not of its name, so
// the same data logged under two names has one digest (as MLflow's dataset digests do).
// Eight hex digits, the length of MLflow's own digests.
async function describedDigest(input: InputIn): Promise<string> {
  const described = JSON.stringify([input.source_type ?? "", input.source ?? "", input.schema ?? null, input.profile ?? null]);
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(described)));
  return [...hash.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function storedInputs(inputs: InputIn[]): Promise<StoredInput[]> {
  return Promise.all(
    inputs.map(async (input) => ({
      name: input.name,
      digest: input.digest ?? (await describedDigest(input)),
      source_type: input.source_type ?? "",
      source: input.source ?? "",
      schema: input.schema ?? null,
      profile: input.profile ?? null,
      context: input.context ?? null,
      tags: input.tags ?? {},
    })),
  );
}

/** Statements adding inputs to a run (`runPkSql` selects it); one already held by name and digest stays as it is. */
export function insertInputs(runPkSql: string, args: (string | number)[], inputs: StoredInput[], now: number): InStatement[] {
  return inputs.map((i) => ({
    sql: `INSERT INTO run_inputs (run_pk, name, digest, source_type, source, schema, profile, context, tags, created_at)
          VALUES (${runPkSql}, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_pk, name, digest) DO NOTHING`,
    args: [...args, i.name, i.digest, i.source_type, i.source, i.schema, i.profile, i.context, JSON.stringify(i.tags), now],
  }));
}

/** Each run's inputs in the order they were first logged, by run key (runs without inputs absent). */
export async function listInputsOfRuns(client: Pick<Client, "execute">, runPks: number[]): Promise<Map<number, InputView[]>> {
  const out = new Map<number, InputView[]>();
  if (!runPks.length) return out;
  const rs = await client.execute({
    sql: `SELECT run_pk, name, digest, source_type, source, schema, profile, context, tags FROM run_inputs
          WHERE run_pk IN (${runPks.map(() => "?").join(",")}) ORDER BY run_pk, pk`,
    args: runPks,
  });
  for (const row of rs.rows) {
    const runPk = Number(row.run_pk);
    const list = out.get(runPk) ?? [];
    list.push({
      name: String(row.name),
      digest: String(row.digest),
      source_type: String(row.source_type),
      source: String(row.source),
      schema: row.schema === null ? null : String(row.schema),
      profile: row.profile === null ? null : String(row.profile),
      context: row.context === null ? null : String(row.context),
      tags: JSON.parse(String(row.tags)),
    });
    out.set(runPk, list);
  }
  return out;
}

export async function listInputs(deps: Deps, runPk: number): Promise<InputView[]> {
  return (await listInputsOfRuns(deps.client, [runPk])).get(runPk) ?? [];
}

/** Adds inputs to a run in one batch (all or none) and answers all of the run's inputs. */
export async function addInputs(deps: Deps, repo: string, runId: string, inputs: InputIn[]): Promise<InputView[]> {
  const stored = await storedInputs(inputs);
  const { runPk } = await findRunPk(deps, repo, runId);
  const now = Date.now();
  await deps.client.batch([...insertInputs("?", [runPk], stored, now), activityStatement(runPk, now)], "write");
  return listInputs(deps, runPk);
}

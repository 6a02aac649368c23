// Reads of mlflow_logged_models and the registry tables for /v1 (the MLflow dialect writes
// them; its files explain the model). Paged by the newest logged model first and by
// registered model name.
import type { Deps } from "../../deps.ts";
import { decodeCursor, pageOf } from "../../http/cursor.ts";
import { iso } from "../../lib/time.ts";
import { findRepoPk } from "../../runs-core/repo-lookup.ts";
import type { LoggedModelInfo, RegisteredModelInfo } from "./schemas.ts";

const STATUS = { LOGGED_MODEL_PENDING: "pending", LOGGED_MODEL_READY: "ready", LOGGED_MODEL_UPLOAD_FAILED: "failed" } as const;
const wire = (x: unknown) => (x === null ? "NaN" : Number(x) === Infinity ? "Infinity" : Number(x) === -Infinity ? "-Infinity" : Number(x));

export async function listLoggedModels(deps: Deps, repo: string, query: { limit: number; cursor?: string; run?: string }) {
  const repoPk = await findRepoPk(deps, repo);
  const where = ["m.repo_pk = ?", "m.deleted = 0"];
  const args: (string | number)[] = [repoPk];
  if (query.run !== undefined) {
    where.push("r.id = ?");
    args.push(query.run);
  }
  if (query.cursor) {
    const [at, pk] = decodeCursor(query.cursor, ["integer", "integer"]) as number[];
    where.push("(m.created_at < ? OR (m.created_at = ? AND m.pk < ?))");
    args.push(at, at, pk);
  }
  const rs = await deps.client.execute({
    sql: `SELECT m.pk, m.id, m.name, r.id AS run, m.status, m.model_type, m.created_at, m.updated_at, m.tags, m.params
      FROM mlflow_logged_models m JOIN runs r ON r.pk = m.run_pk WHERE ${where.join(" AND ")} ORDER BY m.created_at DESC, m.pk DESC LIMIT ?`,
    args: [...args, query.limit + 1],
  });
  const rows = rs.rows as unknown as Record<string, unknown>[];
  const ids = rows.map((r) => Number(r.pk));
  const marks = ids.map(() => "?").join(",");
  const metrics = ids.length
    ? (
        await deps.client.execute({
          sql: `SELECT model_pk, key, value, step, dataset_name FROM mlflow_logged_model_metrics WHERE model_pk IN (${marks}) ORDER BY rowid`,
          args: ids,
        })
      ).rows
    : [];
  const versions = ids.length
    ? (
        await deps.client.execute({
          sql: `SELECT v.model_id, m.name, v.version FROM mlflow_model_versions v JOIN mlflow_registered_models m ON m.pk = v.registered_model_pk
            WHERE v.model_id IN (SELECT id FROM mlflow_logged_models WHERE pk IN (${marks})) ORDER BY m.name, v.version`,
          args: ids,
        })
      ).rows
    : [];
  const view = (r: Record<string, unknown>): LoggedModelInfo => ({
    id: String(r.id),
    name: String(r.name),
    run: String(r.run),
    status: STATUS[String(r.status) as keyof typeof STATUS],
    model_type: String(r.model_type),
    created_at: iso(Number(r.created_at)),
    updated_at: iso(Number(r.updated_at)),
    tags: JSON.parse(String(r.tags)),
    params: JSON.parse(String(r.params)),
    metrics: metrics
      .filter((m) => Number(m.model_pk) === Number(r.pk))
      .map((m) => ({ name: String(m.key), value: wire(m.value), step: Number(m.step), dataset: m.dataset_name === null ? null : String(m.dataset_name) })),
    files: `mlflow-models/${r.id}/`,
    versions: versions.filter((v) => v.model_id === r.id).map((v) => ({ name: String(v.name), version: Number(v.version) })),
  });
  return pageOf(rows, query.limit, view, (last) => [Number(last.created_at), Number(last.pk)]);
}

export async function listRegisteredModels(deps: Deps, repo: string, query: { limit: number; cursor?: string }) {
  const repoPk = await findRepoPk(deps, repo);
  const args: (string | number)[] = [repoPk];
  let after = "";
  if (query.cursor) {
    after = "AND m.name > ?";
    args.push(String(decodeCursor(query.cursor, ["string"])[0]));
  }
  const rs = await deps.client.execute({
    sql: `SELECT m.* FROM mlflow_registered_models m
      WHERE EXISTS (SELECT 1 FROM mlflow_model_versions v JOIN runs r ON r.id = v.run_id WHERE v.registered_model_pk = m.pk AND r.repo_pk = ?) ${after}
      ORDER BY m.name LIMIT ?`,
    args: [...args, query.limit + 1],
  });
  const rows = rs.rows as unknown as Record<string, unknown>[];
  const pks = rows.map((r) => Number(r.pk));
  // A version's run is the oldest run with its id (MLflow names runs by id alone).
  const versions = pks.length
    ? (
        await deps.client.execute({
          sql: `SELECT v.*, (SELECT p.name FROM runs r JOIN repos p ON p.pk = r.repo_pk WHERE r.id = v.run_id ORDER BY r.pk LIMIT 1) AS run_repo
            FROM mlflow_model_versions v WHERE v.registered_model_pk IN (${pks.map(() => "?").join(",")}) ORDER BY v.version DESC`,
          args: pks,
        })
      ).rows
    : [];
  const view = (r: Record<string, unknown>): RegisteredModelInfo => {
    const aliases = JSON.parse(String(r.aliases)) as Record<string, number>;
    return {
      name: String(r.name),
      description: String(r.description),
      tags: JSON.parse(String(r.tags)),
      aliases,
      created_at: iso(Number(r.created_at)),
      updated_at: iso(Number(r.updated_at)),
      versions: versions
        .filter((v) => Number(v.registered_model_pk) === Number(r.pk))
        .map((v) => ({
          version: Number(v.version),
          stage: String(v.stage),
          description: String(v.description),
          source: String(v.source),
          run: v.run_repo === null ? null : { repo: String(v.run_repo), id: String(v.run_id) },
          logged_model: v.model_id === "" ? null : String(v.model_id),
          aliases: Object.keys(aliases).filter((a) => aliases[a] === Number(v.version)),
          tags: JSON.parse(String(v.tags)),
          created_at: iso(Number(v.created_at)),
        })),
    };
  };
  return pageOf(rows, query.limit, view, (last) => [String(last.name)]);
}

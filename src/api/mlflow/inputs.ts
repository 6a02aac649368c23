// MLflow's run inputs (log-inputs; the `inputs` of get-run and search-runs) onto runcamp's
// (../inputs/): a dataset input is a runcamp input, its mlflow.data.context tag the input's
// context, its other tags the input's tags. Model inputs (MLflow 3: the logged models a run
// used) are kept by model id in run_model_inputs and given back by get-run, as the MLflow
// server does (search-runs leaves them out there too).
import type { Deps } from "../../deps.ts";
import { activityStatement } from "../../runs-core/liveness.ts";
import { CONTEXT_TAG, type InputView } from "../inputs/schemas.ts";
import { insertInputs, type StoredInput } from "../inputs/service.ts";
import { invalidParameter } from "./errors.ts";
import type { DatasetInputView, LogInputsInput } from "./schemas.ts";

export function datasetInputView(input: InputView): DatasetInputView {
  const tags = Object.entries(input.tags).map(([key, value]) => ({ key, value }));
  if (input.context !== null) tags.unshift({ key: CONTEXT_TAG, value: input.context });
  return {
    tags,
    dataset: {
      name: input.name,
      digest: input.digest,
      source_type: input.source_type,
      source: input.source,
      ...(input.schema === null ? {} : { schema: input.schema }),
      ...(input.profile === null ? {} : { profile: input.profile }),
    },
  };
}

function storedInput({ dataset, tags = [] }: NonNullable<LogInputsInput["datasets"]>[number], i: number): StoredInput {
  const rest: Record<string, string> = {};
  let context: string | null = null;
  for (const tag of tags) {
    if (tag.key in rest || (tag.key === CONTEXT_TAG && context !== null)) throw invalidParameter(`Duplicate input tag key '${tag.key}' in datasets[${i}].`);
    if (tag.key === CONTEXT_TAG) context = tag.value;
    else rest[tag.key] = tag.value;
  }
  return {
    name: dataset.name,
    digest: dataset.digest,
    source_type: dataset.source_type,
    source: dataset.source,
    schema: dataset.schema ?? null,
    profile: dataset.profile ?? null,
    context,
    tags: rest,
  };
}

/** Keeps a run's dataset and model inputs in one batch; those it holds already stay as they are. */
export async function logMlflowInputs(deps: Deps, runPk: number, input: LogInputsInput): Promise<void> {
  const datasets = (input.datasets ?? []).map(storedInput);
  const now = Date.now();
  await deps.client.batch(
    [
      ...insertInputs("?", [runPk], datasets, now),
      ...(input.models ?? []).map((m) => ({
        sql: "INSERT INTO run_model_inputs (run_pk, model_id, created_at) VALUES (?, ?, ?) ON CONFLICT (run_pk, model_id) DO NOTHING",
        args: [runPk, m.model_id, now],
      })),
      activityStatement(runPk, now),
    ],
    "write",
  );
}

export async function listModelInputs(deps: Deps, runPk: number): Promise<{ model_id: string }[]> {
  const rs = await deps.client.execute({ sql: "SELECT model_id FROM run_model_inputs WHERE run_pk = ? ORDER BY created_at, model_id", args: [runPk] });
  return rs.rows.map((r) => ({ model_id: String(r.model_id) }));
}

// Request and response shapes of the repos routes. Types come from these schemas.
import * as v from "valibot";
import { StrictObject, Text } from "../../http/schemas.ts";

export const RepoView = v.pipe(
  v.object({
    name: v.string(),
    description: v.string(),
    created_at: v.string(),
    run_count: v.number(),
    campaign_count: v.number(),
    mlflow_experiment_id: v.pipe(
      v.string(),
      v.description("The repo as an MLflow experiment: its id in the MLflow dialect (/api/2.0/mlflow) and in MLflow's URLs"),
    ),
  }),
  v.metadata({ ref: "Repo" }),
);
export type RepoView = v.InferOutput<typeof RepoView>;

export const PutRepoBody = v.optional(StrictObject({ description: v.optional(Text) }), {});

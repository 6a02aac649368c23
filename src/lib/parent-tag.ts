// The key/value tag that makes a run nested: MLflow's client sets it on a child run to its
// parent's run id. /v1 shows it as the run's `parent`, and the filter language's `parent` reads it.
export const PARENT_TAG = "mlflow.parentRunId";

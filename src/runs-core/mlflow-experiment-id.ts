// A repo's MLflow experiment id: the repo's key as text, except the repo "default", which is
// MLflow's Default experiment "0". The MLflow dialect names experiments by it, and /v1 shows
// it on each repo so MLflow's UI URLs (/#/experiments/<id>/runs/<run>) can be followed.
export const DEFAULT_REPO = "default";

export const experimentIdOf = (repo: string, pk: number) => (repo === DEFAULT_REPO ? "0" : String(pk));

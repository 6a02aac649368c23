// MLflow's UI URLs, followed to runcamp's pages: the mlflow client prints
// `<tracking URI>/#/experiments/<id>/runs/<run>` ("View run") and `/#/experiments/<id>`
// ("View experiment"); MLflow's UI also has the same paths without the "#". main.tsx turns the
// hash form into the path before routing (the server never sees a hash); this page finds the
// repo that is experiment <id> (each repo shows its mlflow_experiment_id) and replaces itself
// with the run page or the runs table. It asks /v1 with the person's token, so it reveals no
// repo a token could not list.
import { useEffect } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { listRepos } from "../api/endpoints.ts";
import { Layout } from "../components/layout.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { useAsync } from "../use-async.ts";

/** The path a `#/experiments/…` hash names, or null for any other hash. */
export function mlflowHashPath(hash: string): string | null {
  return /^#\/experiments\/[^/?#]+(\/runs\/[^/?#]+)?\/?$/.test(hash) ? hash.slice(1) : null;
}

export function MlflowRedirect() {
  const { params } = useRoute();
  const location = useLocation();
  const { experiment, run } = params;
  const repos = useAsync((signal) => listRepos(signal), []);
  const repo = repos.data?.items.find((r) => r.mlflow_experiment_id === experiment);
  useEffect(() => {
    if (!repo) return;
    const base = `/repos/${encodeURIComponent(repo.name)}`;
    location.route(run ? `${base}/runs/${encodeURIComponent(run)}` : base, true);
  }, [repo?.name, run]);
  return (
    <Layout crumbs={[{ label: `MLflow experiment ${experiment}` }]}>
      <ProblemNote error={repos.error} />
      {repos.loading && <p class="muted">Finding MLflow experiment {experiment}…</p>}
      {repos.data && !repo && (
        <p class="empty">
          No repo is MLflow experiment {experiment}. <a href="/">All repos</a>
        </p>
      )}
    </Layout>
  );
}

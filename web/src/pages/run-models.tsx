// The run page's Models section: the models this run logged through MLflow (their files are
// the run's artifacts below mlflow-models/<id>/); nothing when it logged none.
import { listLoggedModels } from "../api/endpoints.ts";
import { ProblemNote } from "../components/problem-note.tsx";
import { useAsync } from "../use-async.ts";
import { LoggedModelsTable } from "./logged-models-table.tsx";

export function RunModels({ repo, run, refresh }: { repo: string; run: string; refresh: number }) {
  const models = useAsync((signal) => listLoggedModels(repo, run, signal), [repo, run, refresh]);
  if (!models.error && !models.data?.items.length) return null;
  return (
    <section class="run-models">
      <h2>Models</h2>
      <ProblemNote error={models.error} />
      {models.data && <LoggedModelsTable repo={repo} models={models.data.items} showRun={false} />}
    </section>
  );
}

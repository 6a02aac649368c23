// `/repos/{repo}/models`: the models MLflow clients logged and registered — each registered
// model with a version from this repo's runs, its versions (stage, aliases, the run each came
// from), then the repo's logged models with their runs.
import { useRoute } from "preact-iso";
import { listLoggedModels, listRegisteredModels } from "../api/endpoints.ts";
import { Layout, repoCrumb } from "../components/layout.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { formatDate } from "../format.ts";
import { useAsync } from "../use-async.ts";
import { LoggedModelsTable } from "./logged-models-table.tsx";

export function ModelsPage() {
  const { repo } = useRoute().params;
  const registered = useAsync((signal) => listRegisteredModels(repo, signal), [repo]);
  const logged = useAsync((signal) => listLoggedModels(repo, undefined, signal), [repo]);
  const runHref = (r: { repo: string; id: string }) => `/repos/${encodeURIComponent(r.repo)}/runs/${encodeURIComponent(r.id)}`;
  return (
    <Layout crumbs={[repoCrumb(repo), { label: "models" }]} title={["models", repo]}>
      <h1>Models</h1>
      <ProblemNote error={registered.error ?? logged.error} />
      <section class="registered-models">
        <h2>Registered models</h2>
        {registered.data && !registered.data.items.length && <p class="empty">No registered model has a version from this repo's runs.</p>}
        {registered.data?.items.map((m) => (
          <div key={m.name} class="registered-model">
            <h3>
              {m.name} {m.description && <span class="muted">{m.description}</span>}
            </h3>
            <table class="data">
              <thead>
                <tr>
                  <th class="num">Version</th>
                  <th>Aliases</th>
                  <th>Stage</th>
                  <th>Run</th>
                  <th>Source</th>
                  <th>Created</th>
                </tr>
              </thead>
              <tbody>
                {m.versions.map((v) => (
                  <tr key={v.version}>
                    <td class="num">{v.version}</td>
                    <td>
                      {v.aliases.map((a) => (
                        <span key={a} class="chip">
                          @{a}
                        </span>
                      ))}
                    </td>
                    <td>{v.stage === "None" ? "" : v.stage}</td>
                    <td>
                      {v.run ? <a href={runHref(v.run)}>{v.run.repo === repo ? v.run.id : `${v.run.repo}/${v.run.id}`}</a> : <span class="muted">none</span>}
                    </td>
                    <td>
                      <code>{v.source}</code>
                    </td>
                    <td class="date">{formatDate(v.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <section class="logged-models">
        <h2>Logged models</h2>
        {logged.data && !logged.data.items.length && <p class="empty">No run of this repo logged a model (mlflow.&lt;flavor&gt;.log_model or autolog).</p>}
        {logged.data && logged.data.items.length > 0 && <LoggedModelsTable repo={repo} models={logged.data.items} showRun />}
      </section>
    </Layout>
  );
}

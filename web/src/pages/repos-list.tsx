// `/`: every repo with its run and campaign counts.
import { listRepos } from "../api/endpoints.ts";
import { Layout } from "../components/layout.tsx";
import { ProblemNote } from "../components/problem-note.tsx";
import { formatDate } from "../format.ts";
import { useAsync } from "../use-async.ts";

export function ReposList() {
  const repos = useAsync((signal) => listRepos(signal), []);
  const items = repos.data?.items ?? [];
  return (
    <Layout crumbs={[]} title={["repos"]}>
      <h1>Repos</h1>
      <ProblemNote error={repos.error} />
      {repos.data && !items.length && (
        <p class="empty">
          No repos yet. A training script creates one with its first run, e.g. <code>POST /v1/repos/cifar/runs</code> (see the README).
        </p>
      )}
      {items.length > 0 && (
        <table class="data repos">
          <thead>
            <tr>
              <th>Repo</th>
              <th>Description</th>
              <th class="num">Runs</th>
              <th class="num">Campaigns</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.name}>
                <td>
                  <a href={`/repos/${encodeURIComponent(r.name)}`}>{r.name}</a>
                </td>
                <td class="muted">{r.description}</td>
                <td class="num">{r.run_count.toLocaleString("en")}</td>
                <td class="num">{r.campaign_count.toLocaleString("en")}</td>
                <td class="date">{formatDate(r.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

// A table of logged models (MLflow's): name and id (models:/<id> loads it), status, the run
// that logged it, its metrics, and the registered versions made from it.
import type { LoggedModel } from "../api/types.ts";
import { formatDate, formatValue } from "../format.ts";

export function LoggedModelsTable({ repo, models, showRun }: { repo: string; models: LoggedModel[]; showRun: boolean }) {
  const base = `/repos/${encodeURIComponent(repo)}`;
  return (
    <table class="data logged-models">
      <thead>
        <tr>
          <th>Model</th>
          <th>Status</th>
          {showRun && <th>Run</th>}
          <th>Metrics</th>
          <th>Registered as</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.id}>
            <td>
              {m.name} <code class="muted">{m.id}</code>
            </td>
            <td>{m.status}</td>
            {showRun && (
              <td>
                <a href={`${base}/runs/${encodeURIComponent(m.run)}`}>{m.run}</a>
              </td>
            )}
            <td>
              {m.metrics.map((x, i) => (
                <span key={i} class="chip">
                  {x.name} {formatValue(x.value)}
                </span>
              ))}
            </td>
            <td>
              {m.versions.map((v) => (
                <a key={`${v.name}/${v.version}`} class="chip" href={`${base}/models`}>
                  {v.name} v{v.version}
                </a>
              ))}
            </td>
            <td class="date">{formatDate(m.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The runs inside the parallel coordinates' brushes: how many, the first of them as a table
// with the axes' values (each name opens the run), and a link comparing their curves.
import { formatValue } from "../format.ts";
import type { ExplorerRun } from "./explorer-data.ts";

const LISTED = 100;
const count = (n: number) => n.toLocaleString("en");
/** The compare page reads runs chosen by id one request each: past this, brush to fewer. */
const COMPARE_MAX = 100;

export function MatchingRuns({ repo, runs, total, fields }: { repo: string; runs: ExplorerRun[]; total: number; fields: string[] }) {
  const base = `/repos/${encodeURIComponent(repo)}`;
  return (
    <section class="matching-runs" aria-label="Matching runs">
      <div class="toolbar">
        <strong class="match-count">
          {runs.length === total ? `all ${count(total)} runs match` : `${count(runs.length)} of ${count(total)} runs match the brushes`}
        </strong>
        <span class="spacer" />
        {runs.length > 0 && runs.length <= COMPARE_MAX && (
          <a class="button primary" href={`${base}/compare?runs=${runs.map((r) => encodeURIComponent(r.id)).join(",")}`}>
            Compare {runs.length === 1 ? "it" : `these ${runs.length}`}
          </a>
        )}
        {runs.length > COMPARE_MAX && <span class="muted">brush down to {COMPARE_MAX} runs or fewer to compare them</span>}
      </div>
      {runs.length > 0 && (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr>
                <th>Run</th>
                {fields.map((f) => (
                  <th key={f} class="num field">
                    {f}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {runs.slice(0, LISTED).map((r) => (
                <tr key={r.id}>
                  <td class="run-name">
                    <a href={`${base}/runs/${encodeURIComponent(r.id)}`}>{r.name || r.id}</a>
                  </td>
                  {fields.map((f) => (
                    <td key={f} class="num">
                      {formatValue(r.columns[f])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {runs.length > LISTED && <p class="muted">The first {LISTED} listed.</p>}
    </section>
  );
}

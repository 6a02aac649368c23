// The run page's Inputs: the datasets the run used, one row each (name, context, source,
// digest), its schema's columns behind a disclosure. Every field is text the client sent
// (MLflow's log_input, the SDKs'), rendered as text nodes only: a dataset named like markup
// stays that text.
import type { RunInput } from "../api/types.ts";

interface Column {
  name: string;
  type: string;
}

// MLflow writes a dataset's schema as {"mlflow_colspec": [{"name", "type", ...}]} (the SDKs
// too, for a DataFrame); other schemas are shown as the text they are.
function columnsOf(schema: string): Column[] | null {
  try {
    const spec = (JSON.parse(schema) as { mlflow_colspec?: unknown }).mlflow_colspec;
    if (!Array.isArray(spec)) return null;
    return spec.map((c: { name?: unknown; type?: unknown }) => ({ name: String(c?.name ?? ""), type: String(c?.type ?? "") }));
  } catch {
    return null;
  }
}

function SchemaCell({ schema }: { schema: string | null }) {
  if (schema === null) return <span class="muted">—</span>;
  const columns = columnsOf(schema);
  return (
    <details class="input-schema">
      <summary>{columns ? `${columns.length} column${columns.length === 1 ? "" : "s"}` : "schema"}</summary>
      {columns ? (
        <table class="data">
          <tbody>
            {columns.map((c, i) => (
              <tr key={i}>
                <td>{c.name}</td>
                <td class="muted">{c.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <pre>{schema}</pre>
      )}
    </details>
  );
}

export function RunInputs({ inputs }: { inputs: RunInput[] }) {
  return (
    <section class="run-inputs">
      <h2>Inputs</h2>
      {inputs.length ? (
        <table class="data inputs">
          <thead>
            <tr>
              <th>Name</th>
              <th>Context</th>
              <th>Source</th>
              <th>Digest</th>
              <th>Schema</th>
            </tr>
          </thead>
          <tbody>
            {inputs.map((input) => (
              <tr key={`${input.name}\u0000${input.digest}`}>
                <td>{input.name}</td>
                <td class="muted">{input.context ?? ""}</td>
                <td>
                  {input.source_type && <span class="muted">{input.source_type} </span>}
                  {input.source}
                </td>
                <td>
                  <code>{input.digest}</code>
                </td>
                <td>
                  <SchemaCell schema={input.schema} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">none logged</p>
      )}
    </section>
  );
}

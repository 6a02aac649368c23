/** Nested params (or provenance) as a tree: objects fold open, leaves show key and value. */
export function JsonTree({ value, depth = 0 }: { value: Record<string, unknown>; depth?: number }) {
  const entries = Object.entries(value);
  if (!entries.length) return <p class="muted">none</p>;
  return (
    <ul class="tree">
      {entries.map(([key, v]) =>
        v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length ? (
          <li key={key}>
            <details open={depth < 2}>
              <summary>{key}</summary>
              <JsonTree value={v as Record<string, unknown>} depth={depth + 1} />
            </details>
          </li>
        ) : (
          <li key={key} class="leaf">
            <span class="key">{key}</span>
            {/* Exact, as logged: params are compared and filtered by their exact values. */}
            <span class="val">{typeof v === "string" ? v : JSON.stringify(v)}</span>
          </li>
        ),
      )}
    </ul>
  );
}

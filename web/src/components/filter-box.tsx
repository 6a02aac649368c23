// The run filter language in a search box. A bad filter shows the server's message and marks
// the offending position (the problem's errors[0].message starts "at position N").
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiProblem } from "../api/types.ts";

export function filterErrorPosition(error: unknown): { message: string; position: number | null } | null {
  if (!(error instanceof ApiProblem) || error.status !== 400) return null;
  const e = error.errors.find((x) => x.path === "filter") ?? error.errors[0];
  const message = e?.message ?? error.detail;
  const m = /at position (\d+)/.exec(message);
  return { message, position: m ? Number(m[1]) : null };
}

export function FilterBox({
  value,
  error,
  onSubmit,
}: {
  value: string;
  error: { message: string; position: number | null } | null;
  onSubmit(text: string): void;
}) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (error?.position != null && input.current) {
      input.current.focus();
      input.current.setSelectionRange(error.position, error.position + 1);
    }
  }, [error]);
  const at = error?.position != null ? Math.min(error.position, value.length) : null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with the search landmark role; <search> is not in Preact's JSX types
    <form
      class="filter-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(text.trim());
      }}
    >
      <div class="filter-row">
        <input
          ref={input}
          name="filter"
          class={error ? "invalid" : ""}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "filter-error" : undefined}
          spellcheck={false}
          autoComplete="off"
          placeholder={'Filter runs, e.g. params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2'}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="primary">
          Search
        </button>
        {value && (
          <button type="button" onClick={() => onSubmit("")}>
            Clear
          </button>
        )}
      </div>
      {error && (
        <div id="filter-error" class="filter-error" role="alert">
          {at !== null && (
            <code class="filter-mark">
              {value.slice(0, at)}
              <mark>{value.slice(at, at + 1) || " "}</mark>
              {value.slice(at + 1)}
            </code>
          )}
          <span>{error.message}</span>
        </div>
      )}
    </form>
  );
}

// The run page's views of what a run logged: its charts, its system metrics (series named
// `system/…`, apart so they do not crowd the training curves) and its captured output.
export type RunView = "charts" | "system" | "logs";

const VIEWS: { view: RunView; label: string }[] = [
  { view: "charts", label: "Charts" },
  { view: "system", label: "System" },
  { view: "logs", label: "Logs" },
];

export const asRunView = (text: string | undefined): RunView => (text === "system" || text === "logs" ? text : "charts");

export function RunViewTabs({ view, systemCount, onChange }: { view: RunView; systemCount: number; onChange(view: RunView): void }) {
  return (
    <div class="tabs" role="tablist" aria-label="Run views">
      {VIEWS.map((v) => (
        <button
          key={v.view}
          type="button"
          role="tab"
          aria-selected={v.view === view}
          class={v.view === view ? "tab active" : "tab"}
          onClick={() => onChange(v.view)}
        >
          {v.label}
          {v.view === "system" && systemCount > 0 && <span class="muted count">{systemCount}</span>}
        </button>
      ))}
    </div>
  );
}

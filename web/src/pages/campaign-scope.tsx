// What the campaign summary is over, said above it: which runs count (by status, with the
// control that changes it, and how many of the campaign's runs that is) and which repetition
// params the default grouping pools (seed, split, fold: the server's rule), with n per group
// and one click to the group-by control.
import type { CampaignSummary } from "../api/types.ts";

/** The status choices of the control, as the summary's status parameter spells them. */
export const STATUS_CHOICES = [
  { value: "finished", label: "finished" },
  { value: "finished,running", label: "finished + running" },
  { value: "any", label: "all" },
] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number]["value"];

export const statusChoice = (text: string | undefined): StatusChoice => STATUS_CHOICES.find((c) => c.value === text)?.value ?? "finished";

/** "9" when every group counts as many runs (the most of any metric), else "3–9". */
function runsPerGroup(summary: CampaignSummary): string {
  const most = new Map<string, number>();
  for (const row of summary.rows) {
    const key = JSON.stringify(row.group);
    most.set(key, Math.max(most.get(key) ?? 0, row.n + row.nan));
  }
  const counts = [...most.values()];
  if (!counts.length) return "0";
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? String(low) : `${low}–${high}`;
}

interface Props {
  summary: CampaignSummary | undefined;
  /** Every run of the campaign, archived ones included. */
  runCount: number;
  /** Of those, archived (never summarised). */
  archived: number;
  status: StatusChoice;
  onStatus(status: StatusChoice): void;
  onChangeGrouping(): void;
}

export function CampaignScope({ summary, runCount, archived, status, onStatus, onChangeGrouping }: Props) {
  const label = STATUS_CHOICES.find((c) => c.value === status)!.label;
  return (
    <p class="campaign-scope">
      <label>
        counting{" "}
        <select aria-label="Run statuses that count" value={status} onChange={(e) => onStatus(e.currentTarget.value as StatusChoice)}>
          {STATUS_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>{" "}
        runs
      </label>
      {summary && (
        <span class="scope-runs">
          {" "}
          · {summary.selection.runs} of {runCount} runs: {label}
          {archived > 0 && ` (${archived} archived left out)`}
        </span>
      )}
      {summary && summary.pooled.length > 0 && (
        <span class="scope-pooled">
          {" "}
          · pooling {summary.pooled.join(", ")}: n = {runsPerGroup(summary)} per group —{" "}
          <button type="button" class="link" onClick={onChangeGrouping}>
            change
          </button>
        </span>
      )}
    </p>
  );
}

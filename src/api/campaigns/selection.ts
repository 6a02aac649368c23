// The run selection that campaign reports share (the summary, the confusion report): which of
// the campaign's runs count, by status and by filter, and the answer's record of it.
import * as v from "valibot";
import { Status } from "../../http/schemas.ts";
import { commaList, encodedQuery } from "../../http/validation.ts";
import { RUN_STATUSES, type RunStatus } from "../../lib/run-status.ts";
import type { RunSearch, RunSelection } from "../../runs-core/run-selection.ts";

// Statistics are over results: a run still running, or one that failed or was killed
// halfway, has a last value that is not a result. So by default only finished runs count.
export const DEFAULT_REPORT_STATUS: readonly RunStatus[] = ["finished"];
export const StatusParam = encodedQuery(
  v.pipe(
    v.array(v.picklist([...RUN_STATUSES, "any"], `each must be a status (${RUN_STATUSES.join(", ")}) or any`)),
    v.minLength(1, "name at least one status, or any"),
    v.check((list) => !list.includes("any") || list.length === 1, "any stands alone"),
  ),
  commaList,
  "Comma-separated run statuses that count, or any. Default: finished (a run still running, or one that failed or was killed halfway, has no final result), unless filter names status itself.",
);

export const RunSelectionQuery = v.object({
  status: v.optional(StatusParam.schema),
  filter: v.optional(
    v.pipe(
      v.string(),
      v.description(
        "Run filter language: only the campaign's runs it matches count (archived runs only when it names archived), e.g. `params.lr > 1e-3`. With status (or its default) both must hold.",
      ),
    ),
  ),
});

export const SelectionView = v.pipe(
  v.object({
    status: v.pipe(v.nullable(v.array(Status)), v.description("The statuses counted; null: any")),
    filter: v.nullable(v.string()),
    runs: v.pipe(v.number(), v.description("How many of the campaign's runs the selection kept")),
  }),
  v.description("The runs the report is over"),
  v.metadata({ ref: "CampaignRunSelection" }),
);
export type SelectionView = v.InferOutput<typeof SelectionView>;

/** The selection a validated query asks for; `any` is every status, which also overrides the default. */
export function selectionOf(query: v.InferOutput<typeof RunSelectionQuery>): RunSelection {
  const status = StatusParam.decode(query.status);
  return {
    filter: query.filter,
    status: status?.includes("any") ? RUN_STATUSES : (status as RunStatus[] | undefined),
    defaultStatus: DEFAULT_REPORT_STATUS,
  };
}

/** What the answer says of the selection: the statuses that applied (null: any), the filter, the run count. */
export function selectionUsed(search: RunSearch, selection: RunSelection, runs: number): SelectionView {
  const status = search.status && search.status.length < RUN_STATUSES.length ? [...search.status] : null;
  return { status, filter: selection.filter?.trim() || null, runs };
}

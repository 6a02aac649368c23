// Request and response shapes of the liveness routes (heartbeat, close-stale).
import * as v from "valibot";
import { Status, StrictObject } from "../../../http/schemas.ts";
import { RunView } from "../../../runs-core/run-view.ts";

export const RunLivenessView = v.pipe(
  v.object({
    id: v.string(),
    status: Status,
    last_activity_at: v.string(),
    stale: v.boolean(),
    stale_after_seconds: v.pipe(v.number(), v.description("The server's staleness time")),
  }),
  v.metadata({ ref: "RunLiveness" }),
);
export type RunLivenessView = v.InferOutput<typeof RunLivenessView>;

export const CloseStaleBody = v.optional(
  StrictObject({
    filter: v.optional(
      v.pipe(
        v.string(),
        v.description("Run filter language: close only the stale runs it matches (archived runs only when it names archived). Default: every stale run."),
      ),
    ),
  }),
  {},
);

export const ClosedStaleRunsView = v.pipe(
  v.object({
    items: v.pipe(v.array(RunView), v.description("The runs closed: status killed, ended_at their last activity")),
    stale_after_seconds: v.number(),
  }),
  v.metadata({ ref: "ClosedStaleRuns" }),
);
export type ClosedStaleRunsView = v.InferOutput<typeof ClosedStaleRunsView>;

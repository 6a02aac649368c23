// The one list of run states: the database column, the API schemas and the filter language
// all take it from here.
export const RUN_STATUSES = ["running", "finished", "failed", "killed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

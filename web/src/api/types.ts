// The API's shapes, taken from the TypeScript client generated from openapi.yaml (one source
// of truth: `npm run clients` regenerates it when the API changes).
import type { components, operations } from "../../../clients/typescript/src/schema.d.ts";

type Ok<Op extends keyof operations> = operations[Op]["responses"] extends { 200: { content: { "application/json": infer T } } } ? T : never;

export type Repo = Ok<"listRepos">["items"][number];
export type RunPage = Ok<"listRuns">;
export type Run = RunPage["items"][number];
export type ColumnFields = Ok<"listColumns">;
export type RunDetail = Ok<"getRun">;
/** A run as written back by PATCH (without its values and series). */
export type RunFields = Ok<"patchRun">;
export type SeriesSummary = RunDetail["metrics"][number];
/** A dataset the run used (MLflow's log_input, the SDKs' log_input). */
export type RunInput = RunDetail["inputs"][number];
export type Campaign = Ok<"listCampaigns">["items"][number];
export type CampaignDetail = Ok<"getCampaign">;
export type CampaignSummary = Ok<"summarizeCampaign">;
export type SummaryRow = CampaignSummary["rows"][number];
export type CampaignComparison = Ok<"compareCampaign">;
export type CompareRow = CampaignComparison["rows"][number];
/** A series read in the row form (the other forms carry steps[]). */
export type RowSeriesRead = Extract<Ok<"readSeries">, { points: unknown }>;
export type Context = SeriesSummary["context"];
/** A number on the wire: non-finite values travel as strings. */
export type WireNumber = number | "NaN" | "Infinity" | "-Infinity";
export type ArtifactPage = Ok<"listArtifacts">;
export type Artifact = ArtifactPage["items"][number];
export type ConfusionMatrix = components["schemas"]["ConfusionMatrix"];
export type ConfusionMetrics = components["schemas"]["ConfusionMetrics"];
export type CampaignConfusion = Ok<"campaignConfusion">;
export type ConfusionGroup = CampaignConfusion["groups"][number];
export type AcrossRuns = components["schemas"]["AcrossRuns"];
/** A named state of the runs table, kept by the server for the whole lab. */
export type SavedView = Ok<"getView">;
export type ViewState = SavedView["state"];
export type Page<T> = { items: T[]; next_cursor: string | null };
/** A model a run logged through MLflow, and a registered model with its versions. */
export type LoggedModel = Ok<"listLoggedModels">["items"][number];
export type RegisteredModel = Ok<"listRegisteredModels">["items"][number];

export type LogPage = Ok<"readLogs">;
/** One captured line of a run's stdout or stderr. */
export type LogLine = components["schemas"]["LogLine"];
/** Why a run failed, as its script reported it. */
export type RunFailure = components["schemas"]["RunFailure"];

/** An RFC 9457 problem the server answered with. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: { path: string; message: string }[];

  constructor(status: number, title: string, detail: string, errors: { path: string; message: string }[] = []) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

// Request and response shapes of the metrics routes. Types come from these schemas.
import * as v from "valibot";
import { defaultLimits } from "../../config.ts";
import { Context, Cursor, IntegerQuery, Name, ResourceId, Status, WireNumber } from "../../http/schemas.ts";
import { commaList, encodedQuery, jsonQuery } from "../../http/validation.ts";
import { MAX_TIME_MS } from "../../series/index.ts";

export const SeriesSummaryView = v.pipe(
  v.object({
    name: v.string(),
    context: Context,
    count: v.number(),
    first_step: v.nullable(v.number()),
    last_step: v.nullable(v.number()),
    last: v.nullable(WireNumber),
    min: v.nullable(WireNumber),
    max: v.nullable(WireNumber),
    last_time: v.nullable(v.number()),
  }),
  v.metadata({ ref: "SeriesSummary" }),
);
export type SeriesSummaryView = v.InferOutput<typeof SeriesSummaryView>;

// Documents the ingest body; the hot path validates it by hand (./parse-points.ts), so every
// rule here must be one that parser applies (unknown fields refused, a null context is {}).
const IngestPoint = v.strictObject({
  name: Name,
  context: v.optional(v.nullable(Context)),
  step: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  value: WireNumber,
  epoch: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)))),
  time: v.optional(
    v.pipe(v.number(), v.minValue(0), v.maxValue(MAX_TIME_MS / 1000), v.description("Unix seconds; defaults to the time the server received the request")),
  ),
});
export const IngestBody = v.strictObject({
  points: v.pipe(v.array(IngestPoint), v.maxLength(defaultLimits.maxPointsPerRequest)),
  reopen: v.optional(v.pipe(v.boolean(), v.description("Log to a finished run: it becomes running again"))),
});
const WireNumbers = v.array(WireNumber);
const IngestSeries = v.strictObject({
  name: Name,
  context: v.optional(v.nullable(Context)),
  steps: v.pipe(v.array(IngestPoint.entries.step), v.minLength(1), v.description("The steps, one per point; any order, a repeated step: the last one wins")),
  values: v.pipe(WireNumbers, v.description("One value per step (as many items as steps)")),
  epochs: v.optional(v.pipe(v.array(IngestPoint.entries.epoch.wrapped), v.description("One epoch (or null) per step; absent: every epoch null"))),
  times: v.optional(
    v.pipe(v.array(IngestPoint.entries.time.wrapped), v.description("Unix seconds, one per step; absent: the time the server received the request")),
  ),
});
export const IngestColumnsBody = v.pipe(
  v.strictObject({
    series: v.pipe(
      v.array(IngestSeries),
      v.description(`Up to ${defaultLimits.maxPointsPerRequest.toLocaleString("en")} points in all; one series may appear more than once`),
    ),
    reopen: IngestBody.entries.reopen,
  }),
  v.metadata({ ref: "IngestColumns" }),
);
export const IngestQuery = v.object({
  reopen: v.optional(v.pipe(v.picklist(["true", "false"]), v.description("true: log to a finished run, as the body's reopen does (for NDJSON bodies)"))),
});
export const IngestResult = v.object({ points: v.number(), series: v.number() });
export type IngestResult = v.InferOutput<typeof IngestResult>;

const PointView = v.object({ step: v.number(), value: WireNumber, epoch: v.nullable(v.number()), time: v.number() });
export type PointView = v.InferOutput<typeof PointView>;
const BucketView = v.object({
  ...PointView.entries,
  start: v.number(),
  end: v.number(),
  count: v.number(),
  min: v.nullable(WireNumber),
  max: v.nullable(WireNumber),
  min_step: v.nullable(v.number()),
  max_step: v.nullable(v.number()),
});
export type BucketView = v.InferOutput<typeof BucketView>;
const seriesReadEntries = {
  name: v.string(),
  context: Context,
  summary: SeriesSummaryView,
  points: v.pipe(v.array(PointView), v.description("Raw points, or in downsampled reads the last point of each bucket (enough for a plain line plot)")),
  buckets: v.pipe(
    v.nullable(v.array(BucketView)),
    v.description("Downsampled reads only: per step bucket, count, min and max (so spikes stay visible) and the last point"),
  ),
  next_cursor: v.nullable(v.string()),
};
export const SeriesReadView = v.pipe(v.object(seriesReadEntries), v.metadata({ ref: "SeriesRead" }));
export type SeriesReadView = v.InferOutput<typeof SeriesReadView>;

// The same read as columns (one array per field): about half the bytes of the row form, and
// what charting libraries take as is. Bucketed reads: steps/values/epochs/times are each
// bucket's last point.
const BucketColumns = v.object({
  start: v.array(v.number()),
  end: v.array(v.number()),
  count: v.array(v.number()),
  min: v.array(v.nullable(WireNumber)),
  max: v.array(v.nullable(WireNumber)),
  min_step: v.array(v.nullable(v.number())),
  max_step: v.array(v.nullable(v.number())),
});
const seriesColumnsEntries = {
  name: v.string(),
  context: Context,
  summary: SeriesSummaryView,
  steps: v.array(v.number()),
  values: v.array(WireNumber),
  epochs: v.array(v.nullable(v.number())),
  times: v.array(v.number()),
  buckets: v.pipe(
    v.nullable(BucketColumns),
    v.description("Downsampled reads only: per bucket, its step range, count, min and max (NaN ignored) with their steps"),
  ),
  next_cursor: v.nullable(v.string()),
};
export const SeriesColumnsView = v.pipe(v.object(seriesColumnsEntries), v.metadata({ ref: "SeriesColumns" }));
export type SeriesColumnsView = v.InferOutput<typeof SeriesColumnsView>;
// The columnar read with `fields`: the columns not named are left out.
export const SeriesSomeColumnsView = v.pipe(
  v.object({
    ...seriesColumnsEntries,
    steps: v.optional(seriesColumnsEntries.steps),
    values: v.optional(seriesColumnsEntries.values),
    epochs: v.optional(seriesColumnsEntries.epochs),
    times: v.optional(seriesColumnsEntries.times),
    buckets: v.optional(seriesColumnsEntries.buckets),
  }),
  v.metadata({ ref: "SeriesSomeColumns" }),
);
export type SeriesSomeColumnsView = v.InferOutput<typeof SeriesSomeColumnsView>;
export const FORMATS = ["rows", "columnar"] as const;
export type ReadFormat = (typeof FORMATS)[number];
const Format = v.pipe(v.picklist(FORMATS), v.description("rows (default): an object per point; columnar: an array per field"));

const Step = IntegerQuery(Number.MAX_SAFE_INTEGER, 0);
export const ContextParam = jsonQuery(Context, 'The series context as JSON, e.g. {"subset":"val"}; default {}');
export const MAX_READ_POINTS = 100_000;
export const COLUMNS = ["steps", "values", "epochs", "times", "buckets"] as const;
export type Column = (typeof COLUMNS)[number];
export const FieldsParam = encodedQuery(
  v.pipe(v.array(v.picklist(COLUMNS, `must be one of ${COLUMNS.join(", ")}`)), v.minLength(1, "name at least one column")),
  commaList,
  "format=columnar only: the columns to send, comma-separated, from steps, values, epochs, times, buckets, e.g. steps,values. Default: all of them.",
);
export const ReadQuery = v.object({
  context: v.optional(ContextParam.schema),
  from: v.optional(Step),
  to: v.optional(Step),
  points: v.optional(IntegerQuery(MAX_READ_POINTS)),
  limit: v.optional(IntegerQuery(MAX_READ_POINTS), "1000"),
  cursor: v.optional(Cursor),
  format: v.optional(Format, "rows"),
  fields: v.optional(FieldsParam.schema),
});

// Runs are named by id (`runs`) or chosen by a selection (`filter` and/or `status`), not
// both; with neither, every unarchived run of the repo, as an empty filter would choose. The
// body is documented as a union of two strict objects, one per way. It is checked against the
// option whose keys it holds, so an error names the field at fault rather than the whole union.
export const MAX_QUERY_RUNS = 1000;
const queryEntries = {
  metrics: v.pipe(
    v.array(v.strictObject({ name: Name, context: v.optional(Context) })),
    v.minLength(1, "name at least one metric"),
    v.maxLength(100, "at most 100 metrics"),
  ),
  points: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_READ_POINTS)), 1000),
  from: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  to: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  format: v.optional(Format, "rows"),
};
const QueryByRuns = v.pipe(
  v.strictObject({
    runs: v.pipe(v.array(ResourceId), v.minLength(1, "name at least one run"), v.maxLength(MAX_QUERY_RUNS, "at most 1,000 runs")),
    ...queryEntries,
  }),
  v.metadata({ ref: "SeriesQueryByRuns" }),
);
const QueryBySelection = v.pipe(
  v.strictObject({
    filter: v.optional(
      v.pipe(
        v.string(),
        v.description(
          "Run filter language, instead of runs: the matching runs (archived hidden unless the filter names archived) in creation order. More than 1,000 matches is a 400: narrow the filter.",
        ),
      ),
    ),
    status: v.optional(
      v.pipe(
        v.array(Status),
        v.minLength(1, "name at least one status"),
        v.description(
          "Instead of runs, alone or with filter: only runs in these statuses. Default: any status (curves of running and crashed runs are worth seeing).",
        ),
      ),
    ),
    ...queryEntries,
  }),
  v.description("A run selection: filter and/or status; neither selects every unarchived run of the repo"),
  v.metadata({ ref: "SeriesQueryBySelection" }),
);
export const QueryBody = v.pipe(
  v.unknown(),
  v.rawCheck(({ dataset, addIssue }) => {
    const body = dataset.value;
    if (typeof body !== "object" || body === null || Array.isArray(body)) return; // the union reports it
    const byRuns = "runs" in body;
    if (byRuns && ("filter" in body || "status" in body)) {
      addIssue({ message: "give runs, or filter and/or status, not both" });
      return;
    }
    const chosen = v.safeParse(byRuns ? QueryByRuns : QueryBySelection, body);
    for (const issue of chosen.issues ?? []) addIssue({ message: issue.message, path: issue.path });
  }),
  v.union([QueryByRuns, QueryBySelection]),
);
const QueryItem = v.object({ run: v.string(), ...seriesReadEntries });
const QueryColumnsItem = v.object({ run: v.string(), ...seriesColumnsEntries });
export const QueryResult = v.object({ items: v.union([v.array(QueryItem), v.array(QueryColumnsItem)]) });
export type QueryResult = v.InferOutput<typeof QueryResult>;

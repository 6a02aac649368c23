// Engine values (exact floats) to wire shapes (NaN and ±Infinity as strings).
import { parseContext } from "../../lib/context.ts";
import { toWire } from "../../lib/numbers.ts";
import type { Bucket, Point, SeriesSummary } from "../../series/index.ts";
import type { BucketView, Column, PointView, SeriesColumnsView, SeriesSomeColumnsView, SeriesSummaryView } from "./schemas.ts";

const wire = (x: number | null) => (x === null ? null : toWire(x));

export const seriesSummaryView = (s: SeriesSummary): SeriesSummaryView => ({
  name: s.name,
  context: parseContext(s.context),
  count: s.count,
  first_step: s.firstStep,
  last_step: s.lastStep,
  last: wire(s.last),
  min: wire(s.min),
  max: wire(s.max),
  last_time: s.lastTime,
});

export const pointView = (p: Point): PointView => ({ step: p.step, value: toWire(p.value), epoch: p.epoch, time: p.time });

export const bucketView = (b: Bucket): BucketView => ({
  ...pointView(b.last),
  start: b.start,
  end: b.end,
  count: b.count,
  min: wire(b.min),
  max: wire(b.max),
  min_step: b.minStep,
  max_step: b.maxStep,
});

/** Points, or buckets with their last points, as one array per field. */
export function columnsView(
  points: readonly Point[],
  buckets: readonly Bucket[] | null,
): Pick<SeriesColumnsView, "steps" | "values" | "epochs" | "times" | "buckets"> {
  const lasts = buckets ? buckets.map((b) => b.last) : points;
  return {
    steps: lasts.map((p) => p.step),
    values: lasts.map((p) => toWire(p.value)),
    epochs: lasts.map((p) => p.epoch),
    times: lasts.map((p) => p.time),
    buckets: buckets && {
      start: buckets.map((b) => b.start),
      end: buckets.map((b) => b.end),
      count: buckets.map((b) => b.count),
      min: buckets.map((b) => wire(b.min)),
      max: buckets.map((b) => wire(b.max)),
      min_step: buckets.map((b) => b.minStep),
      max_step: buckets.map((b) => b.maxStep),
    },
  };
}

/** A columnar read keeping only the columns in `fields`. */
export function someColumnsView(view: SeriesColumnsView, fields: readonly Column[]): SeriesSomeColumnsView {
  const { steps, values, epochs, times, buckets, ...rest } = view;
  const all = { steps, values, epochs, times, buckets };
  return { ...rest, ...Object.fromEntries(fields.map((field) => [field, all[field]])) };
}

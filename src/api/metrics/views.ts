// Engine values (exact floats) to wire shapes (NaN and ±Infinity as strings).
import { parseContext } from "../../lib/context.ts";
import { toWire } from "../../lib/numbers.ts";
import type { Bucket, Point, SeriesSummary } from "../../series/index.ts";
import type { BucketView, PointView, SeriesSummaryView } from "./schemas.ts";

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

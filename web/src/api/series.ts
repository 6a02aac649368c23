// Series reads for the charts, always downsampled by the server (`points` ≈ the chart's width
// in pixels): a chart never asks for the raw points of a whole long series. Both wire forms
// (rows: points[] + buckets[]; columnar: steps[], values[], ... + buckets{}) become one
// columnar shape here, so the rest of the UI never sees the difference.
import { apiFetch, apiUrl, path, sendJson } from "./client.ts";
import type { Context, RowSeriesRead, SeriesSummary, WireNumber } from "./types.ts";
import { fromWire } from "./wire.ts";

export interface SeriesData {
  run: string;
  name: string;
  context: Context;
  summary: SeriesSummary;
  /** Per point, or per bucket its last point. */
  steps: Float64Array;
  /** NaN and ±Infinity kept as such. */
  values: Float64Array;
  /** NaN where a point has no epoch. */
  epochs: Float64Array;
  /** Unix seconds. */
  times: Float64Array;
  /** Bucketed reads: each bucket's min and max (NaN where a bucket holds only NaN). */
  min: Float64Array | null;
  max: Float64Array | null;
}

interface ColumnarRead {
  name: string;
  context: Context;
  summary: SeriesSummary;
  steps: number[];
  values: WireNumber[];
  epochs: (number | null)[];
  times: number[];
  buckets: null | { start: number[]; end: number[]; count: number[]; min: (WireNumber | null)[]; max: (WireNumber | null)[] };
}

const floats = (xs: ArrayLike<WireNumber | null>) => {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = fromWire(xs[i]);
  return out;
};

function toSeriesData(run: string, read: RowSeriesRead | ColumnarRead): SeriesData {
  const base = { run, name: read.name, context: read.context, summary: read.summary };
  if ("steps" in read) {
    return {
      ...base,
      steps: Float64Array.from(read.steps),
      values: floats(read.values),
      epochs: floats(read.epochs),
      times: Float64Array.from(read.times),
      min: read.buckets && floats(read.buckets.min),
      max: read.buckets && floats(read.buckets.max),
    };
  }
  const n = read.points.length;
  const out: SeriesData = {
    ...base,
    steps: new Float64Array(n),
    values: new Float64Array(n),
    epochs: new Float64Array(n),
    times: new Float64Array(n),
    min: null,
    max: null,
  };
  for (let i = 0; i < n; i++) {
    const p = read.points[i];
    out.steps[i] = p.step;
    out.values[i] = fromWire(p.value);
    out.epochs[i] = p.epoch ?? NaN;
    out.times[i] = p.time;
  }
  if (read.buckets) {
    out.min = floats(read.buckets.map((b) => b.min));
    out.max = floats(read.buckets.map((b) => b.max));
  }
  return out;
}

export interface Range {
  from?: number;
  to?: number;
}

/** One series of a run, downsampled to at most `points` buckets over the step range. */
export async function readSeries(
  repo: string,
  run: string,
  name: string,
  context: Context,
  points: number,
  range: Range,
  signal?: AbortSignal,
): Promise<SeriesData> {
  const url = apiUrl(path("repos", repo, "runs", run, "metrics", name), {
    context: JSON.stringify(context),
    points,
    from: range.from,
    to: range.to,
    format: "columnar",
  });
  const read = await (await apiFetch(url, { signal })).json();
  return toSeriesData(run, read);
}

export interface SeriesQuery extends Range {
  runs?: string[];
  filter?: string;
  metrics: { name: string; context: Context }[];
  points: number;
}

/** Many runs' series at once (POST metrics/query), each downsampled. */
export async function querySeries(repo: string, query: SeriesQuery, signal?: AbortSignal): Promise<SeriesData[]> {
  const body = { ...query, format: "columnar" };
  const res = await sendJson<{ items: ((RowSeriesRead | ColumnarRead) & { run: string })[] }>("POST", path("repos", repo, "metrics", "query"), body, signal);
  return res.items.map((item) => toSeriesData(item.run, item));
}

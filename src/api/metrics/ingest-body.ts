// Which form an ingest body takes: JSON with "points" (an object per point) or "series"
// (columns per series, ./parse-series.ts), or NDJSON (a point per line). All three become the
// same batch: the points of each distinct series, in request order.
import type { Limits } from "../../config.ts";
import { ingestEnvelope } from "./ingest-fields.ts";
import { groupPoints, parsePointsNdjson, pointsOf } from "./parse-points.ts";
import { type IncomingSeries, parseSeriesJson } from "./parse-series.ts";

export interface IngestBatch {
  /** Distinct series. */
  series: IncomingSeries[];
  /** Points in the request (repeated steps counted each time). */
  points: number;
}

/** A JSON body, parsed: `{"points": [...]}` or `{"series": [...]}`, with an optional `reopen`. */
export function parseIngestJson(raw: unknown, limits: Limits, now: number): IngestBatch & { reopen: boolean } {
  const { body, reopen } = ingestEnvelope(raw);
  if ("series" in body) return { ...parseSeriesJson(body, limits, now), reopen };
  const points = pointsOf(body, limits, now);
  return { series: groupPoints(points), points: points.length, reopen };
}

export function parseIngestNdjson(text: string, limits: Limits, now: number): IngestBatch {
  const points = parsePointsNdjson(text, limits, now);
  return { series: groupPoints(points), points: points.length };
}

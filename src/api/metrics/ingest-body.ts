// Which form an ingest body takes, by its Content-Type: JSON with "points" (an object per
// point) or "series" (columns per series, ./parse-series.ts), or NDJSON (a point per line).
// All three become the same batch: the points of each distinct series, in request order.
// JSON and NDJSON may write NaN and ±Infinity as bare tokens (../../lib/nonfinite-json.ts).
import type { Limits } from "../../config.ts";
import { badRequest, unsupportedMediaType } from "../../http/problems.ts";
import { parseJsonAllowingNonFinite } from "../../lib/nonfinite-json.ts";
import { excerpt } from "../../lib/text.ts";
import { ingestEnvelope } from "./ingest-fields.ts";
import { groupPoints, parsePointsNdjson, pointsOf } from "./parse-points.ts";
import { type IncomingSeries, parseSeriesJson } from "./parse-series.ts";

export interface IngestBatch {
  /** Distinct series. */
  series: IncomingSeries[];
  /** Points in the request (repeated steps counted each time). */
  points: number;
}

const NDJSON_TYPES = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"]);

/** What an ingest handler needs of its request (Hono's c.req is one). */
export interface IngestRequest {
  header(name: string): string | undefined;
  text(): Promise<string>;
}

/** A batch read but not parsed yet, and whether a JSON body asks to `reopen`. */
export type UnparsedBatch = () => IngestBatch & { reopen: boolean };

/**
 * The request's body, read, with the parser of the form its Content-Type names: 415 for any
 * other type (the body is not read). Parsing is left to the caller (ingestSeries parses after
 * finding the run, so a request for a run that does not exist costs no parse); it throws 400
 * for malformed JSON or a point a field rule refuses.
 */
export async function readIngestBody(req: IngestRequest, limits: Limits, now: number): Promise<UnparsedBatch> {
  const mediaType = (req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType === "application/json") {
    const text = await req.text();
    return () => {
      let body: unknown;
      try {
        body = parseJsonAllowingNonFinite(text);
      } catch {
        throw badRequest("Malformed JSON in request body");
      }
      return parseIngestJson(body, limits, now);
    };
  }
  if (NDJSON_TYPES.has(mediaType)) {
    const text = await req.text();
    return () => ({ ...parseIngestNdjson(text, limits, now), reopen: false });
  }
  throw unsupportedMediaType(`Send points as application/json or application/x-ndjson (got ${mediaType ? excerpt(mediaType) : "no content type"}).`);
}

/** A JSON body, parsed: `{"points": [...]}` or `{"series": [...]}`, with an optional `reopen`. */
function parseIngestJson(raw: unknown, limits: Limits, now: number): IngestBatch & { reopen: boolean } {
  const { body, reopen } = ingestEnvelope(raw);
  if ("series" in body) return { ...parseSeriesJson(body, limits, now), reopen };
  const points = pointsOf(body, limits, now);
  return { series: groupPoints(points), points: points.length, reopen };
}

function parseIngestNdjson(text: string, limits: Limits, now: number): IngestBatch {
  const points = parsePointsNdjson(text, limits, now);
  return { series: groupPoints(points), points: points.length };
}

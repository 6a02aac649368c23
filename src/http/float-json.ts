// The JSON answer of a route that returns stored floats (series reads, values, run columns):
// a -0 reads back as -0.0, not 0 (src/lib/json.ts says how, and what it costs).
import type { Context } from "hono";
import { jsonText } from "../lib/json.ts";

export const floatJson = (c: Context, body: unknown) => c.body(jsonText(body), 200, { "content-type": "application/json" });

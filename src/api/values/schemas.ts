// Request and response shapes of the values routes. Types come from these schemas.
import * as v from "valibot";
import { Context, JsonObject, Name, StrictObject } from "../../http/schemas.ts";

// A list is a value too (per-class scores, a confusion-matrix row); NaN and ±Infinity
// inside it travel as the wire strings, like everywhere else.
export const Value = v.pipe(v.union([v.string(), v.number(), v.boolean(), v.null(), JsonObject, v.array(v.unknown())]), v.metadata({ ref: "Value" }));
export type Value = v.InferOutput<typeof Value>;

export const ValueView = v.pipe(v.object({ name: v.string(), context: Context, value: Value, updated_at: v.string() }), v.metadata({ ref: "RunValue" }));
export type ValueView = v.InferOutput<typeof ValueView>;

export const PutValuesBody = v.pipe(
  v.array(StrictObject({ name: Name, context: v.optional(Context), value: Value })),
  v.maxLength(10_000, "at most 10,000 values per request"),
);
export type ValueInput = v.InferOutput<typeof PutValuesBody>[number];

export const ValuesResult = v.object({ items: v.array(ValueView) });

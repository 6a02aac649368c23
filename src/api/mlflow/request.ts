// How a MLflow handler reads its request: a GET's (and the UI's) query string, else the JSON
// body MLflow sends, checked with a schema; a failed check is MLflow's INVALID_PARAMETER_VALUE
// naming the field.
import type { Context } from "hono";
import * as v from "valibot";
import { invalidParameter } from "./errors.ts";

const REPEATED = new Set(["run_ids", "experiment_ids", "order_by"]);

/** The request's fields: a GET's query string (repeated keys as lists), else the JSON body. */
async function fields(c: Context): Promise<unknown> {
  if (c.req.method === "GET" || c.req.method === "HEAD") {
    const out: Record<string, string | string[]> = {};
    const url = new URL(c.req.url);
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      out[key] = REPEATED.has(key) ? all : all[all.length - 1];
    }
    return out;
  }
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalidParameter("The request body is not JSON.");
  }
}

export async function read<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const result = v.safeParse(schema, await fields(c));
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = (issue.path ?? []).map((p) => String(p.key)).join(".") || "body";
  throw invalidParameter(`Invalid value for parameter '${path.slice(0, 80)}': ${issue.message}.`);
}

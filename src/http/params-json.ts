import type { Limits } from "../config.ts";
import { deeperThan } from "../lib/json-depth.ts";
import { badRequest, tooLarge } from "./problems.ts";

/**
 * Free-form JSON from a request (params, provenance, an object value) as the text stored:
 * a 400 naming `field` when it nests deeper than the limit, a 413 past the size limit.
 * Checked before anything is written, and before anything recursive walks it.
 */
export function storedJson(value: unknown, field: string, limits: Pick<Limits, "maxParamsBytes" | "maxJsonDepth">, maxBytes = limits.maxParamsBytes): string {
  if (deeperThan(value, limits.maxJsonDepth)) {
    throw badRequest(`${field} nests too deeply.`, [{ path: field, message: `must nest at most ${limits.maxJsonDepth} levels of arrays and objects` }]);
  }
  const text = JSON.stringify(value);
  if (new TextEncoder().encode(text).length > maxBytes) throw tooLarge(`${field} may hold at most ${maxBytes} bytes of JSON.`);
  return text;
}

import type { Limits } from "../config.ts";
import { tooLarge } from "./problems.ts";

/** Params (of a run or a campaign) as the JSON text stored, or a 413 past the configured size. */
export function paramsJson(params: object, limits: Pick<Limits, "maxParamsBytes">): string {
  const text = JSON.stringify(params);
  if (new TextEncoder().encode(text).length > limits.maxParamsBytes) {
    throw tooLarge(`params may hold at most ${limits.maxParamsBytes} bytes of JSON.`);
  }
  return text;
}

import type { WireNumber } from "./types.ts";

/** A wire number as a JavaScript number: "NaN", "Infinity" and "-Infinity" become the real thing. */
export function fromWire(x: WireNumber | null | undefined): number {
  if (x === null || x === undefined) return NaN;
  if (typeof x === "number") return x;
  return x === "Infinity" ? Infinity : x === "-Infinity" ? -Infinity : NaN;
}

/** Context objects compare by their sorted keys, as the server stores them. */
export function contextKey(context: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

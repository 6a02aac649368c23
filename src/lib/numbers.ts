// JSON has no NaN or Infinity, so they travel as the strings "NaN", "Infinity", "-Infinity".
export type WireNumber = number | "NaN" | "Infinity" | "-Infinity";

export function toWire(x: number): WireNumber {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) return "NaN";
  return x > 0 ? "Infinity" : "-Infinity";
}

export function fromWire(x: WireNumber): number {
  if (typeof x === "number") return x;
  return x === "NaN" ? NaN : x === "Infinity" ? Infinity : -Infinity;
}

/** -0, which compares equal to 0 (JSON.stringify writes it as 0: see ./json.ts). */
export const isNegativeZero = (x: number) => x === 0 && 1 / x < 0;

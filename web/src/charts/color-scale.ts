// Colour by a column in the explorers: a numeric column on a continuous scale (viridis: ordered
// in lightness, readable by the colour-blind), a categorical one with the line palette. A run
// without the value is grey.
import type { Axis } from "./field-axis.ts";
import { colorAt } from "./palette.ts";

export const MISSING_COLOR = "#b8bcc6";

// Viridis at 0, 0.25, 0.5, 0.75 and 1.
const STOPS = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** The continuous scale's colour at `t` (0–1). */
export function viridis(t: number): string {
  const x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [r, g, b] = STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * f));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The continuous scale as a CSS gradient for the legend: low on the left, high on the right. */
export const viridisGradient = () => `linear-gradient(to right, ${STOPS.map((_, i) => viridis(i / (STOPS.length - 1))).join(", ")})`;

/** A run's colour from its value on the colour axis. */
export function colorOf(axis: Axis, value: unknown): string {
  const p = axis.pos(value);
  if (p === null) return MISSING_COLOR;
  if (axis.kind === "numeric") return viridis(p);
  return colorAt(Math.round(p * (axis.categories.length - 1)));
}

// Line colors: a categorical palette (Tableau 10, readable on white), then the same hues darker
// and lighter so more than ten lines stay distinguishable.
const BASE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
const DARK = ["#2b5c8a", "#c9661a", "#b8383b", "#4f918c", "#3b7a34", "#c4a22a", "#8a5680", "#d9707b", "#74543f", "#8f8580"];
const LIGHT = ["#8cb0d6", "#f7bb80", "#ee9a9b", "#a9d5d1", "#93c988", "#f4de8f", "#d1aeca", "#ffc6cb", "#c4a592", "#d8d1ce"];
const ALL = [...BASE, ...DARK, ...LIGHT];

export const colorAt = (i: number) => ALL[i % ALL.length];

/** `#rrggbb` with an alpha, for bands. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
